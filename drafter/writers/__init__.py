"""Writers registry: a format name → a function from the document model to bytes.

Each writer's heavy library (python-docx, openpyxl) is imported only when its format is
asked for, so a Markdown draft or `drafter --help` starts fast.
"""

from __future__ import annotations

from typing import Callable

from ..document import Document
from .markdown import write_markdown

Writer = Callable[[Document], bytes]


def _docx(document: Document) -> bytes:
    from .docx import write_docx

    return write_docx(document)


def _xlsx(document: Document) -> bytes:
    from .xlsx import write_xlsx

    return write_xlsx(document)


def _html(document: Document) -> bytes:
    from .html import write_html

    return write_html(document)


def _pdf(document: Document) -> bytes:
    from .pdf import write_pdf

    return write_pdf(document)


WRITERS: dict[str, Writer] = {"docx": _docx, "md": write_markdown, "html": _html, "pdf": _pdf, "xlsx": _xlsx}
# Formats whose file holds only the 分工表: the plan renders it even when the profile leaves it out.
TABLE_ONLY = frozenset({"xlsx"})
