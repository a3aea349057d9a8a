"""Completion of the 辖区 name from the gazetteer, as `drafter init --name` reads it: 浏阳 →
浏阳市（湖南省长沙市，县级市）; 朝阳区 → Beijing's and Changchun's, each with its parents."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..gazetteer import load_gazetteer
from ..gazetteer.divisions import Place
from ..profile.levels import LEVELS
from ..profile.placecheck import where

MAX_QUERY = 30  # no division's name is longer


@lru_cache(maxsize=1)
def _places() -> tuple[Place, ...]:
    """Every division a profile can be drafted for (those with a level: not 省, not 地区)."""
    gazetteer = load_gazetteer()
    return tuple(gazetteer.place(d) for d in gazetteer if d.level in LEVELS)


def place_choices(query: Any, limit: int = 12) -> list[dict[str, Any]]:
    """The divisions whose name or short name begins with the query: exact names first."""
    word = query.strip() if isinstance(query, str) else ""
    if not word or len(word) > MAX_QUERY:
        return []
    found = [p for p in _places() if p.division.name.startswith(word) or p.division.short.startswith(word)]
    found.sort(key=lambda p: (p.division.name != word, p.division.short != word, len(p.division.name), p.division.code))
    return [{
        "name": p.division.name, "short": p.division.short, "province": p.province, "city": p.city,
        "level": p.division.level, "level_label": LEVELS[p.division.level].label, "type": p.division.type,
        "where": where(p),
    } for p in found[:limit]]
