"""Load the library's YAML files, validate them, and freeze them into a Library."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from . import placeholders
from ..errors import Problem, ValidationFailed
from ..paths import LIBRARY_DATA, SCHEMAS
from ..profile.messages import schema_problems
from ..profile.textnorm import tidy
from ..profile.yamlsource import XML_FORBIDDEN, YamlSource, load_yaml
from .cache import cached
from .obligations import load_requirements
from .local_measures import load_local_measures
from .model import BasisDocument, Chapter, General, Joint, Later, Library, Measure, Omission, Param, RoleDef, Topic

DATA = LIBRARY_DATA


def library_schema() -> dict[str, Any]:
    return json.loads((SCHEMAS / "library.schema.json").read_text("utf-8"))


def load_documents(path: Path) -> dict[str, BasisDocument]:
    raw = yaml.safe_load(path.read_text("utf-8"))
    return {
        key: BasisDocument(
            key=key, title=entry["title"], issuer=entry["issuer"], number=entry.get("number"),
            date=str(entry["date"]) if "date" in entry else None,
            period=tuple(entry["period"]) if "period" in entry else None,  # type: ignore[arg-type]
            scope=entry.get("scope", "national"), province=entry.get("province"), kind=entry.get("kind", "policy"),
            revised=entry.get("revised"), in_force=str(entry["in_force"]) if "in_force" in entry else None,
        )
        for key, entry in raw.items()
    }


def load_roles(path: Path) -> dict[str, RoleDef]:
    raw = yaml.safe_load(path.read_text("utf-8"))
    return {
        key: RoleDef(
            key=key,
            label=entry["label"],
            default=entry["default"],  # null: the role has no default name
            by_level=dict(entry.get("by_level", {})),
            group=bool(entry.get("group", False)),
            may_lead=bool(entry.get("may_lead", True)),
            party=bool(entry.get("party", False)),
        )
        for key, entry in raw.items()
    }


@lru_cache(maxsize=4)
def load_library(directory: Path = DATA) -> Library:
    """The checked library: from the compiled cache when its files are unchanged (cache.py),
    else loaded and checked with every problem reported at once."""
    schema = SCHEMAS / "library.schema.json"
    return cached(directory, schema, lambda: _load_library(directory))


def _load_library(directory: Path) -> Library:
    """Load and check every chapter file; all problems are reported at once."""
    roles = load_roles(directory / "roles.yaml")
    documents = load_documents(directory / "documents.yaml")
    schema = library_schema()
    problems: list[Problem] = []
    sources = [load_yaml(path, "措施库文件") for path in sorted(directory.glob("[0-9][0-9]_*.yaml"))]
    for source in sources:
        problems += schema_problems(source, schema)
    if problems:
        raise ValidationFailed(problems)
    builder = _Builder(roles, documents)
    for source in sources:
        builder.add(source)
    local = load_local_measures(directory, schema, {t.id: c.id for c in builder.chapters for t in c.topics}, roles, documents)
    known = builder.ids | {rule.measure.id for rule in local}  # words may be left to a local measure too
    for source, path, other in builder.references:  # known only once every chapter is read
        if other not in known:
            builder.problem(source, path, f"leaves_to 中的措施 {other} 不在措施库中，请写说同一项工作的那条措施的编号")
    problems = builder.problems
    if builder.general is None:
        problems.append(Problem(str(directory), None, "general", "措施库缺少总体要求（general）"))
    if problems:
        raise ValidationFailed(problems)
    measures = {m.id: m for chapter in builder.chapters for topic in chapter.topics for m in topic.measures}
    topics = {topic.id for chapter in builder.chapters for topic in chapter.topics}
    return Library(
        general=builder.general,  # type: ignore[arg-type]
        chapters=tuple(builder.chapters),
        roles=roles,
        params=builder.params,
        omitted=tuple(builder.omitted),
        documents=documents,
        requirements=load_requirements(directory, measures, topics, documents),
        local_measures=local,
    )


class _Builder:
    """Turns validated chapter files into model objects, collecting semantic problems."""

    def __init__(self, roles: dict[str, RoleDef], documents: dict[str, BasisDocument]) -> None:
        self.roles = roles
        self.documents = documents
        self.problems: list[Problem] = []
        self.params: dict[str, Param] = {}
        self.chapters: list[Chapter] = []
        self.omitted: list[Omission] = []
        self.general: General | None = None
        self.ids: set[str] = set()
        self.references: list[tuple[YamlSource, tuple, str]] = []  # leaves_to: (file, path, measure id)

    def problem(self, source: YamlSource, path: tuple, message: str) -> None:
        field = ".".join(str(part) for part in path)
        self.problems.append(Problem(str(source.path), source.line_of(path), field, message))

    def add(self, source: YamlSource) -> None:
        data = source.data
        chapter = data["chapter"]
        if "general" in data:
            self.general = self._general(source, data["general"])
        topics = tuple(
            self._topic(source, chapter["id"], index, topic) for index, topic in enumerate(data.get("topics", []))
        )
        if topics:
            self.chapters.append(
                Chapter(chapter["id"], chapter["part"], chapter["title"], tidy(chapter.get("goal") or "") or None, topics)
            )
        self.omitted += [Omission(item["source"], item["reason"]) for item in data.get("omitted", [])]

    def _params(self, source: YamlSource, path: tuple, raw: dict, raw_text: str = "") -> tuple[str, ...]:
        for name, spec in raw.items():
            param = Param(name, spec.get("default"), spec.get("unit", ""), spec["label"],
                          spec.get("indicator"), spec.get("basis"), spec.get("without"),
                          bool(spec.get("core", False)), bool(spec.get("duty", False)),
                          bool(spec.get("outcome", False)), spec.get("direction"), bool(spec.get("ceiling", False)))
            outcome = self._outcome_problems(source, path + (name,), param, raw_text)
            if not outcome and param.basis is not None and param.basis not in self.documents:
                self.problem(source, path + (name, "basis"), f"参数 {name} 的依据 {param.basis} 不在 documents.yaml 中")
            if param.without is not None:
                self._check_text(source, path + (name, "without"), param.without, ())
            elif path[0] != "general" and isinstance(param.default, (int, float)) and not (param.basis or param.indicator):
                self.problem(source, path + (name,), f"参数 {name} 的默认值不印入正文（没有 basis，也不是 floor/cycle），"
                             "须写 without：不含数值时替代该分句的写法")
            known = self.params.setdefault(name, param)
            if known != param:
                self.problem(source, path + (name,), f"参数 {name} 在别处定义不同：{known}")
        return tuple(raw)

    def _outcome_problems(self, source: YamlSource, path: tuple, param: Param, text: str) -> bool:
        """An outcome indicator: no default, a unit, no slot in its measure's text; the rest are not outcomes."""
        if not param.outcome:
            if param.default is None:
                self.problem(source, path + ("default",), f"参数 {param.name} 缺少 default；只有结果性指标（outcome: true）不设默认值")
            for key, value in (("direction", param.direction), ("ceiling", param.ceiling)):
                if value:
                    self.problem(source, path + (key,), f"参数 {param.name} 的 {key} 只用于结果性指标（outcome: true）")
            return False
        for key, value in (("default", param.default), ("basis", param.basis), ("indicator", param.indicator),
                           ("without", param.without), ("core", param.core), ("duty", param.duty)):
            if value:
                self.problem(source, path + (key,), f"结果性指标 {param.name} 不设 {key}：值只由档案的 targets 给出")
        if not param.unit:
            self.problem(source, path + ("unit",), f"结果性指标 {param.name} 须写 unit（如 %）")
        if "{" + param.name + "}" in text:
            self.problem(source, path, f"结果性指标 {param.name} 只列入主要指标表，措施正文不写占位符 {{{param.name}}}")
        return True

    def _check_text(self, source: YamlSource, path: tuple, text: str, params: tuple[str, ...]) -> None:
        if XML_FORBIDDEN.search(text):
            self.problem(source, path, "含有 XML 不允许的控制字符")
        for name in placeholders.names(text):
            if name.startswith("role:"):
                if name[5:] not in self.roles:
                    self.problem(source, path, f"未知的单位角色占位符 {{{name}}}")
            elif name not in placeholders.FIXED and name not in params:
                self.problem(source, path, f"占位符 {{{name}}} 既不是固定占位符，也不是本措施的参数")

    def _general(self, source: YamlSource, raw: dict) -> General:
        params = self._params(source, ("general", "params"), raw.get("params", {}))
        texts = {"guiding_ideology": [raw["guiding_ideology"]], "principles": raw["principles"],
                 "goals": raw["goals"], "closing": [raw["closing"]]}
        for key, values in texts.items():
            for value in values:
                self._check_text(source, ("general", key), value, params)
        return General(
            tidy(raw["guiding_ideology"]), tuple(map(tidy, raw["principles"])), tuple(map(tidy, raw["goals"])),
            tidy(raw["closing"]), params, tuple(raw["sources"]),
        )

    def _topic(self, source: YamlSource, chapter_id: str, index: int, raw: dict) -> Topic:
        path = ("topics", index)
        if not raw["id"].startswith(chapter_id + "."):
            self.problem(source, path + ("id",), f"专题编号应以 {chapter_id}. 开头")
        measures = tuple(
            self._measure(source, chapter_id, raw["id"], path + ("measures", i), m)
            for i, m in enumerate(raw["measures"])
        )
        return Topic(raw["id"], raw["no"], raw["title"], raw["weight"], measures, raw.get("title_without_legislation"),
                     raw.get("outline_title"))

    def _measure(self, source: YamlSource, chapter_id: str, topic_id: str, path: tuple, raw: dict) -> Measure:
        if not raw["id"].startswith(topic_id + "."):
            self.problem(source, path + ("id",), f"措施编号应以 {topic_id}. 开头")
        if raw["id"] in self.ids:
            self.problem(source, path + ("id",), f"措施编号 {raw['id']} 重复")
        self.ids.add(raw["id"])
        params = self._params(source, path + ("params",), raw.get("params", {}), raw["text"])
        self._check_text(source, path + ("text",), raw["text"], params)
        self._check_text(source, path + ("title",), raw["title"], params)
        for key in ("lead", "partners"):
            for i, role in enumerate(raw.get(key, [])):
                if role not in self.roles:
                    self.problem(source, path + (key, i), f"未知的单位角色 {role}")
        deadline = raw.get("deadline")
        if deadline is not None and "{deadline}" not in raw["text"]:
            self.problem(source, path + ("text",), "设了完成时限（deadline），正文中却没有 {deadline}")
        for i, key in enumerate(raw.get("basis", [])):
            if key not in self.documents:
                self.problem(source, path + ("basis", i), f"依据文件 {key} 不在 documents.yaml 登记表中")
        if not raw["sources"] and not raw.get("basis"):
            self.problem(source, path + ("sources",), "措施既没有来源方案（sources），也没有依据文件（basis）")
        milestone = isinstance(deadline, int) and deadline >= 2000
        until = raw.get("until", deadline if milestone else None)
        later = self._later(source, path, raw, params)
        if until is not None and "later" not in raw:
            self.problem(source, path + ("later",), "有 until 或绝对年份的 deadline 时，须写明之后的处理：later: drop 或巩固深化的写法")
        milestone = raw.get("milestone")
        if milestone is not None:
            if deadline is not None:
                self.problem(source, path + ("milestone",), "已有完成时限（deadline），不再写 milestone")
            if later is not None:
                self.problem(source, path + ("milestone",), "有 later 写法的措施（上一轮的任务）巩固深化时不再推定新的时限，不写 milestone")
            if milestone["before"] not in tidy(raw["text"]):
                self.problem(source, path + ("milestone", "before"),
                             f"milestone.before “{milestone['before']}”不在本措施的正文中，时限无处可写")
        joint = self._joint(source, path, raw, params)
        return Measure(
            joint=joint,
            leaves_to=self._leaves_to(source, path, raw, later),
            milestone=(milestone["kind"], milestone["before"]) if milestone else None,
            id=raw["id"], chapter=chapter_id, topic=topic_id, title=raw["title"], text=tidy(raw["text"]),
            lead=tuple(raw["lead"]), partners=tuple(raw.get("partners", [])), deadline=deadline,
            params=params, levels=frozenset(raw.get("levels", ["city", "county"])),
            sources=tuple(raw["sources"]), basis=tuple(raw.get("basis", [])),
            requires=frozenset(raw.get("requires", [])), key=bool(raw.get("key", False)),
            until=until, since=raw.get("since"), later=later,
        )

    def _joint(self, source: YamlSource, path: tuple, raw: dict, params: tuple[str, ...]) -> Joint | None:
        joint = raw.get("joint")
        if not isinstance(joint, dict):
            return None
        for key in ("lead", "partners"):
            for i, role in enumerate(joint.get(key, [])):
                if role not in self.roles:
                    self.problem(source, path + ("joint", key, i), f"未知的单位角色 {role}")
        for key in ("title", "text"):
            if key in joint:
                self._check_text(source, path + ("joint", key), joint[key], params)
        if "text" in joint and (raw.get("later") is not None or raw.get("milestone") is not None):
            self.problem(source, path + ("joint", "text"), "有 later 或 milestone 的措施，联合印发时不另写正文（joint.text）")
        if "text" in joint and ("{deadline}" in joint["text"]) != ("{deadline}" in raw["text"]):
            self.problem(source, path + ("joint", "text"), "joint.text 与正文的 {deadline} 不一致：同一时限，两种写法都要有或都没有")
        return Joint(tuple(joint["lead"]), tuple(joint.get("partners", [])), joint.get("title"),
                     tidy(joint["text"]) if "text" in joint else None)
    def _leaves_to(self, source: YamlSource, path: tuple, raw: dict,
                   later: Later | None) -> tuple[tuple[str, str, str | None], ...]:
        """Words left to another measure: they stand in the text, and the other is a measure of the library."""
        leaves_to = tuple((entry["measure"], entry["words"], entry.get("title")) for entry in raw.get("leaves_to", []))
        wordings = [tidy(raw["text"])] + ([later.text] if later else [])
        for i, (other, words, _) in enumerate(leaves_to):
            self.references.append((source, path + ("leaves_to", i, "measure"), other))
            if other == raw["id"]:
                self.problem(source, path + ("leaves_to", i, "measure"), "leaves_to 指向本措施自身，应写说同一项工作的另一条措施")
            if not any(words in wording for wording in wordings):
                self.problem(source, path + ("leaves_to", i, "words"), f"leaves_to.words “{words}”不在本措施的正文中，无从删去；请照抄正文中的原句（含标点）")
        return leaves_to

    def _later(self, source: YamlSource, path: tuple, raw: dict, params: tuple[str, ...]) -> Later | None:
        later = raw.get("later")
        if not isinstance(later, dict):
            return None
        self._check_text(source, path + ("later", "text"), later["text"], params)
        if ("{deadline}" in later["text"]) != ("deadline" in later):
            self.problem(source, path + ("later", "text"), "later 的正文与其 deadline 不一致：有时限才写 {deadline}")
        return Later(later.get("title"), tidy(later["text"]), later.get("deadline"))
