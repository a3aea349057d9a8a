"""Jinja stage: templates own the document's wording and order; they emit a block stream.

Templates call the block functions below (heading, para, measure, …); each writes a
marker made of control characters that XML forbids. Profile strings can never
contain those characters (the loader rejects them), so no profile text can forge a
block, and compose.py can split the rendered text back into blocks safely.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined

from ..errors import DrafterError
from ..paths import builtin_templates
from ..plan import Plan, PlannedMeasure
from ..plan.model import PLAN_TYPES
from . import limits
from .guard import check_output, explain, template_place
from .limits import TemplateProblem, check_printable
from .sandbox import ConfinedLoader, GuardedEnvironment

# Not \x1c-\x1f: Python counts those as whitespace, so strip() and \s would eat them.
BLOCK = "\x02"  # starts a block
FIELD = "\x03"  # separates a block's fields
BOLD = "\x04"  # toggles bold inside a paragraph's text

MAIN_TEMPLATE = "document.j2"


def _finalize(value: Any) -> Any:
    # StrictUndefined catches missing names; this catches present values that are no text:
    # None, true/false, nan, inf, a method or an object would print "None", "True", a repr.
    return check_printable(value)


CACHE_FILES = 100  # compiled built-in templates kept: a few versions' worth (11 templates each)
CACHE_FILE_BYTES = 1_000_000  # a compiled built-in template is under 20 kB


def _prune(folder: Path) -> None:
    """Bound the cache: oversized entries (an older drafter cached users' templates too) and
    all but the newest CACHE_FILES go."""
    import os

    entries = []
    for entry in os.scandir(folder):
        if not entry.is_file(follow_symlinks=False):
            continue
        if entry.stat().st_size > CACHE_FILE_BYTES:
            Path(entry.path).unlink(missing_ok=True)
        else:
            entries.append(entry)
    entries.sort(key=lambda entry: entry.stat().st_mtime, reverse=True)
    for entry in entries[CACHE_FILES:]:
        Path(entry.path).unlink(missing_ok=True)


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    """Compiled built-in templates kept beside the library cache, keyed by each template's
    source: compiling them was a fifth of a cold start. Never a user's template."""
    import os

    from ..library.cache import cache_dir

    if os.environ.get("DRAFTER_NO_CACHE"):
        return None
    try:
        folder = cache_dir() / "templates"
        folder.mkdir(parents=True, exist_ok=True)
        _prune(folder)
        # the pattern names the compiler's version: built-in templates compile without the user
        # guard since 2026-12 (older cached code would still run, only slower)
        return FileSystemBytecodeCache(str(folder), pattern="__drafter2_%s.cache")
    except OSError:
        return None


def _range(*args: int) -> Any:
    """range() for templates: its steps draw from the render's budget."""
    return limits.current().loop(range(*args))


@lru_cache(maxsize=8)
def make_environment(user_templates: Path | None = None) -> GuardedEnvironment:
    """The one Jinja environment: strict, sandboxed, no autoescape, user templates first.

    With a user's folder, nothing compiled is cached on disk and jinja's compile-time constant
    folding is off: `'x'|center(10**9)` would otherwise be computed while compiling."""
    builtin = FileSystemLoader(str(builtin_templates()))
    if user_templates is None:
        loader: Any = builtin
        cache, optimized = _bytecode_cache(), True
    else:
        if not user_templates.is_dir():
            raise DrafterError(f"{user_templates}：找不到模板目录，请检查 --templates 的路径")
        loader = ChoiceLoader([ConfinedLoader(str(user_templates)), builtin])
        cache, optimized = None, False
    env = GuardedEnvironment(
        guarded=user_templates is not None,
        loader=loader,
        bytecode_cache=cache,
        optimized=optimized,
        undefined=StrictUndefined,
        autoescape=False,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.plain_types = PLAN_TYPES
    env.filters["cjoin"] = lambda items, sep="、": sep.join(_texts(items))
    # A、B和C: the last two of a list joined by a word, as Chinese prose does.
    env.filters["cjoin_and"] = lambda items, word="和": _join_and(_texts(items), word)
    return env


def _texts(items: Any) -> list[str]:
    texts = list(limits.current().loop(items))
    for item in texts:
        check_printable(item)
    return [str(item) for item in texts]


def _join_and(items: list[str], word: str) -> str:
    return "、".join(items[:-1]) + word + items[-1] if len(items) > 1 else "".join(items)


_MARKERS = (BLOCK, FIELD, BOLD)


class BlockArguments(TemplateProblem):
    """A block function called with arguments it cannot use: the message says how to call it."""


def _text(value: Any, function: str, what: str, empty_ok: bool = False) -> str:
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        check_printable(value)  # None, nan, a method …: the same words as for {{ }}
        raise BlockArguments(f"{function} 的{what}应为文字，现在是{type(value).__name__}")
    text = str(value)
    if any(marker in text for marker in _MARKERS):
        raise BlockArguments(f"{function} 的{what}含有控制字符，请删去")
    if not empty_ok and not text.strip():
        raise BlockArguments(f"{function} 的{what}是空的，请写出内容")
    return text


class BlockWriter:
    """The functions templates call to start blocks; each checks its arguments and says what
    is wrong, and remembers measures for provenance."""

    def __init__(self) -> None:
        self.measures: list[PlannedMeasure] = []

    def globals(self) -> dict[str, Any]:
        return {
            "title": self._title,
            "status": lambda text: BLOCK + FIELD.join(["status", _text(text, "status()", "文字")]),
            "heading": self._heading,
            "para": lambda role="body": BLOCK + FIELD.join(["para", _text(role, "para()", "段落样式")]) + FIELD,
            "measure": self._measure,
            "bold": lambda text: BOLD + _text(text, "bold()", "文字", empty_ok=True) + BOLD,
            "table": lambda *header: BLOCK + FIELD.join(["table", *self._cells("table()", header)]),
            "widths": self._widths,
            "row": lambda *cells: BLOCK + FIELD.join(["row", *self._cells("row()", cells, empty_ok=True)]),
            "group": lambda text: BLOCK + FIELD.join(["group", _text(text, "group()", "分组名称")]),
            "attachment": lambda label, title: BLOCK + FIELD.join(
                ["attachment", _text(label, "attachment()", "附件标签"), _text(title, "attachment()", "附件标题")]),
        }

    def _title(self, lines: Any) -> str:
        if isinstance(lines, str) or not isinstance(lines, (list, tuple)):
            raise BlockArguments("title() 的参数应为标题各行组成的列表，如 title(plan.title_lines)")
        texts = [_text(line, "title()", "标题行") for line in lines]
        if not 1 <= len(texts) <= 4 or sum(len(t.strip()) for t in texts) < 4:
            raise BlockArguments(f"title() 的标题有 {len(texts)} 行、共 {sum(len(t.strip()) for t in texts)} 字："
                                 "公文标题为 1—4 行、至少 4 个字")
        return BLOCK + FIELD.join(["title", *texts])

    def _heading(self, level: Any, number: Any, text: Any) -> str:
        if isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= 4:
            raise BlockArguments(f"heading() 的级别应为 1—4 的整数（一、（一）1.（1）四级），现在是 {str(level)[:20]}")
        return BLOCK + FIELD.join(["heading", str(level), _text(number, "heading()", "编号", empty_ok=True),
                                   _text(text, "heading()", "标题")])

    def _measure(self, measure: Any) -> str:
        if not isinstance(measure, PlannedMeasure):
            raise BlockArguments("measure() 的参数应为一条措施（plan 中 topic.measures 的一项），如 measure(m)")
        self.measures.append(measure)
        return BLOCK + FIELD.join(["measure", str(len(self.measures) - 1)]) + FIELD

    def _widths(self, *widths: Any) -> str:
        if not widths or any(isinstance(w, bool) or not isinstance(w, int) or not 0 < w <= 100 for w in widths):
            raise BlockArguments("widths() 的参数应为各列所占的份数，每个为 1—100 的整数，如 widths(8, 30, 62)")
        return BLOCK + FIELD.join(["widths", *map(str, widths)])

    @staticmethod
    def _cells(function: str, cells: tuple[Any, ...], empty_ok: bool = False) -> list[str]:
        if not cells:
            raise BlockArguments(f"{function} 至少要有一个单元格")
        return [_text(cell, function, "单元格", empty_ok=empty_ok) for cell in cells]


def render_stream(plan: Plan, user_templates: Path | None = None) -> tuple[str, list[PlannedMeasure]]:
    # One environment per template folder, shared by every draft of a batch, so each
    # template is compiled once; the block functions of this render go in its context.
    from contextlib import nullcontext

    env = make_environment(user_templates)
    writer = BlockWriter()
    try:
        with limits.budget_for_render(), (limits.memory_cap() if user_templates is not None else nullcontext()):
            template = env.get_template(MAIN_TEMPLATE)
            text = template.render(plan=plan, range=_range, **writer.globals())
    except DrafterError as exc:
        raise DrafterError(f"{template_place(exc, MAIN_TEMPLATE)}：{exc}") from None
    except Exception as exc:  # noqa: BLE001 - a user's template can raise anything; each is told
        raise DrafterError(f"{template_place(exc, MAIN_TEMPLATE)}：{explain(exc)}") from None
    check_output(text, MAIN_TEMPLATE)
    return text, writer.measures
