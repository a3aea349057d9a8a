"""Issue 13, point 5: who leads, by the rule table of docs/LIBRARY.md (library/leads.py)."""

from __future__ import annotations

import pytest

from drafter.library.leads import lead_problems
from drafter.plan import make_plan
from drafter.profile import load_profile
from library_edits import with_changed_measure
from localities import LOCALITIES, profile_text

# 机构编制事项, led by the 编办 whoever issues the plan (rule 12, docs/LIBRARY.md)
STAFFING_LED = {"functions.coordination.optimize_structure", "functions.coordination.grassroots_system",
                "functions.coordination.power_list", "functions.coordination.township_power_list",
                "enforcement.system_reform.comprehensive_reform"}


def test_every_measure_follows_the_lead_rules(library):
    assert lead_problems(library) == []


def test_the_party_roles_are_marked(library):
    party = {key for key, role in library.roles.items() if role.party}
    assert {"party_committee", "rule_of_law_committee", "rule_of_law_office", "organization", "publicity",
            "political_legal", "discipline"} <= party
    assert not party & {"gov", "gov_office", "justice", "staffing", "npc_legal", "court"}


def test_the_rules_catch_what_the_reviewer_found(library):
    """Each defect of issue 13 put back into a copy of the library is reported."""
    broken = {
        "leadership.party.first_responsible#committee": dict(partners=("party_committee", "all_depts")),
        # 13b W4: the committee's own duty made a measure again, and 中心组 study under the 依法治办
        "leadership.party.gov_main_responsibility#own": dict(text="{role:party_committee}切实担负推进法治建设的领导职责。"),
        "leadership.party.study_xi_thought": dict(lead=("rule_of_law_office",), partners=("publicity", "all_depts")),
        "leadership.party.first_responsible": dict(partners=("organization", "all_depts")),
        "leadership.capacity.leaders_study": dict(lead=("organization",)),
        "leadership.capacity.legal_bodies": dict(lead=("organization",), partners=("staffing", "justice")),
        "enforcement.key_areas.key_fields": dict(lead=("justice",), partners=("market_regulation",)),
        # the second reader's findings: 纪委监委 co-leading 失信治理, 综治中心 under 司法局, 款项支付 under 发改
        "oversight.integrity.accountability": dict(lead=("development_reform", "discipline")),
        "disputes.mediation.governance_centre": dict(lead=("justice", "political_legal")),
        "oversight.integrity.arrears": dict(lead=("development_reform", "justice")),
    }
    for key, change in broken.items():
        measure_id = key.split("#")[0]
        found = lead_problems(with_changed_measure(library, measure_id, **change))
        assert [p for p in found if p.startswith(measure_id)], measure_id


@pytest.mark.parametrize("name", sorted(LOCALITIES))
def test_drafts_name_no_party_organ_under_a_government_lead(profile_file, library, name):
    plan = make_plan(load_profile(profile_file(profile_text(name, detail="full")), library), library)
    party_names = {u.name for u in plan.units if library.roles.get(u.role) and library.roles[u.role].party}
    for measure in plan.measures():
        if measure.id != "local" and not set(measure.lead) & party_names:
            assert not set(measure.partners) & party_names, (measure.id, measure.lead, measure.partners)
    report = next(m for m in plan.measures() if m.title == "严格执行年度报告制度")
    assert "每年3月1日前" in report.text and "上一级政府有关部门" in report.text and "4月1日前" in report.text
    assert report.deadline == "每年"
    committee = next(u.name for u in plan.units if u.role == "party_committee")
    office = next(u.name for u in plan.units if u.role == "rule_of_law_office")
    # 13b W4: the committee's own duty opens the leadership chapter, with no 牵头 and no 分工表 row
    assert plan.guarantee.goal.startswith(committee + "切实担负推进法治建设的领导职责")
    assert not [m for m in plan.measures() if m.text.startswith(committee + "切实担负")]
    study = next(m for m in plan.measures() if m.id == "leadership.party.study_xi_thought")
    assert study.lead[0].endswith("宣传部") and office not in study.lead and office in study.partners
    first = next(m for m in plan.measures() if m.id == "leadership.party.first_responsible")
    assert not set(first.partners) & party_names


def test_autonomy_regulations_are_proposed_by_the_government_and_drafted_by_its_departments(profile_file, library):
    # the government proposes them to the 人大 (its act, in the text); the 司法局 and the 民族宗教事务部门
    # lead the work, as the 司法厅 reads 13c and s14 (N-W1) ask: a plan's issuer does not lead its own task
    name = next(n for n in sorted(LOCALITIES) if "自治州" in n)
    plan = make_plan(load_profile(profile_file(profile_text(name)), library), library)
    measure = next(m for m in plan.measures() if m.id == "rules.key_areas.autonomy_regulations")
    assert "贯彻实施自治条例、单行条例，州政府适时向本级人民代表大会提出制定和修改的建议和草案" in measure.text
    assert measure.lead == ("州司法局", "州民族宗教事务局")


