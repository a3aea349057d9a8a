"""Measures of a draft's wording that a reader notices: an idea said twice, generic words.

Used by the tests and by `tools/check_library.py`, so the library's authors and CI
apply the same rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations
from typing import Iterable, Sequence

RUN = 14  # a shared run of this many characters is the same sentence said twice
JACCARD = 0.4  # character-bigram overlap at which two measures say the same thing

_PUNCT = re.compile(r"[\s，。、；：“”‘’（）《》〈〉【】！？,.;:()\-—…]")
# Words that belong to no locality: a draft names the body instead.
GENERIC_WORDS = ("本级党委", "本级政府", "本省", "本市", "党委法治建设议事协调机构", "村（居）")


def plain(text: str) -> str:
    """The characters a reader compares: punctuation and spaces removed."""
    return _PUNCT.sub("", text)


def longest_shared_run(a: str, b: str) -> str:
    """The longest substring two texts share (dynamic programming over characters)."""
    best, best_end = 0, 0
    previous = [0] * (len(b) + 1)
    for i, char in enumerate(a, 1):
        current = [0] * (len(b) + 1)
        for j, other in enumerate(b, 1):
            if char == other:
                current[j] = previous[j - 1] + 1
                if current[j] > best:
                    best, best_end = current[j], i
        previous = current
    return a[best_end - best:best_end]


def bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def jaccard(a: str, b: str) -> float:
    first, second = bigrams(a), bigrams(b)
    return len(first & second) / len(first | second) if first and second else 0.0


@dataclass(frozen=True)
class Overlap:
    """Two measures that say one thing twice (a shared run or a high Jaccard)."""
    first: str  # measure id (or a label)
    second: str
    run: str  # the longest shared run (punctuation removed)
    jaccard: float

    def __str__(self) -> str:
        return f"{self.first} ~ {self.second}: 共同片段“{self.run}”（{len(self.run)}字），二元组重合度 {self.jaccard:.2f}"


def overlaps(texts: Sequence[tuple[str, str]], run: int = RUN, limit: float = JACCARD) -> list[Overlap]:
    """Pairs of (label, text) that share a run of `run` characters or a bigram Jaccard ≥ `limit`."""
    prepared = [(label, plain(text)) for label, text in texts]
    found = []
    for (label_a, a), (label_b, b) in combinations(prepared, 2):
        score = jaccard(a, b)
        # Cheap filter first: a shared run of n characters implies n-1 shared bigrams.
        if len(bigrams(a) & bigrams(b)) < run - 1 and score < limit:
            continue
        shared = longest_shared_run(a, b)
        if len(shared) >= run or score >= limit:
            found.append(Overlap(label_a, label_b, shared, score))
    return found


def generic_words(text: str, locality_names: Iterable[str] = ()) -> list[str]:
    """Generic words left in a text; 本市 inside the locality's own name does not count."""
    masked = text
    for name in locality_names:
        if name:
            masked = masked.replace(name, "□" * len(name))
    return [word for word in GENERIC_WORDS if word in masked]
