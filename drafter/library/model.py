"""The common measure library as frozen, typed objects."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Iterator

SEED_KEYS = ("datong", "zhangye", "bishan", "biyang", "suining")


def tier_of(sources: tuple[str, ...]) -> str:
    """core: in at least 3 of the 5 plans; standard: in 2; example: in 1."""
    plans = {citation.split(":", 1)[0] for citation in sources}
    return "core" if len(plans) >= 3 else "standard" if len(plans) == 2 else "example"


TIERS = ("core", "standard", "example")


@dataclass(frozen=True)
class Param:
    """A target figure a measure can carry (60 学时), with its default and unit."""
    name: str
    default: int | float | str | None  # None only for an outcome indicator (`outcome`)
    unit: str
    label: str
    # Not a 主要指标 row: "floor" (a statutory or normative minimum, e.g. 2 名复议人员) or "cycle"
    # (a recurring interval, e.g. 每2年清理); None for an outcome or commitment (see plan/extras.py).
    indicator: str | None = None
    basis: str | None = None  # a registered document (documents.yaml) that fixes the default value
    # The clause that stands for the one holding the figure when the draft may not print it
    # (plan/figures.py), e.g. 做到应审尽审 for 合法性审核率达到{normative_doc_review_rate}%.
    without: str | None = None
    # A core outcome indicator: a 主要指标 row even without a target, its value "（待定）" (plan/extras.py).
    core: bool = False
    # A legal duty the law makes 100% (应审必审, 有件必备): never a local target. Printed (text and
    # table) only with a registered `basis`; without one it is left out, and no 提示 asks for a figure.
    duty: bool = False
    # An outcome indicator (调解和解率, 败诉率, 案卷评查合格率): no default at all, no slot in the text; a
    # 主要指标 row of its measure, its value the profile's `targets` or else "（待定）" (plan/extras.py).
    # `direction` (逐年下降): how plans state it, never printed for the locality (s14 I5); it makes the row
    # yearly and keeps it in a compact table. `ceiling`: the target is an upper bound, printed "5%以内".
    outcome: bool = False
    direction: str | None = None
    ceiling: bool = False

    @property
    def numeric(self) -> bool:
        """Whether the param takes a number: a numeric default, or an outcome indicator."""
        return self.outcome or (isinstance(self.default, (int, float)) and not isinstance(self.default, bool))


@dataclass(frozen=True)
class RoleDef:
    """A department role and its default name at each level."""
    key: str
    label: str
    default: str | None  # pattern with {p} and {lower_govs}; None: no default, named only by the profile
    by_level: dict[str, str] = field(default_factory=dict)
    group: bool = False  # 各部门 and the like: never the only lead
    may_lead: bool = True  # False for the party committee itself, courts, procuratorates
    party: bool = False  # a party organ (党委 and its bodies, 纪委): see the lead rules in docs/LIBRARY.md


@dataclass(frozen=True)
class BasisDocument:
    """A real national or provincial document (documents.yaml): never made up."""

    key: str
    title: str  # without 《》
    issuer: str
    number: str | None = None  # 文号
    date: str | None = None
    period: tuple[int, int] | None = None
    scope: str = "national"
    province: str | None = None
    kind: str = "policy"  # outline | plan | law | regulation | policy
    revised: str | None = None  # a later revision by another 文号: 2020年国务院令第730号修订
    in_force: str | None = None  # 施行日期 where verified (2026-03-01)

    @property
    def in_force_year(self) -> int | None:
        """The year the text is in force from: its 施行日期, else the year it was adopted."""
        when = self.in_force or self.date
        return int(when[:4]) if when else None

    @property
    def cited(self) -> str:
        """《title》（文号） as a measure's basis is shown to a reviewer; a revised regulation
        as 《title》（2001年国务院令第310号公布，2020年国务院令第730号修订）."""
        if self.number and self.revised:
            year = f"{self.date[:4]}年" if self.date else ""
            return f"《{self.title}》（{year}{self.number}公布，{self.revised}）"
        return f"《{self.title}》" + (f"（{self.number}）" if self.number else "")


@dataclass(frozen=True)
class Later:
    """What a 2021–2025-round measure becomes in a plan that starts after its milestone."""

    title: str | None
    text: str
    deadline: int | str | None = None


@dataclass(frozen=True)
class Joint:
    """Who leads (and, where it differs, the words) in a plan the 党委 and the government issue
    together: 机构编制 matters led by the 编办, 任前法律知识测试 by the 组织部门 (LIBRARY.md rule 12)."""

    lead: tuple[str, ...]
    partners: tuple[str, ...]
    title: str | None = None
    text: str | None = None


@dataclass(frozen=True)
class Measure:
    """One measure of the library: text, roles, deadline, era, sources and basis."""
    id: str
    chapter: str
    topic: str
    title: str
    text: str
    lead: tuple[str, ...]
    partners: tuple[str, ...]
    deadline: int | str | None  # 1..10 relative, 2000+ absolute milestone, end, annual
    params: tuple[str, ...]
    levels: frozenset[str]
    sources: tuple[str, ...]
    basis: tuple[str, ...] = ()
    requires: frozenset[str] = frozenset()
    key: bool = False
    until: int | None = None  # this wording fits plans starting in or before this year
    since: int | None = None  # only for plans starting in or after this year
    later: Later | None = None  # None with until set: dropped after it
    milestone: tuple[str, str] | None = None  # (kind, words the assumed deadline goes before): plan/milestones.py
    joint: Joint | None = None  # the leads of a plan the 党委 and the government issue together

    def as_joint(self) -> Measure:
        """The measure as a jointly issued plan has it (itself when it has no joint leads)."""
        if self.joint is None:
            return self
        return replace(self, lead=self.joint.lead, partners=self.joint.partners, title=self.joint.title or self.title,
                       text=self.joint.text or self.text, joint=None)
    # (measure id, words, title or None): words of this text left out when the draft also carries that
    # measure, which says the same work, and the title then (one piece of work, one measure: plan/planner.py)
    leaves_to: tuple[tuple[str, str, str | None], ...] = ()

    @property
    def tier(self) -> str:
        return tier_of(self.sources)

    @property
    def support(self) -> int:
        """How many of the five plans have this measure."""
        return len({citation.split(":", 1)[0] for citation in self.sources})


@dataclass(frozen=True)
class Topic:
    """One of the national outline's 32 topics, with its weight and measures."""
    id: str
    no: int
    title: str
    weight: int  # measures at the standard detail level (1–5)
    measures: tuple[Measure, ...]
    title_without_legislation: str | None = None  # the heading where the locality makes no local law
    outline_title: str | None = None  # the 2021—2025 纲要's heading where ours is today's wording (still found by it)


