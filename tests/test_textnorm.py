"""Folded YAML texts lose the spaces line breaks put between Chinese characters, and keep
the spaces between Latin words (drafter/profile/textnorm.py)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from drafter.profile.textnorm import tidy
from test_properties import SETTINGS

# The rule in its plainest form: a run of spaces or tabs touching a wide character goes.
_WIDE = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u2014\u201c\u201d"
_RULE = re.compile(rf"(?<=[{_WIDE}])[ \t]+|[ \t]+(?=[{_WIDE}])")


def test_examples() -> None:
    assert tidy(" 推进 综合执法改革，  实行“局队合一” ") == "推进综合执法改革，实行“局队合一”"
    assert tidy("Times New Roman 字体") == "Times New Roman字体"
    assert tidy("12345 热线 and  more") == "12345热线and  more"
    assert tidy("a \t b") == "a \t b"


@SETTINGS
@given(st.text(st.sampled_from(list("ab1 \t中文，“”—　ＡＢ。")), max_size=40))
def test_the_same_as_the_rule(text: str) -> None:
    assert tidy(text) == _RULE.sub("", text.strip())
