"""Who issues the plan, as the draft assumes it, and which measures party bodies lead.

The draft is written for the issuers in `document.issuers`; without them, for a plan whose party
bodies lead the party's own work (select.party_leads_party_work). The review copy says so once,
on the title, listing the measures led by a party body, and `drafter check` says the same when
the field is not written (司法厅 read s14, N-W6).
"""

from __future__ import annotations

from ..document import Default
from ..library import Library
from ..profile import Profile
from . import select
from .model import Plan, PlannedMeasure

# 县委编办 is a 党委 body too (a 党委工作机关's 办事机构), though roles.yaml keeps it off the party
# lead rules: the reviewer counts its measures among the party-led ones.
PARTY_OFFICES = ("staffing",)


def party_led(plan: Plan, library: Library) -> list[PlannedMeasure]:
    roles = {key for key, role in library.roles.items() if role.party} | set(PARTY_OFFICES)
    names = {unit.name for unit in plan.units if unit.role in roles and unit.name}
    return [m for m in plan.measures() if any(name in names for name in m.lead)]


def issuer_words(plan: Plan, profile: Profile, library: Library) -> str:
    """发文机关：…；以下 N 项措施由党委部门牵头：1.…（县委编办）；…。field and fix."""
    if profile.issuers:
        given = "、".join(profile.issuers)
        said = f"按档案 document.issuers（{given}）"
        if select.government_only(profile):
            said += "，为政府印发：拟任领导干部任前法律知识测试写作由司法行政部门“配合组织部门”做好"
        else:
            said += "：拟任领导干部任前法律知识测试由组织部门牵头"
    else:
        said = ("档案未写发文机关（document.issuers），本稿假定党委部门牵头党委职能范围内的工作（联合印发、政府印发均如此），"
                "拟任领导干部任前法律知识测试由组织部门牵头")
    led = party_led(plan, library)
    listed = "；".join(f"{m.number}{m.title}（{'、'.join(m.lead)}）" for m in led)
    measures = f"；以下 {len(led)} 项措施由党委部门牵头：{listed}" if led else "；没有由党委部门牵头的措施"
    if profile.issuers:
        fix = "。发文机关有变的，请在档案 document.issuers 中改写，重新生成"
    else:
        fix = (f"。请在档案 document.issuers 中写明发文机关：联合印发的，如 [中共{plan.locality}委, {plan.locality}人民政府]；"
               f"只由政府印发、任前法律知识测试改为“配合组织部门”的，写 [{plan.locality}人民政府]")
    return f"{said}{measures}{fix}"


def issuer_note(plan: Plan, profile: Profile, library: Library) -> Default:
    """The review copy's one comment on the title (a remark: the title is not highlighted)."""
    return Default(plan.title, "document.issuers", "发文机关：" + issuer_words(plan, profile, library), remark=True)

