"""The refusal of an existing output for a command whose -o names a file (init, check, diff).

writers.files.check_writable words it for `draft`, whose -o is a folder; these commands say
what their -o takes instead. Called before writing; write_atomic still checks again.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import DrafterError


def check_output_file(path: Path, force: bool) -> None:
    if os.path.lexists(path) and path.is_dir() and not path.is_symlink():
        raise DrafterError(f"{path}：同名文件夹已存在，无法写入文件，请用 -o 指定其他文件名。")
    if os.path.lexists(path) and not force:
        kind = "符号链接" if path.is_symlink() else "文件"
        raise DrafterError(f"{path}：{kind}已存在。要覆盖请加 --force，或用 -o 指定其他文件名。")
