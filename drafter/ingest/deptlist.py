"""A government's own list of departments (its website's 机构 page, the 三定, a .docx or .xlsx)
→ the library's unit roles. A merged body names several roles: 政务服务和数据管理局 is both
gov_service and data_bureau, 农业农村和水利局 both agriculture and water."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence
from pathlib import Path

from ..gazetteer import load_gazetteer
from .reader import IngestError, read_plan

# (words, roles): the longest words are tried first; one name can match several entries.
KEYWORDS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("政务服务和数据管理", "政务服务数据管理", "数据和政务服务", "政务服务和大数据管理", "政务和大数据服务"), ("gov_service", "data_bureau")),
    (("行政审批服务", "行政审批", "政务服务管理", "政务服务局"), ("gov_service",)),
    (("大数据管理", "大数据发展", "数据资源管理", "数据管理", "大数据局", "数据局"), ("data_bureau",)),
    (("发展和改革", "发展改革", "发改"), ("development_reform",)),
    (("司法",), ("justice",)),
    (("市场监督管理", "市场监管"), ("market_regulation",)),
    (("财政",), ("finance",)),
    (("审计",), ("audit",)),
    (("应急管理",), ("emergency",)),
    (("卫生健康", "卫生和健康", "卫健"), ("health",)),
    (("公安",), ("public_security",)),
    (("人力资源和社会保障", "人力资源社会保障", "人社"), ("human_resources",)),
    (("住房和城乡建设", "住房城乡建设", "住房和城乡规划建设", "城乡建设", "住建", "建设局"), ("housing",)),
    (("规划和自然资源", "自然资源和规划", "自然资源"), ("natural_resources",)),
    (("生态环境", "环境保护"), ("ecology",)),  # 阜宁县环境保护局 (a 2019 list): the bureau before its 2019 renaming
    (("交通运输", "交通"), ("transport",)),
    (("农业农村", "农业和农村"), ("agriculture",)),
    (("水利", "水务"), ("water",)),
    (("文化广电体育和旅游", "文化广播电视体育和旅游", "文化广播电视和旅游", "文化体育和旅游", "文化广电和旅游",
      "文化广电旅游", "文化和旅游", "文化旅游", "文旅"), ("culture_tourism",)),
    (("教育",), ("education",)),
    (("民政",), ("civil_affairs",)),
    (("商务",), ("commerce",)),
    (("工业和信息化", "经济和信息化", "经济科技和信息化", "科技和工业信息化", "工业信息化", "科学技术和工业信息化",
      "经济信息化", "科技工业信息化", "工信", "经信", "科工"), ("industry_it",)),
    (("统计",), ("statistics",)),
    (("信访",), ("petition",)),
    (("退役军人事务", "退役军人"), ("veterans",)),
    (("民族宗教事务", "民族宗教", "民宗"), ("ethnic_affairs",)),  # 阜宁县民族宗教事务局
    (("机构编制委员会办公室", "机构编制", "编委办", "编办"), ("staffing",)),  # 阜宁县委机构编制委员会办公室
    (("人民法院",), ("court",)),
    (("人民检察院",), ("procuratorate",)),
    (("城市管理", "综合行政执法", "综合执法", "城管"), ("urban_management",)),
    (("税务",), ("tax",)),
    (("融媒体",), ("media_center",)),
    (("人民政府办公室", "政府办公室"), ("gov_office",)),
    (("黄河河务", "长江河务", "河务"), ("river_affairs",)),  # 兰考黄河河务局: 黄委系统的垂直机构
)
_WORDS = sorted(((word, roles) for words, roles in KEYWORDS for word in words), key=lambda pair: -len(pair[0]))
# The many ways a merged body of culture and tourism is named (文化广电旅游体育局, 文化旅游广电体育局,
# 文化广电体育和旅游局 …, seen on county pages as of 2026-12-01: app.linying.quhuadiming.cn/map/detail/15401
# 临颍县文化广电旅游局, pywgx.puyang.gov.cn/view.asp?id=2234 范县文化广电旅游体育局, hnggwhy.wentiyun.cn 县文化旅游
# 广电体育局), and of economy and informatisation: any 文化…旅游 or 经济…信息化 within one body's name.
_PATTERNS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"文[化体][^□局委办会]{0,10}?旅游"), ("culture_tourism",)),
    (re.compile(r"(?:经济|工业|科技|科学技术)[^□局委办会]{0,6}?信息化"), ("industry_it",)),
)
# A development zone's committee (经济技术开发区管理委员会, 高新区管委会, 产业集聚区管理委员会).
_ZONE_COMMITTEE = re.compile(r"(?:开发区|园区|集聚区|高新区|新区|示范区|试验区|合作区)(?:管理委员会|管委会)$")
# A word names the body only where it begins one: at the start, after 和/与/及/、, after the level's word
# (县民政局), after a party committee's 委 (县委机构编制委员会办公室) or after another body's word
# (住房城乡建设交通运输局) — never inside 人民政府 (民政).
_STARTS = "和与及、□县区市旗州盟委"
# The last word of a body's name (局、委员会、办公室 …); a line without one is no department.
SUFFIXES = ("局", "委员会", "委", "办公室", "办", "室", "中心", "队", "院", "所", "站", "会", "馆", "部", "社", "厅",
            "处", "署", "行", "团", "校", "台")
# A line that ends so is a heading of the list (都江堰市人民政府工作部门、直属事业单位、其他单位).
HEADINGS = ("工作部门", "组成部门", "直属机构", "部门管理机构", "直属事业单位", "事业单位", "直属特设机构", "特设机构",
            "议事协调机构", "派出机构", "其他单位", "其他机构", "机构设置", "机构", "部门", "单位", "序号", "名称")
# List numbering and bullets as pasted: "1.", "（一）", "一、", "·", "-".
_BULLET = re.compile(r"^\s*(?:[0-9０-９]{1,3}[.．、)）]|[（(][一二三四五六七八九十0-9]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|[·•\-–—*])\s*")


@dataclass(frozen=True)
class Department:
    """A name of the list and the roles it names (empty: not mapped)."""
    line: int
    name: str
    roles: tuple[str, ...]


@dataclass(frozen=True)
class Skipped:
    """A line of the list that is no department's name: a heading, or words without 局、委、办…"""
    line: int
    text: str
    heading: bool


