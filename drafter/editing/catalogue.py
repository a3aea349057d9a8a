"""What the form offers to pick from: topics by Chinese title, roles, model plans, and a
keyword search of the library showing each measure's sources."""

from __future__ import annotations

from typing import Any

from ..library import Library
from ..library.citations import PLANS, sources_words
from ..profile.places import PROVINCES


def catalogue(library: Library) -> dict[str, Any]:
    """Topics (with their chapter), roles, seed plans and provinces, as the page's pickers show them."""
    return {
        "topics": [{"id": topic.id, "title": topic.title, "chapter": chapter.title}
                   for chapter in library.chapters for topic in chapter.topics],
        "roles": [{"key": key, "label": role.label} for key, role in library.roles.items()],
        "models": [{"key": key, "name": name} for key, name in PLANS.items()],
        "provinces": list(PROVINCES),
    }


def _sources(library: Library, measure) -> str:  # type: ignore[no-untyped-def]
    """Where a measure comes from: the seed plans' items, else the national documents it rests on."""
    if measure.sources:
        return sources_words(measure.sources)
    cited = [library.documents[key].cited for key in measure.basis if key in library.documents]
    return f"国家新部署，依据{'、'.join(cited)}" if cited else "国家新部署"


def search_measures(library: Library, query: str, limit: int = 30) -> list[dict[str, Any]]:
    """Measures whose id, title, text or topic holds every word of the query (space-separated)."""
    words = [word for word in query.split() if word]
    if not words:
        return []
    found = []
    for chapter in library.chapters:
        for topic in chapter.topics:
            for measure in topic.measures:
                haystack = f"{measure.id} {measure.title} {measure.text} {topic.title}"
                if all(word in haystack for word in words):
                    found.append({
                        "id": measure.id, "title": measure.title, "text": measure.text,
                        "topic": topic.title, "tier": measure.tier, "sources": _sources(library, measure),
                    })
                    if len(found) >= limit:
                        return found
    return found
