"""One budget for a whole render, enforced while it runs: loop steps, calls, time, the size of
any text or list made, widths, big numbers; and what may be printed at all.

A whole built-in draft takes a few thousand steps, under 10 ms, and no text over 200,000
characters; every limit here is hundreds of times that, so only a runaway template meets one.
"""

from __future__ import annotations

import math
import time
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Iterable, Iterator

from jinja2 import Undefined

from ..errors import DrafterError

LOOP_STEPS = 2_000_000  # loop iterations, calls and includes of one draft together
RENDER_SECONDS = 10.0  # wall time of one render
MAX_REPEAT = 1_000_000  # characters or items one operation may make (`*`, widths, padding)
MAX_TEXT = 20_000_000  # characters of any one text, the rendered draft included (a draft is about 200,000)
MAX_BITS = 100_000  # bits of an integer a template may compute (30,000 digits)
MEMORY_HEADROOM = 1_500_000_000  # bytes a user's template may add to the process while it renders


class TemplateProblem(DrafterError):
    """A template did something drafter refuses: the message says what, in Chinese."""


class TemplateLimit(TemplateProblem):
    """A template went past a limit: the message says which."""


class Unprintable(TemplateProblem):
    """A template printed None, true/false, nan, inf or an object's internal form."""


class Budget:
    """Steps and time of one render; every loop step, call and include draws from it."""

    def __init__(self, steps: int | None = None, seconds: float | None = None) -> None:
        self.left = LOOP_STEPS if steps is None else steps
        self.deadline = time.monotonic() + (RENDER_SECONDS if seconds is None else seconds)

    def tick(self, steps: int = 1) -> None:
        self.left -= steps
        if self.left < 0:
            raise TemplateLimit(f"循环次数超过 {LOOP_STEPS:,} 次")
        if time.monotonic() > self.deadline:
            raise TemplateLimit(f"模板运行超过 {RENDER_SECONDS:g} 秒（正常起草一份方案不到 1 秒）")

    def loop(self, iterable: Iterable[Any]) -> Iterator[Any]:
        for item in iterable:
            self.tick()
            yield item


_CURRENT: ContextVar[Budget | None] = ContextVar("drafter_render_budget", default=None)


def current() -> Budget:
    """The budget of the render under way; outside one (a built-in template rendered on its own,
    as `init` does), a fresh budget for each step, so nothing carries over between renders."""
    budget = _CURRENT.get()
    return Budget() if budget is None else budget


@contextmanager
def budget_for_render(seconds: float | None = None) -> Iterator[Budget]:
    budget = Budget(seconds=seconds)
    token = _CURRENT.set(budget)
    try:
        yield budget
    finally:
        _CURRENT.reset(token)


def printable(value: Any) -> bool:
    """What a 公文 may show: text and ordinary numbers. Not None, true/false, nan, inf, or an
    object's internal form (a list, a method, a dataclass) — those mean a template slip."""
    if isinstance(value, str):
        return True
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return abs(value) < 10**15  # a count, a year, a figure; not a computed giant
    if isinstance(value, float):
        return math.isfinite(value)
    return False


def what_it_is(value: Any) -> str:
    if value is None:
        return "空值（None）"
    if isinstance(value, bool):
        return f"真假值（{'true' if value else 'false'}）"
    if isinstance(value, float):
        return "非数值（nan）" if math.isnan(value) else "无穷大（inf）"
    if isinstance(value, int):
        return f"一个 {len(str(abs(value))) if value.bit_length() < 10000 else '上万'} 位的数"
    if callable(value):
        return "一个函数或方法（多半是少写了括号“()”）"
    if isinstance(value, (list, tuple, set, dict)):
        return "一个列表或键值表（请用 for 循环或 cjoin 过滤器逐项输出）"
    return "一个对象的内部表示（请输出它的某个字段，如 measure.text）"


def check_printable(value: Any) -> Any:
    if type(value) is str:  # nearly every value a draft prints
        return value
    if isinstance(value, Undefined):  # printing it raises jinja's own "undefined" error
        return value
    if not printable(value):
        raise Unprintable(f"模板输出了{what_it_is(value)}：公文里不能出现这样的内容，请在模板中用 {{% if … %}} 判断后再输出")
    return value


def check_text_size(value: Any) -> Any:
    if isinstance(value, (str, list, tuple)) and len(value) > MAX_TEXT:
        raise TemplateLimit(f"模板生成的文字或列表超过 {MAX_TEXT:,} 项")
    return value


def check_width(width: Any) -> None:
    if isinstance(width, int) and not isinstance(width, bool) and abs(width) > MAX_REPEAT:
        raise TemplateLimit(f"宽度或重复次数 {width:,} 过大（最多 {MAX_REPEAT:,}）")


def check_product(left: Any, right: Any) -> None:
    """`*` before it is computed: repeated text or lists, and integers past MAX_BITS."""
    for seq, count in ((left, right), (right, left)):
        if isinstance(seq, (str, list, tuple)) and isinstance(count, int) and len(seq) * count > MAX_REPEAT:
            raise TemplateLimit("重复生成的文字或列表过长")
    if isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > MAX_BITS:
        raise TemplateLimit("整数运算的结果过大")


def check_power(left: Any, right: Any) -> None:
    if isinstance(right, int) and abs(right) > 1000:
        raise TemplateLimit("乘方的指数过大")
    if isinstance(left, int) and isinstance(right, int) and right > 0 and left.bit_length() * right > MAX_BITS:
        raise TemplateLimit("乘方的结果过大")


def check_sum(left: Any, right: Any) -> None:
    if isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)) and len(left) + len(right) > MAX_TEXT:
        raise TemplateLimit(f"模板生成的文字或列表超过 {MAX_TEXT:,} 项")
    if isinstance(left, int) and isinstance(right, int) and max(left.bit_length(), right.bit_length()) > MAX_BITS:
        raise TemplateLimit("整数运算的结果过大")


@contextmanager
def memory_cap() -> Iterator[None]:
    """The address space may grow by MEMORY_HEADROOM while a user's template renders: past it an
    allocation fails with MemoryError (reported in words) instead of the machine swapping."""
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as stream:
            in_use = int(stream.read().split()[0]) * resource.getpagesize()
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = in_use + MEMORY_HEADROOM
        if soft != resource.RLIM_INFINITY and soft <= cap or hard != resource.RLIM_INFINITY and hard < cap:
            raise OSError("a lower limit is already set")
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, OSError, ValueError):  # not Linux, or already limited: the other budgets still hold
        yield
        return
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
