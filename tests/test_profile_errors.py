"""Bad input: each gives exit 1, one clear Chinese message with file/line/field, and writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import MINIMAL


def assert_refused(result, out_dir: Path, *fragments: str) -> None:
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), result.exception  # handled, not a crash
    for fragment in fragments:
        assert fragment in result.stderr, result.stderr
    assert not out_dir.exists() or not any(out_dir.iterdir())


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path / "out"


def test_malformed_yaml_names_file_and_line(profile_file, run, out):
    path = profile_file(MINIMAL + "units: [justice: 区司法局\n")
    result = run("draft", path, "-o", out)
    assert_refused(result, out, f"{path}:10：YAML 格式错误：方括号“[”没有对应的“]”：写在一行的列表要以“]”结束")


def test_wrong_type_says_what_was_expected(profile_file, run, out):
    path = profile_file(MINIMAL.replace("kind: 实施方案", "kind: [实施方案]"))
    result = run("draft", path, "-o", out)
    assert_refused(result, out, f"{path}:8 字段 document.kind：取值 一个列表 无效。可选：实施方案、实施意见、规划")


def test_unknown_key_suggests_the_right_one(profile_file, run, out):
    path = profile_file(MINIMAL.replace("  short: 清河", "  shrot: 清河"))
    result = run("draft", path, "-o", out)
    assert_refused(
        result, out,
        f"{path}:3 字段 jurisdiction.shrot：未知的键 shrot，是否想写 short？",
        f"{path}:1 字段 jurisdiction.short：缺少必填项 short（简称，如 大通），请补上",
        "共 2 个问题",
    )


def test_unknown_unit_key_suggests_a_role(profile_file, run, out):
    path = profile_file(MINIMAL + "units:\n  justise: 清河县司法局\n")
    result = run("validate", path)
    assert_refused(result, out, f"{path}:11 字段 units.justise：未知的键 justise，是否想写 justice？")


def test_missing_required_field(profile_file, run, out):
    path = profile_file(MINIMAL.replace("  province: 河北省\n", ""))
    result = run("draft", path, "-o", out)
    assert_refused(result, out, f"{path}:1 字段 jurisdiction.province：缺少必填项 province（所在省（自治区、直辖市），如 安徽省），请补上")


def test_unknown_role_in_an_initiative(profile_file, run, out):
    path = profile_file(MINIMAL + "initiatives:\n  - topic: digital.platforms\n    title: 建设平台\n"
                        "    text: 建设平台。\n    lead: [justise]\n")
    result = run("draft", path, "-o", out)
    assert_refused(result, out, f"{path}:14 字段 initiatives.0.lead.0：未知的单位角色 justise，是否想写 justice？")


def test_unnamed_role_is_refused(profile_file, run, out):
    path = profile_file(MINIMAL + "units:\n  justice:\nlocal_units:\n  sheep_office: \"\"\n")
    result = run("draft", path, "-o", out)
    assert_refused(
        result, out,
        f"{path}:11 字段 units.justice：没有填写（冒号后是空的），应为文字；不用这一项请删去这一行",
        f"{path}:13 字段 local_units.sheep_office：不能为空，请填写内容",
    )


def test_period_end_before_start(profile_file, run, out):
    path = profile_file(MINIMAL.replace("end: 2030", "end: 2024"))
    result = run("draft", path, "-o", out)
    assert_refused(result, out, f"{path}:9 字段 document.period.end：规划期结束年 2024 早于开始年 2026，请检查")


def test_file_that_is_not_utf8(tmp_path, run, out):
    path = tmp_path / "gbk.yaml"
    path.write_bytes(MINIMAL.encode("gbk"))
    result = run("draft", path, "-o", out)
    assert_refused(result, out, f"{path}:2：文件不是 UTF-8 编码，请在编辑器中以 UTF-8 格式另存后重试。")


def test_empty_file(profile_file, run, out):
    path = profile_file("\n  \n")
    result = run("draft", path, "-o", out)
    assert_refused(result, out, f"{path}：文件是空的")


def test_missing_path(tmp_path, run, out):
    path = tmp_path / "nowhere.yaml"
    result = run("draft", path, "-o", out)
    assert_refused(result, out, f"{path}：找不到这个档案文件，请检查路径是否写对。")


def test_existing_output_is_never_overwritten_without_force(profile_file, run, tmp_path):
    path = profile_file()
    out = tmp_path / "out"
    first = run("draft", path, "-o", out, "--format", "md")
    assert first.exit_code == 0, first.output
    written = Path(first.stdout.strip())
    written.write_text("审稿人的修改", encoding="utf-8")
    second = run("draft", path, "-o", out, "--format", "md")
    assert second.exit_code == 1
    assert f"{written}：文件已存在。要覆盖请加 --force" in second.stderr
    assert written.read_text(encoding="utf-8") == "审稿人的修改"
    assert sorted(p.name for p in out.iterdir()) == [written.name]  # no temporary file left
    third = run("draft", path, "-o", out, "--format", "md", "--force")
    assert third.exit_code == 0
    assert written.read_text(encoding="utf-8").startswith("# 清河县法治政府建设实施方案")


def test_xml_forbidden_characters(profile_file, run, out):
    path = profile_file(MINIMAL.replace("vision", "x") + '  vision: "美丽\\u0007清河"\n')
    result = run("draft", path, "-o", out)
    assert_refused(result, out, f"{path}:10 字段 document.vision：含有 Word 文档不能容纳的字符 \\u0007（控制字符），请删除")


def test_jinja_syntax_in_a_profile_string_appears_literally(profile_file, run, tmp_path):
    path = profile_file(MINIMAL + '  vision: "{{ 7*7 }}{% if true %}美丽清河{% endif %}{scope}"\n')
    out = tmp_path / "out"
    result = run("draft", path, "-o", out, "--format", "md")
    assert result.exit_code == 0, result.output
    text = Path(result.stdout.strip()).read_text(encoding="utf-8")
    assert "为建设{{ 7*7 }}{% if true %}美丽清河{% endif %}{scope}提供有力法治保障" in text
    assert "为建设49" not in text


def test_a_2000_character_name(profile_file, run, out):
    path = profile_file(MINIMAL.replace("name: 清河县", "name: " + "清" * 2000))
    result = run("draft", path, "-o", out)
    assert_refused(result, out, f"{path}:2 字段 jurisdiction.name：太长（2000 字），最多 60 字，请精简")


def test_duplicate_key(profile_file, run, out):
    path = profile_file(MINIMAL + "document:\n  kind: 规划\n")
    result = run("draft", path, "-o", out)
    assert_refused(result, out, f"{path}:10", "重复的键 “document”（第一次出现在第 7 行）")


def test_every_problem_of_every_file_at_once(profile_file, run, out):
    first = profile_file(MINIMAL.replace("level: county", "level: town"), "a.yaml")
    second = profile_file(MINIMAL.replace("kind: 实施方案", "kind: 方案"), "b.yaml")
    result = run("draft", first, second, "-o", out)
    assert_refused(
        result, out,
        f"{first}:4 字段 jurisdiction.level：层级 “town” 无法识别，请写 prefecture_city（地级市）、",
        f"{second}:8 字段 document.kind：取值 “方案” 无效，是否想写 实施方案？可选：实施方案、实施意见、规划",
    )


def test_usage_error_exits_2(run):
    result = run("draft")
    assert result.exit_code == 2


def test_tab_indentation_gets_a_plain_answer(profile_file, run, out):
    path = profile_file(MINIMAL.replace("  short: 清河", "\tshort: 清河"))
    result = run("validate", path)
    assert_refused(result, out, f"{path}:3：YAML 缩进不能用 Tab 键，请改用空格（每级两个空格）。")


def test_a_date_that_does_not_exist(profile_file, run, out):
    path = profile_file(MINIMAL + "  date: 2026-02-30\n")
    result = run("draft", path, "-o", out)
    assert_refused(result, out, f"{path}:10 字段 document.date：日期 2026-02-30 不存在，请改正（月份 1–12，日期不超过当月天数），如 2026-12-01")
