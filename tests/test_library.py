"""The common measure library: structure, breadth, traceability, own wording."""

from __future__ import annotations

import difflib
import re

import pytest

from drafter.library.model import SEED_KEYS
from drafter.library.report import seed_items, uncovered

# The 32 topics of the national outline (../shared/OUTLINE.md), by chapter, in order.
OUTLINE_TOPICS = [
    "functions.coordination", "functions.streamlining", "functions.business_environment",
    "rules.key_areas", "rules.legislative_process", "rules.normative_documents",
    "decisions.awareness", "decisions.procedure", "decisions.execution",
    "enforcement.system_reform", "enforcement.key_areas", "enforcement.procedure", "enforcement.innovation",
    "emergencies.institutions", "emergencies.capacity", "emergencies.grassroots",
    "disputes.mediation", "disputes.adjudication", "disputes.reconsideration", "disputes.litigation",
    "oversight.synergy", "oversight.inspection", "oversight.enforcement_supervision",
    "oversight.transparency", "oversight.integrity",
    "digital.platforms", "digital.data_sharing", "digital.internet_regulation",
    "leadership.party", "leadership.mechanism", "leadership.capacity", "leadership.research_publicity",
]
SEED_PLACES = ["大通", "淮南", "张掖", "璧山", "重庆", "泌阳", "驻马店", "遂宁", "潼南", "长三角", "川渝", "皖事通", "渝快办", "天府通办"]
# District/county plans put a measure in county-level drafts; city plans in city-level ones.
SEED_TIER = {"datong": "county", "bishan": "county", "biyang": "county", "zhangye": "city", "suining": "city"}


def test_chapters_and_topics_follow_the_outline(library):
    assert [chapter.part for chapter in library.chapters] == list("二三四五六七八九十")
    assert library.topic_ids() == OUTLINE_TOPICS
    assert [topic.no for topic in library.topics()] == list(range(1, 33))
    for topic in library.topics():
        assert len(topic.measures) >= 2, topic.id


def test_library_is_broad(library):
    assert len(list(library.measures())) > 150
    assert library.general.principles and library.general.goals


def test_every_citation_names_an_item_that_exists(library):
    items = seed_items()
    cited = {c for m in library.measures() for c in m.sources} | set(library.general.sources)
    missing = sorted(cited - set(items))
    assert not missing, f"cited but not in any seed: {missing}"
    omitted = sorted(o.source for o in library.omitted if o.source not in items)
    assert not omitted, f"omitted but not in any seed: {omitted}"


def test_every_seed_item_is_cited_or_deliberately_omitted(library):
    assert uncovered(library) == []
    for omission in library.omitted:
        assert len(omission.reason) >= 8, omission


def test_every_seed_is_drawn_on(library):
    cited_plans = {c.split(":")[0] for m in library.measures() for c in m.sources}
    assert cited_plans == set(SEED_KEYS)


def _paragraphs() -> list[str]:
    return [item.text for item in seed_items().values() if len(item.text) >= 20]


@pytest.fixture(scope="module")
def paragraphs() -> list[str]:
    return _paragraphs()


def test_no_measure_is_a_near_copy_of_a_seed_paragraph(library, paragraphs):
    copies = []
    for measure in library.measures():
        for paragraph in paragraphs:
            matcher = difflib.SequenceMatcher(None, measure.text, paragraph, autojunk=False)
            if matcher.real_quick_ratio() >= 0.8 and matcher.quick_ratio() >= 0.8 and matcher.ratio() >= 0.8:
                copies.append((measure.id, round(matcher.ratio(), 2), paragraph[:30]))
    assert not copies


def test_texts_name_no_place_year_or_department(library):
    for measure in library.measures():
        assert not re.search(r"20\d\d", measure.text), measure.id
        for place in SEED_PLACES:
            assert place not in measure.text, (measure.id, place)
        assert not re.search(r"[区县市]司法局|[区县市]政府办公室", measure.text), measure.id


def test_levels_admit_the_plans_a_measure_came_from(library):
    for measure in library.measures():
        tiers = {SEED_TIER[c.split(":")[0]] for c in measure.sources}
        assert tiers <= measure.levels, measure.id


def test_tiers_follow_the_number_of_plans(library):
    for measure in library.measures():
        plans = len({c.split(":")[0] for c in measure.sources})
        assert measure.tier == ("core" if plans >= 3 else "standard" if plans == 2 else "example")


def test_params_are_used_in_their_text(library):
    """An outcome indicator (调解和解率, 败诉率) is what the measure's work is measured by: a 主要指标 row
    only, never a slot in the text (the loader refuses one)."""
    for measure in library.measures():
        for name in measure.params:
            assert ("{" + name + "}" in measure.text) != library.params[name].outcome, (measure.id, name)
