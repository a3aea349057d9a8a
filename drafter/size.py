"""How big a draft is, as a user judges it: characters, measures, pages, and its deadlines.

Measured on the document model (what every writer writes), so the figure printed by
`drafter draft` is the figure of the file. The body is what precedes the appendices.
Pages are estimated on the GB/T 9704 grid of 22 lines of 28 characters.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .document import Attachment, Document, Heading, Paragraph, StatusLine, Table, Title

CJK = re.compile(r"[\u3400-\u9fff]")
LINE = 28  # characters a line
PAGE = 22  # lines a page
TITLE_LINE = 2  # a 22 pt title line takes about two body lines, and holds about 20 characters
TITLE_WIDTH = 20
TABLE_LINE_CHARS = 37
# A table attachment is set 横排 (A4 landscape, 225 × 156 mm type area): 12 pt cells on 16 pt
# lines, 53 characters across, 442 pt of page height.
LANDSCAPE_LINE_CHARS, LANDSCAPE_CELL_LINE, LANDSCAPE_HEIGHT = 53, 16, 442


def cjk_count(text: str) -> int:
    return len(CJK.findall(text))


def _lines(text: str, indent: int = 2, width: int = LINE) -> int:
    return max(1, math.ceil((len(text) + indent) / width))


@dataclass(frozen=True)
class Size:
    """A draft's size as the size line says it: characters, measures, pages."""
    characters: int  # CJK characters of the body (appendices excluded)
    measures: int  # measure paragraphs in the body
    pages: int  # estimated pages of the whole document
    dated: int  # measures with a year as their deadline
    annual: int  # measures due 每年
    ongoing: int  # measures without a deadline (持续推进)
    appendix: int = 0  # CJK characters of the attachments (the 分工表): body + appendix = the whole file
    table_rows: int = 0  # rows of the attachments' tables (the 分工表), header rows excluded

    def line(self, fmt: str = "docx") -> str:
        """约 14,200 字（另有附件约 4,500 字），96 条措施，约 45 页；完成时限：具体年份 12%、每年 20%、持续推进 68%
        (for xlsx: 分工表 96 行；完成时限：…)"""
        total = max(1, self.dated + self.annual + self.ongoing)
        share = "、".join(
            f"{name} {round(100 * value / total)}%"
            for name, value in (("具体年份", self.dated), ("每年", self.annual), ("持续推进", self.ongoing))
        )
        if fmt == "xlsx":  # the spreadsheet holds only the 分工表: its rows, not the plan's pages
            return f"分工表 {self.table_rows} 行；完成时限：{share}"
        appendix = f"（另有附件约 {round(self.appendix, -2):,} 字）" if self.appendix else ""
        return (f"约 {round(self.characters, -2):,} 字{appendix}，{self.measures} 条措施，约 {self.pages} 页；"
                f"完成时限：{share}")


def measure(document: Document, deadlines: list[str | None] | None = None) -> Size:
    """`deadlines`: each measure's deadline text (from the plan), for the shares."""
    characters = measures = lines = appendix = rows = 0
    for block in document.blocks:
        if isinstance(block, Attachment):
            rows += sum(len(inner.rows) for inner in block.blocks if isinstance(inner, Table))
            appendix += cjk_count(block.label + block.title) + sum(_block_characters(inner) for inner in block.blocks)
            lines += PAGE  # a new page: count its remainder as a full page, roughly
            if any(isinstance(inner, Table) for inner in block.blocks):  # a landscape section
                height = 90 + sum(_table_points(inner, LANDSCAPE_LINE_CHARS, LANDSCAPE_CELL_LINE)
                                  for inner in block.blocks if isinstance(inner, Table))
                lines += PAGE * (math.ceil(height / LANDSCAPE_HEIGHT) - 1)
                continue
            lines += 4 + sum(_block_lines(inner) for inner in block.blocks)
            continue
        characters += _block_characters(block)
        lines += _block_lines(block)
        if isinstance(block, Paragraph) and block.provenance is not None:
            measures += 1
    deadlines = deadlines or []
    dated = sum(1 for d in deadlines if d and d.endswith("底前"))  # 2027年底前, 2028年6月底前
    annual = sum(1 for d in deadlines if d == "每年")
    return Size(characters, measures, max(1, math.ceil(lines / PAGE)), dated, annual,
                len(deadlines) - dated - annual, appendix, rows)


def _block_characters(block: object) -> int:
    if isinstance(block, Title):
        return sum(cjk_count(line) for line in block.lines)
    if isinstance(block, (StatusLine,)):
        return cjk_count(block.text)
    if isinstance(block, Heading):
        return cjk_count(block.number + block.text)
    if isinstance(block, Paragraph):
        return cjk_count(block.text)
    if isinstance(block, Table):
        return sum(cjk_count(cell) for row in (block.header, *block.rows) for cell in row)
    return 0


def _block_lines(block: object) -> int:
    if isinstance(block, Title):
        return sum(TITLE_LINE * _lines(line, 0, TITLE_WIDTH) for line in block.lines) + 1
    if isinstance(block, StatusLine):
        return 1
    if isinstance(block, Heading):
        return _lines(block.number + block.text)
    if isinstance(block, Paragraph):
        return _lines(block.text)
    if isinstance(block, Table):
        # 小四 (12 pt) cells on 20 pt lines: 37 characters across the type area, counted in
        # 28.95 pt body lines.
        return math.ceil(_table_points(block, TABLE_LINE_CHARS, 20) / 28.95)
    return 0


def _table_points(block: Table, across: int, line: int) -> int:
    """A table's height: a row of n lines of `line` pt is (n × line + 4) pt tall."""
    widths = block.widths or tuple(1 for _ in block.header)
    scale = across / sum(widths)
    return sum(
        max(_lines(cell, 0, max(2, int(w * scale) - 1)) for cell, w in zip(row, widths)) * line + 4
        for row in (block.header, *block.rows)
    )
