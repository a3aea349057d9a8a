"""A profile's own `document.basis`, as the preamble prints it and as a reviewer reads it.

A title typed without 书名号 is wrapped in them (the registered title where the item holds
one); a basis whose period ended before the plan starts is a 提示 naming what to write
instead. `validate`, `draft` and `check` all print these hints.
"""

from __future__ import annotations

import re

from ..library import Library
from ..profile import Profile
from .basis import NATIONAL

PERIOD = re.compile(r"(\d{4})\s*[—–－\-~至到]\s*(\d{4})\s*年")
# How the name of a document ends: its kind, and perhaps its period.
DOCUMENT = re.compile(r"(纲要|方案|规划|意见|决定|条例|办法|规定|通知|法)(（\d{4}—\d{4}年）)?$")
# Issuers that may stand before a title typed without 书名号.
ISSUER = re.compile(r"^((?:中共)?[^，。；《》]*?(?:中共中央|国务院|人民政府|办公厅|委员会|[省市州县区旗盟]委)"
                    r"(?:、(?:中共)?[^，。；《》、]*?(?:国务院|人民政府|办公厅|委员会|[省市州县区旗盟]委))*)(.{4,})$")


def _dashes(text: str) -> str:
    """2021-2025年 → 2021—2025年, the period as the registry and the title write it."""
    return PERIOD.sub(lambda m: f"{m.group(1)}—{m.group(2)}年", text)


def normalised(item: str, library: Library) -> str:
    """The item with 书名号 around its document title; general words are left as they are."""
    if "《" in item:
        return item
    text = _dashes(item.strip())
    for document in sorted(library.documents.values(), key=lambda d: -len(d.title)):
        if document.title in text:
            return text.replace(document.title, f"《{document.title}》", 1)
    if not DOCUMENT.search(text):
        return item
    issuer = ISSUER.match(text)
    if issuer and not DOCUMENT.fullmatch(issuer.group(2)):
        return f"{issuer.group(1)}《{issuer.group(2)}》"
    return f"《{text}》"


def _instead(item: str, profile: Profile) -> str:
    start, end = profile.period.start, profile.period.end
    if "法治政府建设实施纲要" in item and "贯彻" not in item:
        return f"已印发的适用于{start}—{end}年的全国纲要全称；尚未印发时写“{NATIONAL}”或删去此条，工具会作概括表述"
    place = profile.jurisdiction
    parent = next((name for name in (place.city, place.province) if name and name in item), None) or "上级"
    return f"{parent}适用于{start}—{end}年的方案全称（已印发的）；尚未印发时写“{parent}关于法治政府建设的部署要求”"


def basis_hints(profile: Profile, library: Library) -> tuple[str, ...]:
    """提示 about the profile's own basis (none when the tool chose the basis itself)."""
    hints: list[str] = []
    start, end = profile.period.start, profile.period.end
    for index, item in enumerate(profile.basis or ()):
        field = f"document.basis[{index}]"
        fixed = normalised(item, library)
        if fixed != item:
            hints.append(f"{field}：“{item}”没有书名号，已按“{fixed}”写入，请核对文件全称")
        for first, last in PERIOD.findall(item):
            if int(last) < start:
                hints.append(f"{field}：“{item}”的规划期（{first}—{last}年）在本规划期（{start}—{end}年）开始前已结束，"
                             f"不宜作为依据；请改为{_instead(item, profile)}")
                break
    return tuple(hints)
