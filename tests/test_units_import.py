"""Issue 14.2: `drafter units import` — a locality's own department list mapped to roles (merged
bodies to several), written into the profile's units with its comments kept."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from drafter.ingest.deptlist import read_departments, roles_of

LISTS = Path(__file__).resolve().parent / "fixtures" / "deptlists"

# Each list's names, as the page gives them, with the roles a reviewer assigns (() = no role in the library).
EXPECTED = {
    "zhanjiang.txt": {  # 广东省湛江市
        "市政府办公室": ("gov_office",), "发展改革委": ("development_reform",), "教育局": ("education",),
        "科工局": ("industry_it",), "财政局": ("finance",), "人社局": ("human_resources",),
        "自然资源局": ("natural_resources",), "建设局": ("housing",), "水利局": ("water",), "交通局": ("transport",),
        "农业农村局": ("agriculture",), "商务局": ("commerce",), "文化和旅游局": ("culture_tourism",),
        "卫生健康委": ("health",),
    },
    "luolong.txt": {  # 河南省洛阳市洛龙区
        "办公室": ("gov_office",), "发展和改革委员会": ("development_reform",), "教育局": ("education",),
        "卫生健康局": ("health",), "财政局": ("finance",), "民政局": ("civil_affairs",),
        "人力资源和社会保障局": ("human_resources",), "自然资源和规划局": ("natural_resources",),
        "城市管理局": ("urban_management",), "公安分局": ("public_security",),
    },
    "yunyang.txt": {  # 湖北省十堰市郧阳区
        "办公室": ("gov_office",), "发展改革局": ("development_reform",), "财政局": ("finance",), "教育局": ("education",),
        "卫生健康委员会": ("health",), "住房和城乡建设局": ("housing",), "自然资源和规划局": ("natural_resources",),
        "农业农村局": ("agriculture",),
    },
    "county_generic.txt": {  # a county's usual bureaus
        "教育局": ("education",), "卫生健康局": ("health",), "交通运输局": ("transport",),
        "自然资源局": ("natural_resources",), "生态环境局": ("ecology",), "农业农村局": ("agriculture",),
        "公安局": ("public_security",), "民政局": ("civil_affairs",), "财政局": ("finance",),
        "人力资源和社会保障局": ("human_resources",), "市场监督管理局": ("market_regulation",),
        "应急管理局": ("emergency",), "住房和城乡建设局": ("housing",), "文化和旅游局": ("culture_tourism",),
        "税务局": ("tax",), "档案馆": (), "地方志办公室": (), "机关事务管理局": (),
    },
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_real_list_is_mapped_correctly_for_nine_names_in_ten(name):
    departments = read_departments(LISTS / name)
    expected = EXPECTED[name]
    assert [d.name for d in departments] == list(expected)  # every name read, the source notes skipped
    right = sum(d.roles == expected[d.name] for d in departments)
    assert right / len(departments) >= 0.9, [(d.name, d.roles) for d in departments if d.roles != expected[d.name]]


@pytest.mark.parametrize("name, roles", [
    ("县政务服务和数据管理局", ("gov_service", "data_bureau")),
    ("县行政审批局", ("gov_service",)),
    ("规划和自然资源局", ("natural_resources",)),
    ("经济科技和信息化局", ("industry_it",)),
    ("县农业农村和水利局", ("agriculture", "water")),
    ("住房城乡建设和交通运输局", ("housing", "transport")),
    ("县科学技术局", ()),
])
def test_merged_bodies_name_several_roles(name, roles):
    assert roles_of(name) == roles


PROFILE = """\
# 浏阳市的档案：注释要留下
jurisdiction:
  name: 浏阳市   # 全称
  short: 浏阳
  level: county_city
  province: 湖南省
  city: 长沙市
document:
  kind: 实施方案
  period: {start: 2026, end: 2030}
units:
  justice: 市司法局   # 已核对
