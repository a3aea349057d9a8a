"""The 司法厅 read s14 (/work/review/s14/r13b/REPORT.md), as the reviewer reads the drafts: O1, the
place of 实施步骤 (the five seeds' order); G3, a 自治州 / 地级市 draft addresses 乡镇（街道） only through
its 县（市、区）."""

from __future__ import annotations

import re

import pytest

from drafter.api import draft_bytes
from drafter.paths import PACKAGE
from drafter.plan import make_plan
from drafter.profile import load_profile
from localities import profile_text

SEEDS = ("bishan", "biyang", "datong", "suining", "zhangye")
CHAPTER = re.compile(r"^\s*(?:[一二三四五六七八九十]+|[1-9])、(.+)$")


def text_of(profile_file, library, text: str) -> tuple[object, str]:
    profile = load_profile(profile_file(text), library)
    markdown = draft_bytes(profile, library, "md").decode("utf-8")
    return make_plan(profile, library), "\n".join(line.lstrip("#* ").strip() for line in markdown.splitlines() if line.strip())


# --- O1: 实施步骤 after the 党的领导 / 组织保障 chapter -------------------------------------------------------


def test_o1_the_seeds_end_their_tasks_with_the_leadership_chapter_and_then_say_how_it_is_carried_out():
    last_chapter, closing, steps = {}, set(), set()
    for key in SEEDS:
        lines = [line.strip() for line in (PACKAGE / "seeds" / f"{key}.txt").read_text("utf-8").splitlines() if line.strip()]
        last_chapter[key] = [m.group(1) for m in map(CHAPTER.match, lines) if m][-1]
        if "实施步骤" in [m.group(1) for m in map(CHAPTER.match, lines) if m]:
            steps.add(key)
        tail = lines[-1]
        if not re.match(r"[0-9（(]", tail) and "贯彻" in tail and "实施" in tail:
            closing.add(key)  # an unnumbered paragraph on carrying the plan out, after the last chapter
    assert all("党的领导" in title or "组织保障" in title for title in last_chapter.values()), last_chapter  # 5 of 5
    assert not steps  # 0 of 5 has a 实施步骤 chapter
    assert closing == {"datong", "zhangye", "bishan"}  # 3 of 5: where our 实施步骤 stands


@pytest.mark.parametrize("layout, chapter, steps", [("chapters", "十、加强党的领导，完善法治政府建设推进机制", "十一、实施步骤"),
                                                    ("tasks", "三、组织保障", "四、实施步骤")])
def test_o1_the_stages_follow_the_leadership_chapter_and_precede_the_closing(profile_file, library, layout, chapter, steps):
    text = profile_text("清河县")
    if layout == "tasks":
        text = text.replace("  kind: 实施方案\n", "  kind: 实施方案\n  layout: tasks\n")
    plan, body = text_of(profile_file, library, text)
    lines = body.splitlines()
    assert chapter in lines and steps in lines
    assert lines.index(chapter) < lines.index(steps)
    after = lines[lines.index(steps) + 1:]
    assert not [line for line in after if CHAPTER.match(line)]  # no chapter after 实施步骤
    assert after[-1].startswith(plan.general.closing[:10]) or plan.general.closing in after


# --- G3: above the county, the 乡镇（街道） through the 县（市、区） --------------------------------------------

CITIES = ("延边朝鲜族自治州", "嘉兴市", "锡林郭勒盟")
TOWNS = "乡镇（街道）"


def commanding_towns(text: str, lower: str) -> list[str]:
    """Sentences (to 。 or ；) of measure text naming the 乡镇（街道） with neither 指导/督促 nor the
    lower governments before the first mention, in the sentence or earlier in the measure (the
    guidance is said once a measure: its later sentences go on from it)."""
    stem = lower.removesuffix("人民政府")
    found = []
    said = ""
    for sentence in re.split(r"(?<=[。；])", text):
        at = sentence.find(TOWNS)
        if at >= 0 and not any(word in said + sentence[:at] for word in ("指导", "督促", stem)):
            found.append(sentence)
        said += sentence
    return found


