"""Render a drafter `Document` as a GB/T 9704 公文 .docx.

The body is written as WordprocessingML text (docx_body) into the prepared package
(docx_package), whose styles carry all formatting (docx_styles). Output is
deterministic: the same Document gives byte-identical files, so drafts can be compared
and cached. `to_bytes` saves a python-docx document with the same fixed zip stamps (the
review copy's package is made that way).
"""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING, Any

from drafter.document import Document
from drafter.writers.docx_body import body_xml
from drafter.writers.docx_package import ZIP_EPOCH, assemble

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument


def write_docx(document: Document) -> bytes:
    """The .docx file for `document`, byte-identical for equal documents."""
    body, _ = body_xml(document.blocks)
    return assemble(body, document.title)


def to_bytes(doc: "DocxDocument") -> bytes:
    """Save `doc` as a zip with fixed timestamps and attributes, written once.

    python-docx's own `save` would compress every part and this writer would then unpack and
    compress them again to fix the entries' dates (a fifth of a 1,000-measure review copy's
    time). So the package is saved as `OpcPackage.save` does, part by part and in its order,
    through a zip writer that stamps each entry as it is written."""
    from docx.opc.pkgwriter import PackageWriter

    package = doc.part.package
    for part in package.parts:
        part.before_marshal()
    out = io.BytesIO()
    writer = _FixedZipWriter(out)
    PackageWriter._write_content_types_stream(writer, package.parts)
    PackageWriter._write_pkg_rels(writer, package.rels)
    PackageWriter._write_parts(writer, package.parts)
    writer.close()
    return out.getvalue()


class _FixedZipWriter:
    """python-docx's physical package writer (write/close), each entry dated ZIP_EPOCH."""

    def __init__(self, stream: io.BytesIO) -> None:
        self._zip = zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED)

    def write(self, pack_uri: Any, blob: bytes) -> None:
        fixed = zipfile.ZipInfo(pack_uri.membername, date_time=ZIP_EPOCH)
        fixed.compress_type = zipfile.ZIP_DEFLATED
        fixed.create_system = 0  # same bytes whatever OS writes the file
        fixed.external_attr = 0
        self._zip.writestr(fixed, blob)

    def close(self) -> None:
        self._zip.close()