"""


def test_import_writes_units_keeping_comments_and_reports_what_it_could_not_map(run, tmp_path):
    profile = tmp_path / "liuyang.yaml"
    profile.write_text(PROFILE, "utf-8")
    names = tmp_path / "机构.txt"
    names.write_text("政府工作部门：\n1. 浏阳市发展和改革局\n2. 浏阳市政务服务和数据管理局\n3. 浏阳市科学技术局\n"
                     "4. 长沙市生态环境局浏阳分局\n", "utf-8")
    result = run("units", "import", names, profile)
    assert result.exit_code == 0, result.output
    text = profile.read_text("utf-8")
    assert "# 浏阳市的档案：注释要留下" in text and "# 全称" in text and "# 已核对" in text
    units = yaml.safe_load(text)["units"]
    assert units == {"justice": "市司法局", "development_reform": "市发展和改革局", "gov_service": "市政务服务和数据管理局",
                     "data_bureau": "市政务服务和数据管理局", "ecology": "长沙市生态环境局浏阳分局"}
    assert "浏阳市科学技术局" in result.stdout and "没有对应的角色" in result.stdout and "不会写入正文，一般不用处理" in result.stdout
    assert "仍使用默认名称的角色" in result.stdout
    assert run("validate", profile).exit_code == 0


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_list_pasted_in_the_page_gives_the_units_the_command_writes(run, tmp_path, library, name):
    pytest.importorskip("ruamel.yaml")
    from drafter.editing import import_pasted

    profile = tmp_path / "liuyang.yaml"
    profile.write_text(PROFILE, "utf-8")
    pasted = import_pasted((LISTS / name).read_text("utf-8"), yaml.safe_load(PROFILE), library)
    result = run("units", "import", LISTS / name, profile)
    assert result.exit_code == 0, result.output
    assert pasted["units"] == yaml.safe_load(profile.read_text("utf-8"))["units"]
    unmapped = [n for n, roles in EXPECTED[name].items() if not roles]
    assert set(unmapped) <= set(pasted["unmapped"])


def test_import_without_both_files_is_a_usage_error(run, tmp_path):
    result = run("units", "import", tmp_path / "x.txt")
    assert result.exit_code == 2


def test_a_list_in_excel_or_word_is_read_too(tmp_path):
    from docx import Document
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["序号", "单位名称"])
    book.active.append([1, "县行政审批服务局"])
    book.active.append([2, "县经济科技和信息化局"])
    book.save(tmp_path / "机构.xlsx")
    assert [(d.name, d.roles) for d in read_departments(tmp_path / "机构.xlsx")] == [
        ("县行政审批服务局", ("gov_service",)), ("县经济科技和信息化局", ("industry_it",))]
    document = Document()
    for name in ("县司法局", "县规划和自然资源局"):
        document.add_paragraph(name)
    document.save(tmp_path / "机构.docx")
    assert [d.roles for d in read_departments(tmp_path / "机构.docx")] == [("justice",), ("natural_resources",)]


@pytest.mark.parametrize(("written", "expected"), [
    ("北京市延庆区人民政府办公室", "区人民政府办公室"),  # the issue-14 reader's find: was 区北京市延庆区人民政府办公室
    ("延庆区司法局", "区司法局"),
    ("司法局", "区司法局"),
    ("北京市公安局延庆分局", "北京市公安局延庆分局"),  # another level's body, kept whole
    ("国家税务总局北京市延庆区税务局", "国家税务总局北京市延庆区税务局"),
])
def test_full_names_become_the_plans_own_names_and_other_bodies_stay_whole(profile_file, library, written, expected):
    from drafter.commands.unitsimport import locality
    from drafter.ingest.deptmap import local_name
    from drafter.profile import load_profile

    path = profile_file("jurisdiction: {name: 延庆区, short: 延庆, level: district, province: 北京市}\n"
                        "document: {kind: 实施方案, period: {start: 2026, end: 2030}}\n")
    assert local_name(written, locality(load_profile(path, library))) == expected


def test_the_four_lists_map_every_name_as_a_reviewer_does():
    """The mapped share of the four real lists does not fall (公安分局 is no 分局 of 公安县 any more)."""
    for name, expected in EXPECTED.items():
        assert {d.name: d.roles for d in read_departments(LISTS / name)} == expected, name


DUJIANGYAN = """\
jurisdiction:
  name: 都江堰市
  short: 都江堰
  level: county_city
  province: 四川省
  city: 成都市
