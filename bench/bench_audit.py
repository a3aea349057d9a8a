"""Speed of `drafter audit` on a 50,000-character plan: in-process median and a cold CLI run.

python bench/bench_audit.py [--rounds N]; the goal is ≤ 1 s. The plan is the seed plans
joined and cut at 50,000 characters, audited as a 2026—2030 plan of 璧山区 dated 2026-12-01.
Also the gazetteer's division-name matcher (A404/A405, the profile's 提示) alone over the same
text, once built: goal well under 0.1 s."""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE = 50_000
GOAL = 1.0
MATCHER_GOAL = 0.1


def plan_text() -> str:
    text = "\n".join((ROOT / "drafter" / "seeds" / f"{key}.txt").read_text("utf-8")
                     for key in ("bishan", "zhangye", "suining", "datong", "biyang"))
    return text[:SIZE]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    rounds = parser.parse_args().rounds
    from drafter.audit import audit_text, make_context
    from drafter.library import load_library

    library = load_library()
    context = make_context(library, profile=ROOT / "profiles" / "bishan.yaml", period="2026-2030", issued="2026-12-01")
    text = plan_text()
    times, count = [], 0
    for _ in range(rounds):
        start = time.perf_counter()
        count = len(audit_text(text, context, library))
        times.append(time.perf_counter() - start)
    warm = statistics.median(times)
    from drafter.gazetteer import load_gazetteer
    from drafter.gazetteer.former import load_former
    from drafter.gazetteer.mentions import Locality, Matcher, foreign_mentions

    start = time.perf_counter()
    Matcher(load_gazetteer(), load_former())
    built = time.perf_counter() - start
    locality = Locality.of("璧山区", "重庆市")
    scans, named = [], 0
    for _ in range(rounds):
        start = time.perf_counter()
        named = len(foreign_mentions(text, locality))
        scans.append(time.perf_counter() - start)
    scan = statistics.median(scans)
    with tempfile.TemporaryDirectory() as folder:
        plan = Path(folder) / "plan.txt"
        plan.write_text(text, "utf-8")
        command = [sys.executable, "-m", "drafter", "audit", str(plan), "--profile", str(ROOT / "profiles" / "bishan.yaml"),
                   "--period", "2026-2030", "--date", "2026-12-01", "-o", str(Path(folder) / "r.txt"), "--force"]
        cold = []
        for _ in range(max(3, rounds // 2)):
            start = time.perf_counter()
            subprocess.run(command, cwd=folder, capture_output=True, check=False)
            cold.append(time.perf_counter() - start)
    print(f"plan: {len(text):,} characters, {text.count(chr(10)) + 1} lines, {count} findings")
    print(f"in-process audit, median of {rounds}: {warm * 1000:.0f} ms (goal ≤ {GOAL:.0f} s: {'met' if warm <= GOAL else 'NOT met'})")
    print(f"division names (gazetteer matcher), median of {rounds}: {scan * 1000:.1f} ms, {named} names of other places "
          f"(goal < {MATCHER_GOAL * 1000:.0f} ms: {'met' if scan < MATCHER_GOAL else 'NOT met'}); built once in {built * 1000:.0f} ms")
    print(f"cold `python -m drafter audit … -o`, median of {len(cold)}: {statistics.median(cold) * 1000:.0f} ms "
          f"(goal ≤ {GOAL:.0f} s: {'met' if statistics.median(cold) <= GOAL else 'NOT met'})")


if __name__ == "__main__":
    main()
