"""实施步骤: the stages of the plan, from the date of issue to the end of the period.

The rule, in months: the stages follow one another without overlap and none begins before the
month of issue (or the period's first month, when the plan is issued before its period).

1. 部署启动 — the month of issue and the three after it (印发、宣传解读、制定落实措施).
2. 总结验收 — the period's last year.
3. 中期评估 — the half year that holds the middle month of the whole span, when at least six
   months lie between 部署启动 and 总结验收.
4. 全面实施 — from the end of 部署启动 to 中期评估; 深化提升 — from 中期评估 to 总结验收.
   Either is left out when no month is left for it.

A plan issued 2026-12-01 for 2026—2030: 部署启动（2026年12月—2027年3月）, 全面实施（2027年4月—2028年6月）,
中期评估（2028年下半年）, 深化提升（2029年）, 总结验收（2030年）. A period over when the draft is made
(a 2021—2025 seed redrafted today) is scheduled from its start, as it was written.
"""

from __future__ import annotations

from datetime import date

from ..profile import Profile
from .model import Stage

DEPLOY_MONTHS = 4  # the month of issue and the three after it


def _month(index: int) -> tuple[int, int]:
    return index // 12, index % 12 + 1


def _index(year: int, month: int) -> int:
    return year * 12 + month - 1


def months_text(first: int, last: int) -> str:
    """2029年 · 2029—2030年 · 2028年下半年 · 2027年4月—12月 · 2026年12月—2027年3月."""
    (y1, m1), (y2, m2) = _month(first), _month(last)
    if m1 == 1 and m2 == 12:
        return f"{y1}年" if y1 == y2 else f"{y1}—{y2}年"
    if y1 == y2 and (m1, m2) in ((1, 6), (7, 12)):
        return f"{y1}年{'上' if m1 == 1 else '下'}半年"
    if y1 == y2:
        return f"{y1}年{m1}月" if m1 == m2 else f"{y1}年{m1}月—{m2}月"
    return f"{y1}年{m1}月—{y2}年{m2}月"


def begins(profile: Profile, issued: date) -> int:
    """The month index from which the plan schedules its stages: the month after the month of issue
    (issue 13, point 7: 实施步骤 start after it)."""
    start, end = profile.period.start, profile.period.end
    if issued <= date(start, 1, 1) or issued > date(end, 12, 31):
        return _index(start, 1)
    return min(_index(issued.year, issued.month) + 1, _index(end, 12))


def stages(profile: Profile, issued: date) -> tuple[Stage, ...]:
    first, last = begins(profile, issued), _index(profile.period.end, 12)
    review = max(_index(profile.period.end, 1), first)
    spans: list[tuple[str, str, int, int]] = []
    deploy_end = min(first + DEPLOY_MONTHS - 1, review - 1)
    if deploy_end >= first:
        spans.append(("deploy", "部署启动", first, deploy_end))
    work_first, work_last = deploy_end + 1, review - 1
    if work_last - work_first + 1 >= 6:
        middle = (first + last) // 2
        mid_first = max(middle - middle % 12 + (0 if middle % 12 < 6 else 6), work_first)
        mid_last = min(mid_first - mid_first % 6 + 5, work_last)  # to the end of its half year
        if mid_first > work_first:
            spans.append(("implement", "全面实施", work_first, mid_first - 1))
        spans.append(("midterm", "中期评估", mid_first, mid_last))
        if mid_last < work_last:
            spans.append(("deepen", "深化提升", mid_last + 1, work_last))
    elif work_last >= work_first:
        spans.append(("implement", "全面实施", work_first, work_last))
    spans.append(("review", "总结验收", review, last))
    return tuple(Stage(key, name, months_text(a, b), _month(a), _month(b)) for key, name, a, b in spans)
