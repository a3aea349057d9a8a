"""JSON Schema errors as Chinese problems with file, line and field path."""

from __future__ import annotations

import difflib
from typing import Any

import jsonschema
from jsonschema.exceptions import ValidationError

from ..errors import Problem
from .yamlsource import YamlSource

TYPE_NAMES = {
    "object": "键值表（key: value）",
    "array": "列表（每项以“- ”开头）",
    "string": "文字",
    "integer": "整数",
    "number": "数字",
    "boolean": "true 或 false",
    "null": "空值",
}


def did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"，是否想写 {close[0]}？" if close else ""


def _field(path: tuple) -> str:
    return ".".join(str(part) for part in path)


def _expected(schema: dict[str, Any]) -> str:
    types = schema.get("type")
    if isinstance(types, list):
        return "或".join(TYPE_NAMES.get(t, t) for t in types)
    return TYPE_NAMES.get(types, str(types))


def _messages(error: ValidationError) -> list[tuple[tuple, str]]:
    """(field path, message) pairs for one schema error."""
    path = tuple(error.absolute_path)
    kind, value, schema = error.validator, error.validator_value, error.schema
    if kind == "additionalProperties" and isinstance(error.instance, dict):
        allowed = sorted(schema.get("properties", {}))
        extra = [key for key in error.instance if key not in allowed]
        hint = "可用的键：" + "、".join(allowed) if allowed else "这里不能有键"
        return [
            (path + (key,), f"未知的键 {key}{did_you_mean(str(key), allowed) or '。' + hint}")
            for key in extra
        ]
    if kind == "required":
        missing = [key for key in value if key not in error.instance]
        return [(path + (key,), f"缺少必填项 {key}，请补上") for key in missing]
    if kind == "type":
        return [(path, f"应为{_expected(schema)}，现在是 {error.instance!r}")]
    if kind == "enum":
        choices = [str(choice) for choice in value]
        return [(path, f"取值 {error.instance!r} 无效{did_you_mean(str(error.instance), choices)}可选：{'、'.join(choices)}")]
    if kind == "minLength":
        return [(path, "不能为空，请填写内容")]
    if kind == "maxLength":
        return [(path, f"太长（{len(error.instance)} 字），最多 {value} 字，请精简")]
    if kind == "pattern":
        if "\\n" in value:
            return [(path, "应为一行文字，不能为空或只有空格，也不能换行")]
        return [(path, f"格式不对：{error.instance!r}（应符合 {value}）")]
    if kind in ("minimum", "maximum"):
        word = "不能小于" if kind == "minimum" else "不能大于"
        return [(path, f"{error.instance!r} {word} {value}")]
    if kind == "minItems":
        return [(path, f"至少要有 {value} 项")]
    if kind == "uniqueItems":
        return [(path, "列表中有重复项，请删去重复的")]
    if kind == "oneOf":
        return [(path, f"取值 {error.instance!r} 无效：应为 1–10 的整数（第几年年底前）、end（期末）或 annual（每年）")]
    return [(path, f"不符合要求：{error.message}")]


def schema_problems(source: YamlSource, schema: dict[str, Any]) -> list[Problem]:
    """Every schema problem of a loaded YAML file, in file order."""
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    for error in validator.iter_errors(source.data):
        for path, message in _messages(error):
            problems.append(Problem(str(source.path), source.line_of(path), _field(path), message))
    return sorted(problems, key=lambda problem: (problem.line or 0, problem.field))
