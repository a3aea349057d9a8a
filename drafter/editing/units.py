"""A department list pasted into the page (as copied from the government website's 机构 page)
→ the profile's `units`, by the mapping `drafter units import` uses (ingest/deptmap.py)."""

from __future__ import annotations

from typing import Any

from ..errors import DrafterError
from ..ingest.deptlist import list_of, skipped_note
from ..ingest.deptmap import Locality, plan_import
from ..library import Library
from ..profile.levels import LEVELS, parse_level

MAX_LIST = 20_000  # characters: a county's list is under 2,000; more is not a department list
MAX_LINES = 500


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _locality(data: Any) -> Locality:
    place = data.get("jurisdiction") if isinstance(data, dict) else None
    place = place if isinstance(place, dict) else {}
    name, level = _text(place.get("name")), parse_level(_text(place.get("level"))) if _text(place.get("level")) else None
    if not name or level is None:
        missing = "、".join(word for word, absent in (("全称", not name), ("层级", level is None)) if absent)
        raise DrafterError(f"请先在“辖区”中填好{missing}：名单中的名称要按本级的称谓写入（如 浏阳市司法局 → 市司法局）")
    return Locality(name, _text(place.get("short")) or name, _text(place.get("province")),
                    _text(place.get("city")) or None, LEVELS[level.key].prefix)


def import_pasted(text: Any, data: Any, library: Library) -> dict[str, Any]:
    """The roles the pasted list names, as JSON for the page: the new `units`, what each role was
    mapped from, the names no role fits, and the roles left on defaults."""
    if not isinstance(text, str) or not text.strip():
        raise DrafterError("名单是空的：请把政府网站“机构设置”页的部门名称粘贴进来，一行一个，如 县司法局")
    if len(text) > MAX_LIST or text.count("\n") >= MAX_LINES:
        raise DrafterError(f"名单太长（最多 {MAX_LINES} 行、{MAX_LIST:,} 字）：请只粘贴本级政府的部门名称，一行一个")
    place = _locality(data)
    found = list_of(list(enumerate(text.splitlines(), 1)))
    departments = found.departments
    if not departments:
        raise DrafterError(f"名单中没有读到单位名称：{skipped_note(found.skipped)}请一行写一个单位，如 县司法局")
    units = data.get("units") if isinstance(data.get("units"), dict) else {}
    report = plan_import(departments, place, {k: v for k, v in units.items() if isinstance(v, str)}, library,
                         found.skipped)
    written = {d.name: [r for r in d.roles if report.written.get(r)] for d in departments if d.roles}
    return {
        "units": {**units, **report.written},
        "mapped": [{"role": role, "label": library.roles[role].label, "name": name,
                    "from": next(d for d, roles in written.items() if role in roles)}
                   for role, name in report.written.items() if role in library.roles],
        "unmapped": [d.name for d in report.unmapped],
        "skipped": [{"line": item.line, "text": item.text, "heading": item.heading} for item in report.skipped],
        "duplicates": [{"role": role, "label": library.roles[role].label if role in library.roles else role,
                        "kept": kept, "other": other} for role, kept, other in report.duplicates],
        "defaults": [{"role": role, "label": library.roles[role].label} for role in report.on_defaults],
    }
