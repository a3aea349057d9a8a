"""Issue 16 F8: the profile's vision in 总体目标 — “为建设{vision}提供有力法治保障” — without a second
建设 when the vision already begins with its verb."""

from __future__ import annotations

import pytest

from drafter.api import draft_document
from drafter.profile import load_profile


@pytest.mark.parametrize(("vision", "expected"), [
    ("建设国际旅游名城、世界遗产城市", "为建设国际旅游名城、世界遗产城市提供有力法治保障"),  # the trial's: was 为建设建设……
    ("加快建设现代化美好大通", "为加快建设现代化美好大通提供有力法治保障"),
    ("打造国际旅游名城", "为打造国际旅游名城提供有力法治保障"),
    ("经济强县、美丽清河", "为建设经济强县、美丽清河提供有力法治保障"),  # a vision of nouns keeps the template's 建设
])
def test_the_vision_is_built_once_in_the_draft(library, profile_file, vision, expected):
    from conftest import MINIMAL

    path = profile_file(MINIMAL + f"  vision: {vision}\n")
    text = "\n".join(p.text for p in draft_document(load_profile(path, library), library).paragraphs())
    assert expected in text
    assert "建设建设" not in text
