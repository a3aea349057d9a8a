"""Numbers: rates over 100%, numbering gaps and repeats, the same paragraph twice, and leftovers
of a template or a find-and-replace (××, {{ }}, 【待定】)."""

from __future__ import annotations

import re
from typing import Iterator

from ...ingest.numbering import CHAPTER_CN, is_numbered_heading, parse_marker
from ...library import Library
from ..model import Context, Finding, PlanText

CODES = {
    "A801": "比率超过100%",
    "A802": "序号跳号",
    "A803": "序号重复",
    "A804": "段落重复",
    "A805": "模板或替换的残留（××、{{ }}、【待定】等）",
}
_RATE = re.compile(r"(\d{2,5}(?:\.\d+)?)\s*[%％]")
_LEFTOVER = re.compile(r"××+|XX+|ＸＸ+|\{\{|\}\}|\{%|【[^】]{0,8}(待定|待填|待补|填写|此处)[^】]{0,8}】|（此处[^）]{0,12}）|TODO")
_LEVELS = {"chapter_cn": 0, "cn_paren": 1, "ar_dot": 2, "ar_comma": 2, "ar_paren": 3, "ar_rparen": 4}
_CN = "零一二三四五六七八九十"


def _printed(kind: str, number: int) -> str:
    if kind in ("chapter_cn", "cn_paren"):
        word = (_CN[number // 10] if number >= 20 else "") + ("十" if number >= 10 else "") + (
            _CN[number % 10] if number % 10 or number < 10 else "")
        return f"{word}、" if kind == "chapter_cn" else f"（{word}）"
    return {"ar_dot": f"{number}.", "ar_comma": f"{number}、", "ar_paren": f"（{number}）"}.get(kind, f"{number}）")


def check(plan: PlanText, context: Context, library: Library) -> Iterator[Finding]:
    last: dict[str, int] = {}
    seen: dict[str, int] = {}
    for paragraph in plan.paragraphs:
        text = paragraph.text
        for match in _RATE.finditer(text):
            if float(match.group(1)) > 100:
                yield plan.at(paragraph, "A801", match.group(0), f"比率“{match.group(0)}”超过100%",
                              "比率不能超过100%，多为笔误或替换数字时出错", "核实目标值（如改为100%或实际数值）")
        for match in _LEFTOVER.finditer(text):
            yield plan.at(paragraph, "A805", match.group(0), f"“{match.group(0)}”是未填写的残留",
                          "模板占位符或待填内容不能留在印发稿中", "填写实际内容或删去")
        marker = parse_marker(text)
        if marker and marker.kind in _LEVELS and (marker.kind != CHAPTER_CN or is_numbered_heading(marker.rest)):
            yield from _numbering(plan, paragraph, marker, last)
        key = re.sub(r"\s", "", text)
        if len(key) >= 30:
            if key in seen:
                yield plan.at(paragraph, "A804", text[:20], f"本段与第{seen[key] + 1}段完全相同",
                              "同一段落出现两次，多为合并修改稿时重复粘贴", "删去重复的一段")
            else:
                seen[key] = paragraph.index


def _numbering(plan: PlanText, paragraph, marker, last: dict[str, int]) -> Iterator[Finding]:
    depth = _LEVELS[marker.kind]
    kind = "ar_dot" if marker.kind == "ar_comma" else marker.kind
    previous = last.get(kind)
    printed = _printed(marker.kind, marker.number)
    if previous is not None and marker.number != 1:
        if marker.number == previous:
            yield plan.at(paragraph, "A803", printed, f"序号“{printed}”与上一项重复",
                          "同级序号应依次递增", f"改为“{_printed(marker.kind, previous + 1)}”并顺延后续序号")
        elif marker.number > previous + 1:
            yield plan.at(paragraph, "A802", printed, f"序号从“{_printed(marker.kind, previous)}”跳到“{printed}”",
                          "同级序号应依次递增，中间缺号", f"改为“{_printed(marker.kind, previous + 1)}”并顺延后续序号")
    last[kind] = marker.number
    if depth == 0:  # a new chapter restarts its sections, not the items numbered across the plan
        last.pop("cn_paren", None)
