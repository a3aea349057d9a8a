"""Topics found by what people type: a key, a (part of a) Chinese title, or a word their
measures use ("安全生产" → the topics whose measures speak of it).

Shared by the profile's `topic:` check and `drafter library list --topic`.
"""

from __future__ import annotations

from collections import Counter

from .model import Library

MAX_SHOWN = 3
MAX_WORD = 64  # no title is longer; a longer text is no slip of one (difflib is quadratic)


def titled(library: Library, key: str) -> str:
    """“emergencies.institutions（完善突发事件应对制度）”; a chapter key with its chapter's title."""
    titles = {topic.id: topic.title for topic in library.topics()} | {c.id: c.title for c in library.chapters}
    return f"{key}（{titles[key]}）" if key in titles else key


def by_title(library: Library, word: str, chapters: bool = False) -> list[str]:
    """Keys whose Chinese title contains the word: chapters first (when asked), then topics."""
    text = word.strip()
    if not text or text.isascii():
        return []
    found = [c.id for c in library.chapters if chapters and text in c.title]
    found += [t.id for t in library.topics()
              if (text in t.title or text in (t.outline_title or "")) and t.id.split(".")[0] not in found]
    return found


def suggestions(library: Library, word: str) -> list[str]:
    """Topic keys the word most likely means, best first: by title, by the measures' words, by spelling."""
    text = word.strip()
    if not text or len(text) > MAX_WORD:
        return []
    found = by_title(library, text)
    if not found and not text.isascii():
        mentions = Counter(topic.id for topic in library.topics() for m in topic.measures if text in m.title + m.text)
        found = [key for key, _ in mentions.most_common()]
    if not found:
        import difflib  # only for a misspelt topic

        keys = library.topic_ids()
        if text.isascii():
            found = difflib.get_close_matches(text, keys, n=1, cutoff=0.6)
        else:
            titles = {t.title: t.id for t in library.topics()}
            found = [titles[t] for t in difflib.get_close_matches(text, list(titles), n=MAX_SHOWN, cutoff=0.4)]
    return found[:MAX_SHOWN]


def hint(library: Library, word: str) -> str:
    """“，是否想写 a（甲）？” for a misspelt key, “，是否指 a（甲）、b（乙）？” for words, or ""."""
    found = suggestions(library, word)
    if word.isascii():
        return f"，是否想写 {titled(library, found[0])}？" if found else ""
    return f"，是否指 {'、'.join(titled(library, key) for key in found)}？" if found else ""
