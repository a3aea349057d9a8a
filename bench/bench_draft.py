"""Benchmark: medians and ratios, measured side by side in one run (never a timed test).

    python bench/bench_draft.py [--rounds N] [--batch 100]

1. in process, after warm-up: the quick-start profile drafted to .docx bytes; beside it
   plain python-docx writing the same paragraphs (the floor of any python-docx writer);
2. cold start, alternating: `drafter draft` as a new process against `pandoc` turning the
   draft's own Markdown into .docx (skipped with a message where pandoc is missing);
3. a batch of generated profiles (mixed levels) with --jobs 2: wall time and peak memory.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QINGHE = ROOT / "profiles" / "qinghe.yaml"
sys.path.insert(0, str(ROOT / "tests"))


def median_ms(func, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def in_process(rounds: int) -> tuple[float, float]:
    import docx

    from drafter.api import draft_bytes, draft_document
    from drafter.document import Paragraph
    from drafter.library import load_library
    from drafter.profile import load_profile

    library = load_library()
    profile = load_profile(QINGHE, library)
    for _ in range(3):
        draft_bytes(profile, library)
    ours = median_ms(lambda: draft_bytes(profile, library), rounds)
    texts = [b.text for b in draft_document(profile, library).blocks if isinstance(b, Paragraph)]

    def plain() -> None:
        document = docx.Document()
        for text in texts:
            document.add_paragraph(text)
        document.save(io.BytesIO())

    plain()
    return ours, median_ms(plain, rounds)


def cold(rounds: int, folder: Path) -> tuple[float, float | None]:
    # the installed console script, as users type it (python -m drafter where it is not on PATH)
    script = Path(sys.executable).with_name("drafter")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "drafter"]
    drafter = command + ["draft", str(QINGHE), "-o", str(folder), "--force"]
    # From a neutral folder: inside a checkout `python -m drafter` would run the source tree,
    # not the installed tool (and, with PYTHONDONTWRITEBYTECODE, recompile it on every start).
    run = {"check": True, "capture_output": True, "cwd": folder}
    subprocess.run(drafter[:-1] + ["--format", "md", "--force"], **run)
    markdown = next(folder.glob("*.md"))
    pandoc = shutil.which("pandoc")
    ours, theirs = [], []
    for _ in range(rounds):  # alternating, so both see the same machine
        start = time.perf_counter()
        subprocess.run(drafter, **run)
        ours.append(time.perf_counter() - start)
        if pandoc:
            start = time.perf_counter()
            subprocess.run([pandoc, str(markdown), "-o", str(folder / "pandoc.docx")], **run)
            theirs.append(time.perf_counter() - start)
    return statistics.median(ours) * 1000, statistics.median(theirs) * 1000 if theirs else None


def batch(count: int, folder: Path) -> tuple[float, float]:
    from localities import LOCALITIES, profile_text

    names = sorted(LOCALITIES)
    profiles = folder / "profiles"
    profiles.mkdir()
    for n in range(count):
        name = names[n % len(names)]
        text = profile_text(name).replace("  kind: 实施方案\n", f"  kind: 实施方案\n  title: 第{n:03d}号{name}方案（2026—2030年）\n")
        (profiles / f"p{n:03d}.yaml").write_text(text, encoding="utf-8")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "drafter", "draft", str(profiles), "-o", str(folder / "out"), "--jobs", "2"],
                   check=True, capture_output=True, cwd=folder)
    wall = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, peak_kb / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--batch", type=int, default=100)
    args = parser.parse_args()
    print(f"机器：{platform.machine()}，{os.cpu_count()} 核，Python {platform.python_version()}")
    ours, plain = in_process(args.rounds)
    print(f"进程内起草到 .docx 字节（中位数）：{ours:.0f} ms；纯 python-docx 写同样段落：{plain:.0f} ms"
          f"（{ours / plain:.1f} 倍）；目标 ≤ 30 ms（{'达到' if ours <= 30 else '未达到'}）")
    with tempfile.TemporaryDirectory() as folder:
        drafter_ms, pandoc_ms = cold(max(5, args.rounds // 2), Path(folder))
    if pandoc_ms is None:
        print(f"冷启动 drafter draft：{drafter_ms:.0f} ms；未安装 pandoc，跳过对比（apt-get install pandoc）")
    else:
        ratio = drafter_ms / pandoc_ms
        print(f"冷启动 drafter draft：{drafter_ms:.0f} ms；pandoc 转同一份 Markdown：{pandoc_ms:.0f} ms"
              f"（{ratio:.2f} 倍）；目标 ≤ 1.5 倍（{'达到' if ratio <= 1.5 else '未达到'}）")
    with tempfile.TemporaryDirectory() as folder:
        wall, peak = batch(args.batch, Path(folder))
    met = "达到" if wall <= 10 and peak <= 150 else "未达到"
    print(f"批量 {args.batch} 个档案（--jobs 2）：{wall:.1f} s，子进程峰值内存 {peak:.0f} MB；目标 ≤ 10 s、≤ 150 MB（{met}）")


if __name__ == "__main__":
    main()
