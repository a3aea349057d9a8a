"""Usage errors in Chinese, exit code 2: each kind of click error worded from its fields,
never from click's English text; typos of commands and options get a suggestion."""

from __future__ import annotations

import re
from typing import Any

from . import _click as click  # the one place that knows where typer keeps click

from .helptext import argument_name, command_path


def _param_words(param: Any, hint: str | None) -> str:
    if param is not None:
        if param.param_type_name == "argument":
            return f"参数 {argument_name(param)}"
        return "选项 " + "/".join(sorted(param.opts, key=len, reverse=True))
    return f"选项 {hint}" if hint else "参数"


def _value_words(error: click.BadParameter) -> str:
    """The reason a value was refused: our own Chinese reasons pass through; click's are reworded."""
    message = error.message
    if not message.isascii():
        return message
    number = re.match(r"'(.*)' is not a valid (int|integer|float)\b", message)
    if number:
        return f"“{number.group(1)}”不是{'数' if number.group(2) == 'float' else '整数'}"
    bound = re.match(r"(-?\d+) is not in the range (.*)\.", message)
    if bound:
        return f"{bound.group(1)} 超出范围（应{bound.group(2).replace('x>=', '不小于 ').replace('x<=', '不大于 ')}）"
    path = re.match(r"(?:File|Path|Directory) '(.*)' does not exist\.", message)
    if path:
        return f"找不到 {path.group(1)}"
    return "这个值不能用，请运行 -h 查看这个选项可写的值"


def _suggest(word: str, choices: list[str]) -> str:
    from ..profile.messages import close_match

    close = close_match(word, sorted(choices), cutoff=0.5)
    return f"，是否想写 {close}？" if close else ""


def _options_of(error: click.UsageError) -> list[str]:
    command = error.ctx.command if error.ctx is not None else None
    if command is None:
        return []
    return [name for param in command.params for name in (*param.opts, *param.secondary_opts) if name.startswith("--")]


def _commands_of(error: click.UsageError) -> list[str]:
    command = error.ctx.command if error.ctx is not None else None
    lister = getattr(command, "list_commands", None)
    return list(lister(error.ctx)) if lister else []


def message_of(error: click.UsageError) -> str:
    if isinstance(error, click.NoSuchOption):
        return f"没有选项 {error.option_name}" + _suggest(error.option_name, _options_of(error))
    if isinstance(error, click.MissingParameter):
        param = error.param
        what = _param_words(param, error.param_hint if isinstance(error.param_hint, str) else None)
        about = f"（{param.help}）" if param is not None and getattr(param, "help", None) else ""
        return f"缺少{what}{about}"
    if isinstance(error, click.BadParameter):
        return f"{_param_words(error.param, error.param_hint if isinstance(error.param_hint, str) else None)} 的值无效：{_value_words(error)}"
    message = error.message
    unknown = re.match(r"No such command '(.+)'\.", message)
    if unknown:
        return f"没有命令 {unknown.group(1)}" + _suggest(unknown.group(1), _commands_of(error))
    extra = re.match(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", message)
    if extra:
        return f"多余的参数：{extra.group(1)}（文件名里有空格时请加引号）"
    flag = re.match(r"Option '([^']+)' does not take a value\.", message)
    if flag:
        return f"选项 {flag.group(1)} 是开关，不带值：写 {flag.group(1)} 即可，不要写 {flag.group(1)}=…"
    needs = re.match(r"Option '([^']+)' requires an? (?:argument|\d+ arguments)\.", message)
    if needs:
        return f"选项 {needs.group(1)} 后面要写一个值"
    if not message.isascii():
        return message
    return "命令写法不对"


def usage_message(error: click.UsageError) -> str:
    command = command_path(error.ctx) if error.ctx is not None else "drafter"
    return f"用法错误：{message_of(error)}\n运行 {command} -h 查看用法。"
