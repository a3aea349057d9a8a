"""Load and validate a jurisdiction profile: YAML with line numbers → schema → checks → frozen Profile."""

from .loader import (
    Jurisdiction, LocalChapter, LocalMeasure, LocalTopic, Period, Profile, load_profile, profile_schema,
)

__all__ = [
    "Jurisdiction", "LocalChapter", "LocalMeasure", "LocalTopic", "Period", "Profile", "load_profile",
    "profile_schema",
]
