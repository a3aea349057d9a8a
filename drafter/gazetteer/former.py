"""Divisions abolished recently (data/former.tsv): an older plan still names them, and so does a plan
copied from one. Each row says when and into what; the file's header says where that was verified."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from ..errors import Problem, ValidationFailed
from .divisions import COUNTY_TYPES, DATA, PREFECTURE_TYPES, Division, Gazetteer

FIELDS = ("name", "short", "type", "parent", "abolished", "successor")


@dataclass(frozen=True)
class Former:
    """An abolished division, as a Division without a code of its own, and what replaced it."""
    division: Division
    abolished: str  # 2025-11-06
    successor: str  # 两江新区


def read_former(path: Path, gazetteer: Gazetteer) -> list[Former]:
    """Every row of a former-divisions file; every problem at once."""
    header: dict[str, str] = {}
    found: list[Former] = []
    problems: list[Problem] = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if line.startswith("#"):
            key, _, value = line[1:].strip().partition(":")
            header[key.strip()] = value.strip()
            continue
        if not line.strip():
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if len(cells) != len(FIELDS):
            problems.append(Problem(str(path), number, "", f"应有 {len(FIELDS)} 列（{'、'.join(FIELDS)}），现在有 {len(cells)} 列"))
            continue
        name, short, kind, parent, abolished, successor = cells
        if kind not in PREFECTURE_TYPES + COUNTY_TYPES or parent not in gazetteer.by_code or not (name and successor) \
                or not _iso(abolished):
            problems.append(Problem(str(path), number, "", f"{name}：类型、上级代码（现行区划中的代码）、撤销日期（如 2025-11-06）和承继区划都要写明"))
            continue
        division = Division("", name, short, kind, parent, header.get("source", ""), header.get("as_of", ""))
        found.append(Former(division, abolished, successor))
    problems += [Problem(str(path), 1, "", f"文件头缺少“# {key}: …”（{word}），区划数据必须写明出处和日期")
                 for key, word in (("source", "来源"), ("as_of", "核实日期")) if not header.get(key)]
    if problems:
        raise ValidationFailed(problems)
    return found


def _iso(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


@lru_cache(maxsize=1)
def load_former() -> tuple[Former, ...]:
    from . import load_gazetteer

    return tuple(read_former(DATA / "former.tsv", load_gazetteer()))
