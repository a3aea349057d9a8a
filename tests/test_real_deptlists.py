"""Issue 14: `drafter units import` on real county department lists of four provinces (tests/data/deptlists,
each with its source and date in the header). Every name that corresponds to a role of the library is
mapped to it; the names left unmapped are the bodies the library has no role for."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from drafter.ingest.deptlist import read_list

LISTS = Path(__file__).resolve().parent / "data" / "deptlists"

# The role a reviewer gives each name of the list (() = the library has no role for it).
EXPECTED: dict[str, dict[str, tuple[str, ...]]] = {
    "pingchang.txt": {  # 四川省巴中市平昌县（县），平昌县人民政府网部门栏目，2023
        "平昌县人民政府办公室": ("gov_office",), "平昌县发展和改革局": ("development_reform",),
        "平昌县经济和信息化局": ("industry_it",), "平昌县教育科技和体育局": ("education",),
        "平昌县公安局": ("public_security",), "平昌县民政局": ("civil_affairs",), "平昌县司法局": ("justice",),
        "平昌县财政局": ("finance",), "平昌县人力资源和社会保障局": ("human_resources",),
        "平昌县自然资源和规划局": ("natural_resources",), "平昌县住房和城乡建设局": ("housing",),
        "平昌县交通运输局": ("transport",), "平昌县水利局": ("water",), "平昌县农业农村局": ("agriculture",),
        "平昌县商务局": ("commerce",), "平昌县文化广播电视和旅游局": ("culture_tourism",),
        "平昌县卫生健康局": ("health",), "平昌县退役军人事务局": ("veterans",), "平昌县应急管理局": ("emergency",),
        "平昌县审计局": ("audit",), "平昌县市场监督管理局": ("market_regulation",), "巴中市平昌生态环境局": ("ecology",),
        "平昌县统计局": ("statistics",), "平昌县乡村振兴局": (), "平昌县信访局": ("petition",), "平昌县林业局": (),
        "平昌县医疗保障局": (), "平昌县行政审批局": ("gov_service",), "平昌县综合行政执法局": ("urban_management",),
        "四川平昌经济开发区管理委员会": ("zone_committee",),
    },
    "jidong.txt": {  # 黑龙江省鸡西市鸡东县（县），据鸡东县人民政府网整理，2026-07
        "鸡东县公安局": ("public_security",), "鸡东县司法局": ("justice",), "鸡东县财政局": ("finance",),
        "鸡东县应急管理局": ("emergency",), "鸡东县人力资源和社会保障局": ("human_resources",),
        "鸡东县煤炭生产安全管理局": (), "鸡东县信访局": ("petition",), "鸡东县审计局": ("audit",),
        "鸡东县营商环境建设监督局": (), "鸡东县退役军人事务局": ("veterans",), "鸡东县农业农村局": ("agriculture",),
        "鸡东县水务局": ("water",), "鸡东县林业和草原局": (), "鸡东县教育局": ("education",),
        "鸡东县文体广电和旅游局": ("culture_tourism",), "鸡东县卫生健康局": ("health",), "鸡东县医疗保障局": (),
        "鸡东县民政局": ("civil_affairs",), "鸡东县自然资源局": ("natural_resources",),
        "鸡东县住房和城乡建设局": ("housing",), "鸡东县市场监督管理局": ("market_regulation",),
        "鸡东县发展和改革局": ("development_reform",), "鸡东县交通运输局": ("transport",),
        "鸡东县统计局": ("statistics",), "鸡东经济开发区管理委员会": ("zone_committee",),
    },
    "qingyuan.txt": {  # 辽宁省抚顺市清原满族自治县（自治县），据清原县人民政府网整理，2026-07
        "清原满族自治县公安局": ("public_security",), "清原满族自治县发展和改革局": ("development_reform",),
        "清原满族自治县财政局": ("finance",), "清原满族自治县人力资源和社会保障局": ("human_resources",),
        "清原满族自治县应急管理局": ("emergency",), "清原满族自治县自然资源局": ("natural_resources",),
        "清原满族自治县统计局": ("statistics",), "清原满族自治县水务局": ("water",),
        "清原满族自治县卫生健康局": ("health",), "清原满族自治县市场监督管理局": ("market_regulation",),
        "清原满族自治县教育局": ("education",), "清原满族自治县数据局": ("data_bureau",),
        "清原满族自治县工业和信息化局": ("industry_it",), "清原满族自治县交通运输局": ("transport",),
        "清原满族自治县农业农村局": ("agriculture",), "清原满族自治县住房和城乡建设局": ("housing",),
        "清原满族自治县司法局": ("justice",), "清原满族自治县林业和草原局": (),
        "清原满族自治县退役军人事务局": ("veterans",), "清原满族自治县产业园区管委会": ("zone_committee",),
        "清原满族自治县融媒体中心": ("media_center",), "清原满族自治县民政局": ("civil_affairs",),
    },
    "funing.txt": {  # 江苏省盐城市阜宁县（县），一个县级业务系统的单位表，2019-07
        "阜宁县政府办公室": ("gov_office",), "阜宁县委机构编制委员会办公室": ("staffing",),
        "阜宁县发展和改革委员会": ("development_reform",), "阜宁县教育局": ("education",), "阜宁县科学技术局": (),
        "阜宁县工业和信息化局": ("industry_it",), "阜宁县公安局": ("public_security",), "阜宁县民政局": ("civil_affairs",),
        "阜宁县司法局": ("justice",), "阜宁县人民法院": ("court",), "阜宁县人民检察院": ("procuratorate",),
        "阜宁县财政局": ("finance",), "阜宁县税务局": ("tax",), "阜宁县人力资源和社会保障局": ("human_resources",),
        "阜宁县自然资源和规划局": ("natural_resources",), "阜宁县环境保护局": ("ecology",),
        "阜宁县住房和城乡建设局": ("housing",), "阜宁县城市管理局": ("urban_management",),
        "阜宁县交通运输局": ("transport",), "阜宁县水务局": ("water",), "阜宁县农业农村局": ("agriculture",),
        "阜宁县商务局": ("commerce",), "阜宁县文化广电和旅游局": ("culture_tourism",), "阜宁县新闻出版局": (),
        "阜宁县卫生健康委员会": ("health",), "阜宁县退役军人事务局": ("veterans",), "阜宁县应急管理局": ("emergency",),
        "阜宁县审计局": ("audit",), "阜宁县行政审批局": ("gov_service",), "阜宁县市场监督管理局": ("market_regulation",),
        "阜宁县统计局": ("statistics",), "阜宁县医疗保障局": (), "阜宁县信访局": ("petition",),
        "阜宁县地方金融监督管理局": (), "阜宁县民族宗教事务局": ("ethnic_affairs",), "阜宁县气象局": (),
    },
}

# What the list is as a profile: name, short name, level, province, city.
PLACES = {
    "pingchang.txt": ("平昌县", "平昌", "county", "四川省", "巴中市"),
    "jidong.txt": ("鸡东县", "鸡东", "county", "黑龙江省", "鸡西市"),
    "qingyuan.txt": ("清原满族自治县", "清原", "autonomous_county", "辽宁省", "抚顺市"),
    "funing.txt": ("阜宁县", "阜宁", "county", "江苏省", "盐城市"),
}

# The names each list leaves unmapped, as the command reports them: bodies the library has no role for.
UNMAPPED = {
    "pingchang.txt": ["平昌县乡村振兴局", "平昌县林业局", "平昌县医疗保障局"],
    "jidong.txt": ["鸡东县煤炭生产安全管理局", "鸡东县营商环境建设监督局", "鸡东县林业和草原局", "鸡东县医疗保障局"],
    "qingyuan.txt": ["清原满族自治县林业和草原局"],
    "funing.txt": ["阜宁县科学技术局", "阜宁县新闻出版局", "阜宁县医疗保障局", "阜宁县地方金融监督管理局",
                   "阜宁县气象局"],
}


def test_the_lists_come_from_four_provinces_and_name_fifteen_bodies_or_more():
    assert len({place[3] for place in PLACES.values()}) == 4
    for name in EXPECTED:
        header = [line for line in (LISTS / name).read_text("utf-8").splitlines() if line.startswith("#")]
        assert any("来源" in line for line in header) and any("2026-12-01" in line for line in header), name
        assert len(EXPECTED[name]) >= 15


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_name_that_has_a_role_is_mapped_to_it(name):
    found = read_list(LISTS / name)
    assert found.skipped == ()  # the header notes are no names
    expected = EXPECTED[name]
    assert [d.name for d in found.departments] == list(expected)
    with_role = [d for d in found.departments if expected[d.name]]
    right = [d for d in with_role if d.roles == expected[d.name]]
    assert len(right) / len(with_role) >= 0.9
    assert [d.name for d in with_role if d not in right] == []  # all of them, as of this list
    assert [d.name for d in found.departments if not d.roles] == UNMAPPED[name]


def _profile(name: str) -> str:
    full, short, level, province, city = PLACES[name]
    return (f"jurisdiction:\n  name: {full}\n  short: {short}\n  level: {level}\n  province: {province}\n"
            f"  city: {city}\ndocument:\n  kind: 实施方案\n  period: {{start: 2026, end: 2030}}\n")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_units_import_writes_the_local_names_and_reports_the_rest(run, tmp_path, name):
    profile = tmp_path / "p.yaml"
    profile.write_text(_profile(name), "utf-8")
    result = run("units", "import", LISTS / name, profile)
    assert result.exit_code == 0, result.output
    units = yaml.safe_load(profile.read_text("utf-8"))["units"]
    roles = {role for roles in EXPECTED[name].values() for role in roles}
    assert set(units) == roles
    assert "、".join(UNMAPPED[name]) in result.stdout and "没有对应的角色" in result.stdout
    assert run("validate", profile).exit_code == 0


@pytest.mark.parametrize("name, role, written", [
    ("pingchang.txt", "ecology", "巴中市平昌生态环境局"),  # another level's body, kept whole
    ("pingchang.txt", "culture_tourism", "县文化广播电视和旅游局"),
    ("pingchang.txt", "natural_resources", "县自然资源和规划局"),
    ("pingchang.txt", "zone_committee", "四川平昌经济开发区管理委员会"),
    ("qingyuan.txt", "justice", "县司法局"),  # 清原满族自治县 off, the level's 县 on
    ("funing.txt", "staffing", "县委机构编制委员会办公室"),
    ("funing.txt", "health", "县卫生健康委员会"),
    ("funing.txt", "veterans", "县退役军人事务局"),
])
def test_the_names_written_are_the_plan_s_own(run, tmp_path, name, role, written):
    profile = tmp_path / "p.yaml"
    profile.write_text(_profile(name), "utf-8")
    assert run("units", "import", LISTS / name, profile).exit_code == 0
    assert yaml.safe_load(profile.read_text("utf-8"))["units"][role] == written
