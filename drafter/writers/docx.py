"""Render a drafter `Document` as a GB/T 9704 公文 .docx.

The body is written as WordprocessingML text (docx_body) into the prepared package
(docx_package), whose styles carry all formatting (docx_styles). Output is
deterministic: the same Document gives byte-identical files, so drafts can be compared
and cached. `build_docx` opens the result with python-docx for writers that add to it
(the review copy's comments).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from typing import TYPE_CHECKING

from drafter.document import Document, Paragraph
from drafter.writers.docx_body import body_xml
from drafter.writers.docx_package import ZIP_EPOCH, assemble

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.text.paragraph import Paragraph as DocxParagraph

# Called once per model Paragraph with the docx paragraph rendered for it, so that a
# review-copy writer can anchor comments on measure paragraphs.
ParagraphHook = Callable[[Paragraph, "DocxParagraph"], None]


def write_docx(document: Document) -> bytes:
    """The .docx file for `document`, byte-identical for equal documents."""
    body, _ = body_xml(document.blocks)
    return assemble(body, document.title)


def build_docx(document: Document, on_paragraph: ParagraphHook | None = None) -> "DocxDocument":
    """The python-docx document of `write_docx`, before saving (for writers that add to it)."""
    import docx

    body, placed = body_xml(document.blocks)
    doc = docx.Document(io.BytesIO(assemble(body, document.title)))
    if on_paragraph is not None:
        paragraphs = doc.paragraphs
        for block, index in placed:
            on_paragraph(block, paragraphs[index])
    return doc


def to_bytes(doc: "DocxDocument") -> bytes:
    """Save `doc` and rewrite the zip with fixed timestamps and attributes."""
    raw = io.BytesIO()
    doc.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_EPOCH)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.create_system = 0  # same bytes whatever OS writes the file
            fixed.external_attr = 0
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()
