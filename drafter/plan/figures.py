"""Which figures a draft may print, and the wording of a sentence without its figure.

A figure stands in the text (and in the 主要指标 table) only when the profile's `targets` sets
it, a registered document fixes it (the param's `basis`), or it is a statutory floor or cycle
(`indicator: floor | cycle`: 7个工作日, 每2年清理 — the rule quoted, not a local commitment). Any
other default, "合法性审核率达到100%" or "不少于60学时", is one seed plan's own target: the
clause that holds it is replaced by the param's figure-free wording (`without`, e.g.
"做到应审尽审"), or left out where the param has none; the review copy highlights the wording and
`check` names the `targets` key that would put the figure back.
"""

from __future__ import annotations

from typing import Mapping

from ..document import Default
from ..library import Library, Param, placeholders
from ..profile import Profile

_CLAUSE_END = "，；。"


def is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def printable(param: Param, profile: Profile) -> bool:
    """Whether the draft may print this param's value: the one decision, for text and table."""
    if param.outcome:  # no default at all: only the profile's own target
        return param.name in profile.targets
    if not is_number(param.default) or param.name in profile.targets:
        return True
    return param.basis is not None or param.indicator is not None


def unset_note(param: Param) -> str:
    if param.duty:
        return f"{param.label}是法定义务，正文写法定要求，不设本地目标值"
    return f"{param.label}未填本地目标值，正文改用不含数值的写法；有本地目标的，填写后写入数值"


def figure_free(text: str, names: tuple[str, ...], profile: Profile, library: Library,
                values: Mapping[str, str]) -> tuple[str, list[Default]]:
    """`text` (unfilled) with each unprintable figure's clause rewritten, and a Default for each
    rewritten one whose text is the wording as it stands in the draft (`values` fill it)."""
    defaults: list[Default] = []
    for name in names:
        param = library.params[name]
        slot = "{" + name + "}"
        if slot not in text or printable(param, profile):
            continue
        text = _rewrite(text, slot, param.without)
        if param.without:
            defaults.append(Default(placeholders.fill(param.without, values), f"targets.{name}", unset_note(param)))
    return text, defaults


def _rewrite(text: str, slot: str, without: str | None) -> str:
    at = text.index(slot)
    start = max(text.rfind(mark, 0, at) for mark in _CLAUSE_END) + 1
    ends = [i for i in (text.find(mark, at) for mark in _CLAUSE_END) if i >= 0]
    end = min(ends) if ends else len(text)
    if without:
        return text[:start] + without + text[end:]
    if start > 0 and text[start - 1] == "，":  # drop the clause with the comma that led into it
        return text[:start - 1] + text[end:]
    if end < len(text) and text[end] == "，":  # a clause opening its sentence: drop its comma
        return text[:start] + text[end + 1:]
    return text[:start] + text[end:]

