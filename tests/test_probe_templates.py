"""Issue 17, row "templates": each minimal case of the probe. A user's template may not reach
outside its folder, leave compiled code behind, run or grow without bound, print what is no
text, misuse a block function unnoticed, or get an English message."""

from __future__ import annotations

import os
import re

import pytest

from conftest import MINIMAL
from drafter.render import blocks, limits

# Words of Python's and jinja's English messages (a user's own names, such as nothing_here, may be quoted).
ENGLISH = re.compile(r"\b(?:is|not|the|of|got|has|an|must|be|object|error|expected|unexpected|undefined|attribute|"
                     r"argument|arguments|invalid|range|result|out|found|numerical|took|given|unsupported)\b", re.I)


def draft_with(profile_file, run, tmp_path, files: dict[str, str], profile: str = MINIMAL):
    custom = tmp_path / "mine"
    custom.mkdir(exist_ok=True)
    for name, content in files.items():
        (custom / name).write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    result = run("draft", profile_file(profile), "-o", out, "--templates", custom, "--format", "md")
    return result, out


def words(stderr: str, tmp_path) -> str:
    """The message with its file paths taken out: what is left must be Chinese words."""
    return stderr.replace(str(tmp_path), "")


def refused(result, out, message: str, tmp_path) -> None:
    assert result.exit_code == 1, result.output
    assert message in result.stderr, result.stderr
    assert "Traceback" not in result.output
    assert not ENGLISH.search(words(result.stderr, tmp_path)), result.stderr
    assert not out.exists()


# --- reaching outside the folder ---------------------------------------------------------

@pytest.mark.parametrize("variant", ["file", "folder", "chain"])
def test_a_symlink_out_of_the_template_folder_is_refused(profile_file, run, tmp_path, variant):
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "passwd.j2").write_text("root:x:0:0:SECRET", encoding="utf-8")
    custom = tmp_path / "mine"
    custom.mkdir()
    if variant == "file":
        os.symlink(secret / "passwd.j2", custom / "passwd.j2")
        name = "passwd.j2"
    elif variant == "folder":
        os.symlink(secret, custom / "sub")
        name = "sub/passwd.j2"
    else:
        os.symlink(secret / "passwd.j2", custom / "hop.j2")
        os.symlink(custom / "hop.j2", custom / "passwd.j2")
        name = "passwd.j2"
    result, out = draft_with(profile_file, run, tmp_path, {"preamble.j2": f"{{{{ para() }}}}{{% include '{name}' %}}"})
    refused(result, out, f"模板 {name} 指向模板目录以外的文件（多半是符号链接），已拒绝读取", tmp_path)
    assert "SECRET" not in result.output


def test_a_symlink_inside_the_folder_is_followed(profile_file, run, tmp_path):
    custom = tmp_path / "mine"
    custom.mkdir()
    (custom / "mine_preamble.j2").write_text("{{ para() }}本地的序言。", encoding="utf-8")
    os.symlink(custom / "mine_preamble.j2", custom / "preamble.j2")
    result, out = draft_with(profile_file, run, tmp_path, {})
    assert result.exit_code == 0, result.output
    assert "本地的序言。" in next(out.iterdir()).read_text("utf-8")


def test_a_pipe_named_like_a_template_is_refused_not_waited_on(profile_file, run, tmp_path):
    custom = tmp_path / "mine"
    custom.mkdir()
    os.mkfifo(custom / "preamble.j2")
    result, out = draft_with(profile_file, run, tmp_path, {})
    refused(result, out, "模板 preamble.j2 不是普通文件（是文件夹、设备或管道）", tmp_path)


def test_no_compiled_form_of_a_users_template_is_kept(profile_file, run, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(cache))
    monkeypatch.delenv("DRAFTER_NO_CACHE", raising=False)
    blocks.make_environment.cache_clear()
    try:
        result, out = draft_with(profile_file, run, tmp_path,
                                 {"preamble.j2": "{{ para() }}{{ 'x'|center(1000000000) }}"})
        refused(result, out, "宽度或重复次数 1,000,000,000 过大（最多 1,000,000）", tmp_path)
        compiled = list((cache / "templates").glob("*")) if (cache / "templates").exists() else []
        assert sum(path.stat().st_size for path in compiled) < 1_000_000
    finally:
        blocks.make_environment.cache_clear()


