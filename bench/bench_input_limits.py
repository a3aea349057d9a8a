"""Benchmark: how fast hostile or oversized profiles are refused (issue 9: under a second).

    python bench/bench_input_limits.py

Writes each input of issue 9's "Why" into a temporary folder, loads it as `drafter validate`
does and prints the time to the refusal and the first line of the message. The tests
check the messages; this only measures (never asserted in tests).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from drafter.errors import DrafterError
from drafter.library import load_library
from drafter.profile import load_profile

HEAD = """\
jurisdiction: {name: 清河县, short: 清河, level: county, province: 河北省, city: 邢台市}
document: {kind: 实施方案, period: {start: 2026, end: 2030}}
"""


def billion_laughs(levels: int) -> str:
    lines = ['a0: &a0 ["哈哈哈哈哈哈哈哈", "哈哈哈哈哈哈哈哈", "哈哈哈哈哈哈哈哈", "哈哈哈哈哈哈哈哈"]']
    lines += [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]" for n in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


def cases() -> dict[str, str]:
    return {
        "alias bomb, 8 levels": HEAD + billion_laughs(8),
        "alias bomb, 9 levels": HEAD + billion_laughs(9),
        "recursive alias": HEAD + "units: &u [*u]\n",
        "nesting 100,000 deep": HEAD + "units: " + "[" * 100_000 + "]" * 100_000 + "\n",
        "50 MB of unknown keys": HEAD + "".join(f"unknown_{n}: 值\n" for n in range(3_000_000)),
        "50 MB selection.drop": HEAD + "selection:\n  drop:\n" + "    - functions.no_such_measure\n" * 1_500_000,
        "0.9 MB selection.drop": HEAD + "selection:\n  drop:\n" + "    - functions.no_such_measure\n" * 28_000,
        "999 unknown unit keys": HEAD + "units:\n" + "".join(f"  justise{n}: 司法局\n" for n in range(999)),
        "6,000 unit names as roles": HEAD + "initiatives:\n" + "".join(
            f"  - {{topic: digital.platforms, title: t, text: x, lead: [{', '.join(f'市委政法委{n}{m}' for m in range(20))}]}}\n"
            for n in range(300)),
    }


def main() -> None:
    library = load_library()
    with tempfile.TemporaryDirectory() as folder:
        for name, text in cases().items():
            path = Path(folder) / "profile.yaml"
            path.write_text(text, encoding="utf-8")
            start = time.perf_counter()
            try:
                load_profile(path, library)
                outcome = "accepted"
            except DrafterError as error:
                outcome = str(error).splitlines()[0].replace(str(path), "档案")[:70]
            elapsed = time.perf_counter() - start
            print(f"{name:<28}{path.stat().st_size / 1e6:>7.2f} MB {elapsed * 1000:>8.1f} ms  {outcome}")


if __name__ == "__main__":
    main()
