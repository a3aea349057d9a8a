"""Unit roles → the locality's own department names (level-aware defaults, profile overrides)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..library import Library
from ..profile import Profile
from .unitrules import OFFICE, pattern_rule, province_name, vertical_name


@dataclass(frozen=True)
class UnitName:
    """A role's name in this locality, and whether it is a default."""
    role: str
    label: str  # what the role is, e.g. 司法行政部门
    name: str  # the locality's name for it, e.g. 区司法局
    is_default: bool  # True when the profile did not name it
    rule: str = ""  # for a default: the rule that produced it (按县级命名规则, 按垂直管理分局规则…)

    @property
    def unset(self) -> bool:
        """A role without a default name (河务部门) the profile does not name: no measure names it."""
        return not self.name


UNSET = "未设置"


def lower_govs(profile: Profile) -> str:
    return profile.jurisdiction.lower_govs or profile.jurisdiction.level.lower_govs


def resolve_units(profile: Profile, library: Library) -> dict[str, UnitName]:
    """Every role of the library and of the profile's local_units, with its local name."""
    level = profile.jurisdiction.level
    units: dict[str, UnitName] = {}
    for key, role in library.roles.items():
        if key in profile.units:
            units[key] = UnitName(key, role.label, profile.units[key], False)
            continue
        if role.default is None:  # named only by the profile: left out of every measure until then
            units[key] = UnitName(key, role.label, "", True, UNSET)
            continue
        place = profile.jurisdiction
        by_rule = province_name(key, place.province, level.key, level.prefix, place.short, place.city) \
            or vertical_name(key, place.name, place.short, level.tier, place.city,
                             place.province if level.key == "district" else None)
        if by_rule:
            units[key] = UnitName(key, role.label, by_rule[0], True, by_rule[1])
            continue
        pattern = role.by_level.get(level.key, role.default)
        name = pattern.replace("{p}", level.prefix).replace("{lower_govs}", lower_govs(profile))
        # lower_govs named in jurisdiction counts as set by the profile.
        named = key == "lower_govs" and profile.jurisdiction.lower_govs is not None
        units[key] = UnitName(key, role.label, name, not named, pattern_rule(role, level.key, level.label))
    service = units.get("gov_service")
    if service and service.rule == OFFICE and "gov_office" in units:
        # without a province's rule the 政府办公室 leads: by the name the profile gives it, if any
        units["gov_service"] = replace(service, name=units["gov_office"].name)
    for key, name in profile.local_units.items():
        units[key] = UnitName(key, "本地单位", name, False)
    return units
