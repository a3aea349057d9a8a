"""The planning stage (pure): select measures, localise them, number them by position."""

from .model import (
    Indicator, Plan, PlannedChapter, PlannedGeneral, PlannedMeasure, PlannedTopic, Selection, Stage,
)
from .planner import make_plan

__all__ = [
    "Indicator", "Plan", "PlannedChapter", "PlannedGeneral", "PlannedMeasure", "PlannedTopic", "Selection",
    "Stage", "make_plan",
]
