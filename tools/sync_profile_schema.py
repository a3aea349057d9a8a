"""Regenerate the units and targets keys of the profile schema from the library.

Editors complete and check profile keys from the schema, so it lists every role and
every parameter by name. Run after changing roles.yaml or a measure's params:
    python tools/sync_profile_schema.py
tests/test_profile_schema.py fails while the schema is out of date.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from drafter.library import Library, load_library
from drafter.profile.levels import LEVELS

SCHEMA = Path(str(resources.files("drafter") / "schemas/profile.schema.json"))


def _example(pattern: str) -> str:
    """A default name pattern as a county would see it: {p}司法局 → 县司法局."""
    return pattern.replace("{p}", "县").replace("{lower_govs}", LEVELS["county"].lower_govs)


def synced_schema(library: Library) -> dict:
    schema = json.loads(SCHEMA.read_text("utf-8"))
    properties = schema["properties"]
    properties["units"]["properties"] = {
        key: {"description": f"{role.label}（默认名称如 {_example(role.by_level.get('county', role.default))}）"
              if role.default is not None
              else f"{role.label}（没有默认名称：写了名称才写入措施）", "$ref": "#/$defs/name"}
        for key, role in library.roles.items()
    }
    properties["targets"]["properties"] = {
        name: {
            "description": f"{param.label}（默认 {param.default}{param.unit}）" if param.default is not None
            else f"{param.label}（结果性指标，没有默认值，单位：{param.unit}；不填的，主要指标表写"
                 f"“（待定）”{'，精简稿也列入' if param.direction else ''}）",  # a direction is never printed (s14 I5)
            "type": "number" if param.numeric else "string",
        }
        for name, param in sorted(library.params.items())
    }
    return schema


def render(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    SCHEMA.write_text(render(synced_schema(load_library())), "utf-8")
    print(f"updated {SCHEMA}")
