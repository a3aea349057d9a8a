"""Names of divisions in a text, and which of them are not the locality's own: the one matcher
behind `audit` (A404, A405), the profile's 提示 (`check`, `validate`, `draft`) and the drafts' tests.

Matched: full names of three characters or more (浏阳市, 长沙县, 渝北区, 延边朝鲜族自治州) and the
short names of prefecture-level divisions of three characters or more that name one prefecture only
(石家庄, 呼和浩特). Not matched: two-character names (郊区, 矿区, 城区, 和县 are words or parts of
words), two-character short names (和平, 新华, 城关, 浏阳), the short names of counties (井冈山,
都江堰 are also a spirit, a dam), and full names that are common words (老城区, 新城区).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import load_gazetteer
from .divisions import PREFECTURE_TYPES, Division, Gazetteer, Place
from .former import Former, load_former

# Full names that are also ordinary words of a plan (“老城区改造”“新城区建设”).
COMMON_WORDS = frozenset({"老城区", "新城区", "城中区", "市中区"})
# A name followed by these is part of another word: 河口区域, 安定区域 (区域); 超市场 (市场).
_NOT_AFTER = {"区": "域", "市": "场"}
# A name that begins with a verb, right after a unit's name: “县委组织部会同县委依法治县办” is the verb 会同
# with 县委, not 湖南省会同县 (the 组织部门's 任前测试 sentence, s15).
_VERB_HEADS = ("会同",)
_UNIT_ENDS = "部办局委院会厅署处室科所站队中心府"
# Words of a sentence about working with another place: a name there is a partner, not a leftover.
COOPERATION = ("协作", "联动", "同城化", "毗邻", "协同", "合作", "一体化", "对口", "交界", "接壤", "跨区域",
               "跨地区", "共建", "联防联治")
_SENTENCE = re.compile(r"[^。！？；\n]*")


@dataclass(frozen=True)
class Mention:
    """One name of a division in a text."""
    name: str  # as printed
    start: int
    end: int
    places: tuple[Place, ...]  # every division of that name (朝阳区: Beijing's and Changchun's)


class Matcher:
    """Built once per gazetteer: full names found from their last character (县区市旗州盟), so a
    50,000-character plan is one pass over ~1,000 candidate ends, plus one small alternation of
    the long short names. A name's places are resolved when it is found (a draft's profile
    hints pay for their few names only)."""

    def __init__(self, gazetteer: Gazetteer, former: tuple[Former, ...] = ()) -> None:
        self.gazetteer = gazetteer
        self.full: dict[str, tuple[Division, ...]] = {
            name: tuple(divisions) for name, divisions in gazetteer.by_name.items()
            if len(name) >= 3 and name not in COMMON_WORDS and all(d.tier != "province" for d in divisions)}
        self.former = {entry.division.name: entry for entry in former}
        for entry in former:  # 渝北区 (abolished 2025): a place of its province still, marked by an empty code
            self.full[entry.division.name] = self.full.get(entry.division.name, ()) + (entry.division,)
        self.lengths = sorted({len(name) for name in self.full}, reverse=True)
        self.ends = re.compile("[" + "".join(sorted({name[-1] for name in self.full})) + "]")
        shorts: dict[str, list[Division]] = {}
        for division in gazetteer:
            if len(division.short) >= 3:
                shorts.setdefault(division.short, []).append(division)
        self.short: dict[str, tuple[Division, ...]] = {}
        for short, divisions in shorts.items():
            prefectures = [d for d in divisions if d.type in PREFECTURE_TYPES]
            if len(prefectures) == 1 and short not in gazetteer.by_name:  # 乌鲁木齐: the city, not its county
                self.short[short] = (prefectures[0],)
        alternation = "|".join(sorted(map(re.escape, self.short), key=len, reverse=True))
        self.shorts = re.compile(alternation) if alternation else None
        self._places: dict[str, tuple[Place, ...]] = {}

    def places(self, name: str) -> tuple[Place, ...]:
        if name not in self._places:
            divisions = self.full.get(name) or self.short.get(name, ())
            self._places[name] = tuple(self.gazetteer.place(d) for d in divisions)
        return self._places[name]

    def find(self, text: str) -> list[Mention]:
        """Every name, left to right; a name is never found inside a longer one."""
        found: list[Mention] = []
        last = 0
        for match in self.ends.finditer(text):
            end = match.end()
            if text[end:end + 1] == _NOT_AFTER.get(match.group(), "\0"):
                continue
            for length in self.lengths:
                start = end - length
                if start >= last and text[start:end] in self.full:
                    if text.startswith(_VERB_HEADS, start) and start and text[start - 1] in _UNIT_ENDS:
                        continue
                    found.append(Mention(text[start:end], start, end, self.places(text[start:end])))
                    last = end
                    break
        if self.shorts is not None:
            taken = [(m.start, m.end) for m in found]
            for match in self.shorts.finditer(text):
                if not any(s < match.end() and match.start() < e for s, e in taken):
                    found.append(Mention(match.group(), match.start(), match.end(), self.places(match.group())))
        return sorted(found, key=lambda m: m.start)


@lru_cache(maxsize=1)
def matcher() -> Matcher:
    """The gazetteer's matcher, built once per process (a few ms)."""
    return Matcher(load_gazetteer(), load_former())


