"""Issue 14 (reviewer's read, final2 §2(d) and 14c): local content in the chapters that had none —
制度体系, 行政决策, 矛盾纠纷, 数字法治政府, 组织保障 and the preamble — drawn only from the profile's
facts, and 营商环境 citing the draft's own province's 优化营商环境条例, never another's."""

from __future__ import annotations

import re

import pytest

from drafter.api import draft_document
from drafter.errors import ValidationFailed
from drafter.plan import make_plan
from drafter.profile import load_profile

# A county-level city of 河南 with the facts the reviewer's 汝州 profile has.
RUZHOU = """\
jurisdiction:
  name: 汝州市
  short: 汝州
  level: county_city
  province: 河南省
  city: 平顶山市
  lower_govs: 各镇人民政府、街道办事处
document:
  kind: 实施方案
  period: {start: 2026, end: 2030}
local:
  industries: [汝瓷, 装备制造, 机绣纺织]
  heritage: [{name: 汝瓷烧制技艺, kind: 国家级非物质文化遗产}]
  rivers: [{name: 北汝河, kind: 河湖长制}]
  safety_risks: [煤矿]
"""

# A county of 河南 with a zone and scenic areas (the reviewer's 兰考 profile, shortened).
LANKAO = """\
jurisdiction:
  name: 兰考县
  short: 兰考
  level: county
  province: 河南省
  city: 开封市
document:
  kind: 实施方案
  period: {start: 2026, end: 2030}
local:
  hazards: [洪涝]
  zones: [{name: 兰考经济技术开发区, kind: 省级开发区}]
  heritage: [{name: 焦裕禄纪念园, kind: 国家4A级旅游景区}, {name: 黄河湾风景区, kind: 景区}]
  rivers: [{name: 黄河, kind: 黄河干流}]
"""

# A 设区的市 (it makes 规章) of 四川 with heritage and a river.
LESHAN = """\
jurisdiction:
  name: 乐山市
  short: 乐山
  level: prefecture_city
  province: 四川省
document:
  kind: 实施方案
  period: {start: 2026, end: 2030}
local:
  heritage: [{name: 乐山大佛, kind: 世界文化与自然遗产}]
  rivers: [{name: 岷江, kind: 长江流域}]
"""

REGULATION = re.compile(r"《([^《》]{2,8}?[省市区])优化营商环境条例》")


def plan_of(profile_file, library, text: str):
    profile = load_profile(profile_file(text), library)
    return profile, make_plan(profile, library)


def in_chapter(plan, chapter_id: str) -> dict[str, str]:
    """measure id → text of the measures of one chapter."""
    chapter = next(c for c in plan.chapters + (plan.guarantee,) if c.id == chapter_id)
    return {m.id: m.text for t in chapter.topics for m in t.measures}


def body(document) -> str:
    return "\n".join(p.text for p in document.paragraphs())


def test_each_chapter_the_reviewer_found_empty_names_the_place(profile_file, library):
    _, plan = plan_of(profile_file, library, RUZHOU)
    rules = in_chapter(plan, "rules")["local.areas.rules"]
    assert rules.startswith("围绕汝瓷烧制技艺保护、北汝河管护、煤矿安全生产、汝瓷和装备制造特色产业发展等本地治理急需领域，"
                            "依法制定管用好用的行政规范性文件")
    assert "政府规章" not in rules and "配合上级开展立法调研" in rules  # a county-level city makes no 规章
    # a craft is handed on, not a project: the decision catalogue names the river only
    assert in_chapter(plan, "decisions")["local.areas.decisions"].startswith(
        "把涉及北汝河管护的重大公共政策、重大建设项目和重大资源开发利用事项，依法纳入年度重大行政决策事项目录")
    disputes = in_chapter(plan, "disputes")
    assert disputes["local.safety_risks.disputes"].startswith("针对煤矿等重点行业领域，做好生产安全事故善后处置中的矛盾纠纷排查化解")
    assert disputes["local.rivers.disputes"].startswith("依照《中华人民共和国水法》，对北汝河沿线的用水、排水")
    assert in_chapter(plan, "digital")["local.areas.monitoring"].startswith("围绕煤矿安全生产、北汝河管护等重点领域，")
    assert in_chapter(plan, "leadership")["local.areas.assessment"].startswith(
        "把煤矿安全生产、北汝河管护、汝瓷烧制技艺保护等本地重点领域的依法行政情况"
        "纳入法治政府建设年度考核和法治督察内容，督促各镇人民政府、街道办事处和负有监管职责的部门依法履职")


