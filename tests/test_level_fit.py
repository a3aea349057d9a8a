"""Issue 13, point 9: level fit and repetition, read in the drafts of generated localities of
every level (tests/localities.py), at the standard and the full detail level."""

from __future__ import annotations

import re

import pytest

from drafter.api import render_plan
from drafter.library.quality import longest_shared_run
from drafter.plan import make_plan
from drafter.plan.select import powers
from drafter.profile import load_profile
from localities import LOCALITIES, profile_text

CASES = [(name, detail) for name in sorted(LOCALITIES) for detail in ("standard", "full")]
# One idea, one place: each of these is said by at most one measure of a draft.
ONCE = {
    "互联网+监管": ("互联网+监管",),
    "一网通办": ("一网通办",),
    "risk-based supervision": ("风险程度", "低风险", "高风险", "风险监管", "风险预警", "风险分级"),
}


@pytest.fixture(scope="module")
def drafts(library, tmp_path_factory):
    made = {}
    folder = tmp_path_factory.mktemp("levels")
    for name, detail in CASES:
        path = folder / f"{name}-{detail}.yaml"
        path.write_text(profile_text(name, detail=detail), encoding="utf-8")
        profile = load_profile(path, library)
        plan = make_plan(profile, library)
        made[name, detail] = (profile, plan, "\n".join(p.text for p in render_plan(plan).paragraphs()))
    return made


def unquoted(text: str) -> str:
    return re.sub("[“”‘’]", "", text)


@pytest.mark.parametrize("name,detail", CASES)
def test_no_legislation_heading_or_task_where_the_locality_makes_no_law(drafts, name, detail):
    profile, plan, text = drafts[name, detail]
    topics = {t.id: t.title for c in plan.chapters for t in c.topics}
    if "legislation" in powers(profile):
        assert topics.get("rules.key_areas") == "加强重要领域立法"
        return
    assert "加强重要领域立法" not in text and "完善立法工作机制" not in text
    assert topics.get("rules.key_areas", "加强重要领域制度建设") == "加强重要领域制度建设"
    assert "行政立法" not in text
    npc = next(u.name for u in plan.units if u.role == "npc_legal")
    assert all(npc not in m.lead for m in plan.measures()), "人大 does not lead a government task"
    assert "用好基层立法联系点" not in text


@pytest.mark.parametrize("name,detail", CASES)
def test_words_fit_the_level(drafts, name, detail):
    profile, plan, text = drafts[name, detail]
    level = profile.jurisdiction.level
    assert "县级一般实行" not in text
    if level.tier == "county":
        assert "高等院校" not in text and "科研机构" not in text
    if level.key == "county_city":
        assert not re.search(r"(?<![（、])县(?:级)?一般实行", text)


@pytest.mark.parametrize("name,detail", CASES)
def test_no_measure_repeats_its_title_or_its_topic_heading(drafts, name, detail):
    _, plan, _ = drafts[name, detail]
    for chapter in plan.chapters + (plan.guarantee,):
        for topic in chapter.topics:
            for m in topic.measures:
                if m.id == "local":
                    continue
                assert m.title != topic.title, (m.id, m.title)
                first = re.split("[，；。：]", m.text)[0]
                assert unquoted(m.title) not in unquoted(first) and unquoted(first) not in unquoted(m.title), \
                    (m.id, m.title, first)
                # nor nearly so: 建立行政执法案例指导制度 / 建立健全行政执法案例指导制度
                run = longest_shared_run(unquoted(m.title), unquoted(first))
                assert len(run) < 0.8 * len(unquoted(m.title)), (m.id, m.title, first)


@pytest.mark.parametrize("name,detail", CASES)
def test_one_idea_is_said_by_one_measure(drafts, name, detail):
    _, plan, _ = drafts[name, detail]
    for idea, words in ONCE.items():
        saying = [m.id for m in plan.measures() if any(w in m.title + m.text for w in words)]
        assert len(saying) <= 1, (idea, saying)


@pytest.mark.parametrize("name,detail", CASES)
def test_research_and_township_enforcement_read_as_this_period_and_level(drafts, name, detail):
    """A bureau's draft studies its own practice (no 教育局 doing 法治政府 theory), and 乡镇综合执法 is
    consolidated and evaluated, no longer the 2019 start (“逐步实现”“试点先行”)."""
    profile, plan, text = drafts[name, detail]
    education = next((u.name for u in plan.units if u.role == "education"), None)
    research = [m for m in plan.measures() if "研究" in m.title]
    assert all(education not in m.partners for m in research if education)
    assert "逐步实现一支队伍管执法" not in unquoted(text) and "试点先行" not in text
    township = [m for m in plan.measures() if m.id.startswith("enforcement.system_reform.") and "承接" in m.text]
    assert all("评估" in m.text for m in township)
