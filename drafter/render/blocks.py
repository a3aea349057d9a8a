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
from .guard import GuardedEnvironment, LoopBudget, check_output, explain, template_place

# Not \x1c-\x1f: Python counts those as whitespace, so strip() and \s would eat them.
BLOCK = "\x02"  # starts a block
FIELD = "\x03"  # separates a block's fields
BOLD = "\x04"  # toggles bold inside a paragraph's text

MAIN_TEMPLATE = "document.j2"


def _no_none(value: Any) -> Any:
    # StrictUndefined catches missing names; this catches present-but-empty values,
    # which would otherwise print "None" into a 公文.
    if value is None:
        raise DrafterError("模板输出了空值（None）：请在模板中用 {% if … %} 判断可选字段后再输出")
    return value


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    """Compiled templates kept beside the library cache, keyed by each template's source:
    compiling them was a fifth of a cold start."""
    import os

    from ..library.cache import cache_dir

    if os.environ.get("DRAFTER_NO_CACHE"):
        return None
    try:
        folder = cache_dir() / "templates"
        folder.mkdir(parents=True, exist_ok=True)
        return FileSystemBytecodeCache(str(folder))
    except OSError:
        return None


@lru_cache(maxsize=8)
def make_environment(user_templates: Path | None = None) -> GuardedEnvironment:
    """The one Jinja environment: strict, sandboxed, no autoescape, user templates first."""
    loaders = [FileSystemLoader(str(builtin_templates()))]
    if user_templates is not None:
        if not user_templates.is_dir():
            raise DrafterError(f"{user_templates}：找不到模板目录，请检查 --templates 的路径")
        loaders.insert(0, FileSystemLoader(str(user_templates)))
    env = GuardedEnvironment(
        loader=ChoiceLoader(loaders),
        bytecode_cache=_bytecode_cache(),
        undefined=StrictUndefined,
        autoescape=False,
        finalize=_no_none,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.plain_types = PLAN_TYPES
    env.filters["cjoin"] = lambda items, sep="、": sep.join(items)
    # A、B和C: the last two of a list joined by a word, as Chinese prose does.
    env.filters["cjoin_and"] = lambda items, word="和": (
        "、".join(items[:-1]) + word + items[-1] if len(items) > 1 else "".join(items)
    )
    return env


class BlockWriter:
    """The functions templates call to start blocks; remembers measures for provenance."""

    def __init__(self) -> None:
        self.measures: list[PlannedMeasure] = []

    def globals(self) -> dict[str, Any]:
        return {
            "title": lambda lines: BLOCK + FIELD.join(["title", *lines]),
            "status": lambda text: BLOCK + FIELD.join(["status", text]),
            "heading": lambda level, number, text: BLOCK + FIELD.join(["heading", str(level), number, text]),
            "para": lambda role="body": BLOCK + FIELD.join(["para", role]) + FIELD,
            "measure": self._measure,
            "bold": lambda text: BOLD + text + BOLD,
            "table": lambda *header: BLOCK + FIELD.join(["table", *header]),
            "widths": lambda *widths: BLOCK + FIELD.join(["widths", *map(str, widths)]),
            "row": lambda *cells: BLOCK + FIELD.join(["row", *cells]),
            "group": lambda text: BLOCK + FIELD.join(["group", text]),
            "attachment": lambda label, title: BLOCK + FIELD.join(["attachment", label, title]),
        }

    def _measure(self, measure: PlannedMeasure) -> str:
        self.measures.append(measure)
        return BLOCK + FIELD.join(["measure", str(len(self.measures) - 1)]) + FIELD


def render_stream(plan: Plan, user_templates: Path | None = None) -> tuple[str, list[PlannedMeasure]]:
    # One environment per template folder, shared by every draft of a batch, so each
    # template is compiled once; the block functions of this render go in its context.
    env = make_environment(user_templates)
    writer = BlockWriter()
    try:
        template = env.get_template(MAIN_TEMPLATE)
        text = template.render(plan=plan, range=LoopBudget(), **writer.globals())
    except DrafterError as exc:
        raise DrafterError(f"{template_place(exc, MAIN_TEMPLATE)}：{exc}") from None
    except Exception as exc:  # noqa: BLE001 - a user's template can raise anything; each is told
        raise DrafterError(f"{template_place(exc, MAIN_TEMPLATE)}：{explain(exc)}") from None
    check_output(text, MAIN_TEMPLATE)
    return text, writer.measures
