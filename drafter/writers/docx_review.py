"""The review copy (审阅稿): the .docx with a Word comment on every measure saying where it came
from, and every value the profile did not set highlighted and commented with the field to set.

Built on the plain writer through its paragraph hook, so the two never differ in layout.
Comment dates come from the document (its date, else the period's start): two runs give
byte-identical files.
"""

from __future__ import annotations

import copy
import datetime as dt
import re

from typing import Any

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from lxml.etree import SubElement
from docx.enum.text import WD_COLOR_INDEX
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run as DocxRun

from ..document import Default, Document, Paragraph, Provenance
from ..library.citations import sources_words
from .docx import build_docx, to_bytes
from .gongwen import TITLE_STYLE

AUTHOR = "drafter"
INITIALS = "DR"
# A unit name followed by one of these is part of a longer name (县政府 in 县政府办公室).
_LONGER_NAME = re.compile(r"[办局委院会部中心队所站各]")


def write_review_docx(document: Document) -> bytes:
    return _write_review_docx(document)


def _write_review_docx(document: Document) -> bytes:
    measures: list[tuple[Paragraph, DocxParagraph]] = []
    doc = build_docx(document, lambda block, paragraph: measures.append((block, paragraph)))
    reviewer = _Reviewer(doc, document.stamp)
    measure_elements = set()
    for block, paragraph in measures:
        if block.provenance is not None:
            reviewer.measure(block.provenance, paragraph)
            measure_elements.add(paragraph._p)
    reviewer.document_notes(document.notes, measure_elements)
    return to_bytes(doc)


def defaults_comment(defaults: tuple[Default, ...]) -> str:
    """默认值，请核对：县司法局（默认单位名称），在档案 units.justice 中改写；…"""
    return "默认值，请核对：" + "；".join(f"{d.text}（{d.note}{'，' + d.rule if d.rule else ''}），在档案 {d.field} 中改写"
                                     for d in defaults)


def source_comment(provenance: Provenance, locality_note: str = "") -> str:
    """来源：大通区实施意见（30）；璧山区实施方案第18条。依据：《…》（文号）。五份方案中有 2 份写有此项。
    A measure naming the province's platforms adds where the names were verified."""
    text = _source_comment(provenance)
    return f"{text}{provenance.platform}。" if provenance.platform else text


def _source_comment(provenance: Provenance) -> str:
    if provenance.measure_id == "local":
        return "本地举措：由辖区档案提供（initiatives 或 chapters），为本地自有措施，不出自五份来源方案。"
    if provenance.fact:
        basis = f"依据：{'、'.join(provenance.basis)}。" if provenance.basis else ""
        return (f"来自档案 {provenance.fact}。本条按本地情况写入（措施库 local_measures.yaml，"
                f"编号 {provenance.measure_id}），请核对名称和表述。{basis}")
    plans = len({citation.split(":", 1)[0] for citation in provenance.sources})
    parts = []
    if provenance.local:
        parts.append(f"本条由档案 selection.replace 改写（措施库编号 {provenance.measure_id}）")
    if provenance.sources:
        parts.append(f"来源：{sources_words(provenance.sources)}")
    else:
        parts.append("来源：依据国家文件新增，五份来源方案均未写有此项")
    if provenance.basis:
        parts.append(f"依据：{'、'.join(provenance.basis)}")
    parts.append(f"五份方案中有 {plans} 份写有此项（措施库编号 {provenance.measure_id}）")
    return "。".join(parts) + "。"


