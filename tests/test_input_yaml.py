"""Issue 9, hostile and mistyped YAML: every case is refused with one Chinese message naming
the file, the right line and the fix; nothing crashes, hangs or is written.

The cases are those of the issue's "Why": mutated profiles that passed `validate` and then
crashed `draft`, alias bombs, 50 MB files, merge keys, full-width colons, late line numbers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import MINIMAL
from drafter.profile.yamlsource import load_yaml


def refused(result, out: Path, *fragments: str) -> str:
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), result.exception  # handled, not a traceback
    for fragment in fragments:
        assert fragment in result.stderr, result.stderr
    assert "Traceback" not in result.output
    assert not out.exists() or not any(out.iterdir())
    return result.stderr


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path / "out"


# --- inputs that crashed `draft` --------------------------------------------------------------

@pytest.mark.parametrize("where, text, line, field", [
    ("vision", '  vision: "美丽\\ud800清河"\n', 10, "document.vision"),
    ("unit name", 'units:\n  justice: "司法\\udfff局"\n', 11, "units.justice"),
    ("initiative text", 'initiatives:\n  - topic: digital.platforms\n    title: 平台\n    text: "建设\\ud83d平台"\n'
     "    lead: [justice]\n", 13, "initiatives.0.text"),
])
def test_a_lone_surrogate_is_refused_with_its_field_and_line(profile_file, run, out, where, text, line, field):
    path = profile_file(MINIMAL + text)
    for command in (["validate", path], ["draft", path, "-o", out]):
        refused(run(*command), out, f"{path}:{line} 字段 {field}：含有 Word 文档不能容纳的字符 \\u",
                "（单独的代理字符，多半是写错的 \\u 转义），请删除")


def test_a_lone_surrogate_in_a_key_is_printed_escaped(profile_file, run, out):
    path = profile_file(MINIMAL + 'local_units:\n  "a\\ud800": 某某办\n')
    stderr = refused(run("validate", path), out, f"{path}:11 字段 local_units.a\\ud800：含有 Word 文档不能容纳的字符 \\ud800")
    assert "\ud800" not in stderr


def test_recursive_aliases_are_refused(profile_file, run, out):
    path = profile_file(MINIMAL + "document_extra: &loop [*loop]\n")
    refused(run("draft", path, "-o", out),
            out, f"{path}:10：别名 *loop 引用了包含它自身的内容（递归别名），无法展开。请改为写出具体内容")


def test_a_recursive_merge_is_refused(profile_file, run, out):
    path = profile_file(MINIMAL + "units: &u\n  <<: *u\n")
    refused(run("validate", path), out, f"{path}:11：别名 *u 引用了包含它自身的内容（递归别名）")


@pytest.mark.parametrize("opening, closing", [("[", "]"), ("{a: ", "}")])
def test_deeply_nested_flow_collections_are_refused(profile_file, run, out, opening, closing):
    path = profile_file(MINIMAL + "units: " + opening * 5000 + "1" + closing * 5000 + "\n")
    refused(run("draft", path, "-o", out), out,
            f"{path}:10：嵌套超过 32 层，档案不需要这么深的结构。请检查括号“[ ]”“{{ }}”是否成对、缩进是否正确")


def test_a_list_or_a_map_as_a_key(profile_file, run, out):
    path = profile_file(MINIMAL + "units:\n  ? [justice, gov]\n  : 司法局\n  {a: 1}: 政府\n")
    refused(run("draft", path, "-o", out), out,
            f"{path}:11 字段 units：键不能是列表：键应为一个名称，如 justice。请检查这一行是否多了“?”、括号或缩进",
            f"{path}:13 字段 units：键不能是键值表：键应为一个名称，如 justice",
            "共 2 个问题")


def test_integer_and_null_keys_in_local_units_and_replace(profile_file, run, out):
    path = profile_file(MINIMAL + "local_units:\n  1: 某某办\n  ~: 某某局\nselection:\n  replace:\n"
                        "    2026: {title: 改写}\n")
    refused(run("draft", path, "-o", out), out,
            f"{path}:11 字段 local_units：键 1 不是文字：键应为名称，如 justice、sheep_office 或措施编号；"
            '确要用它作键请加引号，如 "1"',
            f"{path}:12 字段 local_units：这一行的键是空的（冒号前没有名称），请写出键的名称，或删去这一行",
            f"{path}:15 字段 selection.replace：键 2026 不是文字",
            "共 3 个问题")


def test_a_4301_digit_integer(profile_file, run, out):
    path = profile_file(MINIMAL + "targets:\n  enforcement_training_hours: " + "9" * 4301 + "\n")
    refused(run("draft", path, "-o", out), out,
            f"{path}:11 字段 targets.enforcement_training_hours：数字有 4301 位，档案中没有这么大的数，请检查")


def test_a_huge_year_prints_as_a_number_of_digits(profile_file, run, out):
    path = profile_file(MINIMAL.replace("start: 2026", "start: 99999999999"))
    refused(run("validate", path), out, f"{path}:9 字段 document.period.start：99999999999 不能大于 2100（开始年，如 2026）")


# --- inputs past sane limits, refused before they can cost time or memory -------------------------

def billion_laughs(levels: int) -> str:
    lines = ['a0: &a0 ["哈哈哈哈哈哈哈哈", "哈哈哈哈哈哈哈哈", "哈哈哈哈哈哈哈哈", "哈哈哈哈哈哈哈哈"]']
    for level in range(1, levels + 1):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("levels", [8, 9])
def test_the_billion_laughs_alias_bomb(profile_file, run, out, levels):
    text = billion_laughs(levels)
    assert len(text.encode("utf-8")) < 1800  # the 1.7 kB bomb
    path = profile_file(MINIMAL + text)
    refused(run("validate", path), out,
            f"{path}:14：别名 *a3 层层引用，展开后超过 20,000 项（“别名炸弹”）。档案里的别名只用于复用一小段内容")


def test_a_50_mb_profile_of_unknown_keys(tmp_path, run, out):
    path = tmp_path / "huge.yaml"
    with path.open("w", encoding="utf-8") as stream:
        stream.write(MINIMAL)
        for block in range(50):
            stream.write("".join(f"unknown_{block}_{n}: 值{n}\n" for n in range(40_000)))
    assert path.stat().st_size > 50_000_000
    refused(run("validate", path), out, f"{path}：文件有 5", "MB，超过档案文件的上限 1 MB（实际的档案不到 30 KB），请检查是否选错了文件。")


def test_a_50_mb_selection_drop(tmp_path, run, out):
    path = tmp_path / "drop.yaml"
    with path.open("w", encoding="utf-8") as stream:
        stream.write(MINIMAL + "selection:\n  drop:\n")
        for _ in range(50):
            stream.write("    - functions.streamlining.no_such_measure\n" * 25_000)
    assert path.stat().st_size > 50_000_000
    refused(run("draft", path, "-o", out), out, "MB，超过档案文件的上限 1 MB")


def test_a_long_list_under_the_size_limit(profile_file, run, out):
    path = profile_file(MINIMAL + "selection:\n  drop:\n" + "    - functions.x\n" * 20_000)
    refused(run("validate", path), out, f"{path}:12：这个列表超过 1,000 项，远多于任何实际的档案。请检查是否选错了文件或重复粘贴")


def test_many_nodes_under_the_size_limit(profile_file, run, out):
    blocks = "".join(f"  g{block}:\n" + "".join(f"    k{n}: v\n" for n in range(900)) for block in range(30))
    path = profile_file(MINIMAL + "units:\n" + blocks)
    refused(run("validate", path), out, "：内容超过 20,000 项，远多于任何实际的档案。请检查是否选错了文件")


# --- YAML people write: merge keys accepted, slips explained on the right line ---------------------

def test_merge_keys_are_accepted(profile_file, run, tmp_path):
    path = profile_file(MINIMAL + """\
