"""The provincial reads of 宜都 (s14 final) and 恩施 (s14 R13b): the 危险化学品安全法 for chemicals and a
化工园区, the 长江保护法's shoreline ban beside the 长江, the 民族团结进步促进法 and 湖北's 民宗委, no 山洪 or
景区 a profile did not name, powers delegated to a park's managing body, and who leads the hearing of
enterprises on policy."""

from __future__ import annotations

import pytest

from drafter.api import draft_document
from drafter.plan import make_plan
from drafter.profile import load_profile

# The reviewer's 宜都 profile, its local facts as verified there.
YIDU = """\
jurisdiction:
  name: 宜都市
  short: 宜都
  level: county_city
  province: 湖北省
  city: 宜昌市
document:
  kind: 实施方案
  period: {start: 2026, end: 2030}
local:
  hazards: [地质灾害]
  safety_risks: [危化品]
  zones: [{name: 宜都市化工园区, kind: 化工园区}]
  heritage: [{name: 城背溪遗址, kind: 新石器时代遗址}]
  rivers: [{name: 长江, kind: 河湖长制}, {name: 清江, kind: 河湖长制}]
  ethnic: [潘家湾土家族乡]
"""

ENSHI = """\
jurisdiction:
  name: 恩施土家族苗族自治州
  short: 恩施
  level: autonomous_prefecture
  province: 湖北省
document:
  kind: 实施方案
  period: {start: 2026, end: 2030}
"""

SHORELINE_BAN = "禁止在长江干支流岸线一公里范围内新建、扩建化工园区和化工项目"
CHEMICALS_LAW = "《中华人民共和国危险化学品安全法》《中华人民共和国安全生产法》"


def plan_of(profile_file, library, text: str):
    profile = load_profile(profile_file(text), library)
    return profile, make_plan(profile, library)


def draft_text(profile, library) -> str:
    return "\n".join(p.text for p in draft_document(profile, library).paragraphs())


def measure(plan, measure_id: str):
    found = [m for m in plan.measures() if m.id == measure_id]
    assert found, measure_id
    return found[0]


# --- (a)1: the 危险化学品安全法, in force 2026-05-01 ---------------------------------------------------------------


def test_chemicals_are_enforced_under_the_chemicals_law_and_the_work_safety_law(profile_file, library):
    _, plan = plan_of(profile_file, library, YIDU)
    chemicals = measure(plan, "local.safety_risks.chemicals")
    assert chemicals.title == "加强危险化学品安全监管执法"
    assert chemicals.text.startswith("贯彻" + CHEMICALS_LAW + "，聚焦危化品生产、储存、使用、经营、运输等环节")
    assert chemicals.lead == ("市应急管理局",) and "市司法局" in chemicals.partners
    assert "local.safety_risks.enforcement" not in {m.id for m in plan.measures()}  # not said twice
    park = measure(plan, "local.zones.chemical_park")
    assert park.text.startswith("贯彻" + CHEMICALS_LAW + "，严格宜都市化工园区危险化学品建设项目安全准入")


def test_the_chemicals_law_is_registered_with_its_dates(library):
    law = library.documents["hazardous_chemicals_safety_law_2025"]
    assert (law.title, law.date, law.in_force) == ("中华人民共和国危险化学品安全法", "2025-12-27", "2026-05-01")


def test_without_chemicals_no_draft_cites_the_chemicals_law(profile_file, library):
    text = YIDU.replace("safety_risks: [危化品]", "safety_risks: [燃气]").replace(
        "zones: [{name: 宜都市化工园区, kind: 化工园区}]", "zones: [{name: 宜都高新区, kind: 省级高新区}]")
    profile, plan = plan_of(profile_file, library, text)
    assert "危险化学品安全法" not in draft_text(profile, library)
    assert measure(plan, "local.safety_risks.enforcement").text.startswith("聚焦燃气等重点行业领域")


# --- (a)2: the 长江保护法's ban on chemical parks and projects within a kilometre of the shore ---------------------


def test_a_chemical_park_beside_the_yangtze_gets_the_shoreline_ban(profile_file, library):
    _, plan = plan_of(profile_file, library, YIDU)
    ban = measure(plan, "local.zones.yangtze_shoreline")
    assert SHORELINE_BAN in ban.text and "对宜都市化工园区及周边沿江化工企业依法开展排查和执法检查" in ban.text
    assert ban.text.startswith("落实《中华人民共和国长江保护法》岸线管控规定")
    assert ban.lead == ("宜昌市生态环境局宜都分局",) and "市司法局" in ban.partners


@pytest.mark.parametrize("old, new", [
    ("rivers: [{name: 长江, kind: 河湖长制}, {name: 清江, kind: 河湖长制}]", "rivers: [{name: 北汝河, kind: 河湖长制}]"),
    ("zones: [{name: 宜都市化工园区, kind: 化工园区}]", "zones: [{name: 宜都高新区, kind: 省级高新区}]"),
])
def test_no_shoreline_ban_without_both_a_chemical_park_and_the_yangtze(profile_file, library, old, new):
    profile, _ = plan_of(profile_file, library, YIDU.replace(old, new))
    assert SHORELINE_BAN not in draft_text(profile, library)


