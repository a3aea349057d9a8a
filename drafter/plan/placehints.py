"""提示 for a profile whose own words name another province's division (“渝北区” in a Beijing
profile's initiative): the words were likely copied from another place's plan. The matcher is the
one `audit` uses (gazetteer/mentions.py); a sentence about working with another place
(协作, 联动, 毗邻…) and the `local.cooperation` facts are not reported."""

from __future__ import annotations

from typing import Iterator

from ..gazetteer.mentions import Locality, foreign_mentions
from ..profile import Profile


def _texts(profile: Profile) -> Iterator[tuple[str, str]]:
    """(where, text) for every free text of the profile a draft prints."""
    document = (("document.title", profile.title), ("document.vision", profile.vision))
    yield from ((where, text) for where, text in document if text)
    yield from ((f"document.basis 第{n}项", text) for n, text in enumerate(profile.basis or (), 1))
    for n, measure in enumerate(profile.initiatives, 1):
        yield f"地方举措“{measure.title}”（initiatives 第{n}条）", f"{measure.title}。{measure.text}"
    for n, chapter in enumerate(profile.chapters, 1):
        yield f"地方章节“{chapter.title}”（chapters 第{n}章）", f"{chapter.title}。{chapter.goal or ''}"
        for topic in chapter.topics:
            for measure in topic.measures:
                yield f"地方章节“{chapter.title}”的措施“{measure.title}”", f"{measure.title}。{measure.text}"
    for fact in profile.local.facts:
        if fact.type != "cooperation":
            yield f"local.{fact.type}“{fact.name}”", "。".join(p for p in (fact.name, fact.kind, fact.detail) if p)
    for measure_id, fields in profile.replace.items():
        if isinstance(fields.get("text"), str):
            yield f"selection.replace.{measure_id}", fields["text"]
    for section, names in (("units", profile.units), ("local_units", profile.local_units)):
        yield from ((f"{section}.{key}", name) for key, name in names.items())


def foreign_place_hints(profile: Profile) -> tuple[str, ...]:
    place = profile.jurisdiction
    locality = Locality.of(place.name, place.province, place.city)
    hints: list[str] = []
    for where, text in _texts(profile):
        for foreign in foreign_mentions(text, locality):
            if foreign.other_province and not foreign.cooperation:
                name = foreign.mention.name
                hints.append(f"{where}：“{name}”是其他省份（{foreign.where}）的区划，不属于{place.province}{place.name}；"
                             f"请核对：{name}不属于本辖区；如为照抄他地方案的遗留，请改为本地名称")
    return tuple(dict.fromkeys(hints))
