"""Write files without ever losing a user's file: no overwrite without force, atomic rename."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from ..errors import DrafterError

# Characters Windows and macOS refuse in file names.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def file_name(title: str, extension: str) -> str:
    return f"{_UNSAFE.sub('_', title).strip() or '未命名'}.{extension}"


def check_writable(path: Path, force: bool) -> None:
    """Called for every output before anything is written, so a refusal writes nothing."""
    if path.exists() and not force:
        raise DrafterError(f"{path}：文件已存在。要覆盖请加 --force，或用 -o 指定其他输出目录。")
    if path.exists() and path.is_dir():
        raise DrafterError(f"{path}：同名目录已存在，无法写入文件。")


def write_atomic(path: Path, data: bytes, force: bool) -> None:
    check_writable(path, force)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".drafter-", suffix=".tmp")
    except OSError as exc:
        raise DrafterError(f"{path.parent}：无法创建输出目录或临时文件（{exc.strerror}），请检查权限。") from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
        if not force and path.exists():  # appeared meanwhile: still never overwrite
            raise DrafterError(f"{path}：文件已存在。要覆盖请加 --force。")
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
