"""The planning stage (pure): select measures, localise them, number them by position."""

from .planner import Plan, PlannedChapter, PlannedGeneral, PlannedMeasure, PlannedTopic, make_plan

__all__ = ["Plan", "PlannedChapter", "PlannedGeneral", "PlannedMeasure", "PlannedTopic", "make_plan"]
