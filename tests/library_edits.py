"""Test helper: the library with one of its measures changed, to show that a check catches the
change (the lead rules' tests break one measure at a time)."""

from __future__ import annotations

from dataclasses import replace

from drafter.library import Library


def with_changed_measure(library: Library, measure_id: str, **change) -> Library:
    """`library` in which the measure `measure_id` has the fields in `change` (lead, text, joint…)."""
    chapter_id = measure_id.split(".")[0]
    chapter = next(c for c in library.chapters if c.id == chapter_id)
    topics = tuple(replace(t, measures=tuple(replace(m, **change) if m.id == measure_id else m for m in t.measures))
                   for t in chapter.topics)
    return replace(library, chapters=tuple(replace(c, topics=topics) if c.id == chapter_id else c
                                           for c in library.chapters))
