"""Render a drafter `Document` as a GB/T 9704 公文 .docx.

All formatting lives in styles (see docx_styles); this module only decides which
style each block gets and where the blank lines and page breaks go. Output is
deterministic: the same Document gives byte-identical files, so drafts can be
compared and cached.
"""

from __future__ import annotations

import io
import zipfile
from functools import lru_cache
from collections.abc import Callable, Sequence
from datetime import datetime, timezone

import docx
from lxml import etree
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph as DocxParagraph

from drafter.document import (
    Attachment,
    Block,
    Document,
    Heading,
    Paragraph,
    StatusLine,
    Table,
    Title,
)
from drafter.writers.docx_fields import setup_page_numbers
from drafter.writers.docx_styles import (
    ATTACHMENT_LABEL_STYLE,
    BODY_PT,
    HEADING_STYLES,
    NORMAL,
    PPR_ORDER,
    RPR_ORDER,
    SIGNATURE_STYLE,
    STATUS_STYLE,
    TABLE_HEADER_STYLE,
    TABLE_TEXT_STYLE,
    TBLPR_ORDER,
    TEXT_WIDTH,
    TITLE_STYLE,
    set_child,
    set_indent,
    setup_document,
)

_PPR, _PSTYLE, _VAL = qn("w:pPr"), qn("w:pStyle"), qn("w:val")
_R, _RPR, _RFONTS, _HINT, _B, _T = qn("w:r"), qn("w:rPr"), qn("w:rFonts"), qn("w:hint"), qn("w:b"), qn("w:t")
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_TCW, _VALIGN, _P = qn("w:tcW"), qn("w:vAlign"), qn("w:p")

# Called once per model Paragraph with the docx paragraph rendered for it, so that a
# review-copy writer can anchor comments on measure paragraphs.
ParagraphHook = Callable[[Paragraph, DocxParagraph], None]

# Fixed stamps so that the same Document gives byte-identical files: python-docx
# would otherwise write the current time into core.xml and into every zip entry.
FIXED_TIME = datetime(2026, 1, 1, tzinfo=timezone.utc)
ZIP_DATE_TIME = (1980, 1, 1, 0, 0, 0)
AUTHOR = "drafter"
ATTACHMENT_NOTE_PREFIX = "附件："


def write_docx(document: Document) -> bytes:
    """The .docx file for `document`, byte-identical for equal documents."""
    return to_bytes(build_docx(document))


def build_docx(document: Document, on_paragraph: ParagraphHook | None = None) -> DocxDocument:
    """The python-docx document, before saving (for writers that add to it)."""
    doc = docx.Document(io.BytesIO(_prepared_package()))
    _set_properties(doc, document.title)
    _Renderer(doc, on_paragraph).render(document.blocks)
    return doc


@lru_cache(maxsize=1)
def _prepared_package() -> bytes:
    """The empty 公文 document — styles, page, grid, page-number footers — built once and
    reopened for each draft (setting it up took a third of a draft's time). Kept in the
    user's cache, keyed by the code that builds it, so a cold start skips it too."""
    import hashlib
    import os

    from ..library.cache import cache_dir

    here = os.path.dirname(__file__)
    digest = hashlib.sha256(docx.__version__.encode())
    for name in ("docx_styles.py", "docx_fields.py"):
        with open(os.path.join(here, name), "rb") as source:
            digest.update(source.read())
    path = cache_dir() / f"package-{digest.hexdigest()[:24]}.docx"
    if not os.environ.get("DRAFTER_NO_CACHE"):
        try:
            return path.read_bytes()
        except OSError:
            pass
    doc = docx.Document()
    setup_document(doc)
    setup_page_numbers(doc)
    raw = io.BytesIO()
    doc.save(raw)
    data = raw.getvalue()
    if not os.environ.get("DRAFTER_NO_CACHE"):
        try:
            import tempfile

            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, path)
        except OSError:
            pass
    return data


def _set_properties(doc: DocxDocument, title: str) -> None:
    props = doc.core_properties
    props.title = title
    props.language = "zh-CN"
    props.author = AUTHOR
    props.last_modified_by = AUTHOR
    props.comments = ""
    props.revision = 1
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.last_printed = FIXED_TIME


def to_bytes(doc: DocxDocument) -> bytes:
    """Save `doc` and rewrite the zip with fixed timestamps and attributes."""
    raw = io.BytesIO()
    doc.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.create_system = 0  # same bytes whatever OS writes the file
            fixed.external_attr = 0
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


