"""Issue 8.6: `drafter diff` says what changed, in Markdown a reviewer can paste."""

from __future__ import annotations

from conftest import MINIMAL


def test_diff_lists_added_dropped_reworded_units_and_targets(profile_file, run, library, tmp_path):
    first = next(library.topics()).measures[0]
    old = profile_file(MINIMAL + "units:\n  justice: 清河县司法局\n", "old.yaml")
    new = profile_file(MINIMAL + f"""\
units:
  justice: 清河县司法行政局
targets:
  rule_of_law_satisfaction_score: 95
initiatives:
  - topic: digital.platforms
    title: 建设羊绒产业法律服务平台
    text: 建设面向羊绒企业的线上法律服务平台。
    lead: [justice]
selection:
  drop: [{first.id}]
  replace:
    rules.normative_documents.filing_review:
      text: 全部行政规范性文件在印发后十五日内报送备案。
""", "new.yaml")
    result = run("diff", old, new)
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith("# 修改情况：清河县法治政府建设实施方案（2026—2030年）")
    added = text.split("## 新增措施")[1].split("## 删去措施")[0]
    assert "建设羊绒产业法律服务平台（地方举措）" in added
    dropped = text.split("## 删去措施")[1].split("## 改写措施")[0]
    assert f"{first.title}（{first.id}）" in dropped
    reworded = text.split("## 改写措施")[1].split("## 单位名称变化")[0]
    assert "（rules.normative_documents.filing_review）" in reworded and "**" in reworded and "~~" in reworded
    assert "- 司法行政部门（justice）：清河县司法局 → 清河县司法行政局" in text
    assert "- 群众对法治政府建设满意度测评目标分值：（待定） → 95分" in text  # unset: no figure printed
    assert "合计：新增 " in text


def test_diff_to_a_file_and_errors(profile_file, run, tmp_path):
    same = profile_file(MINIMAL, "a.yaml")
    target = tmp_path / "changes.md"
    result = run("diff", same, same, "-o", target)
    assert result.exit_code == 0 and target.read_text(encoding="utf-8").count("- 无") == 5
    assert run("diff", same, same, "-o", target).exit_code == 1  # no overwrite without --force
    bad = profile_file("jurisdiction: 1\n", "bad.yaml")
    broken = run("diff", same, bad)
    assert broken.exit_code == 1 and "bad.yaml" in broken.stderr
