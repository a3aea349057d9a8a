"""`drafter library …` and `drafter ingest`: look into the measure library and into plans."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..errors import DrafterError
from ..library import load_library
from ..profile.messages import did_you_mean
from .helptext import ChineseGroup

library_app = typer.Typer(cls=ChineseGroup, help="查看共性措施库：列表、单条措施及其来源、统计、导出。", no_args_is_help=True)


@library_app.command("list")
def list_measures(
    topic: Optional[str] = typer.Option(None, "--topic", help="只列出某个专题（或章）的措施，如 functions.streamlining"),
    tier: Optional[str] = typer.Option(None, "--tier", help="只列出某一级：core、standard、example"),
) -> None:
    """列出措施：编号、分级、标题、来源。"""
    library = load_library()
    topics = library.topic_ids() + [chapter.id for chapter in library.chapters]
    if topic is not None and topic not in topics:
        raise DrafterError(f"没有专题 {topic}{did_you_mean(topic, topics) or '。'}可用 drafter library stats 查看专题编号")
    if tier is not None and tier not in ("core", "standard", "example"):
        raise typer.BadParameter(f"没有分级 {tier}，可选：core、standard、example", param_hint="--tier")
    from ..library import report  # with the seed parser: only for these commands

    for measure in report.listing(library, topic, tier):
        typer.echo(f"{measure.id}\t{measure.tier}\t{measure.title}\t{' '.join(measure.sources)}")


@library_app.command("show")
def show_measure(measure_id: str = typer.Argument(..., help="措施编号", show_default=False)) -> None:
    """显示一条措施：正文、单位角色、时限、参数，以及所引各方案原文。"""
    library = load_library()
    ids = [measure.id for measure in library.measures()] + [rule.measure.id for rule in library.local_measures]
    if measure_id not in ids:
        raise DrafterError(f"措施库中没有措施 {measure_id}{did_you_mean(measure_id, ids) or '。'}可用 drafter library list 查看")
    from ..library import report  # with the seed parser: only for these commands

    typer.echo(report.show(library, library.measure(measure_id)))


@library_app.command("stats")
def stats() -> None:
    """统计：各章、各专题、各分级的措施数，各方案的引用情况，未覆盖的条目。"""
    from ..library import report  # with the seed parser: only for these commands

    typer.echo(report.stats(load_library()))


@library_app.command("export")
def export(fmt: str = typer.Option("json", "--format", help="导出格式（目前为 json）")) -> None:
    """把整个措施库导出为 JSON 数组，供其他工具读取。"""
    if fmt != "json":
        raise typer.BadParameter(f"不支持的导出格式 {fmt}，目前只支持 json", param_hint="--format")
    from ..library import report  # with the seed parser: only for these commands

    typer.echo(report.export_json(load_library()))


def ingest(
    plan: Path = typer.Argument(..., help="方案文件（.txt 或 .docx）", show_default=False),
    key: Optional[str] = typer.Option(None, "--key", help="引用前缀，默认取文件名"),
    fmt: str = typer.Option("yaml", "--format", help="输出格式：yaml 或 json"),
) -> None:
    """解析一份方案：章节、专题、条目编号、正文、牵头/参加/责任单位和时限。"""
    if fmt not in ("yaml", "json"):
        raise typer.BadParameter(f"不支持的输出格式 {fmt}，可选：yaml、json", param_hint="--format")
    from ..ingest import dump_json, dump_yaml, parse_plan, read_plan  # only for ingest: not on every start

    items = parse_plan(read_plan(plan), key or plan.stem)
    typer.echo(dump_json(items) if fmt == "json" else dump_yaml(items), nl=False)
