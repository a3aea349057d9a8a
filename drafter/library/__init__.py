"""The common measure library: chapters → topics → measures, each citing its sources."""

from .loader import load_library
from .model import BasisDocument, Chapter, General, Later, Library, Measure, Omission, Param, Requirement, RoleDef, Topic

__all__ = ["BasisDocument", "Later", "Chapter", "General", "Library", "Measure", "Omission", "Param", "Requirement", "RoleDef", "Topic", "load_library"]
