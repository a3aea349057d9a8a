"""Markdown writer: readable diffs of drafts and golden tests."""

from __future__ import annotations

from ..document import Attachment, Block, Document, Heading, Paragraph, StatusLine, Table, Title


def _paragraph(paragraph: Paragraph) -> str:
    text = "".join(f"**{run.text}**" if run.bold else run.text for run in paragraph.runs)
    if paragraph.role in ("signature", "date"):
        return f"<p align=\"right\">{text}</p>"
    return text


def _table(table: Table) -> list[str]:
    lines = ["| " + " | ".join(table.header) + " |", "|" + "---|" * len(table.header)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in table.rows]
    return ["\n".join(lines)]


def _blocks(blocks: tuple[Block, ...]) -> list[str]:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Title):
            out += [f"# {line}" for line in block.lines]
        elif isinstance(block, StatusLine):
            out.append(f"<p align=\"center\">{block.text}</p>")
        elif isinstance(block, Heading):
            out.append(f"{'#' * (block.level + 1)} {block.number}{block.text}")
        elif isinstance(block, Paragraph):
            out.append(_paragraph(block))
        elif isinstance(block, Table):
            out += _table(block)
        elif isinstance(block, Attachment):
            out += ["---", block.label, f"## {block.title}"] + _blocks(block.blocks)
    return out


def write_markdown(document: Document) -> bytes:
    return ("\n\n".join(_blocks(document.blocks)) + "\n").encode("utf-8")
