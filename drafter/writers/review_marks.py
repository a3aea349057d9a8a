"""The review copy's marks, written with the body: highlights and Word comment anchors as
WordprocessingML text.

The body writer asks `ReviewMarks` for the runs of each paragraph and table cell; a measure
gets a comment on the whole paragraph saying where it came from, and each default value in
it (a unit name the profile did not set, an assumed deadline) is a highlighted run of its
own with one comment naming the field to set; an assumed deadline is marked again in the
分工表's 完成时限 cell of its row. Document notes (the title, an assumed basis,
a general target) are marked where they first stand. The comments themselves are collected
as comments.xml text. Nothing here reads back a built document: a review copy of 1,000
measures is the plain writer's work plus its marks.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence

from ..document import Default, Paragraph, Table
from .docx_body import escape, run_xml

Runs = Sequence[tuple[str, bool]]
# A unit name followed by one of these is part of a longer name (县政府 in 县政府办公室).
_LONGER_NAME = re.compile(r"[办局委院会部中心队所站各]")
AUTHOR = "drafter"
INITIALS = "DR"
# One comment of comments.xml, as python-docx's add_comment writes it (same elements, same order).
_COMMENT_XML = ('<w:comment w:id="{id}" w:author="%s" w:initials="%s" w:date="{date}">'
                '<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>'
                '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>'
                '<w:r><w:t>{text}</w:t></w:r></w:p></w:comment>') % (AUTHOR, INITIALS)
_REFERENCE = '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="{id}"/></w:r>'


def spans_of(full: str, texts: Sequence[str]) -> list[tuple[int, int]]:
    """Where each text stands in `full` (longest first, never overlapping, never the head of a
    longer unit name), in text order."""
    spans: list[tuple[int, int]] = []
    for text in sorted(set(t for t in texts if t), key=len, reverse=True):
        start = full.find(text)
        while start >= 0:
            end = start + len(text)
            longer = end < len(full) and _LONGER_NAME.match(full[end])
            if not longer and not any(a < end and start < b for a, b in spans):
                spans.append((start, end))
            start = full.find(text, end)
    return sorted(spans)


def marked_runs(runs: Runs, spans: Sequence[tuple[int, int]], anchors: Sequence[tuple[int, int, int]]) -> str:
    """The runs, cut where a highlight or a comment starts or ends; `anchors` are (comment id,
    start, end) in characters. Comments open outermost first and close innermost first."""
    runs = [(text, bold) for text, bold in runs if text]
    bounds = {0}
    position = 0
    for text, _ in runs:
        position += len(text)
        bounds.add(position)
    for start, end in spans:
        bounds.update((start, end))
    for _, start, end in anchors:
        bounds.update((start, end))
    cuts = sorted(bounds)
    opening = sorted(anchors, key=lambda a: (a[1], -a[2], a[0]))
    closing = sorted(anchors, key=lambda a: (a[2], -a[1], -a[0]))
    parts: list[str] = []
    run_index, run_start = 0, 0
    for a, b in zip(cuts, cuts[1:]):
        while run_start + len(runs[run_index][0]) <= a:
            run_start += len(runs[run_index][0])
            run_index += 1
        text, bold = runs[run_index]
        parts += [f'<w:commentRangeStart w:id="{number}"/>' for number, start, _ in opening if start == a]
        lit = any(start <= a < end for start, end in spans)
        parts.append(run_xml(text[a - run_start:b - run_start], bold, highlight=lit))
        for number, _, end in closing:
            if end == b:
                parts += [f'<w:commentRangeEnd w:id="{number}"/>', _REFERENCE.format(id=number)]
    return "".join(parts)


def defaults_comment(defaults: tuple[Default, ...]) -> str:
    """默认值，请核对：县司法局（默认单位名称），在档案 units.justice 中改写；…"""
    return "默认值，请核对：" + "；".join(f"{d.text}（{d.note}{'，' + d.rule if d.rule else ''}），在档案 {d.field} 中改写"
                                     for d in defaults)


class ReviewMarks:
    """Marks for one document; `source` words a measure's source comment."""

    def __init__(self, notes: tuple[Default, ...], stamp: str | None, source: Callable[..., str]) -> None:
        date = dt.datetime.fromisoformat(stamp or "2026-01-01").replace(tzinfo=dt.timezone.utc)
        self.date = date.strftime("%Y-%m-%dT%H:%M:%SZ")
        self.source = source
        self.comments: list[str] = []
        self.title_notes = [n for n in notes if n.field == "document.title"]
        self.text_notes = [n for n in notes if n.field != "document.title"]
        self.target_notes = [n for n in notes if n.field.startswith("targets.")]
        # a measure's assumed deadlines by the bold head it is printed under (12.健全……机制。), for its 分工表 row
        self.deadlines: dict[str, tuple[Default, ...]] = {}

    def comment(self, text: str) -> int:
        self.comments.append(_COMMENT_XML.format(id=len(self.comments), date=self.date, text=escape(text)))
        return len(self.comments) - 1

    def note_comment(self, note: Default) -> int:
        return self.comment(note.note if note.remark else defaults_comment((note,)))

    def title(self, lines: Sequence[str]) -> list[str | None]:
        """The document title's lines under its comments (opened in the first line, closed in the
        last): highlighted when the title is assumed; a remark on the title (发文机关) only comments."""
        remarks = [n for n in self.text_notes if n.remark and n.text == "".join(lines)]
        if not (self.title_notes or remarks) or not all(lines):
            return [None] * len(lines)
        for note in remarks:
            self.text_notes.remove(note)
        numbers = [self.note_comment(note) for note in self.title_notes + remarks]
        lit = bool(self.title_notes)
        if len(lines) == 1:
            spans = [(0, len(lines[0]))] if lit else []
            return [marked_runs([(lines[0], False)], spans, [(n, 0, len(lines[0])) for n in numbers])]
        opens = "".join(f'<w:commentRangeStart w:id="{n}"/>' for n in numbers)
        closes = "".join(f'<w:commentRangeEnd w:id="{n}"/>' + _REFERENCE.format(id=n) for n in reversed(numbers))
        inner: list[str | None] = [run_xml(line, False, highlight=lit) for line in lines]
        inner[0], inner[-1] = opens + str(inner[0]), str(inner[-1]) + closes
        return inner

    def paragraph(self, block: Paragraph | None, runs: Runs) -> str | None:
        """A measure's runs with its comments, or any other paragraph's with the notes that first
        stand in it; None when there is nothing to mark."""
        full = "".join(text for text, _ in runs)
        if not full:
            return None
        if block is not None and block.provenance is not None:
            provenance = block.provenance
            assumed = tuple(d for d in provenance.defaults if d.field.endswith(".deadline"))
            if assumed:
                self.deadlines[next((text for text, bold in runs if bold), "")] = assumed
            anchors = [(self.comment(self.source(provenance)), 0, len(full))]
            spans = spans_of(full, [d.text for d in provenance.defaults])
            if spans:
                anchors.append((self.comment(defaults_comment(provenance.defaults)), spans[0][0],
                                _first_piece(runs, spans[0])))
            return marked_runs(runs, spans, anchors)
        spans, anchors = [], []
        for note in list(self.text_notes):
            if note.text not in full:
                continue
            found = spans_of(full, [note.text])
            if found:
                self.text_notes.remove(note)
                if note.remark:  # the whole paragraph (a heading) carries it, nothing highlighted
                    anchors.append((self.note_comment(note), 0, len(full)))
                    continue
                spans += [s for s in found if not any(a < s[1] and s[0] < b for a, b in spans)]
                anchors.append((self.note_comment(note), found[0][0], _first_piece(runs, found[0])))
        return marked_runs(runs, spans, anchors) if anchors else None

    def cell(self, table: Table, values: Sequence[str], column: int, text: str) -> str | None:
        """主要指标: the value cell of a row whose 指标 a target note names; 分工表: the 完成时限 cell
        of a measure whose deadline the tool assumed, marked as in the body."""
        header = table.header
        if "完成时限" in header and "具体措施" in header and column == header.index("完成时限") and text:
            title = values[header.index("具体措施")] if len(values) > header.index("具体措施") else ""
            assumed = next((found for head, found in self.deadlines.items() if _heads(head, title)), ())
            notes = tuple(d for d in assumed if d.text == text)
            if notes:
                return marked_runs([(text, False)], [(0, len(text))], [(self.comment(defaults_comment(notes)), 0, len(text))])
            return None
        if column != 2 or not text or len(values) < 3 or not self.target_notes:
            return None
        header = table.header or (table.rows[0] if table.rows else ())
        if "指标" not in "".join(header):
            return None  # the 分工表 and other tables hold no targets
        label = values[1]
        anchors = [(self.comment(defaults_comment((note,))), 0, len(text)) for note in self.target_notes
                   if note.text == text and f"（{label}）" in note.note]
        return marked_runs([(text, False)], [(0, len(text))], anchors) if anchors else None

    def comments_xml(self) -> str:
        return "".join(self.comments)


_NUMBER = re.compile(r"[（(]?[0-9一二三四五六七八九十百]+[)）.．、]?")


def _heads(head: str, title: str) -> bool:
    """Whether a measure's bold head (12.健全……机制。) is its number and this title."""
    return bool(title) and head.endswith(title + "。") and bool(_NUMBER.fullmatch(head[:-len(title) - 1]))


def _first_piece(runs: Runs, span: tuple[int, int]) -> int:
    """Where the span's first run piece ends: a defaults comment sits on that piece alone."""
    position = 0
    for text, _ in runs:
        position += len(text)
        if position > span[0]:
            return min(position, span[1])
    return span[1]
