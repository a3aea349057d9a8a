"""Issue 14, points 4 and 5: the profile's local facts become local content — measures in the
right topics with the names filled in, ranked ahead of generic ones within the topic's weight,
a clause in 总体目标, counted by the size line, and named in the review copy's comments."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

import drafter.commands.init
from drafter.api import draft_document
from drafter.commands import app
from drafter.errors import ValidationFailed
from drafter.library.local_measures import LocalRule
from drafter.plan import make_plan
from drafter.plan import select
from drafter.profile import LOCAL_TYPES, load_profile
from drafter.size import measure as measure_size
from drafter.writers.docx_review import write_review_docx
from localities import profile_text

ROOT = Path(__file__).resolve().parent.parent

# One fact per type, each named so that it can be found in the draft; 长江 and 青藏高原
# also call for the measures that only those facts take (when: 长江 / 青藏高原).
FACTS = {
    "hazards": "[地震, 山洪]",
    "safety_risks": "[烟花爆竹]",
    "zones": "[{name: 浏阳经济技术开发区, kind: 国家级经济技术开发区}]",
    "heritage": "[{name: 浏阳文庙, kind: 全国重点文物保护单位}]",
    "red_resources": "[焦裕禄精神]",
    "rivers": "[{name: 浏阳河, kind: 河湖长制}, {name: 长江}, {name: 黄河}]",
    "reserves": "[{name: 大围山国家级自然保护区}, {name: 青藏高原}]",
    "farmland": "[产粮大县]",
    "ethnic": "[土家族聚居区]",
    "border": "[{name: 某某陆路口岸}]",
    "big_city": "[接诉即办]",
    "innovation": "[湘江科学城]",
    "industries": "[{name: 花炮, kind: 烟花爆竹}]",
    "cooperation": "[长株潭都市圈]",
    "platforms": "[长阳12345热线]",
}
NAMES = {
    "hazards": "地震、山洪", "safety_risks": "烟花爆竹", "zones": "浏阳经济技术开发区", "heritage": "浏阳文庙", "red_resources": "焦裕禄精神",
    "rivers": "浏阳河", "reserves": "大围山国家级自然保护区", "farmland": "产粮大县", "ethnic": "土家族聚居区",
    "border": "某某陆路口岸", "big_city": "接诉即办", "innovation": "湘江科学城", "industries": "花炮",
    "cooperation": "长株潭都市圈", "platforms": "长阳12345热线",
}


def local_block(facts: dict[str, str]) -> str:
    return "local:\n" + "".join(f"  {key}: {value}\n" for key, value in facts.items())


def plan_for(profile_file, library, name: str = "清河县", facts: dict[str, str] | None = None,
             detail: str = "standard"):
    text = profile_text(name, detail=detail) + local_block(facts if facts is not None else FACTS)
    profile = load_profile(profile_file(text), library)
    return profile, make_plan(profile, library)


def topic_of(plan, measure_id: str):
    for chapter in plan.chapters + (plan.guarantee,):
        for topic in chapter.topics:
            for measure in topic.measures:
                if measure.id == measure_id:
                    return chapter, topic, measure
    return None


def test_every_local_type_has_measures_and_the_library_is_checked(library):
    served = {rule.serves for rule in library.local_measures}
    assert served == set(LOCAL_TYPES) | {"areas", "province"}  # the key areas together; the province's own regulation
    topics = set(library.topic_ids())
    for rule in library.local_measures:
        assert isinstance(rule, LocalRule)
        assert rule.measure.topic in topics, rule.measure.id
        assert rule.measure.basis, rule.measure.id  # sources: [] only with a registered basis
        assert all(key in library.documents for key in rule.measure.basis)
        if rule.serves == "province":
            assert rule.provinces, rule.measure.id
        else:
            mark = "areas" if rule.serves == "areas" else LOCAL_TYPES[rule.serves].placeholder
            assert "{" + mark + "}" in rule.measure.text


@pytest.mark.parametrize("kind", sorted(LOCAL_TYPES))
def test_each_local_type_produces_its_measures_in_the_right_topics_with_names(profile_file, library, kind):
    # 长阳土家族自治县: an autonomous county, so the autonomy measure fits too
    profile, plan = plan_for(profile_file, library, "长阳土家族自治县", {kind: FACTS[kind]})
    have = select.powers(profile)
    facts = profile.local.of(kind)
    expected = [rule for rule in library.local_measures if rule.serves == kind
                and select.fits(rule.measure, profile, have)
                and (not rule.provinces or profile.jurisdiction.province in rule.provinces)
                and any(f.matches(rule.when) and not (rule.unless and f.matches(rule.unless)) for f in facts)]
    assert expected
    for rule in expected:
        found = topic_of(plan, rule.measure.id)
        assert found, rule.measure.id
        _, topic, measure = found
        assert topic.id == rule.measure.topic
        assert "{" not in measure.text
        if rule.when:
            assert any(word in measure.text for word in rule.when), measure.text
        else:
            assert NAMES[kind] in measure.text, measure.text


def test_when_words_pick_the_right_basin(profile_file, library):
    _, plan = plan_for(profile_file, library, facts={"rivers": "[浏阳河]"})
    ids = {m.id for m in plan.measures()}
    assert "local.rivers.chiefs" in ids
    assert "local.rivers.yangtze" not in ids and "local.rivers.yellow" not in ids
    _, plan = plan_for(profile_file, library, facts={"rivers": "[浏阳河, {name: 嘉陵江}]"})
    yangtze = next(m for m in plan.measures() if m.id == "local.rivers.yangtze")
    assert "嘉陵江" in yangtze.text and "浏阳河" not in yangtze.text
    assert "《中华人民共和国长江保护法》" in yangtze.basis


def test_a_draft_with_local_facts_carries_them_in_three_chapters_and_the_goals(profile_file, library):
    facts = {key: FACTS[key] for key in ("hazards", "zones", "rivers", "industries", "cooperation")}
    _, plan = plan_for(profile_file, library, facts=facts)
    chapters = {chapter.id for chapter in plan.chapters + (plan.guarantee,)
                for topic in chapter.topics for measure in topic.measures if measure.fact}
    assert len(chapters) >= 3, chapters
    goal = plan.general.goals[-1]
    for kind in facts:
        assert NAMES[kind].split("、")[0] in goal, (kind, goal)
    assert goal.startswith("立足清河县实际，到2030年")


def test_no_local_facts_no_local_content(profile_file, library):
    profile = load_profile(profile_file(profile_text("清河县")), library)
    plan = make_plan(profile, library)
    # only the province's own 优化营商环境条例 (local.province.*, tests/test_local_chapters.py) needs no local fact
    assert [m.id for m in plan.measures() if m.fact or m.id.startswith("local.")] == ["local.province.business_environment"]
    assert len(plan.general.goals) == len(library.general.goals)
    assert plan.focus == ""  # the preamble names no local areas


def test_local_measures_rank_ahead_and_the_topic_keeps_its_size(profile_file, library):
    plain = make_plan(load_profile(profile_file(profile_text("清河县"), "plain.yaml"), library), library)
    _, local = plan_for(profile_file, library, facts={"zones": FACTS["zones"]})

    def topic(plan, topic_id):
        return next(t for c in plan.chapters for t in c.topics if t.id == topic_id)

    before, after = topic(plain, "functions.streamlining"), topic(local, "functions.streamlining")
    assert after.measures[0].id == "local.zones.empowerment"  # first in its topic
    assert len(after.measures) == len(before.measures)  # the topic keeps its size
    generic_before = [m.id for m in before.measures]
    generic_after = [m.id for m in after.measures if not m.id.startswith("local.")]
    assert generic_after == generic_before[:len(generic_after)] or set(generic_after) < set(generic_before)
    assert len(generic_after) == len(generic_before) - 1  # one generic measure gave way
    # a topic grows only where its required carriers leave no generic measure to give way
    local_count = sum(1 for m in local.measures() if m.fact)
    assert sum(1 for _ in plain.measures()) <= sum(1 for _ in local.measures()) <= sum(1 for _ in plain.measures()) + local_count


def test_full_detail_keeps_every_generic_measure(profile_file, library):
    plain = make_plan(load_profile(profile_file(profile_text("清河县", detail="full"), "plain.yaml"), library),
                      library)
    _, local = plan_for(profile_file, library, facts={"zones": FACTS["zones"]}, detail="full")
    plain_ids = {m.id for m in plain.measures()}
    assert plain_ids <= {m.id for m in local.measures()}


def test_the_size_line_counts_local_measures(profile_file, library):
    profile, plan = plan_for(profile_file, library, facts={key: FACTS[key] for key in ("hazards", "zones")})
    document = draft_document(profile, library)
    size = measure_size(document, [m.deadline for m in plan.measures()])
    local = [p for p in document.paragraphs() if p.provenance and p.provenance.fact]
    # hazards: plans, 地震, 山洪; zones: two and their disputes; the key areas: rules, decisions, monitoring,
    # assessment; the province (河北): its 优化营商环境条例
    assert len(local) == 11
    assert size.measures == sum(1 for _ in plan.measures())
    assert f"{size.measures} 条措施" in size.line()
    assert 12_000 <= size.characters <= 16_000  # a real plan's size still


def test_the_review_comment_names_the_profile_fact(profile_file, library, tmp_path):
    profile, _ = plan_for(profile_file, library, facts={"hazards": "[地震]", "industries": "[羊绒]"})
    path = tmp_path / "review.docx"
    path.write_bytes(write_review_docx(draft_document(profile, library)))
    comments = [c.text for c in docx.Document(str(path)).comments]
    assert any(c.startswith("来自档案 local.hazards：地震。") for c in comments), comments[:3]
    assert any(c.startswith("来自档案 local.industries：羊绒。") and "local.industries.legal_service" in c
               for c in comments)
    assert any("依据：《中华人民共和国突发事件应对法》" in c for c in comments if "local.hazards" in c)


@pytest.mark.parametrize("name, autonomous", [("长阳土家族自治县", True), ("延边朝鲜族自治州", True),
                                              ("清河县", False), ("嘉兴市", False)])
def test_autonomy_measures_only_for_autonomous_levels(profile_file, library, name, autonomous):
    _, plan = plan_for(profile_file, library, name, {"ethnic": "[土家族聚居区]"})
    ids = {m.id for m in plan.measures()}
    assert "local.ethnic.publicity" in ids  # 铸牢中华民族共同体意识 wherever there is an ethnic area
    assert ("local.ethnic.autonomy" in ids) is autonomous
    words = "".join(m.text for m in plan.measures() if m.id.startswith("local."))
    assert ("自治条例" in words) is autonomous


def test_regional_legislation_only_where_the_locality_legislates(profile_file, library):
    _, county = plan_for(profile_file, library, "清河县", {"cooperation": "[京津冀协同发展]"})
    _, city = plan_for(profile_file, library, "嘉兴市", {"cooperation": "[长三角生态绿色一体化发展示范区]"})
    assert "local.cooperation.legislation" not in {m.id for m in county.measures()}
    assert "local.cooperation.legislation" in {m.id for m in city.measures()}


@pytest.mark.parametrize("local, field, words", [
    ("local:\n  hazards: 地震\n", "local.hazards", "应写成列表，现在是一个单独的值。请写成 hazards: [地震, 地质灾害]"),
    ("local:\n  zones: true\n", "local.zones", "开发区和园区（local.zones）应列出名称，不能只写 true"),
    ("local:\n  rivers:\n    - {kind: 河湖长制}\n", "local.rivers.0", "第 1 项缺少名称 name"),
    ("local:\n  hazard: [地震]\n", "local.hazard", "是否想写 hazards"),
    ("local: [地震]\n", "local", "local 应为键值表"),
])
def test_a_bad_local_value_is_a_chinese_problem_with_line_field_and_fix(profile_file, library, local, field, words):
    path = profile_file(profile_text("清河县") + local)
    with pytest.raises(ValidationFailed) as caught:
        load_profile(path, library)
    problems = [p for p in caught.value.problems if p.field == field]
    assert problems, [str(p) for p in caught.value.problems]
    problem = problems[0]
    assert problem.file == str(path)
    assert problem.line is not None and problem.line >= profile_text("清河县").count("\n") + 1
    assert words in problem.message, problem.message


def test_shipped_profiles_carry_local_facts_and_qinghe_shows_them(library):
    for path in sorted((ROOT / "profiles").glob("*.yaml")):
        profile = load_profile(path, library)
        assert len(profile.local.types()) >= 3, path.name
        text = path.read_text(encoding="utf-8")
        assert text.count("local:") == 1
    profile = load_profile(ROOT / "profiles" / "qinghe.yaml", library)
    plan = make_plan(profile, library)
    words = "".join(m.text for m in plan.measures()) + plan.general.goals[-1]
    for name in ("羊绒", "清河经济开发区", "卫运河", "京津冀协同发展"):
        assert name in words, name


def test_init_takes_local_facts_by_flags(run, tmp_path):
    target = tmp_path / "liuyang.yaml"
    result = run("init", "--name", "浏阳市", "--level", "county_city", "--province", "湖南省", "--city", "长沙市",
                 "--hazard", "地震", "--hazard", "山洪", "--zone", "浏阳经济技术开发区", "--industry", "花炮",
                 "--cooperation", "长株潭都市圈", "--farmland", "-o", target)
    assert result.exit_code == 0, result.output
    assert run("validate", target).exit_code == 0
    import yaml

    local = yaml.safe_load(target.read_text(encoding="utf-8"))["local"]
    assert local == {"hazards": ["地震", "山洪"], "zones": ["浏阳经济技术开发区"], "industries": ["花炮"],
                     "cooperation": ["长株潭都市圈"], "farmland": True}


def test_init_asks_for_local_facts_with_examples_and_they_can_be_skipped(monkeypatch, tmp_path):
    import yaml

    monkeypatch.setattr(drafter.commands.init, "interactive", lambda: True)
    target = tmp_path / "p.yaml"
    answers = ["浏阳市", "county_city", "湖南省", "长沙市", "", "2026", "2030",
               "地震、山洪", "烟花爆竹", "", "", "", "浏阳河", "", "是"]  # then the input ends: the rest is skipped
    result = CliRunner().invoke(app, ["init", "-o", str(target)], input="".join(f"{a}\n" for a in answers))
    assert result.exit_code == 0, result.output
    assert "主要自然灾害风险（如 地震、地质灾害、山洪、洪涝、台风、森林草原火灾）" in result.stdout
    assert "直接回车跳过" in result.stdout
    local = yaml.safe_load(target.read_text(encoding="utf-8"))["local"]
    assert local == {"hazards": ["地震", "山洪"], "safety_risks": ["烟花爆竹"], "rivers": ["浏阳河"], "farmland": True}


def test_a_measure_newer_than_the_plan_is_left_out(profile_file, library):
    text = profile_text("清河县", start=2021, end=2025) + local_block({"heritage": FACTS["heritage"]})
    plan = make_plan(load_profile(profile_file(text), library), library)
    assert "local.heritage.enforcement" not in {m.id for m in plan.measures()}  # 文物保护法 2024 revision
    assert "浏阳文庙" in plan.general.goals[-1]  # the fact is still named in the goals


def test_library_show_finds_a_local_measure(run):
    result = run("library", "show", "local.rivers.yangtze")
    assert result.exit_code == 0, result.output
    assert "专题：enforcement.key_areas" in result.stdout and "{river}" in result.stdout


# Issue 14 (the 浏阳 reader): a locality's hazards, safety risks and industries reach 突发事件应对.
EMERGENCY_FACTS = [("hazards", name) for name in ("地震", "地质灾害", "山洪", "洪涝", "台风", "森林草原火灾")] + \
    [("safety_risks", name) for name in ("危化品", "矿山", "烟花爆竹", "燃气")] + \
    [("industries", name) for name in ("羊绒", "花炮", "锂电")]


def chapter_text(plan, chapter_id: str) -> str:
    chapter = next(c for c in plan.chapters + (plan.guarantee,) if c.id == chapter_id)
    return "".join(m.title + m.text for t in chapter.topics for m in t.measures)


@pytest.mark.parametrize("kind, name", EMERGENCY_FACTS)
def test_each_hazard_risk_and_industry_lands_in_the_emergencies_chapter(profile_file, library, kind, name):
    for place in ("清河县", "嘉兴市"):
        _, plan = plan_for(profile_file, library, place, {kind: f"[{name}]"})
        assert name in chapter_text(plan, "emergencies"), (place, kind, name)
        if kind != "hazards":  # and its 安全生产 enforcement reaches the enforcement chapter
            assert name in chapter_text(plan, "enforcement"), (place, kind, name)


def test_fireworks_have_their_own_measure_and_the_general_one_names_the_rest(profile_file, library):
    _, plan = plan_for(profile_file, library, facts={"safety_risks": "[危化品, 烟花爆竹]"})
    general = topic_of(plan, "local.safety_risks.emergency")[2]
    fireworks = topic_of(plan, "local.safety_risks.fireworks")[2]
    assert "危化品" in general.text and "烟花爆竹" not in general.text
    assert fireworks.text.startswith("落实《烟花爆竹安全管理条例》，对烟花爆竹生产、经营、运输、储存和燃放实行全链条安全监管")
    assert "《烟花爆竹安全管理条例》（国务院令第455号）" in fireworks.basis
    assert topic_of(plan, "local.safety_risks.fireworks")[1].id == "emergencies.capacity"
    _, plan = plan_for(profile_file, library, facts={"safety_risks": "[危化品]"})
    assert topic_of(plan, "local.safety_risks.fireworks") is None


def test_the_liuyang_draft_s_emergency_chapter_names_its_fireworks(run, tmp_path):
    profile = ROOT / "tests" / "fixtures" / "localities" / "liuyang.yaml"
    result = run("draft", profile, "-o", tmp_path / "out", "--format", "md")
    assert result.exit_code == 0, result.output
    (written,) = (tmp_path / "out").glob("*.md")
    text = written.read_text("utf-8")
    emergency = text[text.index("## 六、健全突发事件应对体系"):text.index("## 七、")]
    assert "依法防控烟花爆竹安全风险。**" in emergency
    assert "落实《烟花爆竹安全管理条例》，对烟花爆竹生产、经营、运输、储存和燃放实行全链条安全监管" in emergency
    assert "围绕花炮、生物医药、电子信息等特色产业，督促企业落实安全生产和应急管理主体责任" in emergency
    assert "针对地质灾害、山洪、洪涝、森林草原火灾等全市主要灾害风险" in emergency


def test_a_tributary_is_not_the_river_its_name_ends_with_and_an_inland_port_has_no_frontier(tmp_path, library):
    """A new-user trial (义乌市, 2026-12) drafted 长江保护法 for 义乌江 (乌江 inside its name) and
    边境管控 for 义乌铁路口岸. 义乌江 flows to the 钱塘江; a rail port is inland."""
    from drafter.api import draft_document
    from drafter.profile import load_profile

    path = tmp_path / "yiwu.yaml"
    path.write_text(
        "jurisdiction: {name: 义乌市, short: 义乌, level: county_city, province: 浙江省, city: 金华市}\n"
        "document: {kind: 实施方案, period: {start: 2026, end: 2030}, date: 2026-12-01}\n"
        "local:\n  rivers: [义乌江]\n  border: [义乌铁路口岸]\n", encoding="utf-8")
    text = "\n".join(p.text for p in draft_document(load_profile(path, library), library).paragraphs())
    assert "长江保护法" not in text and "长江流域" not in text
    assert "义乌江" in text  # still under 河湖长制
    assert "义乌铁路口岸" in text and "边境" not in text
    frontier = tmp_path / "frontier.yaml"
    frontier.write_text(path.read_text("utf-8").replace("border: [义乌铁路口岸]", "border: [瑞丽口岸（边境口岸）]")
                        .replace("义乌市", "瑞丽市").replace("义乌", "瑞丽").replace("浙江省", "云南省")
                        .replace("金华市", "德宏傣族景颇族自治州"), encoding="utf-8")
    text = "\n".join(p.text for p in draft_document(load_profile(frontier, library), library).paragraphs())
    assert "边境贸易" in text and "口岸和边境" in text


# Issue 14, second review: local content by kind, each with its own registered basis.

def cited(measure) -> str:
    return "".join(measure.basis)


def chapter_and_measure(plan, measure_id: str):
    found = topic_of(plan, measure_id)
    assert found, measure_id
    chapter, _, measure = found
    return chapter.id, measure


@pytest.mark.parametrize("hazard, measure_id, basis, words", [
    ("地震", "local.hazards.earthquake", "《中华人民共和国防震减灾法》", "加强地震监测预报"),
    ("地质灾害", "local.hazards.mountain", "《地质灾害防治条例》", "地质灾害危险区"),
    ("山洪", "local.hazards.flash_flood", "《中华人民共和国防洪法》", "山区和沿河村组群众转移避险"),
    ("洪涝", "local.hazards.flood", "《中华人民共和国防洪法》", "防汛责任制"),
    ("森林草原火灾", "local.hazards.forest_fire", "《森林防火条例》", "野外用火"),
    ("台风", "local.hazards.typhoon", "《气象灾害防御条例》", "台风预警信号"),
])
def test_each_hazard_has_its_own_measure_in_the_emergencies_chapter(profile_file, library, hazard, measure_id,
                                                                    basis, words):
    _, plan = plan_for(profile_file, library, facts={"hazards": f"[{hazard}]"})
    chapter, measure = chapter_and_measure(plan, measure_id)
    assert chapter == "emergencies"
    assert hazard in measure.text and words in measure.text, measure.text
    assert basis in cited(measure)
    others = {"local.hazards.earthquake", "local.hazards.mountain", "local.hazards.flash_flood", "local.hazards.flood",
              "local.hazards.forest_fire", "local.hazards.typhoon"} - {measure_id}
    assert not others & {m.id for m in plan.measures()}  # one hazard, only its own measure


def test_the_yellow_river_floodplain_only_with_a_yellow_river_fact(profile_file, library):
    _, plan = plan_for(profile_file, library, facts={"hazards": "[洪涝]", "rivers": "[{name: 黄河, kind: 黄河干流}]"})
    chapter, measure = chapter_and_measure(plan, "local.hazards.floodplain")
    assert chapter == "emergencies"
    assert "黄河滩区洪涝风险" in measure.text and "迁安救护" in measure.text
    assert "《中华人民共和国防洪法》" in cited(measure)
    _, plain = plan_for(profile_file, library, facts={"hazards": "[洪涝]", "rivers": "[卫运河]"})
    assert "local.hazards.floodplain" not in {m.id for m in plain.measures()}
    assert "滩区" not in "".join(m.text for m in plain.measures())


def test_an_irrigation_district_is_not_a_river_under_the_river_chiefs(profile_file, library):
    _, plan = plan_for(profile_file, library, facts={"rivers": "[卫运河, {name: 清河灌区, kind: 灌区}]"})
    chapter, measure = chapter_and_measure(plan, "local.rivers.irrigation")
    assert chapter == "enforcement"
    assert "清河灌区" in measure.text and "用水纠纷" in measure.text
    assert "《中华人民共和国水法》" in cited(measure) and "《农田水利条例》" in cited(measure)
    assert measure.lead == ("县水利局",)
    _, chiefs = chapter_and_measure(plan, "local.rivers.chiefs")
    assert "卫运河" in chiefs.text and "灌区" not in chiefs.text


def test_a_measure_citing_a_provincial_regulation_must_name_its_province(library, tmp_path):
    from drafter.library.local_measures import load_local_measures
    from drafter.library.loader import library_schema

    (tmp_path / "local_measures.yaml").write_text(
        "measures:\n  - id: local.rivers.x\n    serves: rivers\n    topic: enforcement.key_areas\n"
        "    title: 某灌区\n    text: 保护{river}。\n    lead: [water]\n"
        "    basis: [sichuan_dujiangyan_regulation_2019]\n    sources: []\n", encoding="utf-8")
    topics = {topic: topic.split(".")[0] for topic in library.topic_ids()}
    with pytest.raises(ValidationFailed) as caught:
        load_local_measures(tmp_path, library_schema(), topics, library.roles, library.documents)
    assert "依据 sichuan_dujiangyan_regulation_2019 是四川省的文件，措施应写 provinces: [四川省]" in str(caught.value.problems)


def test_a_named_district_with_a_provincial_regulation_cites_it(profile_file, library):
    _, plan = make_dujiangyan(profile_file, library)
    _, measure = chapter_and_measure(plan, "local.rivers.dujiangyan")
    assert "都江堰灌区" in measure.text and "配合灌区管理单位落实岁修制度" in measure.text  # the 都发中心 runs 岁修 (14c)
    assert "《四川省都江堰水利工程管理条例》" in cited(measure)
    assert "local.rivers.irrigation" not in {m.id for m in plan.measures()}
    _, chiefs = chapter_and_measure(plan, "local.rivers.chiefs")
    assert "岷江" in chiefs.text and "都江堰灌区" not in chiefs.text


@pytest.mark.parametrize("fact, measure_id, basis", [
    ("{name: 青城山—都江堰, kind: 世界文化遗产}", "local.heritage.world", "《中华人民共和国文物保护法》"),
    ("{name: 浏阳文庙, kind: 全国重点文物保护单位}", "local.heritage.enforcement", "《中华人民共和国文物保护法》"),
    ("{name: 某某古城, kind: 国家历史文化名城}", "local.heritage.famous_city", "《历史文化名城名镇名村保护条例》"),
    ("{name: 某某山, kind: 国家级风景名胜区}", "local.heritage.scenic", "《风景名胜区条例》"),
    ("{name: 某某湖, kind: 国家水利风景区}", "local.heritage.water", "《中华人民共和国水法》"),
    ("{name: 黄河湾风景区, kind: 景区}", "local.heritage.tourism", "《中华人民共和国旅游法》"),
])
def test_heritage_is_written_by_its_kind(profile_file, library, fact, measure_id, basis):
    _, plan = plan_for(profile_file, library, facts={"heritage": f"[{fact}]"})
    heritage = [m for m in plan.measures() if m.id.startswith("local.heritage.") and m.id != "local.heritage.disputes"]
    assert [m.id for m in heritage] == [measure_id]
    measure = heritage[0]
    assert fact.split(",")[0].removeprefix("{name: ") in measure.text
    assert basis in cited(measure)
    if measure_id in ("local.heritage.scenic", "local.heritage.tourism", "local.heritage.water"):
        assert "文物" not in measure.text  # a scenic area is not a cultural relic


def test_red_resources_enter_the_guiding_ideology_the_goals_and_one_measure(profile_file, library):
    _, plan = plan_for(profile_file, library, facts={"red_resources": "[焦裕禄精神, 某某革命旧址]"})
    assert "传承弘扬焦裕禄精神，用好某某革命旧址等红色资源，坚持党对法治政府建设的全面领导" in plan.general.guiding_ideology
    assert "焦裕禄精神得到传承弘扬，某某革命旧址等红色资源得到依法保护" in plan.general.goals[-1]
    chapter, measure = chapter_and_measure(plan, "local.red_resources.publicity")
    assert chapter == "leadership"
    assert "焦裕禄精神" in measure.text and "英雄烈士纪念设施" in measure.text
    assert "《中华人民共和国英雄烈士保护法》" in cited(measure)
    ids = {m.id for m in plan.measures()}  # 清河县 (河北): neither 河南's nor 四川's own regulation
    assert "local.red_resources.henan" not in ids and "local.red_resources.sichuan" not in ids
    _, plain = plan_for(profile_file, library, facts={"hazards": "[地震]"})
    assert "传承弘扬" not in plain.general.guiding_ideology


def test_init_takes_red_resources_by_flag(run, tmp_path):
    import yaml

    target = tmp_path / "lankao.yaml"
    result = run("init", "--name", "兰考县", "--level", "county", "--province", "河南省", "--city", "开封市",
                 "--red-resource", "焦裕禄精神", "--hazard", "洪涝", "-o", target)
    assert result.exit_code == 0, result.output
    local = yaml.safe_load(target.read_text(encoding="utf-8"))["local"]
    assert local["red_resources"] == ["焦裕禄精神"]
    assert "红色资源和精神谱系" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("fact, present, absent", [
    ("{name: 巴蜀文化旅游走廊, kind: 成渝地区双城经济圈}", {"local.cooperation.tourism"},
     {"local.cooperation.services", "local.cooperation.enforcement"}),
    ("{name: 郑开同城化, kind: 省定区域协同}", {"local.cooperation.services", "local.cooperation.enforcement"},
     {"local.cooperation.tourism"}),
    ("{name: 湘赣边区域合作示范区}", {"local.cooperation.enforcement"},
     {"local.cooperation.services", "local.cooperation.tourism"}),
])
def test_cooperation_measures_follow_what_the_cooperation_is(profile_file, library, fact, present, absent):
    _, plan = plan_for(profile_file, library, facts={"cooperation": f"[{fact}]"})
    ids = {m.id for m in plan.measures()}
    assert present <= ids and not absent & ids, ids
    if "local.cooperation.tourism" in present:
        _, measure = chapter_and_measure(plan, "local.cooperation.tourism")
        assert "依托巴蜀文化旅游走廊，与相关地区建立文旅市场执法协作机制" in measure.text
        assert "《中华人民共和国旅游法》" in cited(measure)


# 兰考县 and 都江堰市 as the reviewer wrote them (/work/review/14b), with a red_resources line added.
LANKAO_LOCAL = {
    "hazards": "[洪涝]",
    "zones": "[{name: 兰考经济技术开发区, kind: 省级开发区}]",
    "heritage": "[{name: 焦裕禄纪念园, kind: 国家4A级旅游景区}, {name: 黄河湾风景区, kind: 景区}]",
    "red_resources": "[焦裕禄精神]",
    "rivers": "[{name: 黄河, kind: 黄河干流}]",
    "industries": "[{name: 民族乐器, kind: 泡桐音板、古筝古琴制作}]",
    "cooperation": "[{name: 郑开同城化, kind: 省定区域协同}]",
}
DUJIANGYAN_LOCAL = {
    "hazards": "[地震, 地质灾害, 山洪]",
    "heritage": "[{name: 青城山—都江堰, kind: 世界文化遗产、全国重点文物保护单位、国家5A级旅游景区},"
                " {name: 都江堰水利工程, kind: 世界灌溉工程遗产}, {name: 国家历史文化名城都江堰, kind: 国家历史文化名城}]",
    "rivers": "[{name: 岷江, kind: 长江流域}, {name: 都江堰灌区, kind: 灌区}]",
    "reserves": "[{name: 四川龙溪—虹口国家级自然保护区, kind: 国家级自然保护区}]",
    "cooperation": "[{name: 巴蜀文化旅游走廊, kind: 成渝地区双城经济圈}]",
}


def place_profile(name: str, short: str, level: str, province: str, city: str, lower: str,
                  facts: dict[str, str]) -> str:
    return (f"jurisdiction:\n  name: {name}\n  short: {short}\n  level: {level}\n  province: {province}\n"
            f"  city: {city}\n  lower_govs: {lower}\ndocument:\n  kind: 实施方案\n"
            "  period: {start: 2026, end: 2030}\nselection:\n  detail: standard\n" + local_block(facts))


def make_dujiangyan(profile_file, library):
    profile = load_profile(profile_file(place_profile(
        "都江堰市", "都江堰", "county_city", "四川省", "成都市", "各镇人民政府、街道办事处", DUJIANGYAN_LOCAL)), library)
    return profile, make_plan(profile, library)


def draft_text(profile, library) -> str:
    return "\n".join(p.text for p in draft_document(profile, library).paragraphs())


def test_a_lankao_like_draft_carries_its_own_content(profile_file, library):
    profile = load_profile(profile_file(place_profile(
        "兰考县", "兰考", "county", "河南省", "开封市", "各乡镇人民政府、街道办事处", LANKAO_LOCAL)), library)
    text = draft_text(profile, library)
    for words in ("传承弘扬焦裕禄精神", "依法做好防汛抗洪工作", "依法做好黄河滩区迁安救护", "《中华人民共和国防洪法》",
                  "对焦裕禄纪念园、黄河湾风景区等景区开展文旅市场联合执法检查", "依法保护传承红色资源",
                  "依托郑开同城化，推进政务数据跨区域共享"):
        assert words in text, words
    # a spirit is handed on, not surveyed as a relic (the locality re-read, 2026-12): the 河南 regulation's
    # measure names sites only, and the goal says 传承弘扬
    assert "围绕焦裕禄精神" not in text and "焦裕禄精神得到传承弘扬" in text
    assert "四川省红色资源保护传承条例" not in text  # another province's regulation
    assert "黄河湾风景区等开展文物安全" not in text  # the reviewer's example: a scenic area is not a relic


def test_a_dujiangyan_like_draft_carries_its_own_content(profile_file, library):
    profile, _ = make_dujiangyan(profile_file, library)
    text = draft_text(profile, library)
    for words in ("依法做好防震减灾工作", "抗震设防要求", "依法做好地质灾害防治", "依法做好山洪灾害防御",
                  "山区和沿河村组群众转移避险", "针对青城山—都江堰汛期山洪风险", "汛期依法管控涉水游玩",
                  "依法保护世界遗产", "落实青城山—都江堰的保护管理规划", "依法保护都江堰水利工程的水工程设施",
                  "完成国家历史文化名城都江堰保护规划的评估和修订", "贯彻《四川省都江堰水利工程管理条例》",
                  "依托巴蜀文化旅游走廊，与相关地区建立文旅市场执法协作机制", "都江堰灌区等灌区工程设施和用水秩序依法得到保障"):
        assert words in text, words
    assert "依托巴蜀文化旅游走廊，推进政务数据跨区域共享" not in text
    assert "都江堰灌区等河湖" not in text


# TRIAL3 (issue 16) F1, F2: 兰考's 黄河河务局 and its zone's committee, named in units.
LANKAO = """jurisdiction: {name: 兰考县, short: 兰考, level: county, province: 河南省, city: 开封市}
document: {kind: 实施方案, period: {start: 2026, end: 2030}, division_table: true}
local:
  hazards: [洪涝]
  zones: [{name: 兰考经济技术开发区, kind: 省级经济技术开发区}]
  rivers: [{name: 黄河, kind: 河湖长制}]
