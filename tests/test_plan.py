"""The planning stage: selection, localisation and numbering, without Jinja or docx."""

from __future__ import annotations

import re

from conftest import MINIMAL
from drafter.plan import make_plan
from drafter.profile import load_profile


def plan_for(profile_file, library, text: str = MINIMAL):
    return make_plan(load_profile(profile_file(text), library), library)


def test_period_runs_through_title_deadlines_and_closing(profile_file, library):
    plan = plan_for(profile_file, library, MINIMAL.replace("start: 2026, end: 2030", "start: 2031, end: 2035"))
    assert plan.title == "清河县法治政府建设实施方案（2031—2035年）"
    assert plan.title_lines == ("清河县法治政府建设实施方案", "（2031—2035年）")
    assert plan.basis[0] == "党中央、国务院关于法治政府建设的决策部署"  # no outline for 2031—2035 is known
    assert not any("2031—2035年）》" in item for item in plan.basis)
    assert "2035" in plan.general.closing or "2035" in " ".join(plan.general.goals)
    for measure in plan.measures():
        years = {int(y) for y in re.findall(r"(20\d\d)年", measure.text + (measure.deadline or ""))}
        assert years <= set(range(2031, 2036)), (measure.id, years)
        if measure.deadline and measure.deadline != "每年":
            assert re.fullmatch(r"20\d\d年(6月)?底前", measure.deadline)  # 2033年底前, or 2032年6月底前 (milestones.py)


def test_relative_deadlines(profile_file, library):
    from drafter.plan.localise import deadline_text

    profile = load_profile(profile_file(), library)
    assert deadline_text(2, profile) == "2027年底前"
    assert deadline_text("end", profile) == "2030年底前"
    assert deadline_text("annual", profile) == "每年"
    assert deadline_text(9, profile) == "2030年底前"  # never past the period
    assert deadline_text(None, profile) is None


def test_level_aware_unit_names_and_overrides(profile_file, library):
    plan = plan_for(profile_file, library, MINIMAL + "units:\n  justice: 清河县司法局\n")
    names = {unit.role: unit for unit in plan.units}
    assert names["justice"].name == "清河县司法局" and not names["justice"].is_default
    assert names["gov_office"].name == "县政府办公室" and names["gov_office"].is_default
    assert names["lower_govs"].name == "各乡镇人民政府、街道办事处"  # 乡 and 街道 both named (13c L2)
    district = plan_for(profile_file, library, MINIMAL.replace("level: county", "level: district")
                        .replace("name: 清河县", "name: 清河新区"))  # no real county is a district
    names = {unit.role: unit.name for unit in district.units}
    assert names["justice"] == "区司法局"
    assert names["public_security"] == "区公安分局"
    assert names["lower_govs"] == "各乡镇人民政府、街道办事处"


def test_numbers_are_computed_from_position(profile_file, library):
    plan = plan_for(profile_file, library)
    chapters = plan.chapters + (plan.guarantee,)
    # 二、–九、 the outline's chapters, 十、加强党的领导 (组织保障), 十一、实施步骤 last (s14 O1: none of the
    # five seeds breaks its tasks before that chapter; 3 of 5 follow it with their 落实 paragraph)
    assert [c.number for c in plan.chapters] == [f"{n}、" for n in "二三四五六七八九"]
    assert (plan.guarantee.number, plan.stages_number) == ("十、", "十一、")
    topics = [t for c in chapters for t in c.topics]
    assert topics[0].number == "（四）"  # 总体要求 holds （一）–（三）, as in the national outline
    measures = list(plan.measures())
    assert [m.number for m in measures] == [f"{n}." for n in range(1, len(measures) + 1)]
    first = measures[0].id
    dropped = plan_for(profile_file, library, MINIMAL + f"selection:\n  drop: [{first}]\n")
    renumbered = list(dropped.measures())
    assert first not in {m.id for m in renumbered}
    # the next-ranked measure of the topic takes the dropped one's place, and numbers close up
    assert [m.number for m in renumbered] == [f"{n}." for n in range(1, len(renumbered) + 1)]


def test_tasks_layout_and_restart_numbering(profile_file, library):
    text = MINIMAL + "  layout: tasks\n  numbering: restart\n"
    plan = plan_for(profile_file, library, text)
    assert plan.chapters[0].number == "（一）" and plan.chapters[0].level == 2
    assert plan.stages_number == "四、"  # 实施步骤 after 组织保障 (s14 O1)
    assert plan.guarantee.number == "三、" and plan.guarantee.title == "组织保障"
    for chapter in plan.chapters:
        assert chapter.topics[0].number == "1."
        for topic in chapter.topics:
            assert topic.measures[0].number == "（1）"


