"""Unit roles → the locality's own department names (level-aware defaults, profile overrides)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..library import Library
from ..profile import Profile
from .unitrules import (DATA_PLACEHOLDER, OFFICE, SERVICE_PLACEHOLDER, SOURCE, UNVERIFIED_DATA, pattern_rule,
                        province_name, vertical_name)


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
    _service_and_data(profile, units)
    for key, name in profile.local_units.items():
        units[key] = UnitName(key, "本地单位", name, False)
    return units


def _service_and_data(profile: Profile, units: dict[str, UnitName]) -> None:
    """政务服务 and 数据 without a registered rule (bodies.yaml) or the profile's name: a placeholder
    the review copy highlights, never the 政府办公室 or a 数据局 that may not exist (13c N-W2). One body
    the profile names for both (政务服务和大数据管理局) leads both sets of measures (final2 §2(c)4)."""
    named = {key: profile.units[key] for key in ("gov_service", "data_bureau") if key in profile.units}
    for key, other, word in (("gov_service", "data_bureau", "政务服务"), ("data_bureau", "gov_service", "数据")):
        unit = units.get(key)
        if unit is None or key in named:
            continue
        if word in named.get(other, ""):  # the profile's one body for both
            units[key] = replace(unit, name=named[other], is_default=False, rule="")
        elif key == "gov_service" and unit.rule == OFFICE:
            units[key] = replace(unit, name=SERVICE_PLACEHOLDER)
        elif key == "data_bureau" and not unit.rule.endswith(SOURCE):  # no province rule names it
            units[key] = replace(unit, name=DATA_PLACEHOLDER, rule=UNVERIFIED_DATA)


def placeholder_hints(units: dict[str, UnitName], used: set[str]) -> tuple[str, ...]:
    """One 提示 for each placeholder a measure prints, naming the field that replaces it."""
    return tuple(f"units.{unit.role}：{unit.name}（{unit.rule}）" for unit in units.values()
                 if unit.name in (SERVICE_PLACEHOLDER, DATA_PLACEHOLDER) and unit.name in used)
