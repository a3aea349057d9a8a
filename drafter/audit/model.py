"""Findings as values, and the plan text as the rules see it: numbered paragraphs with their place."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from ..profile import Profile


@dataclass(frozen=True)
class Paragraph:
    """One non-empty paragraph (line) of the plan, with where a reader finds it."""
    index: int  # 0-based paragraph index in the file (a .docx body paragraph, a text line)
    text: str  # as printed, marker included
    chapter: str  # the 一、 chapter heading above it, "" before the first chapter
    item: str  # the item number as printed (“（3）”, “12.”), of the paragraph or the item it continues


@dataclass(frozen=True)
class Finding:
    """One problem: where, which rule, what, why and the fix in today's wording."""
    code: str  # stable rule code, e.g. A101
    what: str
    why: str
    fix: str
    quote: str  # the words found ("" for something missing)
    paragraph: int | None = None  # Paragraph.index; None: the plan as a whole
    chapter: str = ""
    item: str = ""

    def record(self) -> dict[str, object]:
        return asdict(self)

    @property
    def where(self) -> str:
        if self.paragraph is None:
            return "全文"
        parts = [f"第{self.paragraph + 1}段"]
        if self.chapter:
            parts.insert(0, self.chapter)
        if self.item:
            parts.insert(1 if self.chapter else 0, f"第{self.item.rstrip('.．、')}项")
        return "，".join(parts)


@dataclass(frozen=True)
class Context:
    """What the plan is for: the locality (a profile), its period and its date of issue."""
    profile: Profile
    start: int
    end: int
    issued: date
    named_units: bool = False  # the profile came from a file: its unit names are the reference
    knows_province: bool = True  # False with --name and no --province: other-province checks off

    @property
    def name(self) -> str:
        return self.profile.jurisdiction.name


@dataclass(frozen=True)
class PlanText:
    """The ingested plan: its paragraphs in order."""
    paragraphs: tuple[Paragraph, ...]
    source: str = ""  # file name, for the report header

    def at(self, paragraph: Paragraph, code: str, quote: str, what: str, why: str, fix: str) -> Finding:
        return Finding(code, what, why, fix, quote, paragraph.index, paragraph.chapter, paragraph.item)
