"""Accept what people type where the meaning is clear: 2026年, 二〇二六, 2026/6/30, 县级市, 95%.

normalise() rewrites such values of a loaded profile into the one form the schema and the
planner expect, before validation; anything not clearly meant is left for the checks to
explain.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from ..library.model import Library
from .levels import parse_level

_CHINESE_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "Ｏ": 0}
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_CHINESE_DATE = re.compile(r"^(.{4})年(.{1,3})月(.{1,3})日$")


def _plain(text: str) -> str:
    """Full-width digits and punctuation as ASCII (２０２６ → 2026), spaces trimmed."""
    return unicodedata.normalize("NFKC", text).strip()


def _small_chinese_number(text: str) -> int | None:
    """一 … 三十一, as in 十二月一日."""
    if text and all(char in _CHINESE_DIGITS for char in text):
        return int("".join(str(_CHINESE_DIGITS[char]) for char in text))
    if text.count("十") == 1:
        tens, ones = text.split("十")
        high = _small_chinese_number(tens) if tens else 1
        low = _small_chinese_number(ones) if ones else 0
        if high is not None and low is not None and high < 10 and low < 10:
            return high * 10 + low
    return None


def parse_year(value: Any) -> int | None:
    """2026, 2026.0, "2026", "2026年", "二〇二六", "２０２６年" → 2026; anything else → None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() and abs(value) < 10_000 else None
    if not isinstance(value, str):
        return None
    text = _plain(value).removesuffix("年").strip()
    if re.fullmatch(r"\d{4}", text):
        return int(text)
    if len(text) == 4 and all(char in _CHINESE_DIGITS for char in text):
        return int("".join(str(_CHINESE_DIGITS[char]) for char in text))
    return None


def parse_date(value: Any) -> str | None:
    """2026年12月1日, 2026/06/30, 2026-6-30, 2026.6.30, 二〇二六年十二月一日 → 2026-12-01 form.

    The result is only reformatted, not checked: 2026年2月30日 → 2026-02-30."""
    if not isinstance(value, str):
        return None
    text = re.sub(r"\s+", "", _plain(value))
    match = _DATE.match(text)
    if match:
        year, month, day = (int(part) for part in match.groups())
    else:
        match = _CHINESE_DATE.match(text)
        if not match:
            return None
        year_, month_, day_ = parse_year(match.group(1)), _small_chinese_number(match.group(2)), _small_chinese_number(match.group(3))
        if year_ is None or month_ is None or day_ is None:
            return None
        year, month, day = year_, month_, day_
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_number(value: Any, unit: str) -> int | float | None:
    """A target typed with its unit: "95%", "95％", "60学时" → the number; else None."""
    if not isinstance(value, str):
        return None
    text = _plain(value)
    for suffix in (unit, "%") if unit else ():
        text = text.removesuffix(suffix).strip()
    if re.fullmatch(r"\d{1,6}", text):
        return int(text)
    if re.fullmatch(r"\d{1,6}\.\d{1,3}", text):
        return float(text)
    return None


def _table(data: Any, *keys: str) -> dict[str, Any] | None:
    for key in keys:
        data = data.get(key) if isinstance(data, dict) else None
    return data if isinstance(data, dict) else None


def normalise(data: Any, library: Library) -> Any:
    """The profile with clearly meant values rewritten in place (the data is fresh from YAML)."""
    period = _table(data, "document", "period")
    for key in ("start", "end"):
        if period is not None and key in period and parse_year(period[key]) is not None:
            period[key] = parse_year(period[key])
    document = _table(data, "document")
    if document is not None and parse_date(document.get("date")) is not None:
        document["date"] = parse_date(document["date"])
    place = _table(data, "jurisdiction")
    if place is not None and isinstance(place.get("level"), str):
        level = parse_level(place["level"])
        place["level"] = level.key if level else place["level"]
    targets = _table(data, "targets") or {}
    for name, value in targets.items():
        param = library.params.get(name)
        if param is not None and param.numeric:
            number = parse_number(value, param.unit)
            targets[name] = value if number is None else number
    return data
