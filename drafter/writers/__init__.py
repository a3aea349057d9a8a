"""Writers registry: a format name → a function from the document model to bytes."""

from __future__ import annotations

from typing import Callable

from ..document import Document
from .markdown import write_markdown

Writer = Callable[[Document], bytes]


def _docx(document: Document) -> bytes:
    from .docx import write_docx  # python-docx is imported only when a .docx is wanted

    return write_docx(document)


WRITERS: dict[str, Writer] = {"docx": _docx, "md": write_markdown}
