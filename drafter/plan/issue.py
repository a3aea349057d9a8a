"""The date of issue, and the first year a draft can still schedule work in.

A draft is issued on `document.date`, else today. Nothing it schedules falls before that
day: when the period has already begun, its relative and assumed deadlines (milestones.py)
count from the first full year after the date of issue (a draft of 2026—2030 issued on
2026-12-01 plans from 2027; one issued before 2026 plans from 2026), and its 实施步骤 begin in
the month of issue (stages.py). A period already over when the draft
is made (a 2021—2025 seed redrafted today) is scheduled from its start, as it was written.
"""

from __future__ import annotations

from datetime import date

from ..profile import Profile


def today() -> date:
    """The day a draft without `document.date` is taken to be issued (tests replace it)."""
    return date.today()


def issue_date(profile: Profile, on: date | None = None) -> date:
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
