"""Dates: milestones before the date of issue, years outside the period, 到2025年 in a later plan,
stages that overlap."""

from __future__ import annotations

import re
from datetime import date
from typing import Iterator

from ...library import Library
from ..model import Context, Finding, Paragraph, PlanText

CODES = {
    "A201": "时间节点早于印发日期",
    "A202": "年份不在本方案规划期内",
    "A203": "“到2025年”等上一期目标年份",
    "A204": "实施阶段的时间相互重叠",
}
FAR = 2035  # 2035年基本建成法治国家: a legitimate year beyond any five-year period
_MILESTONE = re.compile(r"(?<![\d—\-－–])(20\d{2})年(?:(\d{1,2})月)?(底|末|年底|上半年|下半年)?(?:前|以前|之前)")
_TARGET = re.compile(r"(?:到|至)(20\d{2})年")
_RANGE = re.compile(r"(?<![\d—\-－–])(20\d{2})年(\d{1,2})月(?:(?:\d{1,2}日)?)(?:至|—|－|-|~|～|到)(?:(20\d{2})年)?(\d{1,2})月")
_YEARS = re.compile(r"(?<![\d—\-－–])(20\d{2})年?(?:—|－|-|~|～|至)(20\d{2})年")
_TITLE_ONLY = re.compile(r"《[^《》]*》")
_TITLE = re.compile(r"《[^《》]*》|[（(]\d{4}[—\-－–~～]\d{4}年?[）)]")


def _masked(text: str) -> str:
    """Titles and period spans blanked (same length), so 《纲要（2021—2025年）》 is not a date."""
    return _TITLE.sub(lambda m: " " * len(m.group(0)), text)


def _month_end(year: int, month: int | None, part: str | None) -> date:
    if part in ("上半年",):
        return date(year, 6, 30)
    if month is None:
        return date(year, 12, 31)
    return date(year, month, 28)


def check(plan: PlanText, context: Context, library: Library) -> Iterator[Finding]:
    stages: list[tuple[Paragraph, str, tuple[int, int], tuple[int, int]]] = []
    for paragraph in plan.paragraphs:
        text = _masked(paragraph.text)
        for match in _TARGET.finditer(text):
            year = int(match.group(1))
            if year < context.start:
                yield plan.at(paragraph, "A203", match.group(0), f"目标年份“{match.group(0)}”是上一期的",
                              f"本方案规划期为{context.start}—{context.end}年", f"改为“到{context.end}年”")
            elif year > context.end and year != FAR:
                yield _outside(plan, paragraph, match.group(0), year, context)
        for match in _MILESTONE.finditer(text):
            year = int(match.group(1))
            month = int(match.group(2)) if match.group(2) else None
            if year < context.start or (year > context.end and year != FAR):
                if text[max(0, match.start() - 1):match.start()] not in ("到", "至"):
                    yield _outside(plan, paragraph, match.group(0), year, context)
            elif _month_end(year, month, match.group(3)) < context.issued:
                yield _past(plan, paragraph, match.group(0), context)
        for match in _RANGE.finditer(text):
            begin = (int(match.group(1)), int(match.group(2)))
            end = (int(match.group(3) or match.group(1)), int(match.group(4)))
            if "阶段" in text:
                stages.append((paragraph, match.group(0), begin, end))
            if date(end[0], end[1], 28) < context.issued:
                yield _past(plan, paragraph, match.group(0), context)
        if "阶段" in text:
            for match in _YEARS.finditer(_TITLE_ONLY.sub(lambda m: " " * len(m.group(0)), paragraph.text)):
                if (int(match.group(1)), int(match.group(2))) == (context.start, context.end):
                    continue  # the plan's own period, not a stage
                stages.append((paragraph, match.group(0), (int(match.group(1)), 1), (int(match.group(2)), 12)))
    yield from _overlaps(plan, stages)


def _outside(plan: PlanText, paragraph: Paragraph, quote: str, year: int, context: Context) -> Finding:
    return plan.at(paragraph, "A202", quote, f"“{quote}”不在规划期内",
                   f"本方案规划期为{context.start}—{context.end}年，{year}年不在其中",
                   f"改为{context.start}—{context.end}年之间的时间节点")


def _past(plan: PlanText, paragraph: Paragraph, quote: str, context: Context) -> Finding:
    issued = f"{context.issued.year}年{context.issued.month}月{context.issued.day}日"
    return plan.at(paragraph, "A201", quote, f"时间节点“{quote}”早于方案印发日期",
                   f"方案于{issued}印发，此前的节点已无法完成", "改为印发之后的节点，如“{}年底前”".format(
                       context.issued.year + 1))


def _overlaps(plan: PlanText, stages: list) -> Iterator[Finding]:
    for (first, quote, begin, end), (second, quote2, begin2, end2) in zip(stages, stages[1:]):
        if first.index != second.index and begin2 <= end:
            yield plan.at(second, "A204", quote2, f"实施阶段“{quote2}”与上一阶段“{quote}”重叠",
                          "各实施阶段应前后相接、不相重叠", "调整起止时间，使本阶段从上一阶段结束的次月开始")
