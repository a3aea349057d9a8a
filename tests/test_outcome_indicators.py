"""Issue 13, point 6 (司法厅 read 13c, I3): the 主要指标 table says what the plan will be measured
by — outcome indicators (行政复议调解和解率, 行政诉讼败诉率, 行政执法案卷评查合格率) with no default,
each a row of the measure that carries the work, named with that measure's 牵头单位; the value is the
profile's `targets`, else “（待定）” with the key to fill — never the library's direction (逐年下降), which
the profile did not give (s14 I5)."""

from __future__ import annotations

import io
import shutil

import docx
import pytest

from drafter.api import draft_bytes, draft_document
from drafter.errors import ValidationFailed
from drafter.library.loader import DATA, _load_library
from drafter.plan import make_plan
from drafter.profile import load_profile
from drafter.writers.docx_review import write_review_docx
from localities import profile_text
from test_indicators import table_rows
from test_input_values import refused

OUTCOMES = {  # key: (label, measure carrying the work)
    "reconsideration_mediation_rate": ("行政复议案件调解和解率", "disputes.reconsideration.new_law"),
    "litigation_loss_rate": ("行政诉讼案件败诉率", "disputes.litigation.head_appearance"),
    "enforcement_case_file_pass_rate": ("行政执法案卷评查合格率", "oversight.enforcement_supervision.case_review"),
}
TARGETS = """\
targets:
  reconsideration_mediation_rate: 65
  litigation_loss_rate: 5
  enforcement_case_file_pass_rate: 95
"""
PLACES = {"清河县": "县司法局", "延边朝鲜族自治州": "州司法局"}
MOST_ROWS = {"compact": 7, "standard": 9}  # docs/LIBRARY.md: the table of one page


def drafted(profile_file, library, name: str, detail: str, extra: str = ""):
    profile = load_profile(profile_file(profile_text(name, detail=detail, extra=extra)), library)
    return profile, make_plan(profile, library), draft_bytes(profile, library, "md").decode("utf-8")


@pytest.mark.parametrize("detail", ["compact", "standard"])
@pytest.mark.parametrize("name", sorted(PLACES))
def test_without_targets_the_outcome_rows_read_pending(profile_file, library, name, detail):
    _, plan, text = drafted(profile_file, library, name, detail)
    rows = table_rows(text)
    chosen = {m.id: m for m in plan.measures()}
    # 应诉 (出庭应诉) is in every draft, its outcome too, compact included: pending like the others (s14 I5:
    # “逐年下降” was a direction the profile never gave)
    assert rows["行政诉讼案件败诉率"] == ["（待定）", "每年", PLACES[name]]
    assert "逐年下降" not in text
    for key, (label, measure_id) in OUTCOMES.items():
        listed = measure_id in chosen and (detail != "compact" or label == "行政诉讼案件败诉率")
        assert (label in rows) == listed, (label, detail)  # a row of its measure; compact: no placeholder
        if label in rows:
            assert rows[label][2] == "、".join(chosen[measure_id].lead), label  # the measure's 牵头单位
    if detail == "standard":
        assert rows["行政复议案件调解和解率"] == ["（待定）", "2030年", PLACES[name]]
        assert rows["行政执法案卷评查合格率"] == ["（待定）", "2030年", PLACES[name]]
    assert len(rows) <= MOST_ROWS[detail], rows
    assert sum(value != "100%" for value, _, _ in rows.values()) >= 3  # not only legal floors (13c I3)
    hint = next(w for w in plan.warnings if w.startswith("主要指标表："))
    assert "表中目标值写“（待定）”的" in hint and "行政诉讼案件败诉率（targets.litigation_loss_rate）" in hint
    assert "按方向表述" not in hint
    assert "行政复议案件调解和解率（targets.reconsideration_mediation_rate）" in hint  # pending, or left out
    if detail == "compact":
        assert "未列入表中的" in hint and hint.index("未列入表中的") < hint.index("targets.reconsideration_mediation_rate")
    assert ("targets.enforcement_case_file_pass_rate" in hint) == ("oversight.enforcement_supervision.case_review" in chosen)


@pytest.mark.parametrize("detail", ["compact", "standard"])
@pytest.mark.parametrize("name", sorted(PLACES))
def test_a_target_given_is_printed_and_no_longer_asked_for(profile_file, library, name, detail):
    _, plan, text = drafted(profile_file, library, name, detail, TARGETS)
    rows = table_rows(text)
    assert rows["行政复议案件调解和解率"][:2] == ["65%", "2030年"]  # compact too: the locality's own figure
    assert rows["行政诉讼案件败诉率"][:2] == ["5%以内", "每年"]  # an upper bound
    if detail == "standard":
        assert rows["行政执法案卷评查合格率"][:2] == ["95%", "2030年"]
    assert "（待定）" not in {rows[label][0] for label, _ in OUTCOMES.values() if label in rows}
    _, _, unset = drafted(profile_file, library, name, detail)
    assert set(rows) - set(table_rows(unset)) <= {label for label, _ in OUTCOMES.values()}  # only what was given
    hint = next((w for w in plan.warnings if w.startswith("主要指标表：")), "")
    assert not [key for key in OUTCOMES if key in hint]
    assert "逐年下降" not in text


def test_the_body_carries_no_outcome_figure(profile_file, library):
    """An outcome is a row of the table; the measure's own text is the work and stays as it was."""
    _, plan, _ = drafted(profile_file, library, "清河县", "standard", TARGETS)
    texts = {m.id: m.text for m in plan.measures()}
    assert "调解和解" in texts["disputes.reconsideration.new_law"]
    assert not any("65%" in text or "5%以内" in text or "95%" in text for text in texts.values())


