"""Heading numbers of the four 公文 levels: 一、 （一） 1. （1）."""

from __future__ import annotations

DIGITS = "零一二三四五六七八九"


def _below_10000(n: int, leading: bool) -> str:
    """1–9999 in Chinese counting words: 一千零二, 三百一十五; 十四 only at the front."""
    text, zero = "", False
    for unit, word in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, unit)
        if digit:
            if zero:
                text += "零"
            text += ("" if digit == 1 and word == "十" and not text and leading else DIGITS[digit]) + word
            zero = False
        elif text:
            zero = n > 0
    return text


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 14 → 十四, 35 → 三十五, 100 → 一百, 1002 → 一千零二, 10001 → 一万零一.

    Every positive number has one, so no count a profile may hold runs out of numerals."""
    if n <= 0:
        raise ValueError(f"no Chinese numeral for {n}")
    high, low = divmod(n, 10000)
    if not high:
        return _below_10000(low, leading=True)
    text = chinese_numeral(high) + "万"
    if low:
        text += ("零" if low < 1000 else "") + _below_10000(low, leading=False)
    return text


def number_text(level: int, n: int) -> str:
    if level == 1:
        return f"{chinese_numeral(n)}、"
    if level == 2:
        return f"（{chinese_numeral(n)}）"
    if level == 3:
        return f"{n}."
    return f"（{n}）"
