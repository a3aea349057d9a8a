"""The profile schema lists every role and parameter, so editors can check profiles while typing."""

from __future__ import annotations

import importlib.util

from conftest import ROOT
from drafter.profile import profile_schema


def load_sync_tool():
    spec = importlib.util.spec_from_file_location("sync", ROOT / "tools/sync_profile_schema.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_schema_is_in_sync_with_roles_and_params(library):
    sync = load_sync_tool()
    assert profile_schema() == sync.synced_schema(library), "运行 python tools/sync_profile_schema.py"
    schema = profile_schema()
    assert set(schema["properties"]["units"]["properties"]) == set(library.roles)
    assert set(schema["properties"]["targets"]["properties"]) == set(library.params)


def test_schema_is_draft_2020_12_and_closed():
    schema = profile_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"

    def closed(node, path="") -> None:
        if isinstance(node, dict):
            if node.get("type") == "object" or "object" in (node.get("type") or []):
                assert "additionalProperties" in node, path
            for key, value in node.items():
                closed(value, f"{path}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                closed(value, f"{path}/{index}")

    closed(schema)
