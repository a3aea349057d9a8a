"""The refusal of an existing output for a command whose -o names a file (init, check, diff):
writers.files.check_writable, worded for a file name instead of `draft`'s folder. Called before
writing; write_atomic still checks again.
"""

from __future__ import annotations

from pathlib import Path

from ..writers.files import check_writable


def check_output_file(path: Path, force: bool) -> None:
    check_writable(path, force, "文件名")


def draft_target(output: Path, fmt: str, formats: tuple[str, ...], batch: bool) -> tuple[str, Path | None]:
    """`draft -o`: a folder as documented, or, for one profile, a file whose extension is a format
    (`-o 初稿.docx`, `-o 比对.md`): then the draft is written under that name, in that format.
    Returns the format and the file (None: `output` is the folder). An existing folder stays a folder."""
    from ..errors import DrafterError

    extension = output.suffix.lower().lstrip(".")
    if extension not in formats or output.is_dir():
        return fmt, None
    if batch:
        raise DrafterError(f"-o {output}：起草多个档案时 -o 写输出文件夹（例如 -o outputs），"
                           "每个档案按标题各写一个文件")
    if fmt != "docx" and fmt != extension:
        raise DrafterError(f"-o {output}：文件扩展名 .{extension} 与 --format {fmt} 不一致，"
                           f"请把文件名改为 {output.with_suffix('.' + fmt).name}，或去掉 --format")
    return extension, output
