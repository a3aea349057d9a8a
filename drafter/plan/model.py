"""The plan: everything the templates need, localised and numbered, and nothing they must compute."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from ..document import Default
from .units import UnitName


@dataclass(frozen=True)
class PlannedMeasure:
    """A measure as this draft says it: localised text, units, deadline, number."""
    id: str  # library id, or "local" for the profile's own measures
    level: int  # heading level of its number: 3 for 1. or 4 for （1）
    number: str
    title: str
    text: str
    lead: tuple[str, ...]
    partners: tuple[str, ...]
    deadline: str | None  # 2027年底前, 每年, or None (持续推进)
    sources: tuple[str, ...]
    defaults: tuple[Default, ...]  # values the profile did not set
    local: bool  # from the profile (initiative, local chapter, or a replaced measure)
    basis: tuple[str, ...] = ()  # national documents, as cited
    support: int = 0  # how many of the five plans have it
    topic: str = ""  # the topic's title, for the 分工表
    fact: str = ""  # the profile's local fact that produced it: local.hazards：地震
    platform: str = ""  # where the province's platform names it carries come from (the registry's source)

    @property
    def term(self) -> str:
        """完成时限 as the 分工表 says it: a year, 每年, or 持续推进."""
        return self.deadline or "持续推进"


@dataclass(frozen=True)
class PlannedTopic:
    """A topic of the draft with its planned measures."""
    id: str
    level: int
    number: str
    title: str
    measures: tuple[PlannedMeasure, ...]


@dataclass(frozen=True)
class PlannedChapter:
    """A chapter of the draft with its topics."""
    id: str
    level: int
    number: str
    title: str
    goal: str | None
    topics: tuple[PlannedTopic, ...]
    local: bool


@dataclass(frozen=True)
class PlannedGeneral:
    """The general part (指导思想, 原则, 目标) as this draft says it."""
    guiding_ideology: str
    principles: tuple[str, ...]
    goals: tuple[str, ...]
    closing: str


@dataclass(frozen=True)
class Indicator:
    """One row of the 主要指标 table."""

    label: str  # 行政执法人员每年法治培训学时
    value: str  # 60学时
    term: str  # 每年 / 2030年 / 2027年底前
    units: tuple[str, ...]  # the responsible units (the measure's lead)
    default: Default | None  # set when the profile did not give the value


@dataclass(frozen=True)
class Stage:
    """A stage of 实施步骤 with its months, e.g. 中期评估 2028年下半年."""

    key: str  # deploy | implement | midterm | deepen | review
    name: str  # 部署启动
    years: str  # 2026年12月—2027年3月 / 2028年下半年 / 2029年 (plan/stages.py)
    begin: tuple[int, int] = (0, 0)  # (year, month) of its first month
    end: tuple[int, int] = (0, 0)  # (year, month) of its last month


@dataclass(frozen=True)
class Displaced:
    """A generic measure the ranking would take that the locality's own measures pushed out of its topic."""

    measure: str  # library id
    title: str
    topic: str  # the topic's id
    by: tuple[tuple[str, str], ...]  # (id, title) of the local measures that took the topic's places


@dataclass(frozen=True)
class Selection:
    """Why library measures are in or out of the draft: for `drafter check` and the review copy."""

    included: tuple[str, ...]
    dropped: tuple[str, ...]  # selection.drop
    not_for_level: tuple[str, ...]  # needs a level or a power the locality lacks
    retired: tuple[str, ...]  # a 2021–2025 task finished before the period starts
    not_yet: tuple[str, ...]  # a policy that postdates the period's start
    beyond_detail: tuple[str, ...]  # fits, but the detail level leaves it out
    rewritten: tuple[str, ...]  # era wording replaced by its consolidation form
    displaced: tuple[Displaced, ...] = ()  # generic measures local measures took the places of


# A vision that begins with one of these already says what is built: 为建设{vision} would double it.
VISION_VERBS = ("建设", "建成", "加快", "奋力", "全面建", "打造", "创建", "争创", "推进", "推动", "实现", "构建",
                "谱写", "奋进", "开创", "迈向", "助力", "筑", "努力", "持续", "高质量建设", "高水平建设")


@dataclass(frozen=True)
class Plan:
    """Everything the templates need for one draft, and nothing else."""
    title: str
    title_lines: tuple[str, ...]
    kind: str
    status: str | None
    locality: str
    short: str
    scope: str  # 全区
    gov: str  # 区政府
    period: str  # 2026—2030年
    start: int
    end: int
    basis: tuple[str, ...]
    vision: str | None
    general: PlannedGeneral
    layout: str  # chapters | tasks
    chapters: tuple[PlannedChapter, ...]  # 二–九 and local chapters
    guarantee: PlannedChapter  # chapter 十, last
    issuers: tuple[str, ...]
    date: str | None
    division_table: bool
    units: tuple[UnitName, ...]
    detail: str = "standard"
    indicators: tuple[Indicator, ...] = ()
    indicators_place: str = "table"  # table | appendix | none
    # (label, value) of every figure the draft uses, listed in the table or not (for `drafter diff`)
    figures: tuple[tuple[str, str], ...] = ()
    stages: tuple[Stage, ...] = ()
    stages_number: str = ""  # the heading number of 实施步骤, computed with the others
    stages_level: int = 1
    notes: tuple[Default, ...] = ()  # document-level values the tool assumed (title, basis)
    stamp: str = "2026-01-01"  # ISO date of the document (its date, else the period's start)
    selection: Selection | None = None
    warnings: tuple[str, ...] = ()  # see hints.py: printed as 提示, never fatal
    extra: dict[str, str] = field(default_factory=dict)  # words templates may use: province, towns
    issue: str = ""  # the date of issue the schedule counts from, and the field that sets it (issue.issue_words)
    focus: str = ""  # the preamble's 聚焦……等本地治理重点， from the profile's local facts (plan/localfacts.py)

    @property
    def vision_goal(self) -> str:
        """What the plan gives 法治保障 to: 建设经济强县、美丽清河; a vision that begins with its own verb
        (建设国际旅游名城、加快建设现代化美好大通) is not given a second 建设."""
        vision = self.vision or ""
        return vision if vision.startswith(VISION_VERBS) else "建设" + vision

    @property
    def attachments(self) -> tuple[tuple[str, str, str], ...]:
        """(key, label, title) of each appendix: 附件 alone, or 附件1, 附件2 when there are two."""
        items = [("division", "重点任务分工表")] if self.division_table else []
        if self.indicators and self.indicators_place == "appendix":
            items.append(("indicators", "主要指标"))
        if len(items) == 1:
            return (items[0][0], "附件", items[0][1]),
        return tuple((key, f"附件{n}", title) for n, (key, title) in enumerate(items, 1))

    def unit(self, role: str) -> str:
        """The locality's name for a role, for templates: plan.unit("justice") → 县司法局."""
        return next(unit.name for unit in self.units if unit.role == role)

    def measures(self) -> Iterator[PlannedMeasure]:
        for chapter in self.chapters + (self.guarantee,):
            for topic in chapter.topics:
                yield from topic.measures


# The plan's own types, immutable data all through (render/guard.py trusts their attributes).
PLAN_TYPES: frozenset[type] = frozenset(
    {PlannedMeasure, PlannedTopic, PlannedChapter, PlannedGeneral, Indicator, Stage, Selection, Plan, UnitName})
