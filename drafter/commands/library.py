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
    topic: Optional[str] = typer.Option(None, "--topic", help="只列出某个专题（或章）的措施：编号或中文标题的一部分，如 functions.streamlining、放管服、突发事件"),
    tier: Optional[str] = typer.Option(None, "--tier", help="只列出某一级：core、standard、example"),
) -> None:
    """列出措施：编号、分级、标题、来源，按专题分组（专题编号旁是它的中文标题）。"""
    from ..library import topicnames

    library = load_library()
    if tier is not None and tier not in ("core", "standard", "example"):
        raise typer.BadParameter(f"没有分级 {tier}，可选：core、standard、example", param_hint="--tier")
    keys = None if topic is None else _topic_keys(library, topic)
    from ..library import report  # with the seed parser: only for these commands

    current = None
    for measure in report.listing(library, keys, tier):
        if measure.topic != current:
            current = measure.topic
            typer.echo(f"# {topicnames.titled(library, current)}")
        typer.echo(f"{measure.id}\t{measure.tier}\t{measure.title}\t{' '.join(measure.sources)}")


def _topic_keys(library, topic: str) -> set[str]:  # type: ignore[no-untyped-def]
    """The topic and chapter keys `--topic` means: a key, or every title containing the words."""
    from ..library import topicnames

    keys = set(library.topic_ids()) | {chapter.id for chapter in library.chapters}
    if topic.strip() in keys:
        return {topic.strip()}
    found = topicnames.by_title(library, topic, chapters=True)
    if found:
        typer.echo("标题含“" + topic.strip() + "”的：" + "、".join(topicnames.titled(library, key) for key in found), err=True)
        return set(found)
    hint = topicnames.hint(library, topic) or (did_you_mean(topic, sorted(keys)) if topic.isascii() else "")
    why = "" if topic.isascii() else "（专题和章的标题中都没有这几个字）"
    raise DrafterError(f"没有专题或章 {topic}{why}{hint or '。'}"
                       "可用 drafter library stats 查看全部专题的编号和标题")


@library_app.command("show")
def show_measure(
    measure_id: str = typer.Argument(..., help="措施编号", show_default=False),
    period: str = typer.Option("2026-2030", "--period", help="按哪个规划期的方案显示措辞，如 2026-2030、2021-2025"),
) -> None:
    """显示一条措施：该规划期方案印出的正文、单位角色、时限、参数，以及所引各方案原文。"""
    library = load_library()
    ids = [measure.id for measure in library.measures()] + [rule.measure.id for rule in library.local_measures]
    if measure_id not in ids:
        raise DrafterError(f"措施库中没有措施 {measure_id}{did_you_mean(measure_id, ids) or '。'}可用 drafter library list 查看")
    start, end = parse_period(period)
    from ..library import report  # with the seed parser: only for these commands
    from ..plan.select import in_era

    measure = library.measure(measure_id)
    shown, why = in_era(measure, start)
    span = f"{start}—{end}年"
    if why == "rewritten":
        note = f"按 {span}规划期的方案显示（2021—2025 年一轮的原措辞请用 --period 2021-2025 查看）"
    elif why == "retired":
        note = f"{span}规划期的方案不再采用这条措施（属于 2021—2025 年一轮，已完成或已过时限）；以下是原措辞"
    elif why == "not_yet":
        note = f"{span}规划期的方案不采用这条措施（{measure.since} 年起的规划期才采用）；以下是 {measure.since} 年起的措辞"
    else:
        note = f"按 {span}规划期的方案显示"
    typer.echo(f"{note}\n" + report.show(library, shown or measure))


def parse_period(text: str) -> tuple[int, int]:
    """2026-2030, 2026—2030, 2026–2030年, 2026 → (first, last year); else a Chinese error."""
    from ..profile.forgiving import parse_year

    parts = [part for part in text.replace("—", "-").replace("–", "-").replace("至", "-").split("-") if part.strip()]
    years = [parse_year(part) for part in parts]
    if len(years) == 1 and years[0] is not None:
        years.append(years[0] + 4)
    if len(years) != 2 or None in years or not 2000 <= years[0] <= years[1] <= 2100:  # type: ignore[operator]
        raise typer.BadParameter(f"{text} 不是规划期：请写开始年和结束年，如 2026-2030", param_hint="--period")
    return years[0], years[1]  # type: ignore[return-value]


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
