"""Turn the text of a published plan into PlanItems, detecting its numbering scheme.

Nothing here knows the seed plans by name: the scheme is read from the text.
  * Chapters are 一、 lines (or an Arabic 1、 heading standing where a chapter belongs).
  * The item marker is the marker kind that most often opens a body paragraph:
    （1） in datong, （一） in zhangye, 1. / 1． in the others.
  * Items are numbered across the plan, unless "1" occurs more than once; then numbering
    restarts per section and labels are "<section>.<item>" (biyang:3.4).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .model import IngestError, PlanItem
from .numbering import Chapter, Line, split_chapters
from .units import extract_dates, merge_units

# Chapter one is the general part when titled so, or when it has no numbered paragraph
# (bishan's chapter one is "深入学习贯彻习近平法治思想，…" with one unnumbered paragraph).
_GENERAL_TITLE = re.compile(r"总体要求|指导思想|基本原则|总体目标|主要目标|工作目标|总体思路")
# 组织保障 chapters get "g" labels when their sections carry no numbered items (biyang:g1).
_GUARANTEE_TITLE = re.compile(r"组织保障|保障措施|组织实施|组织领导|实施保障")


@dataclass
class _Slot:
    """An item before labelling: a numbered paragraph or an unnumbered one in a run."""
    seq: tuple[str, int]  # numbering sequence: whole plan, or (prefix, section)
    number: int | None
    chapter: str
    topic: str
    lines: list[Line]
    fixed_label: str | None = None  # sections without items and 组织保障 sections


def _is_general(chapter: Chapter) -> bool:
    return bool(_GENERAL_TITLE.search(chapter.title)) or not any(
        line.kind == "para" and line.marker for line in chapter.lines)


def _general_item(key: str, chapter: Chapter) -> PlanItem | None:
    paragraphs = [line.body for line in chapter.lines if line.kind == "para"]
    if not paragraphs:
        return None
    text = "\n".join(paragraphs)
    return PlanItem(key, "general", chapter.title, "", text, dates=extract_dates(text))


def _item_kind(chapters: list[Chapter]) -> str | None:
    kinds = Counter(line.marker.kind for chapter in chapters for line in chapter.lines
                    if line.kind == "para" and line.marker)
    return kinds.most_common(1)[0][0] if kinds else None


def _is_item(line: Line, item_kind: str | None) -> bool:
    return line.kind == "para" and line.marker is not None and line.marker.kind == item_kind


def _section_kind(chapters: list[Chapter], item_kind: str | None) -> str | None:
    """The heading marker directly above items (（一） in biyang)."""
    kinds: Counter[str] = Counter()
    for chapter in chapters:
        last: str | None = None
        for line in chapter.lines:
            if line.kind == "heading" and line.marker:
                last = line.marker.kind
            elif _is_item(line, item_kind) and last:
                kinds[last] += 1
    return kinds.most_common(1)[0][0] if kinds else None


def _guarantee_slots(chapter: Chapter) -> list[_Slot]:
    """A 组织保障 chapter without numbered items: one item per section (or paragraph).

    Decision for unnumbered 组织保障 text: SEEDS.md labels biyang's 组织保障 sections
    g1–g3, so any such chapter gets g<n> in printed order. Paragraphs before the first
    heading are the chapter's lead-in and are skipped when headings exist.
    """
    has_headings = any(line.kind == "heading" for line in chapter.lines)
    groups: list[tuple[str, list[Line]]] = []
    for line in chapter.lines:
        if line.kind == "heading":
            groups.append((line.text, []))
        elif line.kind == "para":
            if not has_headings:
                groups.append(("", [line]))
            elif groups:
                groups[-1][1].append(line)
    return [_Slot(("g", 0), None, chapter.title, topic, lines, f"g{index}")
            for index, (topic, lines) in enumerate((g for g in groups if g[1]), start=1)]


def _slots(chapters: list[Chapter]) -> list[_Slot]:
    item_kind = _item_kind(chapters)
    items = [line for chapter in chapters for line in chapter.lines if _is_item(line, item_kind)]
    restart = sum(1 for line in items if line.marker and line.marker.number == 1) >= 2
    # Plans that print units after (nearly) every measure: an unnumbered paragraph is a
    # measure exactly when it carries units too. This keeps out datong's 目标： lines and
    # the closing paragraphs of datong, zhangye and bishan.
    with_units = bool(items) and sum(1 for line in items if line.units) * 2 >= len(items)
    section_kind = _section_kind(chapters, item_kind) if restart else None
    # When sections restart in several task chapters, the chapter number keeps labels apart.
    section_chapters = [c for c in chapters if not _GUARANTEE_TITLE.search(c.title)
                        and any(_is_item(line, item_kind) for line in c.lines)]
    chapter_prefix = restart and len(section_chapters) > 1
    last_item = items[-1] if items else None
    slots: list[_Slot] = []
    for chapter in chapters:
        guarantee = bool(_GUARANTEE_TITLE.search(chapter.title))
        if guarantee and not any(_is_item(line, item_kind) for line in chapter.lines):
            slots.extend(_guarantee_slots(chapter))
            continue
        prefix = "g" if guarantee else f"{chapter.number}-" if chapter_prefix else ""
        section, topic, in_run, seen_last = chapter.number, "", False, False
        pending: list[_Slot] = []  # slots of the current section (restart scheme)
        paragraphs: list[Line] = []  # unnumbered paragraphs of the current section
        section_topic = ""

        def close_section() -> None:
            # A section printed without numbered items is one item: biyang:2, biyang:10.
            if restart and paragraphs and not any(s.number is not None for s in pending):
                slots.append(_Slot((prefix, section), None, chapter.title, section_topic,
                                   list(paragraphs), f"{prefix}{section}"))
            else:
                slots.extend(pending)
            pending.clear()
            paragraphs.clear()

        for line in chapter.lines:
            if line.kind == "label":
                continue
            if line.kind == "heading":
                topic, in_run = line.text, False
                if restart and line.marker and line.marker.kind == section_kind:
                    close_section()
                    section, section_topic = line.marker.number, line.text
                continue
            seq = (prefix, section) if restart else ("", 0)
            if _is_item(line, item_kind):
                assert line.marker is not None
                pending.append(_Slot(seq, line.marker.number, chapter.title, topic, [line]))
                in_run, seen_last = True, seen_last or line is last_item
                continue
            paragraphs.append(line)
            # Without units to go by, a paragraph continuing a numbered run is a measure,
            # but not once the last numbered item is behind us (closing remarks).
            candidate = line.units is not None if with_units else in_run and not seen_last
            if candidate:
                pending.append(_Slot(seq, None, chapter.title, topic, [line]))
            in_run = candidate
        close_section()
    return slots


def _letters(count: int) -> str:
    """1 → a, 26 → z, 27 → aa."""
    out = ""
    while count:
        count, rest = divmod(count - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def _label(slots: list[_Slot]) -> list[str]:
    """Printed numbers; an unnumbered measure takes the missing number of a gap
    (datong:13), else the previous number plus a letter (datong:81a, zhangye:27a)."""
    labels: list[str] = [""] * len(slots)
    by_seq: dict[tuple[str, int], list[int]] = {}
    for index, slot in enumerate(slots):
        if slot.fixed_label is not None:
            labels[index] = slot.fixed_label
        else:
            by_seq.setdefault(slot.seq, []).append(index)
    for (prefix, section), indexes in by_seq.items():
        head = f"{prefix}{section}." if section or prefix == "g" else prefix
        last, letter = 0, 0
        for position, index in enumerate(indexes):
            number = slots[index].number
            if number is None:
                following = (slots[i].number for i in indexes[position + 1:])
                upcoming = next((n for n in following if n is not None), None)
                if upcoming is not None and upcoming - last >= 2:
                    number = last + 1
            if number is None:
                letter += 1
                labels[index] = f"{head}{last}{_letters(letter)}"
            else:
                last, letter = number, 0
                labels[index] = f"{head}{number}"
    # A number printed twice would break citations; later copies get a letter.
    seen: set[str] = set()
    for index, label in enumerate(labels):
        candidate, extra = label, 0
        while candidate in seen:
            extra += 1
            candidate = f"{label}{_letters(extra)}"
        labels[index] = candidate
        seen.add(candidate)
    return labels


def parse_plan(text: str, key: str) -> list[PlanItem]:
    """All measure items of a plan, chapter one as one "general" item first."""
    chapters = split_chapters(text)
    result: list[PlanItem] = []
    if chapters[0].number and _is_general(chapters[0]):
        general = _general_item(key, chapters[0])
        if general:
            result.append(general)
        chapters = chapters[1:]
    slots = _slots(chapters)
    for slot, label in zip(slots, _label(slots)):
        body = "\n".join(line.body for line in slot.lines)
        units = merge_units([line.units for line in slot.lines if line.units])
        result.append(PlanItem(key, label, slot.chapter, slot.topic, body, units.lead,
                               units.partners, units.responsible, extract_dates(body)))
    return result
