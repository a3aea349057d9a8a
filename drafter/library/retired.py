"""Retired wording (data/retired.yaml): stale phrases, today's wording, and from when.

Loaded and checked once; `find` lists the entries a text still uses. Shared by the library
tests and, later, the `audit` command, so the file stays plain data (no regex).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import Problem, ValidationFailed
from ..paths import LIBRARY_DATA

PATH = LIBRARY_DATA / "retired.yaml"
FIELDS = ("term", "today", "reason", "since", "source")
QUOTES = re.compile("[“”‘’\"']")
REGEX_SIGNS = re.compile(r"[\\^$*+?{}\[\]|()]")


@dataclass(frozen=True)
class Retired:
    term: str
    forms: tuple[str, ...]
    today: str
    reason: str
    since: int
    source: str
    titles: tuple[str, ...] = ()  # document titles that hold the term and stay as they are

    def spellings(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(unquoted(s) for s in (self.term, *self.forms)))

    def outside_titles(self, plain: str) -> str:
        """The text without the titles this entry keeps (《市场主体登记管理条例》 is a title, not a stale phrase)."""
        for title in self.titles:
            plain = plain.replace(unquoted(title), "")
        return plain


def unquoted(text: str) -> str:
    return QUOTES.sub("", text)


def _problems(index: int, entry: object) -> list[str]:
    if not isinstance(entry, dict):
        return [f"第 {index + 1} 条不是映射"]
    found = [f"第 {index + 1} 条缺少 {name}" for name in FIELDS if not entry.get(name)]
    found += [f"第 {index + 1} 条有未知字段 {name}" for name in entry if name not in FIELDS + ("forms", "titles")]
    since = entry.get("since")
    if since is not None and not (isinstance(since, int) and 2000 <= since <= 2100):
        found.append(f"第 {index + 1} 条 since 应为年份（2000—2100）")
    phrases = [entry.get("term")] + list(entry.get("forms") or [])
    for title in entry.get("titles") or []:
        if not isinstance(title, str) or entry.get("term") and str(entry["term"]) not in title:
            found.append(f"第 {index + 1} 条的 titles 中“{title}”应为含有该提法的文件标题")
    for phrase in phrases:
        if phrase is not None and (not isinstance(phrase, str) or REGEX_SIGNS.search(phrase)):
            found.append(f"第 {index + 1} 条的提法“{phrase}”应为不含正则符号的文字")
    if entry.get("today") and entry.get("term") and unquoted(str(entry["term"])) in unquoted(str(entry["today"])):
        found.append(f"第 {index + 1} 条的今天写法仍含旧提法")
    return found


@lru_cache(maxsize=2)
def load_retired(path: Path = PATH) -> tuple[Retired, ...]:
    raw = yaml.safe_load(path.read_text("utf-8"))
    if not isinstance(raw, list):
        raise ValidationFailed([Problem(str(path), None, "", "停用提法表应为列表")])
    messages = [message for index, entry in enumerate(raw) for message in _problems(index, entry)]
    terms = [unquoted(str(entry.get("term"))) for entry in raw if isinstance(entry, dict)]
    messages += [f"提法“{term}”重复" for term in sorted({t for t in terms if terms.count(t) > 1})]
    if messages:
        raise ValidationFailed([Problem(str(path), None, "", message) for message in messages])
    return tuple(
        Retired(str(e["term"]), tuple(map(str, e.get("forms") or ())), str(e["today"]), str(e["reason"]),
                int(e["since"]), str(e["source"]), tuple(map(str, e.get("titles") or ())))
        for e in raw
    )


def find(text: str, year: int, entries: tuple[Retired, ...] | None = None) -> list[tuple[Retired, str]]:
    """(entry, the spelling found) for every entry stale by `year` that the text uses."""
    plain = unquoted(text)
    found = []
    for entry in entries if entries is not None else load_retired():
        if entry.since > year:
            continue
        own = entry.outside_titles(plain)
        hit = next((s for s in entry.spellings() if s in own), None)
        if hit:
            found.append((entry, hit))
    return found
