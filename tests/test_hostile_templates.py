"""Issue 9.3: every broken or hostile user template gives one message naming the template
file and line, exit 1, nothing written — and runaway loops or output stop quickly."""

from __future__ import annotations

import pytest

from conftest import MINIMAL

CASES = {
    "wrong_heading_args": ('{{ heading(1) }}', "preamble.j2:1：模板调用函数或运算的参数不对"),
    "wrong_measure_args": ('{{ measure() }}', "preamble.j2:1：模板调用函数或运算的参数不对"),
    "division_by_zero": ('{{ para() }}{{ 1 / 0 }}', "preamble.j2:1：模板中除以了零"),
    "huge_string": ('{{ para() }}{{ "x" * 10**9 }}', "preamble.j2:1：重复生成的文字或列表过长"),
    "huge_power": ('{{ para() }}{{ 10 ** 100000 }}', "preamble.j2:1：乘方的指数过大"),
    "nested_ranges": ('{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}',
                      "preamble.j2:1：循环次数超过 2,000,000 次"),
    "include_recursion": ('{% include "preamble.j2" %}', "模板递归过深"),
    "macro_recursion": ('{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}', "模板递归过深"),
    "undefined": ('{{ para() }}{{ plan.nothing_here }}', "preamble.j2:1：模板用到了不存在的变量或属性"),
    "syntax": ('{{ para() }}{% if %}', "preamble.j2:1：模板语法错误"),
    "unsafe": ('{{ plan.__class__.__mro__ }}', "模板试图访问不安全的内容"),
    "surrogate": ('{{ para() }}{{ "\\ud800" }}', "模板输出了无法保存的字符"),
    "none": ('{{ para() }}{{ plan.status }}', "模板输出了空值（None）"),
}


def draft_with(profile_file, run, tmp_path, name: str, content: bytes | str):
    custom = tmp_path / "mine"
    custom.mkdir(exist_ok=True)
    path = custom / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    return run("draft", profile_file(MINIMAL), "-o", out, "--templates", custom, "--format", "md"), out


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_broken_template_is_one_message(profile_file, run, tmp_path, case):
    content, message = CASES[case]
    result, out = draft_with(profile_file, run, tmp_path, "preamble.j2", content)
    assert result.exit_code == 1, result.output
    assert message in result.stderr, result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert not out.exists()


@pytest.mark.parametrize("content", ["第一段文字".encode("gbk"), b"\x00\x01\xff\xfe binary"])
def test_a_template_not_in_utf8_is_explained(profile_file, run, tmp_path, content):
    result, out = draft_with(profile_file, run, tmp_path, "preamble.j2", content)
    assert result.exit_code == 1 and "模板文件不是 UTF-8 编码的文本" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("content,message", [
    ("", "模板没有生成任何正文"),
    ("开头的文字{% include 'title.j2' %}", "模板在第一个块之前输出了文字“开头的文字”"),
])
def test_an_empty_or_unblocked_document_is_refused(profile_file, run, tmp_path, content, message):
    result, out = draft_with(profile_file, run, tmp_path, "document.j2", content)
    assert result.exit_code == 1 and message in result.stderr
    assert not out.exists()
