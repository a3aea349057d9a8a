"""`drafter audit PLAN`: review a plan text and report findings (exit 1 when there are any)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer


def audit(
    plan: Path = typer.Argument(..., help="要审查的方案（.docx、.txt 或 .md）", show_default=False),
    profile: Optional[Path] = typer.Option(None, "--profile", "-p", help="辖区档案（YAML）：辖区、层级、单位名称"),
    name: Optional[str] = typer.Option(None, "--name", help="没有档案时：辖区全称，如 清河县"),
    level: Optional[str] = typer.Option(None, "--level", help="没有档案时：层级，如 county、district、prefecture_city"),
    province: Optional[str] = typer.Option(None, "--province", help="没有档案时：所在省份全称（不填则不查他省名称）"),
    period: Optional[str] = typer.Option(None, "--period", help="规划期，如 2026-2030（默认取档案）"),
    issued: Optional[str] = typer.Option(None, "--date", help="印发日期，如 2026-12-01（默认：档案的 document.date，未写的为今天，与 draft 相同）"),
    fmt: str = typer.Option("text", "--format", "-f", help="报告格式：text、md 或 json"),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="报告文件（不填则打印到屏幕）"),
    annotate: Optional[Path] = typer.Option(None, "--annotate", help="写一份带批注的 Word 文档（只用于 .docx 方案）"),
    ignore: Optional[str] = typer.Option(None, "--ignore", help="不报告的规则，逗号分隔，如 A701,A102（审查片段时有用）"),
    force: bool = typer.Option(False, "--force", help="覆盖已存在的报告或批注文件"),
) -> None:
    """审查一份方案：过期或未登记的依据文件、过去的时间节点、停用提法、他地名称（省份、区划、平台、口号）、层级用语、
    单位名称、缺少的国家要求、序号和比率。有问题时以 1 退出（同 lint 工具），没有问题以 0 退出。"""
    from ..audit import CODES, WRITERS, audit_file, make_context
    from ..errors import DrafterError
    from ..library import load_library
    from ..writers.files import check_writable, write_atomic

    if fmt not in WRITERS:
        raise typer.BadParameter(f"不支持的报告格式 {fmt}，可选：text、md、json", param_hint="--format")
    skipped = {code.strip().upper() for code in (ignore or "").replace("，", ",").split(",") if code.strip()}
    if skipped - set(CODES):
        raise typer.BadParameter(f"没有规则 {'、'.join(sorted(skipped - set(CODES)))}，规则编号见 README（如 A101、A701）",
                                 param_hint="--ignore")
    if annotate is not None:
        if plan.suffix.lower() != ".docx":
            raise DrafterError(f"--annotate 只能用于 Word 文档（.docx），{plan.name} 不是；请去掉 --annotate")
        if annotate.resolve() == plan.resolve():
            raise DrafterError(f"批注文件不能与原方案同名（{annotate}），以免覆盖原稿；请另取一个文件名")
        if annotate.suffix.lower() != ".docx":
            raise DrafterError(f"批注文件 {annotate} 应以 .docx 结尾")
    for path in (output, annotate):
        if path is not None:
            check_writable(path, force)
    library = load_library()
    context = make_context(library, profile, name, level, province, period, issued)
    findings = [f for f in audit_file(plan, context, library) if f.code not in skipped]
    report = WRITERS[fmt](findings, context, plan.name)
    annotated = None
    if annotate is not None:
        from ..audit.annotate import annotated_docx

        annotated = annotated_docx(plan, findings)
    if output is None:
        typer.echo(report, nl=False)
    else:
        write_atomic(output, report.encode("utf-8"), force)
        typer.echo(str(output))
    if annotated is not None and annotate is not None:
        write_atomic(annotate, annotated, force)
        typer.echo(str(annotate))
    if findings:
        typer.echo(f"共 {len(findings)} 条问题。", err=True)
        raise typer.Exit(1)
