"""Benchmark: how long drafting takes, measured as medians (never asserted in tests).

    python bench/bench_draft.py [--rounds N]

Prints the median of: loading the library (cold), loading+validating one profile,
planning+rendering one document, writing .docx, and a batch of the six shipped
profiles drafted in one process with one loaded library.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from drafter.api import draft_document
from drafter.library import load_library
from drafter.library.loader import DATA
from drafter.profile import load_profile
from drafter.writers import WRITERS

PROFILES = Path(__file__).resolve().parent.parent / "profiles"


def median_ms(action, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    rounds = parser.parse_args().rounds

    def cold_library():
        load_library.cache_clear()
        load_library(DATA)

    library = load_library()
    example = PROFILES / "qinghe.yaml"
    profile = load_profile(example, library)
    document = draft_document(profile, library)
    shipped = sorted(PROFILES.glob("*.yaml"))

    def batch():
        for path in shipped:
            WRITERS["docx"](draft_document(load_profile(path, library), library))

    rows = [
        ("load library (cold)", median_ms(cold_library, rounds)),
        ("load + validate profile", median_ms(lambda: load_profile(example, library), rounds)),
        ("plan + render document", median_ms(lambda: draft_document(profile, library), rounds)),
        ("write .docx", median_ms(lambda: WRITERS["docx"](document), rounds)),
        ("write .md", median_ms(lambda: WRITERS["md"](document), rounds)),
        (f"batch of {len(shipped)} profiles to .docx", median_ms(batch, max(3, rounds // 5))),
    ]
    for name, value in rows:
        print(f"{name:<32} {value:8.1f} ms (median)")


if __name__ == "__main__":
    main()
