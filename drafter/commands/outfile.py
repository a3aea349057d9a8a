"""The refusal of an existing output for a command whose -o names a file (init, check, diff):
writers.files.check_writable, worded for a file name instead of `draft`'s folder. Called before
writing; write_atomic still checks again.
"""

from __future__ import annotations

from pathlib import Path

from ..writers.files import check_writable


def check_output_file(path: Path, force: bool) -> None:
    check_writable(path, force, "文件名")
