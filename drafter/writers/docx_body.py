"""The document model as WordprocessingML text: the <w:body> of document.xml.

Written as plain strings, not through python-docx or lxml: a draft of a hundred measures is
some 4,000 XML elements, and building them as objects took two thirds of a draft's time
(and importing python-docx a quarter of a cold start). Formatting stays on the styles of
the prepared package (docx_styles); this module only decides which style each block gets
and where the blank lines and page breaks go, exactly as GB/T 9704 practice wants.

Element and attribute order follow the schema (ECMA-376: pStyle before ind, rFonts before
b, tblStyle … tblLook), because Word rejects out-of-order elements as a corrupt file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from drafter.document import Attachment, Block, Heading, Paragraph, StatusLine, Table, Title
from drafter.writers.gongwen import (
    ATTACHMENT_LABEL_STYLE,
    BODY_PT,
    HEADING_STYLES,
    NORMAL,
    SIGNATURE_STYLE,
    STATUS_STYLE,
    TABLE_HEADER_STYLE,
    TABLE_TEXT_STYLE,
    LANDSCAPE_TABLE_LINE,
    LANDSCAPE_TEXT_WIDTH,
    TEXT_WIDTH,
    TITLE_STYLE,
)
if TYPE_CHECKING:
    from drafter.writers.review_marks import ReviewMarks
from drafter.writers.docx_sections import LANDSCAPE_LAST_MARK, LANDSCAPE_SECTION, PORTRAIT_MARK, end_section, is_landscape

ATTACHMENT_NOTE_PREFIX = "附件："
# What XML 1.0 cannot hold. The profile loader and the template guard keep these out of a
# document; meeting one here is a bug, and it must fail loudly, never write a corrupt file.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BORDERS = "".join(
    f'<w:{edge} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
)
_TABLE_LOOK = ('<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" '
               'w:noHBand="0" w:noVBand="1" w:val="04A0"/>')


def escape(text: str) -> str:
    """Text as XML character data (also safe inside a double-quoted attribute)."""
    if _NOT_XML.search(text):
        raise ValueError("All strings must be XML compatible: Unicode or ASCII, no NULL bytes or control characters")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def run_xml(text: str, bold: bool, highlight: bool = False) -> str:
    """One run: East Asian text marked as such (so “” and — take the Chinese font); `highlight`
    for the review copy's yellow marks."""
    props = (('<w:rFonts w:hint="eastAsia"/>' if not text.isascii() else "") + ("<w:b/>" if bold else "")
             + ('<w:highlight w:val="yellow"/>' if highlight else ""))
    head = f"<w:r><w:rPr>{props}</w:rPr>" if props else "<w:r>"
    if "\t" in text or "\n" in text or "\r" in text:
        # tabs and line breaks are elements of their own, as Word writes them
        pieces = re.split(r"(\t|\r\n|\n|\r)", text)
        inner = "".join(
            "<w:tab/>" if piece == "\t" else "<w:br/>" if piece in ("\n", "\r", "\r\n") else _t(piece)
            for piece in pieces if piece
        )
        return f"{head}{inner}</w:r>"
    return f"{head}{_t(text)}</w:r>"


def _t(text: str) -> str:
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f"<w:t{space}>{escape(text)}</w:t>"


def indent_xml(first_line_chars: int = 0, right_chars: int = 0, only_first_line: bool = False) -> str:
    """w:ind in characters plus their twips twins (for readers that ignore *Chars); the
    *Chars are written even as 0, because a style's non-zero firstLineChars would win."""
    def twips(hundredths: int) -> int:
        return hundredths * BODY_PT * 20 // 100

    if only_first_line:
        return f'<w:ind w:firstLine="{twips(first_line_chars)}" w:firstLineChars="{first_line_chars}"/>'
    return (f'<w:ind w:left="0" w:leftChars="0" w:right="{twips(right_chars)}" w:rightChars="{right_chars}" '
            f'w:firstLine="{twips(first_line_chars)}" w:firstLineChars="{first_line_chars}"/>')


def paragraph_xml(runs: Sequence[tuple[str, bool]], style_id: str = NORMAL, indent: str = "",
                  inner: str | None = None) -> str:
    """`inner`: the runs already written (the review copy's marked runs)."""
    style = f'<w:pStyle w:val="{style_id}"/>' if style_id != NORMAL else ""
    props = f"<w:pPr>{style}{indent}</w:pPr>" if style or indent else ""
    if inner is None:
        inner = "".join(run_xml(text, bold) for text, bold in runs if text)
    return f"<w:p>{props}{inner}</w:p>" if props or inner else "<w:p/>"


