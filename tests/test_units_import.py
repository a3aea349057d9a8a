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
    assert "浏阳市科学技术局" in result.stdout and "没有对应的角色" in result.stdout
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
