"""A department list's names as the plan's own unit names, by role: the mapping both
`drafter units import` (a file) and `drafter serve` (a pasted list) use.

浏阳市司法局 → justice: 市司法局 (a plan names its own bodies by the level's prefix); a merged
body (政务服务和数据管理局) names two roles; another level's body (长沙市生态环境局浏阳分局,
成都市都江堰生态环境局, 国家税务总局…) is kept whole; headings the list's reading skipped are reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

from ..library import Library
from .deptlist import Department, Skipped, roles_of, strip_place


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
    skipped: tuple[Skipped, ...] = ()  # headings and lines that name no body


def local_name(name: str, place: Locality) -> str:
    """浏阳市司法局 → 市司法局, 司法局 → 市司法局: a plan names its own bodies by the level's prefix,
    the place's name taken off once (都江堰市市场监督管理局 → 市市场监督管理局); a body of another level
    (长沙市生态环境局浏阳分局, 成都市都江堰生态环境局, 国家税务总局…税务局) is kept whole."""
    prefix = place.prefix
    if place.province and name.startswith(place.province + place.name):  # 北京市延庆区人民政府办公室
        name = name[len(place.province):]
    if name.startswith(place.name) and len(name) > len(place.name):
        return prefix + name[len(place.name):]  # 都江堰市 off once: 市场监督管理局 keeps its 市
    if place.short and place.short != place.name and name.startswith(place.short) and len(name) > len(place.short):
        rest = name[len(place.short):]
        return rest if rest.startswith(prefix) else prefix + rest  # 大通县司法局 (大通回族土族自治县)
    if any(upper and name.startswith(upper) for upper in (place.city, place.province)):
        return name  # 长沙市生态环境局浏阳分局, 成都市都江堰生态环境局: the upper level's body, kept whole
    if name.startswith(prefix) and roles_of(name[len(prefix):]) == roles_of(name):
        return name  # 市司法局 has its prefix; 市场监督管理局 has none (场监督管理局 names nothing)
    if strip_place(name) != name or name.startswith(("国家", "中国")) or any(
            own and own in name for own in (place.name, place.province)):
        return name  # it names a place itself (国家税务总局…税务局, another division's body): kept as written
    return prefix + name


# Bodies whose own name is written as listed, never by the level's prefix: a vertically managed
# 河务局 (兰考黄河河务局 is no 县黄河河务局) and a zone's committee, whose name holds the zone's.
AS_LISTED = ("river_affairs", "zone_committee")


def plan_import(departments: Sequence[Department], place: Locality, units: Mapping[str, str],
                library: Library, skipped: Sequence[Skipped] = ()) -> ImportReport:
    """Each mapped department's local name by role; `units` are the names the profile already gives."""
    written: dict[str, str] = {}
    duplicates = []
    for department in departments:
        for role in department.roles:
            name = department.name if role in AS_LISTED else local_name(department.name, place)
            if role in written:
                duplicates.append((role, written[role], name))
            else:
                written[role] = name
    named = set(units) | set(written)
    on_defaults = tuple(key for key, role in library.roles.items()
                        if key not in named and not role.group and role.may_lead and role.default is not None)
    return ImportReport(written, tuple(d for d in departments if not d.roles), tuple(duplicates), on_defaults,
                        tuple(skipped))
