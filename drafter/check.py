"""`drafter check`: what a reviewer of the profile needs to know before the draft goes round.

Per chapter and topic of the national outline: the measures included, those the profile
dropped, local additions, topics left empty; then roles and targets still at their
defaults, local units no measure uses, documents the tool could not find, and the size.
Pure: a report from the plan, the profile and the library; the CLI renders it.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from .library import Library
from .library.obligations import cited
from .plan import Plan
from .plan.select import requirements
from .profile import Profile
from .size import Size


@dataclass(frozen=True)
class TopicReport:
    """One national topic in the check report: measures kept, dropped and added. `heading` is
    the topic's number and title as the draft prints them (（七）加强重要领域制度建设), `no` its
    number among the outline's 32 topics."""
    no: int
    id: str
    title: str
    included: tuple[str, ...]  # library measure ids
    dropped: tuple[str, ...]  # by selection.drop
    local: tuple[str, ...]  # titles of the profile's own measures under this topic
    heading: str = ""

    @property
    def empty(self) -> bool:
        return not self.included and not self.local


@dataclass(frozen=True)
class ChapterReport:
    """One chapter of the national outline in the check report, headed as the draft heads it."""
    part: str
    title: str
    topics: tuple[TopicReport, ...]
    heading: str = ""


@dataclass(frozen=True)
class CheckReport:
    """What `drafter check` reports for a profile, chapter by chapter."""
    profile: str
    title: str
    detail: str
    chapters: tuple[ChapterReport, ...]
    local_chapters: tuple[str, ...]
    default_units: tuple[str, ...]  # "units.justice：县司法局" for roles the draft uses
    default_targets: tuple[str, ...]  # "targets.x：60学时（label）"
    unused_local_units: tuple[str, ...]
    assumed_documents: tuple[str, ...]
    size: str
    warnings: tuple[str, ...]  # 提示 of the plan
    # "selection.replace.<id>.deadline：2027年底前（标题；按规则：…）" for each deadline milestones.py assumed
    assumed_deadlines: tuple[str, ...] = ()

    @property
    def problems(self) -> list[str]:
        """What `--strict` fails on: anything a reviewer would send back."""
        items = [f"专题“{t.title}”没有措施" for c in self.chapters for t in c.topics if t.empty]
        items += list(self.warnings) + [f"默认单位名称 {u}" for u in self.default_units]
        items += [f"默认目标值 {t}" for t in self.default_targets]
        items += [f"未使用的本地单位 {u}" for u in self.unused_local_units]
        items += [f"依据文件 {d}" for d in self.assumed_documents]
        items += [f"推定的完成时限 {d}" for d in self.assumed_deadlines]
        return items

    def to_json(self) -> str:
        data = asdict(self)
        data["problems"] = self.problems
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    def to_markdown(self) -> str:
        lines = [f"# 档案检查：{self.title}", "", f"- 档案：{self.profile}", f"- 详略：{self.detail}",
                 f"- 篇幅：{self.size}", ""]
        lines += ["## 各章各专题", "", "| 专题 | 采用 | 档案删去 | 地方举措 |", "|---|---|---|---|"]
        for chapter in self.chapters:
            lines.append(f"| **{chapter.heading or chapter.part + '、' + chapter.title}** | | | |")
            for topic in chapter.topics:
                mark = "（空）" if topic.empty else ""
                lines.append(f"| {topic.heading or f'{topic.no}. {topic.title}'}{mark} | {len(topic.included)} | "
                             f"{'、'.join(topic.dropped) or '—'} | {'、'.join(topic.local) or '—'} |")
        for title in self.local_chapters:
            lines.append(f"| **地方章节：{title}** | | | |")
        sections = (("仍为默认名称的单位", self.default_units), ("仍为默认值的目标", self.default_targets),
                    ("没有措施使用的本地单位", self.unused_local_units), ("工具推定或未找到的依据文件", self.assumed_documents),
                    ("工具推定的完成时限", self.assumed_deadlines), ("提示", self.warnings))
        for heading, items in sections:
            lines += ["", f"## {heading}", ""]
            lines += [f"- {item}" for item in items] or ["- 无"]
        return "\n".join(lines) + "\n"

    def to_text(self) -> str:
        lines = [f"{self.title}（{self.profile}）", f"篇幅：{self.size}；详略：{self.detail}"]
        for chapter in self.chapters:
            lines.append(chapter.heading or f"{chapter.part}、{chapter.title}")
            for topic in chapter.topics:
                extra = ""
                if topic.dropped:
                    extra += f"；删去 {len(topic.dropped)}：{'、'.join(topic.dropped)}"
                if topic.local:
                    extra += f"；地方举措 {len(topic.local)}：{'、'.join(topic.local)}"
                state = "空！" if topic.empty else f"采用 {len(topic.included)} 条"
                lines.append(f"  {topic.heading or f'{topic.no:>2}. {topic.title}'}：{state}{extra}")
        for heading, items in (("仍为默认名称的单位", self.default_units), ("仍为默认值的目标", self.default_targets),
                               ("没有措施使用的本地单位", self.unused_local_units),
                               ("工具推定或未找到的依据文件", self.assumed_documents),
                               ("工具推定的完成时限", self.assumed_deadlines), ("提示", self.warnings)):
            lines.append(f"{heading}：{len(items)}")
            lines += [f"  - {item}" for item in items]
        return "\n".join(lines) + "\n"


