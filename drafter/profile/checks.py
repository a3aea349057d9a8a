"""Checks of a profile that need a field's meaning: places, dates, years, roles, topics,
measure ids and target values.

They run on the same data as the schema check, valid or not, so every value is
type-checked before use: one run reports every problem. Where a check here and the
schema both object to a field, this message is the more specific one and is kept.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..errors import Problem
from ..library.model import Library
from ..library.topicnames import hint as topic_hint
from .forgiving import parse_year
from .levels import LEVELS, level_advice
from .messages import did_you_mean, shown
from .placecheck import place_problems
from .places import city_advice, province_advice
from .rolenames import RoleNames
from .targets import target_advice
from .unitnames import UnitNames
from .yamlsource import YamlSource, clipped, field_name

MAX_SUGGESTIONS = 50  # did-you-mean over the library costs milliseconds each


def _table(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _one_line_name(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip()) and "\n" not in value and len(value) <= 60


def _items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


class _Checks:
    def __init__(self, source: YamlSource, library: Library) -> None:
        self.source, self.library = source, library
        self.problems: list[Problem] = []
        self.suggestions_left = MAX_SUGGESTIONS

    def problem(self, path: tuple, message: str) -> None:
        self.problems.append(Problem(str(self.source.path), self.source.line_of(path), field_name(path), message))

    def suggest(self, word: str, choices: list[str]) -> str:
        if self.suggestions_left <= 0:
            return "。"
        self.suggestions_left -= 1
        return did_you_mean(word, choices) or "。"

    def run(self) -> list[Problem]:
        data = _table(self.source.data)
        self.jurisdiction(_table(data.get("jurisdiction")))
        self.document(_table(data.get("document")))
        place = _table(data.get("jurisdiction"))
        names = tuple(str(place.get(key)) for key in ("name", "short") if isinstance(place.get(key), str))
        roles = RoleNames(self.library, _table(data.get("units")), _table(data.get("local_units")), names)
        self.unit_names = UnitNames(self.library, data)
        self.measures(data, roles)
        self.selection(_table(data.get("selection")), roles)
        self.targets(_table(data.get("targets")))
        return self.problems

    def jurisdiction(self, place: dict[str, Any]) -> None:
        path = ("jurisdiction",)
        level = place.get("level")
        if isinstance(level, str) and level not in LEVELS:
            self.problem(path + ("level",), level_advice(clipped(level)))
        for key, advise in (("province", province_advice), ("city", city_advice)):
            value = place.get(key)
            if _one_line_name(value):  # else the schema says what is wrong with it
                advice = advise(value.strip())
                if advice:
                    self.problem(path + (key,), advice)
        said = {problem.field for problem in self.problems}
        for field_path, message in place_problems(place):
            if field_name(field_path) not in said:  # a malformed value is explained once, by its own check
                self.problem(field_path, message)

    def document(self, doc: dict[str, Any]) -> None:
        if "date" in doc:
            self.date(doc["date"])
        period = _table(doc.get("period"))
        years = {}
        for key, word in (("start", "开始年"), ("end", "结束年")):
            if key not in period or period[key] is None:
                continue
            year = parse_year(period[key])
            if year is None:
                self.problem(("document", "period", key), f"规划期{word}应为四位数的年份，如 2026（也可写 2026年）；现在是 {shown(period[key])}")
            elif 2000 <= year <= 2100:
                years[key] = year
        if len(years) == 2 and years["end"] < years["start"]:
            self.problem(("document", "period", "end"), f"规划期结束年 {years['end']} 早于开始年 {years['start']}，请检查")

    def date(self, value: Any) -> None:
        path = ("document", "date")
        if not isinstance(value, str):
            self.problem(path, f"成文日期请写成 2026-12-01 或 2026年12月1日；现在是 {shown(value)}。不写日期请删去这一行")
            return
        try:
            date.fromisoformat(value)
        except ValueError:
            if len(value) == 10 and value[4] == "-" and value[7] == "-" and value.replace("-", "").isdigit():
                self.problem(path, f"日期 {value} 不存在，请改正（月份 1–12，日期不超过当月天数），如 2026-12-01")
            else:
                self.problem(path, f"日期 {shown(value)} 无法识别，请写成 2026-12-01 或 2026年12月1日")

    def roles(self, path: tuple, measure: dict[str, Any], roles: RoleNames) -> None:
        for key in ("lead", "partners"):
            items = _items(measure.get(key))
            for index, role in enumerate(items):
                meant = self.unit_names.roles(role) if isinstance(role, str) and not roles.known(role) else []
                if len(meant) == 1 and meant[0] in items:
                    self.problem(path + (key, index), f"单位 {clipped(role)} 即 {meant[0]}（{roles.label(meant[0])}），"
                                 "与本项中已写的重复，请删去一项")
                elif len(meant) > 1:
                    choices = "、".join(f"{one}（{roles.label(one)}）" for one in meant)
                    self.problem(path + (key, index), f"单位 {clipped(role)} 同时是 {choices} 的名称，"
                                 "请写其中之一的角色键（都要写就分成两项，如 [甲, 乙]）")
                elif isinstance(role, str) and not roles.known(role):
                    self.problem(path + (key, index), f"未知的单位角色 {clipped(role)}{roles.hint(role) or '。'}"
                                 "牵头和责任单位写角色键（drafter units 列出全部角色），本地特有的单位先在 local_units 中定义")

    def topic(self, path: tuple, measure: dict[str, Any]) -> None:
        topic = measure.get("topic")
        topics = self.library.topic_ids()
        if isinstance(topic, str) and topic not in topics:
            found = topic_hint(self.library, topic) if self.suggestions_left > 0 else ""
            self.suggestions_left -= 1
            self.problem(path + ("topic",), f"未知的专题 {clipped(topic)}{found or '。'}topic 写专题编号，"
                         "可用 drafter library list 查看（每个专题的中文标题列在编号旁）")

    def deadline(self, path: tuple, measure: dict[str, Any]) -> None:
        """`deadline: 2028`: a year where the N-th year of the period is meant."""
        value = measure.get("deadline")
        year = parse_year(value) if not isinstance(value, int) or value >= 1000 else None
        if year is None or not 2000 <= year <= 2100:
            return
        period = _table(_table(_table(self.source.data).get("document")).get("period"))
        start, end = parse_year(period.get("start")), parse_year(period.get("end"))
        if start is None or end is None:
            advice = "时限写规划期的第几年（如 3 表示第 3 年年底前）、end（期末）或 annual（每年），不写年份"
        elif start <= year <= end:
            advice = (f"时限写规划期的第几年，不写年份：{year} 年底前应写为 {year - start + 1}（规划期第 {year - start + 1} 年）；"
                      "期末写 end，每年写 annual")
        else:
            advice = (f"{year} 年不在规划期 {start}—{end}年内；时限写规划期的第几年（1–{end - start + 1}）、"
                      "end（期末）或 annual（每年）")
        self.problem(path + ("deadline",), advice)

    def measures(self, data: dict[str, Any], roles: RoleNames) -> None:
        for index, measure in enumerate(_items(data.get("initiatives"))):
            path = ("initiatives", index)
            self.topic(path, _table(measure))
            self.deadline(path, _table(measure))
            self.roles(path, _table(measure), roles)
        for c, chapter in enumerate(_items(data.get("chapters"))):
            for t, topic in enumerate(_items(_table(chapter).get("topics"))):
                for m, measure in enumerate(_items(_table(topic).get("measures"))):
                    path = ("chapters", c, "topics", t, "measures", m)
                    self.topic(path, _table(measure))
                    self.deadline(path, _table(measure))
                    self.roles(path, _table(measure), roles)

    def selection(self, selection: dict[str, Any], roles: RoleNames) -> None:
        ids = [measure.id for measure in self.library.measures()]
        known = set(ids) | {rule.measure.id for rule in self.library.local_measures}  # local.<type>.<name> too
        for index, measure_id in enumerate(_items(selection.get("drop"))):
            if isinstance(measure_id, str) and measure_id not in known:
                self.problem(("selection", "drop", index), f"措施库中没有措施 {clipped(measure_id)}{self.suggest(measure_id, ids)}"
                             "可用 drafter library list 查看措施编号")
        for measure_id, measure in _table(selection.get("replace")).items():
            path = ("selection", "replace", measure_id)
            if measure_id not in known:
                self.problem(path, f"措施库中没有措施 {clipped(measure_id)}{self.suggest(measure_id, ids)}可用 drafter library list 查看措施编号")
            self.deadline(path, _table(measure))
            self.roles(path, _table(measure), roles)

    def targets(self, targets: dict[str, Any]) -> None:
        for name, value in targets.items():
            param = self.library.params.get(name)
            if param is None:
                continue  # the schema names unknown targets
            advice = target_advice(value, param)
            if advice:
                self.problem(("targets", name), f"{param.label}：{advice}")


def profile_problems(source: YamlSource, library: Library) -> list[Problem]:
    """Every problem of a profile that needs the library or a field's meaning."""
    return _Checks(source, library).run()
