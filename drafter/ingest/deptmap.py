"""A department list's names as the plan's own unit names, by role: the mapping both
`drafter units import` (a file) and `drafter serve` (a pasted list) use.

浏阳市司法局 → justice: 市司法局 (a plan names its own bodies by the level's prefix); a merged
body (政务服务和数据管理局) names two roles; another level's body (长沙市生态环境局浏阳分局) is
kept whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from ..library import Library
from .deptlist import Department, strip_place


@dataclass(frozen=True)
class Locality:
    """A jurisdiction as the mapping sees it: its names, province, city and the level's prefix."""
    name: str
    short: str
    province: str
    city: str | None
    prefix: str


@dataclass(frozen=True)
class ImportReport:
    """What the import did: role → name written, names not mapped, roles left on defaults."""
    written: dict[str, str]
    unmapped: tuple[Department, ...]
    duplicates: tuple[tuple[str, str, str], ...]  # (role, name kept, name not used)
    on_defaults: tuple[str, ...]


def local_name(name: str, place: Locality) -> str:
    """浏阳市司法局 → 市司法局, 司法局 → 市司法局: a plan names its own bodies by the level's prefix;
    another place's body (长沙市生态环境局浏阳分局) is kept whole."""
    prefix = place.prefix
    for upper in (place.province, place.city):  # 北京市延庆区人民政府办公室: the province before the name
        if upper and name.startswith(upper) and any(name[len(upper):].startswith(own) for own in (place.name, place.short) if own):
            name = name[len(upper):]
            break
    for own in sorted({place.name, place.short}, key=len, reverse=True):
        if own and name.startswith(own) and len(name) > len(own):
            rest = name[len(own):]
            return rest if rest.startswith(prefix) else prefix + rest
    if name.startswith(prefix) or any(upper and name.startswith(upper) for upper in (place.city, place.province)):
        return name  # 长沙市生态环境局浏阳分局, 北京市公安局延庆分局: another level's body, kept whole
    if strip_place(name) != name or name.startswith("国家") or any(
            own and own in name for own in (place.name, place.province)):
        return name  # it names a place itself (国家税务总局…税务局, another division's body): kept as written
    return prefix + name


def plan_import(departments: list[Department], place: Locality, units: Mapping[str, str],
                library: Library) -> ImportReport:
    """Each mapped department's local name by role; `units` are the names the profile already gives."""
    written: dict[str, str] = {}
    duplicates = []
    for department in departments:
        for role in department.roles:
            name = local_name(department.name, place)
            if role in written:
                duplicates.append((role, written[role], name))
            else:
                written[role] = name
    named = set(units) | set(written)
    on_defaults = tuple(key for key, role in library.roles.items()
                        if key not in named and not role.group and role.may_lead)
    return ImportReport(written, tuple(d for d in departments if not d.roles), tuple(duplicates), on_defaults)
