"""Usage errors in Chinese, exit code 2: click's own messages translated, the rest kept."""

from __future__ import annotations

import re

from . import _click as click_errors

_PATTERNS = (
    (re.compile(r"No such option: (\S+)(?: Did you mean (\S+)\?)?"),
     lambda m: f"没有选项 {m.group(1)}" + (f"，是否想写 {m.group(2)}？" if m.group(2) else "")),
    (re.compile(r"No such command '([^']+)'\."), lambda m: f"没有命令 {m.group(1)}"),
    (re.compile(r"Missing argument '([^']+)'\."), lambda m: f"缺少参数 {m.group(1).rstrip('.')}"),
    (re.compile(r"Missing option '([^']+)'\."), lambda m: f"缺少选项 {m.group(1)}"),
    (re.compile(r"Got unexpected extra arguments? \((.*)\)"), lambda m: f"多余的参数：{m.group(1)}"),
    (re.compile(r"Option '([^']+)' requires an argument\."), lambda m: f"选项 {m.group(1)} 后面要写一个值"),
    (re.compile(r"Invalid value for '?([^':]+?)'?: (.*)", re.S), lambda m: f"{m.group(1)} 的值无效：{_value(m.group(2))}"),
)


def _value(message: str) -> str:
    number = re.match(r"'(.*)' is not a valid integer", message)
    if number:
        return f"“{number.group(1)}”不是整数"
    path = re.match(r"(?:File|Path|Directory) '(.*)' does not exist\.", message)
    if path:
        return f"找不到 {path.group(1)}"
    return message


def usage_message(error: click_errors.UsageError) -> str:
    message = error.format_message()
    for pattern, words in _PATTERNS:
        found = pattern.match(message)
        if found:
            message = words(found)
            break
    path = error.ctx.command_path.split(" ")[1:] if error.ctx is not None else []
    command = " ".join(["drafter", *path])
    return f"用法错误：{message}\n运行 {command} -h 查看用法。"
