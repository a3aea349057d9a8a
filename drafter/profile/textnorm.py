"""Tidy texts written in YAML: folded scalars put a space at every line break."""

from __future__ import annotations

import re

# A space next to a Chinese character or full-width punctuation is a folding artefact;
# spaces between Latin words (Times New Roman, 12345 热线) stay.
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u2014\u201c\u201d"
_FOLD_SPACE = re.compile(rf"(?<=[{_CJK}])[ \t]+|[ \t]+(?=[{_CJK}])")


def tidy(text: str) -> str:
    return _FOLD_SPACE.sub("", text.strip())
