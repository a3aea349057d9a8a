"""Writers over findings: text (screen), Markdown and JSON; the annotated .docx is in annotate.py."""

from __future__ import annotations

import json
from collections import Counter

from .model import Context, Finding
from .rules import CODES


def _header(findings: list[Finding], context: Context, source: str) -> list[str]:
    issued = f"{context.issued.year}年{context.issued.month}月{context.issued.day}日"
    head = [f"审查：{source or '方案'}（{context.name}，{context.start}—{context.end}年，印发日期 {issued}）"]
    if not findings:
        return head + ["未发现问题。"]
    counts = Counter(f.code for f in findings)
    head.append(f"共 {len(findings)} 条问题：" + "，".join(f"{code} {CODES[code]} {n} 条" for code, n in sorted(counts.items())))
    return head


def to_text(findings: list[Finding], context: Context, source: str = "") -> str:
    lines = _header(findings, context, source)
    for number, f in enumerate(findings, start=1):
        lines += ["", f"{number}. [{f.code}] {f.where}" + (f"：“{f.quote}”" if f.quote else ""),
                  f"   问题：{f.what}", f"   理由：{f.why}", f"   修改：{f.fix}"]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(findings: list[Finding], context: Context, source: str = "") -> str:
    head = _header(findings, context, source)
    lines = [f"# {head[0]}", "", *head[1:], ""]
    if findings:
        lines += ["| 序号 | 规则 | 位置 | 原文 | 问题 | 理由 | 修改 |", "|---|---|---|---|---|---|---|"]
        lines += [f"| {n} | {f.code} | {_cell(f.where)} | {_cell(f.quote)} | {_cell(f.what)} | {_cell(f.why)} | {_cell(f.fix)} |"
                  for n, f in enumerate(findings, start=1)]
    return "\n".join(lines) + "\n"


def to_json(findings: list[Finding], context: Context, source: str = "") -> str:
    return json.dumps({
        "source": source, "locality": context.name, "period": [context.start, context.end],
        "issued": context.issued.isoformat(), "count": len(findings),
        "findings": [dict(f.record(), where=f.where, rule=CODES[f.code]) for f in findings],
    }, ensure_ascii=False, indent=2) + "\n"


WRITERS = {"text": to_text, "md": to_markdown, "json": to_json}
