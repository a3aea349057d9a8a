"""What a reviewer looks for beside the measures: the 主要指标 table and the 实施步骤."""

from __future__ import annotations

from ..document import Default
from ..library import Library, Measure
from ..profile import Profile
from .localise import Localiser
from .model import Indicator, PlannedMeasure, Stage


def stages(profile: Profile, first: int | None = None) -> tuple[Stage, ...]:
    """动员部署 (first year), 组织实施 (middle years), 中期评估 (the middle year), 总结评估 (last),
    over the years from `first` (the first the draft can schedule, issue.first_year) to the end."""
    start, end = profile.period.start if first is None else first, profile.period.end
    if start == end:  # issued in the period's last year or just before it
        return (Stage("review", "总结评估", f"{end}年"),)
    if end - start < 2:  # a plan of one or two years has no middle to evaluate
        return (Stage("deploy", "动员部署", f"{start}年"), Stage("review", "总结评估", f"{end}年"))
    middle = start + (end - start) // 2
    implement = f"{start + 1}年" if end - start == 2 else f"{start + 1}—{end - 1}年"
    return (
        Stage("deploy", "动员部署", f"{start}年"),
        Stage("implement", "组织实施", implement),
        Stage("midterm", "中期评估", f"{middle}年"),
        Stage("review", "总结评估", f"{end}年"),
    )


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def indicators(profile: Profile, library: Library, localiser: Localiser,
               chosen: list[tuple[Measure, PlannedMeasure]], general_lead: tuple[str, ...]) -> tuple[Indicator, ...]:
    """One row per numeric parameter the draft uses, in draft order; the general targets last."""
    rows: list[Indicator] = []
    seen: set[str] = set()

    def row(name: str, term: str, units: tuple[str, ...]) -> None:
        param = library.params[name]
        if name in seen or not _number(param.default):
            return
        if "每年" in param.label:  # a yearly figure is due every year, whatever the measure's deadline
            term = "每年"
        seen.add(name)
        value, is_default = localiser.param_value(param)
        shown = f"{value}{param.unit}"
        default = Default(shown, f"targets.{name}", f"默认目标值（{param.label}）") if is_default else None
        rows.append(Indicator(param.label, shown, term, units, default))

    for measure, planned in chosen:
        if planned.local:  # the profile rewrote it: its figures are the profile's own text
            continue
        for name in measure.params:
            row(name, planned.deadline or f"{profile.period.end}年", planned.lead)
    for name in library.general.params:
        row(name, f"{profile.period.end}年", general_lead)
    return tuple(rows)
