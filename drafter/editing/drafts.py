"""Preview and downloads of a profile given as text (the editor's unsaved state).

The text is written to a private temporary file and handed to `api.prepare_draft` and
`api.check_profile`, the functions `drafter draft` and `drafter check` use, so that the page
shows exactly what the CLI would write; messages name the real file, not the temporary one.
"""

from __future__ import annotations

import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from .. import api
from ..errors import DrafterError, Problem, ValidationFailed
from ..library import Library
from ..plan.units import resolve_units

# What the page can download: format and review flag for api.prepare_draft ("check": the report).
DOWNLOADS = {"docx": ("docx", False), "review": ("docx", True), "xlsx": ("xlsx", False), "check": ("md", False)}


@dataclass(frozen=True)
class Preview:
    """What the page shows for one state of the form."""
    problems: tuple[Problem, ...]  # empty: the profile passes `drafter validate`
    html: str | None = None  # the html writer's page; None when the profile has problems
    size: str | None = None  # the size line `drafter draft` prints
    warnings: tuple[str, ...] = ()  # the 提示 `drafter draft` prints
    units: tuple[tuple[str, str, str, bool], ...] = ()  # role, label, local name, is default

    def to_json(self) -> dict:
        return {
            "ok": not self.problems, "html": self.html, "size": self.size, "warnings": list(self.warnings),
            "problems": [{"field": p.field, "line": p.line, "message": p.message, "text": str(p)}
                         for p in self.problems],
            "units": {role: {"label": label, "name": name, "default": default}
                      for role, label, name, default in self.units},
        }


@contextmanager
def _as_file(text: str, path: Path) -> Iterator[Path]:
    """The text as a file of the same name in a private folder, removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="drafter-serve-"))
    try:
        temporary = folder / path.name
        temporary.write_text(text, "utf-8")
        yield temporary
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _named(problem: Problem, temporary: Path, path: Path) -> Problem:
    file = problem.file.replace(str(temporary), str(path))
    return Problem(file, problem.line, problem.field, problem.message.replace(str(temporary), str(path)))


def _problems(error: DrafterError, temporary: Path, path: Path) -> tuple[Problem, ...]:
    if isinstance(error, ValidationFailed):
        return tuple(_named(problem, temporary, path) for problem in error.problems)
    message = str(error).replace(str(temporary), str(path))
    prefix = f"{path}："
    return (Problem(str(path), None, "", message[len(prefix):] if message.startswith(prefix) else message),)


def profile_text(data: Any) -> str:
    """The form's data as YAML for drafting (saving keeps the file's layout: roundtrip.py)."""
    import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False)


def preview(text: str, path: Path, library: Library) -> Preview:
    """The html preview, size line, hints and unit names of the text, or its problems."""
    with _as_file(text, path) as temporary:
        try:
            draft = api.prepare_draft(temporary, library, path.parent, "html")
        except DrafterError as error:
            return Preview(_problems(error, temporary, path))
    units = tuple((u.role, u.label, u.name, u.is_default) for u in resolve_units(draft.profile, library).values())
    return Preview((), draft.data.decode("utf-8"), draft.size.line() if draft.size else None,
                   draft.warnings, units)


def download(text: str, path: Path, library: Library, kind: str) -> tuple[str, bytes]:
    """The file `drafter draft` (or `drafter check --format md`) would write: its name and bytes.
    Raises ValidationFailed (naming the real file) when the profile has problems."""
    if kind not in DOWNLOADS:
        raise DrafterError(f"不支持的下载 {kind}，可选：{'、'.join(DOWNLOADS)}")
    fmt, review = DOWNLOADS[kind]
    with _as_file(text, path) as temporary:
        try:
            if kind == "check":
                report = api.check_profile(temporary, library)
                name = f"{path.stem}（送审前检查）.md"
                return name, report.to_markdown().replace(str(temporary), str(path)).encode("utf-8")
            draft = api.prepare_draft(temporary, library, path.parent, fmt, review=review)
        except DrafterError as error:
            raise ValidationFailed(list(_problems(error, temporary, path))) from None
    return draft.path.name, draft.data
