"""Retired wording and finished reforms set as targets, from the shared list (library/retired.yaml):
十九大 after 2022, 《信访条例》, 监察部门, 最多跑一次, …, each with today's wording."""

from __future__ import annotations

import re
from typing import Iterator

from ...library import Library
from ...library.retired import load_retired, unquoted
from ..model import Context, Finding, PlanText

CODES = {"A301": "已停用的提法或已完成的改革（停用提法表）",
         "A303": "词语重叠（如“地质灾害灾害防治”）"}

# The same word of two to six characters twice in a row: in a 公文 a slip of pasting or generation,
# never a style (叠字 such as 层层、事事 are one character doubled and are not matched). 宜都 read (s14/final)
# found “地质灾害灾害防治” four times, which audit then passed.
_DOUBLED = re.compile(r"([\u4e00-\u9fff]{2,6})\1")
# Names in which a pair of characters comes round again across the word's end, with the
# seed text it was found in: 纪委监委监督 (seed 000, 全面从严治党 paragraph).
_NOT_DOUBLED = ("纪委监委",)


def _doubled(text: str) -> Iterator[re.Match[str]]:
    for match in _DOUBLED.finditer(text):
        spans = [(at.start(), at.end()) for name in _NOT_DOUBLED for at in re.finditer(name, text)]
        if not any(a < match.end() and match.start() < b for a, b in spans):
            yield match


def check(plan: PlanText, context: Context, library: Library) -> Iterator[Finding]:
    entries = [entry for entry in load_retired() if entry.since <= context.start]
    for paragraph in plan.paragraphs:
        plain = unquoted(paragraph.text)
        taken: list[tuple[int, int]] = []
        for entry in entries:
            for spelling in sorted(entry.spellings(), key=len, reverse=True):
                at = plain.find(spelling)
                if at < 0:
                    continue
                if any(a <= at < b for a, b in taken):
                    break
                taken.append((at, at + len(spelling)))
                yield plan.at(paragraph, "A301", spelling, f"“{spelling}”是已停用的提法",
                              f"{entry.reason}（自{entry.since}年起；出处：{entry.source}）", f"改为“{entry.today}”")
                break
    for paragraph in plan.paragraphs:
        for match in _doubled(paragraph.text):
            word = match.group(1)
            yield plan.at(paragraph, "A303", match.group(0), f"“{word}”连写了两次",
                          "同一词语重复连写，多为粘贴或生成时的笔误", f"删去一个“{word}”")
