"""Benchmark: the review copy (审阅稿) of a plan of about 1,000 measures (issue 17.8: ≤ 2 s).

    python bench/bench_review.py [--rounds N]

Measured side by side in one run, medians:
1. `drafter draft PROFILE --review` as a new process (the whole command a user runs);
2. in process, the review writer alone on the drafted document;
3. plain python-docx writing the same paragraphs with one comment each through its own
   `add_comment` (what a straightforward python-docx review writer would cost);
4. pandoc turning the draft's Markdown into .docx (no comments: the floor of any converter),
   skipped with a message where pandoc is missing.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL_SECONDS = 2.0


def thousand_measures(folder: Path) -> Path:
    """The quick-start locality at `full`, with 200 initiatives and 20 local chapters: ~1,150 measures."""
    base = (ROOT / "profiles" / "qinghe.yaml").read_text("utf-8").split("initiatives:")[0]
    initiatives = "".join(f"  - topic: digital.platforms\n    title: 举措{i}\n    text: 围绕本地产业开展第{i}项法律服务。\n"
                          "    lead: [justice]\n" for i in range(200))
    chapters = "".join(f"  - title: 地方章{n}\n    topics:\n" + "".join(
        f"      - title: 专题{t}\n        measures:\n" + "".join(
            f"          - title: 措施{t}{k}\n            text: 推进第{t}项第{k}个地方工作。\n            lead: [justice]\n"
            for k in range(3)) for t in range(12)) for n in range(20))
    path = folder / "thousand.yaml"
    path.write_text(base + "initiatives:\n" + initiatives + "chapters:\n" + chapters + "selection:\n  detail: full\n",
                    encoding="utf-8")
    return path


def median_s(func, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    from drafter.api import draft_document
    from drafter.document import Paragraph
    from drafter.library import load_library
    from drafter.profile import load_profile
    from drafter.writers import WRITERS
    from drafter.writers.docx_review import write_review_docx

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        profile_path = thousand_measures(work)
        library = load_library()
        document = draft_document(load_profile(profile_path, library), library)
        measures = sum(1 for block in document.blocks if isinstance(block, Paragraph) and block.provenance)
        drafter = shutil.which("drafter") or sys.exit("drafter 未安装：请先 pip install .")

        def command() -> None:
            out = work / "out"
            shutil.rmtree(out, ignore_errors=True)
            subprocess.run([drafter, "draft", str(profile_path), "-o", str(out), "--review"], check=True,
                           capture_output=True, cwd=work)

        import docx

        texts = [b.text if hasattr(b, "text") else "".join(r.text for r in b.runs)
                 for b in document.blocks if isinstance(b, Paragraph)]

        def plain() -> None:
            doc = docx.Document()
            for text in texts:
                paragraph = doc.add_paragraph(text)
                doc.add_comment(paragraph.runs, text="来源", author="drafter", initials="DR")
            doc.save(io.BytesIO())

        command()
        print(f"审阅稿基准：{measures} 条措施，{rounds} 轮中位数")
        whole = median_s(command, rounds)
        writer = median_s(lambda: write_review_docx(document), rounds)
        floor = median_s(plain, max(1, rounds // 2))
        print(f"  drafter draft --review（整条命令）：{whole:.2f} s（目标 ≤ {GOAL_SECONDS:.0f} s："
              f"{'达到' if whole <= GOAL_SECONDS else '未达到'}）")
        print(f"  审阅稿写入（进程内）：{writer:.2f} s")
        print(f"  python-docx 逐段加批注（同样段落）：{floor:.2f} s，drafter 为其 {writer / floor:.2f} 倍")
        pandoc = shutil.which("pandoc")
        if pandoc:
            markdown = work / "draft.md"
            markdown.write_bytes(WRITERS["md"](document))
            converted = median_s(lambda: subprocess.run([pandoc, str(markdown), "-o", str(work / "p.docx")], check=True),
                                 rounds)
            print(f"  pandoc Markdown→docx（无批注）：{converted:.2f} s，drafter 整条命令为其 {whole / converted:.2f} 倍")
        else:
            print("  pandoc 未安装，跳过对比（apt-get install pandoc）")
        print(f"  负载：{os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
