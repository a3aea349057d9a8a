"""Print the sizes README quotes: the quick-start profile at each detail level, the seed models.

    python tools/measure_sizes.py
"""

from __future__ import annotations

import re
from pathlib import Path

from drafter.api import draft_document
from drafter.library import load_library
from drafter.library.citations import PLANS
from drafter.library.model import SEED_KEYS
from drafter.plan import make_plan
from drafter.profile import load_profile
from drafter.size import cjk_count, measure

ROOT = Path(__file__).resolve().parent.parent


def size_of(path: Path, library):  # type: ignore[no-untyped-def]
    profile = load_profile(path, library)
    plan = make_plan(profile, library)
    return measure(draft_document(profile, library), [m.deadline for m in plan.measures()])


def main() -> None:
    library = load_library()
    text = (ROOT / "profiles/qinghe.yaml").read_text(encoding="utf-8")
    for detail in ("compact", "standard", "full"):
        path = Path(f"/tmp/qinghe-{detail}.yaml")
        path.write_text(re.sub(r"detail: \w+", f"detail: {detail}", text), encoding="utf-8")
        size = size_of(path, library)
        print(f"{detail}: 约 {round(size.characters, -2):,} 字，{size.measures} 条措施")
    for key in SEED_KEYS:
        size = size_of(ROOT / f"profiles/{key}.yaml", library)
        seed = cjk_count((ROOT / f"drafter/seeds/{key}.txt").read_text(encoding="utf-8"))
        print(f"{key} {PLANS[key]}: 约 {round(size.characters, -2):,} 字，{size.measures} 条措施；"
              f"原方案约 {round(seed, -2):,} 字（{size.characters / seed:.1f} 倍）")


if __name__ == "__main__":
    main()
