"""Limits for templates a user supplies: every failure becomes one Chinese message naming the
template file and line; runaway loops and output are stopped, not waited for.

The sandbox already refuses unsafe attribute access; on top of it:
- `range()` draws from one budget of loop steps per draft, so nested loops cannot run for
  hours (jinja's own cap is per call, 100,000, and nests to 10^10);
- string or list repetition (`"x" * 10**9`) and powers are capped before they are computed;
- the rendered text has a size cap; recursion, division by zero, wrong arguments to the
  block functions, bad encodings and everything else are reported where they happened.
"""

from __future__ import annotations

import traceback
from typing import Any, Iterator

from jinja2.sandbox import ImmutableSandboxedEnvironment

from ..errors import DrafterError

LOOP_STEPS = 2_000_000  # a whole draft takes a few thousand
MAX_REPEAT = 1_000_000  # characters or items one `*` may make
MAX_OUTPUT = 20_000_000  # characters of rendered text (a draft is about 200,000)


class GuardedEnvironment(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**", "//", "/", "%"})
    # drafter's own frozen plan objects: their public attributes are data fields and pure
    # methods, so the sandbox's per-access checks (a third of rendering) are skipped for them.
    plain_types: frozenset[type] = frozenset()

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if type(obj) in self.plain_types and not attr.startswith("_"):
            return True
        return super().is_safe_attribute(obj, attr, value)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for seq, count in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(count, int) and len(seq) * count > MAX_REPEAT:
                    raise TemplateLimit("重复生成的文字或列表过长")
        if operator == "**" and isinstance(right, int) and abs(right) > 1000:
            raise TemplateLimit("乘方的指数过大")
        return super().call_binop(context, operator, left, right)


class TemplateLimit(Exception):
    """A template went past a limit: the message says which."""


class LoopBudget:
    """range() for templates, counting every step of every loop of one draft."""

    def __init__(self) -> None:
        self.left = LOOP_STEPS

    def __call__(self, *args: int) -> Iterator[int]:
        for value in range(*args):
            self.left -= 1
            if self.left < 0:
                raise TemplateLimit(f"循环次数超过 {LOOP_STEPS:,} 次")
            yield value


def template_place(exc: BaseException, default: str) -> str:
    """file:line of the innermost template frame of the exception, as jinja rewrites them."""
    filename = getattr(exc, "filename", None)
    lineno = getattr(exc, "lineno", None)
    if filename and lineno:
        return f"{filename}:{lineno}"
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith((".j2", ".jinja", ".html"))]
    if frames:
        return f"{frames[-1].filename}:{frames[-1].lineno}"
    return default


def explain(exc: BaseException) -> str:
    """What went wrong, in words a template author can act on."""
    from jinja2 import TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError, TemplateNotFound

    if isinstance(exc, TemplateLimit):
        return f"{exc}，请检查模板中的循环和运算"
    if isinstance(exc, TemplateSyntaxError):
        return f"模板语法错误（{exc.message}）"
    if isinstance(exc, UndefinedError):
        return f"模板用到了不存在的变量或属性（{exc.message}）"
    if isinstance(exc, SecurityError):
        return "模板试图访问不安全的内容，已被沙箱拒绝"
    if isinstance(exc, TemplateNotFound):
        return f"找不到模板文件 {exc.name}"
    if isinstance(exc, UnicodeDecodeError):
        return "模板文件不是 UTF-8 编码的文本，请用 UTF-8 保存"
    if isinstance(exc, RecursionError):
        return "模板递归过深（include 或宏调用了自己），请检查"
    if isinstance(exc, MemoryError):
        return "模板生成的内容过大，内存不足"
    if isinstance(exc, ZeroDivisionError):
        return "模板中除以了零"
    if isinstance(exc, TypeError):
        return f"模板调用函数或运算的参数不对（{exc}）；heading(级别, 编号, 标题)、measure(措施)、row(单元格…) 的用法见 README"
    return f"模板出错（{type(exc).__name__}：{exc}）"


def check_output(text: str, where: str) -> None:
    if len(text) > MAX_OUTPUT:
        raise DrafterError(f"{where}：模板生成的文字超过 {MAX_OUTPUT:,} 字，请检查模板中的循环")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise DrafterError(f"{where}：模板输出了无法保存的字符（孤立的代理字符 \\u{ord(text[exc.start]):04x}），请检查模板") from exc
