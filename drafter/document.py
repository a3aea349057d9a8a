"""The document model between the Jinja templates and the writers.

Writers see only these objects, never a profile or the library. Every block that
comes from a measure carries its provenance, so a review copy can comment on it
(sources) and highlight what the profile did not set (defaults).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Union


@dataclass(frozen=True)
class Default:
    """A value the profile did not set: a reviewer should check it, and knows where to change it."""

    text: str  # as it stands in the draft, e.g. 县司法局, 60学时, the derived title
    field: str  # the profile field that sets it, e.g. units.justice, targets.enforcement_training_hours
    note: str  # what it is, e.g. 默认单位名称, 默认目标值（行政执法人员每年法治培训学时）
    rule: str = ""  # for a default unit name: the rule that produced it, e.g. 按县级命名规则
    # a remark: `note` is the whole review comment, on `text` where it stands (the title, a heading),
    # which is not highlighted: what the draft assumes there (发文机关, 印发日期), said once
    remark: bool = False

    def __str__(self) -> str:
        return f"{self.text}（{self.note}）"


@dataclass(frozen=True)
class Provenance:
    """Where a block's content came from."""

    measure_id: str
    sources: tuple[str, ...] = ()  # seed citations such as datong:30
    defaults: tuple[Default, ...] = ()  # values in this block the profile did not set
    basis: tuple[str, ...] = ()  # national documents, as cited: 《…》（文号）
    local: bool = False  # the locality's own measure (an initiative or a rewritten measure)
    fact: str = ""  # the profile's local fact behind a local-facts measure: local.hazards：地震
    platform: str = ""  # the platform registry's source for the platform names the block carries


@dataclass(frozen=True)
class Run:
    """A stretch of paragraph text, bold or not."""
    text: str
    bold: bool = False


@dataclass(frozen=True)
class Title:
    """The document title; each line is one centred paragraph (2号 小标宋)."""

    lines: tuple[str, ...]


@dataclass(frozen=True)
class StatusLine:
    """（征求意见稿） and the like, centred under the title in 楷体."""

    text: str


@dataclass(frozen=True)
class Heading:
    """A numbered heading. level 1 一、 (黑体), 2 （一） (楷体), 3 1. (仿宋), 4 （1）."""

    level: int
    number: str
    text: str


ParagraphRole = Literal["body", "attachment_note", "signature", "date"]


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph; a measure paragraph starts with a bold run (number and title)."""

    runs: tuple[Run, ...]
    role: ParagraphRole = "body"
    provenance: Provenance | None = None

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class Table:
    """A table: header, rows and relative column widths."""
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    # Relative column widths; the writer scales them to the type area.
    widths: tuple[int, ...] = ()
    # The group (chapter) each row belongs to, where the template says so: a spreadsheet
    # writer shows it as a 章 column; the page writers leave it out.
    groups: tuple[str, ...] = ()


@dataclass(frozen=True)
class Attachment:
    """An appendix on a new page: 附件N label, centred title, then its blocks."""

    label: str
    title: str
    blocks: tuple["Block", ...]


Block = Union[Title, StatusLine, Heading, Paragraph, Table, Attachment]


@dataclass(frozen=True)
class Document:
    """The whole draft as the writers see it: title, blocks, notes for the review copy."""
    title: str  # one-line title, used for the file name and document properties
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    # Document-level values the profile did not set (derived title, assumed basis, general
    # targets): a review copy highlights them where they stand.
    notes: tuple[Default, ...] = ()
    stamp: str | None = None  # ISO date for review comments: the document's date or its period's start

    def paragraphs(self) -> list[Paragraph]:
        return [block for block in self.blocks if isinstance(block, Paragraph)]
