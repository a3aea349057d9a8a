"""A library author's check: sizes per topic, overlaps, generic words, leads, dated measures.

    python tools/check_library.py [chapter-id ...]

Prints what tests/test_library*.py and the draft-size tests will hold the library to,
measured on the library texts filled for a sample county (清河县, 2026—2030).
"""

from __future__ import annotations

import re
import sys

from drafter.gazetteer.platforms import service_platforms
from drafter.library import Library, Measure, load_library, placeholders
from drafter.library.leads import lead_problems
from drafter.library.quality import generic_words, overlaps
from drafter.library.retired import find as find_retired

CJK = re.compile(r"[\u4e00-\u9fff]")
SAMPLE = {
    "locality": "清河县", "short": "清河", "scope": "全县", "gov": "县政府", "lower_govs": "各乡镇人民政府",
    "kind": "实施方案", "prov": "省", "province": "河北省", "towns": "乡镇", "start": "2026", "end": "2030",
    "deadline": "2027年底前",
} | {f"year{n}": str(2025 + n) for n in range(1, 11)}


def cjk(text: str) -> int:
    return len(CJK.findall(text))


def filled(library: Library, measure: Measure, text: str | None = None) -> str:
    values = dict(SAMPLE)
    values |= {name: str(param.default) for name, param in library.params.items()}
    values |= {f"role:{key}": (role.default or f"〔{key}〕").replace("{p}", "县") for key, role in library.roles.items()}
    hebei = service_platforms(SAMPLE["province"])  # the registry's names for the sample's province
    values |= {"prov_platform": hebei.web if hebei else "", "prov_app": hebei.app if hebei else ""}
    return placeholders.fill(text or measure.text, values)


def ranked(measures: tuple[Measure, ...]) -> list[Measure]:
    order = {measure.id: index for index, measure in enumerate(measures)}
    return sorted(measures, key=lambda m: (not m.key, -m.support, order[m.id]))


def tiers(measure) -> frozenset[str]:
    """The tiers whose drafts can carry the measure: legislation and districts are city powers."""
    if measure.requires & {"legislation", "districts"}:
        return measure.levels & {"city"}
    return frozenset(measure.levels)


def leaves_words(measure: Measure, other: str) -> bool:
    """Whether the measure leaves words to the other one when both are drafted (leaves_to)."""
    return any(target == other for target, _, _ in measure.leaves_to)


def main(chapters: list[str]) -> int:
    library = load_library()
    total = {"standard": 0, "compact": 0, "full": 0}
    counts = {"standard": 0, "compact": 0, "full": 0}
    for chapter in library.chapters:
        if chapters and chapter.id not in chapters:
            continue
        print(f"== {chapter.part} {chapter.id}")
        for topic in chapter.topics:
            sizes = [cjk(filled(library, m)) + cjk(m.title) + 20 for m in topic.measures]
            print(f"  {topic.no:>2} {topic.id} weight={topic.weight} measures={len(topic.measures)} "
                  f"chars={sum(sizes)}")
            for measure in ranked(topic.measures):
                size = cjk(filled(library, measure))
                flags = ("key " if measure.key else "") + f"support={measure.support}"
                flags += f" deadline={measure.deadline}" if measure.deadline is not None else ""
                flags += f" until={measure.until}" if measure.until else ""
                flags += f" since={measure.since}" if measure.since else ""
                flags += f" requires={','.join(sorted(measure.requires))}" if measure.requires else ""
                print(f"       {size:>4}字 {measure.id} [{flags}]")
            ordered = ranked(topic.measures)
            for level, quota in (("standard", topic.weight), ("compact", max(1, topic.weight // 2)),
                                 ("full", len(ordered))):
                chosen = ordered[:quota]
                counts[level] += len(chosen)
                total[level] += sum(cjk(filled(library, m)) + cjk(m.title) + 20 for m in chosen)
    print("\n估计（措施正文+标题+单位，另加约 3,000 字的总体要求、序言、步骤、标题）：")
    for level in ("compact", "standard", "full"):
        print(f"  {level}: {counts[level]} 条措施，约 {total[level] + 3000:,} 字")
    problems = 0
    texts = [(m.id, filled(library, m)) for m in library.measures()
             if not chapters or m.chapter in chapters or True]
    print("\n重复（14字相同片段或二元组重合度≥0.4）：")
    measures = {m.id: m for m in library.measures()}
    for overlap in overlaps(texts):
        if not tiers(measures[overlap.first]) & tiers(measures[overlap.second]):
            continue  # a county's and a city's version of one duty never meet in a draft
        if leaves_words(measures[overlap.first], overlap.second) or leaves_words(measures[overlap.second], overlap.first):
            continue  # the shared words are left to the other measure (leaves_to): never printed twice
        if not chapters or any(o.split(".")[0] in chapters for o in (overlap.first, overlap.second)):
            print("  " + str(overlap))
            problems += 1
    print("\n通用词（应换成本地单位或占位符）：")
    for measure in library.measures():
        words = generic_words(measure.text + measure.title)
        if words and (not chapters or measure.chapter in chapters):
            print(f"  {measure.id}: {'、'.join(words)}")
            problems += 1
    print("\n停用的提法（library/data/retired.yaml，按 2026 年起的规划）：")
    for measure in library.measures():
        if chapters and measure.chapter not in chapters:
            continue
        current = measure.later if measure.later is not None and (measure.until or 9999) < 2026 else measure
        for entry, hit in find_retired(current.text + (current.title or ""), 2026):
            print(f"  {measure.id}: “{hit}” → {entry.today}")
            problems += 1
    print("\n牵头单位：")
    for measure in library.measures():
        if chapters and measure.chapter not in chapters:
            continue
        roles = [library.roles[r] for r in measure.lead]
        bad = [r.label for r in roles if not r.may_lead]
        if bad or all(r.group for r in roles):
            print(f"  {measure.id}: lead={list(measure.lead)} {'不能牵头：' + '、'.join(bad) if bad else '只有集合角色'}")
            problems += 1
    for problem in lead_problems(library):  # the rule table of docs/LIBRARY.md
        if not chapters or problem.split(".")[0] in chapters:
            print("  " + problem)
            problems += 1
    print(f"\n共 {problems} 个问题")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
