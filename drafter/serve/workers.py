"""Drafting off the event loop: a few worker processes, each with the library loaded once,
so that one editor's preview does not wait for another's (drafting holds the GIL ~50 ms)."""

from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Any

_library = None


def _start() -> None:
    global _library
    from ..library import load_library

    _library = load_library()


def _loaded():  # type: ignore[no-untyped-def]
    if _library is None:
        _start()
    return _library


@lru_cache(maxsize=32)  # the same text again (undo, a focus change): the same answer
def preview_json(text: str, path: str) -> dict[str, Any]:
    from ..editing import preview

    return preview(text, Path(path), _loaded()).to_json()


def download(text: str, path: str, kind: str) -> dict[str, Any]:
    """{"name", "data"} or {"problems"} (a ValidationFailed does not survive pickling)."""
    from ..editing import download as make
    from ..errors import ValidationFailed

    try:
        name, data = make(text, Path(path), _loaded(), kind)
    except ValidationFailed as failed:
        return {"problems": [{"field": p.field, "line": p.line, "message": p.message, "text": str(p)}
                             for p in failed.problems]}
    return {"name": name, "data": data}


class Drafting:
    """The pool; `run` calls one of the functions above in a worker."""

    def __init__(self, workers: int) -> None:
        context = multiprocessing.get_context("spawn")  # no fork of a process with threads
        self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start)
        for future in [self.pool.submit(_start) for _ in range(workers)]:  # warm every worker now
            future.result()

    async def run(self, function, *args):  # type: ignore[no-untyped-def]
        return await asyncio.get_running_loop().run_in_executor(self.pool, function, *args)

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)
