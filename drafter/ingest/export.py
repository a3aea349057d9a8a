"""PlanItems as plain records, YAML or JSON (for review and for building the library)."""

from __future__ import annotations

import json
from typing import Any, Iterable

import yaml

from .model import PlanItem


def items_to_records(items: Iterable[PlanItem]) -> list[dict[str, Any]]:
    """Plain dicts with lists, not tuples, so YAML/JSON dumpers need no custom types."""
    return [
        {
            "key": item.key,
            "citation": item.citation,
            "label": item.label,
            "chapter": item.chapter,
            "topic": item.topic,
            "text": item.text,
            "lead": list(item.lead),
            "partners": list(item.partners),
            "responsible": list(item.responsible),
            "dates": list(item.dates),
        }
        for item in items
    ]


def dump_yaml(items: Iterable[PlanItem]) -> str:
    return yaml.safe_dump(items_to_records(items), allow_unicode=True, sort_keys=False)


def dump_json(items: Iterable[PlanItem]) -> str:
    return json.dumps(items_to_records(items), ensure_ascii=False, indent=2)
