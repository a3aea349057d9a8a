"""Retired wording and finished reforms set as targets, from the shared list (library/retired.yaml):
十九大 after 2022, 《信访条例》, 监察部门, 最多跑一次, …, each with today's wording."""

from __future__ import annotations

from typing import Iterator

from ...library import Library
from ...library.retired import load_retired, unquoted
from ..model import Context, Finding, PlanText

CODES = {"A301": "已停用的提法或已完成的改革（停用提法表）"}


def check(plan: PlanText, context: Context, library: Library) -> Iterator[Finding]:
    entries = [entry for entry in load_retired() if entry.since <= context.start]
    for paragraph in plan.paragraphs:
        plain = unquoted(paragraph.text)
        taken: list[tuple[int, int]] = []
        for entry in entries:
            own = entry.outside_titles(plain)
            if own != plain:  # a kept title is blanked at its own length, so positions still match the paragraph
                own = plain
                for title in entry.titles:
                    own = own.replace(unquoted(title), "　" * len(unquoted(title)))
            for spelling in sorted(entry.spellings(), key=len, reverse=True):
                at = own.find(spelling)
                if at < 0:
                    continue
                if any(a <= at < b for a, b in taken):
                    break
                taken.append((at, at + len(spelling)))
                yield plan.at(paragraph, "A301", spelling, f"“{spelling}”是已停用的提法",
                              f"{entry.reason}（自{entry.since}年起；出处：{entry.source}）", f"改为“{entry.today}”")
                break
