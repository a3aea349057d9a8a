"""The provincial 司法厅's third read (review 13b): level fit, training, cleanup and the 分工表,
read in the drafts of generated localities of every level (tests/localities.py) at every detail."""

from __future__ import annotations

import pytest

from drafter.api import draft_bytes
from drafter.plan import make_plan
from drafter.plan.select import powers
from drafter.profile import load_profile
from localities import LOCALITIES, profile_text

DETAILS = ("compact", "standard", "full")
CASES = [(name, detail) for name in sorted(LOCALITIES) for detail in DETAILS]


@pytest.fixture(scope="module")
def drafts(library, tmp_path_factory):
    made = {}
    folder = tmp_path_factory.mktemp("review13b")
    for name, detail in CASES:
        path = folder / f"{name}-{detail}.yaml"
        text = profile_text(name, detail=detail).replace("document:\n", "document:\n  division_table: true\n")
        path.write_text(text, encoding="utf-8")
        profile = load_profile(path, library)
        made[name, detail] = (profile, make_plan(profile, library), draft_bytes(profile, library, "md").decode("utf-8"))
    return made


def division_rows(text: str) -> list[list[str]]:
    """The 重点任务分工表 rows of a Markdown draft: [序号, 重点任务, 具体措施, 牵头单位, 责任单位, 完成时限]."""
    rows = []
    for line in text.split("重点任务分工表")[-1].splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) == 6 and cells[0].isdigit():
            rows.append(cells)
    return rows


@pytest.mark.parametrize("name,detail", CASES)
def test_l3_a_county_builds_rules_and_helps_upper_legislation_a_city_plans_its_rules(drafts, name, detail):
    profile, plan, text = drafts[name, detail]
    if "legislation" in powers(profile):
        assert "科学编制政府规章年度制定计划" in text and "规章公布后依法报送备案" in text
        return
    for words in ("立法和制度建设征求意见", "健全立法", "基层立法联系点", "政府规章年度制定计划"):
        assert words not in text, words
    assert "健全行政规范性文件和重要政策制定的征求意见、论证评估机制" in text
    titles = {t.title for c in plan.chapters for t in c.topics}
    assert "完善制度建设和参与立法工作机制" not in titles
    if detail == "full":
        assert "认真做好上级立法草案征求意见" in text


@pytest.mark.parametrize("name,detail", CASES)
def test_l4_a_county_reports_cases_and_uses_the_guiding_ones(drafts, name, detail):
    profile, plan, text = drafts[name, detail]
    if profile.jurisdiction.level.tier == "county":
        assert "编制发布行政执法指导案例" not in text
        if detail == "full":
            assert "报送本地行政执法典型案例，运用上级发布的行政执法指导案例" in text
    else:  # a city compiles its own typical cases and uses the upper guiding ones (13c, N-R2)
        assert "编制发布行政执法指导案例" not in text
        if detail != "compact":
            assert "汇编发布本地行政执法典型案例，运用上级发布的行政执法指导案例" in text


@pytest.mark.parametrize("name,detail", CASES)
def test_l6_township_stations_assist_the_county_bureau_a_prefecture_guides_both(drafts, name, detail):
    profile, plan, text = drafts[name, detail]
    if profile.jurisdiction.level.tier == "city":
        assert "司法所协助开展行政执法监督" not in text
        assert "指导县级司法行政部门及其派出的司法所开展行政执法监督" in text
    else:
        assert "司法所协助开展行政执法监督" in text
        assert "指导县级司法行政部门" not in text


@pytest.mark.parametrize("name,detail", CASES)
def test_l7_an_autonomous_locality_states_its_main_line_in_the_general_part(drafts, name, detail):
    profile, plan, text = drafts[name, detail]
    autonomous = "autonomy" in powers(profile)
    line = "做到“两个维护”，以铸牢中华民族共同体意识为主线，坚持党对法治政府建设的全面领导"
    assert (line in plan.general.guiding_ideology) is autonomous
    assert any("行政争议实质性化解能力明显提升，民族事务治理法治化水平明显提升" in g for g in plan.general.goals) is autonomous
    assert ("铸牢中华民族共同体意识" in text) is autonomous


