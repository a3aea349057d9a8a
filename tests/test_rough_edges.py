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
