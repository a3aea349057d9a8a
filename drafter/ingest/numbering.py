"""Numbering markers of Chinese government documents and the shape of a line.

Markers seen in the seed plans: 一、 and 1、 for chapters, （一） / (一) for sections or
topic paragraphs, （1） for measures, 1. / 1． / 1、 for topics or measures. Which marker
means what differs per plan, so this module only recognises markers; the parser decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .units import Units, split_units

CHAPTER_CN = "chapter_cn"  # 一、
AR_COMMA = "ar_comma"  # 1、 (a chapter in suining, an item elsewhere)
CN_PAREN = "cn_paren"  # （一） or (一)
AR_PAREN = "ar_paren"  # （1） or (1)
AR_DOT = "ar_dot"  # 1. or 1． (and 1、 once the parser rules out a chapter)
AR_RPAREN = "ar_rparen"  # 1） or 1)

_CN_NUMERALS = "零〇一二三四五六七八九十百"
# Numbers are bounded (no plan numbers past 9999 or 百): a 5,000-digit "number" is text, not a marker.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (CHAPTER_CN, re.compile(r"^([一二三四五六七八九十百]{1,6})\s*[、.．]\s*")),
    (CN_PAREN, re.compile(rf"^[（(]\s*([{_CN_NUMERALS}]{{1,6}})\s*[）)]\s*")),
    (AR_PAREN, re.compile(r"^[（(]\s*([0-9]{1,4})\s*[）)]\s*")),
    (AR_COMMA, re.compile(r"^([0-9]{1,4})\s*、\s*")),
    # (?![0-9]) keeps decimals such as "2.5" out
    (AR_DOT, re.compile(r"^([0-9]{1,4})\s*[.．](?![0-9])\s*")),
    (AR_RPAREN, re.compile(r"^([0-9]{1,4})\s*[）)]\s*")),
)
# Same length as the input, so match positions on the translated copy fit the original.
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")  # Word export debris, sometimes mid-line
_SENTENCE_END = re.compile(r"[。；;！？!?]")
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}

MAX_HEADING = 60  # longest numbered heading in the seeds is ~30 characters
MAX_BARE_HEADING = 30  # unnumbered headings (datong 7./8. printed without number) are short


@dataclass(frozen=True)
class Marker:
    """A numbering marker found at the start of a line (一、（一）1.（1）)."""
    kind: str
    number: int
    rest: str  # the line after the marker and its spacing


def clean_line(raw: str) -> str:
    """Drop bookmark debris and surrounding (also full-width) whitespace."""
    return _BOOKMARK.sub("", raw).replace("\ufeff", "").strip()


def cn_to_int(numeral: str) -> int | None:
    """十四 → 14, 三十九 → 39, 一百零二 → 102; None for anything else."""
    total, current = 0, 0
    for char in numeral:
        if char in _CN_DIGITS:
            current = _CN_DIGITS[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    value = total + current
    return value if value > 0 else None


def parse_marker(line: str) -> Marker | None:
    probe = line.translate(_FULLWIDTH_DIGITS)
    for kind, pattern in _PATTERNS:
        match = pattern.match(probe)
        if not match:
            continue
        digits = match.group(1)
        number = cn_to_int(digits) if kind in (CHAPTER_CN, CN_PAREN) else int(digits)
        if number is None:
            return None
        return Marker(kind, number, line[match.end():].strip())
    return None


def is_numbered_heading(rest: str) -> bool:
    """A numbered line is a heading when it reads as a title, not as sentences."""
    return bool(rest) and len(rest) <= MAX_HEADING and not _SENTENCE_END.search(rest)


def is_label_line(line: str) -> bool:
    """Lead-in words such as 措施： that introduce what follows and carry no content."""
    return len(line) <= 12 and line[-1] in "：:"


def is_bare_heading(line: str) -> bool:
    """An unnumbered title line: short and without any clause punctuation."""
    return len(line) <= MAX_BARE_HEADING and not re.search(r"[。，,；;：:！？!?]", line)


@dataclass
class Line:
    """One non-empty line of the plan, classified by its shape."""

    kind: str  # "heading" | "label" | "para"
    text: str  # without the number marker, units still attached
    marker: Marker | None
    body: str = ""  # text without the unit parenthesis
    units: Units | None = None


@dataclass
class Chapter:
    """A 一、 chapter: its title without the number and its lines."""

    title: str
    number: int
    lines: list[Line] = field(default_factory=list)


def classify_line(text: str, marker: Marker | None) -> Line:
    """Heading, label (措施：) or paragraph; a unit parenthesis always means paragraph."""
    if marker is not None:
        rest = marker.rest
        if not rest:  # a bare "1." line carries nothing to keep
            return Line("label", text, None, text)
        body, units = split_units(rest)
        kind = "heading" if units is None and is_numbered_heading(rest) else "para"
        return Line(kind, rest, marker, body, units)
    body, units = split_units(text)
    if units is None and is_label_line(text):
        return Line("label", text, None, text)
    kind = "heading" if units is None and is_bare_heading(text) else "para"
    return Line(kind, text, None, body, units)


def split_chapters(text: str) -> list[Chapter]:
    """Chapters in order; the text before the first chapter (title, notice, preamble) is dropped."""
    raw = [line for line in map(clean_line, text.splitlines()) if line]
    markers = [parse_marker(line) for line in raw]
    cn_numbers = {m.number for m in markers
                  if m and m.kind == CHAPTER_CN and is_numbered_heading(m.rest)}
    chapters: list[Chapter] = []
    preamble = Chapter("", 0)  # title, notice, preamble: never items
    for line, marker in zip(raw, markers):
        if marker and is_numbered_heading(marker.rest):
            current = chapters[-1].number if chapters else 0
            # "1、 总体要求" (suining) is a chapter only where chapter 1 would stand and no
            # 一、 exists; otherwise 1、 is an ordinary item/topic marker.
            if marker.kind == CHAPTER_CN or (marker.kind == AR_COMMA and marker.number
                                             == current + 1 and marker.number not in cn_numbers):
                chapters.append(Chapter(marker.rest, marker.number))
                continue
        if marker and marker.kind == AR_COMMA:
            marker = Marker(AR_DOT, marker.number, marker.rest)
        elif marker and marker.kind == CHAPTER_CN:
            marker = None  # a 一、 sentence inside a paragraph run is just text
        (chapters[-1] if chapters else preamble).lines.append(classify_line(line, marker))
    # A plan without chapter headings is read as one untitled chapter.
    return chapters or [Chapter("", 0, preamble.lines)]
