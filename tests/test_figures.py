"""Issue 13, point 6 (reviewer's I1, I3): a figure neither the profile's targets nor a registered
document fixes is never printed as the locality's commitment — not in a measure, not in the
主要指标 table — and the review copy marks each place with the targets key to fill."""

from __future__ import annotations

import io
import re

import docx
import pytest

from drafter.api import draft_bytes, draft_document
from drafter.plan import make_plan
from drafter.profile import load_profile
from drafter.writers.docx_review import write_review_docx
from localities import LOCALITIES, profile_text

# The reviewer's examples (report 13, I1): one seed plan's figures printed as the county's.
# 主动移送率, 出庭应诉率 are since 13b the law's own 100% with a registered basis: they print.
SEED_FIGURES = ("合法性审核率达到100%", "报备率、报备及时率和规范率均达到100%",
                "不少于3个领域", "法治专题讲座不少于2期", "会前学法不少于4次",
                "专题培训班不少于2期", "不少于60学时", "满意度测评达到90分")

TARGETS = """\
targets:
  normative_doc_review_rate: 100
  appearance_rate: 100
  enforcement_training_hours: 80
  pre_meeting_law_study: 6
  rule_of_law_satisfaction_score: 92
"""


def plan_and_text(profile_file, library, name="清河县", extra="", detail="full"):
    profile = load_profile(profile_file(profile_text(name, detail=detail, extra=extra)), library)
    return profile, make_plan(profile, library), draft_bytes(profile, library, "md").decode("utf-8")


@pytest.mark.parametrize("name", sorted(LOCALITIES))
def test_without_targets_no_measure_prints_a_default_figure(profile_file, library, name):
    profile, plan, text = plan_and_text(profile_file, library, name)
    for figure in SEED_FIGURES:
        assert figure not in text, figure
    library_measures = {m.id: m for m in library.measures()}
    for measure in plan.measures():
        source = library_measures.get(measure.id)
        for param in (library.params[n] for n in (source.params if source else ())):
            if param.basis or param.indicator or not isinstance(param.default, (int, float)):
                continue
            # the slot's figure with the words before it (达到100%, 不少于60学时) is nowhere in the text
            for before in re.findall(r"([^，；。{}]{2})\{" + param.name + r"\}", source.text):
                assert f"{before}{param.default}{param.unit}" not in measure.text, (measure.id, param.name)


def test_the_sentence_reads_without_the_figure(profile_file, library):
    _, plan, text = plan_and_text(profile_file, library)
    assert "做到应审必审、凡审必严，确保合法性审核全覆盖；" in text
    # a legal duty a registered document fixes prints the law's 100% (行政诉讼法第三条, 国务院令第310号)
    assert "不得仅委托律师出庭，被诉行政机关出庭应诉率保持100%，推动负责人“出庭出声”" in text
    assert "涉嫌犯罪案件主动移送率达到100%" in text
    assert "确保执法人员每人每年接受业务知识和法律法规培训，培训考试成绩作为任职晋职的依据之一" in text
    assert "政府领导班子每年举办法治专题讲座，坚持政府常务会议会前学法制度，重大行政决策前开展专题学法" in text
    # a figure a registered document fixes stays (重大行政决策程序暂行条例, 政府信息公开条例)
    assert "决策草案合法性审查覆盖率达到100%" in text and "答复率达到100%" in text


def test_with_targets_set_the_figure_appears(profile_file, library):
    _, plan, text = plan_and_text(profile_file, library, extra=TARGETS)
    assert "合法性审核率达到100%" in text and "出庭应诉率保持100%" in text
    assert "不少于80学时" in text and "会前学法不少于6次" in text and "满意度测评达到92分以上" in text
    assert "确保合法性审核全覆盖" not in text and "做到应出尽出" not in text


def test_check_names_each_unset_key(profile_file, library, run):
    path = profile_file(profile_text("清河县"))
    result = run("check", path)
    for key in ("targets.normative_doc_review_rate", "targets.appearance_rate", "targets.enforcement_training_hours"):
        assert key in result.stdout, key


def test_the_table_lists_core_indicators_pending_and_one_hint_names_their_keys(profile_file, library):
    _, plan, text = plan_and_text(profile_file, library, detail="standard")
    pending = [row for row in plan.indicators if row.value == "（待定）"]
    assert {row.label for row in pending} <= {p.label for p in library.params.values() if p.core or p.outcome}
    assert len(pending) >= 2 and 5 <= len(plan.indicators) <= 12
    assert not [row for row in pending if library.params[next(n for n, p in library.params.items() if p.label == row.label)].duty]
    assert "| 行政执法人员每年法治培训学时 | （待定） | 每年 |" in text
    # a registered value prints, its basis named
    assert "| 重大行政决策合法性审查覆盖率（依据《重大行政决策程序暂行条例》（国务院令第713号）） | 100% | 每年 |" in text
    hints = [w for w in plan.warnings if w.startswith("主要指标表：")]
    assert len(hints) == 1 and "表中目标值写“（待定）”" in hints[0]
    assert all(f"targets.{p.name}" in hints[0] for p in library.params.values() if p.label in {r.label for r in pending})
    _, given, text = plan_and_text(profile_file, library, detail="standard", extra=TARGETS)
    assert "| 行政执法人员每年法治培训学时 | 80学时 | 每年 |" in text
    assert not any(row.label == "行政执法人员每年法治培训学时" and row.value == "（待定）" for row in given.indicators)


def test_docx_table_prints_the_placeholder(profile_file, library):
    profile = load_profile(profile_file(profile_text("清河县")), library)
    opened = docx.Document(io.BytesIO(draft_bytes(profile, library, "docx")))
    table = next(t for t in opened.tables if t.rows[0].cells[1].text == "指标")
    values = {row.cells[1].text: row.cells[2].text for row in table.rows[1:]}
    assert values["行政执法人员每年法治培训学时"] == "（待定）"


def test_review_copy_highlights_each_placeholder_and_wording_with_its_key(profile_file, library):
    profile = load_profile(profile_file(profile_text("清河县")), library)
    opened = docx.Document(io.BytesIO(write_review_docx(draft_document(profile, library))))
    table = next(t for t in opened.tables if t.rows[0].cells[1].text == "指标")
    cell = next(row.cells[2] for row in table.rows[1:] if row.cells[1].text == "行政执法人员每年法治培训学时")
    assert cell.text == "（待定）" and all(r.font.highlight_color is not None for p in cell.paragraphs for r in p.runs if r.text)
    comments = [c.text for c in opened.comments]
    assert any("待填目标值（行政执法人员每年法治培训学时）" in c and "targets.enforcement_training_hours" in c
               for c in comments)
    # the figure-free wording in the measure is highlighted with the key that would put the figure back
    marked = [r.text for p in opened.paragraphs for r in p.runs if r.font.highlight_color is not None]
    assert "确保合法性审核全覆盖" in marked
    assert any("是法定义务，正文写法定要求，不设本地目标值" in c and "targets.normative_doc_review_rate" in c
               for c in comments)
