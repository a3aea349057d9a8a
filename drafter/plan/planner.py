"""The planning stage (pure): select measures, localise them, number them by position."""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import count
from typing import Iterator

from ..library import placeholders
from ..library import Chapter, Library, Measure
from .localise import Localiser, basis, date_text, deadline_text, period_text, title_lines
from .numbering import number_text
from ..profile import LocalChapter, LocalMeasure, Profile
from .units import UnitName, resolve_units
from .hints import profile_warnings

GUARANTEE = "leadership"
DETAIL_TIERS = {"core": {"core"}, "standard": {"core", "standard"}, "full": {"core", "standard", "example"}}


@dataclass(frozen=True)
class PlannedMeasure:
    id: str
    level: int  # heading level of its number: 3 for 1. or 4 for （1）
    number: str
    title: str
    text: str
    lead: tuple[str, ...]
    partners: tuple[str, ...]
    deadline: str | None
    sources: tuple[str, ...]
    defaults: tuple[str, ...]  # values the profile did not set
    local: bool  # from the profile, not the library


@dataclass(frozen=True)
class PlannedTopic:
    id: str
    level: int
    number: str
    title: str
    measures: tuple[PlannedMeasure, ...]


@dataclass(frozen=True)
class PlannedChapter:
    id: str
    level: int
    number: str
    title: str
    goal: str | None
    topics: tuple[PlannedTopic, ...]
    local: bool


@dataclass(frozen=True)
class PlannedGeneral:
    guiding_ideology: str
    principles: tuple[str, ...]
    goals: tuple[str, ...]
    closing: str


@dataclass(frozen=True)
class Plan:
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
    warnings: tuple[str, ...] = ()  # see hints.py: printed as 提示, never fatal

    def measures(self) -> Iterator[PlannedMeasure]:
        for chapter in self.chapters + (self.guarantee,):
            for topic in chapter.topics:
                yield from topic.measures


def make_plan(profile: Profile, library: Library) -> Plan:
    units = resolve_units(profile, library)
    localiser = Localiser(profile, library, units)
    values = localiser.base_values()
    general = library.general
    fill = lambda text: placeholders.fill(text, {**values, **_general_params(localiser)})  # noqa: E731
    chapters = [_chapter(chapter, profile, localiser) for chapter in library.chapters]
    # Chapter 十 doubles as the plan's 组织保障 and always comes last, after local chapters.
    guarantee = next(chapter for chapter in chapters if chapter.id == GUARANTEE)
    main = [chapter for chapter in chapters if chapter.topics and chapter.id != GUARANTEE]
    main += [_local_chapter(chapter, localiser) for chapter in profile.chapters]
    guarantee = replace(guarantee, title=profile.guarantee_title or _guarantee_default(profile, guarantee))
    plan = Plan(
        title="".join(title_lines(profile)),
        title_lines=title_lines(profile),
        kind=profile.kind,
        status=f"（{profile.status}）" if profile.status else None,
        locality=profile.jurisdiction.name,
        short=profile.jurisdiction.short,
        scope=values["scope"],
        gov=values["gov"],
        period=period_text(profile),
        start=profile.period.start,
        end=profile.period.end,
        basis=basis(profile),
        vision=profile.vision,
        general=PlannedGeneral(
            fill(general.guiding_ideology), tuple(map(fill, general.principles)),
            tuple(map(fill, general.goals)), fill(general.closing),
        ),
        layout=profile.layout,
        chapters=tuple(main),
        guarantee=guarantee,
        issuers=profile.issuers,
        date=date_text(profile.date),
        division_table=profile.division_table,
        units=tuple(units.values()),
    )
    selected = {m.id for m in plan.measures() if m.id != "local"}
    plan = replace(plan, warnings=profile_warnings(profile, library, selected))
    return _number(plan, profile.numbering)


def _general_params(localiser: Localiser) -> dict[str, str]:
    return {name: localiser.param_value(localiser.library.params[name])[0]
            for name in localiser.library.general.params}


def _guarantee_default(profile: Profile, chapter: PlannedChapter) -> str:
    return "组织保障" if profile.layout == "tasks" else chapter.title


def _selected(measure: Measure, profile: Profile) -> bool:
    return (
        measure.tier in DETAIL_TIERS[profile.detail]
        and profile.jurisdiction.level.tier in measure.levels
        and measure.id not in profile.drop
    )


