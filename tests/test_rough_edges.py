"""Issue 16 point 3: the CLI's rough edges, each with the exact words the user sees."""

from __future__ import annotations

from conftest import MINIMAL


def test_an_existing_file_names_what_minus_o_takes(run, profile_file, tmp_path):
    path = profile_file(MINIMAL)
    taken = tmp_path / "taken.md"
    taken.write_text("x", encoding="utf-8")
    expected = f"{taken}：文件已存在。要覆盖请加 --force，或用 -o 指定其他文件名。"
    for args in (("init", "--name", "清河县", "--level", "county", "--province", "河北省", "--city", "邢台市", "-o", taken),
                 ("check", path, "--format", "md", "-o", taken),
                 ("diff", path, path, "-o", taken)):
        result = run(*args)
        assert result.exit_code == 1, result.output
        assert expected in result.stderr, result.stderr
        assert "输出目录" not in result.stderr


def test_library_show_prints_the_wording_of_the_period(run, library):
    measure = library.measure("functions.streamlining.credit_regulation")
    current = run("library", "show", measure.id)
    assert current.exit_code == 0, current.output
    assert current.stdout.startswith("按 2026—2030年规划期的方案显示（2021—2025 年一轮的原措辞请用 --period 2021-2025 查看）\n")
    assert f"正文：{measure.later.text}\n" in current.stdout
    old = run("library", "show", measure.id, "--period", "2021-2025")
    assert old.stdout.startswith("按 2021—2025年规划期的方案显示\n")
    assert f"正文：{measure.text}\n" in old.stdout
    retired = run("library", "show", "functions.streamlining.e_licence", "--period", "2026—2030")
    assert retired.stdout.startswith("2026—2030年规划期的方案不再采用这条措施（属于 2021—2025 年一轮，已完成或已过时限）；以下是原措辞\n")
    bad = run("library", "show", measure.id, "--period", "明年")
    assert bad.exit_code == 2 and "明年 不是规划期：请写开始年和结束年，如 2026-2030" in bad.stderr
