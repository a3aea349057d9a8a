"""Section breaks for a 横排 (landscape) attachment: the 分工表 on A4 landscape pages.

The body writer does not know the package's section properties (their footer references
are the package's relationship ids), so it writes a marker where the portrait section ends;
`place_sections` puts the package's own sectPr there when the .docx is assembled. The
landscape section has no footer references of its own: Word, WPS and LibreOffice then use
the previous section's footers, so the page numbers continue ("— 34 —" after "— 33 —").
"""

from __future__ import annotations

import re

from drafter.document import Attachment, Table
from drafter.writers.gongwen import (
    HEADER_DISTANCE,
    LANDSCAPE_FOOTER_DISTANCE,
    LANDSCAPE_MARGIN_BOTTOM,
    LANDSCAPE_MARGIN_LEFT,
    LANDSCAPE_MARGIN_RIGHT,
    LANDSCAPE_MARGIN_TOP,
    LINE_PITCH,
    PAGE_HEIGHT,
    PAGE_WIDTH,
)

PORTRAIT_MARK = "<!--drafter:portrait-section-ends-->"
LANDSCAPE_LAST_MARK = "<!--drafter:landscape-section-last-->"
_PAGE = (f'<w:pgSz w:w="{PAGE_HEIGHT}" w:h="{PAGE_WIDTH}" w:orient="landscape"/>'
         f'<w:pgMar w:top="{LANDSCAPE_MARGIN_TOP}" w:right="{LANDSCAPE_MARGIN_RIGHT}" '
         f'w:bottom="{LANDSCAPE_MARGIN_BOTTOM}" w:left="{LANDSCAPE_MARGIN_LEFT}" w:header="{HEADER_DISTANCE}" '
         f'w:footer="{LANDSCAPE_FOOTER_DISTANCE}" w:gutter="0"/>')
LANDSCAPE_SECTION = f'<w:sectPr>{_PAGE}<w:cols w:space="720"/><w:docGrid w:type="lines" w:linePitch="{LINE_PITCH}"/></w:sectPr>'


def is_landscape(block: Attachment) -> bool:
    """An attachment holding a table (the 分工表) is set 横排."""
    return any(isinstance(inner, Table) for inner in block.blocks)


def end_section(paragraph: str, section: str) -> str:
    """`paragraph` (as paragraph_xml writes it) carrying `section` as its last pPr child."""
    if paragraph == "<w:p/>":
        return f"<w:p><w:pPr>{section}</w:pPr></w:p>"
    if paragraph.startswith("<w:p><w:pPr>"):
        head, tail = paragraph.split("</w:pPr>", 1)
        return f"{head}{section}</w:pPr>{tail}"
    return f"<w:p><w:pPr>{section}</w:pPr>{paragraph[len('<w:p>'):]}"


def place_sections(body: str, tail: str) -> tuple[str, str]:
    """The body and the package's closing part with the markers replaced: the package's
    portrait sectPr where a portrait section ends, and a landscape final section when the
    document ends on a landscape attachment."""
    final = re.search(r"<w:sectPr\b.*?</w:sectPr>", tail, re.S)
    if final is None:  # pragma: no cover - the package always has one
        return body, tail
    portrait = final.group(0)
    body = body.replace(PORTRAIT_MARK, portrait)
    if body.endswith(LANDSCAPE_LAST_MARK):
        body = body[: -len(LANDSCAPE_LAST_MARK)]
        landscape = re.sub(r"<w:pgSz\b[^>]*/><w:pgMar\b[^>]*/>", _PAGE, portrait)
        tail = tail.replace(portrait, landscape)
    return body, tail
