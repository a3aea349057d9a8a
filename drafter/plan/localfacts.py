"""The profile's local facts in the plan: the library's local measures placed in their topics
with the local names filled in, and the clause of 总体目标 that names the facts.

A local measure fits as a chapter measure does (levels, powers such as autonomy, era) and
applies when the profile has a fact of the type it serves (and, with `when`, one whose name
or kind contains one of its words; with `unless`, none of those). Within a topic it comes first and takes a place of the
topic's quota, so the topic keeps its size and its lowest-ranked generic measure gives way.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Mapping

from ..library import Library, Measure, Topic
from ..library.local_measures import LocalRule
from ..profile import LOCAL_TYPES, LocalFact, Profile
from . import select
from .units import UnitName


@dataclass(frozen=True)
class Placed:
    """A local measure for this profile: the measure and the facts that produced it."""
    measure: Measure
    serves: str
    facts: tuple[LocalFact, ...]

    @property
    def names(self) -> str:
        return "、".join(dict.fromkeys(fact.name for fact in self.facts))

    @property
    def note(self) -> str:
        """local.hazards：地震、山洪 — the profile fact, as the review copy names it."""
        return f"local.{self.serves}：{self.names}"


def _applies(rule: LocalRule, profile: Profile) -> tuple[LocalFact, ...]:
    if rule.provinces and profile.jurisdiction.province not in rule.provinces:
        return ()
    for kind, words in rule.beside:
        if not any(fact.matches(words) for fact in profile.local.of(kind)):
            return ()
    return tuple(fact for fact in profile.local.of(rule.serves)
                 if fact.matches(rule.when) and not (rule.unless and fact.matches(rule.unless)))


def placed(topic: Topic, profile: Profile, library: Library) -> list[Placed]:
    """The local measures of `topic` for this profile, in library order."""
    if not profile.local:
        return []
    have = select.powers(profile)
    found = []
    for rule in library.local_measures:
        measure = rule.measure
        if measure.topic != topic.id or measure.id in profile.drop:
            continue
        if not select.fits(measure, profile, have):
            continue
        facts = _applies(rule, profile)
        if facts:
            found.append(Placed(measure, rule.serves, facts))
    return found


ZONE_COMMITTEE = "zone_committee"


def filled(place: Placed, units: Mapping[str, UnitName] | None = None) -> Measure:
    """The measure with its type's placeholder replaced by the local names (other placeholders
    are left for the planner's usual filling). The zone's committee stays among the 责任单位 only
    when its name (units) holds the name of one of the measure's zones (兰考经济技术开发区管理委员会)."""
    mark = "{" + LOCAL_TYPES[place.serves].placeholder + "}"
    partners = place.measure.partners
    committee = units.get(ZONE_COMMITTEE) if units is not None else None
    if ZONE_COMMITTEE in partners and not (committee and any(fact.name in committee.name for fact in place.facts)):
        partners = tuple(role for role in partners if role != ZONE_COMMITTEE)
    return replace(place.measure, title=place.measure.title.replace(mark, place.names),
                   text=place.measure.text.replace(mark, place.names), partners=partners)


# The measure for a border fact on the frontier (not an inland rail, air or dry port): its words
# also decide whether the goal clause says 边境.
FRONTIER_MEASURE = "local.border.frontier"
# 总体目标 words per type, in the order the clause names them.
_CLAUSE = (
    ("hazards", "{}等灾害风险防范应对能力明显增强"),
    ("safety_risks", "{}等重点领域安全风险依法得到有效管控"),
    ("zones", "{}法治化营商环境更加优化"),
    ("heritage", "{}等文化遗产和旅游资源得到依法保护"),
    ("red_resources", "{}等红色资源得到依法保护和传承弘扬"),
    ("rivers", "{}等河湖依法管护水平持续提升"),
    ("reserves", "{}等生态屏障依法守牢"),
    ("farmland", "耕地保护和粮食安全责任依法落实"),
    ("ethnic", "铸牢中华民族共同体意识的法治保障更加有力"),
    ("border", "{}等口岸依法治理水平提高"),
    ("big_city", "{}等超大特大城市治理的法治化水平提升"),
    ("innovation", "{}等创新平台的法治保障更加完善"),
    ("industries", "{}等特色产业在法治轨道上规范健康发展"),
    ("cooperation", "{}中的执法协作和规则衔接更加顺畅"),
)


_IRRIGATION = ("灌区",)
_IRRIGATION_WORDS = "{}等灌区工程设施和用水秩序依法得到保障"
_IDEOLOGY_MARK = "坚持党对法治政府建设的全面领导"


def ideology(profile: Profile, text: str) -> str:
    """指导思想 with the locality's spirit woven in (传承弘扬焦裕禄精神), or its red resources
    named (用好某某革命旧址等红色资源); unchanged without `red_resources`."""
    facts = profile.local.of("red_resources")
    if not facts:
        return text
    spirits = [fact.name for fact in facts if "精神" in fact.name]
    others = [fact.name for fact in facts if "精神" not in fact.name]
    words = "，".join(part for part in (
        f"传承弘扬{'、'.join(dict.fromkeys(spirits))}" if spirits else "",
        f"用好{'、'.join(dict.fromkeys(others))}等红色资源" if others else "") if part)
    if _IDEOLOGY_MARK in text:
        return text.replace(_IDEOLOGY_MARK, f"{words}，{_IDEOLOGY_MARK}", 1)
    return text.rstrip("。") + f"，{words}。"


def goal_clause(profile: Profile, library: Library) -> str | None:
    """One paragraph of 总体目标 naming the locality's facts; None without local facts."""
    if not profile.local:
        return None
    parts = []
    for kind, words in _CLAUSE:
        facts = profile.local.of(kind)
        if kind == "rivers":  # an irrigation district is not a river: its own words
            districts = [fact for fact in facts if fact.matches(_IRRIGATION)]
            facts = tuple(fact for fact in facts if fact not in districts)
            if districts:
                parts.append(_IRRIGATION_WORDS.format("、".join(dict.fromkeys(fact.name for fact in districts))))
        if facts:
            frontier = next((rule for rule in library.local_measures if rule.measure.id == FRONTIER_MEASURE), None)
            if kind == "border" and frontier and any(fact.matches(frontier.when) for fact in facts):
                words = "{}等口岸和边境依法治理水平提高"  # an inland port (义乌铁路口岸) has no 边境
            if kind == "red_resources":  # a spirit is handed on, a site is protected
                spirits = [fact.name for fact in facts if "精神" in fact.name]
                sites = [fact.name for fact in facts if "精神" not in fact.name]
                parts.append("，".join(
                    ([f"{'、'.join(spirits)}得到传承弘扬"] if spirits else [])
                    + ([f"{'、'.join(sites)}等红色资源得到依法保护"] if sites else [])))
                continue
            parts.append(words.format("、".join(dict.fromkeys(fact.name for fact in facts))))
    name = profile.jurisdiction.name
    return f"立足{name}实际，到{profile.period.end}年，" + "，".join(parts) + f"，法治政府建设更好服务{name}发展大局。"