@dataclass(frozen=True)
class DepartmentList:
    """What a list gave: its departments, and the lines skipped as headings or not names."""
    departments: tuple[Department, ...]
    skipped: tuple[Skipped, ...]


def body_of(name: str) -> str:
    """成都市都江堰生态环境局 → 生态环境局: every place's name in front taken off (the role is in the rest)."""
    while True:
        rest = strip_place(name)
        if rest == name:
            return name
        name = rest


def _found(text: str, at: int) -> bool:
    return at == 0 or text[at - 1] in _STARTS


def roles_of(name: str) -> tuple[str, ...]:
    """The roles a department's name names, in the order they appear: each word where it begins a
    word of the body's name (县民政局, 农业农村和水利局), never inside another (人民政府)."""
    name = body_of(name)
    if _ZONE_COMMITTEE.search(name):  # 兰考经济技术开发区管理委员会: the zone's own committee
        return ("zone_committee",)
    if name.lstrip("县区市旗州盟") in ("办公室", "政府办公室"):  # a government's own list: its 办公室 is the government's
        return ("gov_office",)
    text, found = name, []
    for word, roles in _WORDS:
        at = text.find(word)
        while at >= 0 and not _found(text, at):
            at = text.find(word, at + 1)
        if at >= 0:
            found.append((at, roles))
            text = text[:at] + "□" * len(word) + text[at + len(word):]
    for pattern, roles in _PATTERNS:
        for match in pattern.finditer(text):
            if _found(text, match.start()):
                found.append((match.start(), roles))
                text = text[:match.start()] + "□" * len(match.group()) + text[match.end():]
                break
    return tuple(dict.fromkeys(role for _, roles in sorted(found) for role in roles))


