"""Issue 14 W8 and 14.3: no 政务服务中心 as a default lead; a province's own bodies (河北's 行政审批局,
北京's 政务服务和数据管理局 and 委) by the verified rules of gazetteer/data/bodies.yaml; elsewhere the
placeholder 〔政务服务管理部门〕 stands, with a 提示 naming units.gov_service (13c N-W2)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from drafter.errors import ValidationFailed
from drafter.gazetteer.bodies import load_bodies, read_bodies
from drafter.plan.units import resolve_units
from drafter.profile import load_profile
from drafter.profile.levels import LEVELS

ROOT = Path(__file__).resolve().parent.parent
LIUYANG = ROOT / "tests" / "fixtures" / "localities" / "liuyang.yaml"
SOURCE = "，见 drafter/gazetteer/data/bodies.yaml"
OFFICE = "本省没有登记统一设立的政务服务管理部门，各地名称不一，正文暂印占位符“〔政务服务管理部门〕”"
PLACEHOLDER = "〔政务服务管理部门〕"


def place(name: str, level: str, province: str, city: str | None = None, extra: str = "") -> str:
    city_line = f"  city: {city}\n" if city else ""
    return (f"jurisdiction:\n  name: {name}\n  short: {name[:-1]}\n  level: {level}\n  province: {province}\n"
            f"{city_line}document:\n  kind: 实施方案\n  period: {{start: 2026, end: 2030}}\n{extra}")


def units_of(profile_file, library, text: str):
    return resolve_units(load_profile(profile_file(text), library), library)


@pytest.mark.parametrize("name, level, province, city, gov_service, rule", [
    ("清河县", "county", "河北省", "邢台市", "县行政审批局", "按河北省规定（2017年起市县两级设立行政审批局）"),
    ("邢台市", "prefecture_city", "河北省", None, "市行政审批局", "按河北省规定（2017年起市县两级设立行政审批局）"),
    ("盂县", "county", "山西省", "阳泉市", "县行政审批服务管理局", "按山西省设置（省市县设行政审批服务管理局）"),
    ("胶州市", "county_city", "山东省", "青岛市", "市行政审批服务局", "按山东省统一部署（2018年起市县组建行政审批服务局）"),
    ("海淀区", "district", "北京市", None, "区政务服务和数据管理局", "按北京市区级机构设置（政务服务和数据管理合设一局）"),
    ("广州市", "prefecture_city", "广东省", None, "市政务服务和数据管理局", "按广东省机构设置（政务服务和数据管理合设一局）"),
])
def test_a_province_that_set_up_the_body_names_it(profile_file, library, name, level, province, city,
                                                   gov_service, rule):
    unit = units_of(profile_file, library, place(name, level, province, city))["gov_service"]
    assert (unit.name, unit.rule, unit.is_default) == (gov_service, rule + SOURCE, True)


@pytest.mark.parametrize("name, level, province, city", [
    ("浏阳市", "county_city", "湖南省", "长沙市"),
    ("博罗县", "county", "广东省", "惠州市"),  # 广东's rule is verified for cities and districts only
    ("嘉兴市", "prefecture_city", "浙江省", None),
])
def test_elsewhere_a_placeholder_stands_and_the_hint_says_so(profile_file, library, name, level, province, city):
    unit = units_of(profile_file, library, place(name, level, province, city))["gov_service"]
    assert (unit.name, unit.is_default) == (PLACEHOLDER, True) and unit.rule.startswith(OFFICE)


def test_the_profile_name_of_the_office_does_not_stand_in_for_gov_service(library):
    units = resolve_units(load_profile(LIUYANG, library), library)
    assert units["gov_service"].name == PLACEHOLDER and units["gov_service"].rule.startswith(OFFICE)


def test_a_profile_that_names_its_hall_keeps_its_own_words(profile_file, library):
    text = place("浏阳市", "county_city", "湖南省", "长沙市", "units:\n  gov_service: 市行政审批服务局\n")
    unit = units_of(profile_file, library, text)["gov_service"]
    assert (unit.name, unit.is_default) == ("市行政审批服务局", False)


def test_beijing_districts_get_the_city_s_bodies(profile_file, library):
    units = units_of(profile_file, library, place("海淀区", "district", "北京市"))
    names = {key: units[key].name for key in ("gov_service", "data_bureau", "housing", "education", "urban_management",
                                              "ecology", "water", "public_security", "natural_resources",
                                              "development_reform", "health")}
    assert names == {
        "gov_service": "区政务服务和数据管理局", "data_bureau": "区政务服务和数据管理局", "housing": "区住房城乡建设委",
        "education": "区教委", "urban_management": "区城市管理委", "ecology": "区生态环境局", "water": "区水务局",
        "public_security": "北京市公安局海淀分局", "natural_resources": "北京市规划和自然资源委员会海淀分局",
        "development_reform": "区发展改革委", "health": "区卫生健康委",
    }
    assert units["housing"].rule == "按北京市区级机构设置（住房和城乡建设委员会）" + SOURCE
    # another municipality's district keeps the general names
    chongqing = units_of(profile_file, library, place("渝中区", "district", "重庆市"))
    assert chongqing["gov_service"].name == PLACEHOLDER and chongqing["housing"].name == "区住房城乡建设局"


@pytest.mark.parametrize("profile, lead", [
    (place("浏阳市", "county_city", "湖南省", "长沙市"), PLACEHOLDER),
    (place("海淀区", "district", "北京市", extra="selection:\n  detail: standard\n"), "区政务服务和数据管理局"),
    (place("清河县", "county", "河北省", "邢台市"), "县行政审批局"),
])
def test_no_draft_names_a_hall_as_a_lead(run, profile_file, tmp_path, profile, lead):
    result = run("draft", profile_file(profile), "-o", tmp_path / "out", "--format", "md")
    assert result.exit_code == 0, result.output
    (written,) = (tmp_path / "out").glob("*.md")
    text = written.read_text("utf-8")
    units = re.findall(r"（牵头单位：([^；）]*)(?:；责任单位：([^）]*))?）", text)
    assert units and not [pair for pair in units if "政务服务中心" in "".join(pair)]
    (one_network,) = [line for line in text.splitlines() if "推行政务服务“一网通办”。**" in line]
    assert f"（牵头单位：{lead}；" in one_network


def test_check_names_the_rule_behind_the_default(run, profile_file):
    out = run("check", profile_file(place("海淀区", "district", "北京市"))).stdout
    assert "units.gov_service：区政务服务和数据管理局（按北京市区级机构设置（政务服务和数据管理合设一局）" + SOURCE + "）" in out


def refused(tmp_path, text: str) -> list[tuple[str, str]]:
    """The (field, message) pairs a bodies file with `text` is refused with."""
    path = tmp_path / "bodies.yaml"
    path.write_text(text, "utf-8")
    with pytest.raises(ValidationFailed) as failure:
        read_bodies(path)
    return [(p.field, p.message) for p in failure.value.problems]


def test_every_rule_has_source_date_known_roles_and_levels(library):
    rules = [rule for found in load_bodies().values() for rule in found]
    assert len(rules) >= 12
    assert all(rule.source and rule.as_of and rule.rule for rule in rules)
    assert all(role in library.roles for rule in rules for role in rule.roles)
    assert all(level in LEVELS for rule in rules for level in rule.levels)


def test_a_rule_without_source_or_date_is_refused(tmp_path):
    assert set(refused(tmp_path, "河北省:\n  - roles: [gov_service]\n    levels: [county]\n    name: \"{p}行政审批局\"\n"
                                 "    rule: 按河北省规定\n    kind: news\n")) == {
        ("河北省[0].source", "缺少核实出处：每条机构名称规则都要写明规则、从哪里核实、何时核实"),
        ("河北省[0].as_of", "缺少核实日期：每条机构名称规则都要写明规则、从哪里核实、何时核实"),
    }


@pytest.mark.parametrize("name, level, province, city, tax", [
    ("海淀区", "district", "北京市", None, "国家税务总局北京市海淀区税务局"),
    ("武侯区", "district", "四川省", "成都市", "国家税务总局成都市武侯区税务局"),
    ("浏阳市", "county_city", "湖南省", "长沙市", "国家税务总局浏阳市税务局"),
    ("清河县", "county", "河北省", "邢台市", "国家税务总局清河县税务局"),
])
def test_a_district_tax_bureau_carries_its_parent_s_name(profile_file, library, name, level, province, city, tax):
    """区 names repeat across China (朝阳区, 鼓楼区…): the tax bureau of a district names its parent."""
    assert units_of(profile_file, library, place(name, level, province, city))["tax"].name == tax


# Issue 14: the 四川、河南、重庆、广东 rules (bodies.yaml) and the county default of 文化广电和旅游局 (roles.yaml).
@pytest.mark.parametrize("name, level, province, city, role, unit, rule", [
    ("平昌县", "county", "四川省", "巴中市", "ecology", "巴中市平昌生态环境局", "按四川省生态环境机构设置"),
    ("都江堰市", "county_city", "四川省", "成都市", "ecology", "成都市都江堰生态环境局", "按四川省生态环境机构设置"),
    ("龙泉驿区", "district", "四川省", "成都市", "ecology", "成都市龙泉驿生态环境局", "按四川省生态环境机构设置"),
    ("平昌县", "county", "四川省", "巴中市", "culture_tourism", "县文化广播电视和旅游局", "按四川省市县机构设置"),
    ("都江堰市", "county_city", "四川省", "成都市", "culture_tourism", "市文化广播电视和旅游局", "按四川省市县机构设置"),
    ("兰考县", "county", "河南省", "开封市", "development_reform", "县发展改革委", "按河南省县级机构设置"),
    ("兰考县", "county", "河南省", "开封市", "culture_tourism", "县文化广电和旅游局", "按河南省县级机构设置"),
    ("汝州市", "county_city", "河南省", "平顶山市", "health", "市卫生健康委", "按河南省县级市机构设置"),
    ("巫山县", "county", "重庆市", None, "natural_resources", "县规划和自然资源局", "按重庆市区县机构设置"),
    ("天河区", "district", "广东省", "广州市", "culture_tourism", "区文化广电旅游体育局", "按广东省市县机构改革"),
    ("都江堰市", "county_city", "四川省", "成都市", "water", "市水务局", "按成都市所辖县（市、区）的机构设置"),
    ("崇州市", "county_city", "四川省", "成都市", "water", "市水务局", "按成都市所辖县（市、区）的机构设置"),
])
def test_a_province_s_own_name_is_the_default(profile_file, library, name, level, province, city, role, unit, rule):
    found = units_of(profile_file, library, place(name, level, province, city))[role]
    assert (found.name, found.is_default) == (unit, True)
    assert found.rule.startswith(rule) and found.rule.endswith(SOURCE)


@pytest.mark.parametrize("name, level, province, city, role, unit", [
    ("兰考县", "county", "河南省", "开封市", "ecology", "开封市生态环境局兰考分局"),  # 河南 keeps the branch bureau
    ("汝州市", "county_city", "河南省", "平顶山市", "development_reform", "市发展和改革局"),  # 汝州's not verified
    ("汝州市", "county_city", "河南省", "平顶山市", "culture_tourism", "市文化广电和旅游局"),  # the county default
    ("浏阳市", "county_city", "湖南省", "长沙市", "culture_tourism", "市文化广电和旅游局"),
    ("嘉兴市", "prefecture_city", "浙江省", None, "culture_tourism", "市文化旅游局"),  # above the county: unchanged
    ("平昌县", "county", "四川省", "巴中市", "natural_resources", "县自然资源局"),  # 四川 names it two ways: no rule
    ("平昌县", "county", "四川省", "巴中市", "water", "县水利局"),  # 成都's 水务局 is 成都's only
])
def test_without_a_verified_rule_the_general_name_stays(profile_file, library, name, level, province, city, role,
                                                        unit):
    assert units_of(profile_file, library, place(name, level, province, city))[role].name == unit


def test_the_county_default_of_culture_and_tourism_says_its_rule(profile_file, library):
    unit = units_of(profile_file, library, place("浏阳市", "county_city", "湖南省", "长沙市"))["culture_tourism"]
    assert (unit.name, unit.rule) == ("市文化广电和旅游局", "按县级命名规则")


def test_a_rule_naming_the_city_needs_the_profile_s_city(profile_file, library):
    """四川's 巴中市平昌生态环境局 carries the city's name: without jurisdiction.city no such name is made up."""
    unit = units_of(profile_file, library, place("平昌县", "county", "四川省"))["ecology"]
    assert unit.name == "县生态环境局" and "巴中" not in unit.name and "四川" not in unit.rule


def _division_table(run, tmp_path, text: str) -> list[tuple]:
    from openpyxl import load_workbook

    profile = tmp_path / "p.yaml"
    profile.write_text(text, "utf-8")
    result = run("draft", profile, "-o", tmp_path / "out", "--format", "xlsx")
    assert result.exit_code == 0, result.output
    (written,) = (tmp_path / "out").glob("*.xlsx")
    return list(load_workbook(written).worksheets[0].iter_rows(min_row=3, values_only=True))


def _units_of_table(rows: list[tuple]) -> set[str]:
    return {unit for row in rows for cell in row[4:6] if cell for unit in str(cell).split("、")}


SICHUAN = place("都江堰市", "county_city", "四川省", "成都市", extra=(
    "local:\n  heritage:\n    - {name: 青城山—都江堰, kind: 世界文化遗产}\n"))


def test_a_sichuan_division_table_names_the_province_s_bodies(run, tmp_path):
    units = _units_of_table(_division_table(run, tmp_path, SICHUAN))
    assert {"成都市都江堰生态环境局", "市文化广播电视和旅游局"} <= units
    assert not [unit for unit in units if "分局" in unit and "生态环境" in unit]
    assert "市文化旅游局" not in units


def test_a_henan_division_table_names_the_province_s_bodies(run, tmp_path):
    units = _units_of_table(_division_table(run, tmp_path, place("兰考县", "county", "河南省", "开封市")))
    assert {"县发展改革委", "开封市生态环境局兰考分局"} <= units
    assert "县发展和改革局" not in units


def test_a_rule_name_without_a_mark_is_refused_naming_the_marks(tmp_path):
    assert refused(tmp_path, "四川省:\n  - roles: [ecology]\n    levels: [county]\n    name: 生态环境局\n    rule: 按四川省设置\n"
                             "    source: 某县政府网\n    as_of: 2023\n    kind: official\n") == [(
        "四川省[0].name", "name 应含 {p}（区/县/市）、{short}（辖区简称）或 {city}（所属设区的市），"
                          "如 {p}行政审批局、{city}{short}生态环境局")]


def test_a_city_rule_needs_a_list_of_city_names(tmp_path):
    assert [message for _, message in refused(
        tmp_path, "四川省:\n  - roles: [water]\n    cities: 成都市\n    levels: [county]\n    name: \"{p}水务局\"\n"
                  "    rule: 某规则\n    source: 某出处\n    as_of: 2025\n    kind: official\n")] == [
        "cities 应为设区的市全称的列表，如 [成都市]；适用于全省的规则不写 cities"]


# --- s14 R13b E-D1: 湖北's 自治州 names its 民族宗教事务委员会 (州民宗委); the other levels keep the general name -------

HUBEI_RULE = "按湖北省民族宗教机构设置（省、自治州设民族宗教事务委员会，简称民宗委）" + SOURCE


@pytest.mark.parametrize("name, level, province, city, ethnic_affairs, by_rule", [
    ("恩施土家族苗族自治州", "autonomous_prefecture", "湖北省", None, "州民族宗教事务委员会", True),
    ("宜都市", "county_city", "湖北省", "宜昌市", "市民族宗教事务局", False),  # county level: 民宗局 (西陵区)
    ("宜昌市", "prefecture_city", "湖北省", None, "市民族宗教事务局", False),  # cities: 委 or 局, not one rule
    ("延边朝鲜族自治州", "autonomous_prefecture", "吉林省", None, "州民族宗教事务局", False),
])
def test_hubei_names_its_ethnic_affairs_commission_where_verified(profile_file, library, name, level, province,
                                                                  city, ethnic_affairs, by_rule):
    unit = units_of(profile_file, library, place(name, level, province, city))["ethnic_affairs"]
    assert (unit.name, unit.is_default) == (ethnic_affairs, True)
    assert (unit.rule == HUBEI_RULE) == by_rule
