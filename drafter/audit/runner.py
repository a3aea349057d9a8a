"""The runner: ingest a plan, run every registered rule, collect findings in reading order."""

from __future__ import annotations

from pathlib import Path

from ..ingest import read_plan
from ..library import Library, load_library
from .model import Context, Finding, PlanText
from .rules import MODULES
from .text import split_text


def audit_text(text: str, context: Context, library: Library | None = None, source: str = "") -> list[Finding]:
    """All findings for a plan text, sorted by paragraph (whole-plan findings last), then code."""
    library = library or load_library()
    plan = split_text(text, source)
    findings = [finding for module in MODULES for finding in module.check(plan, context, library)]
    unique = list(dict.fromkeys(findings))
    order = {paragraph.index: n for n, paragraph in enumerate(plan.paragraphs)}
    return sorted(unique, key=lambda f: (f.paragraph is None, order.get(f.paragraph, 0), f.code))


def audit_file(path: Path, context: Context, library: Library | None = None) -> list[Finding]:
    return audit_text(read_plan(Path(path)), context, library, Path(path).name)
