"""Command line: parses options and calls the API. Every user error is caught once, here."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import sys

from . import _click as click_errors
import typer

from typer.core import TyperCommand

from .helptext import ChineseCommand, ChineseGroup

from ..errors import DrafterError


class _Commands(ChineseGroup):
    """Turns a DrafterError from any command into one Chinese message and exit code 1, and a
    usage error (unknown option, bad --format) into a Chinese message and exit code 2. A
    failure nobody foresaw is one Chinese line too, never a traceback (DRAFTER_DEBUG=1 shows it)."""

    def invoke(self, ctx: typer.Context):  # type: ignore[no-untyped-def, override]
        try:
            return super().invoke(ctx)
        except DrafterError as error:
            typer.echo(f"错误：{error}", err=True)
            raise typer.Exit(1) from None
        except (click_errors.ClickException, click_errors.Abort, typer.Exit, KeyboardInterrupt, SystemExit):
            raise
        except (MemoryError, RecursionError):
            typer.echo("错误：输入过大或过于复杂，无法处理，没有写入任何文件。请检查是否选错了文件。", err=True)
            raise typer.Exit(1) from None
        except Exception:
            import os

            if os.environ.get("DRAFTER_DEBUG"):
                raise
            typer.echo("错误：drafter 出现了内部错误，没有写入任何文件。请把所用的命令和档案发给维护者；"
                       "设置环境变量 DRAFTER_DEBUG=1 再运行可看到技术细节。", err=True)
            raise typer.Exit(1) from None

    def main(self, *args, standalone_mode: bool = True, **kwargs):  # type: ignore[no-untyped-def, override]
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except click_errors.NoArgsIsHelpError as error:  # `drafter` or `drafter library` alone: the help page
            typer.echo(error.ctx.get_help() if error.ctx is not None else "", err=False)
            code = 0
        except click_errors.UsageError as error:
            from .usage import usage_message  # only on a usage error

            typer.echo(usage_message(error), err=True)
            code = 2
        except click_errors.ClickException as error:
            typer.echo(f"错误：{error.format_message()}", err=True)
            code = error.exit_code
        except (click_errors.Abort, KeyboardInterrupt):
            typer.echo("已中止，没有写入不完整的文件。", err=True)
            code = 130
        if standalone_mode:
            sys.exit(code if isinstance(code, int) else 0)
        return code


app = typer.Typer(
    cls=_Commands,
    help="drafter：起草法治政府建设实施方案（实施意见、规划）的工具。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

FORMAT_HELP = ("输出格式：docx（Word 公文格式）、md（Markdown，便于比对）、html（浏览器预览）、"
               "pdf（经 LibreOffice 转换）、xlsx（重点任务分工表）")


@app.command()
def draft(
    profiles: list[Path] = typer.Argument(..., help="一个或多个辖区档案（YAML）", show_default=False),
    output: Path = typer.Option(Path("outputs"), "-o", "--output",
                                help="输出目录；只起草一个档案时也可写文件名（如 -o 初稿.docx，扩展名即格式）"),
    fmt: str = typer.Option("docx", "--format", "-f", help=FORMAT_HELP),
    force: bool = typer.Option(False, "--force", help="覆盖已存在的同名文件"),
    templates: Optional[Path] = typer.Option(None, "--templates", help="自定义模板目录（只需放要改的模板文件）"),
    review: bool = typer.Option(False, "--review", help="写审阅稿：<标题>（审阅稿）.docx，每条措施带来源批注，默认值标黄并批注（加 --format pdf 得带注释的 PDF）"),
    jobs: int = typer.Option(1, "--jobs", "-j", help="批量起草时同时使用的进程数（1 或更多）"),
) -> None:
    """按档案起草方案，写入 输出目录/<标题>.<格式>，每写一个文件打印一行路径。

    可以给多个档案、一个文件夹（其中所有 .yaml）或通配符（如 "profiles/*.yaml"）：批量起草时
    每个档案单独成败，显示进度和汇总表，有任何档案失败则以 1 退出。"""
    from .. import api  # the drafting stack (templates, plan, writers) only for the commands that draft
    from ..batch import expand
    from ..writers import WRITERS
    from .outfile import draft_target

    if fmt not in WRITERS:
        raise typer.BadParameter(f"不支持的格式 {fmt}，可选：{'、'.join(WRITERS)}", param_hint="--format")
    if jobs < 1:
        raise typer.BadParameter(f"{jobs} 不能用：进程数至少为 1（不加 --jobs 即为 1）", param_hint="--jobs")
    if review and fmt not in api.REVIEW_FORMATS:
        raise typer.BadParameter(api.REVIEW_ONLY, param_hint="--format")
    paths = expand(profiles)
    if not paths:
        raise DrafterError(f"{'、'.join(map(str, profiles))} 中没有档案（.yaml 或 .yml 文件）")
    batch = len(paths) != 1 or paths[0] not in profiles
    fmt, out_file = draft_target(output, fmt, tuple(WRITERS), batch)
    if review and fmt not in api.REVIEW_FORMATS:
        raise typer.BadParameter(f"审阅稿（--review）只能是 Word 格式或 PDF，请把文件名改为 "
                                 f"{output.with_suffix('.docx').name}", param_hint="--output")
    if batch:
        from .batch import run_batch

        raise typer.Exit(run_batch(paths, output, fmt, force, templates, review, jobs))
    for draft in api.draft_files(profiles, output, fmt, force, templates, review=review, out_file=out_file):
        typer.echo(str(draft.path))
        if draft.size is not None:
            typer.echo(f"{draft.path.name}：{draft.size.line(fmt)}", err=True)
        for warning in draft.warnings:
            typer.echo(f"提示：{draft.profile.path}：{warning}", err=True)


@app.command()
def validate(
    profiles: list[Path] = typer.Argument(..., help="一个或多个辖区档案（YAML）", show_default=False),
) -> None:
    """检查档案：一次列出所有问题（文件、行号、字段、怎么改）。"""
    from .. import api
    from ..library import load_library
    from ..plan.basischeck import basis_hints
    from ..plan.placehints import foreign_place_hints

    library = load_library()
    loaded, errors = api.load_profiles(profiles, library)
    for profile in loaded:
        typer.echo(f"{profile.path}：检查通过")
        for hint in profile.notes + basis_hints(profile, library) + foreign_place_hints(profile):
            typer.echo(f"提示：{profile.path}：{hint}", err=True)
    if errors:
        raise api.combined(errors)


@app.command()
def units(
    profile: Path = typer.Argument(..., help="辖区档案（YAML）；导入时写 import", show_default=False),
    source: Optional[Path] = typer.Argument(None, help="import 时：本地部门名单（.txt/.docx/.xlsx，一行一个单位）", show_default=False),
    target: Optional[Path] = typer.Argument(None, help="import 时：要写入的辖区档案", show_default=False),
) -> None:
    """列出各单位角色在本辖区的名称，并标出哪些是默认名称；drafter units import 名单 档案 把本地部门名单写入档案的 units。"""
    from ..library import load_library
    from ..plan.units import resolve_units
    from ..profile import load_profile

    library = load_library()
    if str(profile) == "import":
        from .unitsimport import import_units, report_lines

        if source is None or target is None:
            raise typer.BadParameter("用法：drafter units import 名单文件 档案", param_hint="import")
        report = import_units(source, load_profile(target, library), library)
        for line in report_lines(report, source, target):
            typer.echo(line)
        return
    if source is not None:  # as click words it, so the usage layer says it in Chinese like any extra argument
        extras = " ".join(str(arg) for arg in (source, target) if arg is not None)
        from typer._click import exceptions, globals as context

        raise exceptions.UsageError(f"Got unexpected extra argument ({extras})", context.get_current_context())
    loaded = load_profile(profile, library)
    rows = resolve_units(loaded, library).values()
    width = max(len(unit.role) for unit in rows)
    typer.echo("角色键" + " " * (width + 2 - 6) + "来源  单位名称（角色）")  # 角色键 is 6 columns wide
    for unit in rows:
        if unit.unset:  # no default name: written in a measure only once the profile's units name it
            typer.echo(f"{unit.role.ljust(width + 2)}未设置  （{unit.label}）没有默认名称，在档案 units 中写上本地名称后才写入措施")
            continue
        origin = "默认" if unit.is_default else "档案"
        rule = f"  {unit.rule}" if unit.is_default and unit.rule else ""
        typer.echo(f"{unit.role.ljust(width + 2)}{origin}  {unit.name}（{unit.label}）{rule}")
    defaults = sum(unit.is_default and not unit.unset for unit in rows)
    typer.echo(f"共 {len(rows)} 个角色，其中 {defaults} 个使用按层级生成的默认名称；在档案 units 中可改写。")


def _register_subcommands() -> None:
    # Imported here so that this module stays the one place that knows all commands.
    from .audit import audit
    from .check import check
    from .diff import diff
    from .init import init
    from .library import ingest, library_app
    from .serve import serve

    app.command()(init)
    app.command()(check)
    app.command()(audit)
    app.command()(diff)
    app.command()(ingest)
    app.command()(serve)
    app.add_typer(library_app, name="library")
    for typer_app in (app, library_app):  # every help page in Chinese
        for info in typer_app.registered_commands:
            if info.cls in (None, TyperCommand):
                info.cls = ChineseCommand


_register_subcommands()


def main() -> None:
    app()