@dataclass(frozen=True)
class Locality:
    """The plan's place as the classifier needs it: its own codes and its parents' (province, city)."""
    name: str
    province: str
    codes: frozenset[str]  # the locality's own division (both, if the profile does not say which)
    parents: frozenset[str]  # its province and city

    @classmethod
    @lru_cache(maxsize=64)
    def of(cls, name: str, province: str, city: str | None = None) -> "Locality":
        gazetteer = load_gazetteer()
        places = [p for p in gazetteer.places(name) if p.province == province]
        places = [p for p in places if p.city == city] or places
        parents = {p.division.code for n in (province, city) if n for p in gazetteer.places(n) if p.province == province}
        return cls(name, province, frozenset(p.division.code for p in places), frozenset(parents))

    @property
    def known(self) -> bool:
        """The locality itself is in the gazetteer, so its neighbours can be told from its parts."""
        return bool(self.codes)

    def owns(self, place: Place, gazetteer: Gazetteer) -> bool:
        """The locality, one of its parents, or a division under it (a city's districts and counties)."""
        if place.division.code in self.parents:
            return True
        division: Division | None = place.division
        while division is not None:
            if division.code in self.codes:
                return True
            division = gazetteer.by_code.get(division.parent or "")
        return False


@dataclass(frozen=True)
class Foreign:
    """A name that is not the locality's own: another province's division, or another of its province."""
    mention: Mention  # its places: those in the locality's province, if any
    other_province: bool
    cooperation: bool  # its clause is about working with another place (协作, 联动, 同城化, 毗邻…)
    sentence: str  # that clause and the next

    @property
    def former(self) -> Former | None:
        """The abolished division this name was, when it is one of the places meant."""
        if any(not place.division.code for place in self.mention.places):
            return matcher().former.get(self.mention.name)
        return None

    @property
    def where(self) -> str:
        """“重庆市”, “湖南省长沙市”, “北京市或吉林省长春市” (the name's parents)."""
        from ..profile.placecheck import where

        return "或".join(dict.fromkeys(where(place) for place in self.mention.places))


def foreign_mentions(text: str, locality: Locality) -> list[Foreign]:
    """The names in the text that are not the locality, its parents or its sub-units."""
    found: list[Foreign] = []
    gazetteer = load_gazetteer()
    for mention in matcher().find(text):
        if mention.name in (locality.name, locality.province) or any(locality.owns(p, gazetteer) for p in mention.places):
            continue
        in_province = tuple(p for p in mention.places if p.province == locality.province)
        if in_province and not locality.known:
            continue  # a new area or a zone's committee: its neighbours cannot be told from its parts
        sentence = _around(text, mention.start)
        foreign = Mention(mention.name, mention.start, mention.end, in_province or mention.places)
        found.append(Foreign(foreign, not in_province, any(word in sentence for word in COOPERATION), sentence))
    return found


def _around(text: str, index: int) -> str:
    """The clause the name is in and the clause after it, within its sentence: “与怀柔区、昌平区，
    建立毗邻地区执法协作机制” is about working together; “学习长沙县经验，在八达岭镇推行……” is not,
    though a later clause of the sentence names a 协作."""
    start = max(text.rfind(mark, 0, index) for mark in "。！？；\n，,") + 1
    sentence = _SENTENCE.match(text, start).group(0)  # type: ignore[union-attr]
    return "，".join(re.split("[，,]", sentence)[:2])
