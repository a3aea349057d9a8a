"""Registers of places and platforms: data files with their source and as-of date, loaded
and validated like the library, shared by init, validate, the planner and check."""

from .divisions import Division, Gazetteer, load_gazetteer

__all__ = ["Division", "Gazetteer", "load_gazetteer"]
