"""`drafter init`'s questions about the locality's own facts (the profile's `local` section).

Every type is optional: at a terminal each is asked once with examples and an empty answer
skips it; the end of input (Ctrl-D) skips the rest and the profile is written with what was
given; Ctrl-C cancels as for any other question. Options (--hazard 地震 --zone …) give them
without asking.
"""

from __future__ import annotations

import json
import re
from typing import Callable

import typer

from ..errors import DrafterError
from ..profile.local import LOCAL_TYPES
from ..profile.yamlsource import XML_FORBIDDEN

_SPLIT = re.compile(r"[、,，;；\s]+")
_YES, _NO = {"是", "y", "yes", "true", "有", "1"}, {"否", "n", "no", "false", "无", "没有", "0"}


class _EndOfInput(Exception):
    """The answers ended (Ctrl-D): the remaining optional questions are skipped."""


def parse_names(text: str) -> list[str]:
    """地震、山洪 / 地震, 山洪 / 地震 山洪 → [地震, 山洪]; ValueError with the reason in words."""
    names = [name for name in _SPLIT.split(text.strip()) if name]
    for name in names:
        if len(name) > 60:
            raise ValueError(f"名称“{name[:20]}…”太长（{len(name)} 字），最多 60 字")
        if XML_FORBIDDEN.search(name):
            raise ValueError("名称不能含有控制字符")
    return list(dict.fromkeys(names))


def parse_yes(text: str) -> bool | None:
    word = text.strip().lower()
    if not word:
        return None
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise ValueError("请回答 是 或 否（直接回车跳过）")


def _raw_prompt(question: str) -> str:
    """One line of input; EOF ends the optional questions, Ctrl-C cancels (typer.Abort)."""
    from typer._click import termui  # the prompt function the test runner replaces too

    try:
        return termui.visible_prompt_func(f"{question}: ")
    except EOFError:
        raise _EndOfInput from None
    except KeyboardInterrupt:
        raise typer.Abort() from None


def _ask(question: str, parse: Callable[[str], object]) -> object:
    while True:
        answer = _raw_prompt(question)
        try:
            return parse(answer)
        except ValueError as bad:
            typer.echo(f"{bad}。请重新输入。", err=True)


def local_facts(given: dict[str, list[str]], farmland: bool | None, ask: bool,
                record: Callable[[str, str], None]) -> dict[str, object]:
    """The `local` section: {type: [names]} and farmland: true, from options, else asked.
    `record(option, value)` keeps each answer for the resume hint."""
    facts: dict[str, object] = {}
    for key, names in given.items():
        try:
            facts[key] = [name for value in names for name in parse_names(value)]
        except ValueError as bad:
            raise DrafterError(f"选项 {LOCAL_TYPES[key].flag} {names[0]}：{bad}") from None
    if farmland is not None:
        facts["farmland"] = farmland
    if facts or not ask:
        return {key: value for key, value in facts.items() if value}
    typer.echo("本地情况（写入相应专题的本地措施和总体目标）：每项可填多个名称，用顿号分隔；直接回车跳过。")
    try:
        for key, kind in LOCAL_TYPES.items():
            if key == "farmland":
                answer = _ask(f"{kind.label}：是否为耕地保护和粮食生产重点地区（是/否）", parse_yes)
                if answer is not None:
                    facts[key] = answer
                    record("--farmland" if answer else "--no-farmland", "")
                continue
            names = _ask(f"{kind.label}（如 {kind.example}）", parse_names)
            if names:
                facts[key] = names
                for name in names:  # type: ignore[attr-defined]
                    record(kind.flag, name)
    except _EndOfInput:
        typer.echo("", err=False)
    return {key: value for key, value in facts.items() if value}


def local_yaml(facts: dict[str, object]) -> str:
    """The `local:` block of the starter profile: the given facts, or a commented example."""
    if not facts:
        return (
            "# 本地情况：每类可选，写入相应专题的本地措施和总体目标（见 README“本地情况”）。\n"
            "local:\n"
            "  # hazards: [地震, 山洪]              # 主要自然灾害风险\n"
            "  # safety_risks: [危化品, 烟花爆竹]   # 重点安全生产风险\n"
            "  # zones: [{name: 某某经济开发区, kind: 省级开发区}]\n"
            "  # heritage: [{name: 某某古城, kind: 国家历史文化名城}]\n"
            "  # red_resources: [某某精神, 某某革命旧址]   # 红色资源和精神谱系\n"
            "  # rivers: [{name: 某某河, kind: 河湖长制}]\n"
            "  # industries: [某某特色产业]\n"
            "  # cooperation: [京津冀协同发展]\n"
            "  # platforms: [某某市民热线]           # 本辖区自建的政务服务和社会治理平台\n"
            "  # farmland: true                    # 耕地保护和粮食生产重点地区\n"
        )
    lines = ["# 本地情况：写入相应专题的本地措施和总体目标（见 README“本地情况”）。", "local:"]
    for key, value in facts.items():
        shown = "true" if value is True else "false" if value is False else \
            "[" + ", ".join(json.dumps(name, ensure_ascii=False) for name in value) + "]"  # type: ignore[union-attr]
        lines.append(f"  {key}: {shown}".ljust(40) + f"# {LOCAL_TYPES[key].label}")
    return "\n".join(lines) + "\n"
