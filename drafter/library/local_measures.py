"""The library's local measures (local_measures.yaml): measures a locality's own facts call for.

Each has the fields of a chapter measure plus `serves` (the profile's `local` type it is
for), `topic` (the library topic it goes into) and optionally `when` (words one of which the
fact's name or kind must contain: 长江 for the 长江保护法 measure) or `unless` (words that keep a
fact out: the general safety measure leaves 烟花爆竹 to its own) or `beside` (another local type
the profile must also have, with its words: the 黄河滩区 measure wants a 黄河 river) or `provinces`
(a measure citing a province's own regulation is for that province only). Its text names the
facts through the type's placeholder ({hazard}, {zone}, …). Checked like the chapter files.

Two kinds serve no single type: `serves: areas` draws the locality's key areas from the types
listed in `of` ({areas}: 煤矿安全生产、北汝河管护), for chapters where a plan names them together
(制度建设, 决策目录, 考核督察); `serves: province` needs no local fact, only the province in
`provinces` (the province's own 优化营商环境条例).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import placeholders
from ..errors import Problem, ValidationFailed
from ..profile.local import LOCAL_TYPES
from ..profile.messages import schema_problems
from ..profile.textnorm import tidy
from ..profile.yamlsource import XML_FORBIDDEN, YamlSource, load_yaml
from .model import BasisDocument, Measure, RoleDef

FILE = "local_measures.yaml"
POWERS = ("legislation", "autonomy", "districts", "townships", "streets", "no_legislation")
AREAS, PROVINCE = "areas", "province"
# The placeholder each kind of measure names its facts with; a province measure names the
# province's own regulation ({regulation}: 《河南省优化营商环境条例》), one of its basis documents.
PLACEHOLDERS: dict[str, str | None] = {key: kind.placeholder for key, kind in LOCAL_TYPES.items()} | {
    AREAS: "areas", PROVINCE: "regulation"}


@dataclass(frozen=True)
class LocalRule:
    """A local measure: the measure, the `local` type it serves and the words it wants."""
    measure: Measure
    serves: str
    when: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    beside: tuple[tuple[str, tuple[str, ...]], ...] = ()  # other local types it also needs: (rivers, (黄河,))
    provinces: tuple[str, ...] = ()  # only there: the measure cites that province's own regulation
    of: tuple[str, ...] = ()  # serves areas: the local types whose facts it names, in this order


def local_schema(library_schema: dict[str, Any]) -> dict[str, Any]:
    """The file's schema: a chapter measure's definition with serves, topic and when added."""
    defs = copy.deepcopy(library_schema["$defs"])
    measure = defs["measure"]
    measure["properties"]["id"] = {"type": "string", "pattern": "^local\\.[a-z_]+\\.[a-z0-9_]+$"}
    measure["properties"]["serves"] = {"enum": list(PLACEHOLDERS),
                                       "description": "服务的档案 local 类型；areas 本地重点领域（见 of），province 本省法规（见 provinces）"}
    measure["properties"]["of"] = {"type": "array", "minItems": 1, "items": {"enum": list(LOCAL_TYPES)},
                                   "description": "serves: areas 的措施从这些类型的本地情况写出重点领域"}
    measure["properties"]["topic"] = {"type": "string", "pattern": "^[a-z_]+\\.[a-z_]+$"}
    measure["properties"]["when"] = {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/line"}}
    measure["properties"]["unless"] = {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/line"}}
    measure["properties"]["beside"] = {  # 黄河滩区: a 洪涝 fact and a 黄河 river fact
        "type": "object", "minProperties": 1, "additionalProperties": False,
        "properties": {key: {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/line"}} for key in LOCAL_TYPES},
        "description": "还须档案中另有某类本地情况，其名称或类别含其中某个词",
    }
    measure["properties"]["provinces"] = {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/line"},
                                          "description": "只用于这些省份（措施引用该省的地方性法规）"}
    for key in ("params", "until", "later"):  # no figures of their own, no 2021–2025 wording
        measure["properties"].pop(key, None)
    measure["required"] = list(measure["required"]) + ["serves", "topic"]
    return {
        "$schema": library_schema.get("$schema"), "type": "object", "additionalProperties": False,
        "required": ["measures"],
        "properties": {"measures": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/measure"}}},
        "$defs": defs,
    }


def load_local_measures(directory: Path, library_schema: dict[str, Any], topics: dict[str, str],
                        roles: dict[str, RoleDef], documents: dict[str, BasisDocument]) -> tuple[LocalRule, ...]:
    """`topics`: topic id → chapter id. Every problem of the file is reported at once."""
    path = directory / FILE
    if not path.exists():
        return ()
    source = load_yaml(path, "措施库文件")
    problems = schema_problems(source, local_schema(library_schema))
    if problems:
        raise ValidationFailed(problems)
    checker = _Checker(source, topics, roles, documents)
    rules = tuple(checker.rule(index, raw) for index, raw in enumerate(source.data["measures"]))
    if checker.problems:
        raise ValidationFailed(checker.problems)
    return rules


class _Checker:
    def __init__(self, source: YamlSource, topics: dict[str, str], roles: dict[str, RoleDef],
                 documents: dict[str, BasisDocument]) -> None:
        self.source, self.topics, self.roles, self.documents = source, topics, roles, documents
        self.problems: list[Problem] = []
        self.ids: set[str] = set()

    def problem(self, path: tuple, message: str) -> None:
        field = ".".join(str(part) for part in path)
        self.problems.append(Problem(str(self.source.path), self.source.line_of(path), field, message))

    def text(self, path: tuple, text: str, serves: str, params: tuple[str, ...]) -> None:
        if XML_FORBIDDEN.search(text):
            self.problem(path, "含有 XML 不允许的控制字符")
        own = PLACEHOLDERS[serves]
        for name in placeholders.names(text):
            if name.startswith("role:"):
                if name[5:] not in self.roles:
                    self.problem(path, f"未知的单位角色占位符 {{{name}}}")
            elif name not in placeholders.FIXED and name not in params and name != own:
                self.problem(path, f"占位符 {{{name}}} 既不是固定占位符，也不是本措施服务的本地类型的占位符"
                                   + (f" {{{own}}}" if own else "（本省措施没有本地名称占位符）"))

    def provinces_of(self, raw: dict) -> tuple[str, ...]:
        """A province measure's provinces: as written, else those of its provincial basis documents
        (the 优化营商环境条例 measure lists each province's regulation once, in basis)."""
        if raw.get("provinces"):
            return tuple(raw["provinces"])
        found = (self.documents[key].province for key in raw.get("basis", []) if key in self.documents)
        return tuple(dict.fromkeys(province for province in found if province))

    def one_per_province(self, path: tuple, basis: list[str], provinces: tuple[str, ...]) -> None:
        """A province measure's basis holds, for each of its provinces, that province's regulation."""
        for province in provinces:
            own = [key for key in basis if key in self.documents and self.documents[key].province == province]
            if len(own) != 1:
                self.problem(path + ("basis",), f"{province}应在 basis 中有且只有一件本省的已登记文件（现有 {len(own)} 件），"
                                                "正文的 {regulation} 写作它的书名")

    def rule(self, index: int, raw: dict) -> LocalRule:
        path = ("measures", index)
        serves = raw["serves"]
        if not raw["id"].startswith(f"local.{serves}."):
            self.problem(path + ("id",), f"本地措施编号应以 local.{serves}. 开头")
        if raw["id"] in self.ids:
            self.problem(path + ("id",), f"措施编号 {raw['id']} 重复")
        self.ids.add(raw["id"])
        if raw["topic"] not in self.topics:
            self.problem(path + ("topic",), f"未知的专题 {raw['topic']}")
        params: tuple[str, ...] = ()
        for key in ("title", "text"):
            self.text(path + (key,), raw[key], serves, params)
        own = PLACEHOLDERS[serves]
        if own and "{" + own + "}" not in raw["text"]:
            self.problem(path + ("text",), f"正文应含 {{{own}}}，写入档案中的本地名称")
        if (serves == AREAS) != ("of" in raw):
            self.problem(path + ("of",), "serves: areas 的措施必须写 of（从哪些本地类型写出重点领域），其他措施不写 of")
        if serves == PROVINCE and not self.provinces_of(raw):
            self.problem(path + ("provinces",), "serves: province 的措施必须写 provinces（只用于哪些省份）")
        for key in ("lead", "partners"):
            for i, role in enumerate(raw.get(key, [])):
                if role not in self.roles:
                    self.problem(path + (key, i), f"未知的单位角色 {role}")
        for i, key in enumerate(raw.get("basis", [])):
            if key not in self.documents:
                self.problem(path + ("basis", i), f"依据文件 {key} 不在 documents.yaml 登记表中")
        if not raw["sources"] and not raw.get("basis"):
            self.problem(path + ("sources",), "措施既没有来源方案（sources），也没有依据文件（basis）")
        deadline = raw.get("deadline")
        if deadline is not None and "{deadline}" not in raw["text"]:
            self.problem(path + ("text",), "设了完成时限（deadline），正文中却没有 {deadline}")
        for i, power in enumerate(raw.get("requires", [])):
            if power not in POWERS:
                self.problem(path + ("requires", i), f"未知的权限 {power}，可选：{'、'.join(POWERS)}")
        milestone = raw.get("milestone")
        if milestone is not None and (deadline is not None or milestone["before"] not in raw["text"]):
            self.problem(path + ("milestone",), "milestone 不能与 deadline 同写，其 before 须是正文中的字句")
        measure = Measure(
            milestone=(milestone["kind"], milestone["before"]) if milestone else None,
            id=raw["id"], chapter=self.topics.get(raw["topic"], ""), topic=raw["topic"], title=raw["title"],
            text=tidy(raw["text"]), lead=tuple(raw["lead"]), partners=tuple(raw.get("partners", [])),
            deadline=deadline, params=params, levels=frozenset(raw.get("levels", ["city", "county"])),
            sources=tuple(raw["sources"]), basis=tuple(raw.get("basis", [])),
            requires=frozenset(raw.get("requires", [])), key=bool(raw.get("key", False)), since=raw.get("since"),
        )
        beside = tuple((kind, tuple(words)) for kind, words in raw.get("beside", {}).items())
        provinces = self.provinces_of(raw) if serves == PROVINCE else tuple(raw.get("provinces", []))
        for i, key in enumerate(raw.get("basis", [])):
            document = self.documents.get(key)
            if document is not None and document.scope == "province" and document.province not in provinces:
                self.problem(path + ("basis", i), f"依据 {key} 是{document.province}的文件，措施应写 provinces: [{document.province}]")
        if serves == PROVINCE:
            self.one_per_province(path, raw.get("basis", []), provinces)
        return LocalRule(measure, serves, tuple(raw.get("when", [])), tuple(raw.get("unless", [])), beside, provinces,
                         tuple(raw.get("of", [])))