def check_report(profile: Profile, plan: Plan, library: Library, size: Size) -> CheckReport:
    included = {m.id for m in plan.measures() if m.id != "local"}
    local_by_topic: dict[str, list[str]] = {}
    for initiative in profile.initiatives:
        local_by_topic.setdefault(initiative.topic or "", []).append(initiative.title)
    drafted = plan.chapters + (plan.guarantee,)
    chapter_heads = {c.id: f"{c.number}{c.title}" for c in drafted}
    topic_heads = {t.id: f"{t.number}{t.title}" for c in drafted for t in c.topics}
    chapters = tuple(
        ChapterReport(chapter.part, chapter.title, tuple(
            TopicReport(topic.no, topic.id, topic.title,
                        tuple(m.id for m in topic.measures if m.id in included),
                        tuple(m.id for m in topic.measures if m.id in profile.drop),
                        tuple(local_by_topic.get(topic.id, ())),
                        heading=f"{topic_heads[topic.id]}（纲要专题 {topic.no}）" if topic.id in topic_heads else "")
            for topic in chapter.topics), heading=chapter_heads.get(chapter.id, ""))
        for chapter in library.chapters
    )
    used_names = {name for m in plan.measures() for name in m.lead + m.partners}
    units = {unit.role: unit for unit in plan.units}
    default_units = tuple(f"units.{role}：{unit.name}" + (f"（{unit.rule}）" if unit.rule else "") for role, unit in units.items()
                          if unit.is_default and unit.name in used_names and role != "lower_govs")
    if units["lower_govs"].is_default and units["lower_govs"].name in used_names:
        default_units += (f"jurisdiction.lower_govs：{units['lower_govs'].name}",)
    targets = {d.field: d for m in plan.measures() for d in m.defaults if d.field.startswith("targets.")}
    targets |= {d.field: d for d in plan.notes if d.field.startswith("targets.")}
    default_targets = tuple(f"{field}：{d.text}（{d.note}）" for field, d in sorted(targets.items()))
    unused = tuple(f"local_units.{key}：{name}" for key, name in profile.local_units.items() if name not in used_names)
    # a role the profile named that no drafted measure or indicator names (安吉's 县综合行政执法局 as
    # urban_management, s15 r15b d1): the user sees where the name did not go
    written = used_names | {name for row in plan.indicators for name in row.units}
    written_text = "".join(m.text for m in plan.measures())
    unused += tuple(f"units.{role}：{unit.name}（本稿没有措施以这一角色为牵头或责任单位）" for role, unit in units.items()
                    if role in profile.units and unit.name not in written and unit.name not in written_text)
    assumed = tuple(f"{d.text}：{d.note}" for d in plan.notes if d.field == "document.basis")
    deadlines = tuple(f"{d.field}：{d.text}（{m.title}；{d.rule}）" for m in plan.measures() for d in m.defaults
                      if d.field.endswith(".deadline"))
    return CheckReport(
        profile=str(profile.path), title=plan.title, detail=plan.detail, chapters=chapters,
        local_chapters=tuple(chapter.title for chapter in profile.chapters), default_units=default_units,
        default_targets=default_targets, unused_local_units=unused, assumed_documents=assumed,
        size=size.line(), warnings=plan.warnings + removed_requirements(profile, library) + assumed_deadline_hint(plan)
        + assumed_hints(profile, plan) + displaced_hint(plan),
        assumed_deadlines=deadlines,
    )


