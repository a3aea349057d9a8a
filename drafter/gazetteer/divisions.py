"""China's province-, prefecture- and county-level divisions (data/divisions.tsv).

The file's header says where the list came from and as of when; every division carries
both, and a row that breaks the format is refused with its line, as a profile's would be.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import Problem, ValidationFailed

DATA = Path(__file__).resolve().parent / "data"

PROVINCE_TYPES = ("省", "自治区", "直辖市", "特别行政区")
PREFECTURE_TYPES = ("地级市", "自治州", "地区", "盟")
COUNTY_TYPES = ("市辖区", "县", "县级市", "自治县", "旗", "自治旗", "林区", "特区")
# The profile level each type is drafted as (林区 and 特区 are drafted as districts; 地区 has no government
# of its own, so no level).
LEVEL_OF_TYPE = {
    "地级市": "prefecture_city", "自治州": "autonomous_prefecture", "盟": "league",
    "市辖区": "district", "县": "county", "县级市": "county_city", "自治县": "autonomous_county",
    "旗": "banner", "自治旗": "autonomous_banner", "林区": "district", "特区": "district",
}
FIELDS = ("code", "name", "short", "type", "parent")


@dataclass(frozen=True)
class Division:
    """One administrative division, with where its record came from."""
    code: str  # 6 digits, 民政部 code
    name: str  # 浏阳市
    short: str  # 浏阳
    type: str  # 县级市
    parent: str | None  # the parent's code; None for a province
    source: str
    as_of: str

    @property
    def tier(self) -> str:
        if self.type in PROVINCE_TYPES:
            return "province"
        return "prefecture" if self.type in PREFECTURE_TYPES else "county"

    @property
    def level(self) -> str | None:
        return LEVEL_OF_TYPE.get(self.type)


@dataclass(frozen=True)
class Place:
    """A division with its province and prefecture resolved."""
    division: Division
    province: str
    city: str | None  # None for a province, a prefecture itself, or a county under its province directly

    @property
    def where(self) -> str:
        return "".join(part for part in (self.province, self.city) if part and part != self.division.name)


class Gazetteer:
    """Divisions by code and by name."""

    def __init__(self, divisions: list[Division]) -> None:
        self.by_code = {d.code: d for d in divisions}
        self.by_name: dict[str, list[Division]] = {}
        for division in divisions:
            self.by_name.setdefault(division.name, []).append(division)

    def __iter__(self):
        return iter(self.by_code.values())

    def place(self, division: Division) -> Place:
        chain = [division]
        while chain[-1].parent and chain[-1].parent in self.by_code:
            chain.append(self.by_code[chain[-1].parent])
        province = chain[-1].name
        prefecture = next((d.name for d in chain[1:] if d.tier == "prefecture"), None)
        return Place(division, province, prefecture)

    def places(self, name: str) -> list[Place]:
        """Every division of that full name (朝阳区: Beijing's and Changchun's)."""
        return [self.place(d) for d in self.by_name.get(name.strip(), [])]

    def names(self) -> set[str]:
        return set(self.by_name)


def _problem(path: Path, line: int, message: str) -> Problem:
    return Problem(str(path), line, "", message)


def read_divisions(path: Path) -> list[Division]:
    """Every row of a divisions file; every problem at once."""
    header: dict[str, str] = {}
    rows: list[tuple[int, list[str]]] = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if line.startswith("#"):
            key, _, value = line[1:].strip().partition(":")
            if key in ("source", "as_of"):
                header[key] = value.strip()
        elif line.strip():
            rows.append((number, line.split("\t")))
    problems = [_problem(path, 1, f"文件头缺少“# {key}: …”（{word}），区划数据必须写明出处和日期")
                for key, word in (("source", "来源"), ("as_of", "截至日期")) if not header.get(key)]
    divisions: list[Division] = []
    codes: set[str] = set()
    for number, cells in rows:
        if len(cells) != len(FIELDS):
            problems.append(_problem(path, number, f"应有 {len(FIELDS)} 列（{'、'.join(FIELDS)}），现在有 {len(cells)} 列"))
            continue
        code, name, short, kind, parent = (cell.strip() for cell in cells)
        if not (len(code) == 6 and code.isdigit()) or code in codes:
            problems.append(_problem(path, number, f"区划代码 {code} 应为 6 位数字且不重复"))
        if kind not in PROVINCE_TYPES + PREFECTURE_TYPES + COUNTY_TYPES:
            problems.append(_problem(path, number, f"未知的区划类型 {kind}"))
        if not name or not short:
            problems.append(_problem(path, number, "名称和简称不能为空"))
        codes.add(code)
        divisions.append(Division(code, name, short, kind, parent or None, header.get("source", ""),
                                  header.get("as_of", "")))
    problems += [_problem(path, 0, f"{d.name}（{d.code}）的上级代码 {d.parent} 不在文件中")
                 for d in divisions if d.parent and d.parent not in codes]
    if problems:
        raise ValidationFailed(problems)
    return divisions


@lru_cache(maxsize=2)
def load_gazetteer(path: Path = DATA / "divisions.tsv") -> Gazetteer:
    """The gazetteer, kept in the user's cache keyed by the file's bytes and this module's code
    (reading and checking 3,212 rows took ~60 ms of every cold start)."""
    import hashlib

    from ..library.cache import remembered

    digest = hashlib.sha256(path.read_bytes() + Path(__file__).read_bytes()).hexdigest()[:24]
    return remembered(f"gazetteer-{digest}", lambda: Gazetteer(read_divisions(path)), Gazetteer)
