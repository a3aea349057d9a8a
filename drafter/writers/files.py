"""Write files without ever losing a user's file.

- Every output is written to a temporary file in the target directory and then put in
  place in one step. Without --force that step is a hard link (`os.link`), which fails if
  anything at all has the name — a file, a directory, a symlink even when dangling — so two
  drafters racing for one name never replace each other. With --force it is `os.replace`.
  On file systems without hard links, an exclusive create (O_EXCL) claims the name first.
- SIGTERM or Ctrl-C while writing removes the temporary file.
- Errors of the system (disk full, no permission, read-only) are a Chinese message.

File names made from profile strings follow one rule (`file_name`):
1. characters Windows or macOS refuse (\\ / : * ? " < > |), control characters and invisible
   format characters (such as the right-to-left override U+202E) become "_";
2. leading dots and spaces, and trailing dots and spaces, are removed (no hidden files;
   Windows drops trailing dots itself);
3. a Windows device name (CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9) gets a leading "_";
4. an empty name becomes 未命名;
5. a name longer than 255 bytes (UTF-8, extension included) is shortened at a character
   boundary, keeping a closing period such as （2026—2030年） and marking the cut with "…".
"""

from __future__ import annotations

import errno
import os
import re
import signal
import unicodedata
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..errors import DrafterError

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$", re.IGNORECASE)
_PERIOD = re.compile(r"（\d{4}—\d{4}年）.*$")
MAX_BYTES = 255

_REASONS = {
    errno.ENOSPC: "磁盘空间不足", errno.EDQUOT: "磁盘配额已满", errno.EFBIG: "文件超过系统允许的大小",
    errno.EACCES: "没有写入权限", errno.EPERM: "没有写入权限", errno.EROFS: "所在位置只读",
    errno.ENAMETOOLONG: "文件名太长", errno.ENOTDIR: "路径中有一段不是文件夹", errno.EISDIR: "同名文件夹已存在",
}


def reason(exc: OSError) -> str:
    return _REASONS.get(exc.errno or 0, f"系统错误，错误号 {exc.errno}")


def file_name(title: str, extension: str) -> str:
    stem = "".join("_" if unicodedata.category(c) in ("Cf", "Cc", "Cs", "Zl", "Zp") else c for c in title)
    stem = _UNSAFE.sub("_", stem).strip(" .\u3000") or "未命名"
    if _RESERVED.match(stem):
        stem = "_" + stem
    suffix = f".{extension}"
    if len((stem + suffix).encode("utf-8")) > MAX_BYTES:
        period = _PERIOD.search(stem)
        tail = period.group(0) if period and len(period.group(0).encode()) < 100 else ""
        head = stem[: len(stem) - len(tail)]
        budget = MAX_BYTES - len((tail + suffix + "…").encode("utf-8"))
        while len(head.encode("utf-8")) > budget:
            head = head[:-1]
        stem = head.rstrip(" .") + "…" + tail
    return stem + suffix


def check_writable(path: Path, force: bool, other: str = "输出目录") -> None:
    """Called for every output before anything is written, so a refusal writes nothing. `other`
    is what the command's -o takes: a folder for `draft`, a file name for init, check and diff."""
    if os.path.lexists(path) and path.is_dir() and not path.is_symlink():
        raise DrafterError(f"{path}：同名文件夹已存在，无法写入文件，请用 -o 指定其他{other}。")
    if os.path.lexists(path) and not force:
        kind = "符号链接" if path.is_symlink() else "文件"
        raise DrafterError(f"{path}：{kind}已存在。要覆盖请加 --force，或用 -o 指定其他{other}。")


@contextmanager
def _interruptible() -> Iterator[None]:
    """SIGTERM behaves like Ctrl-C while a file is written, so the `finally` cleanup runs."""
    def stop(signum, frame):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread: the caller's own handling applies
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


TEMP_PREFIX = ".drafter-"
STALE_SECONDS = 3600  # a temporary file of no living drafter, or this old, is debris of a killed run


def _temp_name(folder: Path) -> Path:
    import secrets

    return folder / f"{TEMP_PREFIX}{os.getpid()}-{secrets.token_hex(4)}.tmp"


def remove_stale(folder: Path) -> None:
    """Temporary files a killed run left (SIGKILL cannot be caught): those of a process that no
    longer runs, and any older than STALE_SECONDS."""
    import time

    try:
        entries = [entry for entry in os.scandir(folder) if entry.name.startswith(TEMP_PREFIX) and entry.name.endswith(".tmp")]
    except OSError:
        return
    for entry in entries:
        try:
            pid_text = entry.name[len(TEMP_PREFIX):].split("-", 1)[0]
            alive = pid_text.isdigit() and _alive(int(pid_text))
            if not alive or time.time() - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS:
                os.unlink(entry.path)
        except OSError:
            continue


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _unnamed(folder: Path) -> int | None:
    """An unnamed file in `folder` (O_TMPFILE): no kill can leave it behind. None where the
    kernel or file system has none."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not os.path.isdir("/proc/self/fd"):
        return None
    try:
        return os.open(folder, flag | os.O_WRONLY, 0o644)
    except OSError as exc:
        if exc.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
            return None
        raise


def write_atomic(path: Path, data: bytes, force: bool) -> None:
    check_writable(path, force)
    with _interruptible():  # before any file exists, so a SIGTERM at any moment cleans up
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            remove_stale(path.parent)
            handle = _unnamed(path.parent)
            temporary = None
            if handle is None:
                temporary = _temp_name(path.parent)
                handle = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except OSError as exc:
            raise DrafterError(f"{path.parent}：无法创建输出文件夹或临时文件（{reason(exc)}），请检查位置和权限。") from exc
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
                if temporary is None:
                    os.fchmod(stream.fileno(), 0o644)
                    temporary = _link_unnamed(stream.fileno(), path, force)
            if temporary is not None:
                os.chmod(temporary, 0o644)
                _put_in_place(temporary, path, force)
        except FileExistsError as exc:
            raise DrafterError(f"{path}：文件已存在（可能是同时运行的另一次起草写入的）。要覆盖请加 --force。") from exc
        except OSError as exc:
            raise DrafterError(f"{path}：写入失败（{reason(exc)}），没有留下不完整的文件。") from exc
        finally:
            if temporary is not None:
                temporary.unlink(missing_ok=True)


def _link_unnamed(fd: int, path: Path, force: bool) -> Path | None:
    """Give the finished unnamed file its name. Without --force it is linked straight to the
    name (never replacing anything); with --force it gets a temporary name first, then
    replaces (the only moment a kill could leave a file, which the next run removes)."""
    source = f"/proc/self/fd/{fd}"
    target = path if not force else _temp_name(path.parent)
    folder = os.open(path.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        # A dir fd makes Python call linkat(AT_SYMLINK_FOLLOW) (plain link() would not follow
        # the /proc link): atomic, and it fails if the name exists.
        os.link(source, target.name, dst_dir_fd=folder, follow_symlinks=True)
    finally:
        os.close(folder)
    return None if not force else target


def _put_in_place(temporary: Path, path: Path, force: bool) -> None:
    if force:
        if path.is_symlink():
            path.unlink()  # replace the link itself, never the file it points to
        os.replace(temporary, path)
        return
    try:
        os.link(temporary, path)  # atomic and never clobbers
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.EMLINK) or os.path.lexists(path):
            raise
        # No hard links here: claim the name exclusively, then move the content in.
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
        os.replace(temporary, path)
