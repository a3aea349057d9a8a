"""The Jinja sandbox for drafter's templates and a user's: what a template may reach, make and
print.

On top of jinja's ImmutableSandboxedEnvironment (no unsafe attributes, no mutation):
- every `for` loop, call, include and filter draws from the render's Budget (limits.py), so
  nested loops over any iterable, recursion that branches and slow filters stop in seconds;
- `*`, `**` and `+` are checked before they are computed; `~` joins only printable values;
  widths (center, indent, format, ljust…) are capped; lipsum is gone;
- None, true/false, nan, inf and object reprs are refused as output, through `{{ }}`, `~`,
  `|string`, `|join`, `|format`, `|e` and str.format alike;
- a user's folder is read through ConfinedLoader: every name resolved, symlinks included,
  and refused when it leads outside the folder or to something that is not a regular file.
"""

from __future__ import annotations

import os
import re
from functools import wraps
from typing import Any, Callable

from jinja2 import FileSystemLoader, TemplateNotFound, nodes
from jinja2.ext import Extension
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import _PassArg

from . import limits
from .limits import TemplateLimit, check_printable, check_text_size, check_width

MAX_TEMPLATE_BYTES = 1_000_000  # a built-in template is under 3 kB
GUARD = "drafter.render.sandbox.RenderGuard"
_PRINTF_WIDTH = re.compile(r"%[-+ #0]*(\*|\d{7,})")
_FORMAT_WIDTH = re.compile(r"\{[^{}]*:[^{}]*?\d{7,}")
_STRINGIFYING = ("string", "e", "escape", "forceescape", "upper", "lower", "title", "capitalize", "trim", "striptags",
                 "replace", "truncate", "wordwrap", "center", "indent", "urlencode", "safe")
_REMOVED_FILTERS = ("pprint", "tojson", "xmlattr", "urlize")  # they print an object's internal form or markup


class RenderGuard(Extension):
    """Methods the rewritten templates call: the loop and `~` under the budget."""

    def loop(self, iterable: Any) -> Any:
        return limits.current().loop(iterable)

    def concat(self, *values: Any) -> str:
        limits.current().tick()
        for value in values:
            check_printable(value)
        return check_text_size("".join(map(str, values)))


def _guard_tree(tree: nodes.Node) -> nodes.Node:
    """Every `for` iterates through the budget; every `~` is a guarded call."""
    for loop in tree.find_all(nodes.For):
        loop.iter = nodes.Call(nodes.ExtensionAttribute(GUARD, "loop"), [loop.iter], [], None, None,
                               lineno=loop.iter.lineno)
    for concat in list(tree.find_all(nodes.Concat)):
        call = nodes.Call(nodes.ExtensionAttribute(GUARD, "concat"), list(concat.nodes), [], None, None,
                          lineno=concat.lineno)
        concat.__class__ = nodes.Call  # replaced in place: the parent holds this very node
        concat.__dict__.clear()
        concat.__dict__.update(call.__dict__)
    return tree


def _guarded_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    offset = 1 if _PassArg.from_obj(function) is not None else 0  # jinja passes a context or env first

    @wraps(function)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        limits.current().tick()
        if len(args) <= offset:
            return check_text_size(function(*args, **kwargs))
        value, rest = args[offset], args[offset + 1:]
        if name in _STRINGIFYING:
            check_printable(value)
        if name == "join":
            value = value if isinstance(value, (str, list, tuple)) else list(limits.current().loop(value))
            for item in value:
                check_printable(item)
            args = (*args[:offset], value, *rest)
        if name == "format":
            if isinstance(value, str) and _PRINTF_WIDTH.search(value):
                raise TemplateLimit("format 的宽度过大或用了“*”宽度")
            for item in list(rest) + list(kwargs.values()):
                check_printable(item)
        if name in ("center", "indent", "wordwrap", "truncate", "batch", "slice"):
            for width in list(rest) + list(kwargs.values()):
                check_width(width)
        return check_text_size(function(*args, **kwargs))

    return guarded


