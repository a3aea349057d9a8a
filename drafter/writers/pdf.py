"""PDF through LibreOffice: the .docx converted as a user's own LibreOffice would show it.

The review copy's PDF keeps its Word comments: exported as PDF comments (ExportNotes, shown
by every PDF reader as notes beside the text) and, where LibreOffice has the option
(ExportNotesInMargin, newer than this project's LibreOffice 7.4, which ignores it), printed
in the page margin.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..document import Document
from ..errors import DrafterError

INSTALL = "请安装 LibreOffice（Debian/Ubuntu：apt-get install libreoffice-writer-nogui；Windows、macOS 从 libreoffice.org 下载）"


REVIEW_FILTER = "pdf:writer_pdf_Export:" + json.dumps(
    {name: {"type": "boolean", "value": "true"} for name in ("ExportNotes", "ExportNotesInMargin")})


def write_pdf(document: Document) -> bytes:
    from .docx import write_docx

    return convert(write_docx(document))


def write_review_pdf(document: Document) -> bytes:
    """The review copy (审阅稿) as PDF, its comments kept."""
    from .docx_review import write_review_docx

    return convert(write_review_docx(document), REVIEW_FILTER)


def convert(docx: bytes, target: str = "pdf") -> bytes:
    """`docx` as PDF through LibreOffice's `--convert-to target`."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise DrafterError(f"生成 PDF 需要 LibreOffice，本机没有找到。{INSTALL}，或改用 --format docx 在 Word/WPS 中另存为 PDF")
    with tempfile.TemporaryDirectory(prefix="drafter-pdf-") as folder:
        work = Path(folder)
        source = work / "draft.docx"
        source.write_bytes(docx)
        command = [soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                   "--convert-to", target, "--outdir", str(work), str(source)]
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=300)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
            raise DrafterError(f"LibreOffice 转换 PDF 失败（{type(exc).__name__}），请确认 LibreOffice 能正常运行") from exc
        result = work / "draft.pdf"
        if not result.exists():
            raise DrafterError("LibreOffice 没有生成 PDF，请确认 LibreOffice 能正常运行")
        return result.read_bytes()
