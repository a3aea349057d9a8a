"""The user's own .docx back with a Word comment at each finding's paragraph, otherwise unchanged."""

from __future__ import annotations

import io
from pathlib import Path

from .model import Finding

AUTHOR, INITIALS = "drafter 审查", "DA"


def _comment(finding: Finding) -> str:
    quoted = f"“{finding.quote}”：" if finding.quote else ""
    return f"[{finding.code}] {quoted}{finding.what}\n理由：{finding.why}\n修改：{finding.fix}"


def annotated_docx(source: Path, findings: list[Finding]) -> bytes:
    """The .docx bytes with comments; whole-plan findings go on the first paragraph with text.

    ingest numbers lines by joining body paragraphs with newlines, so a paragraph with line
    breaks spans several lines: the map below turns a line index back into a paragraph."""
    import docx

    document = docx.Document(str(source))
    paragraphs = document.paragraphs
    by_line: list[int] = []
    for number, paragraph in enumerate(paragraphs):
        by_line += [number] * (paragraph.text.count("\n") + 1)
    first = next((p for p in paragraphs if _runs(p)), None)
    for finding in findings:
        target = first
        if finding.paragraph is not None and finding.paragraph < len(by_line):
            target = paragraphs[by_line[finding.paragraph]]
        runs = _runs(target) if target is not None else []
        if runs:
            document.add_comment(runs, text=_comment(finding), author=AUTHOR, initials=INITIALS)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _runs(paragraph):  # type: ignore[no-untyped-def]
    return [run for run in paragraph.runs if run.text] if paragraph is not None else []
