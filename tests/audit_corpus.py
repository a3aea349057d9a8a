"""The planted-defect corpus (tests/fixtures/audit): each text with a YAML of its planted findings."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import yaml

from drafter.audit import audit_file, make_context

CORPUS = Path(__file__).parent / "fixtures" / "audit"
UNSCORED = {"A701"}  # a short text lacks most requirements; tests/test_audit.py tests A701 on its own


def profile_yaml(spec: dict) -> str:
    lines = ["jurisdiction:"] + [f"  {key}: {value}" for key, value in spec.items()]
    return "\n".join(lines + ["document:", "  kind: 实施方案", "  period: {start: 2026, end: 2030}"]) + "\n"


def audit_case(text: Path, library, folder: Path):  # type: ignore[no-untyped-def]
    """(planted, found) as sets of (code, quote) for one corpus text."""
    spec = yaml.safe_load(text.with_suffix(".yaml").read_text("utf-8"))
    profile = folder / f"{text.stem}.yaml"
    profile.write_text(profile_yaml(spec["profile"]), "utf-8")
    context = make_context(library, profile=profile, period="2026-2030", issued="2026-12-01")
    context = replace(context, named_units=bool(spec.get("units")))
    found = [(f.code, f.quote) for f in audit_file(text, context, library) if f.code not in UNSCORED]
    planted = [(entry["code"], str(entry["quote"])) for entry in spec["findings"]]
    return planted, found


def cases() -> list[Path]:
    return sorted(CORPUS.glob("*.txt"))
