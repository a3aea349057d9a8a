"""Load and validate a jurisdiction profile: YAML with line numbers → schema → checks → frozen Profile."""

from .local import LOCAL_TYPES, LocalFact, LocalFacts
from .loader import (
    Jurisdiction, LocalChapter, LocalMeasure, LocalTopic, Period, Profile, load_profile, profile_schema,
)

__all__ = [
    "LOCAL_TYPES", "LocalFact", "LocalFacts",
    "Jurisdiction", "LocalChapter", "LocalMeasure", "LocalTopic", "Period", "Profile", "load_profile",
    "profile_schema",
]