def test_the_two_way_link_of_administrative_and_criminal_penalties_is_carried(profile_file, library):
    for name in sorted(LOCALITIES):
        plan = make_plan(load_profile(profile_file(profile_text(name, detail="compact")), library), library)
        measure = next(m for m in plan.measures() if m.id == "enforcement.system_reform.criminal_justice_link")
        assert "依法不需要追究刑事责任或者免予刑事处罚、但应当给予行政处罚的案件" in measure.text, name


def test_the_rules_catch_tasks_for_courts_the_npc_and_the_staffing_office(library):
    """W1, W3 and 编办 of the 2026-12 review, and W9's missing recipients, put back: each is reported."""
    report = next(m for m in library.measures() if m.id == "leadership.mechanism.annual_report")
    broken = {
        "disputes.litigation.court_cooperation": dict(partners=("court", "all_depts")),
        "enforcement.system_reform.criminal_justice_link": dict(partners=("procuratorate", "public_security")),
        "rules.legislative_process.liaison_points": dict(partners=("npc_legal", "lower_govs")),
        "digital.platforms.integrated_service_platform": dict(lead=("staffing",), partners=("gov_office",)),
        "functions.streamlining.approval_reform": dict(partners=("staffing", "other_depts")),
        "oversight.synergy.npc_cppcc": dict(text="办理人大代表建议、政协委员提案，按时答复。"),
        "leadership.mechanism.annual_report": dict(text=report.text.replace("上一级党委和政府", "上级")),
    }
    for measure_id, change in broken.items():
        found = lead_problems(with_changed_measure(library, measure_id, **change))
        assert [p for p in found if p.startswith(measure_id)], measure_id


@pytest.mark.parametrize("name", sorted(LOCALITIES))
def test_drafts_assign_no_task_to_courts_the_npc_or_the_staffing_office_as_lead(profile_file, library, name):
    plan = make_plan(load_profile(profile_file(profile_text(name, detail="full")), library), library)
    names = {u.role: u.name for u in plan.units}
    outside = {names[key] for key in ("court", "procuratorate", "npc_legal") if key in names}
    for measure in plan.measures():
        units = set(measure.lead) | set(measure.partners)
        assert not units & outside, (measure.id, measure.lead, measure.partners)
        assert not any(u.endswith(("人民法院", "人民检察院", "人大常委会法工委")) for u in units), measure.id
        if any(u.endswith("委编办") for u in measure.lead):  # only 机构编制 matters (rule 12)
            assert measure.id in STAFFING_LED, (measure.id, measure.lead)
    court = next(m for m in plan.measures() if m.id == "disputes.litigation.court_cooperation")
    assert "支持人民法院依法受理和审理行政案件" in court.text
    row = next(i for i in plan.indicators if i.label.startswith("重大行政决策合法性审查覆盖率"))
    assert row.units[0].endswith("司法局") and row.units[1].endswith("政府办公室"), row.units
    decision = next(m for m in plan.measures() if m.id == "decisions.procedure.five_procedures")
    assert decision.lead[0].endswith("司法局") and decision.lead[1].endswith("政府办公室")
    report = next(m for m in plan.measures() if m.title == "严格执行年度报告制度")
    committee = names["party_committee"]
    assert f"{committee}、{names['gov']}向上一级党委和政府报告；" in report.text
    assert "向" + committee + "和同级人大常委会报告" in report.text


def test_a_role_without_a_default_name_never_leads(library):
    """河务部门 and 开发区管委会 are named only by the profile: a measure led by one would lose its lead."""
    from dataclasses import replace

    assert {key for key, role in library.roles.items() if role.default is None} == {"river_affairs", "zone_committee"}
    rules = tuple(replace(rule, measure=replace(rule.measure, lead=("river_affairs",)))
                  if rule.measure.id == "local.rivers.yellow" else rule for rule in library.local_measures)
    found = lead_problems(replace(library, local_measures=rules))
    assert found == ["local.rivers.yellow：没有默认名称的单位（river_affairs）档案可能没写，只作责任单位（牵头 river_affairs）"]


def test_the_government_does_not_lead_a_task_of_its_own_plan(library):
    """The last 司法厅 reads (汝州; s14 恩施): “牵头单位：市政府” in the government's own plan. Even the
    autonomy regulations the government proposes to the 人大 are led by the departments that draft them."""
    led = [m.id for m in [*library.measures(), *(rule.measure for rule in library.local_measures)] if "gov" in m.lead]
    assert led == [], led
