"""The rule registry: one module per kind of check, each with stable codes and a `check` function.

A rule module has CODES (code → a one-line Chinese title, the docs of the rule) and
check(plan, context, library) returning Findings; the runner only collects (STYLE lesson 9).
"""

from __future__ import annotations

from types import ModuleType

from . import dates, divisions, documents, levels, numbers, places, plenums, requirements, units, wording

MODULES: tuple[ModuleType, ...] = (documents, dates, wording, plenums, places, divisions, levels, units, requirements, numbers)
CODES: dict[str, str] = {code: title for module in MODULES for code, title in module.CODES.items()}
