"""Issue 9, values people type by hand: accepted where the meaning is clear, explained in
Chinese where not, range-checked so nothing like "nan学时" or "2026.0" reaches a draft, and
every problem of a profile reported in one round."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
import yaml

from conftest import MINIMAL
from drafter.api import draft_bytes
from drafter.errors import ValidationFailed
from drafter.profile import load_profile


def refused(result, *fragments: str) -> str:
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    for fragment in fragments:
        assert fragment in result.stderr, result.stderr
    return result.stderr


def drafted_markdown(run, path: Path, out: Path) -> tuple[Path, str]:
    result = run("draft", path, "-o", out, "--format", "md")
    assert result.exit_code == 0, result.output
    written = Path(result.stdout.strip())
    return written, written.read_text(encoding="utf-8")


# --- years ------------------------------------------------------------------------------------

@pytest.mark.parametrize("start, end", [("2026.0", "2030.0"), ("2026年", "2030年"), ("二〇二六", "二〇三〇"), ("２０２６", "2030")])
def test_a_year_typed_as_people_type_it_is_the_year(profile_file, run, tmp_path, start, end):
    path = profile_file(MINIMAL.replace("start: 2026", f"start: {start}").replace("end: 2030", f"end: {end}"))
    written, text = drafted_markdown(run, path, tmp_path / "out")
    assert written.name == "清河县法治政府建设实施方案（2026—2030年）.md"
    assert "（2026—2030年）" in text and "2026.0" not in text and "2030.0" not in text


def test_a_fractional_or_unreadable_year_is_refused(profile_file, run):
    path = profile_file(MINIMAL.replace("start: 2026", "start: 2026.5").replace("end: 2030", "end: 明年"))
    refused(run("validate", path),
            f"{path}:9 字段 document.period.end：规划期结束年应为四位数的年份，如 2026（也可写 2026年）；现在是 “明年”",
            f"{path}:9 字段 document.period.start：规划期开始年应为四位数的年份，如 2026（也可写 2026年）；现在是 2026.5",
            "共 2 个问题")


# --- targets ----------------------------------------------------------------------------------

# Messages name the parameter as the library does; {label}, {default} and {unit} come from it.
@pytest.mark.parametrize("value, message", [
    (".nan", "{label}：.nan 不是一个具体的数，请填写目标值，如 {default}（单位：{unit}）"),
    (".inf", "{label}：.inf 不是一个具体的数，请填写目标值，如 {default}（单位：{unit}）"),
    ("-1", "{label}：应为 1–1,000 的整数，如 {default}（单位：{unit}）；现在是 -1"),
    ("1.0e+308", "{label}：应为 1–1,000 的整数，如 {default}（单位：{unit}）；现在是 1e+308"),
    ("1e308", "{label}：应为数字，如 {default}（单位：{unit}）；现在是 “1e308”"),
    ("60.5", "{label}：应为 1–1,000 的整数，如 {default}（单位：{unit}）；现在是 60.5"),
    ("六十", "{label}：应为数字，如 {default}（单位：{unit}）；现在是 “六十”"),
])
def test_a_count_target_must_be_a_sane_whole_number(profile_file, run, library, value, message):
    param = library.params["enforcement_training_hours"]  # the "不少于nan学时"
    assert param.unit == "学时"
    path = profile_file(MINIMAL + f"targets:\n  enforcement_training_hours: {value}\n")
    expected = message.format(label=param.label, default=param.default, unit=param.unit)
    refused(run("draft", path, "-o", path.parent / "out"), f"{path}:11 字段 targets.enforcement_training_hours：{expected}")


@pytest.mark.parametrize("name, value, message", [
    ("appearance_rate", "150", "{label}：比率应在 0–100 之间（不带“%”），如 {default}（单位：%）；现在是 150"),
    ("appearance_rate", "0", "{label}：比率应在 0–100 之间（不带“%”），如 {default}（单位：%）；现在是 0"),
    ("appearance_rate", "0.95", "{label}：比率按百分数填写，不带“%”：如 95 表示 95%；0.95 会印成“0.95%”"),
    # 13b I3: a legal duty's rate is the law's 100%, never a lower local target
    ("appearance_rate", "95", "{label}：这是法定义务，法律要求的比率为100%，不能定低于100%的本地目标；现在是 95，请改为 100 或删去这一行"),
    ("normative_doc_review_rate", "98", "{label}：这是法定义务，法律要求的比率为100%，不能定低于100%的本地目标；现在是 98，请改为 100 或删去这一行"),
    ("rule_of_law_satisfaction_score", "0.92", "{label}：满意度应按百分制填写，如 90；0.92 会印成“0.92分”"),
    ("rule_of_law_satisfaction_score", "120", "{label}：分值应在 0–100 之间（百分制），如 {default}（单位：分）；现在是 120"),
    ("congress_spirit", '""', "{label}：不能为空：要用默认的“{default}”请删去这一行"),
    ("congress_spirit", "12", "{label}：应为文字，如 {default}；现在是 12"),
])
def test_rates_scores_and_texts_are_checked_by_what_they_measure(profile_file, run, library, name, value, message):
    param = library.params[name]  # the "出庭应诉率保持150%", "达到0.92分以上", "全面贯彻，深入…"
    path = profile_file(MINIMAL + f"targets:\n  {name}: {value}\n")
    refused(run("validate", path), f"{path}:11 字段 targets.{name}：{message.format(label=param.label, default=param.default)}")


def test_a_target_typed_with_its_unit_is_the_number(profile_file, run, library, tmp_path):
    path = profile_file(MINIMAL + "targets:\n  appearance_rate: 100%\n  enforcement_training_hours: 80学时\n"
                        "  online_service_rate: 99.5\n  gov_service_praise_rate: 95.0\n")
    assert load_profile(path, library).targets == {"appearance_rate": 100, "enforcement_training_hours": 80,
                                                   "online_service_rate": 99.5, "gov_service_praise_rate": 95}
    _, text = drafted_markdown(run, path, tmp_path / "out")
    assert not re.search(r"(nan|inf|\d\.0)(学时|%|分)", text)


# --- dates, levels, places ----------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["2026年12月1日", "2026/12/01", "2026-12-1", "2026.12.1", "２０２６年１２月１日",
                                   "二〇二六年十二月一日", "2026 年 12 月 1 日"])
def test_a_date_in_a_common_chinese_form_is_accepted(profile_file, library, typed):
    path = profile_file(MINIMAL + f"  date: {typed}\n")
    assert load_profile(path, library).date == "2026-12-01"


@pytest.mark.parametrize("typed, message", [
    ("2026年2月30日", "日期 2026-02-30 不存在，请改正（月份 1–12，日期不超过当月天数），如 2026-12-01"),
    ("2026/13/01", "日期 2026-13-01 不存在"),
    ("明年元旦", "日期 “明年元旦” 无法识别，请写成 2026-12-01 或 2026年12月1日"),
    ("20261201", "成文日期请写成 2026-12-01 或 2026年12月1日；现在是 20261201。不写日期请删去这一行"),
])
def test_a_date_that_cannot_be_read_gets_advice_not_a_regex(profile_file, run, typed, message):
    path = profile_file(MINIMAL + f"  date: {typed}\n")
    stderr = refused(run("validate", path), f"{path}:10 字段 document.date：{message}")
    assert "^" not in stderr and "[0-9]" not in stderr


@pytest.mark.parametrize("typed, key", [("县级市", "county_city"), ("地级市", "prefecture_city"), ("市辖区", "district"),
                                        ("自治县", "autonomous_county"), ("County", "county")])
def test_a_level_in_chinese_is_accepted(profile_file, library, typed, key):
    path = profile_file(MINIMAL.replace("level: county", f"level: {typed}").replace("name: 清河县", "name: 某某地方"))
    assert load_profile(path, library).jurisdiction.level.key == key


def test_an_ambiguous_level_is_explained(profile_file, run):
    path = profile_file(MINIMAL.replace("level: county", "level: 市"))
    refused(run("validate", path), f"{path}:4 字段 jurisdiction.level：“市”可能是地级市（prefecture_city）或县级市（county_city），请写明是哪一种")


def test_a_province_and_a_city_without_their_ending(profile_file, run, tmp_path):
    # By design (issue 16): a short name with one meaning is read as meant, with a 提示.
    path = profile_file(MINIMAL.replace("province: 河北省", "province: 浙江").replace("city: 邢台市", "city: 嘉兴")
                        .replace("name: 清河县", "name: 某某县"))
    result = run("draft", path, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert f"提示：{path}：第 5 行 jurisdiction.province：“浙江”已按全称 浙江省 读取（省名要写全称）" in result.stderr
    assert f"提示：{path}：第 6 行 jurisdiction.city：“嘉兴”已按全称 嘉兴市 读取（上级市要写全称）" in result.stderr


@pytest.mark.parametrize("province, message", [
    ("浙江省份", "“浙江省份”不是省级行政区的全称，是否指 浙江省？"),
    ("河北州", "“河北州”不是省级行政区的全称，是否指 河北省？"),
    ("火星省", "“火星省”不是全国 34 个省级行政区之一，请写省、自治区或直辖市的全称，如 河北省、内蒙古自治区、重庆市"),
])
def test_provinces_are_the_34_by_full_name(profile_file, run, province, message):
    path = profile_file(MINIMAL.replace("province: 河北省", f"province: {province}"))
    refused(run("validate", path), f"{path}:5 字段 jurisdiction.province：{message}")


@pytest.mark.parametrize("city", ["嘉兴市", "延边朝鲜族自治州", "锡林郭勒盟", "阿克苏地区"])
def test_prefecture_level_names_pass(profile_file, library, city):
    path = profile_file(MINIMAL.replace("city: 邢台市", f"city: {city}").replace("name: 清河县", "name: 某某县"))
    assert load_profile(path, library).jurisdiction.city == city


# --- roles ------------------------------------------------------------------------------------

INITIATIVE = "initiatives:\n  - topic: digital.platforms\n    title: 建设平台\n    text: 建设平台。\n    lead: [{lead}]\n"


READ_AS = "已按单位角色 {key}（{label}）读取（牵头和责任单位写角色键，drafter units 列出全部角色）"


@pytest.mark.parametrize("typed, key", [
    ("县司法局", "justice"),  # the default name at the county's level
    ("司法局", "justice"),  # the same without the level's prefix
    ("清河县司法局", "justice"),  # after the county's own name
    ("县数据局", "data_bureau"),
    ("邢台市生态环境局清河分局", "ecology"),  # a branch's default name
    ("国家税务总局清河县税务局", "tax"),
])
def test_a_unit_written_by_its_name_is_read_as_its_role_with_a_hint(profile_file, run, library, typed, key):
    label = library.roles[key].label
    path = profile_file(MINIMAL + INITIATIVE.format(lead=typed))
    result = run("validate", path)
    assert result.exit_code == 0, result.output
    assert f"提示：{path}：第 14 行 initiatives.0.lead.0：“{typed}”{READ_AS.format(key=key, label=label)}\n" in result.stderr
    assert load_profile(path, library).initiatives[0].lead == (key,)


@pytest.mark.parametrize("typed, key", [
    ("市委政法委", "political_legal"),  # another level's committee: not the county's own
    ("政法委", "political_legal"),  # no role is named exactly so
    ("市司法局", "justice"),  # in a county's plan, the city's bureau
])
def test_a_name_that_is_no_roles_name_here_is_refused_with_the_closest_role(profile_file, run, library, typed, key):
    label = library.roles[key].label
    path = profile_file(MINIMAL + INITIATIVE.format(lead=typed))
    stderr = refused(run("validate", path),
                     f"{path}:14 字段 initiatives.0.lead.0：未知的单位角色 {typed}，是否指 {key}（{label}）？"
                     "牵头和责任单位写角色键（drafter units 列出全部角色），本地特有的单位先在 local_units 中定义")
    assert "^[a-z]" not in stderr and "共 1 个问题" in stderr


def test_a_unit_named_in_the_profile_is_read_as_its_role(profile_file, run, library):
    path = profile_file(MINIMAL + "units:\n  gov_service: 清河县政务服务和大数据管理局\nlocal_units:\n  sheep_office: 清河县羊绒产业办\n"
                        + INITIATIVE.format(lead="清河县羊绒产业办, 清河县政务服务和大数据管理局"))
    result = run("draft", path, "-o", path.parent / "out", "--format", "md")
    assert result.exit_code == 0, result.output
    assert f"initiatives.0.lead.0：“清河县羊绒产业办”{READ_AS.format(key='sheep_office', label='本地单位 清河县羊绒产业办')}" in result.stderr
    label = library.roles["gov_service"].label
    assert f"initiatives.0.lead.1：“清河县政务服务和大数据管理局”{READ_AS.format(key='gov_service', label=label)}" in result.stderr
    assert "清河县羊绒产业办、清河县政务服务和大数据管理局" in Path(result.stdout.strip()).read_text("utf-8")


def test_the_profiles_own_name_wins_over_another_roles_default(profile_file, library):
    # the profile calls its 政务服务 body 县数据局, which is also data_bureau's default name
    path = profile_file(MINIMAL + "units:\n  gov_service: 县数据局\n" + INITIATIVE.format(lead="县数据局"))
    assert load_profile(path, library).initiatives[0].lead == ("gov_service",)


def test_a_name_of_a_role_already_listed_is_refused_as_a_repeat(profile_file, run, library):
    path = profile_file(MINIMAL + INITIATIVE.format(lead="justice, 县司法局"))
    refused(run("validate", path), f"{path}:14 字段 initiatives.0.lead.1：单位 县司法局 即 justice（司法行政部门），"
                                   "与本项中已写的重复，请删去一项\n共 1 个问题")


def test_a_name_of_several_roles_is_refused_with_the_choices(profile_file, run, library):
    path = profile_file(MINIMAL + "units:\n  gov_service: 县政务服务和数据管理局\n  data_bureau: 县政务服务和数据管理局\n"
                        + INITIATIVE.format(lead="县政务服务和数据管理局"))
    refused(run("validate", path),
            f"{path}:17 字段 initiatives.0.lead.0：单位 县政务服务和数据管理局 同时是 "
            f"data_bureau（{library.roles['data_bureau'].label}）、gov_service（{library.roles['gov_service'].label}）"
            " 的名称，请写其中之一的角色键（都要写就分成两项，如 [甲, 乙]）\n共 1 个问题")


# --- one round --------------------------------------------------------------------------------

def test_schema_and_role_problems_come_in_one_round(profile_file, run, library):
    text = (MINIMAL.replace("kind: 实施方案", "kind: 方案").replace("province: 河北省", "province: 河北州")  # 河北 alone is now read as 河北省
            + "  date: 2026-02-30\ntargets:\n  appearance_rate: 150\n  no_such_target: 1\n"
            + INITIATIVE.format(lead="市委政法委").replace("digital.platforms", "digital.platform")
            + "selection:\n  drop: [no.such.measure]\n  detail: everything\n")
    path = profile_file(text)
    stderr = refused(
        run("validate", path),
        f"{path}:5 字段 jurisdiction.province：“河北州”不是省级行政区的全称，是否指 河北省？",
        f"{path}:8 字段 document.kind：取值 “方案” 无效",
        f"{path}:10 字段 document.date：日期 2026-02-30 不存在",
        f"{path}:12 字段 targets.appearance_rate：{library.params['appearance_rate'].label}：比率应在 0–100 之间",
        f"{path}:13 字段 targets.no_such_target：未知的键 no_such_target",
        f"{path}:15 字段 initiatives.0.topic：未知的专题 digital.platform，是否想写 digital.platforms（加快推进信息化平台建设）？",
        f"{path}:18 字段 initiatives.0.lead.0：未知的单位角色 市委政法委，是否指 political_legal（",
        f"{path}:20 字段 selection.drop.0：措施库中没有措施 no.such.measure",
        f"{path}:21 字段 selection.detail：取值 “everything” 无效",
        "共 9 个问题",
    )
    lines = stderr.splitlines()
    assert [int(line.split(":")[1].split(" ")[0]) for line in lines[:-1]] == [5, 8, 10, 12, 13, 15, 18, 20, 21]


def test_checks_survive_every_wrong_type_and_what_passes_drafts(profile_file, library, tmp_path):
    """A mutated profile is either refused with Chinese messages or drafts: never a crash."""
    base = yaml.safe_load(MINIMAL + "  date: 2026-12-01\nunits:\n  justice: 清河县司法局\nlocal_units:\n  sheep_office: 羊绒办\n"
                          + INITIATIVE.format(lead="justice") + "    partners: [sheep_office]\n    deadline: 2\n"
                          "targets:\n  online_service_rate: 95\n  congress_spirit: 党的二十大精神\n"
                          "selection:\n  drop: []\n  replace: {}\n")

    def paths(node, path=()):
        yield path
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, child in items:
            yield from paths(child, path + (key,))

    wrong = [None, -1, 2026.5, float("nan"), "", "市委政法委", [], {}, [1], {"x": 1}, True]
    drafted = 0
    for path in list(paths(base))[1:]:
        for value in wrong:
            data = copy.deepcopy(base)
            parent = data
            for key in path[:-1]:
                parent = parent[key]
            parent[path[-1]] = value
            file = profile_file(yaml.safe_dump(data, allow_unicode=True), "mutant.yaml")
            try:
                profile = load_profile(file, library)
            except ValidationFailed as error:
                message = str(error)
                assert not re.search(r"\^|\$'|\[0-9\]|is not|does not|Error", message), message
                continue
            draft_bytes(profile, library, "md")
            drafted += 1
    assert drafted > 10  # wrong values in optional texts are the user's words, drafted as written
