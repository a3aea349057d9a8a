"""Issue 7: current and honest for the period — milestones of their era, real documents only,
today's institutions, every generic word resolved for the locality."""

from __future__ import annotations

import re

import pytest

from drafter.api import draft_document
from drafter.library.quality import generic_words
from drafter.plan import make_plan
from drafter.profile import load_profile
from localities import profile_text


def plan_of(profile_file, library, text: str, name: str = "profile.yaml"):
    return make_plan(load_profile(profile_file(text, name), library), library)


def milestones(library):
    """Library measures of the 2021–2025 round: an absolute-year deadline or an `until`."""
    return [m for m in library.measures() if m.until is not None and m.until <= 2025]


def test_the_library_dates_its_2021_2025_milestones(library):
    dated = [m for m in library.measures() if isinstance(m.deadline, int) and m.deadline >= 2000]
    assert len(dated) >= 5, "the outline's dated reforms are recorded with their years"
    assert all(2021 <= m.deadline <= 2025 for m in dated)
    assert len(milestones(library)) >= len(dated)


@pytest.mark.parametrize("start,end", [(2026, 2030), (2031, 2035)])
def test_later_plans_carry_no_2021_2025_milestone_as_a_target(profile_file, library, start, end):
    plan = plan_of(profile_file, library, profile_text("清河县", start, end, "full"))
    by_id = {m.id: m for m in plan.measures()}
    for measure in milestones(library):
        planned = by_id.get(measure.id)
        if planned is None:
            continue  # dropped after its era
        assert planned.text != measure.text.replace("{deadline}", "") and "{deadline}" not in planned.text
        if measure.later is not None and measure.later.deadline is None:
            assert planned.deadline is None, measure.id
    for planned in plan.measures():
        for year in re.findall(r"(20\d\d)年", planned.text + (planned.deadline or "")):
            assert start <= int(year) <= end, (planned.id, year)
    words = " ".join(m.text for m in plan.measures())
    assert "最多跑一次" not in words and "高效办成一件事" in words
    indicators = " ".join(row.label for row in plan.indicators)
    assert "最多跑一次" not in indicators and "网上可办率" not in indicators  # 2021–2025 targets


def test_a_2021_2025_plan_still_has_them(profile_file, library):
    # written in that round (a plan dated later could not set a 2022 deadline: test_issue_date.py)
    text = profile_text("清河县", 2021, 2025, "full").replace("  kind: 实施方案\n", "  kind: 实施方案\n  date: 2021-10-01\n")
    plan = plan_of(profile_file, library, text)
    by_id = {m.id: m for m in plan.measures()}
    dated = [m for m in library.measures() if isinstance(m.deadline, int) and m.deadline >= 2000
             and "county" in m.levels and not m.requires - {"townships"}]
    assert dated
    for measure in dated:
        assert by_id[measure.id].deadline == f"{measure.deadline}年底前", measure.id
    words = " ".join(m.text for m in plan.measures())
    assert "高效办成一件事" not in words  # a 2024 policy is not in a plan written in 2021


def test_preamble_cites_only_registered_documents(profile_file, library):
    early = plan_of(profile_file, library, profile_text("清河县", 2021, 2025).replace("清河", "凤台").replace("河北省", "安徽省")
                    .replace("邢台市", "淮南市"))
    assert early.basis == ("中共中央、国务院《法治政府建设实施纲要（2021—2025年）》",
                           "安徽省委、安徽省人民政府《安徽省法治政府建设实施方案（2021—2025年）》",
                           "淮南市关于法治政府建设的部署要求")
    middle = plan_of(profile_file, library, profile_text("清河县", 2022, 2025), "b.yaml")
    assert middle.basis[0] == "中共中央、国务院《法治政府建设实施纲要（2021—2025年）》"  # there is no 2022—2025 outline
    current = plan_of(profile_file, library, profile_text("清河县"), "c.yaml")
    assert current.basis == ("党中央、国务院关于法治政府建设的决策部署", "河北省、邢台市关于法治政府建设的部署要求")
    assert sum("document.basis" in w for w in current.warnings) == 2


def test_the_draft_prints_the_guess_as_a_hint(profile_file, run, tmp_path):
    result = run("draft", profile_file(profile_text("清河县")), "-o", tmp_path, "--format", "md")
    assert result.exit_code == 0
    assert "提示：" in result.stderr and "document.basis" in result.stderr
    assert "（2026—2030年）》" not in next(tmp_path.glob("*.md")).read_text(encoding="utf-8").split("\n\n")[2]


