"""The seeds come back: each seed's draft, modelled on its own plan, holds every measure drawn from it."""

from __future__ import annotations

import pytest

from conftest import PROFILES
from drafter.api import draft_document
from drafter.library.model import SEED_KEYS
from drafter.profile import load_profile


@pytest.mark.parametrize("key", SEED_KEYS)
def test_each_cited_item_of_a_seed_appears_in_its_own_draft(library, key):
    profile = load_profile(PROFILES / f"{key}.yaml", library)
    assert profile.model == (key,)
    document = draft_document(profile, library)
    in_draft = {p.provenance.measure_id: p for p in document.paragraphs() if p.provenance}
    cited_items = {c for m in library.measures() for c in m.sources if c.startswith(f"{key}:")}
    assert len(cited_items) > 30
    missing = []
    for citation in sorted(cited_items):
        # the item comes back in (at least) one of the library measures that carry it
        carriers = [in_draft[m.id] for m in library.measures() if citation in m.sources and m.id in in_draft]
        if not carriers:
            missing.append(citation)
        assert all(citation in paragraph.provenance.sources for paragraph in carriers)
    assert not missing


@pytest.mark.parametrize("key", SEED_KEYS)
def test_the_draft_uses_the_seeds_own_department_names(library, key):
    profile = load_profile(PROFILES / f"{key}.yaml", library)
    text = "\n".join(p.text for p in draft_document(profile, library).paragraphs())
    assert profile.units, "a seed profile names its own departments"
    for role, name in profile.units.items():
        if role != "lower_govs":
            used = any(role in m.lead + m.partners for m in library.measures())
            assert not used or name in text, (role, name)
    assert profile.jurisdiction.name in text
