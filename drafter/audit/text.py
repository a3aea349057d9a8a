"""A plan's text split into paragraphs that know their chapter and item (for where a finding is)."""

from __future__ import annotations

from ..ingest.numbering import CHAPTER_CN, clean_line, is_numbered_heading, parse_marker
from .model import Paragraph, PlanText

# Item markers as printed: （1） 1. 1、 （一）; a chapter line (一、) resets the item.
_ITEM_KINDS = ("ar_paren", "ar_dot", "ar_comma", "cn_paren", "ar_rparen")


def split_text(text: str, source: str = "") -> PlanText:
    """Every non-empty line is a paragraph; its index counts all lines, as a .docx counts paragraphs."""
    paragraphs: list[Paragraph] = []
    chapter, item = "", ""
    for index, raw in enumerate(text.split("\n")):
        line = clean_line(raw)
        if not line:
            continue
        marker = parse_marker(line)
        if marker and marker.kind == CHAPTER_CN and is_numbered_heading(marker.rest):
            chapter, item = line, ""
        elif marker and marker.kind in _ITEM_KINDS:
            item = line[: len(line) - len(marker.rest)].strip() if marker.rest else line
        paragraphs.append(Paragraph(index, line, chapter, item))
    return PlanText(tuple(paragraphs), source)