document:
  kind: 实施方案
  period: {start: 2026, end: 2030}
"""

# Issue 16's list (heading lines, numbering, bullets): every role with the name the plan prints.
DUJIANGYAN_UNITS = {
    "gov_office": "市人民政府办公室", "development_reform": "市发展和改革局", "industry_it": "市经济科技和信息化局",
    "education": "市教育局", "public_security": "市公安局", "civil_affairs": "市民政局",  # F4: was 市人民政府工作部门
    "justice": "市司法局", "finance": "市财政局", "human_resources": "市人力资源和社会保障局",
    "natural_resources": "市规划和自然资源局", "housing": "市住房和城乡建设局", "transport": "市交通运输局",
    "water": "市水务局", "agriculture": "市农业农村局", "commerce": "市商务局",
    "culture_tourism": "市文化体育和旅游局",  # F7: was not mapped
    "health": "市卫生健康局", "emergency": "市应急管理局", "audit": "市审计局",
    "market_regulation": "市市场监督管理局",  # F5: was 市场监督管理局
    "statistics": "市统计局", "urban_management": "市综合行政执法局", "gov_service": "市行政审批局",
    "petition": "市信访局", "ecology": "成都市都江堰生态环境局",  # F6: was 市生态环境局
    "tax": "国家税务总局都江堰市税务局", "media_center": "市融媒体中心", "data_bureau": "市数据局",
    "veterans": "市退役军人事务局",  # was not mapped though the library has the role
}
DUJIANGYAN_SKIPPED = "都江堰市人民政府工作部门（第 3 行，标题）、其他单位（第 33 行，标题）、部门管理机构（第 38 行，标题）、以上共 35 个（第 41 行）"
DUJIANGYAN_UNMAPPED = ["都江堰市医疗保障局", "都江堰市国有资产监督管理和金融工作局",
                       "都江堰市投资促进局", "青城山—都江堰风景名胜区管理局", "都江堰市林业和草原局"]


def test_the_trial_list_gives_each_role_its_own_body_and_reports_the_headings_skipped(run, tmp_path, library):
    profile = tmp_path / "都江堰.yaml"
    profile.write_text(DUJIANGYAN, "utf-8")
    result = run("units", "import", LISTS / "dujiangyan_trial.txt", profile)
    assert result.exit_code == 0, result.output
    assert yaml.safe_load(profile.read_text("utf-8"))["units"] == DUJIANGYAN_UNITS
    lines = result.stdout.splitlines()
    at = lines.index("以下各行不是单位名称（标题，或没有“局、委、办、中心”等字样），已跳过；如是单位，请写出全称：")
    assert lines[at + 1] == "  " + DUJIANGYAN_SKIPPED
    assert "  " + "、".join(DUJIANGYAN_UNMAPPED) in lines
    assert "也对应 civil_affairs" not in result.stdout  # the heading no longer takes the role from 市民政局
    assert run("validate", profile).exit_code == 0

    from drafter.editing import import_pasted  # the page's paste box gives the same

    pasted = import_pasted((LISTS / "dujiangyan_trial.txt").read_text("utf-8"), yaml.safe_load(DUJIANGYAN), library)
    assert pasted["units"] == DUJIANGYAN_UNITS and pasted["unmapped"] == DUJIANGYAN_UNMAPPED
    assert [(s["line"], s["text"], s["heading"]) for s in pasted["skipped"]] == [
        (3, "都江堰市人民政府工作部门", True), (33, "其他单位", True), (38, "部门管理机构", True), (41, "以上共 35 个", False)]


@pytest.mark.parametrize("line", ["都江堰市人民政府工作部门", "其他单位", "政府工作部门：", "机构设置", "序号", "直属事业单位",
                                  "部门管理机构（3个）", "都江堰市人民政府", "以上共 35 个"])
def test_a_heading_or_a_line_naming_no_body_is_skipped_not_mapped(line):
    from drafter.ingest.deptlist import list_of

    found = list_of([(1, line)])
    assert found.departments == () and [s.text for s in found.skipped] == [line.rstrip("：").removesuffix("（3个）")]


@pytest.mark.parametrize(("name", "roles"), [
    ("人民政府工作部门", ()),  # F4: 民政 inside 人民政府 names nothing
    ("都江堰市民政局", ("civil_affairs",)),
    ("都江堰市人民政府办公室", ("gov_office",)),
    ("文化体育和旅游局", ("culture_tourism",)),  # F7
    ("文化广电体育和旅游局", ("culture_tourism",)),
    ("文化广电和旅游局", ("culture_tourism",)),
    ("文化广播电视和旅游局", ("culture_tourism",)),
    ("文化广电旅游体育局", ("culture_tourism",)),
    ("文化旅游广电体育局", ("culture_tourism",)),
    ("经济科技和信息化局", ("industry_it",)),
    ("经济和信息化局", ("industry_it",)),
    ("文化和广电旅游体育局", ("culture_tourism",)),  # 义乌's name, the second new-user trial
    ("经济信息化和科学技术局", ("industry_it",)),
    ("规划和自然资源局", ("natural_resources",)),
    ("水务局", ("water",)),
    ("行政审批局", ("gov_service",)),
    ("政务服务管理局", ("gov_service",)),
    ("政务服务和数据管理局", ("gov_service", "data_bureau")),
    ("政务服务管理和网络理政办公室", ("gov_service",)),
    ("数据局", ("data_bureau",)),
    ("大数据局", ("data_bureau",)),
    ("城市管理局", ("urban_management",)),
    ("城市管理和综合执法局", ("urban_management",)),
    ("综合行政执法局", ("urban_management",)),
    ("农业农村局", ("agriculture",)),
    ("农业农村和水务局", ("agriculture", "water")),
    ("农业和农村局", ("agriculture",)),
    ("住房和城乡建设局", ("housing",)),
    ("交通运输局", ("transport",)),
    ("成都市都江堰生态环境局", ("ecology",)),
    ("国家税务总局都江堰市税务局", ("tax",)),
    ("公安分局", ("public_security",)),  # not 公安县's 分局
    ("退役军人事务局", ("veterans",)),
    ("县委机构编制委员会办公室", ("staffing",)),  # after the party committee's 委
    ("县环境保护局", ("ecology",)),  # the bureau's name before 2019
    ("县人民法院", ("court",)),
    ("县人民检察院", ("procuratorate",)),
    ("县卫生健康委员会", ("health",)),  # 委 lets a word begin: nothing more is found after it
    ("医疗保障局", ()),  # no role of the library: reported as not mapped
    ("林业局", ()),
    ("林业和草原局", ()),
])
def test_common_names_map_to_their_roles(name, roles):
    assert roles_of(name) == roles


@pytest.mark.parametrize(("written", "expected"), [
    ("都江堰市市场监督管理局", "市市场监督管理局"),  # F5: the place's name off once, 市场 keeps its 市
    ("市场监督管理局", "市市场监督管理局"),
    ("市市场监督管理局", "市市场监督管理局"),
    ("都江堰市民政局", "市民政局"),
    ("市司法局", "市司法局"),
    ("都江堰司法局", "市司法局"),
    ("四川省都江堰市司法局", "市司法局"),
    ("成都市都江堰生态环境局", "成都市都江堰生态环境局"),  # F6: the parent city's branch, kept whole
    ("成都市公安局都江堰分局", "成都市公安局都江堰分局"),
    ("国家税务总局都江堰市税务局", "国家税务总局都江堰市税务局"),
])
def test_a_county_citys_names_keep_their_level_word_and_other_bodies_stay_whole(profile_file, library, written, expected):
    from drafter.commands.unitsimport import locality
    from drafter.ingest.deptmap import local_name
    from drafter.profile import load_profile

    assert local_name(written, locality(load_profile(profile_file(DUJIANGYAN), library))) == expected


def test_a_list_of_headings_only_says_which_lines_were_skipped(run, tmp_path):
    profile = tmp_path / "都江堰.yaml"
    profile.write_text(DUJIANGYAN, "utf-8")
    names = tmp_path / "机构.txt"
    names.write_text("都江堰市人民政府工作部门\n序号\n", "utf-8")
    result = run("units", "import", names, profile)
    assert result.exit_code == 1
    assert result.stderr == (f"错误：{names} 中没有读到单位名称：都江堰市人民政府工作部门（第 1 行，标题）、序号（第 2 行，标题）"
                             "不是单位名称，已跳过；请一行写一个单位，如 县司法局\n")


def test_a_long_run_of_skipped_cells_is_named_by_its_first_ten():
    from drafter.ingest.deptlist import list_of, skipped_text

    found = list_of([(n, f"电话 {n}") for n in range(1, 13)] + [(13, "县司法局")])
    assert [d.name for d in found.departments] == ["县司法局"]
    assert skipped_text(found.skipped) == "、".join(f"电话 {n}（第 {n} 行）" for n in range(1, 11)) + "等 12 处"


# TRIAL3 (issue 16) F1, F2: 兰考 pastes its 黄河河务局 and its zone's 管理委员会.
LANKAO = """jurisdiction: {name: 兰考县, short: 兰考, level: county, province: 河南省, city: 开封市}
document: {kind: 实施方案, period: {start: 2026, end: 2030}}
local:
  zones: [{name: 兰考经济技术开发区, kind: 省级经济技术开发区}]
  rivers: [{name: 黄河, kind: 河湖长制}]
