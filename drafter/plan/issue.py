"""The date of issue, and the first year a draft can still schedule work in.

A draft is issued on `document.date`. Without it, the draft is still being written (a
征求意见稿 goes out for comment first): it is taken to be issued at the earliest on the first
day of the month after today, never in the month it is drafted (司法厅 read s14, F3: a draft
made on 2026-12-01 whose 部署启动 began "2026年12月" had already started). Nothing it schedules
falls before that day: when the period has already begun, its relative and assumed deadlines
(milestones.py) count from the first working year after the date of issue (the year of issue if it is issued by the end of March, else the next) (a draft of 2026—2030
issued in 2027-01 or on 2026-12-01 plans from 2027; one issued before 2026 plans from 2026),
and its 实施步骤 begin in the month of issue (stages.py). A period already over when the draft
is made (a 2021—2025 seed redrafted today) is scheduled from its start, as it was written.
"""

from __future__ import annotations

from datetime import date

from ..document import Default
from ..profile import Profile
from .model import Plan


def today() -> date:
    """The day a draft without `document.date` is drafted (tests replace it)."""
    return date.today()


def next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def issue_date(profile: Profile, on: date | None = None) -> date:
    """document.date, else the first day of the month after `on` (default: today)."""
    if profile.date:
        return date.fromisoformat(profile.date)
    return next_month(on or today())


def first_year(profile: Profile, issued: date) -> int:
    """The first working year after the date of issue (at most the period's last): the year of issue
    when the plan is issued in its first quarter (nine months and more remain: 司法厅 read s15 F4 —
    with "wholly after", an assumed 1 January held the default draft's deadlines and any real January
    date moved them all a year later), else the next year."""
    start, end = profile.period.start, profile.period.end
    if issued <= date(start, 1, 1) or issued > date(end, 12, 31):
        return start  # before the period; or after it, a plan of a finished period redrafted as it was
    full = issued.year if issued.month <= 3 else issued.year + 1
    return min(max(full, start), end)


def _day(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def issue_words(profile: Profile, issued: date, first: int, on: date | None = None) -> str:
    """What the review copy (实施步骤) and `check` say about the date the schedule counts from."""
    if profile.date:
        said = f"按档案 document.date（{_day(issued)}）推算"
    else:
        drafted = on or today()
        said = (f"档案未写 document.date，印发日期按起草之日（{_day(drafted)}）的次月推算，即 {issued.year}年{issued.month}月"
                "（未定稿的方案不在起草当月印发，部署启动阶段从次月开始）")
    start, end = profile.period.start, profile.period.end
    if issued <= date(start, 1, 1) or issued > date(end, 12, 31):
        counted = f"印发日期不在规划期内，实施步骤从规划期首月（{start}年1月）起排，“{start + 1}年底前”等完成时限从 {start} 年起算"
    else:
        counted = (f"实施步骤从印发当月起排，“{first}年底前”“{first + 1}年底前”等完成时限从印发后第一个工作年度（{first}年）起算"
                   "（一季度印发的，印发当年即为第一个工作年度；此后印发的，从次年起算）")
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
                     f"按印发日期 {issued.year}年{issued.month}月 排定的阶段时间")
    return (heading,) if profile.date else (heading, months)
