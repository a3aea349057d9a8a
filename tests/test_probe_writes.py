"""Issue 17, row "writes": a kill at any moment leaves no temporary file: the draft is written
into an unnamed file (O_TMPFILE) and linked into place whole; debris of older or foreign
killed runs is removed by the next run; the SIGTERM handler is in place before any file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from drafter.writers import files
from drafter.writers.files import write_atomic

ROOT = Path(__file__).resolve().parent.parent
UNNAMED = files._unnamed(Path("/tmp")) is not None


@pytest.mark.skipif(not UNNAMED, reason="this kernel or file system has no O_TMPFILE")
@pytest.mark.parametrize("force", [False, True])
def test_no_named_file_exists_while_the_data_is_written(tmp_path, monkeypatch, force):
    seen: list[list[str]] = []
    real_fsync = os.fsync

    def watching_fsync(fd):
        seen.append(sorted(p.name for p in tmp_path.iterdir()))
        return real_fsync(fd)

    monkeypatch.setattr(files.os, "fsync", watching_fsync)
    write_atomic(tmp_path / "a.docx", b"draft", force=force)
    assert seen == [[]]
    assert [p.name for p in tmp_path.iterdir()] == ["a.docx"]
    assert (tmp_path / "a.docx").read_bytes() == b"draft" and (tmp_path / "a.docx").stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize("force", [False, True])
def test_sigkill_while_writing_leaves_nothing(tmp_path, force):
    script = f"""
import os, sys, time
sys.path.insert(0, {str(ROOT)!r})
from pathlib import Path
from drafter.writers import files
real = os.fsync
def slow(fd):
    print("writing", flush=True)
    time.sleep(30)
files.os.fsync = slow
files.write_atomic(Path({str(tmp_path / 'out' / 'a.docx')!r}), b"x" * 1_000_000, force={force})
"""
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "writing"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    left = sorted(p.name for p in (tmp_path / "out").iterdir())
    if UNNAMED:
        assert left == []
    else:  # the named fallback: the next run removes what the killed one left
        write_atomic(tmp_path / "out" / "b.docx", b"y", force=False)
        assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["b.docx"]


def test_debris_of_dead_or_old_runs_is_removed_by_the_next_run(tmp_path):
    dead = tmp_path / ".drafter-999999999-abcd1234.tmp"  # no such process
    old_style = tmp_path / ".drafter-k2j3h4.tmp"  # an older drafter's name, no pid
    living = tmp_path / f".drafter-{os.getppid()}-00000000.tmp"  # a drafter still writing
    for path in (dead, old_style, living):
        path.write_bytes(b"partial")
    hour_ago = time.time() - files.STALE_SECONDS - 10
    os.utime(old_style, (hour_ago, hour_ago))
    other = tmp_path / ".hidden-notes.tmp"
    other.write_text("mine", encoding="utf-8")
    write_atomic(tmp_path / "a.docx", b"draft", force=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([".hidden-notes.tmp", living.name, "a.docx"])


def test_the_sigterm_handler_is_installed_before_any_file_exists(tmp_path, monkeypatch):
    events: list[str] = []
    real_signal, real_open = signal.signal, os.open

    def recording_signal(number, handler):
        if number == signal.SIGTERM:
            events.append("handler")
        return real_signal(number, handler)

    def recording_open(path, flags, *args, **kwargs):
        if flags & os.O_WRONLY:
            events.append("file")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(files.signal, "signal", recording_signal)
    monkeypatch.setattr(files.os, "open", recording_open)
    write_atomic(tmp_path / "a.docx", b"draft", force=False)
    assert events[:2] == ["handler", "file"]


def test_the_named_fallback_still_never_replaces_a_file(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "_unnamed", lambda folder: None)
    write_atomic(tmp_path / "a.docx", b"first", force=False)
    with pytest.raises(files.DrafterError):
        write_atomic(tmp_path / "a.docx", b"second", force=False)
    write_atomic(tmp_path / "a.docx", b"third", force=True)
    assert (tmp_path / "a.docx").read_bytes() == b"third"
    assert [p.name for p in tmp_path.iterdir()] == ["a.docx"]
