"""Issue 9.2: properties over generated profiles (hypothesis).

1. Any profile the schema accepts drafts a .docx that python-docx re-opens with the same
   text as the Markdown writer, and with no artefact (None, {{, a placeholder, a role key).
2. Any mutated profile either drafts like (1) or is refused with a DrafterError naming a
   field or a line — never another exception.

Examples per property: DRAFTER_HYPOTHESIS_EXAMPLES (CI sets 500; raise it for a long run).
"""

from __future__ import annotations

import os
import re
import textwrap
from pathlib import Path

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from drafter.api import draft_document
from drafter.errors import DrafterError
from drafter.library import load_library
from drafter.profile import load_profile
from drafter.writers import WRITERS
from test_drafts import all_text, docx_texts, markdown_texts

EXAMPLES = int(os.environ.get("DRAFTER_HYPOTHESIS_EXAMPLES", "60"))
LIBRARY = load_library()
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

CJK = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=8)
LEVELS = {"prefecture_city": "市", "autonomous_prefecture": "州", "league": "盟", "district": "区", "county": "县",
          "autonomous_county": "县", "county_city": "市", "banner": "旗", "autonomous_banner": "旗"}
PROVINCES = ["河北省", "浙江省", "内蒙古自治区", "重庆市", "四川省", "广西壮族自治区", "北京市"]
NUMERIC = sorted(n for n, p in LIBRARY.params.items() if isinstance(p.default, (int, float)) and not isinstance(p.default, bool))
ROLES = sorted(LIBRARY.roles)
TOPICS = LIBRARY.topic_ids()
IDS = [m.id for m in LIBRARY.measures()]


@st.composite
def profiles(draw) -> dict:
    level = draw(st.sampled_from(sorted(LEVELS)))
    base = draw(CJK)
    name = base + LEVELS[level]
    start = draw(st.integers(2016, 2035))
    data: dict = {
        "jurisdiction": {"name": name, "short": base, "level": level, "province": draw(st.sampled_from(PROVINCES))},
        "document": {"kind": draw(st.sampled_from(["实施方案", "实施意见", "规划"])),
                     "period": {"start": start, "end": start + draw(st.integers(0, 9))}},
    }
    if LEVELS[level] in "县区旗" and draw(st.booleans()):
        data["jurisdiction"]["city"] = draw(CJK) + "市"
    document = data["document"]
    for key, strategy in (("layout", st.sampled_from(["chapters", "tasks"])),
                          ("numbering", st.sampled_from(["continuous", "restart"])),
                          ("division_table", st.booleans()), ("stages", st.booleans()),
                          ("indicators", st.sampled_from(["table", "appendix", "none"])),
                          ("vision", CJK), ("status", st.sampled_from(["征求意见稿", "送审稿"]))):
        if draw(st.booleans()):
            document[key] = draw(strategy)
    if draw(st.booleans()):
        document["issuers"] = [f"中共{name}委", f"{name}人民政府"]
        document["date"] = f"{start}-{draw(st.integers(1, 12)):02d}-{draw(st.integers(1, 28)):02d}"
    units = draw(st.dictionaries(st.sampled_from(ROLES), CJK.map(lambda s: s + "局"), max_size=5))
    if units:
        data["units"] = units
    names = draw(st.lists(st.sampled_from(NUMERIC), max_size=4, unique=True))
    # values from 1 up to the library's own default, which is always in range (scores from 60)
    targets = {k: draw(st.integers(60 if LIBRARY.params[k].unit == "分" else 1, max(1, int(LIBRARY.params[k].default))))
               for k in names}
    if targets:
        data["targets"] = targets
    if draw(st.booleans()):
        data["initiatives"] = [{"topic": draw(st.sampled_from(TOPICS)), "title": draw(CJK), "text": draw(CJK) + "。",
                                "lead": [draw(st.sampled_from(["justice", "gov_office", "finance"]))],
                                "deadline": draw(st.sampled_from([1, 2, "end", "annual"]))}]
    selection = {}
    if draw(st.booleans()):
        selection["detail"] = draw(st.sampled_from(["compact", "standard", "full"]))
    if draw(st.booleans()):
        selection["model"] = draw(st.sampled_from(["datong", "zhangye", "bishan", "biyang", "suining"]))
    if draw(st.booleans()):
        selection["drop"] = draw(st.lists(st.sampled_from(IDS), max_size=5, unique=True))
    if selection:
        data["selection"] = selection
    return data


def write(tmp_path: Path, data: dict, name: str = "p.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def assert_sound_draft(path: Path) -> None:
    profile = load_profile(path, LIBRARY)
    document = draft_document(profile, LIBRARY)
    assert docx_texts(WRITERS["docx"](document)) == markdown_texts(WRITERS["md"](document).decode("utf-8"))
    text = all_text(document)
    assert "None" not in text and "{{" not in text and "}}" not in text
    assert not re.search(r"\{[a-z_:]+\}", text)
    for role in ROLES:
        assert not re.search(rf"(?<![A-Za-z_]){role}(?![A-Za-z_])", text), role


@SETTINGS
@given(data=profiles())
def test_any_accepted_profile_drafts_a_sound_document(tmp_path_factory, data):
    path = write(tmp_path_factory.mktemp("p"), data)
    try:
        load_profile(path, LIBRARY)
    except DrafterError as error:  # the generator aims at valid profiles; the loader is the judge
        assume(False)
        raise AssertionError(error)  # pragma: no cover
    assert_sound_draft(path)


JUNK = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True),
                 st.text(max_size=20), st.lists(st.integers(), max_size=3),
                 st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
                 st.sampled_from(["\ud800", "\x01控制", "{{ 7*7 }}", "2026年", "..", "CON", "县级市", "浙江"]))


def paths_of(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths_of(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths_of(item, prefix + (index,))


@SETTINGS
@given(data=profiles(), choice=st.data())
def test_a_mutated_profile_drafts_or_is_refused_in_words(tmp_path_factory, data, choice):
    places = [p for p in paths_of(data) if p]
    place = choice.draw(st.sampled_from(places))
    action = choice.draw(st.sampled_from(["replace", "delete", "add"]))
    parent = data
    for key in place[:-1]:
        parent = parent[key]
    if action == "replace":
        parent[place[-1]] = choice.draw(JUNK)
    elif action == "delete":
        del parent[place[-1]]
    elif isinstance(parent, dict):
        parent[choice.draw(st.text(min_size=1, max_size=8))] = choice.draw(JUNK)
    folder = tmp_path_factory.mktemp("m")
    try:
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    except yaml.YAMLError:
        return
    path = folder / "p.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        load_profile(path, LIBRARY)
    except DrafterError as error:
        message = str(error)
        assert "Traceback" not in message and message.strip()
        assert str(path) in message  # names the file (and, for a problem, its line and field)
        return
    assert_sound_draft(path)


def test_the_properties_run_the_configured_number_of_examples():
    assert EXAMPLES >= 1
    assert textwrap.dedent(__doc__ or "").count("DRAFTER_HYPOTHESIS_EXAMPLES") == 1
