"""Load a jurisdiction profile: YAML → forgiving normalisation → checks → frozen Profile."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import Problem, ValidationFailed
from ..paths import SCHEMAS
from .checks import profile_problems
from .corrections import correct
from .forgiving import normalise
from .levels import LEVELS, Level
from .local import LocalFacts, freeze_local, local_problems
from ..library.model import Library
from .messages import schema_problems
from .textnorm import tidy
from .yamlsource import YamlSource, field_name, load_yaml


@dataclass(frozen=True)
class Jurisdiction:
    """The locality: name, level, province and parent city."""
    name: str
    short: str
    level: Level
    province: str
    city: str | None
    lower_govs: str | None  # None: the level's default


@dataclass(frozen=True)
class Period:
    """The plan's period, first and last year."""
    start: int
    end: int


@dataclass(frozen=True)
class LocalMeasure:
    """A measure the profile adds (an initiative or a local chapter's item)."""
    title: str
    text: str
    lead: tuple[str, ...]
    partners: tuple[str, ...]
    deadline: int | str | None
    topic: str | None = None


@dataclass(frozen=True)
class LocalTopic:
    """A topic of a local chapter."""
    title: str
    measures: tuple[LocalMeasure, ...]


@dataclass(frozen=True)
class LocalChapter:
    """A chapter the profile adds to the national outline's."""
    title: str
    goal: str | None
    topics: tuple[LocalTopic, ...]


@dataclass(frozen=True)
class Profile:
    """A checked jurisdiction profile, frozen."""
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
    local: LocalFacts = LocalFacts()  # the locality's own facts (local.py)
    notes: tuple[str, ...] = ()  # 提示: values read as meant, not as written (corrections.py)
    guidance: tuple[str, ...] = ()  # document.guidance: the locality's own words for 指导思想 (八八战略)


@lru_cache(maxsize=1)
def profile_schema() -> dict[str, Any]:
    """The profile schema (one object per process: its compiled check is kept with it)."""
    return json.loads((SCHEMAS / "profile.schema.json").read_text("utf-8"))


def load_profile(path: Path, library: Library) -> Profile:
    """Every problem of the file is reported at once; nothing half-valid comes back."""
    source = load_yaml(path, "档案文件", collect=True)
    corrected = correct(source.data, library)
    source = replace(source, data=normalise(source.data, library))
    problems = _one_per_field(list(source.problems), profile_problems(source, library) + local_problems(source),
                              schema_problems(source, profile_schema()))
    if problems:
        raise ValidationFailed(sorted(problems, key=lambda problem: (problem.line or 0, problem.field)))
    notes = tuple(f"第 {source.line_of(field)} 行 {field_name(field)}：{note}" for field, note in corrected)
    return replace(_freeze(source), notes=notes)


def _one_per_field(*stages: list[Problem]) -> list[Problem]:
    """Problems of reading, of the specific checks, then of the schema: a later stage's problem
    is dropped when an earlier stage already explained that field."""
    kept: list[Problem] = []
    for stage in stages:
        seen = {problem.field for problem in kept if problem.field}
        kept += [problem for problem in stage if problem.field not in seen]
    return list(dict.fromkeys(kept))  # jsonschema can report one error twice (via $ref and in place)


def _whole(value: Any) -> Any:
    """2026.0 → 2026: YAML reads it as a float, the schema accepts it as an integer."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _local_measure(raw: dict) -> LocalMeasure:
    return LocalMeasure(
        title=raw["title"], text=tidy(raw["text"]), lead=tuple(raw["lead"]),
        partners=tuple(raw.get("partners", [])), deadline=_whole(raw.get("deadline")), topic=raw.get("topic"),
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
        period=Period(_whole(doc["period"]["start"]), _whole(doc["period"]["end"])),
        status=doc.get("status"),
        issuers=tuple(doc.get("issuers", [])),
        date=doc.get("date"),
        basis=tuple(doc["basis"]) if "basis" in doc else None,
        vision=tidy(doc["vision"]) if "vision" in doc else None,
        guidance=tuple(tidy(line).rstrip("，。；、,.; ") for line in doc.get("guidance", [])),
        layout=doc.get("layout", "chapters"),
        numbering=doc.get("numbering", "continuous"),
        guarantee_title=doc.get("guarantee_title"),
        division_table=doc.get("division_table", False),
        units=dict((data.get("units") or {})),
        local_units=dict((data.get("local_units") or {})),
        targets={name: _whole(value) for name, value in (data.get("targets") or {}).items()},
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
        local=freeze_local(data.get("local")),
        replace={
            measure_id: {**fields, **({"text": tidy(fields["text"])} if "text" in fields else {})}
            for measure_id, fields in selection.get("replace", {}).items()
        },
    )
