"""The date of issue, and the first year a draft can still schedule work in (issue 13, point 7).

A draft is issued on `document.date`, else today. Nothing it schedules falls before that day:
its 实施步骤 begin the month after the month of issue (stages.py: a draft made on 2026-12-01 no
longer starts its 部署启动 in "2026年12月", already under way — 司法厅 read s14, F3), and when the
period has already begun, its relative and assumed deadlines (milestones.py) count from the first
full year after the date of issue (a draft of 2026—2030 issued on 2026-12-01 plans from 2027, one
issued on 2027-01-20 from 2028, one issued before 2026 from 2026). Because a later date moves every
deadline a year, the review copy and `check` say so in words (司法厅 read s15, F4). A period already
over when the draft is made (a 2021—2025 seed redrafted today) is scheduled from its start, as it
was written.
"""

from __future__ import annotations

from datetime import date

from ..document import Default
from ..profile import Profile
from .model import Plan


def today() -> date:
    """The day a draft without `document.date` is drafted (tests replace it)."""
    return date.today()


def issue_date(profile: Profile, on: date | None = None) -> date:
    """document.date, else `on` (default: today)."""
    if profile.date:
        return date.fromisoformat(profile.date)
    return on or today()


def first_year(profile: Profile, issued: date) -> int:
    """The first year of the period that lies wholly after the date of issue (at most the last)."""
    start, end = profile.period.start, profile.period.end
    if issued <= date(start, 1, 1) or issued > date(end, 12, 31):
        return start  # before the period; or after it, a plan of a finished period redrafted as it was
    full = issued.year if (issued.month, issued.day) == (1, 1) else issued.year + 1
    return min(max(full, start), end)


def _day(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def issue_words(profile: Profile, issued: date, first: int, on: date | None = None) -> str:
    """What the review copy (实施步骤) and `check` say about the date the schedule counts from."""
    if profile.date:
        said = f"按档案 document.date（{_day(issued)}）推算"
    else:
        said = f"档案未写 document.date，印发日期按今天（{_day(issued)}）推算"
    start, end = profile.period.start, profile.period.end
    if issued <= date(start, 1, 1) or issued > date(end, 12, 31):
        counted = f"印发日期不在规划期内，实施步骤从规划期首月（{start}年1月）起排，“{start + 1}年底前”等完成时限从 {start} 年起算"
    else:
        later = (f"；在 {first}年内印发的，各项完成时限顺延一年" if first < end and first > issued.year
                 else "")
        begin_year, begin_month = (issued.year, issued.month + 1) if issued.month < 12 else (issued.year + 1, 1)
        counted = (f"实施步骤从印发次月（{begin_year}年{begin_month}月）起排，“{first}年底前”“{first + 1}年底前”等完成时限"
                   f"从印发后第一个完整年度（{first}年）起算{later}")
    fix = ("；实际印发日期不同的，请在档案 document.date 中改写（如 2027-03-15），重新生成" if profile.date else
           "；确定印发日期后，请在档案 document.date 中写明（如 2027-03-15），重新生成")
    return f"{said}：{counted}{fix}"


def issue_notes(plan: Plan, profile: Profile, issued: date, first: int, on: date | None = None) -> tuple[Default, ...]:
    """The review copy's comments on the 实施步骤 heading (the date the schedule counts from, the
    field that sets it) and on the first stage's months, highlighted as assumed (司法厅 read s14, F3)."""
    if not plan.stages:
        return ()
    words = issue_words(profile, issued, first, on)
    stage = plan.stages[0]
    heading = Default(f"{plan.stages_number}实施步骤", "document.date", f"印发日期：{words}。", remark=True)
    months = Default(f"{stage.name}阶段（{stage.years}）", "document.date",
                     f"按印发日期 {_day(issued)} 排定的阶段时间（从印发次月起）")
    return (heading,) if profile.date else (heading, months)