class _Renderer:
    def __init__(self, doc: DocxDocument, on_paragraph: ParagraphHook | None) -> None:
        self.doc = doc
        self.on_paragraph = on_paragraph
        self.styles: dict[str, ParagraphStyle] = {
            style.style_id: style
            for style in doc.styles
            if style.type == WD_STYLE_TYPE.PARAGRAPH
        }

    def render(self, blocks: Sequence[Block]) -> None:
        dates = [b.text for b in blocks if isinstance(b, Paragraph) and b.role == "date"]
        self.date_length = len(dates[0]) if dates else getattr(self, "date_length", 0)
        previous: Block | None = None
        for index, block in enumerate(blocks):
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if isinstance(block, Title):
                for line in block.lines:
                    self._paragraph(line, TITLE_STYLE)
                self._blank_after_title_block(following)
            elif isinstance(block, StatusLine):
                self._paragraph(block.text, STATUS_STYLE)
                self._blank_after_title_block(following)
            elif isinstance(block, Heading):
                self._heading(block)
            elif isinstance(block, Paragraph):
                self._body_paragraph(block, previous)
            elif isinstance(block, Table):
                if isinstance(previous, Table):
                    self._blank()  # adjacent tables would merge into one in Word
                self._table(block)
            elif isinstance(block, Attachment):
                self._attachment(block)
            else:  # pragma: no cover - the Block union is closed
                raise TypeError(f"unknown block type: {type(block).__name__}")
            previous = block

    def _paragraph(self, text: str, style_id: str) -> DocxParagraph:
        paragraph = self._styled(self.doc.add_paragraph(), style_id)
        if text:
            _add_run(paragraph, text, bold=False)
        return paragraph

    def _styled(self, paragraph: DocxParagraph, style_id: str) -> DocxParagraph:
        # Writes w:pStyle directly: python-docx's `paragraph.style = …` scans every
        # style of the document for the default one, which made a 300-measure draft
        # take a second to write.
        if style_id not in self.styles:
            raise KeyError(f"no paragraph style {style_id!r}")
        if style_id != NORMAL:  # lxml directly: python-docx's setters cost a third of a draft
            p = paragraph._p
            ppr = p.find(_PPR)
            if ppr is None:
                ppr = etree.SubElement(p, _PPR)
                p.insert(0, ppr)
            style = ppr.find(_PSTYLE)
            if style is None:
                style = etree.SubElement(ppr, _PSTYLE)
                ppr.insert(0, style)
            style.set(_VAL, style_id)
        return paragraph

    def _blank(self) -> None:
        self._paragraph("", NORMAL)

    def _blank_after_title_block(self, following: Block | None) -> None:
        # One empty body line separates the title (and status line) from the text.
        if not isinstance(following, (Title, StatusLine)):
            self._blank()

    def _heading(self, heading: Heading) -> None:
        style_id = HEADING_STYLES.get(heading.level)
        if style_id is None:
            raise ValueError(f"heading level must be 1–4, got {heading.level}")
        # The number is plain text (never Word auto-numbering), as GB/T 9704 practice.
        self._paragraph(f"{heading.number}{heading.text}", style_id)

    def _body_paragraph(self, block: Paragraph, previous: Block | None) -> None:
        previous_role = previous.role if isinstance(previous, Paragraph) else None
        if block.role == "attachment_note" and previous_role != "attachment_note":
            self._blank()  # GB/T 9704: the attachment note sits one line below the body
        if block.role in ("signature", "date") and previous_role not in ("signature", "date"):
            self._blank()  # and the signature one line below the body or note
        style_id = SIGNATURE_STYLE if block.role in ("signature", "date") else NORMAL
        paragraph = self._styled(self.doc.add_paragraph(), style_id)
        if (
            block.role == "attachment_note"
            and previous_role == "attachment_note"
            and not block.text.startswith(ATTACHMENT_NOTE_PREFIX)
        ):
            # "附件：1．…" then "2．…": later items line up under the first item's
            # number, i.e. 2 characters of indent plus the 3 of "附件：".
            _indent_first_line(paragraph, chars=2 + len(ATTACHMENT_NOTE_PREFIX))
        if block.role == "signature" and self.date_length:
            # GB/T 9704 §7.3.5: the issuing body is centred over the date, which stands
            # four characters in from the right.
            extra = max(0, self.date_length - len(block.text)) * 50  # hundredths of a character
            set_indent(paragraph._p.get_or_add_pPr(), first_line_chars=0, right_chars=400 + extra)
        for run in block.runs:
            _add_run(paragraph, run.text, run.bold)
        if self.on_paragraph is not None:
            self.on_paragraph(block, paragraph)

    def _attachment(self, attachment: Attachment) -> None:
        # The label style has pageBreakBefore, so the attachment starts a new page;
        # GB/T 9704 §8 sets the attachment's title on the third line, under one blank line.
        self._paragraph(attachment.label, ATTACHMENT_LABEL_STYLE)
        self._blank()
        self._paragraph(attachment.title, TITLE_STYLE)
        self.render(attachment.blocks)

    def _table(self, table: Table) -> None:
        columns = len(table.header) or max((len(row) for row in table.rows), default=0)
        if columns == 0:
            return
        widths = column_widths(table.widths, columns)
        rows: list[tuple[str, ...]] = [table.header] if table.header else []
        rows += list(table.rows)
        grid = self.doc.add_table(rows=len(rows), cols=columns)
        grid.style = self.doc.styles["Table Grid"]
        grid.alignment = WD_TABLE_ALIGNMENT.CENTER
        grid.autofit = False  # fixed layout: Word must not shrink columns to content
        tbl_pr = grid._tbl.tblPr
        set_child(tbl_pr, "tblW", TBLPR_ORDER, w=str(TEXT_WIDTH), type="dxa")
        borders = set_child(tbl_pr, "tblBorders", TBLPR_ORDER)
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            # Explicit single 0.5 pt lines, not only via the template's Table Grid.
            border = OxmlElement(f"w:{edge}")
            for name, value in (("val", "single"), ("sz", "4"), ("space", "0"),
                                ("color", "000000")):
                border.set(qn(f"w:{name}"), value)
            borders.append(border)
        for grid_col, width in zip(grid._tbl.tblGrid.findall(qn("w:gridCol")), widths):
            grid_col.set(qn("w:w"), str(width))
        for row_index, (row, values) in enumerate(zip(grid.rows, rows)):
            if len(values) > columns:
                raise ValueError(f"table row has {len(values)} cells, header {columns}")
            is_header = bool(table.header) and row_index == 0
            tr_pr = row._tr.get_or_add_trPr()
            tr_pr.append(OxmlElement("w:cantSplit"))  # a row never breaks across pages
            if is_header:
                tr_pr.append(OxmlElement("w:tblHeader"))  # repeated on every page
            style_id = TABLE_HEADER_STYLE if is_header else TABLE_TEXT_STYLE
            for tc, width, text in zip(row._tr.tc_lst, widths, _padded(values, columns)):
                # lxml directly: python-docx's cell properties dominate a 分工表's cost
                tcpr = tc.get_or_add_tcPr()
                tcw = tcpr.find(_TCW)
                if tcw is None:
                    tcw = etree.SubElement(tcpr, _TCW)
                tcw.set(qn("w:w"), str(width))
                tcw.set(qn("w:type"), "dxa")
                etree.SubElement(tcpr, _VALIGN).set(_VAL, "center")
                paragraph = self._styled(DocxParagraph(tc.find(_P), None), style_id)  # type: ignore[arg-type]
                if text:
                    _add_run(paragraph, text, bold=False)


