"""Page-number footers, and Word fields written as raw XML (python-docx has none).

A page number must be a PAGE field, not text, so Word and WPS renumber the pages
when a reviewer edits the draft. The field is written in its complex form
(fldChar begin / instrText / separate / result / end) because that is how Word saves
it and every reader understands it.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.styles.style import BaseStyle
from docx.text.paragraph import Paragraph as DocxParagraph

from drafter.writers.docx_styles import PPR_ORDER, set_child, set_indent
from drafter.writers.gongwen import ONE_PAGE_NUMBER_CHAR

EM_DASH = "\u2014"
# Placeholder result shown until the reader's word processor updates the field.
PLACEHOLDER_RESULT = "1"


def _run(paragraph: DocxParagraph) -> BaseOxmlElement:
    run = OxmlElement("w:r")
    paragraph._p.append(run)
    return run


def _text_run(paragraph: DocxParagraph, text: str) -> None:
    run = _run(paragraph)
    t = OxmlElement("w:t")
    t.text = text
    # Leading/trailing spaces around the dashes must survive.
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.append(t)


def _fld_char(paragraph: DocxParagraph, kind: str) -> None:
    fld = OxmlElement("w:fldChar")
    fld.set(qn("w:fldCharType"), kind)
    _run(paragraph).append(fld)


def add_field(paragraph: DocxParagraph, instruction: str, placeholder: str) -> None:
    """Append the complex field `instruction` (e.g. "PAGE") to `paragraph`."""
    _fld_char(paragraph, "begin")
    instr = OxmlElement("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = f" {instruction} "
    _run(paragraph).append(instr)
    _fld_char(paragraph, "separate")
    _text_run(paragraph, placeholder)
    _fld_char(paragraph, "end")


def add_page_number(paragraph: DocxParagraph) -> None:
    """"— N —": an em dash and a space each side of a PAGE field in Arabic digits.

    The font (宋体 4号) comes from the paragraph's Footer style; `\\* Arabic` keeps
    the digits half-width Arabic even if a reader's default number format differs.
    """
    _text_run(paragraph, f"{EM_DASH} ")
    add_field(paragraph, "PAGE \\* Arabic", PLACEHOLDER_RESULT)
    _text_run(paragraph, f" {EM_DASH}")


def setup_page_numbers(doc: DocxDocument) -> None:
    """Odd pages: "— N —" right-aligned one character from the edge; even pages
    left-aligned, mirrored, so the number is always on the outer edge of a duplex print.
    """
    doc.settings.odd_and_even_pages_header_footer = True  # w:evenAndOddHeaders
    section = doc.sections[0]
    section.footer.is_linked_to_previous = False
    section.even_page_footer.is_linked_to_previous = False
    style = doc.styles["Footer"]  # 宋体 4号, set in docx_styles
    _page_number_paragraph(section.footer.paragraphs[0], style, "right")
    _page_number_paragraph(section.even_page_footer.paragraphs[0], style, "left")


def _page_number_paragraph(paragraph: DocxParagraph, style: BaseStyle, side: str) -> None:
    paragraph.style = style
    ppr = paragraph._p.get_or_add_pPr()
    # One 4号 character (280 twips), in twips rather than *Chars because the
    # document grid's character unit is the 3号 body character.
    set_indent(ppr, left_twips=ONE_PAGE_NUMBER_CHAR if side == "left" else 0,
               right_twips=ONE_PAGE_NUMBER_CHAR if side == "right" else 0)
    set_child(ppr, "jc", PPR_ORDER, val=side)
    add_page_number(paragraph)