def test_the_local_measures_are_led_by_the_departments_of_their_duty(profile_file, library):
    _, plan = plan_of(profile_file, library, RUZHOU)
    leads = {m.id: m.lead for m in plan.measures()}
    assert leads["local.areas.rules"] == ("市司法局",)
    assert leads["local.safety_risks.disputes"] == ("市人力资源社会保障局",)
    assert leads["local.rivers.disputes"] == ("市水利局",)
    assert leads["local.areas.assessment"] == ("市委依法治市办",)
    assert leads["local.province.business_environment"] == ("市发展和改革局",)


def test_the_preamble_names_the_local_areas_from_the_profile(profile_file, library):
    profile = load_profile(profile_file(RUZHOU), library)
    text = body(draft_document(profile, library))
    assert ("持续深入推进依法行政，全面建设法治政府，结合全市实际，聚焦煤矿安全生产、北汝河管护、汝瓷烧制技艺保护、"
            "汝瓷和装备制造特色产业发展等本地治理重点，制定本实施方案。") in text


def test_zones_and_scenic_areas_call_for_their_disputes(profile_file, library):
    _, plan = plan_of(profile_file, library, LANKAO)
    disputes = in_chapter(plan, "disputes")
    assert disputes["local.zones.disputes"].startswith("对兰考经济技术开发区建设中的征地拆迁、项目建设和企业劳动用工、合同履行等方面的矛盾纠纷")
    assert disputes["local.heritage.disputes"].startswith("在黄河湾风景区等景区健全旅游纠纷快速调处机制")  # not the 纪念园
    decisions = in_chapter(plan, "decisions")["local.areas.decisions"]
    assert decisions.startswith("把涉及兰考经济技术开发区建设管理、焦裕禄纪念园和黄河湾风景区保护、黄河管护的重大公共政策")


def test_a_city_that_makes_rules_plans_legislation_for_its_areas(profile_file, library):
    _, plan = plan_of(profile_file, library, LESHAN)
    rules = in_chapter(plan, "rules")
    assert "local.areas.rules" not in rules
    assert rules["local.areas.legislation"].startswith(
        "围绕乐山大佛保护、岷江管护等本地治理急需领域确定立法选题，在年度立法工作计划中优先安排相关政府规章项目")


def test_no_local_facts_no_local_areas(profile_file, library):
    text = RUZHOU.split("local:")[0]
    _, plan = plan_of(profile_file, library, text)
    assert not [m.id for m in plan.measures() if m.id.startswith("local.") and not m.id.startswith("local.province.")]
    assert plan.focus == ""


@pytest.mark.parametrize("text, province", [(RUZHOU, "河南省"), (LANKAO, "河南省"), (LESHAN, "四川省")])
def test_business_environment_cites_the_own_provinces_regulation_only(profile_file, library, text, province):
    profile, plan = plan_of(profile_file, library, text)
    business = in_chapter(plan, "functions")
    # the State Council's regulation first, the province's own beside it (s14 司法厅 read A4)
    assert business["local.province.business_environment"].startswith(f"贯彻落实《优化营商环境条例》和《{province}优化营商环境条例》，对照条例梳理")
    measure = next(m for m in plan.measures() if m.id == "local.province.business_environment")
    assert measure.basis == ("《优化营商环境条例》（国务院令第722号）", f"《{province}优化营商环境条例》")
    assert measure.fact == f"jurisdiction.province：{province}"  # the review copy's comment names its source
    # the whole draft names no other province's regulation
    cited = set(REGULATION.findall(body(draft_document(profile, library))))
    assert cited == {province}


