"""What a reviewer looks for beside the measures: the 主要指标 table (实施步骤: stages.py)."""

from __future__ import annotations

from ..document import Default
from ..library import Library, Measure, Param
from ..profile import Profile
from .figures import printable
from .localise import Localiser
from .model import Indicator, PlannedMeasure

PENDING = "（待定）"  # the value cell of a core indicator the profile has not set


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def yearly(param: Param) -> bool:
    """A figure due every year: said so in its label, or a 100% rate — a commitment kept each year."""
    return "每年" in param.label or "年度" in param.label or (param.unit == "%" and param.default == 100)


def indicators(profile: Profile, library: Library, localiser: Localiser,
               chosen: list[tuple[Measure, PlannedMeasure]], general_lead: tuple[str, ...]
               ) -> tuple[tuple[Indicator, ...], tuple[str, ...]]:
    """One row per numeric parameter the draft uses, in draft order; the general targets last.

    Rows are outcomes and commitments a reviewer can check: a statutory floor or a cycle
    (`indicator: floor | cycle`) is never one, and a value neither the profile's `targets` nor a
    registered document (`basis`) gives is never printed. A legal duty (`duty: true`, 应移尽移,
    应出尽出) is a row only with its registered basis, named in the label, its value the law's
    100%; without one it is left out — never PENDING, which would invite a figure below the law. Such a value of a core outcome
    indicator (`core: true`) is a row whose value reads PENDING — highlighted and commented in the
    review copy with the targets key to fill — and any other is left out; the second result is one
    提示 naming every such key. (A placeholder rather than a blank: a table of two statutory rows
    measures nothing, while the core rows show the bureau what a real plan commits to, and the
    core list, about ten outcomes, keeps the table to the eight to twelve rows of a real plan.)
    """
    rows: list[Indicator] = []
    pending: list[str] = []
    missing: list[str] = []
    seen: set[str] = set()

    def row(name: str, term: str, units: tuple[str, ...]) -> None:
        param = library.params[name]
        if name in seen or not _number(param.default) or param.indicator is not None:
            return
        seen.add(name)
        if yearly(param):  # a yearly figure is due every year, whatever the measure's deadline
            term = "每年"
        if not printable(param, profile):  # the text leaves the figure out too (figures.py)
            if param.duty:  # a legal duty no registered document fixes: no row, no target asked
                return
            if not param.core:
                missing.append(f"{param.label}（targets.{name}）")
                return
            pending.append(f"{param.label}（targets.{name}）")
            note = f"待填目标值（{param.label}），请在 targets.{name} 中填写本地目标"
            rows.append(Indicator(param.label, PENDING, term, units, Default(PENDING, f"targets.{name}", note)))
            return
        value, is_default = localiser.param_value(param)
        shown = f"{value}{param.unit}"
        label = param.label
        if is_default:
            cited = library.documents[param.basis].cited  # type: ignore[index]
            label = f"{param.label}（依据{cited}）"  # the value is the document's, and the row says so
            note = (f"{cited}规定的法定要求（{param.label}），不设低于此值的本地目标" if param.duty
                    else f"按{cited}确定的目标值（{param.label}），可在 targets 中改写")
            default = Default(shown, f"targets.{name}", note)
        else:
            default = None
        rows.append(Indicator(label, shown, term, units, default))

    for measure, planned in chosen:
        if planned.local:  # the profile rewrote it: its figures are the profile's own text
            continue
        for name in measure.params:
            row(name, planned.deadline or f"{profile.period.end}年", planned.lead)
    for name in library.general.params:
        row(name, f"{profile.period.end}年", general_lead)
    if not pending and not missing:
        return tuple(rows), ()
    return tuple(rows), (missing_hint(pending, missing),)


def missing_hint(pending: list[str], missing: list[str]) -> str:
    """One 提示 for every targets key the table and the text leave without a figure."""
    parts = []
    if pending:
        parts.append(f"表中目标值写“{PENDING}”的 {len(pending)} 项核心指标——{'；'.join(pending)}")
    if missing:
        parts.append(f"未列入表中的 {len(missing)} 项——{'；'.join(missing)}")
    return (f"主要指标表：以下 {len(pending) + len(missing)} 项指标档案没有给出本地目标值，也没有已登记的文件规定其值，"
            f"正文不写数值：{'；'.join(parts)}。请在 targets 中填写对应的键")


def figures(library: Library, localiser: Localiser, chosen: list[tuple[Measure, PlannedMeasure]]
            ) -> tuple[tuple[str, str], ...]:
    """(label, value) of each numeric figure the draft uses, in draft order: PENDING for one it leaves out."""
    names = [name for measure, planned in chosen if not planned.local for name in measure.params]
    names += list(library.general.params)
    found: dict[str, str] = {}
    for name in names:
        param = library.params[name]
        if name not in found and _number(param.default) and (printable(param, localiser.profile) or not param.duty):
            value, _ = localiser.param_value(param)
            found[name] = f"{value}{param.unit}" if printable(param, localiser.profile) else PENDING
    return tuple((library.params[name].label, value) for name, value in found.items())
