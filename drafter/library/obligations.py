"""The register of what a 2026—2030 local plan must carry (data/obligations.yaml).

Each requirement names its registered basis (documents.yaml), the levels it binds and the
library measures that carry it. `load_requirements` checks the file against its schema and
the library (basis registered, topic and measures known, the measures in the topic, fitting
the levels and stating the key words). Selection by requirement is in plan/select.py
(`requirements`); `cited` words a requirement's basis for reports.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

from ..errors import Problem, ValidationFailed
from ..paths import SCHEMAS
from ..profile.messages import schema_problems
from ..profile.yamlsource import load_yaml
from .model import BasisDocument, Measure, Requirement

FILE = "obligations.yaml"
FROM = 2026  # the register is for plans starting in or after this year (2026—2030)


def wording(measure: Measure, start: int = FROM) -> str:
    """The text a plan starting in `start` prints for the measure (its `later` after `until`)."""
    if measure.until is not None and start > measure.until and measure.later is not None:
        return measure.later.text
    return measure.text


def load_requirements(directory: Path, measures: dict[str, Measure], topics: set[str],
                      documents: dict[str, BasisDocument]) -> tuple[Requirement, ...]:
    """The checked register; () when the library directory has none (a test library)."""
    path = directory / FILE
    if not path.exists():
        return ()
    source = load_yaml(path, "国家要求登记表")
    schema = json.loads((SCHEMAS / "obligations.schema.json").read_text("utf-8"))
    problems = schema_problems(source, schema)
    if problems:
        raise ValidationFailed(problems)
    requirements: list[Requirement] = []
    seen: set[str] = set()
    for index, raw in enumerate(source.data["requirements"]):
        def problem(field: str, message: str, at: tuple = ()) -> None:
            where = ("requirements", index, field) + at
            problems.append(Problem(str(path), source.line_of(where), ".".join(map(str, where)), message))
        requirement = Requirement(
            id=raw["id"], title=raw["title"], topic=raw["topic"], levels=frozenset(raw["levels"]),
            basis=tuple(raw["basis"]), keywords=tuple(raw["keywords"]), measures=tuple(raw["measures"]),
            article=raw.get("article"),
        )
        _check(requirement, seen, measures, topics, documents, problem)
        seen.add(requirement.id)
        requirements.append(requirement)
    if problems:
        raise ValidationFailed(problems)
    return tuple(requirements)


def _check(requirement: Requirement, seen: set[str], measures: dict[str, Measure], topics: set[str],
           documents: dict[str, BasisDocument], problem: Callable[..., None]) -> None:
    if requirement.id in seen:
        problem("id", f"要求编号 {requirement.id} 重复")
    if requirement.topic not in topics:
        problem("topic", f"专题 {requirement.topic} 不在措施库中")
    for i, key in enumerate(requirement.basis):
        if key not in documents:
            problem("basis", f"依据文件 {key} 不在 documents.yaml 登记表中", (i,))
    covered: set[str] = set()
    for i, measure_id in enumerate(requirement.measures):
        measure = measures.get(measure_id)
        if measure is None:
            problem("measures", f"措施 {measure_id} 不在措施库中", (i,))
            continue
        if measure.topic != requirement.topic:
            problem("measures", f"措施 {measure_id} 属于专题 {measure.topic}，不属于本要求的专题 {requirement.topic}", (i,))
        covered |= measure.levels & requirement.levels
        text = wording(measure)
        for k, keyword in enumerate(requirement.keywords):
            if keyword not in text:
                problem("keywords", f"关键词“{keyword}”不在措施 {measure_id}（{FROM}年起的写法）的正文中，"
                                    "草案载明本要求时会找不到它", (k,))
    missing = requirement.levels - covered
    if missing and all(measure_id in measures for measure_id in requirement.measures):
        problem("levels", f"没有适用于 {'、'.join(sorted(missing))} 层级的承载措施")


def cited(requirement: Requirement, documents: dict[str, BasisDocument]) -> str:
    """《title》（文号）… of the requirement's basis, as a reviewer reads it."""
    return "、".join(documents[key].cited for key in requirement.basis)
