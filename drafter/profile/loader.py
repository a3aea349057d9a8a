"""Load a jurisdiction profile: YAML → schema check → semantic checks → frozen Profile."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import Problem, ValidationFailed
from .levels import LEVELS, Level
from ..library.model import Library
from .messages import did_you_mean, schema_problems
from .textnorm import tidy
from .yamlsource import XML_FORBIDDEN, YamlSource, load_yaml


@dataclass(frozen=True)
class Jurisdiction:
    name: str
    short: str
    level: Level
    province: str
    city: str | None
    lower_govs: str | None  # None: the level's default


@dataclass(frozen=True)
class Period:
    start: int
    end: int


@dataclass(frozen=True)
class LocalMeasure:
    title: str
    text: str
    lead: tuple[str, ...]
    partners: tuple[str, ...]
    deadline: int | str | None
    topic: str | None = None


@dataclass(frozen=True)
class LocalTopic:
    title: str
    measures: tuple[LocalMeasure, ...]


@dataclass(frozen=True)
class LocalChapter:
    title: str
    goal: str | None
    topics: tuple[LocalTopic, ...]


@dataclass(frozen=True)
class Profile:
    path: Path
    jurisdiction: Jurisdiction
    kind: str
    title: str | None
    period: Period
    status: str | None
    issuers: tuple[str, ...]
    date: str | None
    basis: tuple[str, ...] | None
    vision: str | None
    layout: str
    numbering: str
    guarantee_title: str | None
    division_table: bool
    units: dict[str, str]
    local_units: dict[str, str]
    targets: dict[str, Any]
    initiatives: tuple[LocalMeasure, ...]
    chapters: tuple[LocalChapter, ...]
    detail: str  # compact | standard | full
    drop: frozenset[str]
    replace: dict[str, dict[str, Any]]  # measure id → the fields it overrides
    model: tuple[str, ...] = ()  # seed keys whose plan is the model (selection.model)
    stages: bool = True  # 实施步骤
    indicators: str = "table"  # table | appendix | none


def profile_schema() -> dict[str, Any]:
    return json.loads((resources.files("drafter") / "schemas/profile.schema.json").read_text("utf-8"))


def load_profile(path: Path, library: Library) -> Profile:
    """Every problem of the file is reported at once; nothing half-valid comes back."""
    source = load_yaml(path, "档案文件")
    problems = schema_problems(source, profile_schema())
    if not problems:
        problems = _semantic_problems(source, library)
    if problems:
        raise ValidationFailed(problems)
    return _freeze(source)


def _strings(value: Any, path: tuple = ()) -> list[tuple[tuple, str]]:
    if isinstance(value, str):
        return [(path, value)]
    if isinstance(value, dict):
        return [pair for key, item in value.items() for pair in _strings(item, path + (key,))]
    if isinstance(value, list):
        return [pair for index, item in enumerate(value) for pair in _strings(item, path + (index,))]
    return []


def _semantic_problems(source: YamlSource, library: Library) -> list[Problem]:
    data = source.data
    problems: list[Problem] = []

    def problem(path: tuple, message: str) -> None:
        field = ".".join(str(part) for part in path)
        problems.append(Problem(str(source.path), source.line_of(path), field, message))

    for path, text in _strings(data):
        if XML_FORBIDDEN.search(text):
            problem(path, "含有 Word 文档不允许的控制字符，请删除（常见于从网页或 PDF 复制的文字）")
    if "date" in data["document"]:
        try:
            date.fromisoformat(data["document"]["date"])
        except ValueError:
            problem(("document", "date"), f"日期 {data['document']['date']} 不存在，请按 年-月-日 填写，如 2026-12-01")
    period = data["document"]["period"]
    if period["end"] < period["start"]:
        problem(("document", "period", "end"), f"规划期结束年 {period['end']} 早于开始年 {period['start']}，请检查")
    roles = sorted(library.roles) + sorted((data.get("local_units") or {}))
    topics = library.topic_ids()

    def check_roles(path: tuple, measure: dict) -> None:
        for key in ("lead", "partners"):
            for index, role in enumerate(measure.get(key, [])):
                if role not in roles:
                    problem(path + (key, index), f"未知的单位角色 {role}{did_you_mean(role, roles) or '。'}"
                            "可用 drafter units 查看角色表，或在 local_units 中定义本地单位")

    for index, measure in enumerate((data.get("initiatives") or [])):
        topic = measure["topic"]
        if topic not in topics:
            problem(("initiatives", index, "topic"), f"未知的专题 {topic}{did_you_mean(topic, topics) or '。'}"
                    "可用 drafter library list 查看专题编号")
        check_roles(("initiatives", index), measure)
    for c, chapter in enumerate((data.get("chapters") or [])):
        for t, topic in enumerate(chapter["topics"]):
            for m, measure in enumerate(topic["measures"]):
                check_roles(("chapters", c, "topics", t, "measures", m), measure)
    selection = (data.get("selection") or {})
    ids = [measure.id for measure in library.measures()]
    for index, measure_id in enumerate(selection.get("drop", [])):
        if measure_id not in ids:
            problem(("selection", "drop", index), f"措施库中没有措施 {measure_id}{did_you_mean(measure_id, ids) or '。'}")
    for measure_id, measure in selection.get("replace", {}).items():
        if measure_id not in ids:
            problem(("selection", "replace", measure_id), f"措施库中没有措施 {measure_id}{did_you_mean(measure_id, ids) or '。'}")
        check_roles(("selection", "replace", measure_id), measure)
    for name, value in (data.get("targets") or {}).items():
        default = library.params[name].default
        if isinstance(default, (int, float)) and not isinstance(value, (int, float)) or isinstance(value, bool):
            problem(("targets", name), f"应为数字（默认值 {default}），现在是 {value!r}")
    return problems


def _local_measure(raw: dict) -> LocalMeasure:
    return LocalMeasure(
        title=raw["title"], text=tidy(raw["text"]), lead=tuple(raw["lead"]),
        partners=tuple(raw.get("partners", [])), deadline=raw.get("deadline"), topic=raw.get("topic"),
    )


def _seed_keys(model: str | list[str] | None) -> tuple[str, ...]:
    if model is None:
        return ()
    return (model,) if isinstance(model, str) else tuple(model)


def _freeze(source: YamlSource) -> Profile:
    data = source.data
    place, doc = data["jurisdiction"], data["document"]
    selection = (data.get("selection") or {})
    return Profile(
        path=source.path,
        jurisdiction=Jurisdiction(
            name=place["name"], short=place["short"], level=LEVELS[place["level"]],
            province=place["province"], city=place.get("city"), lower_govs=place.get("lower_govs"),
        ),
        kind=doc["kind"],
        title=doc.get("title"),
        period=Period(doc["period"]["start"], doc["period"]["end"]),
        status=doc.get("status"),
        issuers=tuple(doc.get("issuers", [])),
        date=doc.get("date"),
        basis=tuple(doc["basis"]) if "basis" in doc else None,
        vision=tidy(doc["vision"]) if "vision" in doc else None,
        layout=doc.get("layout", "chapters"),
        numbering=doc.get("numbering", "continuous"),
        guarantee_title=doc.get("guarantee_title"),
        division_table=doc.get("division_table", False),
        units=dict((data.get("units") or {})),
        local_units=dict((data.get("local_units") or {})),
        targets=dict((data.get("targets") or {})),
        initiatives=tuple(_local_measure(m) for m in (data.get("initiatives") or [])),
        chapters=tuple(
            LocalChapter(
                title=chapter["title"], goal=tidy(chapter["goal"]) if "goal" in chapter else None,
                topics=tuple(
                    LocalTopic(topic["title"], tuple(_local_measure(m) for m in topic["measures"]))
                    for topic in chapter["topics"]
                ),
            )
            for chapter in (data.get("chapters") or [])
        ),
        detail={"core": "compact"}.get(selection.get("detail", "standard"), selection.get("detail", "standard")),
        model=_seed_keys(selection.get("model")),
        stages=doc.get("stages", doc["kind"] != "实施意见"),
        indicators=doc.get("indicators", "table"),
        drop=frozenset(selection.get("drop", [])),
        replace={
            measure_id: {**fields, **({"text": tidy(fields["text"])} if "text" in fields else {})}
            for measure_id, fields in selection.get("replace", {}).items()
        },
    )