def test_a_province_without_a_registered_regulation_gets_none(profile_file, library):
    text = LESHAN.replace("乐山市", "延吉市").replace("乐山", "延吉").replace("四川省", "吉林省") \
        .replace("level: prefecture_city", "level: county_city\n  city: 延边朝鲜族自治州")
    profile, plan = plan_of(profile_file, library, text)
    assert not [m.id for m in plan.measures() if m.id.startswith("local.province.")]
    assert not REGULATION.findall(body(draft_document(profile, library)))


def test_every_registered_regulation_has_its_source_and_its_measure(library):
    regulations = {key: doc for key, doc in library.documents.items() if "_business_environment_regulation_" in key}
    assert {doc.province for doc in regulations.values()} >= {"河南省", "四川省", "湖南省", "河北省", "湖北省"}
    from drafter.plan.localfacts import own_regulation

    (rule,) = [rule for rule in library.local_measures if rule.serves == "province"]
    assert set(rule.measure.basis) == set(regulations) | {"business_environment_regulation_2019"}
    for key, doc in regulations.items():
        assert doc.title == f"{doc.province}优化营商环境条例" and doc.date
        assert doc.province in rule.provinces
        own = own_regulation(rule.measure, doc.province, library)
        assert own.basis == ("business_environment_regulation_2019", key) and own.since == doc.in_force_year
        assert f"《{doc.title}》" in own.text
        assert not any(f"《{other.title}》" in own.text for other in regulations.values() if other is not doc)
    assert own_regulation(rule.measure, "吉林省", library) is None


@pytest.mark.parametrize("extra, message", [
    ("    serves: areas\n", "serves: areas 的措施必须写 of（从哪些本地类型写出重点领域），其他措施不写 of"),
    ("    serves: province\n", "serves: province 的措施必须写 provinces（只用于哪些省份）"),
])
def test_an_areas_or_province_measure_without_its_field_is_refused(library, tmp_path, extra, message):
    from drafter.library.local_measures import load_local_measures
    from drafter.library.loader import library_schema

    placeholder = "{areas}" if "areas" in extra else "{scope}"
    (tmp_path / "local_measures.yaml").write_text(
        f"measures:\n  - id: local.{extra.split(': ')[1].strip()}.x\n{extra}    topic: rules.key_areas\n"
        f"    title: 某措施\n    text: 围绕{placeholder}开展制度建设。\n    lead: [justice]\n"
        "    basis: [legislation_law]\n    sources: []\n", encoding="utf-8")
    topics = {topic: topic.split(".")[0] for topic in library.topic_ids()}
    with pytest.raises(ValidationFailed) as caught:
        load_local_measures(tmp_path, library_schema(), topics, library.roles, library.documents)
    assert message in str(caught.value.problems)


def test_the_citys_own_platform_is_named_beside_the_provinces(profile_file, library):
    _, plan = plan_of(profile_file, library, RUZHOU + "  platforms: [汝州市12345政务服务便民热线]\n")
    measure = next(m for m in plan.measures() if m.id == "local.platforms.integration")
    assert measure.text.startswith("依托汝州市12345政务服务便民热线等平台，推动与省级政务服务平台（河南政务服务网、“豫事办”）对接")
    assert measure.lead == ("〔数据管理部门〕",)  # 河南 has no registered rule for the data body: the placeholder (13c N-W2)
    assert measure.fact == "local.platforms：汝州市12345政务服务便民热线"
    assert "local.platforms.integration" in in_chapter(plan, "digital")


