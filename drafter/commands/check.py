"""`drafter check PROFILE`: a report on the profile and its draft before it goes round."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..errors import DrafterError


def check(
    profile: Path = typer.Argument(..., help="辖区档案（YAML）", show_default=False),
    fmt: str = typer.Option("text", "--format", "-f", help="报告格式：text（屏幕）、md 或 json（写入文件）"),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="报告文件；md、json 格式不填时写入 outputs/"),
    strict: bool = typer.Option(False, "--strict", help="有任何提示（默认值、空专题、未找到的依据文件等）即以 1 退出"),
    force: bool = typer.Option(False, "--force", help="覆盖已存在的报告文件"),
    templates: Optional[Path] = typer.Option(None, "--templates", help="自定义模板目录"),
) -> None:
    """检查档案和初稿：各专题采用、删去和地方措施，默认单位和目标值，未找到的依据文件，篇幅。"""
    from .. import api
    from ..writers.files import file_name, write_atomic
    from .outfile import check_output_file

    if fmt not in ("text", "md", "json"):
        raise typer.BadParameter(f"不支持的报告格式 {fmt}，可选：text、md、json", param_hint="--format")
    report = api.check_profile(profile, templates=templates)
    if fmt == "text" and output is None:
        typer.echo(report.to_text(), nl=False)
    else:
        text = {"text": report.to_text, "md": report.to_markdown, "json": report.to_json}[fmt]()
        suffix = {"text": "txt", "md": "md", "json": "json"}[fmt]
        path = output or Path("outputs") / file_name(f"{report.title}（检查报告）", suffix)
        check_output_file(path, force)
        write_atomic(path, text.encode("utf-8"), force)
        typer.echo(str(path))
    problems = report.problems
    if problems:
        typer.echo(f"共 {len(problems)} 条提示。", err=True)
    if strict and problems:
        raise DrafterError(f"{profile}：--strict 下有 {len(problems)} 条提示未处理，见上面的报告")
