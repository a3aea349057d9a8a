"""Usage lines a careless user types: every message Chinese, exit 2 for every bad option value,
suggestions for mistyped commands and options, help pages with no English frame."""

from __future__ import annotations

import re

import pytest

from conftest import PROFILES

QINGHE = PROFILES / "qinghe.yaml"
# Words of click's and typer's own English that must never reach a user.
ENGLISH = re.compile(r"Usage|Options|Commands|Arguments|Show this|required|default|Invalid|Error|Got unexpected|"
                     r"does not take|not in the range|No such|Missing|Try '")


@pytest.mark.parametrize(("args", "expected"), [
    (("draft", QINGHE, "--jobs", "0"), "用法错误：选项 --jobs 的值无效：0 不能用：进程数至少为 1（不加 --jobs 即为 1）"),
    (("draft", QINGHE, "--jobs", "x"), "用法错误：选项 --jobs/-j 的值无效：“x”不是整数"),
    (("draft", QINGHE, "--force=yes"), "用法错误：选项 --force 是开关，不带值：写 --force 即可，不要写 --force=…"),
    (("units", QINGHE, "extra"), "用法错误：多余的参数：extra（文件名里有空格时请加引号）"),
    (("validate", QINGHE, "--x"), "用法错误：没有选项 --x"),
    (("darft", QINGHE), "用法错误：没有命令 darft，是否想写 draft？"),
    (("draft", QINGHE, "--reveiw"), "用法错误：没有选项 --reveiw，是否想写 --review？"),
    (("library", "lsit"), "用法错误：没有命令 lsit，是否想写 list？"),
    (("draft",), "用法错误：缺少参数 档案...（一个或多个辖区档案（YAML））"),
    (("library", "list", "--tier"), "用法错误：选项 --tier 后面要写一个值"),
    (("draft", QINGHE, "--review", "--format", "md"),
     "用法错误：选项 --format 的值无效：审阅稿（--review）只能是 Word 格式或 PDF，请去掉 --format 或改为 --format docx"),
    (("library", "export", "--format", "xml"), "用法错误：选项 --format 的值无效：不支持的导出格式 xml，目前只支持 json"),
    (("ingest", QINGHE, "--format", "xml"), "用法错误：选项 --format 的值无效：不支持的输出格式 xml，可选：yaml、json"),
])
def test_every_usage_error_is_chinese_with_exit_2(run, args, expected, tmp_path):
    result = run(*args, "-o", tmp_path) if args[0] == "draft" and len(args) > 1 else run(*args)
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines()[0] == expected
    assert "查看用法" in result.stderr.splitlines()[1]
    assert not ENGLISH.search(result.output), result.output
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("args", [(), ("library",)])
def test_a_bare_command_prints_its_chinese_help_and_no_empty_error(run, args):
    result = run(*args)
    assert result.exit_code == 0
    assert result.stdout.startswith(f"用法：{' '.join(('drafter',) + args)} [选项] 命令 [参数]...")
    assert "命令：" in result.stdout and "用法错误" not in result.output
    assert not ENGLISH.search(result.output)


@pytest.mark.parametrize("args", [("-h",), ("draft", "-h"), ("validate", "--help"), ("check", "-h"), ("init", "-h"),
                                  ("diff", "-h"), ("ingest", "-h"), ("units", "-h"), ("library", "-h"),
                                  ("library", "list", "-h"), ("library", "show", "-h"), ("library", "export", "-h")])
def test_help_pages_have_no_english_frame(run, args):
    result = run(*args)
    assert result.exit_code == 0
    assert result.stdout.startswith("用法：drafter")
    assert "选项：" in result.stdout and "显示本帮助并退出" in result.stdout
    assert not ENGLISH.search(result.stdout), result.stdout


def test_draft_help_names_arguments_and_defaults_in_chinese(run):
    page = run("draft", "-h").stdout
    assert "用法：drafter draft [选项] 档案..." in page
    assert "  档案...  一个或多个辖区档案（YAML）  [必填]" in page
    assert "-o, --output 路径" in page and "[默认：outputs]" in page
    assert "-j, --jobs 整数" in page


def test_an_unforeseen_failure_is_one_chinese_line_not_a_traceback(run, monkeypatch):
    from drafter import api

    def broken(*args, **kwargs):
        raise ValueError("an internal slip")

    monkeypatch.setattr(api, "draft_files", broken)
    result = run("draft", QINGHE)
    assert result.exit_code == 1
    assert result.stderr.startswith("错误：drafter 出现了内部错误，没有写入任何文件。")
    assert "Traceback" not in result.output and "internal slip" not in result.output


@pytest.mark.parametrize("args,expected", [
    (["serve", "--help"], "用法：drafter serve [选项] [TARGET]"),
    (["--help"], "用法：drafter [选项] 命令 [参数]..."),
    (["draft"], "运行 drafter draft -h 查看用法。"),
    (["library", "lst"], "运行 drafter library -h 查看用法。"),
])
def test_python_dash_m_drafter_names_the_command_as_drafter(args, expected):
    """Started as `python -m drafter` (as the README's CI and a venv without scripts do), help
    and usage lines still say `drafter …`, never `drafter -m drafter …`."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "drafter", *args], capture_output=True, text=True, timeout=60)
    lines = (result.stdout + result.stderr).splitlines()
    assert expected in lines
    assert not any("-m drafter" in line for line in lines)