def test_a_platform_written_as_one_value_is_refused_with_the_fix(profile_file, library):
    path = profile_file(RUZHOU + "  platforms: 汝州市12345热线\n")
    with pytest.raises(ValidationFailed) as caught:
        load_profile(path, library)
    messages = [p.message for p in caught.value.problems if p.field == "local.platforms"]
    assert messages == ["本地政务服务和社会治理平台（local.platforms）应写成列表，现在是一个单独的值。"
                        "请写成 platforms: [某某市政务服务网, 某某“一网统管”平台]，"
                        "或 platforms: [{name: 某某市政务服务网, kind: 类别}]"]


def test_init_takes_the_platform_by_flag(run, tmp_path):
    import yaml

    target = tmp_path / "ruzhou.yaml"
    result = run("init", "--name", "汝州市", "--level", "county_city", "--province", "河南省", "--city", "平顶山市",
                 "--platform", "汝州市12345政务服务便民热线", "-o", target)
    assert result.exit_code == 0, result.output
    assert run("validate", target).exit_code == 0
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["local"] == {"platforms": ["汝州市12345政务服务便民热线"]}


def test_the_review_copy_says_where_the_provinces_measure_comes_from(profile_file, library, tmp_path):
    import docx

    from drafter.writers.docx_review import write_review_docx

    profile = load_profile(profile_file(LANKAO), library)
    path = tmp_path / "review.docx"
    path.write_bytes(write_review_docx(draft_document(profile, library)))
    comments = [c.text for c in docx.Document(str(path)).comments]
    assert any(c.startswith("来自档案 jurisdiction.province：河南省。") and "local.province.business_environment" in c
               and "《河南省优化营商环境条例》" in c and "《优化营商环境条例》（国务院令第722号）" in c for c in comments)
    assert any(c.startswith("来自档案 local.zones：兰考经济技术开发区。") and "local.zones.disputes" in c for c in comments)


def test_a_plan_older_than_the_regulation_does_not_cite_it(profile_file, library):
    text = RUZHOU.replace("{start: 2026, end: 2030}", "{start: 2021, end: 2025}")
    _, plan = plan_of(profile_file, library, text)
    assert "local.province.business_environment" not in {m.id for m in plan.measures()}  # adopted 2025-12-04


def test_a_province_measure_needs_one_registered_regulation_per_province(library, tmp_path):
    from drafter.library.local_measures import load_local_measures
    from drafter.library.loader import library_schema

    (tmp_path / "local_measures.yaml").write_text(
        "measures:\n  - id: local.province.x\n    serves: province\n    provinces: [河南省, 四川省]\n"
        "    topic: functions.business_environment\n    title: 某措施\n    text: 贯彻落实{regulation}。\n"
        "    lead: [justice]\n    basis: [henan_business_environment_regulation_2025]\n    sources: []\n",
        encoding="utf-8")
    topics = {topic: topic.split(".")[0] for topic in library.topic_ids()}
    with pytest.raises(ValidationFailed) as caught:
        load_local_measures(tmp_path, library_schema(), topics, library.roles, library.documents)
    assert [p.message for p in caught.value.problems] == [
        "四川省应在 basis 中有且只有一件本省的已登记文件（现有 0 件），正文的 {regulation} 写作它的书名"]


# --- the last reader's read of the same places (s14 R14) -------------------------------------------------------


def test_a_memorial_is_no_place_of_tourist_disputes(profile_file, library):
    _, plan = plan_of(profile_file, library, LANKAO)
    disputes = in_chapter(plan, "disputes")["local.heritage.disputes"]
    assert disputes.startswith("在黄河湾风景区等景区健全旅游纠纷快速调处机制") and "焦裕禄纪念园" not in disputes


