"""What the page shows while the form is unfinished: the default unit names of the level being
filled in (as `drafter units` prints them before any is named), and the form's data with the
fields that have problems left out, so that the preview goes on as if they were not filled."""

from __future__ import annotations

import copy
from types import SimpleNamespace
from typing import Any

from ..library import Library
from ..plan.units import resolve_units
from ..profile.levels import parse_level
from ..profile.loader import Jurisdiction


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def default_units(data: Any, library: Library) -> dict[str, dict[str, str]]:
    """role → {name, label}: the names `drafter units` gives each role when the profile names none,
    for the jurisdiction in the form (empty while its name or level is not filled in)."""
    place = data.get("jurisdiction") if isinstance(data, dict) else None
    place = place if isinstance(place, dict) else {}
    name, level = _text(place.get("name")), parse_level(_text(place.get("level"))) if _text(place.get("level")) else None
    if not name or level is None:
        return {}
    jurisdiction = Jurisdiction(name, _text(place.get("short")) or name, level, _text(place.get("province")),
                                _text(place.get("city")) or None, _text(place.get("lower_govs")) or None)
    # resolve_units reads only these three of a profile; nothing here is drafted
    bare = SimpleNamespace(jurisdiction=jurisdiction, units={}, local_units={})
    return {unit.role: {"name": unit.name, "label": unit.label}
            for unit in resolve_units(bare, library).values()}  # type: ignore[arg-type]


def _steps(field: str) -> list[str | int]:
    return [int(part) if part.isdigit() else part for part in field.split(".") if part]


def _drop(data: Any, steps: list[str | int]) -> bool:
    """Remove the value at `steps`; False when there is none."""
    node = data
    for step in steps[:-1]:
        if isinstance(node, dict) and isinstance(step, str) and step in node:
            node = node[step]
        elif isinstance(node, list) and isinstance(step, int) and step < len(node):
            node = node[step]
        else:
            return False
    last = steps[-1]
    if isinstance(node, dict) and isinstance(last, str) and last in node:
        del node[last]
        return True
    if isinstance(node, list) and isinstance(last, int) and last < len(node):
        del node[last]
        return True
    return False


def without(data: dict[str, Any], fields: list[str]) -> dict[str, Any] | None:
    """A copy of the form's data without `fields` (dotted paths as problems name them); None when
    one of them names no value or the whole profile (then there is nothing sensible to leave out)."""
    left = copy.deepcopy(data)
    # the later items of a list first, so that removing one does not move the next
    for steps in sorted((_steps(field) for field in set(fields)), key=lambda s: [str(p).zfill(6) for p in s],
                        reverse=True):
        if not steps or steps[0] == "jurisdiction" or not _drop(left, steps):
            return None
    return left
