"""JSON Schema errors as Chinese problems with file, line and field path.

Every message is in words: never a regex, a Python repr or jsonschema's English.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from ..errors import Problem
from .fastschema import Check, Unsupported, compile_schema
from .yamlsource import YamlSource, clipped, escaped, field_name

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

TYPE_NAMES = {
    "object": "键值表（key: value）",
    "array": "列表（每项以“- ”开头）",
    "string": "文字",
    "integer": "整数",
    "number": "数字",
    "boolean": "true 或 false",
    "null": "空值",
}

# The schema's patterns in words, by what they check.
PATTERN_WORDS = {
    "^[a-z][a-z0-9_]*$": "应为角色键：小写英文字母、数字和下划线，以字母开头，如 justice、sheep_office",
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "日期应写成 年-月-日，如 2026-12-01（也可写 2026年12月1日）",
    "^[^\\n]*\\S[^\\n]*$": "应为一行文字，不能为空或只有空格，也不能换行",
    "\\S": "不能为空或只有空格，请填写内容",
}


MAX_GUESS = 64  # characters: difflib is quadratic, and no key, role or name is longer than 40


def close_match(word: str, choices: list[str], cutoff: float = 0.6) -> str | None:
    """The choice a slip most likely meant; None for a text too long to be a slip of any of them
    (a 200,000-character value must not take half a minute to refuse)."""
    if not choices or len(word) > MAX_GUESS:
        return None
    import difflib  # only when something is misspelt: not on every start

    found = difflib.get_close_matches(word, choices, n=1, cutoff=cutoff)
    return found[0] if found else None


def did_you_mean(word: str, choices: list[str]) -> str:
    close = close_match(word, choices)
    return f"，是否想写 {close}？" if close else ""


def shown(value: Any, limit: int = 30) -> str:
    """A value as a user typed it, short and printable: “清河”, 2026, .nan, 空值, 一个列表."""
    if value is None:
        return "空值"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        return f"{value:g}" if abs(value) >= 1e16 else repr(value)
    if isinstance(value, int):
        text = str(value)
        return text if len(text) <= 16 else f"一个 {len(text)} 位的数"
    if isinstance(value, str):
        text = escaped(value).replace("\n", "\\n")
        if len(text) > limit:
            text = f"{text[:limit]}…（共 {len(value)} 字）"
        return f"“{text}”"
    if isinstance(value, dict):
        return "一个键值表"
    if isinstance(value, list):
        return "一个列表"
    return escaped(str(value))[:limit]


def _resolve(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in schema:
        target = root.get("$defs", {}).get(schema["$ref"].rsplit("/", 1)[1], {})
        return {**_resolve(target, root), **{k: v for k, v in schema.items() if k != "$ref"}}
    return schema


def describe(root: dict[str, Any], path: tuple) -> str:
    """The schema's description of a field, following properties, items and $ref; "" if none."""
    schema = _resolve(root, root)
    for part in path:
        if isinstance(part, int):
            schema = schema.get("items", {})
        elif part in schema.get("properties", {}):
            schema = schema["properties"][part]
        else:
            extra = schema.get("additionalProperties")
            schema = extra if isinstance(extra, dict) else {}
        schema = _resolve(schema, root)
    return str(schema.get("description", ""))


def _expected(schema: dict[str, Any]) -> str:
    types = schema.get("type")
    if isinstance(types, list):
        return "或".join(TYPE_NAMES.get(t, t) for t in types if t != "null") or "空值"
    return TYPE_NAMES.get(types, "其他类型")


def _unknown_key(key: str, allowed: list[str]) -> str:
    shown_key = clipped(key)
    if "：" in key:
        name = key.split("：", 1)[0].strip()
        return (f"键 “{shown_key}” 里有全角冒号“：”（中文输入法打出的），YAML 不认。"
                f"请把“：”改为半角冒号“:”，冒号后加一个空格，如 “{escaped(name)}: …”")
    if key != key.strip(" \u3000\t"):
        return f"键 “{shown_key}” 前后有空格（可能是全角空格“　”），请删去；缩进只能用半角空格"
    hint = "。可用的键：" + "、".join(allowed) if allowed else "。这里不能有键"
    return f"未知的键 {shown_key}{did_you_mean(key, allowed) or hint}"