def test_mines_are_enforced_with_the_mine_safety_inspectorate_not_market_regulation(profile_file, library):
    _, plan = plan_of(profile_file, library, RUZHOU)
    measure = next(m for m in plan.measures() if m.id == "local.safety_risks.mines")
    assert measure.text.startswith("聚焦煤矿，落实“三管三必须”要求，配合国家矿山安全监察机构依法开展监管执法")
    assert not any("市场监管" in unit for unit in measure.lead + measure.partners)
    assert "local.safety_risks.enforcement" not in {m.id for m in plan.measures()}
    both = RUZHOU.replace("safety_risks: [煤矿]", "safety_risks: [煤矿, 燃气]")  # 危化品 has its own measure
    _, plan = plan_of(profile_file, library, both)
    general = next(m for m in plan.measures() if m.id == "local.safety_risks.enforcement")
    assert general.text.startswith("聚焦燃气等重点行业领域") and "煤矿" not in general.text


def test_a_craft_is_intangible_heritage_handed_on_in_the_goals(profile_file, library):
    profile, _ = plan_of(profile_file, library, RUZHOU)
    text = body(draft_document(profile, library))
    assert "汝瓷烧制技艺等非物质文化遗产得到依法保护和传承" in text
    assert "汝瓷烧制技艺等文化遗产和旅游资源" not in text


def test_the_local_hazard_measure_does_not_repeat_the_contingency_plans(profile_file, library):
    # s14 R14, 兰考 第 45、48 条: both said 2028年底前修订完善专项应急预案
    _, plan = plan_of(profile_file, library, LANKAO)
    measures = {m.id: m for m in plan.measures()}
    local = measures["local.hazards.plans"]
    assert local.title == "明确本地主要灾害的防范应对责任" and not local.deadline
    assert "修订完善" not in local.text and "在专项应急预案中明确监测预警" in local.text
    assert "修订完善突发事件总体应急预案、专项应急预案和部门应急预案" in measures["emergencies.institutions.contingency_plans"].text


def test_the_river_affairs_bureau_is_a_partner_in_river_disputes_and_the_river_chiefs(profile_file, library):
    text = LANKAO + "units:\n  river_affairs: 兰考黄河河务局\n"
    _, plan = plan_of(profile_file, library, text)
    measures = {m.id: m for m in plan.measures()}
    for measure_id in ("local.rivers.disputes", "local.rivers.chiefs"):
        assert "兰考黄河河务局" in measures[measure_id].partners, measure_id


def test_a_craft_gets_its_intangible_heritage_measure(profile_file, library):
    # s14 R14 (汝州): a 非遗 goal and no 非遗 measure
    _, plan = plan_of(profile_file, library, RUZHOU)
    measure = next(m for m in plan.measures() if m.id == "local.heritage.intangible")
    assert measure.text.startswith("贯彻《中华人民共和国非物质文化遗产法》，做好汝瓷烧制技艺等非物质文化遗产的调查记录")
    assert measure.lead == ("市文化广电和旅游局",)
    assert measure.basis == ("《中华人民共和国非物质文化遗产法》（中华人民共和国主席令第四十二号）",)
    _, lankao = plan_of(profile_file, library, LANKAO)
    assert "local.heritage.intangible" not in {m.id for m in lankao.measures()}  # a scenic area is no craft


def test_a_hazard_named_as_a_disaster_is_not_doubled_and_risk_monitoring_is_not_the_justice_bureau_s(profile_file,
                                                                                                     library):
    # s14 final read (宜都): “地质灾害灾害防治” four times; 司法局 leading the monitoring of hazards and chemicals
    text = RUZHOU.replace("safety_risks: [煤矿]", "safety_risks: [煤矿]\n  hazards: [地质灾害]")
    profile, plan = plan_of(profile_file, library, text)
    drafted = body(draft_document(profile, library))
    assert "地质灾害防治" in drafted and "灾害灾害" not in drafted
    monitoring = next(m for m in plan.measures() if m.id == "local.areas.monitoring")
    assert monitoring.lead == ("市应急管理局",) and "市司法局" in monitoring.partners
