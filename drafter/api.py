"""The drafting API: profile → plan → document → bytes, reusing one loaded library.

Batch drafting and previews call these functions; the CLI is a thin layer on top.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .render.compose import compose
from .document import Document
from .errors import DrafterError, ValidationFailed
from .library import Library, load_library
from .writers.files import check_writable, file_name, write_atomic
from .plan import Plan, make_plan
from .profile import Profile, load_profile
from .render import render_stream
from .size import Size
from .size import measure as measure_size
from .writers import TABLE_ONLY, WRITERS

if TYPE_CHECKING:
    from .check import CheckReport


def draft_document(profile: Profile, library: Library, templates: Path | None = None) -> Document:
    plan = make_plan(profile, library)
    return render_plan(plan, templates)


def render_plan(plan: Plan, templates: Path | None = None) -> Document:
    stream, measures = render_stream(plan, templates)
    notes = plan.notes + tuple(row.default for row in plan.indicators if row.default is not None)
    return compose(plan.title, stream, measures, notes, plan.stamp)


def draft_bytes(profile: Profile, library: Library, fmt: str = "docx", templates: Path | None = None) -> bytes:
    return WRITERS[fmt](draft_document(profile, library, templates))


def load_profiles(paths: list[Path], library: Library) -> tuple[list[Profile], list[DrafterError]]:
    """Load every profile, going on past bad ones so that all problems are reported at once."""
    profiles, errors = [], []
    for path in paths:
        try:
            profiles.append(load_profile(path, library))
        except DrafterError as error:
            errors.append(error)
    return profiles, errors


def combined(errors: list[DrafterError]) -> DrafterError:
    """One error for several files: validation problems merge into one numbered list."""
    if all(isinstance(error, ValidationFailed) for error in errors):
        return ValidationFailed([p for error in errors for p in error.problems])  # type: ignore[attr-defined]
    return DrafterError("\n".join(str(error) for error in errors))


def plan_profile(path: Path, library: Library | None = None) -> Plan:
    """One profile's plan (for `drafter diff` and other comparisons)."""
    library = library or load_library()
    return make_plan(load_profile(path, library), library)


def check_profile(path: Path, library: Library | None = None, templates: Path | None = None) -> "CheckReport":
    """The `drafter check` report of one profile (see check.py)."""
    from .check import check_report

    library = library or load_library()
    profile = load_profile(path, library)
    plan = make_plan(profile, library)
    document = render_plan(plan, templates)
    return check_report(profile, plan, library, measure_size(document, [m.deadline for m in plan.measures()]))


@dataclass(frozen=True)
class Draft:
    """One profile's draft, ready to write: the document, its path, hints, size and bytes."""
    profile: Profile
    document: Document
    path: Path
    warnings: tuple[str, ...]  # 提示 about the profile; the draft is written all the same
    size: Size | None = None  # characters, measures, pages: printed so the user sees it without Word
    data: bytes = b""  # the file's bytes, before it is put in place


REVIEW_FORMATS = ("docx", "pdf")
REVIEW_ONLY = "审阅稿（--review）只能是 Word 格式或 PDF，请去掉 --format 或改为 --format docx"


def _writer(fmt: str, review: bool):  # type: ignore[no-untyped-def]
    if fmt not in WRITERS:
        raise DrafterError(f"不支持的格式 {fmt}，可选：{'、'.join(WRITERS)}")
    if review and fmt not in REVIEW_FORMATS:
        raise DrafterError(REVIEW_ONLY)
    if review and fmt == "pdf":
        from .writers.pdf import write_review_pdf

        return write_review_pdf
    return review_writer() if review else WRITERS[fmt]


def _draft(profile: Profile, library: Library, out_dir: Path, fmt: str, templates: Path | None,
           review: bool) -> Draft:
    """One profile to its file's name and bytes; nothing written."""
    plan = make_plan(profile, library)
    if fmt in TABLE_ONLY and not plan.division_table:
        plan = replace(plan, division_table=True)  # the spreadsheet is the 分工表
    document = render_plan(plan, templates)
    size = measure_size(document, [m.deadline for m in plan.measures()])
    name = f"{document.title}（审阅稿）" if review else document.title
    if fmt in TABLE_ONLY:
        name = f"{document.title}（重点任务分工表）"
    data = _writer(fmt, review)(document)
    return Draft(profile, document, out_dir / file_name(name, fmt), plan.warnings, size, data)


def prepare_draft(path: Path, library: Library, out_dir: Path, fmt: str = "docx",
                  templates: Path | None = None, review: bool = False) -> Draft:
    """Load one profile and make its draft's bytes (batch drafting writes them afterwards)."""
    _writer(fmt, review)
    return _draft(load_profile(path, library), library, out_dir, fmt, templates, review)


def draft_files(
    profile_paths: list[Path],
    out_dir: Path,
    fmt: str = "docx",
    force: bool = False,
    templates: Path | None = None,
    library: Library | None = None,
    review: bool = False,
    out_file: Path | None = None,
) -> list[Draft]:
    """Draft every profile; if any profile or output is wrong, write nothing at all.

    `review`: the review copy (审阅稿, .docx only): comments on sources, defaults highlighted.
    `out_file`: one profile's file under the name the user gave (`-o 初稿.docx`), not its title."""
    _writer(fmt, review)
    library = library or load_library()
    profiles, errors = load_profiles(profile_paths, library)
    if errors:
        raise combined(errors)
    drafts = [_draft(profile, library, out_dir, fmt, templates, review) for profile in profiles]
    if out_file is not None:
        drafts = [replace(draft, path=out_file) for draft in drafts]
    seen: set[Path] = set()
    for draft in drafts:
        if draft.path in seen:
            raise DrafterError(f"{draft.path}：多个档案生成同名文件，请在档案中设置不同的 document.title")
        seen.add(draft.path)
        check_writable(draft.path, force, "文件名" if out_file else "输出目录")
    for draft in drafts:
        write_atomic(draft.path, draft.data, force)
    return drafts


def review_writer():  # type: ignore[no-untyped-def]
    from .writers.docx_review import write_review_docx  # python-docx only when asked for

    return write_review_docx
