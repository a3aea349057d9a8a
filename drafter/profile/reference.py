"""The profile reference in README.md, generated from the profile schema.

tests/test_readme.py checks that README's section equals this output, so the
reference cannot drift from the schema. Regenerate with:
    python -m drafter.profile.reference
"""

from __future__ import annotations

from typing import Any, Iterator

from .loader import profile_schema

BEGIN = "<!-- profile-reference:begin -->"
END = "<!-- profile-reference:end -->"


def _kind(schema: dict[str, Any], root: dict[str, Any]) -> str:
    if "$ref" in schema:
        target = root["$defs"][schema["$ref"].rsplit("/", 1)[1]]
        return _kind({**target, **{k: v for k, v in schema.items() if k != "$ref"}}, root)
    if "enum" in schema:
        return " / ".join(f"`{value}`" for value in schema["enum"])
    if "oneOf" in schema:
        return " 或 ".join(dict.fromkeys(_kind(option, root) for option in schema["oneOf"]))
    if "minimum" in schema and "maximum" in schema and schema.get("type") == "integer":
        return f"{schema['minimum']}–{schema['maximum']}"
    kinds = schema.get("type", "")
    if kinds == "array" and "enum" in schema.get("items", {}):
        return "列表（" + _kind(schema["items"], root) + "）"
    kinds = [kinds] if isinstance(kinds, str) else kinds
    names = {"object": "表", "array": "列表", "string": "文字", "integer": "整数", "number": "数字", "boolean": "true/false"}
    return "或".join(names[k] for k in kinds if k != "null")


def _rows(schema: dict[str, Any], root: dict[str, Any], prefix: str) -> Iterator[tuple[str, str, str]]:
    required = set(schema.get("required", []))
    for key, child in schema.get("properties", {}).items():
        path = f"{prefix}{key}"
        if "$ref" in child and "description" not in child:
            child = {**root["$defs"][child["$ref"].rsplit("/", 1)[1]], **child}
        mark = "（必填）" if key in required else ""
        yield path, _kind(child, root), child.get("description", "") + mark
        if child.get("properties"):
            yield from _rows(child, root, path + ".")
        items = child.get("items", {})
        if "$ref" in items:
            items = {**root["$defs"][items["$ref"].rsplit("/", 1)[1]], **items}
        if items.get("properties"):
            yield from _rows(items, root, path + "[].")


def reference() -> str:
    root = profile_schema()
    lines = [BEGIN, "", "| 字段 | 取值 | 说明 |", "|---|---|---|"]
    lines += [f"| `{path}` | {kind} | {text} |" for path, kind, text in _rows(root, root, "")]
    lines += ["", END]
    return "\n".join(lines)


if __name__ == "__main__":
    import pathlib

    readme = pathlib.Path("README.md")
    text = readme.read_text("utf-8")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    readme.write_text(head + reference() + tail, "utf-8")
    print("README.md profile reference updated")
