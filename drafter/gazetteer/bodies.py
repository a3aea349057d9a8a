"""Bodies a province set up by its own reform (data/bodies.yaml): 河北's counties have a
行政审批局, 北京's districts a 政务服务和数据管理局 and 委 for housing and education, 四川's counties a
巴中市平昌生态环境局 (the city's name and the county's: {city}{short}). A default unit name follows them
before the general pattern; every entry carries its source and date."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import Problem, ValidationFailed
from ..profile.levels import LEVELS
from ..profile.places import PROVINCES

DATA = Path(__file__).resolve().parent / "data"
KINDS = ("official", "news", "secondary")
MARKS = ("{p}", "{short}", "{city}")


@dataclass(frozen=True)
class BodyRule:
    """One province's name for some roles at some levels, and where it was verified."""
    province: str
    roles: tuple[str, ...]
    levels: frozenset[str]
    name: str  # {p}行政审批局, 北京市公安局{short}分局, {city}{short}生态环境局
    rule: str  # the words a default names: 按河北省规定（…）
    source: str
    as_of: str
    kind: str
    cities: tuple[str, ...] = ()  # only in these 设区的市 (成都's 水务局), none: the whole province

    def named(self, prefix: str, short: str, city: str | None = None) -> str | None:
        """The body's name here; None when it carries the city's name (四川's 巴中市平昌生态环境局)
        and the profile names no city."""
        if "{city}" in self.name and not city:
            return None
        return self.name.replace("{p}", prefix).replace("{short}", short).replace("{city}", city or "")


def read_bodies(path: Path) -> dict[str, tuple[BodyRule, ...]]:
    """Every rule of a bodies file by province; every problem at once."""
    raw = yaml.safe_load(path.read_text("utf-8")) or {}
    problems: list[Problem] = []
    rules: dict[str, list[BodyRule]] = {}

    def problem(field: str, message: str) -> None:
        problems.append(Problem(str(path), None, field, message))

    for province, entries in raw.items():
        if province not in PROVINCES:
            problem(str(province), f"{province} 不是省级行政区的全称")
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            where = f"{province}[{index}]"
            entry = entry if isinstance(entry, dict) else {}
            for key, word in (("source", "核实出处"), ("as_of", "核实日期"), ("rule", "规则说明")):
                if not str(entry.get(key) or "").strip():
                    problem(f"{where}.{key}", f"缺少{word}：每条机构名称规则都要写明规则、从哪里核实、何时核实")
            roles, levels, name = entry.get("roles"), entry.get("levels"), str(entry.get("name") or "")
            if not isinstance(roles, list) or not roles:
                problem(f"{where}.roles", "roles 应为单位角色键的列表，如 [gov_service]")
            unknown = [level for level in levels or [] if level not in LEVELS] if isinstance(levels, list) else None
            if not isinstance(levels, list) or not levels or unknown:
                problem(f"{where}.levels", f"levels 应为层级键的列表，可选：{'、'.join(LEVELS)}")
            if not any(mark in name for mark in MARKS):
                problem(f"{where}.name", "name 应含 {p}（区/县/市）、{short}（辖区简称）或 {city}（所属设区的市），"
                                         "如 {p}行政审批局、{city}{short}生态环境局")
            cities = entry.get("cities", [])
            if not isinstance(cities, list) or not all(isinstance(city, str) and city.strip() for city in cities):
                problem(f"{where}.cities", "cities 应为设区的市全称的列表，如 [成都市]；适用于全省的规则不写 cities")
                cities = []
            if entry.get("kind") not in KINDS:
                problem(f"{where}.kind", f"kind 应为 {'、'.join(KINDS)} 之一")
            if isinstance(roles, list) and isinstance(levels, list):
                rules.setdefault(str(province), []).append(BodyRule(
                    str(province), tuple(roles), frozenset(levels), name, str(entry.get("rule", "")),
                    str(entry.get("source", "")), str(entry.get("as_of", "")), str(entry.get("kind", "")),
                    tuple(cities)))
    if problems:
        raise ValidationFailed(problems)
    return {province: tuple(found) for province, found in rules.items()}


@lru_cache(maxsize=2)
def load_bodies(path: Path = DATA / "bodies.yaml") -> dict[str, tuple[BodyRule, ...]]:
    return read_bodies(path)


def body_rule(province: str, level: str, role: str, city: str | None = None) -> BodyRule | None:
    """The province's rule for a role at a level (a rule of the locality's own city first), None
    where the province has none."""
    found = [rule for rule in load_bodies().get(province, ()) if role in rule.roles and level in rule.levels
             and (not rule.cities or city in rule.cities)]
    return next((rule for rule in found if rule.cities), found[0] if found else None)
