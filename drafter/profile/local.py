"""The profile's `local` section: the locality's own facts (hazards, zones, rivers, industries…).

Each type is optional; its value is a list of named things, each a name or
{name, kind, detail}. `farmland` may also be `true`. The library's local measures
(library/local_measures.py) name the type they serve and are filled with these names.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..errors import Problem
from .yamlsource import YamlSource, field_name


@dataclass(frozen=True)
class LocalType:
    """One kind of local fact: its key under `local`, its words and an example."""
    key: str
    label: str  # 自然灾害风险
    placeholder: str  # the measure text's {hazard}
    example: str  # 地震, 山洪
    flag: str  # drafter init --hazard


LOCAL_TYPES: dict[str, LocalType] = {t.key: t for t in (
    LocalType("hazards", "主要自然灾害风险", "hazard", "地震、地质灾害、山洪、洪涝、台风、森林草原火灾", "--hazard"),
    LocalType("safety_risks", "重点安全生产风险", "risk", "危化品、矿山、烟花爆竹、燃气", "--safety-risk"),
    LocalType("zones", "开发区和园区", "zone", "某某经济技术开发区、高新区、自贸试验区片区、综合保税区", "--zone"),
    LocalType("heritage", "景区、文物和历史文化名镇", "heritage", "某某古城、某某风景名胜区、某某世界文化遗产、某某全国重点文物保护单位、某某水利风景区", "--heritage"),
    LocalType("red_resources", "红色资源和精神谱系", "red", "焦裕禄精神、红旗渠精神、某某革命旧址、某某烈士陵园", "--red-resource"),
    LocalType("rivers", "河流、流域和灌区", "river", "长江、黄河、某某河、某某灌区", "--river"),
    LocalType("reserves", "国家公园、自然保护区和重点生态功能区", "reserve", "某某国家公园、某某国家级自然保护区、青藏高原", "--reserve"),
    LocalType("farmland", "耕地保护和粮食生产", "farmland", "产粮大县、高标准农田、黑土地", "--farmland"),
    LocalType("ethnic", "民族地区", "ethnic", "某某族聚居区、某某族自治县", "--ethnic"),
    LocalType("border", "边境和口岸", "border", "某某口岸、边境县", "--border"),
    LocalType("big_city", "超大特大城市治理", "big_city", "接诉即办、城市更新、超大城市", "--big-city"),
    LocalType("innovation", "科技创新平台", "innovation", "某某科学城、国家自主创新示范区", "--innovation"),
    LocalType("industries", "本地特色产业", "industry", "花炮、羊绒、锂电", "--industry"),
    LocalType("cooperation", "区域协同", "cooperation", "成渝地区双城经济圈、京津冀、长三角、粤港澳大湾区、某某同城化", "--cooperation"),
    LocalType("platforms", "本地政务服务和社会治理平台", "platform", "某某市政务服务网、某某“一网统管”平台、某某市民热线", "--platform"),
)}

FARMLAND_WORDS = "耕地和粮食生产"  # the farmland name when the profile says only `farmland: true`


# heritage kinds that are titles the name carries: 国家历史文化名城, 历史文化名镇, 中国历史文化名村, 历史文化街区
TITLED = ("名城", "名镇", "名村", "街区")


@dataclass(frozen=True)
class LocalFact:
    """One named local thing: 浏阳经济技术开发区 (kind 国家级经济技术开发区)."""
    type: str
    name: str
    kind: str | None = None
    detail: str | None = None

    @property
    def called(self) -> str:
        """The name as a draft writes it: a 历史文化名城 named by its place alone (景德镇) is written with
        its title (景德镇国家历史文化名城), never “景德镇保护” (s15 r18b)."""
        kind = self.kind or ""
        if self.type == "heritage" and kind.endswith(TITLED) and not any(word in self.name for word in TITLED):
            return self.name + kind
        return self.name

    def matches(self, words: tuple[str, ...]) -> bool:
        """True when any of `words` is in the name, kind or detail (no words: always). A river's
        name inside a longer river's name is another river: 乌江 does not match 义乌江 (a
        tributary of the 钱塘江), though 湘江长沙段 matches 湘江."""
        if not words:
            return True
        other = "".join(part for part in (self.kind, self.detail) if part)
        return any(word in other or _in_name(word, self.name) for word in words)


@dataclass(frozen=True)
class LocalFacts:
    """Every local fact of the profile, in file order."""
    facts: tuple[LocalFact, ...] = ()

    def of(self, kind: str) -> tuple[LocalFact, ...]:
        return tuple(fact for fact in self.facts if fact.type == kind)

    def types(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(fact.type for fact in self.facts))

    def __bool__(self) -> bool:
        return bool(self.facts)


def _thing(kind: str, raw: Any) -> LocalFact | None:
    if isinstance(raw, str) and raw.strip():
        return LocalFact(kind, raw.strip())
    if isinstance(raw, dict) and isinstance(raw.get("name"), str):
        return LocalFact(kind, raw["name"].strip(), raw.get("kind"), raw.get("detail"))
    return None


def freeze_local(raw: Any) -> LocalFacts:
    """The validated `local` mapping as facts; `farmland: true` is one unnamed fact."""
    facts: list[LocalFact] = []
    for kind, value in (raw or {}).items():
        if kind not in LOCAL_TYPES or value in (None, False):
            continue
        if value is True:
            facts.append(LocalFact(kind, FARMLAND_WORDS))
            continue
        items = value if isinstance(value, list) else [value]
        facts += [fact for fact in (_thing(kind, item) for item in items) if fact is not None]
    return LocalFacts(tuple(facts))


def _fix(kind: str) -> str:
    example = LOCAL_TYPES[kind].example.split("、")[:2]
    return f"{kind}: [{', '.join(example)}]，或 {kind}: [{{name: {example[0]}, kind: 类别}}]"


def local_problems(source: YamlSource) -> list[Problem]:
    """What is wrong with `local`, with the fix in words: a value that is not a list of names,
    a name left empty, or `true` where names are wanted."""
    data = source.data if isinstance(source.data, dict) else {}
    local = data.get("local")
    problems: list[Problem] = []

    def problem(path: tuple, message: str) -> None:
        problems.append(Problem(str(source.path), source.line_of(path), field_name(path), message))

    if local is None or not isinstance(local, dict):
        if local is not None:
            problem(("local",), "local 应为键值表：每行一类本地情况，如 hazards: [地震, 山洪]")
        return problems
    for kind, value in local.items():
        path = ("local", kind)
        if kind not in LOCAL_TYPES or value is None:
            continue  # the schema names an unknown type; an empty type is simply absent
        label = LOCAL_TYPES[kind].label
        if isinstance(value, bool):
            if kind != "farmland":
                problem(path, f"{label}（local.{kind}）应列出名称，不能只写 {str(value).lower()}。请写成 {_fix(kind)}")
            continue
        if isinstance(value, (str, int, float)):
            problem(path, f"{label}（local.{kind}）应写成列表，现在是一个单独的值。请写成 {_fix(kind)}")
            continue
        if isinstance(value, dict):
            if kind == "border" and isinstance(value.get("name"), str):
                continue  # border: {name: …} is one place, as the examples write it
            problem(path, f"{label}（local.{kind}）应写成列表，每项一个名称。请写成 {_fix(kind)}")
            continue
        for index, item in enumerate(value if isinstance(value, list) else []):
            if isinstance(item, str) and not item.strip():
                problem(path + (index,), f"{label}（local.{kind}）第 {index + 1} 项是空的，请填写名称或删去这一项")
            elif isinstance(item, dict) and not isinstance(item.get("name"), str):
                problem(path + (index,), f"{label}（local.{kind}）第 {index + 1} 项缺少名称 name，请写成 {{name: 名称, kind: 类别}}")
            elif not isinstance(item, (str, dict)):
                problem(path + (index,), f"{label}（local.{kind}）第 {index + 1} 项应为名称（文字），请写成 {_fix(kind)}")
    return problems


_WATER = ("江", "河", "湖", "海", "溪", "渠")


def _in_name(word: str, name: str) -> bool:
    """`word` in `name`, unless it is the tail of a longer water body's name (义乌江 is not 乌江)."""
    start = name.find(word)
    while start >= 0:
        end = start + len(word)
        tail_of_longer = start > 0 and word.endswith(_WATER) and (end == len(name) or name[end] in "（(，、 ")
        if not tail_of_longer:
            return True
        start = name.find(word, start + 1)
    return False

