"""`drafter serve`: parses options and starts the local editing page (drafter.serve)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer


def serve(
    target: Optional[Path] = typer.Argument(
        None, metavar="[档案]", show_default=False,
        help="要编辑的档案，或存放档案的文件夹；不填时用 profiles 文件夹（没有则用当前文件夹）"),
    port: int = typer.Option(8765, "--port", "-p", min=1, max=65535, help="端口"),
    host: str = typer.Option("127.0.0.1", "--host",
                             help="监听地址；默认只允许本机访问，改为其他地址时其他电脑也能打开（会给出警告）"),
    workers: int = typer.Option(2, "--workers", min=1, max=16, help="同时起草预览的进程数"),
) -> None:
    """在浏览器中编辑档案：按档案字段生成的表单，旁边实时预览初稿，可保存档案、下载 Word 稿、审阅稿、分工表和检查报告。"""
    from ..serve import missing_dependencies

    if missing_dependencies():
        typer.echo('错误：网页编辑需要另装几个库（starlette、uvicorn、ruamel.yaml），请运行 pip install "drafter[serve]"'
                   "（在本目录中为 pip install \".[serve]\"）后重试。", err=True)
        raise typer.Exit(1)
    from ..serve import run

    if target is None:
        target = Path("profiles") if Path("profiles").is_dir() else Path(".")
    try:
        run(target, host, port, workers)
    except KeyboardInterrupt:
        pass
    typer.echo("网页编辑已停止。", err=True)
