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
from ..library.local_measures import AREAS, PLACEHOLDERS, PROVINCE, LocalRule
from ..profile import LocalFact, Profile
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
        return "、".join(dict.fromkeys(fact.called for fact in self.facts))

    of: tuple[str, ...] = ()  # serves areas: the types it names, in order

    @property
    def note(self) -> str:
        """local.hazards：地震、山洪 — the profile fact, as the review copy names it."""
        if self.serves == PROVINCE:
            return f"jurisdiction.province：{self.names}"
        if self.serves == AREAS:
            kinds = dict.fromkeys(fact.type for fact in self.facts)
            return "、".join(f"local.{kind}" for kind in kinds) + f"：{self.names}"
        return f"local.{self.serves}：{self.names}"


def _applies(rule: LocalRule, profile: Profile) -> tuple[LocalFact, ...]:
    if rule.provinces and profile.jurisdiction.province not in rule.provinces:
        return ()
    if rule.serves == PROVINCE:  # the province is the fact: its own regulation applies everywhere in it
        return (LocalFact(PROVINCE, profile.jurisdiction.province),)
    for kind, words in rule.beside:
        if not any(fact.matches(words) for fact in profile.local.of(kind)):
            return ()
    kinds = rule.of if rule.serves == AREAS else (rule.serves,)
    return tuple(fact for kind in kinds for fact in profile.local.of(kind)
                 if fact.matches(rule.when) and not (rule.unless and fact.matches(rule.unless)))


def placed(topic: Topic, profile: Profile, library: Library) -> list[Placed]:
    """The local measures of `topic` for this profile, in library order."""
    have = select.powers(profile)
    found = []
    for rule in library.local_measures:
        measure = rule.measure
        if measure.topic != topic.id or measure.id in profile.drop:
            continue
        if rule.serves == PROVINCE:
            measure = own_regulation(measure, profile.jurisdiction.province, library)
            if measure is None:
                continue
        if not select.fits(measure, profile, have):
            continue
        facts = _applies(rule, profile)
        if facts:
            found.append(Placed(measure, rule.serves, facts, rule.of))
    return found


def own_regulation(measure: Measure, province: str, library: Library) -> Measure | None:
    """A province measure as this province's: {regulation} is its own registered regulation, its
    basis beside the national ones, and the plan must start once that text is in force (`since`)."""
    own = [library.documents[key] for key in measure.basis if library.documents[key].province == province]
    if not own:
        return None
    document = own[0]
    title = f"《{document.title}》"
    national = tuple(key for key in measure.basis if library.documents[key].province is None)
    return replace(measure, title=measure.title.replace("{regulation}", title),
                   text=measure.text.replace("{regulation}", title), basis=national + (document.key,),
                   since=max(measure.since or 0, document.in_force_year or 0) or None)


ZONE_COMMITTEE = "zone_committee"
# A zone's managing body in a measure's text: the committee's own name where the profile gives it.
ZONE_BODY = "{zone}管理机构"


def filled(place: Placed, units: Mapping[str, UnitName] | None = None) -> Measure:
    """The measure with its type's placeholder replaced by the local names (other placeholders
    are left for the planner's usual filling). The zone's committee stays among the 责任单位 only
    when its name (units) holds the name of one of the measure's zones (兰考经济技术开发区管理委员会);
    then it also stands for “{zone}管理机构” in the text."""
    own = PLACEHOLDERS[place.serves]
    mark = "{" + own + "}" if own else None
    names = areas(place.facts, place.of) if place.serves == AREAS else place.names
    partners = place.measure.partners
    committee = units.get(ZONE_COMMITTEE) if units is not None else None
    named = bool(committee and any(fact.name in committee.name for fact in place.facts))
    if ZONE_COMMITTEE in partners and not named:
        partners = tuple(role for role in partners if role != ZONE_COMMITTEE)
    if mark is None:
        return replace(place.measure, partners=partners)
    text = place.measure.text
    if named and committee is not None and len(place.facts) == 1:  # a park is no body, its committee is
        text = text.replace(ZONE_BODY, committee.name)  # 向宜都市化工园区管理委员会下放
    return replace(place.measure, title=place.measure.title.replace(mark, names),
                   text=text.replace(mark, names), partners=partners)


