"""Plenums listed one by one (“二十届二中、三中、四中全会”): the list is out of date as soon as the
next plenum meets; “二十届历次全会” is safe for the whole period."""

from __future__ import annotations

import re
from typing import Iterator

from ...library import Library
from ..model import Context, Finding, PlanText

CODES = {"A302": "逐一列举的全会（换届期内会过时）"}
_LISTED = re.compile(r"(十九|二十)届[一二三四五六七八九十]中(?:、[一二三四五六七八九十]中)+全会")


def check(plan: PlanText, context: Context, library: Library) -> Iterator[Finding]:
    for paragraph in plan.paragraphs:
        for match in _LISTED.finditer(paragraph.text):
            yield plan.at(paragraph, "A302", match.group(0), f"“{match.group(0)}”逐一列举了全会",
                          "五年规划期内还会召开新的全会，逐一列举的届次会漏掉后来的全会",
                          f"改为“{match.group(1)}届历次全会”")
