"""The structured form of one measure paragraph of a published plan."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import DrafterError


class IngestError(DrafterError):
    """A plan file that cannot be read; the message is Chinese, names the file and says what to do."""


@dataclass(frozen=True)
class PlanItem:
    """One numbered item of an ingested plan."""
    key: str  # plan key, e.g. "datong", or the --key the user gave
    label: str  # the plan's own number in Arabic: "30", "81a", "3.4", "g1", "2", "general"
    chapter: str  # chapter heading without its number, e.g. "主要任务和具体措施"
    topic: str  # nearest heading above the item without its number; "" if none
    text: str  # paragraph without its number prefix and without the trailing unit parenthesis
    lead: tuple[str, ...] = ()  # 牵头单位
    partners: tuple[str, ...] = ()  # 参加单位
    responsible: tuple[str, ...] = ()  # 责任单位, a trailing 等 stripped
    dates: tuple[str, ...] = ()  # date expressions in the text, in order, deduplicated

    @property
    def citation(self) -> str:
        return f"{self.key}:{self.label}"
