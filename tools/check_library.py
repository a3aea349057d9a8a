"""Quick checks for library chapter files while they are being written.

Usage: python tools/check_library.py drafter/library/data/02_functions.yaml [...]
Checks the JSON Schema, role keys, placeholders, deadline placeholder, and that no
measure text is a near copy (SequenceMatcher ratio >= 0.8) of a seed paragraph.
"""

from __future__ import annotations

import difflib
import json
import re
import sys
from pathlib import Path

import jsonschema
import yaml

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "drafter/schemas/library.schema.json").read_text("utf-8"))
ROLES = set(yaml.safe_load((ROOT / "drafter/library/data/roles.yaml").read_text("utf-8")))
SEEDS = ROOT / "drafter/seeds"
FIXED = {"locality", "short", "scope", "gov", "lower_govs", "start", "end", "deadline", "kind", "prov"}
FIXED |= {f"year{n}" for n in range(1, 11)}


def seed_paragraphs() -> list[str]:
    paragraphs = []
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text("utf-8").splitlines():
            line = line.strip()
            if len(line) >= 20:
                paragraphs.append(line)
    return paragraphs


def check(path: Path, paragraphs: list[str]) -> list[str]:
    problems = []
    data = yaml.safe_load(path.read_text("utf-8"))
    for error in jsonschema.Draft202012Validator(SCHEMA).iter_errors(data):
        problems.append(f"schema {'/'.join(map(str, error.path))}: {error.message}")
    for topic in data.get("topics", []):
        for m in topic.get("measures", []):
            mid = m.get("id", "?")
            if not str(mid).startswith(topic["id"] + "."):
                problems.append(f"{mid}: id must start with topic id {topic['id']}.")
            for role in m.get("lead", []) + m.get("partners", []):
                if role not in ROLES:
                    problems.append(f"{mid}: unknown role {role!r}")
            names = set(re.findall(r"\{([a-z0-9_:]+)\}", m.get("text", "")))
            for name in names:
                if name.startswith("role:"):
                    if name[5:] not in ROLES:
                        problems.append(f"{mid}: unknown role placeholder {name}")
                elif name not in FIXED and name not in (m.get("params") or {}):
                    problems.append(f"{mid}: placeholder {{{name}}} is neither fixed nor a param")
            if m.get("deadline") is not None and "{deadline}" not in m.get("text", ""):
                problems.append(f"{mid}: has a deadline but no {{deadline}} in its text")
            if re.search(r"20[0-9]{2}", m.get("text", "")):
                problems.append(f"{mid}: hard-coded year in text")
            text = m.get("text", "")
            for para in paragraphs:
                matcher = difflib.SequenceMatcher(None, text, para, autojunk=False)
                if matcher.real_quick_ratio() >= 0.8 and matcher.quick_ratio() >= 0.8 and matcher.ratio() >= 0.8:
                    problems.append(f"{mid}: near copy (ratio {matcher.ratio():.2f}) of seed paragraph {para[:30]}…")
    return problems


def main(argv: list[str]) -> int:
    paragraphs = seed_paragraphs()
    failed = 0
    for name in argv:
        problems = check(Path(name), paragraphs)
        for problem in problems:
            print(f"{name}: {problem}")
        failed += bool(problems)
        if not problems:
            print(f"{name}: ok")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
