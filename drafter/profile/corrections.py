"""Values written not quite as the schema wants but with one meaning: corrected, with a 提示.

The rule (README, “写法不标准但意思唯一的”): a value whose meaning is unique is read as meant
and the user is told how it was read (浙江 → 浙江省, 长沙 → 长沙市, 县级市 → county_city,
标准 → standard, 司法局、财政局 → two items, 放管服 → functions.streamlining, 县司法局 → justice:
unitnames.py); one with
several meanings is refused with the choices (checks.py), and so is one that would mean
something else than written (deadline: 2028 is the 3rd year, not a year: checks.py).
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from ..library.model import Library
from ..library.topicnames import by_title
from .levels import LEVELS, parse_level
from .places import _SHORT as SHORT_PROVINCES
from .places import PROVINCES, full_city
from .unitnames import UnitNames

DETAIL_WORDS = {
    "compact": ("简本", "精简", "简要", "简略", "核心", "简"),
    "standard": ("标准", "标准本", "常规", "一般", "默认"),
    "full": ("全部", "完整", "全本", "全", "所有", "完整版"),
}
_DETAIL = {word: key for key, words in DETAIL_WORDS.items() for word in words}
_SEPARATORS = re.compile(r"\s*[、，,；;]\s*")

Path = tuple[Any, ...]


def _table(value: Any) -> dict[str, Any] | None:
    return value if isinstance(value, dict) else None


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _measures(data: dict[str, Any]) -> Iterator[tuple[Path, dict[str, Any]]]:
    """Every measure of the profile that names roles and a topic, with its field path."""
    for index, measure in enumerate(_list(data.get("initiatives"))):
        if isinstance(measure, dict):
            yield ("initiatives", index), measure
    for c, chapter in enumerate(_list(data.get("chapters"))):
        for t, topic in enumerate(_list((_table(chapter) or {}).get("topics"))):
            for m, measure in enumerate(_list((_table(topic) or {}).get("measures"))):
                if isinstance(measure, dict):
                    yield ("chapters", c, "topics", t, "measures", m), measure
    for measure_id, measure in (_table((_table(data.get("selection")) or {}).get("replace")) or {}).items():
        if isinstance(measure, dict):
            yield ("selection", "replace", measure_id), measure


def _split(value: str) -> list[str] | None:
    parts = [part for part in _SEPARATORS.split(value.strip()) if part]
    return parts if len(parts) > 1 else None


def correct(data: Any, library: Library) -> list[tuple[Path, str]]:
    """Rewrite in place the values with one clear meaning; (field path, how it was read) for each."""
    notes: list[tuple[Path, str]] = []
    if not isinstance(data, dict):
        return notes
    place = _table(data.get("jurisdiction"))
    if place is not None:
        province = place.get("province")
        if isinstance(province, str) and province.strip() in SHORT_PROVINCES:  # 浙江, 内蒙古; not 浙江省份
            place["province"] = SHORT_PROVINCES[province.strip()]
            notes.append((("jurisdiction", "province"), f"“{province}”已按全称 {place['province']} 读取（省名要写全称）"))
        city = place.get("city")
        known = place.get("province") if place.get("province") in PROVINCES else None
        if isinstance(city, str) and full_city(city, known):
            place["city"] = full_city(city, known)
            notes.append((("jurisdiction", "city"), f"“{city}”已按全称 {place['city']} 读取（上级市要写全称）"))
        level = place.get("level")
        if isinstance(level, str) and level not in LEVELS and parse_level(level):
            found = parse_level(level)
            place["level"] = found.key  # type: ignore[union-attr]
            notes.append((("jurisdiction", "level"), f"“{level}”已按 {found.key}（{found.label}）读取"))  # type: ignore[union-attr]
    selection = _table(data.get("selection"))
    detail = selection.get("detail") if selection is not None else None
    if isinstance(detail, str) and detail.strip() in _DETAIL:
        selection["detail"] = _DETAIL[detail.strip()]  # type: ignore[index]
        notes.append((("selection", "detail"), f"“{detail}”已按 {_DETAIL[detail.strip()]} 读取（详略写 compact、standard 或 full）"))
    names = None
    for path, measure in _measures(data):
        for key in ("lead", "partners"):
            notes += _role_list(measure, key, path + (key,))
            if any(isinstance(item, str) and not item.isascii() for item in _list(measure.get(key))):
                names = names or UnitNames(library, data)
                notes += _role_names(measure[key], names, library, _table(data.get("local_units")) or {}, path + (key,))
        topic = measure.get("topic")
        if isinstance(topic, str) and not topic.isascii() and len(by_title(library, topic)) == 1:
            measure["topic"] = by_title(library, topic)[0]
            notes.append((path + ("topic",), f"“{topic}”已按专题 {measure['topic']} 读取（topic 写专题编号）"))
    return notes


def _role_list(measure: dict[str, Any], key: str, path: Path) -> list[tuple[Path, str]]:
    """`lead: 司法局、财政局` or `lead: [司法局、财政局]`: one item per unit."""
    value = measure.get(key)
    if isinstance(value, str) and _split(value):
        measure[key] = _split(value)
        return [(path, f"“{value}”已按 {len(measure[key])} 项读取：{'、'.join(measure[key])}（列表写成 [甲, 乙]）")]
    if not isinstance(value, list) or not any(isinstance(item, str) and _split(item) for item in value):
        return []
    notes, items = [], []
    for item in value:
        parts = _split(item) if isinstance(item, str) else None
        if parts:
            notes.append((path, f"“{item}”已按 {len(parts)} 项读取：{'、'.join(parts)}（列表各项用英文逗号分开，如 [甲, 乙]）"))
        items += parts or [item]
    measure[key] = items
    return notes


def _role_names(items: list[Any], names: UnitNames, library: Library, local_units: dict[str, Any],
                path: Path) -> list[tuple[Path, str]]:
    """`lead: [县司法局]`: a unit's name that means one role, read as that role's key."""
    notes = []
    for index, item in enumerate(items):
        if not isinstance(item, str) or item in library.roles or item in local_units:
            continue
        found = names.roles(item)
        if len(found) == 1 and found[0] not in items:  # a second name of a listed role: checks.py refuses it
            key = found[0]
            label = library.roles[key].label if key in library.roles else f"本地单位 {local_units.get(key)}"
            items[index] = key
            notes.append((path + (index,), f"“{item}”已按单位角色 {key}（{label}）读取（牵头和责任单位写角色键，"
                                           "drafter units 列出全部角色）"))
    return notes
