"""The review copy (审阅稿): the .docx with a Word comment on every measure saying where it came
from, and every value the profile did not set highlighted and commented with the field to set.

Written by the plain writer's body writer with `ReviewMarks` (review_marks) deciding each
paragraph's runs, so the two never differ in layout, into the prepared package with a
comments part. Comment dates come from the document (its date, else the period's start):
two runs give byte-identical files.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache

from ..document import Document, Provenance
from ..library.citations import sources_words
from .docx_body import body_xml
from .docx_package import Package, _builders_digest, assemble, prepared, unpack, zip_bytes
from .review_marks import AUTHOR, INITIALS, ReviewMarks, defaults_comment

__all__ = ["AUTHOR", "INITIALS", "defaults_comment", "source_comment", "write_review_docx"]
COMMENTS_PART = "word/comments.xml"


def write_review_docx(document: Document) -> bytes:
    marks = ReviewMarks(document.notes, document.stamp, source_comment)
    body, _ = body_xml(document.blocks, marks)
    package = review_package()
    comments = (package.comments_head + marks.comments_xml() + package.comments_tail).encode("utf-8")
    return assemble(body, document.title, package.package, {COMMENTS_PART: comments})


def source_comment(provenance: Provenance, locality_note: str = "") -> str:
    """来源：大通区实施意见（30）；璧山区实施方案第18条。依据：《…》（文号）。五份方案中有 2 份写有此项。
    A measure naming the province's platforms adds where the names were verified."""
    text = _source_comment(provenance)
    return f"{text}{provenance.platform}。" if provenance.platform else text


def _source_comment(provenance: Provenance) -> str:
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


@dataclass(frozen=True)
class ReviewPackage:
    """The prepared package with an empty comments part, split where the comments go."""
    package: Package
    comments_head: str
    comments_tail: str


@lru_cache(maxsize=1)
def review_package() -> ReviewPackage:
    """From the user's cache when the code that builds it is unchanged (as `prepared`)."""
    from ..library.cache import remembered

    with open(__file__, "rb") as source:
        own = hashlib.sha256(source.read()).hexdigest()[:12]
    return remembered(f"review-package-{_builders_digest()}-{own}", build_review_package, ReviewPackage)


def build_review_package() -> ReviewPackage:
    """python-docx adds the comments part as its add_comment would (part, relationship and
    content type); the package is then saved once with fixed zip stamps."""
    import io
    import zipfile

    import docx

    from .docx import to_bytes

    doc = docx.Document(io.BytesIO(zip_bytes(list(prepared().entries))))
    doc.part._comments_part  # created on first use, related to the document part
    data = to_bytes(doc)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        comments = archive.read(COMMENTS_PART).decode("utf-8").rstrip()
    if comments.endswith("/>"):  # an empty <w:comments …/>
        head, tail = comments[:-2].rstrip() + ">", "</w:comments>"
    else:
        split = comments.rindex("</w:comments>")
        head, tail = comments[:split], comments[split:]
    return ReviewPackage(unpack(data), head, tail)