def test_g3_the_guidance_is_said_once_a_measure(profile_file, library):
    """H4's note: the mediation measure of a city draft read “指导各县（市）” in both its sentences."""
    plan = make_plan(load_profile(profile_file(profile_text("嘉兴市", detail="full")), library), library)
    twice = [m.title for m in plan.measures() if m.text.count("指导各县（市、区）") > 1]
    assert twice == []


@pytest.mark.parametrize("detail", ["standard", "full"])
@pytest.mark.parametrize("name", CITIES)
def test_g3_a_city_tier_draft_reaches_the_towns_through_its_counties(profile_file, library, name, detail):
    plan = make_plan(load_profile(profile_file(profile_text(name, detail=detail)), library), library)
    lower = plan.unit("lower_govs")
    assert lower.startswith("各") and "县" in lower
    measures = list(plan.measures())
    naming = [m for m in measures if TOWNS in m.text]
    assert naming  # the city draft still speaks of the 乡镇（街道）, through its counties
    assert not [(m.title, s) for m in naming for s in commanding_towns(m.text, lower)]
    guided = [m for m in naming if f"指导{lower.removesuffix('人民政府')}" in m.text]
    assert all(lower in m.partners + m.lead for m in guided), [m.title for m in guided]


def test_g3_the_reviewer_s_four_sentences_read_through_the_counties(profile_file, library):
    plan = make_plan(load_profile(profile_file(profile_text("延边朝鲜族自治州", detail="full")), library), library)
    text = "\n".join(m.text for m in plan.measures())
    for words in ("指导各县（市）探索在乡镇（街道）和园区配备企业服务专员",
                  "指导各县（市）推动乡镇（街道）合法性审查全覆盖",
                  "指导各县（市）健全乡镇（街道）、村（社区）应急处置组织体系",
                  "指导各县（市）推动乡镇（街道）综合执法全面执行“三项制度”"):
        assert words in text, words


def test_g3_a_county_draft_still_tells_its_towns(profile_file, library, monkeypatch):
    def never(*args):
        raise AssertionError("a county draft is not led through lower governments")

    monkeypatch.setattr("drafter.plan.planner.through_counties", never)  # a county draft never calls it
    plan = make_plan(load_profile(profile_file(profile_text("清河县", detail="full")), library), library)
    text = "\n".join(m.text for m in plan.measures())
    assert "推动乡镇（街道）合法性审查全覆盖" in text and "探索在乡镇（街道）和园区配备企业服务专员" in text
    assert "人民政府推动乡镇（街道）" not in text and "人民政府探索在乡镇（街道）" not in text
    assert "，乡镇（街道）综合执法全面执行“三项制度”" in text


def test_n_w6_the_verb_after_a_unit_is_no_county_named_huitong():
    """The 组织部门's 任前测试 sentence “由县委组织部会同县委依法治县办……” is no mention of 湖南省会同县;
    the county's own name still is."""
    from drafter.gazetteer.mentions import Locality, foreign_mentions

    qinghe = Locality.of("清河县", "河北省", "邢台市")
    assert foreign_mentions("由县委组织部会同县委依法治县办、县司法局组织实施。", qinghe) == []
    assert [f.mention.name for f in foreign_mentions("学习借鉴会同县的经验。", qinghe)] == ["会同县"]


@pytest.mark.parametrize("lower, short", [("各县（市）人民政府", "各县（市）"), ("各县（市、区）人民政府", "各县（市、区）"),
                                          ("各旗（县、市）人民政府", "各旗（县、市）"),
                                          ("各县（市、区）人民政府、市直各部门", "各县（市、区）"), ("各县市区人民政府", "各县市区")])
def test_g3_the_counties_are_named_by_the_draft_s_own_short_name(lower, short):
    from drafter.plan.levelfit import through_counties

    text, changed = through_counties("推动乡镇（街道）合法性审查全覆盖，起草部门严格初审。", "乡镇（街道）", lower)
    assert changed and text == f"指导{short}推动乡镇（街道）合法性审查全覆盖，起草部门严格初审。"
    assert through_counties(text, "乡镇（街道）", lower) == (text, False)  # said once
