"""Issue 13, point 6: the 主要指标 table holds what a reviewer can check — outcomes and
commitments, yearly rates 每年, no statutory floors or cycles, no value nobody gave."""

from __future__ import annotations

import re

import pytest

from drafter.api import draft_bytes
from drafter.profile import load_profile
from drafter.plan import make_plan
from conftest import MINIMAL
from localities import LOCALITIES, profile_text

GIVEN = """\
targets:
  appearance_rate: 100
  mobile_service_coverage: 95
  enforcement_training_hours: 80
  normative_doc_cleanup_years: 2
  normative_doc_filing_rate: 100
"""


def table_rows(markdown: str) -> dict[str, list[str]]:
    """主要指标 rows of a Markdown draft: label → [value, term, units]."""
    part = markdown.split("主要指标")[1] if "主要指标" in markdown else ""
    rows = {}
    for line in part.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 5 and cells[0].isdigit():
            rows[re.sub(r"（依据《[^》]+》(?:（[^）]*）)?）$", "", cells[1])] = cells[2:]  # the label, its basis apart
        elif rows and not line.startswith("|"):
            break
    return rows


def draft(profile_file, library, name="清河县", extra="", detail="full"):
    profile = load_profile(profile_file(profile_text(name, detail=detail, extra=extra)), library)
    return make_plan(profile, library), draft_bytes(profile, library, "md").decode("utf-8")


def test_a_value_nobody_gave_is_pending_or_left_out_with_a_hint_naming_its_key(profile_file, library):
    plan, text = draft(profile_file, library)
    rows = table_rows(text)
    assert rows, "the table is there"
    assert "“掌上办事”政务服务事项覆盖率" not in rows  # not a core indicator: left out
    assert rows["群众对法治政府建设满意度测评目标分值"][0] == "（待定）"  # a core one: an explicit placeholder
    assert rows["行政执法人员每年法治培训学时"][:2] == ["（待定）", "每年"]
    hint = next(w for w in plan.warnings if w.startswith("主要指标表："))
    for key in ("targets.mobile_service_coverage", "targets.rule_of_law_satisfaction_score",
                "targets.enforcement_training_hours"):
        assert key in hint
    # a legal duty is never asked for a local figure (13b I3): printed with its basis, or left out
    for key in ("targets.appearance_rate", "targets.criminal_case_transfer_rate", "targets.normative_doc_review_rate"):
        assert key not in hint
    # a value a registered document fixes is a row without a target: 政府信息公开条例
    assert rows["依申请公开政府信息依法答复率"] == ["100%", "每年", "县政府办公室"]


@pytest.mark.parametrize("name", sorted(LOCALITIES))
@pytest.mark.parametrize("detail", ["compact", "standard"])
def test_a_legal_duty_row_prints_the_law_s_100_percent_with_its_basis_never_pending(profile_file, library, name, detail):
    """13b I3: 移送率, 出庭应诉率 … are what the law makes 100%: a “（待定）” there invited a local figure
    below the legal duty. A duty row prints 100% and names its registered basis; one no registered
    document fixes (合法性审核率, 报备率) is not a row at all; “（待定）” is left to what a locality sets."""
    plan, text = draft(profile_file, library, name=name, detail=detail)
    rows = table_rows(text)
    duties = {p.label: p for p in library.params.values() if p.duty}
    for label, (value, _, _) in rows.items():
        if label in duties:
            assert value == "100%", label
            cited = library.documents[duties[label].basis].cited
            assert f"| {label}（依据{cited}） | 100% |" in text, label
        if value == "（待定）":
            assert label not in duties, label
    assert "| 被诉行政机关出庭应诉率（负责人出庭或者委托相应工作人员出庭）（依据《中华人民共和国行政诉讼法》） | 100% |" in text
    assert "| 行政执法部门涉嫌犯罪案件主动移送率（依据《行政执法机关移送涉嫌犯罪案件的规定》（2001年国务院令第310号公布，2020年国务院令第730号修订）） | 100% |" in text
    assert "行政规范性文件合法性审核率" not in rows and "行政规范性文件报备率、报备及时率和规范率" not in rows
    assert "行政执法人员每年法治培训学时" in rows  # compact too: its composite training measure (13b N-M3)
    assert 5 <= len(rows) <= {"compact": 7, "standard": 9}[detail], rows  # docs/LIBRARY.md: one page


def test_a_given_target_is_a_row_and_floors_and_cycles_never_are(profile_file, library):
    plan, text = draft(profile_file, library, extra=GIVEN)
    rows = table_rows(text)
    assert rows["“掌上办事”政务服务事项覆盖率"][:2] == ["95%", "2030年"]
    assert rows["行政执法人员每年法治培训学时"][:2] == ["80学时", "每年"]
    assert not [label for label in rows if "最少人数" in label or "周期" in label or "时限" in label]
    # a statutory floor is no measure: 审理案件由2名以上行政复议人员参加 is gone (司法厅审读 final2 I4)
    assert "行政复议人员参加" not in text and "复议人员最少人数" not in text
    hint = next((w for w in plan.warnings if w.startswith("主要指标表：")), "")
    assert "targets.mobile_service_coverage" not in hint and "normative_doc_cleanup_years" not in hint


def test_yearly_rates_read_每年_and_appearance_agrees_with_委托出庭(profile_file, library):
    plan, text = draft(profile_file, library, extra=GIVEN)
    rows = table_rows(text)
    for label, (value, term, _) in rows.items():
        if "每年" in label or "年度" in label or value == "100%":
            assert term == "每年", label
    label = next(label for label in rows if "出庭应诉率" in label)
    assert "委托" in label and rows[label][:2] == ["100%", "每年"]
    measure = next(m for m in plan.measures() if m.id == "disputes.litigation.head_appearance")
    assert "委托相应工作人员出庭" in measure.text and "出庭应诉率保持100%" in measure.text


@pytest.mark.parametrize("name", sorted(LOCALITIES))
def test_no_locality_prints_a_default_as_its_target(profile_file, library, name):
    plan, text = draft(profile_file, library, name=name, detail="standard")
    fixed = {p.label for p in library.params.values() if p.basis}
    core = {p.label for p in library.params.values() if p.core or p.outcome}
    rows = table_rows(text)
    stated = {label for label, (value, _, _) in rows.items() if value != "（待定）"}
    assert stated <= fixed  # no direction either (s14 I5: 逐年下降 was never the profile's)
    assert {label for label, (value, _, _) in rows.items() if value == "（待定）"} <= core
    assert 5 <= len(rows) <= 9, rows  # the rows of a real plan's table (standard: at most 9, docs/LIBRARY.md)


def test_the_goals_name_a_figure_only_when_the_profile_sets_it(profile_file, library):
    """The second reader's I2: “满意度测评达到90分以上” was one seed plan's target printed as the county's."""
    from drafter.plan import make_plan
    from drafter.profile import load_profile

    unset = make_plan(load_profile(profile_file(MINIMAL), library), library)
    assert not any("满意度测评" in goal for goal in unset.general.goals)
    assert any(goal.endswith("人民群众合法权益得到充分保障。") for goal in unset.general.goals)
    given = make_plan(load_profile(profile_file(MINIMAL + "targets:\n  rule_of_law_satisfaction_score: 92\n"), library),
                      library)
    assert any("群众对法治政府建设的满意度测评达到92分以上。" in goal for goal in given.general.goals)
