"""The empty 公文 package (styles, page, grid, page-number footers) and the .docx assembled
from it.

The package is built once with python-docx (docx_styles, docx_fields) and kept in the
user's cache, keyed by the code that builds it; a draft then only writes its own
document.xml and core.xml and copies every other part as the compressed bytes already in
the package — no python-docx, no lxml and no recompression of 800 kB of styles per draft.
Output is deterministic: fixed zip dates and attributes, so equal documents give
byte-identical files.
"""

from __future__ import annotations

import hashlib
import os
import struct
import zlib
from dataclasses import dataclass
from functools import lru_cache

TITLE_MARK = "DRAFTER-TITLE-MARK"
DOCUMENT_PART = "word/document.xml"
CORE_PART = "docProps/core.xml"
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # every entry's date: the same bytes whenever a draft is written
DOS_TIME, DOS_DATE = 0, ((ZIP_EPOCH[0] - 1980) << 9) | (ZIP_EPOCH[1] << 5) | ZIP_EPOCH[2]
_BUILDERS = ("gongwen.py", "docx_styles.py", "docx_fields.py", "docx_package.py")


@dataclass(frozen=True)
class Entry:
    """One part of the package, compressed as it will be stored."""
    name: str
    crc: int
    size: int
    data: bytes  # raw deflate stream (method 8) or stored bytes (method 0)
    method: int


@dataclass(frozen=True)
class Package:
    """The prepared package, split around the places a draft writes into."""
    entries: tuple[Entry, ...]
    document_head: str  # document.xml up to and including <w:body>
    document_tail: str  # the section properties and </w:body></w:document>
    core: str  # core.xml with TITLE_MARK where the title goes


def deflated(name: str, data: bytes) -> Entry:
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return Entry(name, zlib.crc32(data), len(data), packer.compress(data) + packer.flush(), 8)


def zip_bytes(entries: list[Entry]) -> bytes:
    """A zip archive of ready entries: the local headers, the data, the central directory."""
    local, central = [], []
    offset = 0
    for entry in entries:
        name = entry.name.encode("ascii")
        fields = (20, 0, entry.method, DOS_TIME, DOS_DATE, entry.crc, len(entry.data), entry.size, len(name))
        header = struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields, 0) + name
        local += [header, entry.data]
        # made by version 2.0 on MS-DOS (0): the same bytes whatever system writes the file
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, *fields, 0, 0, 0, 0, 0, offset) + name)
        offset += len(header) + len(entry.data)
    directory = b"".join(central)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(directory), offset, 0)
    return b"".join(local) + directory + end


def assemble(body: str, title: str, package: Package | None = None, parts: dict[str, bytes] | None = None) -> bytes:
    """The .docx: the prepared package (or `package`) with this body and title, and `parts`
    (name → bytes) in place of the package's own."""
    from .docx_body import escape
    from .docx_sections import place_sections

    package = package or prepared()
    body, tail = place_sections(body, package.document_tail)
    document = (package.document_head + body + tail).encode("utf-8")
    core = package.core.replace(TITLE_MARK, escape(title)).encode("utf-8")
    fresh = {**(parts or {}), DOCUMENT_PART: document, CORE_PART: core}
    return zip_bytes([deflated(entry.name, fresh[entry.name]) if entry.name in fresh else entry
                      for entry in package.entries])


@lru_cache(maxsize=1)
def prepared() -> Package:
    """The prepared package, from the user's cache when the code that builds it is unchanged."""
    from ..library.cache import remembered

    return remembered(f"package-{_builders_digest()}", lambda: unpack(build_package()), Package)


def unpack(data: bytes) -> Package:
    """The package's entries with their compressed bytes as they are, and the two parts a
    draft rewrites split around the places it writes into."""
    import zipfile
    from io import BytesIO

    entries = []
    with zipfile.ZipFile(BytesIO(data)) as archive:
        for info in archive.infolist():
            start = info.header_offset
            name_length, extra_length = struct.unpack("<HH", data[start + 26:start + 30])
            begin = start + 30 + name_length + extra_length
            entries.append(Entry(info.filename, info.CRC, info.file_size,
                                 data[begin:begin + info.compress_size], info.compress_type))
        document = archive.read(DOCUMENT_PART).decode("utf-8")
        core = archive.read(CORE_PART).decode("utf-8")
    split = document.index("<w:body>") + len("<w:body>")
    return Package(tuple(entries), document[:split], document[split:], core)


def _builders_digest() -> str:
    """A hash of what the package is made from: python-docx (its version and template, read
    without importing it) and the modules that build and split it."""
    from importlib.util import find_spec

    here = os.path.dirname(__file__)
    digest = hashlib.sha256()
    docx_spec = find_spec("docx")
    if docx_spec is not None and docx_spec.origin:
        with open(docx_spec.origin, "rb") as source:
            digest.update(source.read())
    for name in _BUILDERS:
        with open(os.path.join(here, name), "rb") as source:
            digest.update(source.read())
    return digest.hexdigest()[:24]


def build_package() -> bytes:
    """The empty 公文 document from python-docx's template, with fixed properties."""
    import datetime as dt
    from io import BytesIO

    import docx

    from .docx_fields import setup_page_numbers
    from .docx_styles import setup_document

    doc = docx.Document()
    setup_document(doc)
    setup_page_numbers(doc)
    props = doc.core_properties
    fixed = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)  # python-docx would write the current time
    props.title, props.language, props.comments, props.revision = TITLE_MARK, "zh-CN", "", 1
    props.author = props.last_modified_by = "drafter"
    props.created = props.modified = props.last_printed = fixed
    raw = BytesIO()
    doc.save(raw)
    # python-docx stamps each zip entry with the current time: rewrite with fixed stamps
    import zipfile

    with zipfile.ZipFile(raw) as source:
        return zip_bytes([deflated(info.filename, source.read(info.filename)) for info in source.infolist()])