# --- E-A2, E-I1, E-D1: the 民族团结进步促进法, 民族事务 beside the autonomy regulations, 湖北's 民宗委 -----------------


def test_an_autonomous_prefecture_of_hubei_manages_ethnic_affairs_in_the_rules_chapter(profile_file, library):
    profile, plan = plan_of(profile_file, library, ENSHI)
    topic = next(t for c in plan.chapters for t in c.topics
                 if any(m.id == "rules.key_areas.autonomy_regulations" for m in t.measures))
    assert topic.id == "rules.key_areas"  # beside the autonomy regulations, not under 矛盾纠纷化解 (E-I1)
    ethnic = measure(plan, "rules.key_areas.autonomy_regulations")
    assert ethnic.text.startswith("全面贯彻《中华人民共和国民族团结进步促进法》《中华人民共和国民族区域自治法》，依法管理民族事务")
    assert ethnic.lead == ("州司法局", "州民族宗教事务委员会")
    mediation = next(t for c in plan.chapters for t in c.topics if t.id == "disputes.mediation")
    assert "依法管理民族事务" not in "".join(m.title + m.text for m in mediation.measures)
    assert "州民族宗教事务局" not in draft_text(profile, library)


def test_a_plan_of_the_last_round_does_not_cite_the_2026_law(profile_file, library):
    last_round = ENSHI.replace("{start: 2026, end: 2030}", "{start: 2021, end: 2025}") + "selection: {detail: full}\n"
    _, plan = plan_of(profile_file, library, last_round)
    ethnic = measure(plan, "rules.key_areas.autonomy_regulations")
    assert ethnic.text.startswith("全面贯彻《中华人民共和国民族区域自治法》，依法管理民族事务")


def test_the_ethnic_unity_law_is_registered_as_adopted(library):
    law = library.documents["ethnic_unity_progress_law_2026"]
    assert (law.title, law.issuer, law.date) == ("中华人民共和国民族团结进步促进法", "全国人民代表大会", "2026-03-12")


def test_an_ethnic_township_is_publicised_with_the_ethnic_unity_law(profile_file, library):
    _, plan = plan_of(profile_file, library, YIDU)
    publicity = measure(plan, "local.ethnic.publicity")
    assert publicity.text.startswith("立足潘家湾土家族乡实际，深入宣传《中华人民共和国民族团结进步促进法》")


# --- (e): only the hazards and scenic areas the profile names -----------------------------------------------------


def test_a_geological_hazard_profile_gets_no_flash_floods_or_scenic_areas(profile_file, library):
    profile, plan = plan_of(profile_file, library, YIDU)
    text = draft_text(profile, library)
    assert "依法做好地质灾害防治" in text and "落实《地质灾害防治条例》，针对地质灾害风险" in text
    assert "山洪" not in text and "涉水游玩" not in text and "景区" not in text


def test_flash_floods_only_where_named_and_scenic_areas_only_with_a_scenic_fact(profile_file, library):
    floods = YIDU.replace("hazards: [地质灾害]", "hazards: [地质灾害, 山洪]")
    profile, _ = plan_of(profile_file, library, floods)
    text = draft_text(profile, library)
    assert "依法做好地质灾害防治" in text and "依法做好山洪灾害防御" in text
    assert "落实山区和沿河村组群众转移避险" in text and "涉水游玩" not in text
    scenic = floods.replace("heritage: [{name: 城背溪遗址, kind: 新石器时代遗址}]",
                            "heritage: [{name: 清江画廊, kind: 国家5A级旅游景区}]")
    profile, _ = plan_of(profile_file, library, scenic)
    assert "针对清江画廊汛期山洪风险，督促景区经营管理单位落实安全主体责任，汛期依法管控涉水游玩" in draft_text(profile, library)


# --- (d)3: powers go to a park's managing body; 园区综合执法 is the 编办's with the 司法局 ------------------------------


def test_powers_are_delegated_to_the_parks_managing_body(profile_file, library):
    profile, plan = plan_of(profile_file, library, YIDU)
    text = draft_text(profile, library)
    assert "依法向宜都市化工园区管理机构下放或委托实施一批经济社会管理权限" in text
    assert "依法向宜都市化工园区下放" not in text
    enforcement = measure(plan, "local.zones.enforcement")
    assert enforcement.lead == ("市委编办", "市司法局")


def test_a_named_committee_receives_the_powers(profile_file, library):
    _, plan = plan_of(profile_file, library, YIDU + "units: {zone_committee: 宜都市化工园区管理委员会}\n")
    empowerment = measure(plan, "local.zones.empowerment")
    assert empowerment.text.startswith("依法向宜都市化工园区管理委员会下放或委托实施一批经济社会管理权限")
    assert "宜都市化工园区管理委员会" in empowerment.partners


# --- (d)4: hearing enterprises on policy is led by 发展改革, with 司法局 and 工商联 ------------------------------------


def test_enterprises_are_heard_on_policy_under_development_and_reform(profile_file, library):
    _, plan = plan_of(profile_file, library, YIDU)
    hearing = measure(plan, "functions.business_environment.policy_participation")
    assert hearing.lead == ("市发展和改革局",)
    assert {"市司法局", "市工商联"} <= set(hearing.partners)
