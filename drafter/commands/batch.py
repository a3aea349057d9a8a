"""What `drafter draft` shows for a batch: a progress bar while it works (at a terminal) and
a closing table — profile · output · size · 提示 · error — on stderr; written paths on stdout."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from ..batch import Outcome, draft_batch


def run_batch(paths: list[Path], out_dir: Path, fmt: str, force: bool, templates: Path | None,
              review: bool, jobs: int) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.table import Table
    from rich.text import Text

    console = Console(stderr=True, highlight=False, width=None if sys.stderr.isatty() else 140)
    columns = (TextColumn("起草"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, disable=not sys.stderr.isatty(), transient=True) as bar:
        task = bar.add_task("draft", total=len(paths))
        outcomes = draft_batch(paths, out_dir, fmt, force, templates, review, jobs,
                               progress=lambda outcome: bar.advance(task))
    table = Table(title=Text(f"起草 {len(paths)} 个档案"), show_lines=False)
    for name in ("档案", "输出文件", "篇幅", "提示", "错误"):
        table.add_column(name, overflow="fold")
    for outcome in outcomes:  # Text cells: a name or message holding "[/x]" is text, never rich markup
        table.add_row(*map(Text, (str(outcome.profile), outcome.output.name if outcome.ok and outcome.output else "—",
                                  _size(outcome), str(len(outcome.warnings)) if outcome.warnings else "—",
                                  outcome.error.splitlines()[0] if outcome.error else "—")))
    for outcome in outcomes:
        if outcome.ok and outcome.output is not None:
            typer.echo(str(outcome.output))
    console.print(table)
    failed = [o for o in outcomes if not o.ok]
    for outcome in failed:
        console.print(f"错误：{outcome.error}", markup=False, soft_wrap=True)
    console.print(f"完成 {len(outcomes) - len(failed)} 个，失败 {len(failed)} 个。", markup=False)
    return 1 if failed else 0


def _size(outcome: Outcome) -> str:
    if outcome.size is None:
        return "—"
    return f"约 {round(outcome.size.characters, -2):,} 字，{outcome.size.measures} 条"