def test_detail_levels_take_each_topics_weight_by_rank(profile_file, library):
    """Each binding requirement's carrier first (obligations.yaml), then the ranking fills the quota."""
    from drafter.plan.select import powers, requirements

    plans = {detail: plan_for(profile_file, library, MINIMAL + f"selection:\n  detail: {detail}\n")
             for detail in ("compact", "standard", "full")}
    counts = {detail: len(list(plan.measures())) for detail, plan in plans.items()}
    assert counts["compact"] < counts["standard"] < counts["full"]
    profile = load_profile(profile_file(MINIMAL), library)
    have = powers(profile)
    must = {carrier for _, carrier in requirements(profile, library) if carrier}
    for detail, plan in plans.items():
        chosen = {m.id for m in plan.measures()}
        for topic in library.topics():
            fitting = [m for m in topic.measures if "county" in m.levels and m.requires <= have
                       and (m.since is None or m.since <= 2026) and (m.until is None or m.later is not None or m.until >= 2026)]
            taken = [m for m in topic.measures if m.id in chosen]
            # the province's own measure (local.province.business_environment) takes a place, as local ones do, but not at full
            own = sum(1 for t in (t for c in plan.chapters + (plan.guarantee,) for t in c.topics) if t.id == topic.id
                      for m in t.measures if m.id.startswith("local."))
            quota = {"compact": max(1, topic.weight // 2) - own, "standard": topic.weight - own,
                     "full": len(fitting)}[detail]
            required = [m for m in topic.measures if m.id in must]
            assert all(m.id in chosen for m in required), (detail, topic.id)
            assert len(taken) == max(len(required), min(quota, len(fitting))), (detail, topic.id)
            # what the ranking filled in never ranks below what is left out: key first, then support
            rank = lambda m: (not m.key, -m.support)  # noqa: E731
            filled = [m for m in taken if m.id not in must]
            left = [m for m in fitting if m.id not in chosen]
            if filled and left:
                assert max(rank(m) for m in filled) <= min(rank(m) for m in left), topic.id
    legacy = plan_for(profile_file, library, MINIMAL + "selection:\n  detail: core\n")  # the old name of compact
    assert len(list(legacy.measures())) == counts["compact"]


def test_city_only_measures_stay_out_of_a_county_plan(profile_file, library):
    county = plan_for(profile_file, library, MINIMAL + "selection:\n  detail: full\n")
    for measure in county.measures():
        assert "county" in library.measure(measure.id).levels


def test_defaults_are_recorded_per_measure(profile_file, library):
    plan = plan_for(profile_file, library)
    measure = next(plan.measures())
    assert any(d.note == "默认单位名称" and d.field.startswith("units.") for d in measure.defaults)
    named = plan_for(profile_file, library, MINIMAL + "units:\n" + "".join(
        f"  {role}: 清河{role}\n" for role in library.roles))
    assert not any(d.note == "默认单位名称" for m in named.measures() for d in m.defaults)


def test_initiatives_and_local_chapters(profile_file, library):
    text = MINIMAL + """\
local_units:
  cashmere_office: 县羊绒产业发展中心
initiatives:
  - topic: digital.platforms
    title: 建设羊绒产业法律服务平台
    text: 建设面向羊绒企业的线上法律服务平台。
    lead: [cashmere_office]
    partners: [justice]
    deadline: 2
chapters:
  - title: 推进京津冀法治协同
    topics:
      - title: 加强执法协作
        measures:
          - title: 建立跨区域执法协作机制
            text: 与周边县市建立执法协作机制。
            lead: [justice]
"""
    plan = plan_for(profile_file, library, text)
    platforms = next(t for c in plan.chapters for t in c.topics if t.id == "digital.platforms")
    local = platforms.measures[-1]
    assert local.title == "建设羊绒产业法律服务平台" and local.local
    assert local.lead == ("县羊绒产业发展中心",) and local.partners == ("县司法局",)
    assert local.deadline == "2027年底前"
    assert plan.chapters[-1].title == "推进京津冀法治协同"
    # 二、–九、 are the outline's chapters; the local chapter comes before 组织保障.
    assert [c.number for c in plan.chapters][-2:] == ["九、", "十、"]
    assert (plan.guarantee.number, plan.stages_number) == ("十一、", "十二、")


def test_kind_and_province_words_follow_the_profile(profile_file, library):
    text = MINIMAL.replace("province: 河北省", "province: 重庆市").replace("  city: 邢台市\n", "")
    text = text.replace("name: 清河县", "name: 城口县")  # a county of 重庆市: the gazetteer checks the province
    text = text.replace("kind: 实施方案", "kind: 规划")
    plan = plan_for(profile_file, library, text + "selection:\n  detail: full\n")
    texts = " ".join(m.text for m in plan.measures()) + plan.general.closing
    assert "省级" not in texts and "本省" not in texts and "市级政务服务平台" in texts
    assert "本方案" not in texts and "本规划" in texts
    assert plan.title == "城口县法治政府建设规划（2026—2030年）"
    assert plan.basis[1] == "重庆市关于法治政府建设的部署要求"  # no 2026—2030 plan of 重庆市 is registered


def test_replace_overrides_a_measure_and_its_folded_text_is_tidied(profile_file, library):
    first = next(library.measures())
    text = MINIMAL + f"""\
selection:
  replace:
    {first.id}:
      title: 本地改写的标题
      text: >-
        第一句写在这一行，
        第二句换了行。
      lead: [justice]
"""
    measure = next(plan_for(profile_file, library, text).measures())
    assert (measure.id, measure.title) == (first.id, "本地改写的标题")
    assert measure.text == "第一句写在这一行，第二句换了行。"
    assert measure.lead == ("县司法局",) and measure.sources == first.sources