class _Reviewer:
    def __init__(self, doc: DocxDocument, stamp: str | None) -> None:
        self.doc = doc
        date = dt.datetime.fromisoformat(stamp or "2026-01-01").replace(tzinfo=dt.timezone.utc)
        self.stamp = date.strftime("%Y-%m-%dT%H:%M:%SZ")
        self.comments: Any = None
        self.next_id = 0

    def comment(self, runs: list[DocxRun], text: str) -> None:
        """A Word comment on `runs`, written as python-docx's add_comment writes it, but with
        ids counted here: python-docx looks for a free id by an xpath over every comment, which
        made a review copy of 1,000 measures take half a minute."""
        if self.comments is None:
            self.comments = self.doc.part._comments_part.element
            ids = [int(c.get(qn("w:id"))) for c in self.comments.iterchildren(qn("w:comment"))]
            self.next_id = max(ids, default=-1) + 1
        number = str(self.next_id)
        self.next_id += 1
        comment = SubElement(self.comments, qn("w:comment"), {qn("w:id"): number, qn("w:author"): AUTHOR,
                                                               qn("w:initials"): INITIALS, qn("w:date"): self.stamp})
        paragraph = SubElement(comment, qn("w:p"))
        SubElement(SubElement(paragraph, qn("w:pPr")), qn("w:pStyle"), {qn("w:val"): "CommentText"})
        mark = SubElement(paragraph, qn("w:r"))
        SubElement(SubElement(mark, qn("w:rPr")), qn("w:rStyle"), {qn("w:val"): "CommentReference"})
        SubElement(mark, qn("w:annotationRef"))
        SubElement(SubElement(paragraph, qn("w:r")), qn("w:t")).text = text
        runs[0]._r.addprevious(OxmlElement("w:commentRangeStart", attrs={qn("w:id"): number}))
        reference = OxmlElement("w:r")
        SubElement(SubElement(reference, qn("w:rPr")), qn("w:rStyle"), {qn("w:val"): "CommentReference"})
        SubElement(reference, qn("w:commentReference"), {qn("w:id"): number})
        runs[-1]._r.addnext(reference)
        runs[-1]._r.addnext(OxmlElement("w:commentRangeEnd", attrs={qn("w:id"): number}))

    def measure(self, provenance: Provenance, paragraph: DocxParagraph) -> None:
        self.comment(list(paragraph.runs), source_comment(provenance))
        highlighted = self.highlight_all(paragraph, [d.text for d in provenance.defaults])
        if highlighted:
            self.comment(highlighted[:1], defaults_comment(provenance.defaults))

    def document_notes(self, notes: tuple[Default, ...], skip: set) -> None:
        """The title, the basis the tool assumed, and general targets: wherever they stand."""
        paragraphs = self._all_paragraphs()
        titles = [p for p in paragraphs if p._p.style == TITLE_STYLE]  # the id, without python-docx's style lookup
        for note in notes:
            if note.field == "document.title" and titles:
                runs = [run for paragraph in titles for run in paragraph.runs]
                for run in runs:
                    highlight(run)
                self.comment(runs, defaults_comment((note,)))
                continue
            for paragraph in paragraphs:
                if paragraph._p in skip or paragraph in titles or note.text not in paragraph_text(paragraph):
                    continue
                runs = self.highlight_all(paragraph, [note.text])
                if runs:
                    self.comment(runs[:1], defaults_comment((note,)))
                    break
        self._indicator_cells(notes)

    def _indicator_cells(self, notes: tuple[Default, ...]) -> None:
        """主要指标 rows: the value cell of a row whose 指标 the note names."""
        if not any(note.field.startswith("targets.") for note in notes):
            return
        for table in self.doc.tables:
            header = table._tbl.tr_lst[0] if table._tbl.tr_lst else None
            if header is None or "指标" not in "".join(run_text(r) for r in header.iter(_R)):
                continue  # the 分工表 and other tables hold no targets
            for row in table.rows:
                cells = row.cells
                if len(cells) < 3:
                    continue
                label, value = cells[1].text, cells[2].text
                for note in notes:
                    if note.field.startswith("targets.") and note.text == value and f"（{label}）" in note.note:
                        runs = [run for paragraph in cells[2].paragraphs for run in paragraph.runs]
                        for run in runs:
                            highlight(run)
                        if runs:
                            self.comment(runs, defaults_comment((note,)))

    def _all_paragraphs(self) -> list[DocxParagraph]:
        return list(self.doc.paragraphs)

    def highlight_all(self, paragraph: DocxParagraph, texts: list[str]) -> list[DocxRun]:
        """Highlight each occurrence of each text (longest first, never overlapping)."""
        full = paragraph_text(paragraph)
        spans: list[tuple[int, int]] = []
        for text in sorted(set(texts), key=len, reverse=True):
            start = full.find(text)
            while start >= 0:
                end = start + len(text)
                longer = end < len(full) and _LONGER_NAME.match(full[end])
                if not longer and not any(a < end and start < b for a, b in spans):
                    spans.append((start, end))
                start = full.find(text, end)
        runs: list[DocxRun] = []
        for start, end in sorted(spans, reverse=True):  # from the end, so earlier offsets hold
            runs = _isolate(paragraph, start, end) + runs
        for run in runs:
            highlight(run)
        return runs