def _chapter(chapter: Chapter, profile: Profile, localiser: Localiser) -> PlannedChapter:
    topics = []
    for topic in chapter.topics:
        measures = [_library_measure(m, profile, localiser) for m in topic.measures if _selected(m, profile)]
        measures += [_local_measure(m, localiser) for m in profile.initiatives if m.topic == topic.id]
        if measures:
            topics.append(PlannedTopic(topic.id, 0, "", topic.title, tuple(measures)))
    goal = placeholders.fill(chapter.goal, localiser.base_values()) if chapter.goal else None
    return PlannedChapter(chapter.id, 0, "", chapter.title, goal, tuple(topics), local=False)


def _local_chapter(chapter: LocalChapter, localiser: Localiser) -> PlannedChapter:
    topics = tuple(
        PlannedTopic(f"local.{i}", 0, "", topic.title, tuple(_local_measure(m, localiser) for m in topic.measures))
        for i, topic in enumerate(chapter.topics, 1)
    )
    return PlannedChapter("local", 0, "", chapter.title, chapter.goal, topics, local=True)


def _names(roles: tuple[str, ...], units: dict[str, UnitName], defaults: list[str]) -> tuple[str, ...]:
    names: list[str] = []
    for role in roles:
        unit = units[role]
        if unit.name not in names:
            names.append(unit.name)
            if unit.is_default:
                defaults.append(f"{unit.name}（默认单位名称）")
    return tuple(names)


def _library_measure(measure: Measure, profile: Profile, localiser: Localiser) -> PlannedMeasure:
    override = profile.replace.get(measure.id, {})
    deadline = override.get("deadline", measure.deadline)
    values, defaults = localiser.values(measure.params, deadline)
    text = placeholders.fill(measure.text, values) if "text" not in override else override["text"]
    lead = _names(tuple(override.get("lead", measure.lead)), localiser.units, defaults)
    partners = _names(tuple(override.get("partners", measure.partners)), localiser.units, defaults)
    return PlannedMeasure(
        id=measure.id, level=0, number="", title=override.get("title", measure.title), text=text,
        lead=lead, partners=tuple(name for name in partners if name not in lead),
        deadline=deadline_text(deadline, profile), sources=measure.sources,
        defaults=tuple(dict.fromkeys(defaults)), local=bool(override),
    )


def _local_measure(measure: LocalMeasure, localiser: Localiser) -> PlannedMeasure:
    defaults: list[str] = []
    lead = _names(measure.lead, localiser.units, defaults)
    partners = _names(measure.partners, localiser.units, defaults)
    return PlannedMeasure(
        id="local", level=0, number="", title=measure.title, text=measure.text, lead=lead,
        partners=tuple(name for name in partners if name not in lead),
        deadline=deadline_text(measure.deadline, localiser.profile), sources=(),
        defaults=tuple(dict.fromkeys(defaults)), local=True,
    )


def _number(plan: Plan, numbering: str) -> Plan:
    """Numbers are text computed from position, so dropping a measure renumbers the rest."""
    # chapters layout: 一、chapter （一）topic 1. measure; tasks: （一）chapter 1. topic （1）measure.
    base = 1 if plan.layout == "chapters" else 2
    continuous = numbering == "continuous"
    chapter_no = count(2)  # 一、 is 总体要求
    # 总体要求 holds （一）指导思想 （二）主要原则 （三）总体目标, as in the national outline.
    topic_no, measure_no = count(4 if plan.layout == "chapters" else 1), count(1)
    numbered = []
    for chapter in plan.chapters + (plan.guarantee,):
        if not continuous:
            topic_no = count(1)
        topics = []
        for topic in chapter.topics:
            if not continuous:
                measure_no = count(1)
            measures = tuple(
                replace(m, level=base + 2, number=number_text(base + 2, next(measure_no))) for m in topic.measures
            )
            topics.append(replace(topic, level=base + 1, number=number_text(base + 1, next(topic_no)),
                                  measures=measures))
        if plan.layout == "chapters" or chapter is plan.guarantee:
            level, number = 1, number_text(1, next(chapter_no) if plan.layout == "chapters" else 3)
        else:
            level, number = 2, number_text(2, len(numbered) + 1)
        numbered.append(replace(chapter, level=level, number=number, topics=tuple(topics)))
    return replace(plan, chapters=tuple(numbered[:-1]), guarantee=numbered[-1])
