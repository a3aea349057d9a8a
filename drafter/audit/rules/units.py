"""Units named after a measure: not in the profile's units (when a profile is given), two names
for one role, a name of the wrong level (县司法局 in a 市 plan)."""

from __future__ import annotations

import re
from typing import Iterator

from ...ingest.units import split_units
from ...library import Library
from ...plan.units import resolve_units
from ..model import Context, Finding, PlanText

CODES = {
    "A601": "单位名称不在档案的单位名单中",
    "A602": "同一职能用了两个单位名称",
    "A603": "单位名称的层级不对（如市方案写县级部门）",
}
# One role, several names seen in plans (the seeds' 区数据资源管理局 / 区政务服务管理办 / …).
ROLE_WORDS = {
    "政务服务管理部门": ("政务服务", "数据资源", "大数据"),
    "司法行政部门": ("司法局",),
    "市场监管部门": ("市场监督管理", "市场监管"),
    "发展改革部门": ("发改委", "发展和改革", "发展改革"),
    "卫生健康部门": ("卫健委", "卫生健康"),
    "人力资源社会保障部门": ("人社局", "人力资源和社会保障"),
    "住房城乡建设部门": ("住建局", "住房和城乡建设"),
}
_PREFIXES = "市县区州盟旗"
_JOIN = re.compile(r"及|和(?=[市县区州盟旗各])")
_CLAUSE = re.compile(r"负责|职责|按照|分工")  # “…等区级部门按照职责分工负责” is a sentence, not a unit
_GROUP = re.compile(r"(有关|其他|其它|相关|各)(部门|单位)$|^各|有关部门|政府$")


def _names(found) -> list[str]:  # type: ignore[no-untyped-def]
    """Single unit names; 市商务局及市政府其他部门 is 市商务局 and a group word (left out)."""
    names = [part.strip() for name in found.lead + found.partners + found.responsible for part in _JOIN.split(name)]
    return [name for name in dict.fromkeys(names)
            if 3 <= len(name) <= 20 and not _GROUP.search(name) and not _CLAUSE.search(name)]


def _role(name: str) -> str | None:
    return next((role for role, words in ROLE_WORDS.items() if any(w in name for w in words)), None)


def check(plan: PlanText, context: Context, library: Library) -> Iterator[Finding]:
    level = context.profile.jurisdiction.level
    city = context.profile.jurisdiction.city or (
        context.profile.jurisdiction.province if context.profile.jurisdiction.province.endswith("市") else "")
    allowed_prefixes = {level.prefix, city[-1:] if level.tier == "county" and city else level.prefix}
    known = None
    if context.named_units:
        full = [unit.name for unit in resolve_units(context.profile, library).values() if not unit.unset]
        known = set(full) | {part for name in full for part in re.split("[、，,]", name)}
    seen: dict[str, str] = {}
    for paragraph in plan.paragraphs:
        _, found = split_units(paragraph.text)
        if found is None:
            continue
        for name in _names(found):
            if name[:1] in _PREFIXES and name[:1] not in allowed_prefixes and not name.startswith(
                    context.profile.jurisdiction.short):
                yield plan.at(paragraph, "A603", name, f"“{name}”不是本级单位",
                              f"{context.name}是{level.label}，本级部门以“{level.prefix}”开头",
                              f"改为“{level.prefix}{name[1:]}”")
                continue
            if known is not None and name not in known:
                yield plan.at(paragraph, "A601", name, f"“{name}”不在档案的单位名单中",
                              "档案 units 列出了本地各单位的名称（drafter units 档案 可查看）",
                              "改为档案中的单位名称，或在档案 units / local_units 中补登")
            role = _role(name)
            if role and seen.setdefault(role, name) != name:
                yield plan.at(paragraph, "A602", name, f"“{name}”与前文“{seen[role]}”是同一职能的两个名称",
                              f"两者都是{role}；同一单位全文应只用一个名称", f"统一为“{seen[role]}”")
