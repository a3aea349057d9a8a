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
    "detail": {"compact": "简本（约 6,000–10,000 字，另加本地措施）", "standard": "标准（约 12,000–16,000 字）",
               "full": "全部适用措施（供挑选）"},
}
# The page's own words where the schema's description speaks YAML or option keys (the CLI's
# reference keeps those): "每行一项", "名称（类别）" as the local-facts boxes read it (form.js).
THINGS = "每行一项；类别写在名称后的括号里"
HELP = {
    "document.layout": "", "document.numbering": "", "document.indicators": "", "selection.detail": "",
    "deadline": "", "topic": "放在哪个专题下",
    "selection.model": "可选一个或多个；起草所选方案有的措施，用措施库的表述和本地的名称、年份",
    "local.zones": f"{THINGS}，如 浏阳经济技术开发区（国家级经济技术开发区）；也可写高新区、自贸试验区片区、综合保税区",
    "local.heritage": f"{THINGS}，如 某某古城（国家历史文化名城）",
    "local.rivers": f"{THINGS}，如 浏阳河（河湖长制）；名称或类别写明 长江 或 黄河 的，按长江保护法、黄河保护法写入",
    "local.farmland": "是耕地保护和粮食生产重点地区的，勾选；也可以每行写一项，如 产粮大县、高标准农田",
    "local.ethnic": "每行一项，如 土家族聚居区；自治条例、单行条例只写入自治地方的方案",
    "local.border": f"{THINGS}，如 某某口岸（陆路口岸）",
    "local.big_city": "每行一项，如 接诉即办、城市更新",
    "local.innovation": "每行一项，如 西部（重庆）科学城",
    "local.industries": f"{THINGS}，如 花炮（烟花爆竹）、羊绒",
    "local.cooperation": "每行一项，如 长株潭都市圈、成渝地区双城经济圈；写明 文旅 的只写文旅市场执法协作，写明 经济圈、同城化、一体化 的另写跨域通办",
    "local.red_resources": f"{THINGS}，如 焦裕禄精神、某某革命旧址（全国重点文物保护单位）；名称含“精神”的写入指导思想，并按英雄烈士保护法写入法治宣传",
    "local.platforms": "每行一项，如 某某市民热线、某某“一网统管”平台；省级政务服务平台按所在省份自动写入，不在此填",
    "local_units": "每行一个：代号: 单位名称，如 sheep_office: 县羊绒产业办（代号用英文字母，在地方举措中可选用）",
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


def _things(schema: dict[str, Any]) -> tuple[bool, bool]:
    """(local facts?, may be true instead?): a list of 名称 or {name, kind}, farmland's true or list."""
    refs = [schema.get("$ref", "")] + [alt.get("$ref", "") for alt in schema.get("oneOf", [])]
    things = any(ref.endswith(("/local_things", "/local_thing")) for ref in refs)
    return things, things and any(alt.get("type") == "boolean" for alt in schema.get("oneOf", []))


def _types(schema: dict[str, Any]) -> set[str]:
    kind = schema.get("type", [])
    return set(kind if isinstance(kind, list) else [kind])


def field(key: str, schema: dict[str, Any], root: dict[str, Any], path: str, required: bool = False) -> dict:
    """One field of the form; groups and lists carry their children."""
    things, flag = _things(schema)
    schema = _resolve(schema, root)
    description = str(schema.get("description", ""))
    label = _label(key, description)
    rest = description[len(label):] if description.startswith(label) else ""
    help_text = rest[1:].strip() if rest[:1] in ("，", "；", "：") and rest[1:].strip() else description
    if path.startswith("units."):
        help_text = ""  # the page says the default of the profile's level in the placeholder
    help_text = HELP.get(path, HELP.get(key, help_text)) if path in HELP or key in ("deadline", "topic") else help_text
    spec: dict[str, Any] = {"key": key, "path": path, "label": label, "help": help_text, "required": required}
    if things:  # one item a line; "名称（类别）" is read as name and kind
        return {**spec, "kind": "things", "flag": flag}
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
