"""Per-item annotations: the trailing unit parenthesis and the deadlines in the text."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Role words as printed; 配合/协办/协同 are synonyms of 参加 in other provinces' plans.
ROLE_OF_KEYWORD = {
    "牵头单位": "lead",
    "参加单位": "partners",
    "配合单位": "partners",
    "协办单位": "partners",
    "协同单位": "partners",
    "责任单位": "responsible",
}
_KEYWORD = "|".join(ROLE_OF_KEYWORD)
_OPEN, _CLOSE = "（(", "）)"
# Editorial notes inside the parenthesis that are not units ("…负责，下同" in suining:1).
_NOT_UNITS = {"下同"}

# A year with an optional month/day or 年底/上半年 part and an optional 前/以前/内.
# The look-behind drops the end of a span such as "（2021—2025年）" (a title, not a deadline).
_DATE = re.compile(
    r"(?<![0-9\-—–－~～])(?:19|20)[0-9]{2}年"
    r"(?:年底|年末|底|末|上半年|下半年|[0-9]{1,2}月(?:[0-9]{1,2}日)?(?:底|末|上旬|中旬|下旬)?)?"
    r"(?:以前|之前|前|以内|内|起)?"
)


@dataclass(frozen=True)
class Units:
    """The 牵头/责任单位 found in an item's text."""
    lead: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    responsible: tuple[str, ...] = ()


def _opening_index(text: str) -> int | None:
    """Index of the parenthesis that closes at the end of text (nested parens allowed)."""
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        if text[index] in _CLOSE:
            depth += 1
        elif text[index] in _OPEN:
            depth -= 1
            if depth == 0:
                return index
    return None


def _split_outside_parens(text: str, separators: str) -> list[str]:
    """Split on separators, but not inside 市委党校（行政学院）-style parentheses."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth = max(0, depth - 1)
        elif char in separators and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts


def _names(text: str) -> list[str]:
    names = []
    # Half-width "," too: zhangye prints its commas half-width.
    for name in _split_outside_parens(text, "、，,"):
        name = name.strip()
        if name.endswith("等") and len(name) > 1:
            name = name[:-1]
        if name and name not in _NOT_UNITS:
            names.append(name)
    return names


def _parse(inner: str) -> Units:
    found: dict[str, list[str]] = {"lead": [], "partners": [], "responsible": []}
    role = "responsible"
    for segment in _split_outside_parens(inner, "；;"):
        match = re.match(rf"\s*({_KEYWORD})\s*[:：]?\s*", segment)
        if match:
            role = ROLE_OF_KEYWORD[match.group(1)]
            segment = segment[match.end():]
        # A segment without a role word continues the previous role.
        found[role].extend(name for name in _names(segment) if name not in found[role])
    return Units(tuple(found["lead"]), tuple(found["partners"]), tuple(found["responsible"]))


def split_units(paragraph: str) -> tuple[str, Units | None]:
    """Split '…。（牵头单位：…；参加单位：…）' into the text and its units.

    Also accepts the misprint '牵头单位：（…；参加单位：…）' (datong:82), where the role
    word slipped in front of the parenthesis.
    """
    text = paragraph.rstrip()
    if not text or text[-1] not in _CLOSE:
        return text, None
    start = _opening_index(text)
    if start is None:
        return text, None
    body, inner = text[:start], text[start + 1:-1]
    slipped = re.search(rf"({_KEYWORD})\s*[:：]\s*$", body)
    if slipped:
        inner = f"{slipped.group(1)}：{inner}"
        body = body[:slipped.start()]
    if not re.match(rf"\s*({_KEYWORD})", inner):
        return text, None
    return body.rstrip(), _parse(inner)


def merge_units(all_units: list[Units]) -> Units:
    """Units of several paragraphs joined into one item, first occurrence kept."""
    def join(parts: list[tuple[str, ...]]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(name for part in parts for name in part))

    return Units(
        join([u.lead for u in all_units]),
        join([u.partners for u in all_units]),
        join([u.responsible for u in all_units]),
    )


def extract_dates(text: str) -> tuple[str, ...]:
    """'2022年底前', '2023年6月底前', '2025年' … in order of appearance, deduplicated."""
    return tuple(dict.fromkeys(match.group(0) for match in _DATE.finditer(text)))
