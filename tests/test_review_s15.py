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