def _is_heading(text: str) -> bool:
    return text.endswith(("：", ":")) or text.rstrip("：:").endswith(HEADINGS)


def _names_of_line(line: str) -> tuple[list[str], bool]:
    """The names of one line, and whether the line's words are a heading; [] and False for a note or
    a blank line."""
    if line.lstrip().startswith("#"):  # a note of the list's source
        return [], False
    line = _BULLET.sub("", line.strip()).strip()
    line = re.sub(r"[（(][^（）()]*[)）]$", "", line).strip()  # 县科学技术局（县知识产权局）: the brackets name a second sign
    if not line:
        return [], False
    if _is_heading(line) or len(line) > 40:
        return [line.rstrip("：:")], True
    return [part.strip() for part in re.split(r"[、，,；;\t]| {2,}", line) if part.strip()], False


def read_lines(path: Path) -> list[tuple[int, str]]:
    """(line, name) from a .txt/.md/.docx (one a line) or an .xlsx (every text cell)."""
    if path.suffix.lower() == ".xlsx":
        try:
            from openpyxl import load_workbook

            book = load_workbook(path, read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds for a damaged file
            raise IngestError(f"无法读取 Excel 文件 {path}：{type(error).__name__}。请确认是 .xlsx 文件，或另存为 .txt（一行一个单位）。") from None
        cells = [str(cell) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
                 for cell in row if isinstance(cell, str)]
        return list(enumerate(cells, 1))
    return list(enumerate(read_plan(path).splitlines(), 1))


def read_departments(path: Path) -> list[Department]:
    """Every department name of the file, mapped to roles; duplicates kept once."""
    return list(read_list(path).departments)


def read_list(path: Path) -> DepartmentList:
    """The file's departments and the lines skipped (headings, words that name no body)."""
    return list_of(read_lines(path))


def departments_of(lines: list[tuple[int, str]]) -> list[Department]:
    """Every department name of (line, text) pairs, as read from a file or pasted; duplicates kept once."""
    return list(list_of(lines).departments)


def list_of(lines: list[tuple[int, str]]) -> DepartmentList:
    """The departments of (line, text) pairs and the lines skipped: a heading (都江堰市人民政府工作部门、
    其他单位) or a name without 局、委、办、中心… is reported, never mapped."""
    seen: set[str] = set()
    departments, skipped = [], []
    for number, line in lines:
        names, heading = _names_of_line(line)
        for name in names:
            if heading or not name.endswith(SUFFIXES):
                skipped.append(Skipped(number, name, heading))
            elif name not in seen:
                seen.add(name)
                departments.append(Department(number, name, roles_of(name)))
    return DepartmentList(tuple(departments), tuple(skipped))


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Every division's full and short name (浏阳市, 浏阳; 都江堰市, 都江堰)."""
    gazetteer = load_gazetteer()
    return frozenset(gazetteer.by_name) | frozenset(d.short for d in gazetteer if len(d.short) >= 2)


def strip_place(name: str) -> str:
    """浏阳市司法局 → 司法局, 都江堰生态环境局 → 生态环境局: the place's name is no part of the role
    (城市管理局 keeps 城市)."""
    names = _place_names()
    for length in range(min(len(name) - 3, 12), 1, -1):  # 公安分局 is no 分局 of 公安县: the rest keeps three
        if name[:length] in names:
            return name[length:]
    return name


SHOWN = 10  # skipped lines named; an Excel sheet's other cells (地址、电话) can be many


def skipped_text(skipped: Sequence[Skipped]) -> str:
    """都江堰市人民政府工作部门（第 1 行，标题）、以上共 35 个（第 41 行）; the first ten of a long list."""
    shown = "、".join(f"{item.text}（第 {item.line} 行{'，标题' if item.heading else ''}）" for item in skipped[:SHOWN])
    return shown + (f"等 {len(skipped)} 处" if len(skipped) > SHOWN else "")


def skipped_note(skipped: Sequence[Skipped]) -> str:
    """For a list that gave no department: what was read and skipped, and why."""
    return f"{skipped_text(skipped)}不是单位名称，已跳过；" if skipped else ""