@dataclass(frozen=True)
class Chapter:
    """One of the national outline's chapters and its topics."""
    id: str
    part: str
    title: str
    goal: str | None
    topics: tuple[Topic, ...]


@dataclass(frozen=True)
class General:
    """Chapter 一 (总体要求) and the closing paragraph."""

    guiding_ideology: str
    principles: tuple[str, ...]
    goals: tuple[str, ...]
    closing: str
    params: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Omission:
    """A seed item the library leaves out on purpose, and why."""
    source: str
    reason: str


@dataclass(frozen=True)
class Requirement:
    """What every 2026—2030 local plan must carry (obligations.yaml): a national requirement
    in force, its registered basis, the levels it binds and the measures that carry it."""

    id: str
    title: str
    topic: str
    levels: frozenset[str]
    basis: tuple[str, ...]
    keywords: tuple[str, ...]  # each must appear in the draft text when the requirement is carried
    measures: tuple[str, ...]  # library measures that carry it, the preferred first
    article: str | None = None


@dataclass(frozen=True)
class Library:
    """The whole measure library: chapters, roles, params and documents."""
    general: General
    chapters: tuple[Chapter, ...]  # parts 二–十, in outline order
    roles: dict[str, RoleDef]
    params: dict[str, Param]
    omitted: tuple[Omission, ...]
    documents: dict[str, BasisDocument] = field(default_factory=dict)
    requirements: tuple[Requirement, ...] = ()  # obligations.yaml
    local_measures: tuple = ()  # local_measures.yaml: LocalRule (local_measures.py), for the profile's local facts

    def topics(self) -> Iterator[Topic]:
        for chapter in self.chapters:
            yield from chapter.topics

    def measures(self) -> Iterator[Measure]:
        for topic in self.topics():
            yield from topic.measures

    def measure(self, measure_id: str) -> Measure:
        return self._measure_index[measure_id]

    @cached_property
    def _measure_index(self) -> dict[str, Measure]:
        # cached_property writes the instance __dict__ directly, so it works on a frozen
        # dataclass; the library never changes, so the index never goes stale.
        index = {measure.id: measure for measure in self.measures()}
        index.update({rule.measure.id: rule.measure for rule in self.local_measures})  # local.<type>.<name>
        return index

    def topic_ids(self) -> list[str]:
        return [topic.id for topic in self.topics()]

    def cited(self) -> set[str]:
        """Every seed citation the library draws on."""
        cited = set(self.general.sources)
        for measure in self.measures():
            cited.update(measure.sources)
        return cited
