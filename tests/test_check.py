"""`drafter check`: the report a bureau reads before sending a draft round."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import MINIMAL


def profile_with_choices(profile_file, library):
    first = next(library.topics()).measures[0].id
    return profile_file(MINIMAL + f"""\
units:
  justice: 清河县司法局
local_units:
  cashmere_office: 县羊绒产业发展中心
initiatives:
  - topic: digital.platforms
    title: 建设羊绒产业法律服务平台
    text: 建设面向羊绒企业的线上法律服务平台。
    lead: [justice]
selection:
  drop: [{first}]
"""), first


def test_text_report_lists_topics_defaults_and_assumptions(profile_file, run, library):
    path, dropped = profile_with_choices(profile_file, library)
    result = run("check", path)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "清河县法治政府建设实施方案（2026—2030年）" in out.splitlines()[0]
    assert f"删去 1：{dropped}" in out
    assert "地方举措 1：建设羊绒产业法律服务平台" in out
    assert "local_units.cashmere_office：县羊绒产业发展中心" in out  # no measure uses it
    assert "units.justice" not in out  # named in the profile
    assert "units.gov_office：县政府办公室" in out or "units.all_depts：县政府各部门" in out
    assert "未登记适用于2026—2030年的全国《法治政府建设实施纲要》" in out
    assert "篇幅：约 " in out and " 条措施，约 " in out
    assert "空！" not in out  # every topic of the outline has a measure
    assert "条提示" in result.stderr


def test_json_and_markdown_reports_are_written_safely(profile_file, run, library, tmp_path):
    path, dropped = profile_with_choices(profile_file, library)
    target = tmp_path / "report.json"
    result = run("check", path, "--format", "json", "-o", target)
    assert result.exit_code == 0, result.output
    data = json.loads(target.read_text(encoding="utf-8"))
    topics = [t for c in data["chapters"] for t in c["topics"]]
    assert len(topics) == 32 and any(t["dropped"] == [dropped] for t in topics)
    assert data["problems"] and data["detail"] == "standard"
    again = run("check", path, "--format", "json", "-o", target)
    assert again.exit_code == 1 and "文件已存在" in again.stderr
    md = tmp_path / "report.md"
    assert run("check", path, "--format", "md", "-o", md).exit_code == 0
    text = md.read_text(encoding="utf-8")
    assert text.startswith("# 档案检查：清河县法治政府建设实施方案（2026—2030年）")
    assert "| 专题 | 采用 | 档案删去 | 地方举措 |" in text


def test_strict_fails_on_warnings_and_bad_format_is_a_usage_error(profile_file, run, library):
    path, _ = profile_with_choices(profile_file, library)
    strict = run("check", path, "--strict")
    assert strict.exit_code == 1 and "--strict 下有" in strict.stderr
    assert run("check", path, "--format", "pdf").exit_code == 2


def test_check_heads_chapters_and_topics_as_the_draft_prints_them(run, profile_file):
    """The 司法厅 read (O2): `check` listed “4. 加强重要领域立法” and “十、加强党的领导” while the
    county's draft prints “（七）加强重要领域制度建设”; the chapter is 十、 again since 实施步骤 went last (s14 O1)."""
    from localities import profile_text

    path = profile_file(profile_text("清河县"))
    result = run("check", path)
    assert result.exit_code == 0, result.output
    draft = run("draft", path, "--format", "md", "-o", path.parent / "out")
    assert draft.exit_code == 0, draft.output
    text = Path(draft.stdout.strip()).read_text("utf-8")
    assert "（七）加强重要领域制度建设（纲要专题 4）：" in result.stdout and "（七）加强重要领域制度建设" in text
    assert "十、加强党的领导，完善法治政府建设推进机制" in result.stdout and "十、加强党的领导" in text
    assert "4. 加强重要领域立法" not in result.stdout and "十一、加强党的领导" not in result.stdout
