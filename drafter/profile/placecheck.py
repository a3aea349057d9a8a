"""A profile's name, level, province and city against the gazetteer: 浏阳市 is a 县级市 of
长沙市, 湖南省, so `level: county` or `province: 湖北省` is refused with the fix.

A name the gazetteer does not know (a new area, a development zone's committee) is not checked.
"""

from __future__ import annotations

from typing import Any

from ..gazetteer import load_gazetteer
from ..gazetteer.divisions import Place
from .levels import LEVELS, parse_level


def where(place: Place) -> str:
    """湖南省长沙市 / 北京市 / 河南省（省直辖）."""
    if place.city:
        return f"{place.province}{place.city}"
    if place.division.tier == "county" and place.province.endswith(("省", "自治区")):
        return f"{place.province}（省直辖）"
    return place.province


def candidates(places: list[Place]) -> str:
    """“北京市朝阳区、吉林省长春市朝阳区”."""
    return "、".join(f"{where(p)}{p.division.name}" for p in places)


def _level_word(key: str) -> str:
    level = LEVELS.get(key)
    return f"{level.label}（{key}）" if level else key


def _city_problems(name: str, city: Any, places: list[Place]) -> list[tuple[tuple, str]]:
    if not (isinstance(city, str) and city.strip()) or any(p.city == city.strip() for p in places):
        return []
    if {p.city for p in places} == {None}:
        fix = "请删去 city（直辖市的区县、省直辖的县级市和地级市本身都不填上级市）"
    elif len(places) == 1:
        fix = f"请把 city 改为 {places[0].city}"
    else:
        fix = f"同名的有 {candidates(places)}，请写其中之一的上级市"
    return [(("jurisdiction", "city"), f"{name} 不属于 {city.strip()}，它在{'、'.join(where(p) for p in places)}；{fix}")]


def place_problems(jurisdiction: dict[str, Any]) -> list[tuple[tuple, str]]:
    """(field path, message) for every field that contradicts the gazetteer."""
    name = jurisdiction.get("name")
    if not isinstance(name, str):
        return []
    places = load_gazetteer().places(name)
    if not places:
        return []
    found: list[tuple[tuple, str]] = []
    province, city = jurisdiction.get("province"), jurisdiction.get("city")
    if isinstance(province, str) and province.strip():
        in_province = [p for p in places if p.province == province.strip()]
        if not in_province:
            if len(places) == 1:
                message = f"{name} 在{where(places[0])}，不在 {province.strip()}；请把 province 改为 {places[0].province}"
            else:
                message = f"{name} 不在 {province.strip()}：同名的有 {candidates(places)}，请写其中之一所在的省"
            found.append((("jurisdiction", "province"), message))
        else:
            places = in_province
            found += _city_problems(name, city, places)
    level = jurisdiction.get("level")
    parsed = parse_level(level) if isinstance(level, str) else None
    kinds = {p.division.level for p in places if p.division.level}
    if parsed is not None and kinds and parsed.key not in kinds:
        right = sorted(kinds)[0]
        division = places[0].division
        found.append((("jurisdiction", "level"),
                      f"{name} 是{division.type}，层级应为 {_level_word(right)}，不是 {_level_word(parsed.key)}"
                      f"（否则全文会写成“全{parsed.prefix}”“{parsed.prefix}司法局”）；请把 level 改为 {right}"))
    return found
