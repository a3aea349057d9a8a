"""`drafter diff OLD NEW`: what changed between two profiles, in Markdown for a reply."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer


def diff(
    old: Path = typer.Argument(..., help="原来的档案", show_default=False),
    new: Path = typer.Argument(..., help="修改后的档案", show_default=False),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="写入 Markdown 文件（不填则打印）"),
    force: bool = typer.Option(False, "--force", help="覆盖已存在的文件"),
) -> None:
    """比较两个档案起草的方案：新增、删去、改写的措施，单位名称和目标值的变化（Markdown）。"""
    from .. import api
    from ..diff import diff_plans
    from ..library import load_library
    from ..writers.files import write_atomic
    from .outfile import check_output_file

    library = load_library()
    plans, errors = [], []
    for path in (old, new):
        try:
            plans.append(api.plan_profile(path, library))
        except api.DrafterError as error:
            errors.append(error)
    if errors:
        raise api.combined(errors)
    text = diff_plans(plans[0], plans[1], str(old), str(new))
    if output is None:
        typer.echo(text, nl=False)
    else:
        check_output_file(output, force)
        write_atomic(output, text.encode("utf-8"), force)
        typer.echo(str(output))
