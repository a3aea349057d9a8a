"""`drafter init`: a commented starter profile from a few answers."""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path
from typing import Optional

import typer

from ..errors import DrafterError
from ..profile.levels import LEVELS
from ..writers.files import write_atomic
from ..render import make_environment

# Editors check the profile while typing against the installed schema.
SCHEMA = Path(str(resources.files("drafter") / "schemas/profile.schema.json"))

LEVEL_HELP = "、".join(f"{key}（{level.label}）" for key, level in LEVELS.items())


def interactive() -> bool:
    """Ask questions only when a person is at a terminal; scripts must pass options."""
    return sys.stdin.isatty()


def _ask(value: Optional[str], question: str, default: Optional[str] = None) -> str:
    if value:
        return value
    if not interactive():
        if default is not None:
            return default
        raise DrafterError(f"缺少选项：{question}。非交互运行时请用命令行选项给出（见 drafter init --help）")
    return typer.prompt(question, default=default)


def _short_name(name: str) -> str:
    for suffix in ("自治州", "自治县", "自治旗", "新区", "区", "县", "市", "州", "盟", "旗"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def init(
    name: Optional[str] = typer.Option(None, "--name", help="辖区全称，如 清河县"),
    level: Optional[str] = typer.Option(None, "--level", help=f"层级：{LEVEL_HELP}"),
    province: Optional[str] = typer.Option(None, "--province", help="所在省，如 河北省"),
    city: Optional[str] = typer.Option(None, "--city", help="上级市；地市级辖区不填"),
    start: Optional[int] = typer.Option(None, "--start", help="规划期开始年"),
    end: Optional[int] = typer.Option(None, "--end", help="规划期结束年"),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="档案文件路径，默认 profiles/<简称>.yaml"),
    force: bool = typer.Option(False, "--force", help="覆盖已存在的文件"),
) -> None:
    """生成带注释的起始档案：在终端里逐项询问，也可全部用选项给出。"""
    name = _ask(name, "辖区全称（如 清河县）")
    level = _ask(level, f"层级（{LEVEL_HELP}）")
    if level not in LEVELS:
        raise DrafterError(f"层级 {level} 无效，可选：{LEVEL_HELP}")
    province = _ask(province, "所在省（自治区、直辖市）")
    if LEVELS[level].tier == "county" and city is None:
        city = _ask(None, "上级市（直辖市的区县直接回车）", default="")
    start = start or int(_ask(None, "规划期开始年", default="2026"))
    end = end or int(_ask(None, "规划期结束年", default=str(start + 4)))
    if end < start:
        raise DrafterError(f"规划期结束年 {end} 早于开始年 {start}，请检查 --start 和 --end")
    short = _short_name(name)
    target = output or Path("profiles") / f"{short}.yaml"
    template = make_environment().get_template("starter_profile.yaml.j2")
    text = template.render(
        name=name, short=short, level=level, level_label=LEVELS[level].label, province=province,
        city=city or None, start=start, end=end, q=lambda value: json.dumps(value, ensure_ascii=False),
        schema=SCHEMA.resolve().as_uri(),
    )
    write_atomic(target, text.encode("utf-8"), force)
    typer.echo(str(target))

