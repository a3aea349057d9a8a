"""The profile schema as a form: each field's path, Chinese label and help, and the kind of
input the page draws (static/form.js renders this description; nothing here knows HTML)."""

from __future__ import annotations

import re
from typing import Any

from ..profile.levels import LEVELS

SECTIONS = {
    "jurisdiction": "辖区", "document": "文件", "units": "单位名称", "local_units": "本地其他单位",
    "targets": "地方情况（目标值）", "initiatives": "地方举措", "chapters": "地方章节",
    "selection": "详略、蓝本、删去和改写",
}
WORDS = {"lead": "牵头单位", "partners": "责任单位", "deadline": "完成时限", "title": "标题", "text": "正文", "goal": "目标", "topics": "专题", "measures": "措施", "topic": "专题"}
OPTIONS = {
    "level": {key: level.label for key, level in LEVELS.items()},
    "layout": {"chapters": "按纲要分章（一、…十、）", "tasks": "总体要求—主要任务—组织保障"},
    "numbering": {"continuous": "全文连续编号", "restart": "每章重新编号"},
    "indicators": {"table": "放在总体目标之后", "appendix": "作为附件", "none": "不列"},
    "detail": {"compact": "简本（约 6,000–10,000 字）", "standard": "标准（约 12,000–16,000 字）",
               "full": "全部适用措施（供挑选）"},
}
DEADLINES = [{"value": n, "label": f"第 {n} 年年底前"} for n in range(1, 11)] + [
    {"value": "end", "label": "规划期末"}, {"value": "annual", "label": "每年"}]


def _resolve(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in schema:
        target = root["$defs"][schema["$ref"].rsplit("/", 1)[1]]
        return {**_resolve(target, root), **{k: v for k, v in schema.items() if k != "$ref"}}
    return schema


def _label(key: str, description: str) -> str:
    if key in SECTIONS:
        return SECTIONS[key]
    if key in ("lead", "partners", "deadline", "topic"):
        return WORDS[key]
    head = re.split("[，；：（]", description, maxsplit=1)[0].strip()
    return head or WORDS.get(key, key)


def _types(schema: dict[str, Any]) -> set[str]:
    kind = schema.get("type", [])
    return set(kind if isinstance(kind, list) else [kind])


def field(key: str, schema: dict[str, Any], root: dict[str, Any], path: str, required: bool = False) -> dict:
    """One field of the form; groups and lists carry their children."""
    schema = _resolve(schema, root)
    description = str(schema.get("description", ""))
    label = _label(key, description)
    rest = description[len(label):] if description.startswith(label) else ""
    help_text = rest[1:].strip() if rest[:1] in ("，", "；", "：") and rest[1:].strip() else description
    spec: dict[str, Any] = {"key": key, "path": path, "label": label, "help": help_text, "required": required}
    types = _types(schema)
    if key == "deadline":
        return {**spec, "kind": "select", "options": DEADLINES}
    if key == "model":
        return {**spec, "kind": "models"}
    if key == "topic":
        return {**spec, "kind": "topic"}
    if key in ("lead", "partners"):
        return {**spec, "kind": "roles"}
    if key == "replace":
        item = _resolve(schema["additionalProperties"], root)
        return {**spec, "kind": "replace", "item": _children(item, root, "", ())}
    if "enum" in schema:
        words = OPTIONS.get(key, {})
        options = [{"value": v, "label": words.get(v, str(v))} for v in schema["enum"] if v != "core"]
        return {**spec, "kind": "select", "options": options}
    if "object" in types and "properties" in schema:
        return {**spec, "kind": "group", "children": _children(schema, root, path, schema.get("required", ()))}
    if "object" in types:
        return {**spec, "kind": "map"}
    if "array" in types:
        items = _resolve(schema.get("items", {}), root)
        if "object" in _types(items):
            return {**spec, "kind": "list", "item": _children(items, root, "", items.get("required", ()))}
        return {**spec, "kind": "lines"}
    if "boolean" in types:
        return {**spec, "kind": "bool"}
    if types & {"integer", "number"}:
        return {**spec, "kind": "number"}
    if path == "jurisdiction.name":
        return {**spec, "kind": "place"}  # completed from the gazetteer (/api/places)
    if path == "jurisdiction.province":
        return {**spec, "kind": "text", "suggest": "provinces"}  # completed from the 34 full names
    long_text = schema.get("maxLength", 0) > 200 or key in ("vision", "goal")
    return {**spec, "kind": "textarea" if long_text else "text"}


def _children(schema: dict[str, Any], root: dict[str, Any], path: str, required: Any) -> list[dict]:
    prefix = f"{path}." if path else ""
    return [field(key, sub, root, prefix + key, key in required)
            for key, sub in schema.get("properties", {}).items()]


def form_spec(schema: dict[str, Any]) -> list[dict]:
    """The whole form: one group per top-level section, in the schema's order."""
    return _children(schema, schema, "", schema.get("required", ()))