def test_review_copy_highlights_the_pending_values_with_their_keys(profile_file, library):
    profile = load_profile(profile_file(profile_text("延边朝鲜族自治州")), library)
    opened = docx.Document(io.BytesIO(write_review_docx(draft_document(profile, library))))
    table = next(t for t in opened.tables if t.rows[0].cells[1].text == "指标")
    cells = {row.cells[1].text: row.cells[2] for row in table.rows[1:]}
    for label, value in (("行政复议案件调解和解率", "（待定）"), ("行政诉讼案件败诉率", "（待定）"),
                         ("行政执法案卷评查合格率", "（待定）")):
        cell = cells[label]
        assert cell.text == value and all(r.font.highlight_color is not None for p in cell.paragraphs for r in p.runs
                                          if r.text), label
    comments = [c.text for c in opened.comments]
    assert any("待填目标值（行政复议案件调解和解率）" in c and "targets.reconsideration_mediation_rate" in c for c in comments)
    assert any("待填目标值（行政诉讼案件败诉率）" in c and "targets.litigation_loss_rate 中填写本地上限" in c
               for c in comments)


def test_check_names_the_outcome_keys(profile_file, run):
    result = run("check", profile_file(profile_text("清河县")))
    for key in OUTCOMES:
        assert f"targets.{key}" in result.stdout, key


@pytest.mark.parametrize("name, value, message", [
    ("litigation_loss_rate", "120", "这是上限（表中印作“120%以内”），应大于 0、小于 100（不带“%”）；现在是 120；"
                                    "尚未确定上限的，请删去这一行，表中写“（待定）”"),
    ("litigation_loss_rate", "-5", "这是上限（表中印作“-5%以内”），应大于 0、小于 100（不带“%”）；现在是 -5；"
                                   "尚未确定上限的，请删去这一行，表中写“（待定）”"),
    ("litigation_loss_rate", "100", "这是上限（表中印作“100%以内”），应大于 0、小于 100（不带“%”）；现在是 100；"
                                    "尚未确定上限的，请删去这一行，表中写“（待定）”"),
    ("litigation_loss_rate", "0.05", "比率按百分数填写，不带“%”：如 60 表示 60%；0.05 会印成“0.05%”"),
    ("reconsideration_mediation_rate", "150", "比率应大于 0、不超过 100（不带“%”）；现在是 150，请改为本地目标的百分数"),
    ("reconsideration_mediation_rate", "-1", "比率应大于 0、不超过 100（不带“%”）；现在是 -1，请改为本地目标的百分数"),
    ("enforcement_case_file_pass_rate", "九成", "应为本地目标的百分数（不带“%”），如 60 表示 60%；现在是 “九成”"),
    ("enforcement_case_file_pass_rate", ".nan", "应为本地目标的百分数（不带“%”），如 60 表示 60%；现在是 .nan"),
])
def test_an_outcome_target_out_of_range_is_refused_with_file_line_field_and_fix(profile_file, run, library,
                                                                               name, value, message):
    path = profile_file(profile_text("清河县") + f"targets:\n  {name}: {value}\n")
    line = path.read_text("utf-8").splitlines().index("targets:") + 2
    label = library.params[name].label
    refused(run("validate", path), f"{path}:{line} 字段 targets.{name}：{label}：{message}")


def test_a_target_typed_with_its_percent_sign_is_the_number(profile_file, library):
    profile = load_profile(profile_file(profile_text("清河县") + "targets:\n  litigation_loss_rate: 5%\n"), library)
    assert profile.targets == {"litigation_loss_rate": 5}


def test_the_loader_refuses_an_outcome_with_a_default_or_a_slot_in_the_text(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    path = data / "07_disputes.yaml"
    text = path.read_text("utf-8")
    text = text.replace("reconsideration_mediation_rate: {unit:", "reconsideration_mediation_rate: {default: 60, unit:", 1)
    text = text.replace("推动负责人“出庭出声”", "推动负责人“出庭出声”，败诉率{litigation_loss_rate}", 1)
    path.write_text(text, "utf-8")
    with pytest.raises(ValidationFailed) as failure:
        _load_library(data)
    messages = "\n".join(str(p) for p in failure.value.problems)
    assert "结果性指标 reconsideration_mediation_rate 不设 default：值只由档案的 targets 给出" in messages
    assert "结果性指标 litigation_loss_rate 只列入主要指标表，措施正文不写占位符 {litigation_loss_rate}" in messages
    assert "07_disputes.yaml:" in messages  # with the line to fix


def test_a_rewritten_measure_keeps_its_outcome_row_with_the_lead_the_profile_gave(profile_file, library):
    """selection.replace makes a measure's figures the profile's own text; what it is measured by stays."""
    extra = ("  replace:\n    disputes.litigation.head_appearance:\n"
             "      text: 被诉行政机关负责人应当出庭应诉，健全出庭应诉通报机制。\n      lead: [gov_office]\n")
    profile = load_profile(profile_file(profile_text("清河县") + extra), library)  # under selection:
    rows = table_rows(draft_bytes(profile, library, "md").decode("utf-8"))
    assert rows["行政诉讼案件败诉率"] == ["（待定）", "每年", "县政府办公室"]
    assert not any("出庭应诉率" in label for label in rows)  # the rewritten text holds no figure of the library's
