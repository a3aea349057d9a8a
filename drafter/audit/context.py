"""Who the plan is for: from a profile (--profile) or from a name and level (--name, --level)."""

from __future__ import annotations

import re
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

from ..errors import DrafterError
from ..library import Library
from ..plan.issue import issue_date
from ..profile import load_profile
from ..profile.levels import LEVELS, guess_level, level_advice, parse_level
from ..profile.loader import Period
from .model import Context


def parse_period(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d{4})\s*[-—–－~至]\s*(\d{4})\s*年?\s*", text)
    if not match or not int(match.group(1)) <= int(match.group(2)) <= int(match.group(1)) + 10:
        raise DrafterError(f"--period “{text}”无法识别，请写成 2026-2030 的形式（起止年份，相差不超过十年）")
    return int(match.group(1)), int(match.group(2))


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise DrafterError(f"--date “{text}”无法识别，请写成 2026-12-01 的形式（印发日期）") from None


def make_context(library: Library, profile: Path | None = None, name: str | None = None,
                 level: str | None = None, province: str | None = None, period: str | None = None,
                 issued: str | None = None) -> Context:
    """The audit's context; DrafterError (one Chinese message) when it cannot be known."""
    if profile is not None and name is not None:
        raise DrafterError("--profile 与 --name 只能选一个：有档案时用 --profile，没有时用 --name 和 --level")
    if profile is not None:
        loaded = load_profile(profile, library)
        named = True
    elif name is not None:
        loaded = _profile_for(library, name, level, province)
        named = False
    else:
        raise DrafterError("请用 --profile 给出辖区档案，或用 --name（辖区全称）和 --level（层级）说明方案是哪里的")
    start, end = parse_period(period) if period else (loaded.period.start, loaded.period.end)
    # the date the draft itself is scheduled from: document.date (which audit never read in its ISO
    # form, s15 r18b), else today, as `draft` takes it
    when = parse_date(issued) if issued else issue_date(loaded)
    return Context(replace(loaded, period=Period(start, end)), start, end, when, named,
                   profile is not None or province is not None)


def _profile_for(library: Library, name: str, level: str | None, province: str | None):  # type: ignore[no-untyped-def]
    """A profile for --name: the gazetteer fills province, city, level and short name; an
    ambiguous name needs --province, a name not in it needs --level and --province."""
    from ..gazetteer import load_gazetteer
    from ..profile.placecheck import candidates
    from ..profile.places import full_province

    places = load_gazetteer().places(name)
    if province:
        places = [p for p in places if p.province == (full_province(province) or province.strip())] or places
    if len(places) > 1:
        raise DrafterError(f"选项 --name {name}：同名的有 {candidates(places)}，请用 --province 说明是哪一个")
    known = places[0] if places else None
    found = parse_level(level) if level else (LEVELS.get(known.division.level or "") if known else guess_level(name))
    if found is None:
        raise DrafterError(level_advice(level) if level else f"无法从“{name}”判断层级，请用 --level 写明（如 county、district）")
    place = province or (known.province if known else None)
    if not place:
        raise DrafterError(f"行政区划中没有“{name}”，请用 --province 写明所在省（自治区、直辖市），如 --province 河北省")
    short = known.division.short if known else (name[:-1] if len(name) > 2 else name)
    lines = ["jurisdiction:", f"  name: {name}", f"  short: {short}", f"  level: {found.key}", f"  province: {place}"]
    if known and known.city:
        lines.append(f"  city: {known.city}")
    lines += ["document:", "  kind: 实施方案", "  period: {start: 2026, end: 2030}"]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "audit.yaml"
        path.write_text("\n".join(lines) + "\n", "utf-8")
        return load_profile(path, library)
