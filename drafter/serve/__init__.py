"""`drafter serve`: a local web page for editing a profile with a live preview of its draft.

routes (app.py) → drafter.editing → drafter.api → html writer; nothing here drafts by itself.
"""

from __future__ import annotations

import socket
import sys
from pathlib import Path

from ..errors import DrafterError
from .guard import allowed_hosts, is_loopback

NEEDS = ("starlette", "uvicorn", "ruamel.yaml")


def missing_dependencies() -> list[str]:
    import importlib.util

    missing = []
    for name in NEEDS:
        try:
            found = importlib.util.find_spec(name) is not None
        except ModuleNotFoundError:  # ruamel itself is missing
            found = False
        if not found:
            missing.append(name)
    return missing


def _check_port(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise DrafterError(f"无法在 {host}:{port} 上启动（{exc.strerror or exc}）：端口可能已被占用，"
                               "请用 --port 换一个，如 --port 8766。") from exc


def run(target: Path, host: str = "127.0.0.1", port: int = 8765, drafting_workers: int = 2) -> None:
    """Serve until Ctrl+C. Another address than loopback only when asked, with a warning."""
    if not target.exists():
        raise DrafterError(f"{target}：找不到这个档案或文件夹，请检查路径是否写对。")
    import uvicorn

    from .app import make_app

    _check_port(host, port)
    app = make_app(target, allowed_hosts(host, port), any_address=host in ("0.0.0.0", "::"),
                   drafting_workers=drafting_workers)
    if not is_loopback(host):
        print(f"警告：正在监听 {host}，同一网络中的其他电脑也能打开这个页面、读取和修改档案，"
              "页面没有密码保护。只在可信的网络中这样做；平时请不加 --host（只允许本机访问）。", file=sys.stderr)
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else (f"[{host}]" if ":" in host else host)
    print(f"网页编辑已启动：http://{shown}:{port}/ （在浏览器中打开；按 Ctrl+C 停止）", file=sys.stderr, flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
