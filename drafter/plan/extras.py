"""What a reviewer looks for beside the measures: the 主要指标 table (实施步骤: stages.py)."""

from __future__ import annotations

from ..document import Default
from ..library import Library, Measure, Param
from ..profile import Profile
from .figures import printable
from .localise import Localiser
from .model import Indicator, PlannedMeasure

PENDING = "（待定）"  # the value cell of a core indicator the profile has not set


def yearly(param: Param) -> bool:
    """A figure due every year: said so in its label or its direction (逐年下降), or a 100% rate."""
    return ("每年" in param.label or "年度" in param.label or "逐年" in (param.direction or "")
            or (param.unit == "%" and param.default == 100))


def shown(param: Param, value: str) -> str:
    """A value as the table prints it: 60学时, 100%, and an upper bound as 5%以内."""
    return f"{value}{param.unit}" + ("以内" if param.ceiling else "")


def indicators(profile: Profile, library: Library, localiser: Localiser,
               chosen: list[tuple[Measure, PlannedMeasure]], general_lead: tuple[str, ...]
               ) -> tuple[tuple[Indicator, ...], tuple[str, ...]]:
    """One row per numeric parameter the draft uses, in draft order; the general targets last.

    Rows are outcomes and commitments a reviewer can check: a statutory floor or a cycle
    (`indicator: floor | cycle`) is never one, and a value neither the profile's `targets` nor a
    registered document (`basis`) gives is never printed. A legal duty (`duty: true`, 应移尽移,
    应出尽出) is a row only with its registered basis, named in the label, its value the law's
    100%; without one it is left out — never PENDING, which would invite a figure below the law. Such a
    value of a core indicator (`core: true`) or an outcome indicator (`outcome: true`: 调解和解率,
    案卷评查合格率, no default at all) is a row whose value reads PENDING — highlighted and commented
    in the review copy with the targets key to fill. The library's `direction` (败诉率 逐年下降) is never
    printed for the locality (司法厅 read s14, I5: a direction the profile never gave); it marks the
    outcome every draft is measured by, which a compact draft keeps as a pending row while it leaves
    the other pending outcomes out (its table stays at seven rows, docs/LIBRARY.md). Any other is left out; the second result is one 提示 naming every
    such key. (A placeholder rather than a blank: a table of statutory rows measures nothing, while
    the outcome rows say what the plan will be measured by; docs/LIBRARY.md gives the row counts.)
    """
    rows: list[Indicator] = []
    pending: list[str] = []
    missing: list[str] = []
    seen: set[str] = set()

    def row(name: str, term: str, units: tuple[str, ...]) -> None:
        param = library.params[name]
        if name in seen or not param.numeric or param.indicator is not None:
            return
        seen.add(name)
        if yearly(param):  # a yearly figure is due every year, whatever the measure's deadline
            term = "每年"
        if not printable(param, profile):  # the text leaves the figure out too (figures.py)
            if param.duty:  # a legal duty no registered document fixes: no row, no target asked
                return
            # a compact table holds no outcome placeholder (docs/LIBRARY.md: seven rows) but the one every
            # draft is measured by (败诉率, `direction`: its measure is in every draft)
            if not (param.core or param.outcome) or (param.outcome and profile.detail == "compact"
                                                     and not param.direction):
                missing.append(f"{param.label}（targets.{name}）")
                return
            pending.append(f"{param.label}（targets.{name}）")
            note = f"待填目标值（{param.label}），请在 targets.{name} 中填写本地" + ("上限" if param.ceiling else "目标")
            rows.append(Indicator(param.label, PENDING, term, units, Default(PENDING, f"targets.{name}", note)))
            return
        value, is_default = localiser.param_value(param)
        printed = shown(param, value)
        label = param.label
        if is_default:
            cited = library.documents[param.basis].cited  # type: ignore[index]
            label = f"{param.label}（依据{cited}）"  # the value is the document's, and the row says so
            note = (f"{cited}规定的法定要求（{param.label}），不设低于此值的本地目标" if param.duty
                    else f"按{cited}确定的目标值（{param.label}），可在 targets 中改写")
            default = Default(printed, f"targets.{name}", note)
        else:
            default = None
        rows.append(Indicator(label, printed, term, units, default))

    # A target of the government's plan is answered for by government bodies: a party body that leads the
    # measure beside them (组织部门 with the 任前测试 in the training measure) is not the row's 责任单位
    # (司法厅 read s15 r15, N-I8: 执法人员培训学时 went to 县委组织部)
    party = {unit.name for role, unit in localiser.units.items() if role in library.roles and library.roles[role].party}

    def answerable(lead: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(name for name in lead if name not in party) or lead

    for measure, planned in chosen:
        for name in measure.params:
            # a rewritten measure's figures are the profile's own text; its outcome is still measured
            if not planned.local or library.params[name].outcome:
                row(name, planned.deadline or f"{profile.period.end}年", answerable(planned.lead))
    for name in library.general.params:
        row(name, f"{profile.period.end}年", general_lead)
    if not pending and not missing:
        return tuple(rows), ()
    return tuple(rows), (missing_hint(pending, missing),)


def missing_hint(pending: list[str], missing: list[str]) -> str:
    """One 提示 for every targets key the table and the text leave without a figure."""
    parts = []
    if pending:
        parts.append(f"表中目标值写“{PENDING}”的 {len(pending)} 项——{'；'.join(pending)}")
    if missing:
        parts.append(f"未列入表中的 {len(missing)} 项——{'；'.join(missing)}")
    count = len(pending) + len(missing)
    return (f"主要指标表：以下 {count} 项指标档案没有给出本地目标值，也没有已登记的文件规定其值，"
            f"正文不写数值：{'；'.join(parts)}。请在 targets 中填写对应的键")


def figures(library: Library, localiser: Localiser, chosen: list[tuple[Measure, PlannedMeasure]]
            ) -> tuple[tuple[str, str], ...]:
    """(label, value) of each numeric figure the draft uses, in draft order: PENDING for one it leaves out."""
    names = [name for measure, planned in chosen for name in measure.params
             if not planned.local or library.params[name].outcome]
    names += list(library.general.params)
    found: dict[str, str] = {}
    for name in names:
        param = library.params[name]
        if name not in found and param.numeric and (printable(param, localiser.profile) or not param.duty):
            value, _ = localiser.param_value(param)
            found[name] = shown(param, value) if printable(param, localiser.profile) else PENDING
    return tuple((library.params[name].label, value) for name, value in found.items())