def displaced_hint(plan: Plan) -> tuple[str, ...]:
    """One 提示 per generic measure the locality's own measures took the place of (s14 E-A1): the
    user keeps it with selection.replace, or drops the local measure with selection.drop."""
    heads = {t.id: f"{t.number}{t.title}" for c in plan.chapters + (plan.guarantee,) for t in c.topics}
    notes = []
    for gone in plan.selection.displaced if plan.selection else ():
        local = "、".join(f"“{title}”（{key}）" for key, title in gone.by)
        drop = f"本地措施编号 {gone.by[0][0]}" if len(gone.by) == 1 else "其中一条本地措施的编号"
        notes.append(f"{heads.get(gone.topic, gone.topic)}：本地措施{local}占用了本专题的名额，通用措施“{gone.title}”（{gone.measure}）未写入草案；"
                     f"如需保留，请在档案 selection.replace 中写 {gone.measure}: {{}}（按措施库原文保留），"
                     f"或在 selection.drop 中写{drop}")
    return tuple(notes)


def assumed_hints(profile: Profile, plan: Plan) -> tuple[str, ...]:
    """What the review copy says on the title (发文机关) and on 实施步骤 (印发日期), as 提示 when the
    profile does not write the field: the same words (plan/issuers.py, plan/issue.py issue_words)."""
    hints = []
    for note in plan.notes:
        if note.remark and note.field == "document.issuers" and not profile.issuers:
            hints.append("document.issuers：" + note.note.removeprefix("发文机关："))
    if not profile.date and plan.issue:  # with or without 实施步骤: the deadlines count from it too
        hints.append("document.date：" + plan.issue)
    return tuple(hints)


def assumed_deadline_hint(plan: Plan) -> tuple[str, ...]:
    """One 提示 counting the deadlines the tool assumed (plan/milestones.py): no registered
    document fixes them, so the locality decides (司法厅 read 13c, N-D1)."""
    dates: dict[str, int] = {}
    for measure in plan.measures():
        for default in measure.defaults:
            if default.field.endswith(".deadline"):
                dates[default.text] = dates.get(default.text, 0) + 1
    if not dates:
        return ()
    counts = "、".join(f"{date} {n} 项" for date, n in sorted(dates.items()))
    return (f"完成时限：{sum(dates.values())} 项措施的时限为工具推定（{counts}），没有已登记的文件规定，审阅稿中已标黄；"
            "请本地确定，逐项在 selection.replace.<措施编号>.deadline 中写明（见“工具推定的完成时限”）",)


def removed_requirements(profile: Profile, library: Library) -> tuple[str, ...]:
    """提示 for each national requirement binding the locality that the profile's
    selection.drop removed, or whose selection.replace text no longer states its key words."""
    notes: list[str] = []
    for requirement, carrier in requirements(profile, library):
        basis = cited(requirement, library.documents)
        if carrier is None:
            dropped = "、".join(m for m in requirement.measures if m in profile.drop)
            notes.append(f"国家要求“{requirement.title}”（{requirement.id}）的承载措施已被 selection.drop 删去"
                         f"（{dropped}），草案不再载明；依据：{basis}")
            continue
        text = profile.replace.get(carrier, {}).get("text")
        if isinstance(text, str):
            missing = [k for k in requirement.keywords if k not in text]
            if missing:
                notes.append(f"国家要求“{requirement.title}”（{requirement.id}）的承载措施 {carrier} 已被 selection.replace 改写，"
                             f"改写后不再载明“{'”“'.join(missing)}”；依据：{basis}")
    return tuple(notes)
