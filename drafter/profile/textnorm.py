"""Tidy texts written in YAML: folded scalars put a space at every line break."""

from __future__ import annotations

import re

# A space next to a Chinese character or full-width punctuation is a folding artefact;
# spaces between Latin words (Times New Roman, 12345 热线) stay. Written as a check on the
# neighbours of each run of spaces rather than one regex with lookarounds over these
# ranges, which took longer to compile (2 ms, at every start) than all the texts to tidy.
_RANGES = ((0x3000, 0x303F), (0x3400, 0x9FFF), (0xFF00, 0xFFEF), (0x2014, 0x2014), (0x201C, 0x201D))
_SPACES = re.compile(r"[ \t]+")


def _wide(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _RANGES)


def tidy(text: str) -> str:
    text = text.strip()
    if " " not in text and "\t" not in text:
        return text

    def keep(match: re.Match[str]) -> str:
        start, end = match.span()
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        return "" if (before and _wide(before)) or (after and _wide(after)) else match.group()

    return _SPACES.sub(keep, text)
