"""Help pages in Chinese: typer's own (rich panels headed Usage, Options, Commands,
"Show this message and exit.", "[required]") are English, so every command and group of
drafter writes its help with these classes instead."""

from __future__ import annotations

import inspect
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

# Arguments are shown by what they are, not by their Python names.
ARGUMENT_NAMES = {
    "profiles": "档案...", "profile": "档案", "plan": "方案文件", "old": "原档案", "new": "新档案",
    "measure_id": "措施编号", "folder": "文件夹", "file": "文件",
}
_TYPE_NAMES = {"PATH": "路径", "TEXT": "文字", "STR": "文字", "STRING": "文字", "INTEGER": "整数", "INT": "整数", "FLOAT": "数", "FILENAME": "文件", "BOOLEAN": "是否"}
HELP_LINE = "显示本帮助并退出"


def argument_name(param: Any) -> str:
    return ARGUMENT_NAMES.get(param.name or "", (param.name or "参数").upper())


def _option_value(param: Any, ctx: typer.Context) -> str:
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return ""
    kind = getattr(param.type, "name", "").upper()
    return " " + _TYPE_NAMES.get(kind, "值")


def _first_line(text: str | None) -> str:
    return inspect.cleandoc(text or "").split("\n\n")[0].replace("\n", "")


def _rows(rows: list[tuple[str, str]]) -> list[str]:
    width = max((_width(left) for left, _ in rows), default=0)
    return [f"  {left}{' ' * (width - _width(left) + 2)}{right}".rstrip() for left, right in rows]


def _width(text: str) -> int:
    """Columns on a terminal: CJK characters take two."""
    return sum(2 if "\u2e80" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef" else 1 for char in text)


def command_path(ctx: typer.Context) -> str:
    """`drafter …` whatever the program was started as (python -m drafter, a test runner)."""
    names = []
    while ctx.parent is not None:  # the root's own name may be "python -m drafter": never used
        names.append(ctx.info_name or "")
        ctx = ctx.parent
    return " ".join(["drafter", *reversed(names)])


def help_page(command: Any, ctx: typer.Context) -> str:
    params = [p for p in command.get_params(ctx) if not getattr(p, "hidden", False)]
    arguments = [p for p in params if p.param_type_name == "argument"]
    options = [p for p in params if p.param_type_name == "option"]
    usage = [command_path(ctx), "[选项]"] + [argument_name(p) if p.required else f"[{argument_name(p)}]" for p in arguments]
    if isinstance(command, TyperGroup):
        usage.append("命令 [参数]...")
    lines = ["用法：" + " ".join(usage), ""]
    if command.help:
        lines += [inspect.cleandoc(command.help), ""]
    if arguments:
        lines.append("参数：")
        lines += _rows([(argument_name(p), (getattr(p, "help", "") or "") + ("  [必填]" if p.required else ""))
                        for p in arguments])
        lines.append("")
    rows = []
    for option in options:
        names = ", ".join(sorted(option.opts, key=len)) + _option_value(option, ctx)
        text = HELP_LINE if option.name == "help" else (option.help or "")
        default = option.default
        if not getattr(option, "is_flag", False) and default not in (None, "", (), []) and option.show_default is not False:
            text += f"  [默认：{default}]"
        if option.required:
            text += "  [必填]"
        rows.append((names, text))
    lines.append("选项：")
    lines += _rows(rows)
    if isinstance(command, TyperGroup):
        commands = [(name, command.get_command(ctx, name)) for name in command.list_commands(ctx)]
        lines += ["", "命令："]
        lines += _rows([(name, _first_line(sub.help)) for name, sub in commands if sub is not None and not sub.hidden])
        lines += ["", f"运行 {command_path(ctx)} 命令 -h 查看某个命令的用法。"]
    return "\n".join(lines) + "\n"


class _ChineseHelp:
    """The help page and the help option's words, for a command and a group alike."""

    def format_help(self, ctx: typer.Context, formatter: Any) -> None:
        formatter.write(help_page(self, ctx))

    def get_help_option(self, ctx: typer.Context) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP_LINE
        return option


class ChineseCommand(_ChineseHelp, TyperCommand):
    pass


class ChineseGroup(_ChineseHelp, TyperGroup):
    pass
