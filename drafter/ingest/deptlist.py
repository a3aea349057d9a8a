"""A government's own list of departments (its website's 机构 page, the 三定, a .docx or .xlsx)
→ the library's unit roles. A merged body names several roles: 政务服务和数据管理局 is both
gov_service and data_bureau, 农业农村和水利局 both agriculture and water."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..gazetteer import load_gazetteer
from .reader import IngestError, read_plan

# (words, roles): the longest words are tried first; one name can match several entries.
KEYWORDS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("政务服务和数据管理", "政务服务数据管理", "数据和政务服务", "政务服务和大数据管理", "政务和大数据服务"), ("gov_service", "data_bureau")),
    (("行政审批服务", "行政审批", "政务服务管理", "政务服务局"), ("gov_service",)),
    (("大数据管理", "大数据发展", "数据资源管理", "数据管理", "数据局"), ("data_bureau",)),
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
    (("生态环境",), ("ecology",)),
    (("交通运输", "交通"), ("transport",)),
    (("农业农村", "农业和农村"), ("agriculture",)),
    (("水利", "水务"), ("water",)),
    (("文化广电和旅游", "文化广电旅游", "文化和旅游", "文化旅游", "文旅"), ("culture_tourism",)),
    (("教育",), ("education",)),
    (("民政",), ("civil_affairs",)),
    (("商务",), ("commerce",)),
    (("工业和信息化", "经济和信息化", "经济科技和信息化", "科技和工业信息化", "工业信息化", "科学技术和工业信息化",
      "经济信息化", "科技工业信息化", "工信", "经信", "科工"), ("industry_it",)),
    (("统计",), ("statistics",)),
    (("信访",), ("petition",)),
    (("城市管理", "综合行政执法", "城管"), ("urban_management",)),
    (("税务",), ("tax",)),
    (("融媒体",), ("media_center",)),
    (("人民政府办公室", "政府办公室"), ("gov_office",)),
)
_WORDS = sorted(((word, roles) for words, roles in KEYWORDS for word in words), key=lambda pair: -len(pair[0]))
# List numbering and bullets as pasted: "1.", "（一）", "一、", "·", "-".
_BULLET = re.compile(r"^\s*(?:[0-9０-９]{1,3}[.．、)）]|[（(][一二三四五六七八九十0-9]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|[·•\-–—*])\s*")
_NOT_NAMES = ("机构设置", "政府工作部门", "部门管理机构", "直属事业单位", "直属特设机构", "组成部门", "部门",
              "序号", "名称", "单位名称", "机构名称", "部门名称", "单位")  # a table's headings


@dataclass(frozen=True)
class Department:
    """A name of the list and the roles it names (empty: not mapped)."""
    line: int
    name: str
    roles: tuple[str, ...]


def roles_of(name: str) -> tuple[str, ...]:
    """The roles a department's name names, in the order they appear."""
    if name.lstrip("县区市旗州盟") in ("办公室", "政府办公室"):  # a government's own list: its 办公室 is the government's
        return ("gov_office",)
    text, found = name, []
    for word, roles in _WORDS:
        at = text.find(word)
        if at >= 0:
            found.append((at, roles))
            text = text[:at] + "□" * len(word) + text[at + len(word):]
    return tuple(dict.fromkeys(role for _, roles in sorted(found) for role in roles))


def _names_of_line(line: str) -> list[str]:
    if line.lstrip().startswith("#"):  # a note of the list's source
        return []
    line = _BULLET.sub("", line.strip()).strip()
    line = re.sub(r"[（(][^（）()]*[)）]$", "", line).strip()  # 县科学技术局（县知识产权局）: the brackets name a second sign
    if not line or line.endswith(("：", ":")) or line in _NOT_NAMES or len(line) > 40:
        return []
    return [part.strip() for part in re.split(r"[、，,；;\t]| {2,}", line) if part.strip()]


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
    return departments_of(read_lines(path))


def departments_of(lines: list[tuple[int, str]]) -> list[Department]:
    """Every department name of (line, text) pairs, as read from a file or pasted; duplicates kept once."""
    seen: set[str] = set()
    departments = []
    for number, line in lines:
        for name in _names_of_line(line):
            if name not in seen:
                seen.add(name)
                departments.append(Department(number, name, roles_of(strip_place(name))))
    return departments


def strip_place(name: str) -> str:
    """浏阳市司法局 → 司法局: the place's name is no part of the role (城市管理局 keeps 城市)."""
    gazetteer = load_gazetteer()
    for length in range(min(len(name) - 2, 12), 1, -1):
        if name[:length] in gazetteer.by_name or any(d.short == name[:length] for d in gazetteer.by_name.get(name[:length] + "县", [])):
            return name[length:]
    return name
