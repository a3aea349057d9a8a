"""Issue 6: drafts the size of a real plan at each detail level, and a seed plan as the model."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from drafter.api import draft_document, render_plan
from drafter.library.model import SEED_KEYS
from drafter.plan import make_plan
from drafter.profile import load_profile
from drafter.size import cjk_count, measure
from drafter.writers import WRITERS
from localities import LOCALITIES, profile_text

ROOT = Path(__file__).resolve().parent.parent
PROFILES = ROOT / "profiles"
SEEDS = ROOT.parent / "shared" / "seeds"
SEED_FILES = {key: Path(__file__).resolve().parent.parent / "drafter" / "seeds" / f"{key}.txt" for key in SEED_KEYS}

# compact carries every national requirement binding the level (93 in the register, 2026-12) and the
# core indicator rows, so it is a short plan, not a summary: up to 10,000 characters.
RANGES = {"compact": (6_000, 10_000), "standard": (12_000, 16_000)}


def draft_size(path: Path, library):
    profile = load_profile(path, library)
    plan = make_plan(profile, library)
    document = draft_document(profile, library)
    return plan, measure(document, [m.deadline for m in plan.measures()])


@pytest.mark.parametrize("detail", ["compact", "standard"])
@pytest.mark.parametrize("name", sorted(LOCALITIES))
def test_generated_profiles_draft_within_the_levels_range(profile_file, library, name, detail):
    plan, size = draft_size(profile_file(profile_text(name, detail=detail)), library)
    low, high = RANGES[detail]
    assert low <= size.characters <= high, (name, detail, size.line())
    topics = {t.id for c in plan.chapters + (plan.guarantee,) for t in c.topics}
    assert topics == set(library.topic_ids()), "every one of the 32 topics is present"


@pytest.mark.parametrize("name", sorted(LOCALITIES))
def test_full_holds_everything_that_fits_and_standard_is_about_a_hundred(profile_file, library, name):
    standard, _ = draft_size(profile_file(profile_text(name)), library)
    full, full_size = draft_size(profile_file(profile_text(name, detail="full"), "full.yaml"), library)
    count = len(list(standard.measures()))
    assert 90 <= count <= 110, count  # issue 6: about 90–110 measures at the default level
    assert len(list(full.measures())) > count
    assert full_size.characters > 16_000


def test_shipped_quick_start_profile_is_a_real_plans_size(library):
    _, size = draft_size(PROFILES / "qinghe.yaml", library)
    assert 12_000 <= size.characters <= 16_000, size.line()


def test_size_line_is_printed_on_stderr(run, tmp_path):
    result = run("draft", PROFILES / "qinghe.yaml", "-o", tmp_path, "--format", "md")
    assert result.exit_code == 0, result.output
    line = next(l for l in result.stderr.splitlines() if "条措施" in l)
    assert re.search(r"：约 \d{1,2},\d00 字（另有附件约 \d{1,2},\d00 字），\d+ 条措施，约 \d+ 页；"
                     r"完成时限：具体年份 \d+%、每年 \d+%、持续推进 \d+%$", line), line


def test_body_and_appendix_add_up_to_the_whole_file(tmp_path, library):
    """What Word's word count shows (the whole file) is the size line's body plus its appendix."""
    plan = make_plan(load_profile(PROFILES / "qinghe.yaml", library), library)
    document = render_plan(plan)
    size = measure(document, [m.deadline for m in plan.measures()])
    whole = cjk_count(WRITERS["md"](document).decode("utf-8"))
    assert size.appendix > 3_000  # the 分工表 of some 95 rows
    assert size.characters + size.appendix == whole


def seed_length(key: str) -> int:
    return cjk_count(SEED_FILES[key].read_text(encoding="utf-8"))


@pytest.mark.parametrize("key", SEED_KEYS)
def test_a_seed_profile_modelled_on_its_own_plan(library, key):
    profile = load_profile(PROFILES / f"{key}.yaml", library)
    assert profile.model == (key,), "the seed profiles use their own plan as the model"
    plan, size = draft_size(PROFILES / f"{key}.yaml", library)
    ratio = size.characters / seed_length(key)
    assert 0.6 <= ratio <= 1.5, (key, size.characters, seed_length(key))
    measures = [m for m in plan.measures() if m.id != "local"]
    traced = [m for m in measures if any(s.split(":")[0] == key for s in m.sources)]
    assert len(traced) >= 0.6 * len(measures), (len(traced), len(measures))


@pytest.mark.parametrize("key", SEED_KEYS)
def test_any_profile_can_take_a_seed_as_its_model(profile_file, library, key):
    path = profile_file(profile_text("清河县") + f"  model: {key}\n")
    plan = make_plan(load_profile(path, library), library)
    measures = [m for m in plan.measures() if m.id != "local"]
    traced = [m for m in measures if any(s.split(":")[0] == key for s in m.sources)]
    assert len(traced) >= 0.6 * len(measures)
    assert {t.id for c in plan.chapters + (plan.guarantee,) for t in c.topics} == set(library.topic_ids())


def test_division_table_has_one_row_per_measure_numbered_as_the_body(profile_file, library):
    from drafter.document import Attachment, Table

    path = profile_file(profile_text("清河县") + "  drop: []\n")
    text = path.read_text(encoding="utf-8").replace("  kind: 实施方案\n", "  kind: 实施方案\n  division_table: true\n")
    path.write_text(text, encoding="utf-8")
    profile = load_profile(path, library)
    plan = make_plan(profile, library)
    document = draft_document(profile, library)
    table = next(b for a in document.blocks if isinstance(a, Attachment) for b in a.blocks if isinstance(b, Table))
    rows = [row for row in table.rows if row[0].isdigit()]
    measures = list(plan.measures())
    assert len(rows) == len(measures)
    assert [row[0] for row in rows] == [m.number.rstrip(".") for m in measures]
