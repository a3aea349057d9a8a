"""Issue 13, point 7: the date of issue — document.date, else today — and nothing scheduled before it."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from drafter.api import draft_document
from drafter.plan import make_plan
from drafter.profile import load_profile
from localities import profile_text

YEAR = re.compile(r"(20\d\d)年")


def dated(text: str, issued: str | None) -> str:
    return text.replace("  kind: 实施方案\n", f"  kind: 实施方案\n  date: {issued}\n") if issued else text


def scheduled_years(plan) -> list[tuple[str, int]]:
    """Every year the draft schedules: deadlines, stages, indicator terms, years in measure texts."""
    years = [(m.id, int(y)) for m in plan.measures() for y in YEAR.findall((m.deadline or "") + m.text)]
    years += [(f"stage {s.name}", int(y)) for s in plan.stages for y in YEAR.findall(s.years)]
    years += [(f"indicator {r.label}", int(y)) for r in plan.indicators for y in YEAR.findall(r.term)]
    return years


INITIATIVE = """\
initiatives:
  - topic: digital.platforms
    title: 打造产业法治服务品牌
    text: 设立企业法律服务站，为中小企业提供合同审查等法律服务。
    lead: [justice]
    deadline: 2
"""


def local_deadline(plan) -> str:
    """The initiative's deadline, due in the second year the draft can schedule."""
    return next(m.deadline for m in plan.measures() if m.title == "打造产业法治服务品牌")


# issue 13, point 7: deadlines count from the first full year after the date of issue (2027-01-01
# itself begins a full year); the stages begin the month after the month of issue
@pytest.mark.parametrize("issued,first", [("2026-03-01", 2027), ("2026-12-01", 2027), ("2027-01-01", 2027),
                                          ("2027-01-20", 2028), ("2027-06-01", 2028)])
def test_nothing_is_scheduled_before_the_date_of_issue(profile_file, library, issued, first):
    profile = load_profile(profile_file(dated(profile_text("清河县", detail="full", extra=INITIATIVE), issued)), library)
    plan = make_plan(profile, library)
    day = date.fromisoformat(issued)
    for where, year in scheduled_years(plan):
        assert date(year, 12, 31) > day, (where, year)
    after = (day.year, day.month + 1) if day.month < 12 else (day.year + 1, 1)
    assert plan.stages[0].key == "deploy" and plan.stages[0].begin == after
    assert plan.stages[-1].years == "2030年"
    assert local_deadline(plan) == f"{first + 1}年底前"  # year 2 counts from the first full year after issue
    text = "\n".join(p.text for p in draft_document(profile, library).paragraphs())
    assert f"部署启动阶段（{plan.stages[0].years}）" in text and "总结验收阶段（2030年）" in text


def test_a_draft_dated_before_the_period_schedules_from_its_start(profile_file, library):
    plan = make_plan(load_profile(profile_file(dated(profile_text("清河县", extra=INITIATIVE), "2025-11-20")), library), library)
    assert [(s.name, s.years) for s in plan.stages] == [
        ("部署启动", "2026年1月—4月"), ("全面实施", "2026年5月—2027年12月"), ("中期评估", "2028年上半年"),
        ("深化提升", "2028年7月—2029年12月"), ("总结验收", "2030年")]
    assert local_deadline(plan) == "2027年底前"


def test_without_a_date_the_draft_is_issued_today_and_its_stages_begin_the_month_after(profile_file, library):
    # s14 F3: a 征求意见稿 made on 2026-12-01 began its 部署启动 “2026年12月”, already under way on the day
    # it went round. Issued today (point 7), its stages begin the month after.
    profile = load_profile(profile_file(profile_text("清河县", extra=INITIATIVE)), library)
    december = make_plan(profile, library, today=date(2026, 12, 1))
    assert [(s.name, s.years) for s in december.stages] == [
        ("部署启动", "2027年1月—4月"), ("全面实施", "2027年5月—2028年6月"), ("中期评估", "2028年下半年"),
        ("深化提升", "2029年"), ("总结验收", "2030年")]
    deadlines = [year for where, year in scheduled_years(december) if not where.startswith("stage")]
    assert all(year >= 2027 for year in deadlines) and local_deadline(december) == "2028年底前"
    assert make_plan(profile, library, today=date(2027, 5, 20)).stages[0].years == "2027年6月—9月"
    assert make_plan(profile, library).stages[0].years == "2026年1月—4月"  # the tests' today is 2020-12-01
    assert local_deadline(make_plan(profile, library, today=date(2027, 1, 20))) == "2029年底前"  # 2028 is the first full year


def test_the_draft_command_schedules_from_the_month_after_today(profile_file, run, tmp_path, monkeypatch):
    monkeypatch.setattr("drafter.plan.issue.today", lambda: date(2026, 12, 1))
    result = run("draft", profile_file(profile_text("清河县")), "-o", tmp_path, "--format", "md")
    assert result.exit_code == 0
    text = next(tmp_path.glob("*.md")).read_text(encoding="utf-8")
    assert "部署启动阶段（2027年1月—4月）" in text and "中期评估阶段（2028年下半年）" in text


# s15 F4: the words say that a date of issue in 2027 moves every deadline a year
WITHOUT_DATE = ("档案未写 document.date，印发日期按今天（2026年12月1日）推算：实施步骤从印发次月（2027年1月）起排，“2027年底前”"
                "“2028年底前”等完成时限从印发后第一个完整年度（2027年）起算；在 2027年内印发的，各项完成时限顺延一年；"
                "确定印发日期后，请在档案 document.date 中写明（如 2027-03-15），重新生成")


def review_copy(profile_file, library, text: str):
    import io

    import docx

    from drafter.writers.docx_review import write_review_docx

    return docx.Document(io.BytesIO(write_review_docx(draft_document(load_profile(profile_file(text), library), library))))