# What may follow w:highlight in a w:rPr (CT_RPr's schema order), so it goes before them.
_AFTER_HIGHLIGHT = frozenset(qn(f"w:{name}") for name in (
    "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout",
    "specVanish", "oMath"))


def highlight(run: DocxRun) -> None:
    """run.font.highlight_color = YELLOW, the same XML, without python-docx's generic lookups."""
    r = run._r
    rpr = r.find(qn("w:rPr"))
    if rpr is None:
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        return
    found = rpr.find(qn("w:highlight"))
    if found is not None:
        found.set(qn("w:val"), "yellow")
        return
    element = OxmlElement("w:highlight", attrs={qn("w:val"): "yellow"})
    for child in rpr:
        if child.tag in _AFTER_HIGHLIGHT:
            child.addprevious(element)
            return
    rpr.append(element)


# Run text as python-docx reads it (CT_R.text), without an xpath for every run: the review
# copy of a 1,000-measure plan reads tens of thousands of runs.
_T, _TAB, _PTAB, _BR, _CR, _HYPHEN = (qn(f"w:{name}") for name in ("t", "tab", "ptab", "br", "cr", "noBreakHyphen"))
_R = qn("w:r")


def run_text(r: Any) -> str:
    parts = []
    for child in r:
        tag = child.tag
        if tag == _T:
            parts.append(child.text or "")
        elif tag in (_TAB, _PTAB, _BR, _CR, _HYPHEN):
            parts.append(str(child))  # python-docx's own word for these (\t, \n, -)
    return "".join(parts)


def paragraph_text(paragraph: DocxParagraph) -> str:
    """The paragraph's text; the writer puts runs straight under the paragraph (no hyperlinks)."""
    return "".join(run_text(r) for r in paragraph._p.iterchildren(_R))


def _set_text(run: DocxRun, text: str) -> None:
    """run.text = text, directly when the run is plain text (its rPr and one w:t)."""
    children = [child for child in run._r if child.tag != qn("w:rPr")]
    if len(children) == 1 and children[0].tag == _T and "\t" not in text and "\n" not in text:
        children[0].text = text
        if text != text.strip():
            children[0].set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        return
    run.text = text


def _isolate(paragraph: DocxParagraph, start: int, end: int) -> list[DocxRun]:
    """Split runs so that characters start..end are runs of their own; return those runs."""
    position = 0
    inside: list[DocxRun] = []
    for r in list(paragraph._p.iterchildren(_R)):
        run = DocxRun(r, paragraph)
        text = run_text(r)
        first, last = position, position + len(text)
        position = last
        if last <= start or first >= end:
            continue
        low, high = max(start, first) - first, min(end, last) - first
        before, middle, after = text[:low], text[low:high], text[high:]
        if before:
            element = copy.deepcopy(r)
            r.addprevious(element)
            _set_text(DocxRun(element, paragraph), before)
        if after:
            element = copy.deepcopy(r)
            r.addnext(element)
            _set_text(DocxRun(element, paragraph), after)
        _set_text(run, middle)
        inside.append(run)
    return inside
