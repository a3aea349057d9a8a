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

from docx.document import Document as DocxDocument
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
    return "默认值，请核对：" + "；".join(f"{d.text}（{d.note}），在档案 {d.field} 中改写" for d in defaults)


def source_comment(provenance: Provenance, locality_note: str = "") -> str:
    """来源：大通区实施意见（30）；璧山区实施方案第18条。依据：《…》（文号）。五份方案中有 2 份写有此项。"""
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
        self.date = dt.datetime.fromisoformat(stamp or "2026-01-01").replace(tzinfo=dt.timezone.utc)

    def comment(self, runs: list[DocxRun], text: str) -> None:
        comment = self.doc.add_comment(runs, text=text, author=AUTHOR, initials=INITIALS)
        comment._comment_elm.date = self.date

    def measure(self, provenance: Provenance, paragraph: DocxParagraph) -> None:
        self.comment(list(paragraph.runs), source_comment(provenance))
        highlighted = self.highlight_all(paragraph, [d.text for d in provenance.defaults])
        if highlighted:
            self.comment(highlighted[:1], defaults_comment(provenance.defaults))

    def document_notes(self, notes: tuple[Default, ...], skip: set) -> None:
        """The title, the basis the tool assumed, and general targets: wherever they stand."""
        titles = [p for p in self.doc.paragraphs if p.style is not None and p.style.style_id == TITLE_STYLE]
        for note in notes:
            if note.field == "document.title" and titles:
                runs = [run for paragraph in titles for run in paragraph.runs]
                for run in runs:
                    run.font.highlight_color = WD_COLOR_INDEX.YELLOW
                self.comment(runs, defaults_comment((note,)))
                continue
            for paragraph in self._all_paragraphs():
                if paragraph._p in skip or note.text not in paragraph.text or paragraph in titles:
                    continue
                runs = self.highlight_all(paragraph, [note.text])
                if runs:
                    self.comment(runs[:1], defaults_comment((note,)))
                    break
        self._indicator_cells(notes)

    def _indicator_cells(self, notes: tuple[Default, ...]) -> None:
        """主要指标 rows: the value cell of a row whose 指标 the note names."""
        for table in self.doc.tables:
            for row in table.rows:
                cells = row.cells
                if len(cells) < 3:
                    continue
                label, value = cells[1].text, cells[2].text
                for note in notes:
                    if note.field.startswith("targets.") and note.text == value and f"（{label}）" in note.note:
                        runs = [run for paragraph in cells[2].paragraphs for run in paragraph.runs]
                        for run in runs:
                            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
                        if runs:
                            self.comment(runs, defaults_comment((note,)))

    def _all_paragraphs(self) -> list[DocxParagraph]:
        return list(self.doc.paragraphs)

    def highlight_all(self, paragraph: DocxParagraph, texts: list[str]) -> list[DocxRun]:
        """Highlight each occurrence of each text (longest first, never overlapping)."""
        full = paragraph.text
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
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        return runs


def _isolate(paragraph: DocxParagraph, start: int, end: int) -> list[DocxRun]:
    """Split runs so that characters start..end are runs of their own; return those runs."""
    position = 0
    inside: list[DocxRun] = []
    for run in list(paragraph.runs):
        text = run.text
        first, last = position, position + len(text)
        position = last
        if last <= start or first >= end:
            continue
        low, high = max(start, first) - first, min(end, last) - first
        before, middle, after = text[:low], text[low:high], text[high:]
        if before:
            element = copy.deepcopy(run._r)
            run._r.addprevious(element)
            DocxRun(element, paragraph).text = before
        if after:
            element = copy.deepcopy(run._r)
            run._r.addnext(element)
            DocxRun(element, paragraph).text = after
        run.text = middle
        inside.append(run)
    return inside
