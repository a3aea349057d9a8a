"""Other places by the gazetteer: a division of another province (A404), or another place of the
plan's own province outside a clause about working together (A405) — a neighbour's plan
find-and-replaced keeps the names of its own districts, counties and city. The matcher is the
one `check`, `validate` and the drafts' tests use (gazetteer/mentions.py)."""

from __future__ import annotations

from typing import Iterator

from ...gazetteer.mentions import Foreign, Locality, foreign_mentions
from ...library import Library
from ..model import Context, Finding, PlanText
from .documents import _TITLE, _index, normal

CODES = {
    "A404": "出现其他省份的行政区划名称（区划表）",
    "A405": "出现本省其他地方的行政区划名称，且不在协作语境中",
}


def check(plan: PlanText, context: Context, library: Library) -> Iterator[Finding]:
    place = context.profile.jurisdiction
    locality = Locality.of(place.name, place.province, place.city)
    if not (context.knows_province or locality.known):
        return  # --name without --province: the province is the gazetteer's when it knows the name
    index = _index(tuple(library.documents.values()))
    for paragraph in plan.paragraphs:
        text = paragraph.text
        titles = [m.span() for m in _TITLE.finditer(text) if normal(m.group(1)) in index or place.name in m.group(1)]
        for foreign in foreign_mentions(text, locality):
            mention = foreign.mention
            if any(start <= mention.start and mention.end <= end for start, end in titles):
                continue  # a registered document's title, or the plan's own
            if foreign.other_province:
                yield plan.at(paragraph, "A404", mention.name, _what(foreign), _why(foreign, place.province + place.name),
                              _fix(mention.name))
            elif not foreign.cooperation:
                yield plan.at(paragraph, "A405", mention.name, _what(foreign),
                              f"{mention.name}在{foreign.where}，不是本辖区、上级或下辖的区划，所在句子也不是协作、联动、"
                              "同城化、毗邻地区等跨区域事项；多是照抄邻近地方方案的遗留",
                              _fix(mention.name) + "；确为跨区域协作的，请写明协作事项")


def _what(foreign: Foreign) -> str:
    name = foreign.mention.name
    former = foreign.former
    gone = f"，已于{_date(former.abolished)}撤销，并入{former.successor}" if former else ""
    other = "其他省份" if foreign.other_province else "本省其他地方"
    return f"出现{other}（{foreign.where}）的“{name}”{gone}"


def _date(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{year}年{int(month)}月{int(day)}日"


def _why(foreign: Foreign, own: str) -> str:
    why = f"本方案是{own}的方案，{foreign.mention.name}属于{foreign.where}；他省的区划名称多是照抄他地方案的遗留"
    if foreign.cooperation:
        why += "（所在句子写的是协作事项：确为跨省协作的，可保留并写明协作事项）"
    return why


def _fix(name: str) -> str:
    return f"请核对：{name}不属于本辖区；如为照抄他地方案的遗留，请改为本地名称"
