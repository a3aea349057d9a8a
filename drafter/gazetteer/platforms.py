"""Each province's 政务服务 platforms (data/platforms.yaml), so a plan names its own and never
another's ("渝快办" in a Beijing plan is the classic copy error). Every entry carries its source
and as-of date; the loader refuses one without them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import Problem, ValidationFailed
from ..profile.places import PROVINCES

DATA = Path(__file__).resolve().parent / "data"
KINDS = ("official", "news", "secondary")


@dataclass(frozen=True)
class ProvincePlatforms:
    """One province's platform names and where they were verified."""
    province: str
    platforms: tuple[str, ...]
    source: str
    as_of: str
    kind: str  # official (a plan or a government's own text), news, secondary (third-party)


def read_platforms(path: Path) -> dict[str, ProvincePlatforms]:
    """Every entry of a platforms file; every problem at once."""
    raw = yaml.safe_load(path.read_text("utf-8")) or {}
    problems: list[Problem] = []
    entries: dict[str, ProvincePlatforms] = {}
    for province, entry in raw.items():
        where = str(province)
        entry = entry if isinstance(entry, dict) else {}
        if province not in PROVINCES:
            problems.append(Problem(str(path), None, where, f"{province} 不是省级行政区的全称"))
        for key, word in (("source", "核实出处"), ("as_of", "核实日期")):
            if not str(entry.get(key) or "").strip():
                problems.append(Problem(str(path), None, f"{where}.{key}", f"缺少{word}：每个平台名称都要写明从哪里核实、何时核实"))
        names = entry.get("platforms")
        if not isinstance(names, list) or not names or not all(isinstance(n, str) and n.strip() for n in names):
            problems.append(Problem(str(path), None, f"{where}.platforms", "platforms 应为平台名称的列表"))
            continue
        if entry.get("kind") not in KINDS:
            problems.append(Problem(str(path), None, f"{where}.kind", f"kind 应为 {'、'.join(KINDS)} 之一"))
        entries[province] = ProvincePlatforms(province, tuple(names), str(entry.get("source", "")),
                                              str(entry.get("as_of", "")), str(entry.get("kind", "")))
    owners: dict[str, str] = {}
    for entry in entries.values():
        for name in entry.platforms:
            if name in owners:
                problems.append(Problem(str(path), None, f"{entry.province}.platforms", f"{name} 已列在 {owners[name]} 下"))
            owners[name] = entry.province
    if problems:
        raise ValidationFailed(problems)
    return entries


@lru_cache(maxsize=2)
def load_platforms(path: Path = DATA / "platforms.yaml") -> dict[str, ProvincePlatforms]:
    return read_platforms(path)


def own_platforms(province: str) -> tuple[str, ...]:
    entry = load_platforms().get(province)
    return entry.platforms if entry else ()


@dataclass(frozen=True)
class ServicePlatforms:
    """The names a plan gives its province's platforms: the mobile end (湘易办) and the web hall
    (湖南政务服务网), each None where the registry holds none, and where they were verified."""
    app: str | None
    web: str | None
    source: str
    as_of: str

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name in (self.web, self.app) if name)

    @property
    def note(self) -> str:
        """平台名称……出自平台登记表 (the review copy's words)."""
        quoted = "、".join(f"“{name}”" for name in self.names)
        return (f"平台名称{quoted}出自平台登记表 drafter/gazetteer/data/platforms.yaml"
                f"（出处：{self.source}；核实日期 {self.as_of}），请核对是否为现用名称")


WEB_SUFFIX = "政务服务网"


def service_platforms(province: str) -> ServicePlatforms | None:
    """The province's registered platforms as a plan names them: the first name not ending in
    政务服务网 is the mobile end in use (the file lists the current name first, an old one after),
    the first ending in it is the web hall. None for a province the registry lacks."""
    entry = load_platforms().get(province)
    if entry is None:
        return None
    app = next((name for name in entry.platforms if not name.endswith(WEB_SUFFIX)), None)
    web = next((name for name in entry.platforms if name.endswith(WEB_SUFFIX)), None)
    return ServicePlatforms(app, web, entry.source, entry.as_of)


def other_platforms(province: str) -> dict[str, str]:
    """Platform name → the province it belongs to, for every province but this one."""
    return {name: entry.province for entry in load_platforms().values() if entry.province != province
            for name in entry.platforms}


def _named(text: str, name: str) -> bool:
    # A two-character name is a word only when quoted: 京通 is in 南京通报, “京通” is the platform.
    if len(name) <= 2:
        return any(f"{open_}{name}{close}" in text for open_, close in (("“", "”"), ("\"", "\""), ("「", "」")))
    return name in text


def foreign_platforms_in(text: str, province: str) -> list[tuple[str, str]]:
    """(name, its province) for every other province's platform the text names."""
    own = own_platforms(province)
    found = []
    for name, owner in other_platforms(province).items():
        if _named(text, name) and not any(name in mine for mine in own if mine != name and _named(text, mine)):
            found.append((name, owner))
    return found