def test_the_review_copy_and_check_say_which_date_the_schedule_counts_from(profile_file, library, run, monkeypatch):
    monkeypatch.setattr("drafter.plan.issue.today", lambda: date(2026, 12, 1))
    opened = review_copy(profile_file, library, profile_text("清河县"))
    (heading,) = [c for c in opened.comments if c.text.startswith("印发日期：")]
    assert heading.text == f"印发日期：{WITHOUT_DATE}。"
    anchored = next(p for p in opened.paragraphs if p.text.endswith("实施步骤"))
    assert f'w:commentReference w:id="{heading.comment_id}"' in anchored._p.xml
    assert not [r for r in anchored.runs if r.font.highlight_color is not None]  # a remark, not a default
    stage = next(p for p in opened.paragraphs if p.text.startswith("部署启动阶段"))
    assert [r.text for r in stage.runs if r.font.highlight_color is not None] == ["部署启动阶段（2027年1月—4月）"]
    assert any("document.date" in c.text and "部署启动阶段（2027年1月—4月）" in c.text for c in opened.comments)
    assert f"document.date：{WITHOUT_DATE}\n" in run("check", profile_file(profile_text("清河县"))).stdout
    # a written date: the heading says it, nothing is highlighted, check is silent
    given = dated(profile_text("清河县"), "2027-04-15")
    opened = review_copy(profile_file, library, given)
    (heading,) = [c for c in opened.comments if c.text.startswith("印发日期：")]
    assert heading.text.startswith("印发日期：按档案 document.date（2027年4月15日）推算：实施步骤从印发次月（2027年5月）起排，"
                                   "“2028年底前”“2029年底前”等完成时限从印发后第一个完整年度（2028年）起算")
    stage = next(p for p in opened.paragraphs if p.text.startswith("部署启动阶段"))
    assert stage.text.startswith("部署启动阶段（2027年5月—8月）") and not [
        r for r in stage.runs if r.font.highlight_color is not None]
    assert "document.date：" not in run("check", profile_file(given)).stdout


def test_issued_in_the_last_year_only_the_review_is_left(profile_file, library):
    plan = make_plan(load_profile(profile_file(dated(profile_text("清河县", extra=INITIATIVE), "2029-05-01")), library), library)
    assert [(s.name, s.years) for s in plan.stages] == [
        ("部署启动", "2029年6月—9月"), ("全面实施", "2029年10月—12月"), ("总结验收", "2030年")]
    assert local_deadline(plan) == "2030年底前"


def test_a_deadline_beyond_the_years_left_after_issue_is_a_hint(profile_file, library):
    text = dated(profile_text("清河县", extra=INITIATIVE.replace("deadline: 2", "deadline: 5")), "2026-12-01")
    plan = make_plan(load_profile(profile_file(text), library), library)
    assert local_deadline(plan) == "2030年底前"
    assert "地方举措“打造产业法治服务品牌”：时限为规划期第 5 年，超出成文后余下的 4 年（2027—2030年），已按期末（2030年底前）写入" \
        in plan.warnings


def test_a_finished_period_is_scheduled_as_it_was_written(profile_file, library):
    profile = load_profile(profile_file(profile_text("清河县", 2021, 2025)), library)
    plan = make_plan(profile, library, today=date(2026, 12, 1))
    assert plan.stages[0].years == "2021年1月—4月" and plan.stages[-1].years == "2025年"


@pytest.mark.parametrize("start,end,issued", [
    (2026, 2030, "2026-12-01"), (2026, 2030, "2025-11-20"), (2026, 2030, "2026-03-15"), (2026, 2030, "2027-06-01"),
    (2026, 2030, "2028-10-01"), (2026, 2030, "2029-05-01"), (2026, 2030, "2030-02-01"), (2026, 2035, "2026-12-01"),
    (2026, 2028, "2026-07-01"), (2027, 2027, "2026-12-01"),
])
def test_stages_follow_the_date_of_issue_in_order_without_overlap(profile_file, library, start, end, issued):
    profile = load_profile(profile_file(dated(profile_text("清河县", start, end), issued)), library)
    plan = make_plan(profile, library)
    day = date.fromisoformat(issued)
    months = [(s.begin[0] * 12 + s.begin[1], s.end[0] * 12 + s.end[1]) for s in plan.stages]
    assert all(a <= b for a, b in months) and all(b + 1 == c for (_, b), (c, _) in zip(months, months[1:]))
    assert plan.stages[0].begin >= (day.year, day.month) or (day.year, day.month) < (start, 1)
    assert plan.stages[0].begin >= (start, 1) and plan.stages[-1].end == (end, 12)
    assert plan.stages[-1].name == "总结验收"
    assert len({s.key for s in plan.stages}) == len(plan.stages)  # no stage twice, no year of only 部署启动
    assert all(s.key != "deploy" or s.end[0] * 12 + s.end[1] - s.begin[0] * 12 - s.begin[1] < 4 for s in plan.stages)


def test_check_says_the_date_of_issue_without_stages_too(profile_file, run, monkeypatch):
    # a 实施意见 has no 实施步骤 by default, but its “2027年底前” deadlines count from the same date
    monkeypatch.setattr("drafter.plan.issue.today", lambda: date(2026, 12, 1))
    path = profile_file(profile_text("清河县").replace("kind: 实施方案", "kind: 实施意见"))
    out = run("check", path).stdout
    drafted = run("draft", path, "-o", path.parent / "out", "--format", "md")
    assert "实施步骤" not in Path(drafted.stdout.strip()).read_text("utf-8")
    assert f"document.date：{WITHOUT_DATE}\n" in out
