"""Assumed deadlines: a dated milestone for a measure whose work completes.

A measure with its own `deadline` keeps it. One that builds something — issues a list, a
catalogue or rules, sets up a mechanism or a body, brings a system to every 乡镇 — carries a
`milestone` in the library: its kind and the words before which the deadline is written. The
kind decides the date, counted from the first year the draft can still schedule (`first`, see
issue.py, so never before the date of issue) and never past the period's last year:

| kind | the work | deadline (plan issued 2026-12-01 for 2026—2030) |
|---|---|---|
| issue | 制定、出台、编制、修订、公布 a 清单, 目录, 办法 or 制度 | end of the first year: 2027年底前 |
| build | 建立、健全 a 机制, a 制度 with its practice, a body (委员会) | mid second year: 2028年6月底前 |
| cover | 实现……全覆盖, 规范化建设, a platform built and extended | end of the second year: 2028年底前 |

Everything else — ongoing duties (严格执行, 持续深化, 落实) and duties already in force (健全, 完善
what a law or a State Council document has required for years) — stays 持续推进. Each assumed
deadline is a default no registered document fixes: the review copy highlights it in the text and
the 分工表 (时限为推定，请本地确定) and says which rule set it; `check` lists it and counts it in a 提示;
`selection.replace.<id>.deadline` sets the locality's own.
"""

from __future__ import annotations

from ..document import Default
from ..library import Measure
from ..profile import Profile

KINDS: dict[str, tuple[int, int, str]] = {  # kind → (year offset from first, month, the rule in words)
    "issue": (0, 12, "制定、出台清单、目录、办法类任务，定于印发后第一个完整年度年底前"),
    "build": (1, 6, "建立、健全机制、机构类任务，定于印发后第二个完整年度6月底前"),
    "cover": (1, 12, "实现全覆盖、规范化建设类任务，定于印发后第二个完整年度年底前"),
}


def milestone_text(kind: str, profile: Profile, first: int) -> str:
    offset, month, _ = KINDS[kind]
    year = first + offset
    if year > profile.period.end:
        year, month = profile.period.end, 12
    return f"{year}年底前" if month == 12 else f"{year}年{month}月底前"


def assume(measure: Measure, text: str, profile: Profile, first: int) -> tuple[str, str | None, Default | None]:
    """(unfilled text with the deadline written in, the deadline, its Default) for a measure
    without a deadline of its own whose drafted wording still holds the milestone's words."""
    if measure.milestone is None or measure.deadline is not None or measure.milestone[1] not in text:
        return text, None, None  # the era wording or a rewrite no longer holds the words: no assumed date
    kind = measure.milestone[0]
    deadline = milestone_text(kind, profile, first)
    note = "时限为推定，请本地确定"  # no registered document fixes it (司法厅 read 13c, N-D1)
    default = Default(deadline, f"selection.replace.{measure.id}.deadline", note, f"按规则：{KINDS[kind][2]}")
    return written_in(measure, text, deadline), deadline, default


def written_in(measure: Measure, text: str, deadline: str | None) -> str:
    """`text` with a dated deadline (2027年底前, not 每年) before the milestone's words, where it has them."""
    if measure.milestone is None or measure.deadline is not None or not deadline or not deadline.endswith("底前"):
        return text
    at = text.find(measure.milestone[1])
    return text if at < 0 else text[:at] + deadline + text[at:]
