"""Issue 14.3: defaults that are right more often — county-level names, branch and vertical bodies by
the parent's pattern, 政务服务中心 marked as a hall — and each default says the rule that produced it."""

from __future__ import annotations

from drafter.plan.units import resolve_units
from drafter.profile import load_profile

from conftest import MINIMAL


def units_of(profile_file, library, text=MINIMAL):
    return resolve_units(load_profile(profile_file(text), library), library)


def test_a_county_gets_county_names_and_each_says_its_rule(profile_file, library):
    units = units_of(profile_file, library)
    assert (units["development_reform"].name, units["development_reform"].rule) == ("县发展和改革局", "按县级命名规则")
    assert (units["health"].name, units["health"].rule) == ("县卫生健康局", "按县级命名规则")
    assert units["justice"].rule == "按各层级通用命名规则"


def test_branch_and_vertical_bodies_follow_the_parent(profile_file, library):
    units = units_of(profile_file, library)
    assert units["ecology"].name == "邢台市生态环境局清河分局" and units["ecology"].rule.startswith("按垂直管理分局规则")
    assert units["tax"].name == "国家税务总局清河县税务局" and units["tax"].rule.startswith("按垂直管理规则")


def test_a_prefecture_keeps_its_commission_names(profile_file, library):
    text = MINIMAL.replace("name: 清河县", "name: 邢台市").replace("short: 清河", "short: 邢台") \
        .replace("level: county", "level: prefecture_city").replace("  city: 邢台市\n", "")
    units = units_of(profile_file, library, text)
    assert units["development_reform"].name == "市发展改革委" and units["health"].name == "市卫生健康委"
    assert units["ecology"].name == "市生态环境局" and units["tax"].name == "国家税务总局邢台市税务局"


def test_a_hall_is_never_the_default_gov_service(profile_file, library):
    """W8: 政务服务中心 is a hall. 河北's counties have a 行政审批局 by the province's rule."""
    units = units_of(profile_file, library)
    assert units["gov_service"].name == "县行政审批局"
    assert units["gov_service"].rule == \
        "按河北省规定（2017年起市县两级设立行政审批局），见 drafter/gazetteer/data/bodies.yaml"


def test_the_units_command_and_the_review_say_the_rule(profile_file, run, tmp_path):
    path = profile_file()
    out = run("units", path).stdout
    assert "development_reform" in out and "县发展和改革局（发展改革部门）  按县级命名规则" in out
    assert "邢台市生态环境局清河分局（生态环境部门）  按垂直管理分局规则" in out
    from drafter.writers.docx_review import defaults_comment
    from drafter.document import Default

    assert defaults_comment((Default("县发展和改革局", "units.development_reform", "默认单位名称", "按县级命名规则"),)) == \
        "默认值，请核对：县发展和改革局（默认单位名称，按县级命名规则），在档案 units.development_reform 中改写"
