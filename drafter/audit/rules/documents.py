"""Documents cited in 书名号: registered and current, expired for this period, not registered,
a 文号 that disagrees with the registry, or a 2026—2030 纲要/方案 nobody registered (years replaced)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Iterator

from ...library import Library
from ...library.model import BasisDocument
from ...library.retired import load_retired
from ..model import Context, Finding, PlanText

CODES = {
    "A101": "引用的文件已过期（规划期早于本方案）",
    "A102": "引用的文件不在依据文件登记表中，请核实",
    "A103": "文号与登记表不一致",
    "A104": "疑为改年份编造的文件（新一期纲要或上级方案未登记）",
}
_TITLE = re.compile(r"《([^《》]{2,80})》")
_NUMBER = re.compile(r"^[（(]([^（）()]{0,20}?(?:〔\d{4}〕|\[\d{4}\]|令第)\d*[^（）()]{0,6}号)[）)]")
_SPAN = re.compile(r"[（(](\d{4})[—\-－–~～至](\d{4})年?[）)]")
_DASHES = str.maketrans({"-": "—", "－": "—", "–": "—", "~": "—", "～": "—", "(": "（", ")": "）",
                         "〈": "《", "〉": "》", "[": "〔", "]": "〕", " ": None, "　": None})
# Titles that a plan of the next round would cite: when not registered, they are likely invented.
_ROUND = re.compile(r"(法治政府建设实施纲要|法治中国建设规划|法治社会建设实施纲要|(省|市|自治区)法治政府建设(实施方案|规划))")


def normal(title: str) -> str:
    return title.translate(_DASHES).replace("——", "—")


@lru_cache(maxsize=4)
def _index(documents: tuple[BasisDocument, ...]) -> dict[str, BasisDocument]:
    titles = {normal(document.title): document for document in documents}
    # A family named without its period (新一期《法治政府建设实施纲要》) is the registered family.
    families = {_SPAN.sub("", title): document for title, document in titles.items() if _SPAN.search(title)}
    families = {title: replace(document, period=None) for title, document in families.items()}
    # Laws and regulations are cited by their short names too: 《立法法》 is 中华人民共和国立法法.
    short = {title.removeprefix("中华人民共和国"): document for title, document in titles.items()
             if title.startswith("中华人民共和国")}
    return {**families, **short, **titles}


def check(plan: PlanText, context: Context, library: Library) -> Iterator[Finding]:
    index = _index(tuple(library.documents.values()))
    own = context.profile.jurisdiction
    retired = {spelling for entry in load_retired() for spelling in entry.spellings()}
    for paragraph in plan.paragraphs:
        for match in _TITLE.finditer(paragraph.text):
            title = normal(match.group(1))
            quote = match.group(0)
            if own.name in title or own.short and title.startswith(own.short) or title in retired:
                continue  # the plan's own title, or a repealed one the wording rule reports with its successor
            document = index.get(title)
            span = _SPAN.search(title)
            end = document.period[1] if document and document.period else int(span.group(2)) if span else None
            start = document.period[0] if document and document.period else int(span.group(1)) if span else None
            if end is not None and end < context.start:
                today = _successor(index, title, context)
                yield plan.at(paragraph, "A101", quote, f"引用了规划期已结束的{quote}",
                              f"该文件的规划期为{start}—{end}年，本方案为{context.start}—{context.end}年，不能再作为依据",
                              today)
                continue
            if document is None:
                if span and start is not None and start >= context.start and _ROUND.search(title):
                    yield plan.at(paragraph, "A104", quote, f"{quote}未在依据文件登记表中",
                                  "新一期纲要、省级方案尚未登记；这类标题常是把上一期文件的年份直接替换而来",
                                  "核实该文件是否已印发；未印发的，改引现行有效的文件，或写“上级有关部署”")
                else:
                    yield plan.at(paragraph, "A102", quote, f"{quote}不在依据文件登记表中，请核实",
                                  "依据文件应真实、现行有效；登记表（documents.yaml）中没有这份文件",
                                  "核实全称、发文机关和是否现行有效；确认后可请维护者登记")
                continue
            number = _NUMBER.match(paragraph.text[match.end():].translate(_DASHES))
            if number and document.number and normal(number.group(1)) != normal(document.number):
                yield plan.at(paragraph, "A103", number.group(1), f"{quote}的文号写作“{number.group(1)}”",
                              f"登记表中该文件的文号是{document.number}", f"改为{document.cited}")


def _successor(index: dict[str, BasisDocument], title: str, context: Context) -> str:
    """Today's wording: the registered document of the same kind for this period, if any."""
    stem = _SPAN.sub("", title)
    for key, document in index.items():
        if document.period and document.period[0] >= context.start and _SPAN.sub("", key) == stem:
            return f"改引{document.cited}"
    return "改引现行有效的文件（如党的二十届四中全会《建议》、上级现行方案），或写“上级有关部署”"
