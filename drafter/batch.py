"""Batch drafting: many profiles, a folder or a glob, in one process or N.

Each profile stands alone: its draft is written whole or not at all, and one bad profile
does not stop the others. Two phases, so that nothing is written before every name is
known: (1) load, plan, render and write each draft to bytes — in worker processes with
--jobs; (2) check the output names (two profiles giving one file name is an error for the
later ones), then put each file in place with the safe writer.
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .errors import DrafterError
from .size import Size

PROFILE_SUFFIXES = (".yaml", ".yml")


@dataclass
class Outcome:
    """How one profile of a batch ended: its output and size, or its error."""
    profile: Path
    output: Path | None = None
    size: Size | None = None
    warnings: tuple[str, ...] = ()
    error: str | None = None
    data: bytes = field(default=b"", repr=False)

    @property
    def ok(self) -> bool:
        return self.error is None


def expand(arguments: Iterable[Path]) -> list[Path]:
    """Profiles named, the YAML files of a folder (sorted), and glob patterns (for shells that
    do not expand them, such as Windows' cmd). A pattern matching nothing is kept, to be
    reported as a missing file."""
    found: list[Path] = []
    for argument in arguments:
        text = str(argument)
        if argument.is_dir():
            found += sorted(p for p in argument.iterdir() if p.suffix.lower() in PROFILE_SUFFIXES and p.is_file())
        elif any(char in text for char in "*?[") and not argument.exists():
            matches = sorted(Path(p) for p in glob.glob(text, recursive=True))
            found += matches or [argument]
        else:
            found.append(argument)
    return list(dict.fromkeys(found))


# --- phase 1: one profile to bytes (runs in a worker process with --jobs) -----------

_LIBRARY = None


def _library():  # type: ignore[no-untyped-def]
    global _LIBRARY
    if _LIBRARY is None:
        from .library import load_library

        _LIBRARY = load_library()
    return _LIBRARY


def render_one(path: Path, out_dir: Path, fmt: str, templates: Path | None, review: bool) -> Outcome:
    from . import api

    try:
        draft = api.prepare_draft(path, _library(), out_dir, fmt, templates, review)
        return Outcome(path, draft.path, draft.size, draft.warnings, data=draft.data)
    except DrafterError as error:
        return Outcome(path, error=str(error))
    except (RecursionError, MemoryError):  # input past every limit: still one message
        return Outcome(path, error=f"{path}：档案过于复杂，无法起草，请检查是否选错了文件")
    except Exception:  # noqa: BLE001 - one profile's failure of any kind is its own row, never the batch's
        return Outcome(path, error=internal_error(path))


def internal_error(path: Path) -> str:
    """The words for a failure no check foresaw: the batch goes on, the user can report it."""
    return (f"{path}：起草这个档案时出现了工具的内部错误，其他档案不受影响。"
            "请把这个档案发给维护者；设置环境变量 DRAFTER_DEBUG=1 再运行可看到技术细节")


# --- phase 2: names checked, files put in place -------------------------------------------

def draft_batch(
    paths: list[Path], out_dir: Path, fmt: str = "docx", force: bool = False, templates: Path | None = None,
    review: bool = False, jobs: int = 1, progress: Callable[[Outcome], None] | None = None,
) -> list[Outcome]:
    from .writers.files import write_atomic

    jobs = max(1, min(jobs, os.cpu_count() or 1, len(paths) or 1))
    if jobs == 1:
        outcomes = []
        for path in paths:
            outcomes.append(render_one(path, out_dir, fmt, templates, review))
            if progress:
                progress(outcomes[-1])
    else:
        from concurrent.futures import ProcessPoolExecutor  # only for --jobs: multiprocessing costs a start

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(render_one, path, out_dir, fmt, templates, review) for path in paths]
            outcomes = []
            for path, future in zip(paths, futures):
                try:
                    outcomes.append(future.result())
                except Exception:  # noqa: BLE001 - a worker killed (out of memory) or a result that cannot travel
                    outcomes.append(Outcome(path, error=f"{path}：起草这个档案的进程意外退出（可能是内存不足），"
                                                        "其他档案不受影响；请单独起草它查看原因"))
                if progress:
                    progress(outcomes[-1])
    claimed: dict[Path, Path] = {}
    for outcome in outcomes:
        if not outcome.ok or outcome.output is None:
            continue
        first = claimed.setdefault(outcome.output, outcome.profile)
        if first != outcome.profile:
            outcome.error = (f"{outcome.profile}：与 {first} 生成同名文件 {outcome.output.name}，"
                             "请在档案中设置不同的 document.title")
            continue
        try:
            write_atomic(outcome.output, outcome.data, force)
        except DrafterError as error:
            outcome.error = str(error)
        outcome.data = b""
    return outcomes
