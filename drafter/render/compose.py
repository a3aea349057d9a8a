"""Turn the rendered block stream into the document model."""

from __future__ import annotations

import re

from ..document import Attachment, Block, Default, Document, Heading, Paragraph, Provenance, Run, StatusLine, Table, Title
from ..errors import DrafterError
from ..plan import PlannedMeasure
from .blocks import BLOCK, BOLD, FIELD

# Template line breaks inside a paragraph are layout, not text: Chinese has no spaces.
_LINE_BREAK = re.compile(r"[ \t]*\n\s*")  # the rule; _join_lines applies it in linear time


# What a Word file cannot hold, besides the block markers themselves (\x02–\x04).
_FORBIDDEN = re.compile("[\x00\x01\x05-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Fields each block carries after its kind: exact, or at least (negative).
_FIELDS = {"title": -1, "status": 1, "heading": 3, "para": 2, "measure": 2, "table": -1, "widths": -1, "row": -1,
           "group": 1, "attachment": 2}
MIN_BLOCKS = 3  # headings and paragraphs: a plan has hundreds
MIN_CHARACTERS = 100


def _bad(message: str) -> DrafterError:
    return DrafterError(f"document.j2：{message}")


def _clean(text: str) -> str:
    bad = _FORBIDDEN.search(text)
    if bad:
        raise _bad(f"模板输出了 Word 文档不能容纳的控制字符 \\x{ord(bad.group()):02x}，请删去")
    return _join_lines(text).strip()


def _join_lines(text: str) -> str:
    """_LINE_BREAK.sub("", text) in linear time: the regex backtracks over a long run of spaces
    with no line break in it (a template's `'x'|center(1000000)` took minutes)."""
    if "\n" not in text:
        return text
    parts = text.split("\n")
    joined = [parts[0].rstrip(" \t")]
    joined += [part.lstrip().rstrip(" \t") for part in parts[1:-1]]
    joined.append(parts[-1].lstrip())
    return "".join(joined)


def _runs(text: str) -> tuple[Run, ...]:
    parts = _clean(text).split(BOLD)
    return tuple(Run(part, bold=index % 2 == 1) for index, part in enumerate(parts) if part)


def _provenance(measure: PlannedMeasure) -> Provenance:
    return Provenance(measure.id, measure.sources, measure.defaults, measure.basis, measure.local, measure.fact,
                      measure.platform)


class _Tables:
    """Collects header, widths and rows until the next non-row block."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.header: tuple[str, ...] | None = None
        self.widths: tuple[int, ...] = ()
        self.rows: list[tuple[str, ...]] = []
        self.group = ""
        self.groups: list[str] = []

    def flush(self, out: list[Block]) -> None:
        if self.header is not None:
            groups = tuple(self.groups) if any(self.groups) else ()
            out.append(Table(self.header, tuple(self.rows), self.widths, groups))
        self.reset()


def compose(title: str, stream: str, measures: list[PlannedMeasure], notes: tuple[Default, ...] = (),
            stamp: str | None = None) -> Document:
    head, *chunks = stream.split(BLOCK)
    if head.strip():
        raise DrafterError(f"document.j2：模板在第一个块之前输出了文字“{head.strip()[:20]}”：文字要放在 para() 等块函数之后")
    body: list[Block] = []
    attachments: list[tuple[str, str, list[Block]]] = []
    table = _Tables()

    def out() -> list[Block]:
        return attachments[-1][2] if attachments else body

    for chunk in chunks:
        kind, *fields = chunk.split(FIELD)
        wanted = _FIELDS.get(kind)
        if wanted is None or (len(fields) != wanted if wanted > 0 else not fields):
            raise _bad("模板输出了控制字符 \\x02、\\x03 或块函数的格式不对（文字里不能有这些字符），请检查模板")
        if kind in ("row", "widths", "group") and table.header is None:
            raise _bad(f"{kind}() 之前没有 table()：表格的行、列宽和分组要写在 table(表头…) 之后")
        if kind == "row" and len(fields) > len(table.header or ()):
            raise _bad(f"row() 有 {len(fields)} 个单元格，多于表头的 {len(table.header or ())} 列")
        if kind == "widths" and len(fields) != len(table.header or ()):
            raise _bad(f"widths() 给了 {len(fields)} 列的宽度，表头有 {len(table.header or ())} 列")
        if kind not in ("row", "widths", "group"):
            table.flush(out())
        if kind == "title":
            out().append(Title(tuple(_clean(f) for f in fields)))
        elif kind == "status":
            out().append(StatusLine(_clean(fields[0])))
        elif kind == "heading":
            level, number, text = fields
            out().append(Heading(int(level), _clean(number), _clean(text)))
        elif kind == "para":
            role, text = fields
            if _clean(text):
                out().append(Paragraph(_runs(text), role=_clean(role)))  # type: ignore[arg-type]
        elif kind == "measure":
            index, text = fields
            out().append(Paragraph(_runs(text), provenance=_provenance(measures[int(index)])))
        elif kind == "table":
            table.header = tuple(_clean(f) for f in fields)
        elif kind == "widths":
            table.widths = tuple(int(_clean(f)) for f in fields)
        elif kind == "row":
            table.rows.append(tuple(_clean(f) for f in fields))
            table.groups.append(table.group)
        elif kind == "group":
            table.group = _clean(fields[0])
        elif kind == "attachment":
            label, name = fields
            attachments.append((label, _clean(name), []))
        else:
            raise DrafterError(f"document.j2：模板输出了无法识别的块 {kind[:20]!r}")
    table.flush(out())
    blocks = body + [Attachment(label, name, tuple(blocks)) for label, name, blocks in attachments]
    texts = [block for block in body if isinstance(block, (Paragraph, Heading))]
    if not texts:
        raise DrafterError("document.j2：模板没有生成任何正文（标题、段落都没有），请检查模板")
    characters = sum(len(block.text) if isinstance(block, Heading) else sum(len(r.text) for r in block.runs)
                     for block in texts)
    if len(texts) < MIN_BLOCKS or characters < MIN_CHARACTERS:
        raise DrafterError(f"document.j2：模板只生成了 {len(texts)} 段、{characters} 字的正文，不像一份方案；"
                           "请检查 document.j2 是否漏掉了 include 或循环")
    return Document(title=title, blocks=tuple(blocks), notes=notes, stamp=stamp)