def test_the_compiled_template_cache_is_bounded(tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    for n in range(150):
        (folder / f"__jinja2_{n}.cache").write_bytes(b"x" * 100)
        os.utime(folder / f"__jinja2_{n}.cache", (n, n))
    (folder / "__jinja2_big.cache").write_bytes(b"x" * 2_000_000)
    blocks._prune(folder)
    left = sorted(path.name for path in folder.iterdir())
    assert len(left) == blocks.CACHE_FILES and "__jinja2_big.cache" not in left
    assert "__jinja2_149.cache" in left and "__jinja2_0.cache" not in left  # the newest kept


# --- running and growing without bound ------------------------------------------------------

HANGS = {
    "loops_over_strings": "{% for a in 'x' * 999999 %}{% for b in 'y' * 999999 %}{% endfor %}{% endfor %}",
    "loops_over_lists": "{% for a in [1] * 999999 %}{% for b in [2] * 999999 %}{% endfor %}{% endfor %}",
    "branching_macro": "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(60) }}",
    "plan_in_a_range": "{% for i in range(200000) %}{% for t in plan.chapters %}{{ t.title|length }}{% endfor %}{% endfor %}",
    "branching_include": "{% if plan %}{% include 'preamble.j2' ignore missing %}{% include 'preamble.j2' %}{% endif %}",
}


@pytest.mark.parametrize("case", sorted(HANGS))
def test_a_runaway_template_stops_within_its_budget(profile_file, run, tmp_path, monkeypatch, case):
    monkeypatch.setattr(limits, "RENDER_SECONDS", 2.0)
    result, out = draft_with(profile_file, run, tmp_path, {"preamble.j2": "{{ para() }}" + HANGS[case]})
    assert result.exit_code == 1, result.output
    assert re.search(r"循环次数超过 2,000,000 次|模板运行超过 2 秒|模板递归过深", result.stderr), result.stderr
    assert not out.exists()


@pytest.mark.parametrize(("content", "message"), [
    ("{{ 'x'|center(1000000000) }}", "宽度或重复次数 1,000,000,000 过大"),
    ("{{ 'x'|indent(1000000000) }}", "宽度或重复次数 1,000,000,000 过大"),
    ("{{ '%1000000000d'|format(1) }}", "format 的宽度过大"),
    ("{{ '{:>1000000000}'.format(1) }}", "format 的宽度过大"),
    ("{{ 'x'.ljust(1000000000) }}", "宽度或重复次数 1,000,000,000 过大"),
    ("{% set n = 10 ** 1000 %}{{ n * n * n * n * n * n * n * n * n * n * n * n * n * n * n * n * n * n * n * n * n * n * n * n * n * n * n * n * n * n * n * n * n * n }}",
     "整数运算的结果过大"),
    ("{{ (10 ** 999) ** 999 }}", "乘方的结果过大"),
    ("{% set ns = namespace(s='x' * 1000000) %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
     "模板生成的文字或列表超过 20,000,000 项"),
    ("{% set ns = namespace(s='x' * 1000000) %}{% for i in range(40) %}{% set ns.s = ns.s + ns.s %}{% endfor %}",
     "模板生成的文字或列表超过 20,000,000 项"),
    ("{{ ('x' * 1000000).replace('x', 'y' * 1000) }}", "替换后的文字超过 20,000,000 字"),
    ("{{ lipsum(1000000000) }}", "模板用到了不存在的变量 lipsum"),
])
def test_growth_is_refused_before_it_is_computed(profile_file, run, tmp_path, content, message):
    result, out = draft_with(profile_file, run, tmp_path, {"preamble.j2": "{{ para() }}" + content})
    refused(result, out, message, tmp_path)


# --- printing what is no text ----------------------------------------------------------------

@pytest.mark.parametrize(("content", "message"), [
    ("{{ plan.status ~ '' }}", "模板输出了空值（None）"),
    ("{{ plan.status|string }}", "模板输出了空值（None）"),
    ("{{ [plan.status]|join }}", "模板输出了空值（None）"),
    ("{{ '%s'|format(plan.status) }}", "模板输出了空值（None）"),
    ("{{ plan.status|e }}", "模板输出了空值（None）"),
    ("{{ '{}'.format(plan.status) }}", "模板输出了空值（None）"),
    ("{{ 'nan'|float }}", "模板输出了非数值（nan）"),
    ("{{ 'inf'|float ~ '' }}", "模板输出了无穷大（inf）"),
    ("{{ true ~ false }}", "模板输出了真假值（true）"),
    ("{{ true }}", "模板输出了真假值（true）"),
    ("{{ plan.title_lines }}", "模板输出了一个列表或键值表"),
    ("{{ plan ~ '' }}", "模板输出了一个对象的内部表示"),
    ("{{ '{}'.format(plan) }}", "模板输出了一个对象的内部表示"),
    ("{{ [plan]|join }}", "模板输出了一个对象的内部表示"),
    ("{{ cjoin }}", "模板用到了不存在的变量 cjoin"),
    ("{{ para }}", "模板输出了一个函数或方法（多半是少写了括号“()”）"),
    ("{{ 10 ** 30 }}", "模板输出了一个 31 位的数"),
])
def test_no_repr_reaches_an_exit_0_draft(profile_file, run, tmp_path, content, message):
    result, out = draft_with(profile_file, run, tmp_path, {"preamble.j2": "{{ para() }}" + content})
    refused(result, out, message, tmp_path)


# --- block functions and the shape of the document ---------------------------------------------

@pytest.mark.parametrize(("name", "content", "message"), [
    ("preamble.j2", "{{ heading('x', '一、', '标题') }}", "heading() 的级别应为 1—4 的整数"),
    ("preamble.j2", "{{ heading(9, '一、', '标题') }}", "heading() 的级别应为 1—4 的整数（一、（一）1.（1）四级），现在是 9"),
    ("preamble.j2", "{{ heading(1, '一、', '') }}", "heading() 的标题是空的，请写出内容"),
    ("preamble.j2", "{{ measure(plan) }}", "measure() 的参数应为一条措施"),
    ("preamble.j2", "{{ table('甲', '乙') }}{{ widths(0, 0) }}", "widths() 的参数应为各列所占的份数"),
    ("preamble.j2", "{{ table('甲', '乙') }}{{ widths(1, 2, 3) }}", "widths() 给了 3 列的宽度，表头有 2 列"),
    ("preamble.j2", "{{ table('甲') }}{{ row('一', '二') }}", "row() 有 2 个单元格，多于表头的 1 列"),
    ("preamble.j2", "{{ row('一', '二') }}", "row() 之前没有 table()"),
    ("preamble.j2", "{{ para() }}甲\x02乙", "模板输出了控制字符 \\x02、\\x03 或块函数的格式不对"),
    ("preamble.j2", "{{ para() }}甲\x03乙", "模板输出了控制字符 \\x02、\\x03 或块函数的格式不对"),
    ("preamble.j2", "{{ para() }}甲\x07乙", "模板输出了 Word 文档不能容纳的控制字符 \\x07"),
    ("preamble.j2", "{{ para('\x03') }}", "para() 的段落样式含有控制字符"),
    ("title.j2", "{{ title(['清'] * 25) }}", "title() 的标题有 25 行、共 25 字：公文标题为 1—4 行、至少 4 个字"),
    ("title.j2", "{{ title('清河县方案') }}", "title() 的参数应为标题各行组成的列表"),
    ("document.j2", "{{ para() }}x", "模板只生成了 1 段、1 字的正文，不像一份方案"),
    ("document.j2", "{% include 'title.j2' %}", "模板没有生成任何正文"),
])
def test_misused_block_functions_say_what_is_wrong(profile_file, run, tmp_path, name, content, message):
    result, out = draft_with(profile_file, run, tmp_path, {name: content})
    refused(result, out, message, tmp_path)


# --- messages in words ---------------------------------------------------------------------------

@pytest.mark.parametrize(("content", "message"), [
    ("{% if %}{% endif %}", "模板语法错误：这里缺少表达式（如 if 后面要写条件）"),
    ("{% for x in plan.chapters %}", "模板语法错误：模板在 for 块结束前就结束了，缺少 {% endfor %}"),
    ("{{ plan.title ", "模板语法错误：模板提前结束：有 {{ 或 {% 没有闭合"),
    ("{% frobnicate %}", "模板语法错误：未知的标签 frobnicate"),
    ("{{ plan.title|nofilter }}", "模板语法错误：没有名为 nofilter 的过滤器"),
    ("{{ nothing_here }}", "模板用到了不存在的变量 nothing_here"),
    ("{{ plan.nothing_here }}", "模板用到了不存在的变量或属性 nothing_here"),
    ("{{ 10.0 ** 400 }}", "模板中的数值过大，超出计算范围"),
    ("{{ 2 ** 1000 }}", "模板输出了一个 302 位的数"),
    ("{{ [1, 2][5] }}", "模板用到了不存在的变量或属性"),
])
def test_jinja_and_python_errors_are_told_in_words(profile_file, run, tmp_path, content, message):
    result, out = draft_with(profile_file, run, tmp_path, {"preamble.j2": "{{ para() }}" + content})
    refused(result, out, message, tmp_path)
    assert "preamble.j2:1：" in result.stderr


def test_a_long_run_of_spaces_in_the_output_drafts(profile_file, run, tmp_path):
    """Found by the widened property test: compose's line-joining regex backtracked over a long
    run of spaces (minutes for a million); now linear."""
    result, out = draft_with(profile_file, run, tmp_path,
                             {"preamble.j2": "{{ para() }}本地的序言{{ 'x'|center(999999) }}结束。"})
    assert result.exit_code == 0, result.output
    assert "本地的序言" in next(out.iterdir()).read_text("utf-8")
