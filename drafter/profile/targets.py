"""Range and type checks of target values by what the parameter measures (its unit).

A target is printed into a sentence ("出庭应诉率保持{value}%", "不少于{value}学时"), so
anything that would read as nonsense (nan学时, 150%, 0.92分, 2.5名) is refused with the
sensible form.
"""

from __future__ import annotations

import math
from typing import Any

from ..library.model import Param
from .messages import shown

RATE, SCORE = "%", "分"
# Upper bounds of counted quantities by unit; other units get DEFAULT_CAP.
CAPS = {"学时": 1000, "小时": 720, "个工作日": 250, "年": 10, "次": 100, "期": 100, "名": 1000, "个": 10_000}
DEFAULT_CAP = 10_000


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def target_advice(value: Any, param: Param) -> str | None:
    """None when the value reads well in the draft, else what is wrong and an example."""
    default, unit = param.default, param.unit
    if isinstance(default, str):
        if not isinstance(value, str):
            return f"应为文字，如 {default}；现在是 {shown(value)}"
        if not value.strip():
            return f"不能为空：要用默认的“{default}”请删去这一行"
        if "\n" in value.strip():
            return "应为一行文字，不能换行"
        if len(value) > 200:
            return f"太长（{len(value)} 字），最多 200 字，请精简"
        return None
    if param.outcome:  # no default to offer as an example: the locality's own figure
        return _outcome_advice(value, param)
    example = f"如 {default}（单位：{unit}）" if unit else f"如 {default}"
    if not _number(value):
        return f"应为数字，{example}；现在是 {shown(value)}"
    if not math.isfinite(value):
        return f"{shown(value)} 不是一个具体的数，请填写目标值，{example}"
    if unit == RATE:
        if 0 < value < 1:
            return f"比率按百分数填写，不带“%”：如 95 表示 95%；{shown(value)} 会印成“{shown(value)}%”"
        if not 0 < value <= 100:
            return f"比率应在 0–100 之间（不带“%”），{example}；现在是 {shown(value)}"
        if param.duty and value < 100:  # 应移尽移, 应出尽出: the law's 100%, never a lower local figure
            return (f"这是法定义务，法律要求的比率为100%，不能定低于100%的本地目标；现在是 {shown(value)}，"
                    "请改为 100 或删去这一行")
        return None
    if unit == SCORE:
        if 0 < value <= 1:
            return f"满意度应按百分制填写，如 90；{shown(value)} 会印成“{shown(value)}分”"
        if not 0 < value <= 100:
            return f"分值应在 0–100 之间（百分制），{example}；现在是 {shown(value)}"
        return None
    cap = CAPS.get(unit, DEFAULT_CAP)
    if not float(value).is_integer() or not 1 <= value <= cap:
        return f"应为 1–{cap:,} 的整数，{example}；现在是 {shown(value)}"
    return None


def _outcome_advice(value: Any, param: Param) -> str | None:
    """An outcome indicator's target (调解和解率, 败诉率): a percentage the locality sets; none is suggested."""
    if not _number(value) or not math.isfinite(value):
        return f"应为本地目标的百分数（不带“%”），如 60 表示 60%；现在是 {shown(value)}"
    if 0 < value < 1:
        return f"比率按百分数填写，不带“%”：如 60 表示 60%；{shown(value)} 会印成“{shown(value)}%”"
    if param.ceiling and not 0 < value < 100:  # 0 or 100 as an upper bound measures nothing
        keep = "；尚未确定上限的，请删去这一行，表中写“（待定）”" if param.outcome else ""
        return f"这是上限（表中印作“{shown(value)}%以内”），应大于 0、小于 100（不带“%”）；现在是 {shown(value)}{keep}"
    if not 0 < value <= 100:
        return f"比率应大于 0、不超过 100（不带“%”）；现在是 {shown(value)}，请改为本地目标的百分数"
    return None