def column_widths(relative: Sequence[int], columns: int) -> list[int]:
    """Twips per column: `relative` scaled to the type area (equal if empty)."""
    if not relative:
        relative = [1] * columns
    if len(relative) != columns or any(width <= 0 for width in relative):
        raise ValueError(f"table widths {tuple(relative)} do not fit {columns} columns")
    total = sum(relative)
    widths = [TEXT_WIDTH * width // total for width in relative]
    widths[-1] += TEXT_WIDTH - sum(widths)  # rounding remainder, so the sum is exact
    return widths


def _padded(values: Sequence[str], columns: int) -> list[str]:
    return list(values) + [""] * (columns - len(values))


def _add_run(paragraph: DocxParagraph, text: str, bold: bool) -> None:
    if "\t" in text or "\n" in text:  # python-docx turns these into w:tab / w:br
        run = paragraph.add_run(text)
        run.bold = bold or None
        if not text.isascii():
            set_child(run._r.get_or_add_rPr(), "rFonts", RPR_ORDER, hint="eastAsia")
        return
    # lxml directly (python-docx's add_run is the writer's hot spot): <w:r><w:rPr>…<w:t>
    run = etree.SubElement(paragraph._p, _R)
    if bold or not text.isascii():
        rpr = etree.SubElement(run, _RPR)
        if not text.isascii():
            # Word's own marker for Chinese input: shared characters such as “” and —
            # take the East Asian font instead of the narrow Latin one.
            etree.SubElement(rpr, _RFONTS).set(_HINT, "eastAsia")
        if bold:
            etree.SubElement(rpr, _B)
    element = etree.SubElement(run, _T)
    element.text = text
    if text != text.strip():
        element.set(_SPACE, "preserve")


def _indent_first_line(paragraph: DocxParagraph, chars: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    set_child(ppr, "ind", PPR_ORDER, firstLine=str(chars * BODY_PT * 20),
              firstLineChars=str(chars * 100))