"""
LANKAO_LIST = "兰考县人民政府工作部门\n兰考县司法局\n兰考黄河河务局\n兰考经济技术开发区管理委员会\n"
LANKAO_UNITS = {"justice": "县司法局", "river_affairs": "兰考黄河河务局", "zone_committee": "兰考经济技术开发区管理委员会"}


@pytest.mark.parametrize(("name", "roles"), [
    ("兰考黄河河务局", ("river_affairs",)),
    ("开封黄河河务局", ("river_affairs",)),
    ("兰考经济技术开发区管理委员会", ("zone_committee",)),
    ("某某高新技术产业开发区管委会", ("zone_committee",)),
    ("某某产业集聚区管理委员会", ("zone_committee",)),
    ("县发展和改革委员会", ("development_reform",)),  # a 委员会 that is no zone's
])
def test_a_river_affairs_bureau_and_a_zone_committee_have_their_roles(name, roles):
    assert roles_of(name) == roles


def test_units_import_writes_the_river_affairs_bureau_and_the_zone_committee_by_their_listed_names(run, tmp_path):
    profile = tmp_path / "lankao.yaml"
    profile.write_text(LANKAO, "utf-8")
    names = tmp_path / "机构.txt"
    names.write_text(LANKAO_LIST, "utf-8")
    result = run("units", "import", names, profile)
    assert result.exit_code == 0, result.output
    assert yaml.safe_load(profile.read_text("utf-8"))["units"] == LANKAO_UNITS  # never 县黄河河务局
    assert "没有对应的角色" not in result.stdout
    defaults = result.stdout.split("仍使用默认名称的角色", 1)[1]
    assert "river_affairs" not in defaults and "zone_committee" not in defaults  # they have no default
    assert run("validate", profile).exit_code == 0


def test_drafter_units_says_a_role_without_a_default_is_not_set(run, tmp_path):
    profile = tmp_path / "lankao.yaml"
    profile.write_text(LANKAO, "utf-8")
    result = run("units", profile)
    assert result.exit_code == 0, result.output
    lines = {line.split()[0]: line for line in result.stdout.splitlines() if line.strip()}
    assert "未设置  （河务部门）没有默认名称，在档案 units 中写上本地名称后才写入措施" in lines["river_affairs"]
    assert "未设置  （开发区管理委员会）" in lines["zone_committee"]
    profile.write_text(LANKAO + "units: {river_affairs: 兰考黄河河务局}\n", "utf-8")
    lines = {line.split()[0]: line for line in run("units", profile).stdout.splitlines() if line.strip()}
    assert lines["river_affairs"].split()[1:] == ["档案", "兰考黄河河务局（河务部门）"]
