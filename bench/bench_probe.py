"""Benchmark: how fast the adversarial probe's minimal cases (issue 17) are refused.

    python bench/bench_probe.py

Each case is run in process as the command would run it and timed to its refusal; the
tests check the words, this only measures (speed is never asserted in a test). Goals: a
hostile profile or plan is refused in under a second; a runaway template stops within the
render budget (limits.RENDER_SECONDS, 10 s) or sooner at the step budget.
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
import zipfile
from pathlib import Path

from drafter.api import draft_document
from drafter.errors import DrafterError
from drafter.ingest import parse_plan, read_plan
from drafter.library import load_library
from drafter.profile import load_profile
from drafter.render import limits

HEAD = """\
jurisdiction: {name: 清河县, short: 清河, level: county, province: 河北省, city: 邢台市}
document: {kind: 实施方案, period: {start: 2026, end: 2030}}
"""
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def timed(action) -> tuple[float, str]:
    started = time.perf_counter()
    try:
        action()
        outcome = "（没有拒绝）"
    except DrafterError as error:
        outcome = str(error).splitlines()[0]
    return time.perf_counter() - started, outcome


def profile_cases(folder: Path, library) -> dict:
    long_role = HEAD + "initiatives:\n  - {topic: digital.platforms, title: 举措, text: 内容。, lead: [justice, " + "司" * 200_000 + "]}\n"
    cases = {"200,000-character role in lead": long_role, "!!float abc": HEAD.replace("jurisdiction:", "x: !!float abc\njurisdiction:"),
             "1,000 initiatives": HEAD + "initiatives:\n" + "  - {topic: digital.platforms, title: 举措, text: 内容。, lead: [justice]}\n" * 1000}
    actions = {}
    for name, text in cases.items():
        path = folder / f"{abs(hash(name))}.yaml"
        path.write_text(text, encoding="utf-8")
        actions[name] = lambda path=path: load_profile(path, library)
    return actions


def template_cases(folder: Path, library) -> dict:
    profile_path = folder / "p.yaml"
    profile_path.write_text(HEAD, encoding="utf-8")
    profile = load_profile(profile_path, library)
    hangs = {
        "nested loops over strings": "{% for a in 'x' * 999999 %}{% for b in 'y' * 999999 %}{% endfor %}{% endfor %}",
        "branching macro recursion": "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(60) }}",
        "plan inside range(200000)": "{% for i in range(200000) %}{% for t in plan.chapters %}{{ t.title|length }}{% endfor %}{% endfor %}",
        "'x'|center(10**9)": "{{ 'x'|center(1000000000) }}",
        "string doubling": "{% set ns = namespace(s='x' * 1000000) %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
    }
    actions = {}
    for n, (name, body) in enumerate(hangs.items()):
        custom = folder / f"tpl{n}"
        custom.mkdir()
        (custom / "preamble.j2").write_text("{{ para() }}" + body, encoding="utf-8")
        actions[name] = lambda custom=custom: draft_document(profile, library, custom)
    return actions


def ingest_cases(folder: Path) -> dict:
    rng = random.Random(1)
    body = "".join(f"<w:p><w:r><w:t>{rng.randint(0, 10**9)}法治</w:t></w:r></w:p>" for _ in range(500_000))
    many = folder / "many.docx"
    with zipfile.ZipFile(many, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", f'<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>')
    markers = folder / "markers.txt"
    markers.write_text("一、总体要求\n" + "1.\n" * 500_000, encoding="utf-8")
    digits = folder / "digits.txt"
    digits.write_text("一、总体要求\n（" + "9" * 5000 + "）措施。\n", encoding="utf-8")
    return {name: (lambda path=path: parse_plan(read_plan(path), "x")) for name, path in
            (("500,000-paragraph .docx", many), ("500,000 marker lines", markers), ("5,000-digit list number", digits))}


def main() -> None:
    library = load_library()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        groups = {"档案": (profile_cases(work, library), 1.0), "模板": (template_cases(work, library), limits.RENDER_SECONDS + 1),
                  "方案文件": (ingest_cases(work), 1.0)}
        for group, (actions, goal) in groups.items():
            print(f"{group}（目标 ≤ {goal:g} s）")
            for name, action in actions.items():
                runs = [timed(action) for _ in range(3)]
                seconds = statistics.median(r[0] for r in runs)
                print(f"  {name}: {seconds:.2f} s {'达到' if seconds <= goal else '未达到'} — {runs[0][1][:70]}")
    print(f"负载：{os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
