"""Issue 13, point 7 (reviewer's D2): a measure whose work completes carries a dated milestone
(plan/milestones.py), after the date of issue and inside the period; ongoing work stays 持续推进."""

from __future__ import annotations

import io
import re
from datetime import date

import docx
import pytest

from drafter.api import draft_bytes, draft_document
from drafter.plan import make_plan
from drafter.profile import load_profile
from drafter.size import measure as measure_size
from drafter.writers.docx_review import write_review_docx
from localities import LOCALITIES, profile_text

DEADLINE = re.compile(r"(20\d\d)年(?:(\d{1,2})月)?底前")


def dated(text: str, issued: str) -> str:
    return text.replace("  kind: 实施方案\n", f"  kind: 实施方案\n  date: {issued}\n")


def plan_of(profile_file, library, issued="2026-12-01", name="清河县", start=2026, end=2030, detail="standard"):
    profile = load_profile(profile_file(dated(profile_text(name, start, end, detail=detail), issued)), library)
    return profile, make_plan(profile, library)


def test_building_work_is_dated_in_the_text_and_the_division_table(profile_file, library):
    profile, plan = plan_of(profile_file, library)
    text = draft_bytes(profile, library, "md").decode("utf-8")
    assert "2027年底前制定行政调解工作办法" in text  # issue: end of the first full year after issue
    assert "2028年6月底前建立企业诉求快速响应" in text  # build: mid second year
    assert "2028年底前健全乡镇（街道）、村（社区）应急处置组织体系" in text  # cover: end of the second year (乡镇（街道）: 13c L2)
    # duties already in force are not put off to an assumed date (the 2026-12 司法厅 read: N-D2, N-S2)
    assert "健全县政府行政复议委员会" in text and "前健全县政府行政复议委员会" not in text
    assert "前推进综治中心规范化建设" not in text and "前推动“三项制度”" not in text
    assert "健全防范和化解拖欠长效机制" in text and "前健全防范和化解拖欠长效机制" not in text  # 13c, N-D2
    terms = {m.title: m.term for m in plan.measures()}
    assert terms["健全行政调解工作制度"] == "2027年底前"
    assert terms["严格落实《公平竞争审查条例》"] == "持续推进"  # an ongoing duty is not dated


def test_building_work_is_dated_and_the_size_line_says_so(profile_file, library):
    """Building work is dated; ongoing duties and duties already in force are not (so the share
    is what the content warrants, not a quota)."""
    profile, plan = plan_of(profile_file, library)
    size = measure_size(draft_document(profile, library), [m.deadline for m in plan.measures()])
    # about one in twelve to one in three: a county executes the upper 不罚清单 rather than issuing its own
    # (13c N-L3), and duties already in force are undated (13c N-D2; s14: 决策跟踪, 监测预警, 应急联动,
    # 政务公开清单, 普法责任清单), so a county's share is about 10%; what is dated is work that builds something
    assert 0.08 <= size.dated / size.measures <= 0.45, size.line()
    share = round(100 * size.dated / size.measures)
    assert f"完成时限：具体年份 {share}%" in size.line()


@pytest.mark.parametrize("issued,start,end", [
    ("2026-12-01", 2026, 2030), ("2025-11-20", 2026, 2030), ("2027-06-01", 2026, 2030), ("2029-05-01", 2026, 2030),
    ("2026-12-01", 2026, 2035),
])
def test_assumed_deadlines_fall_after_issue_and_inside_the_period(profile_file, library, issued, start, end):
    _, plan = plan_of(profile_file, library, issued, start=start, end=end)
    day = date.fromisoformat(issued)
    assumed = [(m, d) for m in plan.measures() for d in m.defaults if d.field.endswith(".deadline")]
    assert assumed
    for measure, default in assumed:
        year, month = DEADLINE.fullmatch(default.text).groups()
        due = date(int(year), int(month or 12), 28)
        assert day < due and start <= int(year) <= end, (measure.id, default.text)
        assert measure.deadline == default.text and default.text in measure.text


@pytest.mark.parametrize("name", sorted(LOCALITIES))
def test_every_locality_gets_dated_milestones(profile_file, library, name):
    _, plan = plan_of(profile_file, library, name=name)
    measures = list(plan.measures())
    # at least one in twelve (a county's 不罚清单 is an ongoing duty since 13c N-L3, five duties in force lost
    # their assumed dates in s14 N-D2: about 11 of 95)
    assert sum(1 for m in measures if m.deadline and m.deadline != "每年") >= len(measures) // 12


def test_review_copy_highlights_each_assumed_deadline_and_names_the_rule(profile_file, library):
    profile, _ = plan_of(profile_file, library)
    opened = docx.Document(io.BytesIO(write_review_docx(draft_document(profile, library))))
    paragraph = next(p for p in opened.paragraphs if "制定行政调解工作办法" in p.text)
    assert "2027年底前" in [r.text for r in paragraph.runs if r.font.highlight_color is not None]
    comments = [c.text for c in opened.comments]
    assert any("2027年底前（时限为推定，请本地确定，按规则：制定、出台清单、目录、办法类任务，定于印发后第一个完整年度年底前）" in c
               and "selection.replace.disputes.mediation.procedure.deadline" in c for c in comments)


def test_check_lists_the_assumed_deadlines(profile_file, run):
    result = run("check", profile_file(dated(profile_text("清河县"), "2026-12-01")))
    assert "工具推定的完成时限：" in result.stdout
    assert "selection.replace.disputes.mediation.procedure.deadline：2027年底前（健全行政调解工作制度；按规则：" in result.stdout


def test_the_profiles_own_deadline_replaces_the_assumed_one(profile_file, library):
    text = profile_text("清河县").replace("selection:\n", "selection:\n  replace:\n    disputes.mediation.procedure: {deadline: 3}\n")
    profile = load_profile(profile_file(dated(text, "2026-12-01")), library)
    measure = next(m for m in make_plan(profile, library).measures() if m.id == "disputes.mediation.procedure")
    assert measure.deadline == "2029年底前" and "2029年底前制定行政调解工作办法" in measure.text
    assert not [d for d in measure.defaults if d.field.endswith(".deadline")]  # the locality's own: no default
