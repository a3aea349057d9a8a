"""The documents the preamble cites, taken only from the registry of real ones.

A profile's own `document.basis` wins. Otherwise the national outline in force for the
period and the province's plan for it are cited when the registry knows them; where it
does not (a national outline for 2026—2030, most provinces' plans), the preamble names the
body and its decisions in general words, and a note tells the user which field to set.
"""

from __future__ import annotations

from ..document import Default
from ..library import BasisDocument, Library
from ..profile import Profile

NATIONAL = "党中央、国务院关于法治政府建设的决策部署"

# The party congress whose spirit a document of a given year carries (二十大: October 2022).
CONGRESSES = ((2023, "党的二十大和二十届历次全会精神"), (2018, "党的十九大和十九届历次全会精神"))


def reference_year(profile: Profile) -> int:
    """The year the document is written: its date, else the start of its period."""
    return int(profile.date[:4]) if profile.date else profile.period.start


def congress_spirit(profile: Profile) -> str:
    year = reference_year(profile)
    for since, words in CONGRESSES:
        if year >= since:
            return words
    return CONGRESSES[-1][1]


def parent_issuer(place: str) -> str:
    """A parent's party committee and government named with its place, so a county-level
    city's 市委 is never mistaken for its own: 嘉兴市委、嘉兴市人民政府."""
    if place.endswith("自治区"):
        return f"{place}党委、{place}人民政府"
    if place.endswith("盟"):
        return f"{place}委、{place}行政公署"
    return f"{place}委、{place}人民政府"


def covering(documents: dict[str, BasisDocument], kind: str, start: int, end: int,
             province: str | None = None) -> BasisDocument | None:
    for document in documents.values():
        if document.kind != kind or document.period is None:
            continue
        if province is not None and document.province != province:
            continue
        if document.period[0] <= start and end <= document.period[1]:
            return document
    return None


def preamble_basis(profile: Profile, library: Library) -> tuple[tuple[str, ...], tuple[Default, ...]]:
    """(what the preamble cites, the notes on what the tool could not find)."""
    if profile.basis is not None:
        return profile.basis, ()
    start, end = profile.period.start, profile.period.end
    place = profile.jurisdiction
    period = f"{start}—{end}年"
    cited: list[str] = []
    notes: list[Default] = []
    outline = covering(library.documents, "outline", start, end)
    if outline:
        cited.append(f"{outline.issuer}《{outline.title}》")
        notes.append(Default(f"《{outline.title}》", "document.basis",
                             "依据文件由工具按规划期从已登记的文件中选定，请核对"))
    else:
        cited.append(NATIONAL)
        notes.append(Default(NATIONAL, "document.basis",
                             f"未登记适用于{period}的全国《法治政府建设实施纲要》，序言只写“{NATIONAL}”；"
                             "如已印发，请在 document.basis 中写明文件全称"))
    parents = [place.province] + ([place.city] if place.city and place.level.tier == "county" else [])
    unknown: list[str] = []
    for parent in parents:
        plan = covering(library.documents, "plan", start, end, province=parent)
        if plan:
            cited.append(f"{parent_issuer(parent)}《{plan.title}》")
            notes.append(Default(f"《{plan.title}》", "document.basis",
                                 "上级方案由工具按规划期从已登记的文件中选定，请核对"))
        else:
            unknown.append(parent)
    if unknown:
        words = f"{'、'.join(unknown)}关于法治政府建设的部署要求"
        cited.append(words)
        notes.append(Default(words, "document.basis",
                             f"未登记{'、'.join(unknown)}适用于{period}的法治政府建设方案，序言只作概括表述；"
                             "请在 document.basis 中写明上级文件全称（含书名号）"))
    return tuple(cited), tuple(notes)
