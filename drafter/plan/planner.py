"""The planning stage (pure): select measures, localise them, number them by position."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ..document import Default
from ..library import Chapter, Library, Measure, Topic, placeholders
from ..profile import LocalChapter, LocalMeasure, Profile
from . import localfacts, select
from .basis import preamble_basis, reference_year
from .basischeck import basis_hints, normalised
from .extras import figures, indicators
from .figures import figure_free
from .hints import profile_warnings
from .issue import first_year, issue_date, issue_notes, issue_words
from .issuers import issuer_note
from .levelfit import through_counties
from ..gazetteer.platforms import service_platforms
from .localise import PLATFORM_MARKS, Localiser, date_text, deadline_text, period_text, title_lines
from .milestones import assume, written_in
from .model import (
    Displaced, Plan, PlannedChapter, PlannedGeneral, PlannedMeasure, PlannedTopic, Selection,
)
from .ordering import number_plan
from .stages import stages
from .units import UnitName, placeholder_hints, resolve_units

GUARANTEE = "leadership"


def make_plan(profile: Profile, library: Library, today: date | None = None) -> Plan:
    """`today`: the date of issue when the profile gives none (default: the real today)."""
    units = resolve_units(profile, library)
    issued = issue_date(profile, today)
    first = first_year(profile, issued)
    localiser = Localiser(profile, library, units, first)
    values = localiser.base_values()
    general = library.general
    general_values, general_defaults = localiser.values(general.params, None)
    fill = lambda text: placeholders.fill(text, general_values)  # noqa: E731
    builder = _Builder(profile, library, localiser)
    chapters = [builder.chapter(chapter) for chapter in library.chapters]
    # Chapter 十 doubles as the plan's 组织保障 and comes after local chapters (实施步骤 after it: _number).
    guarantee = next(chapter for chapter in chapters if chapter.id == GUARANTEE)
    main = [chapter for chapter in chapters if chapter.topics and chapter.id != GUARANTEE]
    main += [builder.local_chapter(chapter) for chapter in profile.chapters]
    guarantee = replace(guarantee, title=profile.guarantee_title or _guarantee_default(profile, guarantee))
    basis, basis_notes = preamble_basis(profile, library)
    if profile.basis is not None:  # the profile's own words, with 书名号 where a title lacks them
        basis = tuple(normalised(item, library) for item in basis)
    lines = title_lines(profile, library)
    notes = basis_notes + tuple(general_defaults)
    if profile.title is None:
        notes = (Default("".join(lines), "document.title", "标题由辖区、文种和规划期生成，请核对"),) + notes
    # the general targets' row (法治政府建设满意度测评) is the 司法局's: it runs the 测评 (13c N-W4)
    office = (units["justice"].name,)
    rows, missing = indicators(profile, library, localiser, builder.chosen, office) \
        if profile.indicators != "none" else ((), ())
    plan = Plan(
        title="".join(lines),
        title_lines=lines,
        kind=profile.kind,
        status=f"（{profile.status}）" if profile.status else None,
        locality=profile.jurisdiction.name,
        short=profile.jurisdiction.short,
        scope=values["scope"],
        gov=values["gov"],
        period=period_text(profile),
        start=profile.period.start,
        end=profile.period.end,
        basis=basis,
        vision=profile.vision,
        general=PlannedGeneral(
            _autonomous(localfacts.ideology(profile, fill(general.guiding_ideology)), profile, IDEOLOGY_AT, IDEOLOGY_LINE),
            tuple(map(fill, general.principles)),
            tuple(_autonomous(fill(figure_free(goal, general.params, profile, library, general_values)[0]),
                              profile, GOAL_AT, GOAL_LINE) for goal in general.goals)
            + _local_goal(profile, library),
            fill(general.closing),
        ),
        layout=profile.layout,
        chapters=tuple(main),
        guarantee=guarantee,
        issuers=profile.issuers,
        date=date_text(profile.date),
        division_table=profile.division_table,
        units=tuple(units.values()),
        detail=profile.detail,
        indicators=rows,
        figures=figures(library, localiser, builder.chosen),
        indicators_place=profile.indicators,
        stages=stages(profile, issued) if profile.stages else (),
        notes=notes,
        stamp=profile.date or f"{profile.period.start}-01-01",
        selection=builder.selection(),
        extra={"province": values["province"], "towns": values["towns"]},
        focus=localfacts.preamble_areas(profile),
    )
    selected = {m.id for m in plan.measures() if m.id != "local"}
    used = {name for m in plan.measures() for name in m.lead + m.partners}
    plan = replace(plan, warnings=profile_warnings(profile, library, selected, first) + _note_warnings(basis_notes)
                   + basis_hints(profile, library) + missing + placeholder_hints(units, used))
    plan = number_plan(plan, profile.numbering)
    # what the draft assumes about its issuers and its date of issue, said where the reviewer reads it
    return replace(plan, notes=plan.notes + (issuer_note(plan, profile, library),)
                   + issue_notes(plan, profile, issued, first, today), issue=issue_words(profile, issued, first, today))


# A 民族自治地方 (自治州、自治县、自治旗) says its main line in the 指导思想 and the 总体目标
# (13b L7): our wording, inserted just after the words named here; other localities are unchanged.
IDEOLOGY_AT, IDEOLOGY_LINE = "做到“两个维护”，", "以铸牢中华民族共同体意识为主线，"
GOAL_AT, GOAL_LINE = "行政争议实质性化解能力明显提升", "，民族事务治理法治化水平明显提升"


def _autonomous(text: str, profile: Profile, at: str, line: str) -> str:
    if "autonomy" not in select.powers(profile) or at not in text:
        return text
    index = text.index(at) + len(at)
    return text[:index] + line + text[index:]


def _local_goal(profile: Profile, library: Library) -> tuple[str, ...]:
    clause = localfacts.goal_clause(profile, library)
    return (clause,) if clause else ()


def _note_warnings(notes: tuple[Default, ...]) -> tuple[str, ...]:
    """A guessed or missing reference is told to the user, not only to the reviewer."""
    return tuple(f"{note.field}：{note.note}" for note in notes if note.note.startswith("未登记"))


def _issued_by(date: str | None, profile: Profile) -> bool:
    """A plan cites only documents that exist when it is written."""
    return date is None or int(date[:4]) <= reference_year(profile)


def _guarantee_default(profile: Profile, chapter: PlannedChapter) -> str:
    return "组织保障" if profile.layout == "tasks" else chapter.title


class _Builder:
    """Builds the planned chapters and remembers why each library measure is in or out."""

    def __init__(self, profile: Profile, library: Library, localiser: Localiser) -> None:
        self.profile, self.library, self.localiser = profile, library, localiser
        self.chosen: list[tuple[Measure, PlannedMeasure]] = []
        self.joint = select.party_leads_party_work(profile)  # the measures' joint leads (select.py)
        self.outcomes: list[select.Outcome] = []
        # every topic is chosen first: a measure's words left to another (leaves_to) need the whole draft
        self.choices: dict[str, tuple[list[localfacts.Placed], select.Outcome]] = {}
        for topic in library.topics():
            own = localfacts.placed(topic, profile, library)
            self.choices[topic.id] = own, select.choose(topic, profile, library, reserved=len(own))
        self.drafted = {m.id for _, outcome in self.choices.values() for m in outcome.chosen}
        self.drafted |= {p.measure.id for own, _ in self.choices.values() for p in own}  # a local measure says it too

    def chapter(self, chapter: Chapter) -> PlannedChapter:
        topics = []
        for topic in chapter.topics:
            own, outcome = self.choices[topic.id]
            self.outcomes.append(outcome)
            title = self.topic_title(topic)
            # the locality's own measures rank first and take their places of the topic's quota
            measures = [replace(self.measure(localfacts.filled(p, self.localiser.units), title), fact=p.note) for p in own]
            for measure in outcome.chosen:
                planned = self.measure(measure, title)
                self.chosen.append((measure, planned))
                measures.append(planned)
            measures += [self.local_measure(m, title) for m in self.profile.initiatives if m.topic == topic.id]
            if measures:
                topics.append(PlannedTopic(topic.id, 0, "", title, tuple(measures)))
        goal = placeholders.fill(chapter.goal, self.localiser.base_values()) if chapter.goal else None
        return PlannedChapter(chapter.id, 0, "", chapter.title, goal, tuple(topics), local=False)

    def topic_title(self, topic: Topic) -> str:
        """A locality without legislative power does not head a topic 加强重要领域立法."""
        if topic.title_without_legislation and "legislation" not in select.powers(self.profile):
            return topic.title_without_legislation
        return topic.title

    def local_chapter(self, chapter: LocalChapter) -> PlannedChapter:
        topics = tuple(
            PlannedTopic(f"local.{i}", 0, "", topic.title,
                         tuple(self.local_measure(m, topic.title) for m in topic.measures))
            for i, topic in enumerate(chapter.topics, 1)
        )
        return PlannedChapter("local", 0, "", chapter.title, chapter.goal, topics, local=True)

    def names(self, roles: tuple[str, ...], defaults: list[Default]) -> tuple[str, ...]:
        names: list[str] = []
        for role in roles:
            unit: UnitName = self.localiser.units[role]
            if unit.unset:  # a role without a default the profile does not name (河务部门)
                continue
            if unit.name not in names:
                names.append(unit.name)
                if unit.is_default:
                    field = "jurisdiction.lower_govs" if role == "lower_govs" else f"units.{role}"
                    defaults.append(Default(unit.name, field, "默认单位名称", unit.rule))
        return tuple(names)

    def measure(self, measure: Measure, topic: str) -> PlannedMeasure:
        if self.joint:
            measure = measure.as_joint()
        override = self.profile.replace.get(measure.id, {})
        deadline = override.get("deadline", measure.deadline)
        values, defaults = self.localiser.values(measure.params, deadline)
        own, own_title = select.own_words(measure, self.drafted)
        assumed: str | None = None
        if "text" in override:
            text, defaults = override["text"], []  # the profile's own words carry no library default
        else:
            wording, unset = figure_free(own, measure.params, self.profile, self.library, values)
            defaults = defaults + unset
            if "deadline" not in override:  # a milestone the library assumes (milestones.py)
                wording, assumed, default = assume(measure, wording, self.profile, self.localiser.first or self.profile.period.start)
                defaults += [default] if default else []
            else:  # the locality's own deadline, written where the milestone would stand
                wording = written_in(measure, wording, deadline_text(deadline, self.profile, self.localiser.first))
            text = placeholders.fill(wording, values)
        roles = tuple(override.get("partners", measure.partners))
        if "text" not in override and self.profile.jurisdiction.level.tier == "city":
            text, guided = through_counties(text, values["towns"], values["lower_govs"])
            if guided and "lower_govs" not in roles + tuple(override.get("lead", measure.lead)):
                roles += ("lower_govs",)  # the counties it guides share the work
        elif ("text" not in override and values["towns"] and values["towns"] in text
              and "lower_govs" not in roles + tuple(override.get("lead", measure.lead))):
            roles += ("lower_govs",)  # a county measure that tells its 乡镇（街道） what to do lists them (s15 r16 N-U9)
        lead = self.names(tuple(override.get("lead", measure.lead)), defaults)
        partners = self.names(roles, defaults)
        return PlannedMeasure(
            id=measure.id, level=0, number="",
            title=override["title"] if "title" in override else placeholders.fill(own_title, values), text=text,
            lead=lead, partners=tuple(name for name in partners if name not in lead),
            deadline=assumed or deadline_text(deadline, self.profile, self.localiser.first), sources=measure.sources,
            defaults=tuple(dict.fromkeys(defaults)), local=bool(override),
            basis=tuple(self.library.documents[key].cited for key in measure.basis
                        if _issued_by(self.library.documents[key].date, self.profile)),
            support=measure.support, topic=topic, platform=self.platform_note(measure, override),
        )

    def platform_note(self, measure: Measure, override: dict) -> str:
        """The registry's source when the measure names the province's own platforms."""
        words = "" if "text" in override else measure.title + measure.text
        platforms = service_platforms(self.profile.jurisdiction.province)
        if platforms is None or not platforms.names or not any(mark in words for mark in PLATFORM_MARKS):
            return ""
        return platforms.note

    def local_measure(self, measure: LocalMeasure, topic: str) -> PlannedMeasure:
        defaults: list[Default] = []
        lead = self.names(measure.lead, defaults)
        partners = self.names(measure.partners, defaults)
        return PlannedMeasure(
            id="local", level=0, number="", title=measure.title, text=measure.text, lead=lead,
            partners=tuple(name for name in partners if name not in lead),
            deadline=deadline_text(measure.deadline, self.profile, self.localiser.first), sources=(),
            defaults=tuple(dict.fromkeys(defaults)), local=True, topic=topic,
        )

    def selection(self) -> Selection:
        def ids(name: str) -> tuple[str, ...]:
            return tuple(i for outcome in self.outcomes for i in getattr(outcome, name))

        return Selection(
            included=tuple(m.id for m, _ in self.chosen), dropped=ids("dropped"), not_for_level=ids("not_for_level"),
            retired=ids("retired"), not_yet=ids("not_yet"), beyond_detail=ids("beyond_detail"),
            rewritten=ids("rewritten"), displaced=self.displaced(),
        )

    def displaced(self) -> tuple[Displaced, ...]:
        """Each generic measure a local measure took the place of, with the local measures of its topic."""
        found = []
        for topic in self.library.topics():
            own, outcome = self.choices[topic.id]
            if not outcome.displaced:
                continue
            heading = self.topic_title(topic)
            by = tuple((p.measure.id, self.measure(localfacts.filled(p, self.localiser.units), heading).title) for p in own)
            found += [Displaced(i, self.library.measure(i).title, topic.id, by) for i in outcome.displaced]
        return tuple(found)