def _messages(error: "ValidationError", root: dict[str, Any]) -> list[tuple[tuple, str]]:
    """(field path, message) pairs for one schema error."""
    path = tuple(error.absolute_path)
    kind, value, schema, instance = error.validator, error.validator_value, error.schema, error.instance
    about = describe(root, path)
    if kind == "additionalProperties" and isinstance(instance, dict):
        allowed = sorted(schema.get("properties", {}))
        return [(path + (key,), _unknown_key(str(key), allowed)) for key in instance if key not in allowed]
    if kind == "required":
        missing = [key for key in value if key not in instance]
        return [(path + (key,), f"缺少必填项 {key}" + (f"（{describe(root, path + (key,))}）" if describe(root, path + (key,)) else "")
                 + "，请补上") for key in missing]
    if kind == "type":
        if instance is None:
            return [(path, f"没有填写（冒号后是空的），应为{_expected(schema)}；不用这一项请删去这一行")]
        return [(path, f"应为{_expected(schema)}，现在是 {shown(instance)}")]
    if kind == "enum":
        choices = [str(choice) for choice in value]
        close = did_you_mean(instance, choices) if isinstance(instance, str) else ""
        return [(path, f"取值 {shown(instance)} 无效{close or '。'}可选：{'、'.join(choices)}")]
    if kind == "minLength":
        return [(path, "不能为空，请填写内容")]
    if kind == "maxLength":
        return [(path, f"太长（{len(instance)} 字），最多 {value} 字，请精简")]
    if kind == "pattern":
        if "propertyNames" in error.schema_path:  # the key itself breaks the pattern
            return [(path + (instance,), f"键 {shown(instance)} 不合要求：{PATTERN_WORDS.get(value, '请改用英文字母、数字和下划线')}")]
        words = PATTERN_WORDS.get(value) or (f"格式不对（{about}）" if about else "格式不对，请对照示例档案修改")
        return [(path, f"{words}；现在是 {shown(instance)}")]
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        word = "不能小于" if "inimum" in kind else "不能大于"
        return [(path, f"{shown(instance)} {word} {value}" + (f"（{about}）" if about else ""))]
    if kind == "minItems":
        return [(path, f"至少要有 {value} 项")]
    if kind == "maxItems":
        return [(path, f"最多 {value} 项，现在有 {len(instance)} 项：实际的方案远少于此，请检查是否重复粘贴，"
                       "或把内容合并成较少的几项")]
    if kind == "uniqueItems":
        seen: set[str] = set()
        for index, item in enumerate(instance):
            if repr(item) in seen:
                return [(path + (index,), f"{shown(item)} 在列表中重复出现，请删去重复的一项")]
            seen.add(repr(item))
        return [(path, "列表中有重复项，请删去重复的")]
    if kind == "oneOf" and "end" in str(value):
        return [(path, f"取值 {shown(instance)} 无效：应为 1–10 的整数（第几年年底前）、end（期末）或 annual（每年）")]
    return [(path, f"取值 {shown(instance)} 不符合要求" + (f"：{about}" if about else "，请对照示例档案修改"))]


def schema_problems(source: YamlSource, schema: dict[str, Any]) -> list[Problem]:
    """Every schema problem of a loaded YAML file, in file order."""
    check = _fast_check(schema)
    if check is not None and check(source.data):
        return []  # valid: jsonschema, only needed to word the problems, is not even imported
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    for error in validator.iter_errors(source.data):
        for path, message in _messages(error, schema):
            problems.append(Problem(str(source.path), source.line_of(path), field_name(path), message))
    return sorted(problems, key=lambda problem: (problem.line or 0, problem.field))


_CHECKS: dict[int, tuple[dict[str, Any], Check | None]] = {}


def _fast_check(schema: dict[str, Any]) -> Check | None:
    """The compiled yes/no check of `schema` (None: a keyword fastschema does not know)."""
    known = _CHECKS.get(id(schema))
    if known is None or known[0] is not schema:
        try:
            check: Check | None = compile_schema(schema)
        except Unsupported:
            check = None
        known = _CHECKS[id(schema)] = (schema, check)  # holds the schema, so its id stays its own
    return known[1]