"""
RIVER_MEASURES = ("依法推进黄河流域生态保护和高质量发展", "依法做好黄河滩区迁安救护",
                  "依法调处水事纠纷", "强化河湖长制与水行政执法协同")  # the last two since s14 R14
ZONE_MEASURES = ("深化园区赋权和相对集中许可", "规范园区综合执法")


def _lankao(profile_file, library, units: str = ""):
    from drafter.writers.xlsx import division_table

    profile = load_profile(profile_file(LANKAO + units), library)
    document = draft_document(profile, library)
    rows = {row[2]: row for row in division_table(document).rows}  # 序号, 重点任务, 具体措施, 牵头, 责任, 时限
    return make_plan(profile, library), document, rows


def test_the_river_affairs_bureau_and_the_zone_committee_are_named_where_their_work_is(profile_file, library):
    plan, _, rows = _lankao(profile_file, library,
                            "units: {river_affairs: 兰考黄河河务局, zone_committee: 兰考经济技术开发区管理委员会}\n")
    partners = {m.title: m.partners for m in plan.measures()}
    for title in RIVER_MEASURES:
        assert "兰考黄河河务局" in partners[title], title
        assert "兰考黄河河务局" in rows[title][4], title  # the 分工表 says it too
    for title in ZONE_MEASURES:
        assert "兰考经济技术开发区管理委员会" in partners[title], title
        assert "兰考经济技术开发区管理委员会" in rows[title][4], title
    named = [m.title for m in plan.measures() if {"兰考黄河河务局", "兰考经济技术开发区管理委员会"} & set(m.lead + m.partners)]
    assert sorted(named) == sorted(RIVER_MEASURES + ZONE_MEASURES)  # and nowhere else


def test_without_these_units_no_draft_names_a_river_affairs_bureau_or_a_zone_committee(profile_file, library):
    plan, document, rows = _lankao(profile_file, library)
    titles = {m.title for m in plan.measures()}
    assert set(RIVER_MEASURES + ZONE_MEASURES) <= titles  # the measures are there, without those bodies
    text = "\n".join(p.text for p in document.paragraphs()) + "\n".join("".join(row) for row in rows.values())
    assert "河务" not in text and "管理委员会" not in text and "管委会" not in text
    assert all(name for m in plan.measures() for name in m.lead + m.partners)  # no empty unit name


def test_a_committee_of_another_zone_is_not_named_in_this_zones_measures(profile_file, library):
    plan, _, _ = _lankao(profile_file, library, "units: {zone_committee: 兰考产业集聚区管理委员会}\n")
    assert not any("兰考产业集聚区管理委员会" in m.partners for m in plan.measures())


def test_an_intangible_heritage_craft_is_not_a_scenic_area(tmp_path, library):
    """The last 司法厅 read (汝州, 2026-12): “对汝瓷烧制技艺等景区开展文旅市场联合执法检查”. A craft
    listed as 非物质文化遗产 gets no 景区 measure; the goal clause still names it."""
    path = tmp_path / "ruzhou.yaml"
    path.write_text(
        "jurisdiction: {name: 汝州市, short: 汝州, level: county_city, province: 河南省, city: 平顶山市}\n"
        "document: {kind: 实施方案, period: {start: 2026, end: 2030}, date: 2026-12-01}\n"
        "local:\n  heritage: [{name: 汝瓷烧制技艺, kind: 国家级非物质文化遗产}]\n", encoding="utf-8")
    text = draft_text(load_profile(path, library), library)
    assert "汝瓷烧制技艺等景区" not in text and "景区开展文旅市场" not in text
    assert "汝瓷烧制技艺等非物质文化遗产得到依法保护和传承" in text