initiatives:
  - &platform
    topic: digital.platforms
    title: 建设“清河通”平台
    text: 整合政务服务入口，建设“清河通”平台。
    lead: [data_bureau]
    partners: [gov_service]
  - <<: *platform
    title: 推行“清河通”掌上办
    text: 高频事项全部实现掌上办理。
""")
    assert run("validate", path).exit_code == 0
    result = run("draft", path, "-o", tmp_path / "out", "--format", "md")
    assert result.exit_code == 0, result.output
    text = Path(result.stdout.strip()).read_text(encoding="utf-8")
    assert "建设“清河通”平台" in text and "推行“清河通”掌上办" in text
    source = load_yaml(path)
    assert source.data["initiatives"][1]["lead"] == ["data_bureau"]


def test_explicit_keys_win_over_merged_ones_and_keep_their_line(profile_file):
    path = profile_file("base: &b {justice: 甲, gov: 乙}\nunits:\n  <<: *b\n  gov: 丙\n")
    source = load_yaml(path)
    assert source.data["units"] == {"justice": "甲", "gov": "丙"}
    assert source.line_of(("units", "gov")) == 4 and source.line_of(("units", "justice")) == 1


@pytest.mark.parametrize("line_text, line, column, key", [
    ("  name：清河县", 2, 7, "name"),
    ("  short：清河", 3, 8, "short"),
    ("  level：county", 4, 8, "level"),
])
def test_a_full_width_colon_is_pointed_at(profile_file, run, out, line_text, line, column, key):
    lines = MINIMAL.splitlines()
    lines[line - 1] = line_text
    path = profile_file("\n".join(lines) + "\n")
    stderr = refused(run("validate", path), out,
                     f"{path}:{line}：YAML 格式错误：第 {column} 列“{key}”后面的冒号是全角冒号“：”（中文输入法打出的），YAML 不认。"
                     f"请把全角冒号“：”改为半角冒号“:”，冒号后加一个空格，如 “{key}: …”")
    assert "共 1 个问题" in stderr  # the rest of the file is checked as if the colon were right


def test_every_full_width_colon_and_the_problems_behind_them_at_once(profile_file, run, out):
    text = MINIMAL.replace("  short: 清河", "  short：清河").replace("  kind: 实施方案", "  kind：方案")
    path = profile_file(text)
    refused(run("validate", path), out, f"{path}:3：YAML 格式错误：第 8 列“short”", f"{path}:8：YAML 格式错误：第 7 列“kind”",
            f"{path}:8 字段 document.kind：取值 “方案” 无效", "共 3 个问题")


def test_a_full_width_colon_inside_braces(profile_file, run, out):
    path = profile_file(MINIMAL.replace("{start: 2026,", "{start：2026,"))
    refused(run("validate", path), out,
            f"{path}:9 字段 document.period.start：2026：键 “start：2026” 里有全角冒号“：”（中文输入法打出的），YAML 不认。"
            "请把“：”改为半角冒号“:”，冒号后加一个空格，如 “start: …”")


@pytest.mark.parametrize("text, line, message", [
    ('  vision: "美丽清河\n  status: 征求意见稿\n', 10, "引号没有配对：这一行开始的引号一直没有结束，请在文字末尾补上同样的引号"),
    ("  vision\n  status: 征求意见稿\n", 10, "这一行缺少冒号：键和值之间要用半角冒号加一个空格"),
    ("  vision:美丽清河\n  status: 征求意见稿\n", 10, "冒号后缺少空格：键和值之间要用半角冒号加一个空格"),
    ("  status: 征求意见稿\n issuers: [清河县人民政府]\n", 11, "缩进不对：这一行没有和同级的键左端对齐"),
    ("  issuers: [清河县人民政府, 清河县委\n", 10, "方括号“[”没有对应的“]”"),
    ("  vision: 美丽 \\清河\n  title: @清河\n", 11, "值不能以“@”“`”“%”等符号开头。请给这个值加上引号"),
    ('  vision: "美丽\\q清河"\n', 10, "双引号里的反斜杠“\\”是转义符，后面的字符不是有效的转义"),
    ("---\nx: 1\n", 10, "一个档案文件只能有一个文档。请删去“---”分隔线"),
])
def test_yaml_slips_are_explained_on_their_own_line(profile_file, run, out, text, line, message):
    path = profile_file(MINIMAL + text)
    stderr = refused(run("validate", path), out, f"{path}:{line}：", message)
    assert "found" not in stderr and "expected" not in stderr and "while" not in stderr  # no PyYAML English


def test_an_undefined_alias(profile_file, run, out):
    path = profile_file(MINIMAL + "units: *shared\n")
    refused(run("validate", path), out, f"{path}:10：别名 *shared 没有定义：请先在前面用 &shared 标出要复用的内容，或去掉 *shared")


def test_a_python_tag_is_refused(profile_file, run, out):
    path = profile_file(MINIMAL + "  vision: !!python/object/apply:os.system [echo]\n")
    refused(run("validate", path), out,
            f"{path}:10 字段 document.vision：不支持的 YAML 标记 !!python/object/apply:os.system：档案里只用文字、数字、"
            "true/false、列表和键值表，请删去这个标记")


def test_a_file_of_comments_only(profile_file, run, out):
    path = profile_file("# 清河县档案\n# 待填写\n")
    refused(run("validate", path), out, f"{path}：文件里只有注释，没有内容")


def test_an_unreadable_file_is_explained_in_chinese(profile_file, run, out, monkeypatch):
    import errno

    path = profile_file()

    def denied(self, *args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", denied)
    stderr = refused(run("validate", path), out, f"{path}：无法读取（没有读取权限），请检查文件权限，或文件是否被其他程序占用。")
    assert "Permission denied" not in stderr


def test_a_local_unit_key_in_chinese_is_explained_in_words(profile_file, run, out):
    path = profile_file(MINIMAL + "local_units:\n  羊绒办: 清河县羊绒产业办\n")
    stderr = refused(run("validate", path), out,
                     f"{path}:11 字段 local_units.羊绒办：键 “羊绒办” 不合要求：应为角色键：小写英文字母、数字和下划线，以字母开头，"
                     "如 justice、sheep_office")
    assert "[a-z" not in stderr