# How each type names a key area of local governance (煤矿安全生产, 北汝河管护): {areas} in a local
# measure and the preamble's 聚焦……等本地治理重点.
_AREA = {
    "hazards": "{}灾害防治", "safety_risks": "{}安全生产", "zones": "{}建设管理", "heritage": "{}保护",
    "red_resources": "{}保护", "rivers": "{}管护", "reserves": "{}生态保护", "farmland": "耕地保护和粮食安全",
    "ethnic": "{}民族团结进步", "border": "{}口岸管理", "big_city": "{}", "innovation": "{}创新发展",
    "industries": "{}特色产业发展", "cooperation": "{}区域协同",
    "platforms": "{}运行管理",
}
# The preamble names at most this many areas, in this order of types.
PREAMBLE_TYPES = ("hazards", "safety_risks", "rivers", "heritage", "red_resources", "reserves", "zones",
                  "farmland", "industries", "ethnic", "border", "big_city", "innovation")
PREAMBLE_AREAS = 4


# A measure names at most this many areas; within an area, kinds of risk are listed (地震、山洪灾害防治),
# named things at most two (焦裕禄纪念园和黄河湾风景区保护), so the list stays readable.
MAX_AREAS = 5
_LISTED = ("hazards", "safety_risks")


def _names(facts: list[LocalFact], kind: str) -> str:
    names = list(dict.fromkeys(fact.called for fact in facts))
    if kind in _LISTED:
        return "、".join(names)
    return "和".join(names[:2])


def area_list(facts: tuple[LocalFact, ...], kinds: tuple[str, ...]) -> list[str]:
    """The key areas the facts of `kinds` make, one per type (a spirit is handed on, not protected);
    a name the profile gives under two types (a 红军 site as heritage and as a red resource) once."""
    parts = []
    named: set[str] = set()
    for kind in kinds:
        found = [fact for fact in facts if fact.type == kind and fact.name not in named]
        named |= {fact.name for fact in found}
        if not found:
            continue
        if kind == "red_resources":
            spirits = [fact for fact in found if "精神" in fact.name]
            sites = [fact for fact in found if "精神" not in fact.name]
            parts += [f"{_names(spirits, kind)}传承弘扬"] if spirits else []
            parts += [f"{_names(sites, kind)}保护"] if sites else []
            continue
        names = _names(found, kind)
        if kind == "hazards" and names.endswith("灾害"):  # 地质灾害防治, not 地质灾害灾害防治 (s14 final read)
            parts.append(f"{names}防治")
            continue
        parts.append(_AREA[kind].format(names))
    return parts


def areas(facts: tuple[LocalFact, ...], kinds: tuple[str, ...]) -> str:
    """煤矿安全生产、北汝河管护、汝瓷烧制技艺保护: {areas} filled."""
    return "、".join(area_list(facts, kinds)[:MAX_AREAS])


def preamble_areas(profile: Profile) -> str:
    """The preamble's 聚焦……等本地治理重点 words, from the profile's facts only; empty without them."""
    if not profile.local:
        return ""
    parts = area_list(profile.local.facts, PREAMBLE_TYPES)[:PREAMBLE_AREAS]
    return f"聚焦{'、'.join(parts)}等本地治理重点，" if parts else ""


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
_INTANGIBLE = ("非物质文化遗产", "非遗", "技艺")
_IRRIGATION_WORDS = "{}等灌区工程设施和用水秩序依法得到保障"
_IDEOLOGY_MARK = "坚持党对法治政府建设的全面领导"


def ideology(profile: Profile, text: str) -> str:
    """指导思想 with the locality's own fixed words first (document.guidance: 忠实践行“八八战略”, which
    a 浙江 reviewer looks for at once, s15 r15b z1), then its spirit woven in (传承弘扬焦裕禄精神) or its
    red resources named (用好某某革命旧址等红色资源); unchanged without either."""
    facts = profile.local.of("red_resources")
    if not facts and not profile.guidance:
        return text
    spirits = [fact.name for fact in facts if "精神" in fact.name]
    others = [fact.name for fact in facts if "精神" not in fact.name]
    words = "，".join(part for part in (
        *profile.guidance,
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
            if kind == "heritage":  # a craft is intangible heritage, handed on, not a tourist resource (s14 R14)
                crafts = [fact for fact in facts if fact.matches(_INTANGIBLE)]
                facts = tuple(fact for fact in facts if fact not in crafts)
                if crafts:
                    parts.append(f"{'、'.join(dict.fromkeys(f.name for f in crafts))}等非物质文化遗产得到依法保护和传承")
                if not facts:
                    continue
            parts.append(words.format("、".join(dict.fromkeys(fact.called for fact in facts))))
    name = profile.jurisdiction.name
    return f"立足{name}实际，到{profile.period.end}年，" + "，".join(parts) + f"，法治政府建设更好服务{name}发展大局。"
