"""The page's own files, shipped in drafter/serve/static (no CDN: the page works offline).
Only the names listed here are served, so no request can reach another file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from starlette.responses import Response

STATIC = Path(__file__).resolve().parent / "static"
ASSETS = {
    "index.html": "text/html; charset=utf-8",
    "style.css": "text/css; charset=utf-8",
    "form.js": "text/javascript; charset=utf-8",
    "places.js": "text/javascript; charset=utf-8",
    "units.js": "text/javascript; charset=utf-8",
    "labels.js": "text/javascript; charset=utf-8",
    "app.js": "text/javascript; charset=utf-8",
    "favicon.svg": "image/svg+xml",
}
# The preview is the html writer's page in a sandboxed frame (srcdoc): its inline <style> needs
# 'unsafe-inline' for styles; scripts only from here.
POLICY = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; "
          "img-src 'self' data:; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


@lru_cache(maxsize=None)
def _read(name: str) -> bytes:
    return (STATIC / name).read_bytes()


def asset(name: str) -> Response:
    return Response(_read(name), media_type=ASSETS[name], headers={
        "Content-Security-Policy": POLICY, "X-Content-Type-Options": "nosniff", "Cache-Control": "no-cache",
        "Referrer-Policy": "no-referrer",
    })
