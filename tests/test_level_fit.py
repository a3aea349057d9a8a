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
                # a cited document's own title is no repeat: 严格规范涉企行政检查 / 落实《国务院办公厅关于严格规范涉企行政检查的意见》
                text = re.sub("《[^》]*》", "《》", m.text)
                first = re.split("[，；。：]", text)[0]
                assert unquoted(m.title) not in unquoted(first) and unquoted(first) not in unquoted(m.title), \
                    (m.id, m.title, first)
                # nor nearly so: 建立行政执法案例指导制度 / 建立健全行政执法案例指导制度
                run = longest_shared_run(unquoted(m.title), unquoted(first))
                assert len(run) < 0.8 * len(unquoted(m.title)), (m.id, m.title, first)
                # nor in the first sentence (R6 of the 2026-12 review: 推进信访工作法治化 / “……，推进信访工作法治化，……”)
                sentence = unquoted(re.split("[；。]", text)[0])
                assert unquoted(m.title) not in sentence, (m.id, m.title, sentence)
                assert len(longest_shared_run(unquoted(m.title), sentence)) < 0.8 * len(unquoted(m.title)), \
                    (m.id, m.title, sentence)


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


# The repetitions R1–R5 of the 2026-12 司法厅 review: one piece of work written by two to four measures.
# In a compact or standard draft each is said by one measure (key phrases counted over the measures).
REVIEW_ONCE = {
    "R1 涉企检查": ("进一次门", "查多项事", "涉企现场检查事项清单", "涉企执法检查", "综合查一次", "年度检查计划",
                 "年度监管计划"),
    "R2 听取企业和行业协会商会意见": ("听取企业", "行业协会商会意见"),
    "R3 大数据监管": ("运用大数据", "大数据手段", "大数据等信息化手段", "监管数据"),
    "R4 一网通办": ("一网通办", "只进一个平台", "一网、一门、一次"),
    "R5 复议听证": ("组织听证", "公开听证"),
}
PLAIN_CASES = [(name, detail) for name in sorted(LOCALITIES) for detail in ("compact", "standard")]


@pytest.mark.parametrize("name,detail", PLAIN_CASES)
def test_the_reviewers_repetitions_are_said_once(library, tmp_path, name, detail):
    path = tmp_path / f"{name}.yaml"
    path.write_text(profile_text(name, detail=detail), encoding="utf-8")
    plan = make_plan(load_profile(path, library), library)
    measures = [m for m in plan.measures() if m.id != "local"]
    for idea, words in REVIEW_ONCE.items():
        saying = [m.id for m in measures if any(w in m.title + m.text for w in words)]
        assert len(saying) <= 1, (idea, saying)
    # 听证 in 行政复议 once (决策 and 立法 hearings are other work)
    hearings = [m.id for m in measures if m.id.startswith("disputes.reconsideration.") and "听证" in m.text]
    assert len(hearings) <= 1, hearings
    # and the work is still there, in the one measure that says it (compact keeps what the register requires)
    text = "\n".join(m.text for m in measures)
    kept = ("综合查一次", "组织听证") + (("一网通办", "行业协会商会意见") if detail == "standard" else ())
    for words in kept:
        assert words in text, words


@pytest.mark.parametrize("name,detail", CASES)
def test_only_the_province_gives_towns_enforcement_powers(drafts, name, detail):
    """行政处罚法 art. 24: the province decides which county powers a 乡镇 or 街道 exercises; a county
    or a city takes them on and proposes (the fourth 司法厅 read, N-L4)."""
    profile, plan, text = drafts[name, detail]
    township = [m for m in plan.measures() if m.id.startswith("enforcement.system_reform.") and "承接" in m.text]
    for m in township:
        from drafter.plan.localise import province_word

        given = f"{province_word(profile.jurisdiction.province)}级依法赋予"  # 省级, 自治区级, or a municipality's 市级
        assert given in m.text and "提出赋权建议" in m.text, m.id
        assert "执法事项依法赋予" not in m.text.replace(given, ""), m.id