def column_widths(relative: Sequence[int], columns: int, total_width: int = TEXT_WIDTH) -> list[int]:
    """Twips per column: `relative` scaled to the type area (equal if empty)."""
    if not relative:
        relative = [1] * columns
    if len(relative) != columns or any(width <= 0 for width in relative):
        raise ValueError(f"table widths {tuple(relative)} do not fit {columns} columns")
    total = sum(relative)
    widths = [total_width * width // total for width in relative]
    widths[-1] += total_width - sum(widths)  # rounding remainder, so the sum is exact
    return widths


def table_xml(table: Table, total_width: int = TEXT_WIDTH, line: int = 0, marks: ReviewMarks | None = None) -> str:
    """`line`: exact cell line spacing in twips (0: the table styles' own)."""
    columns = len(table.header) or max((len(row) for row in table.rows), default=0)
    if columns == 0:
        return ""
    widths = column_widths(table.widths, columns, total_width)
    rows: list[tuple[str, ...]] = [table.header] if table.header else []
    rows += list(table.rows)
    parts = [
        '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/>',
        f'<w:tblW w:w="{total_width}" w:type="dxa"/><w:jc w:val="center"/>',
        # explicit single 0.5 pt lines, not only via the template's Table Grid; a fixed layout,
        # so Word does not shrink columns to their content
        f'<w:tblBorders>{_BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>{_TABLE_LOOK}</w:tblPr>',
        "<w:tblGrid>", *(f'<w:gridCol w:w="{width}"/>' for width in widths), "</w:tblGrid>",
    ]
    for index, values in enumerate(rows):
        if len(values) > columns:
            raise ValueError(f"table row has {len(values)} cells, header {columns}")
        is_header = bool(table.header) and index == 0
        # a row never breaks across pages; the header row is repeated on every page
        parts.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if is_header
                     else "<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        style_id = TABLE_HEADER_STYLE if is_header else TABLE_TEXT_STYLE
        spacing = f'<w:spacing w:line="{line}" w:lineRule="exact"/>' if line else ""
        for column, (width, text) in enumerate(zip(widths, list(values) + [""] * (columns - len(values)))):
            inner = marks.cell(table, values, column, text) if marks is not None else None
            parts.append(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/><w:vAlign w:val="center"/></w:tcPr>'
                         f"{paragraph_xml([(text, False)], style_id, spacing, inner)}</w:tc>")
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    return "".join(parts)


class BodyWriter:
    """Blocks → body XML. `placed` pairs each model Paragraph with its index among the
    body's paragraphs (python-docx's `Document.paragraphs`), for the review copy."""

    def __init__(self, marks: ReviewMarks | None = None) -> None:
        self.marks = marks  # the review copy's highlights and comments, None for the plain draft
        self.parts: list[str] = []
        self.paragraphs = 0
        self.placed: list[tuple[Paragraph, int]] = []
        self.date_length = 0
        self.width = TEXT_WIDTH  # of the type area: wider in a landscape section
        self.table_line = 0  # exact table line spacing in a landscape section (0: the style's)

    def xml(self) -> str:
        return "".join(self.parts)

    def render(self, blocks: Sequence[Block]) -> None:
        dates = [b.text for b in blocks if isinstance(b, Paragraph) and b.role == "date"]
        if dates:
            self.date_length = len(dates[0])
        previous: Block | None = None
        for index, block in enumerate(blocks):
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if isinstance(block, Title):
                marked = self.marks.title(block.lines) if self.marks is not None else [None] * len(block.lines)
                for line, inner in zip(block.lines, marked):
                    self._paragraph(line, TITLE_STYLE, inner=inner)
                self._blank_after_title_block(following)
            elif isinstance(block, StatusLine):
                self._paragraph(block.text, STATUS_STYLE)
                self._blank_after_title_block(following)
            elif isinstance(block, Heading):
                style_id = HEADING_STYLES.get(block.level)
                if style_id is None:
                    raise ValueError(f"heading level must be 1–4, got {block.level}")
                # The number is plain text (never Word auto-numbering), as GB/T 9704 practice.
                self._paragraph(f"{block.number}{block.text}", style_id)
            elif isinstance(block, Paragraph):
                self._body_paragraph(block, previous)
            elif isinstance(block, Table):
                if isinstance(previous, Table):
                    self._blank()  # adjacent tables would merge into one in Word
                self.parts.append(table_xml(block, self.width, self.table_line, self.marks))
            elif isinstance(block, Attachment):
                # The label style has pageBreakBefore, so the attachment starts a new page;
                # GB/T 9704 §8 sets the attachment's title on the third line, under one blank line.
                # A table attachment is 横排: a section of its own on A4 landscape, whose break
                # already starts the page.
                landscape = is_landscape(block) and self._end_section(PORTRAIT_MARK)
                self._paragraph(block.label, ATTACHMENT_LABEL_STYLE,
                                '<w:pageBreakBefore w:val="0"/>' if landscape else "")
                self._blank()
                self._paragraph(block.title, TITLE_STYLE)
                self.width = LANDSCAPE_TEXT_WIDTH if landscape else TEXT_WIDTH
                self.table_line = LANDSCAPE_TABLE_LINE if landscape else 0
                self.render(block.blocks)
                self.width, self.table_line = TEXT_WIDTH, 0
                if landscape and following is None:
                    self.parts.append(LANDSCAPE_LAST_MARK)  # the document's final section is landscape
                elif landscape:
                    self._end_section(LANDSCAPE_SECTION)
            else:  # pragma: no cover - the Block union is closed
                raise TypeError(f"unknown block type: {type(block).__name__}")
            previous = block

    def _paragraph(self, text: str, style_id: str, indent: str = "", runs: Sequence[tuple[str, bool]] | None = None,
                   block: Paragraph | None = None, inner: str | None = None) -> None:
        runs = runs if runs is not None else [(text, False)]
        if inner is None and self.marks is not None and style_id != TITLE_STYLE:
            inner = self.marks.paragraph(block, runs)
        self.parts.append(paragraph_xml(runs, style_id, indent, inner))
        self.paragraphs += 1

    def _end_section(self, section: str) -> bool:
        """End a section at the last paragraph written (a new empty one after a table)."""
        if not self.parts:
            return False
        if not self.parts[-1].startswith("<w:p"):
            self._blank()
        self.parts[-1] = end_section(self.parts[-1], section)
        return True

    def _blank(self) -> None:
        self._paragraph("", NORMAL)

    def _blank_after_title_block(self, following: Block | None) -> None:
        # One empty body line separates the title (and status line) from the text.
        if not isinstance(following, (Title, StatusLine)):
            self._blank()

    def _body_paragraph(self, block: Paragraph, previous: Block | None) -> None:
        previous_role = previous.role if isinstance(previous, Paragraph) else None
        if block.role == "attachment_note" and previous_role != "attachment_note":
            self._blank()  # GB/T 9704: the attachment note sits one line below the body
        if block.role in ("signature", "date") and previous_role not in ("signature", "date"):
            self._blank()  # and the signature one line below the body or note
        style_id = SIGNATURE_STYLE if block.role in ("signature", "date") else NORMAL
        indent = ""
        if (
            block.role == "attachment_note"
            and previous_role == "attachment_note"
            and not block.text.startswith(ATTACHMENT_NOTE_PREFIX)
        ):
            # "附件：1．…" then "2．…": later items line up under the first item's
            # number, i.e. 2 characters of indent plus the 3 of "附件：".
            indent = indent_xml((2 + len(ATTACHMENT_NOTE_PREFIX)) * 100, only_first_line=True)
        if block.role == "signature" and self.date_length:
            # GB/T 9704 §7.3.5: the issuing body is centred over the date, which stands
            # four characters in from the right.
            extra = max(0, self.date_length - len(block.text)) * 50  # hundredths of a character
            indent = indent_xml(0, 400 + extra)
        self.placed.append((block, self.paragraphs))
        self._paragraph("", style_id, indent, [(run.text, run.bold) for run in block.runs], block)


def body_xml(blocks: Sequence[Block], marks: ReviewMarks | None = None) -> tuple[str, list[tuple[Paragraph, int]]]:
    writer = BodyWriter(marks)
    writer.render(blocks)
    return writer.xml(), writer.placed