@pytest.mark.parametrize("name,detail", CASES)
def test_o3_no_division_row_has_an_empty_cell(drafts, name, detail):
    profile, plan, text = drafts[name, detail]
    rows = division_rows(text)
    assert len(rows) == len(list(plan.measures()))
    assert all(all(cells) for cells in rows), [cells for cells in rows if not all(cells)]
    alone = [m for m in plan.measures() if not m.partners]
    assert [cells[4] for cells in rows if cells[2] in {m.title for m in alone}] == ["—"] * len(alone)


@pytest.mark.parametrize("name,detail", CASES)
def test_w4_the_committee_s_own_duty_opens_the_chapter_and_is_no_division_row(drafts, name, detail):
    profile, plan, text = drafts[name, detail]
    committee = next(u.name for u in plan.units if u.role == "party_committee")
    assert plan.guarantee.goal.startswith(committee + "切实担负推进法治建设的领导职责")
    assert "履行党委推进法治建设领导职责" not in text
    assert not any("依法治" in cells[3] and "党委" in cells[2] for cells in division_rows(text))


@pytest.mark.parametrize("name,detail", CASES)
def test_n_m2_normative_documents_are_cleaned_up_at_every_detail(drafts, name, detail):
    profile, plan, text = drafts[name, detail]
    assert "建立健全行政规范性文件动态清理工作机制，上位法立改废或者上级政策调整的及时清理，清理结果向社会公布" in text


@pytest.mark.parametrize("name,detail", CASES)
def test_n_m3_every_draft_carries_leaders_and_enforcement_staff_training_once(drafts, name, detail):
    profile, plan, text = drafts[name, detail]
    training = next(m for m in plan.measures() if m.id == "leadership.capacity.enforcement_training")
    # no document.issuers: party bodies lead the party's own work (s14 N-W6), so the 组织部门 leads the
    # 任前法律知识测试 and the 司法局 the 执法人员 training, in one measure (13c N-W5); a plan the
    # profile says the government alone issues keeps “配合组织部门” (tests/test_leads_14.py)
    assert training.title == "落实任前法律知识测试和执法人员培训制度"
    assert training.lead[0].endswith("委组织部") and "配合组织部门" not in text
    for words in ("落实拟任领导干部任前法律知识测试制度，由" + training.lead[0], "上岗培训"):
        assert words in training.text, words
    # said once in the measures' text (the title names it too since s15 N-R7, and the 分工表 repeats the title)
    assert sum(m.text.count("任前法律知识测试") for m in plan.measures()) == 1
    # 执法资格管理 is said once: here in a compact draft, else by its own measure (13c, N-R1)
    if "enforcement.procedure.personnel_management" in {m.id for m in plan.measures()}:
        assert "资格管理" not in training.text and "全面实行持证上岗和资格动态管理" in text
    else:
        assert "行政执法人员资格管理" in training.text


@pytest.mark.parametrize("name,detail", CASES)
def test_o5_the_governance_centre_and_petitions_sit_under_a_heading_that_names_them(drafts, name, detail):
    profile, plan, text = drafts[name, detail]
    topic = next(t for c in plan.chapters for t in c.topics if t.id == "disputes.mediation")
    assert topic.title == "加强行政调解和矛盾纠纷多元化解"
    ids = [m.id for m in topic.measures]
    assert "disputes.mediation.governance_centre" in ids and "disputes.mediation.petition" in ids
    centre = next(m for m in topic.measures if m.id == "disputes.mediation.governance_centre")
    assert centre.title == "发挥综治中心矛盾纠纷化解平台作用" and centre.lead[0].endswith("政法委")
    assert "巩固综治中心实体化、规范化运行成果" in centre.text and "推进综治中心规范化建设" not in text
    linkage = next(m for m in topic.measures if m.id == "disputes.mediation.linkage")
    assert "综治中心" not in linkage.text
