"""Issue 13, point 4: retired wording is data, and no library text, template or draft uses it."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.api import draft_document
from drafter.errors import ValidationFailed
from drafter.library.retired import find, load_retired
from drafter.profile import load_profile
from localities import LOCALITIES, profile_text

ROOT = Path(__file__).resolve().parent.parent
REQUIRED = ("四方责任", "对照新修改的地方组织法", "城乡建设与管理、生态环境保护、历史文化保护", "矛盾纠纷调处化解中心",
            "最多跑一次", "一件事一次办", "十九大", "“证照分离”改革全覆盖", "全面推行全国统一执法证件", "信访条例", "监察部门")


def test_the_list_loads_and_holds_the_known_stale_terms():
    entries = load_retired()
    terms = {entry.term for entry in entries}
    assert set(REQUIRED) <= terms, set(REQUIRED) - terms
    for entry in entries:
        assert entry.today and entry.reason and entry.source and 2000 <= entry.since <= 2026
    assert [e.today for e in entries if e.term == "矛盾纠纷调处化解中心"] == ["综治中心（社会治安综合治理中心）"]
    assert "立法法" in next(e.reason for e in entries if "历史文化保护" in e.term)


def test_matching_ignores_quotes_and_respects_the_year():
    assert [e.term for e, _ in find("推动“最多跑一次”改革", 2026)] == ["最多跑一次"]
    assert find("推动“最多跑一次”改革", 2022) == []  # not yet stale in a 2022 plan
    assert [e.term for e, _ in find("推进“证照分离”改革全覆盖", 2026)] == ["“证照分离”改革全覆盖"]
    assert find("依照《信访工作条例》", 2026) == []


@pytest.mark.parametrize("body,message", [
    ("- {term: 甲, today: 乙, reason: 丙, source: 丁}\n", "缺少 since"),
    ("- {term: 甲.*, today: 乙, reason: 丙, since: 2024, source: 丁}\n", "不含正则符号"),
    ("- {term: 甲, today: 乙, reason: 丙, since: 24, source: 丁}\n", "since 应为年份"),
    ("- {term: 甲, today: 甲乙, reason: 丙, since: 2024, source: 丁}\n", "今天写法仍含旧提法"),
    ("- {term: 甲, today: 乙, reason: 丙, since: 2024, source: 丁}\n" * 2, "重复"),
])
def test_a_bad_entry_is_refused(tmp_path, body, message):
    path = tmp_path / "retired.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ValidationFailed) as error:
        load_retired(path)
    assert message in str(error.value)


def current_texts(measure) -> list[str]:
    """What a 2026—2030 plan prints for the measure: its later wording once its era is over."""
    if measure.until is not None and measure.until < 2026 and measure.later is not None:
        return [measure.later.title or measure.title, measure.later.text or measure.text]
    return [measure.title, measure.text]


def test_no_measure_text_uses_retired_wording(library):
    found = [(m.id, entry.term) for m in library.measures() for text in current_texts(m)
             for entry, _ in find(text, 2026)]
    general = library.general
    for text in (general.guiding_ideology, *general.principles, *general.goals, general.closing):
        found += [("general", entry.term) for entry, _ in find(text, 2026)]
    for chapter in library.chapters:
        found += [(chapter.id, entry.term) for entry, _ in find(chapter.goal or "", 2026)]
        found += [(topic.id, entry.term) for topic in chapter.topics for entry, _ in find(topic.title, 2026)]
    assert not found, found


def test_no_template_uses_retired_wording():
    found = [(path.name, entry.term) for path in sorted((ROOT / "templates").glob("*.j2"))
             for entry, _ in find(path.read_text(encoding="utf-8"), 2026)]
    assert not found, found


@pytest.mark.parametrize("name", sorted(LOCALITIES))
def test_no_draft_of_any_level_uses_retired_wording(profile_file, library, name):
    profile = load_profile(profile_file(profile_text(name, detail="full")), library)
    text = "\n".join(p.text for p in draft_document(profile, library).paragraphs())
    assert [(entry.term, hit) for entry, hit in find(text, 2026)] == []
