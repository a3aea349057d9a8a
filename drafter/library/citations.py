"""Seed citations in the words a reviewer reads: datong:30 → 大通区实施意见（30）."""

from __future__ import annotations

from .model import SEED_KEYS

# Each plan's short name and how its items are numbered in print.
PLANS = {
    "datong": "大通区实施意见",
    "zhangye": "张掖市实施方案",
    "bishan": "璧山区实施方案",
    "biyang": "泌阳县规划",
    "suining": "遂宁市实施方案",
}
_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1–99 as printed in （十四）, （三十九）."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def citation_words(citation: str) -> str:
    """One citation as the plan prints the item: （30）, 第18条, （十四）, （三）4., 总体要求."""
    key, label = citation.split(":", 1)
    plan = PLANS[key]
    if label == "general":
        return f"{plan}总体要求"
    if key == "biyang":
        if label.startswith("g"):
            return f"{plan}组织保障（{chinese_number(int(label[1:]))}）"
        section, _, item = label.partition(".")
        return f"{plan}（{chinese_number(int(section))}）" + (f"第{item}项" if item else "")
    number, letter = (label[:-1], label[-1]) if label[-1].isalpha() else (label, "")
    after = "后未编号段" if letter else ""
    if key == "datong":
        return f"{plan}（{number}）{after}"
    if key == "zhangye":
        return f"{plan}（{chinese_number(int(number))}）{after}"
    return f"{plan}第{number}条{after}"


def sources_words(sources: tuple[str, ...]) -> str:
    """来源 line of a review comment: the plans in seed order, their items joined."""
    by_plan: dict[str, list[str]] = {}
    for citation in sources:
        by_plan.setdefault(citation.split(":", 1)[0], []).append(citation)
    parts = []
    for key in SEED_KEYS:
        for citation in by_plan.get(key, []):
            parts.append(citation_words(citation))
    return "；".join(parts)
