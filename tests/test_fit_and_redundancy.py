"""Issue 6, points 4 and 5: no idea said twice, and nothing a locality cannot carry out."""

from __future__ import annotations

import re
from itertools import combinations
from pathlib import Path

import pytest

from drafter.library.quality import jaccard, longest_shared_run, overlaps, plain
from drafter.plan import make_plan
from drafter.plan.localfacts import area_list
from drafter.profile import load_profile
from localities import profile_text

PROFILES = Path(__file__).resolve().parent.parent / "profiles"


def full_plan(path: Path, library, tmp_path: Path):
    """A shipped profile drafted at `full` and without its model: everything that fits."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^\s*(detail|model): .*\n", "", text, flags=re.M)
    if "\nselection:" in text:
        text = text.replace("\nselection:\n", "\nselection:\n  detail: full\n")
    else:
        text += "\nselection:\n  detail: full\n"
    copy = tmp_path / path.name
    copy.write_text(text, encoding="utf-8")
    return make_plan(load_profile(copy, library), library)


@pytest.mark.parametrize("path", sorted(PROFILES.glob("*.yaml")), ids=lambda p: p.stem)
def test_no_two_measures_say_one_thing(path, library, tmp_path):
    plan = full_plan(path, library, tmp_path)
    measures = [m for m in plan.measures() if m.id != "local"]
    assert len(measures) > 120
    # a local fact's name (遂潼川渝毗邻地区一体化发展先行区) recurs in the measures it calls for: a name, not an idea;
    # so does a key area made of it (涪江管护, plan/localfacts.py), which several chapters name
    facts = load_profile(path, library).local.facts
    areas = area_list(facts, tuple(dict.fromkeys(fact.type for fact in facts)))
    names = sorted({fact.name for fact in facts} | set(areas), key=len, reverse=True)
    # a city draft reaches the 乡镇（街道） through its counties (plan/levelfit.py, s14 G3): “指导各县（市、区）（推动）”
    # is that formula, said wherever a measure names them, not one idea twice
    lower = plan.unit("lower_govs").removesuffix("人民政府")
    names += [f"指导{lower}推动", f"指导{lower}"]
    found = overlaps([(m.id, _masked(m.text, names)) for m in measures])
    assert not found, "\n".join(map(str, found))


def _masked(text: str, names: list[str]) -> str:
    for name in names:
        text = text.replace(name, "本地")
    return text


DATE = re.compile(r"每年[一二三四]季度|每年\d+月(?:\d+日)?(?:前|底前)|每年年底前|20\d\d年底前")


@pytest.mark.parametrize("path", sorted(PROFILES.glob("*.yaml")), ids=lambda p: p.stem)
def test_no_two_measures_give_different_dates_for_one_duty(path, library, tmp_path):
    plan = full_plan(path, library, tmp_path)
    dated = [(m, set(DATE.findall(m.text)) | ({m.deadline} if m.deadline else set()))
             for m in plan.measures() if m.id != "local"]
    dated = [(m, dates) for m, dates in dated if dates and dates != {"每年"}]
    names = [plan.unit("lower_govs")]  # 各镇人民政府、街道办事处 in two measures is a name, not one duty
    for (a, dates_a), (b, dates_b) in combinations(dated, 2):
        if dates_a == dates_b:
            continue
        text_a, text_b = plain(_masked(a.text, names)), plain(_masked(b.text, names))
        similar = jaccard(text_a, text_b) >= 0.25 or len(longest_shared_run(text_a, text_b)) >= 9
        assert not similar, (a.id, dates_a, b.id, dates_b)


LEGISLATION = ("“小切口”立法", "重大立法事项", "协同立法", "立法计划", "立法后评估", "地方性法规草案")


def texts(plan) -> str:
    return "\n".join(m.title + m.text for m in plan.measures()) + "\n" + "\n".join(
        c.goal or "" for c in plan.chapters)


@pytest.mark.parametrize("name", ["清河县", "桐乡市", "渝中区", "延边朝鲜族自治州", "陈巴尔虎旗"])
def test_measures_fit_the_localitys_powers(profile_file, library, name):
    plan = make_plan(load_profile(profile_file(profile_text(name, detail="full")), library), library)
    words = texts(plan)
    if name != "延边朝鲜族自治州":
        for word in LEGISLATION:
            assert word not in words, (name, word)
    else:
        assert any(word in words for word in LEGISLATION), "a 自治州 legislates"
        assert "单行条例" in words or "自治条例" in words
        assert "市辖区" not in words  # an 自治州 without districts
    if name == "渝中区":  # streets only
        assert "乡镇" not in words and "街道" in words
    if name == "陈巴尔虎旗":
        assert "苏木乡镇" in words
    if name == "桐乡市":
        assert "镇（街道）" in words and "乡镇（街道）" not in words


def test_a_prefecture_city_with_districts_keeps_its_powers(profile_file, library):
    plan = make_plan(load_profile(profile_file(profile_text("嘉兴市", detail="full")), library), library)
    words = texts(plan)
    assert any(word in words for word in LEGISLATION)
    assert "自治条例" not in words and "单行条例" not in words
