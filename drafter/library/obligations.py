"""The register of what a 2026—2030 local plan must carry (data/obligations.yaml).

Each requirement names its registered basis (documents.yaml), the levels it binds and the
library measures that carry it. `load_requirements` checks the file against its schema and
the library (basis registered, topic and measures known, the measures in the topic, fitting
the levels and stating the key words); `binding` and `carriers` are what selection uses.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

from ..errors import Problem, ValidationFailed
from ..paths import SCHEMAS
from ..profile.messages import schema_problems
from ..profile.yamlsource import YamlSource, load_yaml
from .model import BasisDocument, Measure, Requirement

FILE = "obligations.yaml"


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
        texts = [measure.text] + ([measure.later.text] if measure.later else [])
        for keyword in requirement.keywords:
            if not all(keyword in text for text in texts):
                problem("keywords", f"关键词“{keyword}”不在措施 {measure_id} 的正文中（含 later 的写法），"
                                    "草案载明本要求时会找不到它", (i,))
    missing = requirement.levels - covered
    if missing and not any(problem_id not in measures for problem_id in requirement.measures):
        problem("levels", f"没有适用于 {'、'.join(sorted(missing))} 层级的承载措施")


def binding(requirement: Requirement, tier: str, fits: Callable[[Measure], bool], library_measure: Callable[[str], Measure]) -> bool:
    """The requirement binds a locality of this tier whose powers and period fit one of its measures."""
    return tier in requirement.levels and any(fits(library_measure(m)) for m in requirement.measures)


def cited(requirement: Requirement, documents: dict[str, BasisDocument]) -> str:
    """《title》（文号）… of the requirement's basis, as a reviewer reads it."""
    return "、".join(documents[key].cited for key in requirement.basis)