@pytest.mark.parametrize("date,congress", [("2022-06-01", "党的十九大"), ("2023-03-01", "党的二十大"), (None, "党的二十大")])
def test_congress_wording_follows_the_documents_date(profile_file, library, date, congress):
    extra = f"  date: {date}\n" if date else ""
    text = profile_text("清河县", 2022 if date == "2022-06-01" else 2026, 2025 if date == "2022-06-01" else 2030)
    text = text.replace("  kind: 实施方案\n", "  kind: 实施方案\n" + extra)
    plan = plan_of(profile_file, library, text)
    assert f"全面贯彻{congress}" in plan.general.guiding_ideology


def test_every_basis_names_a_real_registered_document(library):
    for key, document in library.documents.items():
        assert document.title and document.issuer, key
    cited = {key for m in library.measures() for key in m.basis}
    assert cited <= set(library.documents)
    needed = {"efficient_one_thing_2024", "reconsideration_law_2023", "emergency_response_law_2024",
              "fair_competition_review_2024", "private_economy_law_2025", "plan_15th_proposal_2025",
              "institution_reform_2023"}
    assert needed <= cited, needed - cited


def test_no_party_committee_court_or_procuratorate_leads_and_no_group_leads_alone(library):
    for measure in library.measures():
        roles = [library.roles[key] for key in measure.lead]
        assert all(role.may_lead for role in roles), (measure.id, measure.lead)
        assert not all(role.group for role in roles), (measure.id, measure.lead)


def test_todays_institutions_lead_their_measures(library):
    leads = {key for m in library.measures() for key in m.lead}
    assert {"data_bureau", "social_work"} <= leads
    used = leads | {key for m in library.measures() for key in m.partners}
    assert {"cyberspace", "federation_industry", "industry_it"} <= used


@pytest.mark.parametrize("name", ["桐乡市", "清河县", "海淀区", "延边朝鲜族自治州"])
def test_every_generic_word_is_resolved_for_the_locality(profile_file, library, name):
    profile = load_profile(profile_file(profile_text(name, detail="full")), library)
    document = draft_document(profile, library)
    text = "\n".join(p.text for p in document.paragraphs())
    assert generic_words(text, [name, profile.jurisdiction.city or ""]) == []
    if profile.jurisdiction.lower_govs:
        assert "乡镇（街道）" not in text
    plan = make_plan(profile, library)
    groups = {u.name for u in plan.units if library.roles.get(u.role) and library.roles[u.role].group}
    assert all(not set(m.lead) <= groups for m in plan.measures()), "a group is never the only lead"
    if name == "桐乡市":
        assert "嘉兴市委、嘉兴市人民政府" in " ".join(plan.basis) or "嘉兴市关于" in " ".join(plan.basis)


TARGETS = """\
targets:
  normative_doc_filing_rate: 100
  criminal_case_transfer_rate: 100
  appearance_rate: 100
  mobile_service_coverage: 90
  leadership_law_lectures: 2
  pre_meeting_law_study: 4
  enforcement_training_hours: 60
  rule_of_law_satisfaction_score: 90
"""


def test_indicator_table_and_stages_of_a_2026_2030_plan(profile_file, library):
    # Rows are the profile's own targets and values a registered document fixes (issue 13.6:
    # without targets the table holds only the latter; test_indicators.py).
    plan = plan_of(profile_file, library, profile_text("清河县", extra=TARGETS))
    assert len(plan.indicators) >= 8
    assert all(row.value and row.term and row.units for row in plan.indicators)
    assert [(s.name, s.years) for s in plan.stages] == [
        ("部署启动", "2026年1月—4月"), ("全面实施", "2026年5月—2027年12月"), ("中期评估", "2028年上半年"),
        ("深化提升", "2028年7月—2029年12月"), ("总结验收", "2030年")]
    opinion = plan_of(profile_file, library, profile_text("清河县", kind="实施意见"), "o.yaml")
    assert opinion.stages == ()  # off by default for 实施意见


def test_a_yearly_duty_reads_每年_in_the_division_table(profile_file, library):
    """Issue 7.5: 完成时限 says what the measure asks. A text that sets a duty for every year
    says it through {deadline}, so the body and the 分工表 cannot disagree."""
    for measure in library.measures():
        versions = [(measure.text, measure.deadline)]
        if measure.later is not None:
            versions.append((measure.later.text, measure.later.deadline))
        for text, deadline in versions:
            assert "每年" not in text or deadline == "annual", measure.id
    plan = plan_of(profile_file, library, profile_text("清河县"))
    terms = {m.title: m.deadline for m in plan.measures()}
    assert terms["严格执行年度报告制度"] == "每年"  # the annual report is a key duty of every plan
    yearly = [title for title, term in terms.items() if term == "每年"]
    assert len(yearly) >= 5, yearly