class GuardedEnvironment(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**", "+", "//", "/", "%"})
    # drafter's own frozen plan objects: their public attributes are data fields and pure
    # methods, so the sandbox's per-access checks (a third of rendering) are skipped for them.
    plain_types: frozenset[type] = frozenset()

    def __init__(self, guarded: bool = True, **options: Any) -> None:
        """`guarded`: a user's templates are in the search path, so every loop, call, include
        and filter draws from the budget; drafter's own templates alone need only the sandbox
        and the output checks (the budget's bookkeeping tripled a draft's render time)."""
        options.setdefault("extensions", [])
        options["extensions"] = [*options["extensions"], RenderGuard]
        super().__init__(**options)
        self.guarded = guarded
        self.globals.pop("lipsum", None)
        for name in _REMOVED_FILTERS:
            self.filters.pop(name, None)
        if guarded:
            self.filters = {name: _guarded_filter(name, function) for name, function in self.filters.items()}

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        return _guard_tree(tree) if self.guarded else tree  # type: ignore[return-value]

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if type(obj) in self.plain_types and not attr.startswith("_"):
            return True
        return super().is_safe_attribute(obj, attr, value)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            limits.check_product(left, right)
        elif operator == "**":
            limits.check_power(left, right)
        elif operator == "+":
            limits.check_sum(left, right)
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 - jinja's signature
        if not __self.guarded:
            return super().call(__context, __obj, *args, **kwargs)
        limits.current().tick()
        owner = getattr(getattr(__obj, "__wrapped__", __obj), "__self__", None)  # the sandbox wraps str.format
        if isinstance(owner, str):  # str methods: no huge widths, nothing unprintable formatted in
            name = getattr(__obj, "__name__", "")
            for value in list(args) + list(kwargs.values()):
                check_width(value)
            if name in ("format", "format_map"):
                if _FORMAT_WIDTH.search(owner):
                    raise TemplateLimit("format 的宽度过大")
                for value in list(args) + list(kwargs.values()):
                    check_printable(value)
            if name == "join" and args:
                for item in args[0]:
                    check_printable(item)
            if name == "replace" and len(args) >= 2 and isinstance(args[0], str) and isinstance(args[1], str):
                if len(owner) + max(owner.count(args[0]) if args[0] else len(owner) + 1, 0) * len(args[1]) > limits.MAX_TEXT:
                    raise TemplateLimit(f"替换后的文字超过 {limits.MAX_TEXT:,} 字")
        return check_text_size(super().call(__context, __obj, *args, **kwargs))

    def _load_template(self, name: str, globals: Any) -> Any:  # noqa: A002 - jinja's signature
        if self.guarded:
            limits.current().tick()
        return super()._load_template(name, globals)


class ConfinedLoader(FileSystemLoader):
    """A user's template folder: a name may lead only to a regular file inside the folder."""

    def __init__(self, folder: str) -> None:
        super().__init__(folder)
        self.root = os.path.realpath(folder)

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)
        filename = os.path.join(self.searchpath[0], *pieces)
        if not os.path.lexists(filename):
            raise TemplateNotFound(template)
        real = os.path.realpath(filename)
        if os.path.commonpath([real, self.root]) != self.root:
            raise OutsideFolder(template)
        if not os.path.isfile(real):
            raise NotAFile(template)
        if os.path.getsize(real) > MAX_TEMPLATE_BYTES:
            raise TemplateLimit(f"模板文件 {template} 超过 {MAX_TEMPLATE_BYTES // 1_000_000} MB")
        source, _, uptodate = super().get_source(environment, template)
        return source, filename, uptodate


class OutsideFolder(Exception):
    """A template name (often a symlink) that leads outside the --templates folder."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


class NotAFile(Exception):
    """A template name that is a folder, a device or a pipe."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name
