"""Issue 17, rows "batch" and "profiles": each minimal case of the adversarial probe, fixed at
its source — explicit YAML tags, counts past what a plan has, a very long role, a poisoned batch."""

from __future__ import annotations

import pytest

from conftest import MINIMAL
from localities import profile_text
from drafter.plan.numbering import chinese_numeral


@pytest.mark.parametrize(("tagged", "expected"), [
    ("jurisdiction: !!float abc", "标记 !!float 要求值为数字，但这里是 “abc”"),
    ("jurisdiction: !!bool maybe", "标记 !!bool 要求值为 true 或 false，但这里是 “maybe”"),
    ("jurisdiction: !!int 3.5x", "标记 !!int 要求值为整数，但这里是 “3.5x”"),
])
@pytest.mark.parametrize("command", ["validate", "draft"])
def test_an_explicit_tag_that_cannot_be_built_is_a_problem_with_its_line(run, profile_file, tmp_path, tagged,
                                                                          expected, command):
    path = profile_file(MINIMAL.replace("jurisdiction:", tagged + "\nold:", 1))
    result = run(command, path, "-o", tmp_path / "out") if command == "draft" else run(command, path)
    assert result.exit_code == 1
    assert f"{path}:1 字段 jurisdiction：{expected}" in result.stderr
    assert "请删去标记" in result.stderr and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("field", "limit"), [("initiatives", 200), ("chapters", 20)])
def test_a_thousand_items_are_refused_by_validate_with_the_limit(run, profile_file, field, limit):
    if field == "initiatives":
        items = "".join(f"  - topic: digital.platforms\n    title: 举措{n}\n    text: 内容{n}。\n    lead: [justice]\n"
                        for n in range(1000))
    else:
        items = "".join(f"  - title: 地方章{n}\n    topics:\n      - title: 专题\n        measures:\n"
                        f"          - title: 措施\n            text: 内容。\n            lead: [justice]\n"
                        for n in range(1000))
    path = profile_file(MINIMAL + f"{field}:\n" + items)
    result = run("validate", path)
    assert result.exit_code == 1
    assert f"字段 {field}：最多 {limit} 项，现在有 1000 项：实际的方案远少于此" in result.stderr


def test_the_most_a_profile_may_hold_drafts(run, profile_file, tmp_path):
    initiatives = "".join(f"  - topic: digital.platforms\n    title: 举措{n}\n    text: 内容{n}。\n    lead: [justice]\n"
                          for n in range(200))
    chapters = "".join(f"  - title: 地方章{n}\n    topics:\n" + "".join(
        f"      - title: 专题{t}\n        measures:\n          - title: 措施\n            text: 内容。\n"
        "            lead: [justice]\n" for t in range(30)) for n in range(20))
    path = profile_file(MINIMAL + "initiatives:\n" + initiatives + "chapters:\n" + chapters)
    assert run("validate", path).exit_code == 0
    result = run("draft", path, "-o", tmp_path / "out", "--format", "md")
    assert result.exit_code == 0, result.output
    text = next((tmp_path / "out").iterdir()).read_text("utf-8")
    assert text.count("专题29") == 20 and "（六百" in text  # topics are numbered across the plan


@pytest.mark.parametrize(("n", "words"), [(1, "一"), (10, "十"), (14, "十四"), (110, "一百一十"), (999, "九百九十九"),
                                          (1000, "一千"), (1002, "一千零二"), (1010, "一千零一十"), (10001, "一万零一"),
                                          (12345, "一万二千三百四十五")])
def test_numerals_never_run_out(n, words):
    assert chinese_numeral(n) == words


def test_a_200000_character_role_is_refused_at_once(run, profile_file):
    path = profile_file(MINIMAL + "initiatives:\n  - topic: digital.platforms\n    title: 举措\n    text: 内容。\n"
                        f"    lead: [justice, {'司' * 200_000}]\n")
    result = run("validate", path)
    assert result.exit_code == 1 and "未知的单位角色" in result.stderr
    assert len(result.stderr) < 2000  # the role is shown clipped, not in full
    assert "是否指" not in result.stderr  # no guess for a text no role name is a slip of (bench_probe.py times it)


@pytest.mark.parametrize("poison", [
    "jurisdiction: !!float abc\n",
    "jurisdiction: !!bool maybe\n",
    "jurisdiction:\n  name: \"[/x] 清河县[bold]\"\n  short: \"[/x]\"\n",
])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_one_poisoned_profile_is_its_own_row_and_the_rest_are_written(run, tmp_path, poison, jobs):
    folder = tmp_path / "profiles"
    folder.mkdir()
    for n in range(6):
        text = profile_text("清河县").replace("  kind: 实施方案\n", f"  kind: 实施方案\n  title: 第{n}号清河县方案（2026—2030年）\n")
        (folder / f"p{n}.yaml").write_text(text, encoding="utf-8")
    (folder / "p3.yaml").write_text(poison + "document: {kind: 实施方案}\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run("draft", folder, "-o", out, "--format", "md", "--jobs", jobs)
    assert result.exit_code == 1
    assert len(list(out.iterdir())) == 5
    assert "完成 5 个，失败 1 个。" in result.stderr and "p3.yaml" in result.stderr
    assert "Traceback" not in result.output and "MarkupError" not in result.output


def test_an_unforeseen_failure_in_a_batch_is_that_profiles_row(run, tmp_path, monkeypatch):
    from drafter import api

    real = api.prepare_draft

    def flaky(path, *args, **kwargs):
        if path.name == "p1.yaml":
            raise KeyError("internal")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(api, "prepare_draft", flaky)
    folder = tmp_path / "profiles"
    folder.mkdir()
    for n in range(3):
        text = profile_text("清河县").replace("  kind: 实施方案\n", f"  kind: 实施方案\n  title: 第{n}号清河县方案（2026—2030年）\n")
        (folder / f"p{n}.yaml").write_text(text, encoding="utf-8")
    result = run("draft", folder, "-o", tmp_path / "out", "--format", "md")
    assert result.exit_code == 1
    assert len(list((tmp_path / "out").iterdir())) == 2
    assert "p1.yaml：起草这个档案时出现了工具的内部错误，其他档案不受影响" in result.stderr
