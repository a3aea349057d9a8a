"""Safety checks before any route: the Host header (DNS rebinding), the Origin of every
request that can change something (cross-site posts) and the size of request bodies."""

from __future__ import annotations

import ipaddress
import json
from typing import Any, Awaitable, Callable

Scope = dict[str, Any]
ASGIApp = Callable[[Scope, Callable, Callable], Awaitable[None]]

MAX_BODY = 2 * 1024 * 1024  # a profile is at most 1 MB (profile/yamlcompose.py); JSON adds quoting
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
SAFE_METHODS = ("GET", "HEAD")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_hosts(host: str, port: int) -> frozenset[str]:
    """The Host headers a page served by us carries: loopback names, and the bound address."""
    names = set(LOOPBACK_NAMES)
    if host not in ("0.0.0.0", "::"):
        names.add(f"[{host}]" if ":" in host else host)
    return frozenset(f"{name}:{port}" for name in names)


def _any_address(value: str) -> bool:
    """With --host 0.0.0.0 the page is reached by an IP address; a DNS name could be rebound."""
    name = value.rsplit(":", 1)[0].strip("[]")
    try:
        ipaddress.ip_address(name)
        return True
    except ValueError:
        return name == "localhost"


class Guard:
    """ASGI middleware refusing, in Chinese, what a page of ours would never send."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str], any_address: bool = False,
                 max_body: int = MAX_BODY) -> None:
        self.app, self.hosts, self.any_address, self.max_body = app, hosts, any_address, max_body

    async def __call__(self, scope: Scope, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {key.decode("latin-1").lower(): value.decode("latin-1") for key, value in scope["headers"]}
        host = headers.get("host", "")
        if not (host in self.hosts or (self.any_address and _any_address(host))):
            return await _refuse(send, 421, f"拒绝访问：地址 {host[:60] or '（空）'} 不是本机的编辑页面地址"
                                 "（为防止 DNS 重绑定攻击，只接受 127.0.0.1 或 localhost）。")
        if scope["method"] not in SAFE_METHODS:
            origin = headers.get("origin")
            if origin != f"http://{host}":
                return await _refuse(send, 403, "拒绝请求：它不是从本机的编辑页面发出的"
                                     f"（来源 {(origin or '未注明')[:60]}），为防止其他网站冒用，已忽略。")
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            return await _refuse(send, 413, f"请求太大：超过 {self.max_body // (1024 * 1024)} MB 的上限"
                                 "（档案文件不超过 1 MB）。")
        await self.app(scope, self._bounded(receive), send)

    def _bounded(self, receive: Callable) -> Callable:
        """A body sent without Content-Length (chunked) is cut off at the same limit."""
        seen = 0

        async def bounded() -> dict:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise BodyTooLarge()
            return message

        return bounded


class BodyTooLarge(Exception):
    """Raised inside a route's body read; the app turns it into a 413."""


async def _refuse(send: Callable, status: int, message: str) -> None:
    body = json.dumps({"error": message}, ensure_ascii=False).encode("utf-8")
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"application/json; charset=utf-8"), (b"content-length", str(len(body)).encode()),
    ]})
    await send({"type": "http.response.body", "body": body})
