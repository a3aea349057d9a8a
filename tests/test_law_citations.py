"""A law the library names is written with 书名号, as every 公文 writes it: “贯彻《中华人民共和国黄河保护法》”,
not “贯彻英雄烈士保护法” beside it (third new-user trial, F4: the same draft wrote both)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parents[1] / "drafter" / "library" / "data"
REGISTERS = {"documents.yaml", "retired.yaml", "obligations.yaml", "roles.yaml"}
PREFIX = "中华人民共和国"


def _law_names() -> set[str]:
    documents = yaml.safe_load((DATA / "documents.yaml").read_text("utf-8"))
    titles = (entry.get("title", "") for entry in documents.values() if isinstance(entry, dict))
    return {title[len(PREFIX):] for title in titles if title.startswith(PREFIX) and title.endswith("法")}


def _strings(value, key=""):
    if isinstance(value, dict):
        for name, item in value.items():
            if name not in {"id", "sources", "basis", "serves", "topic", "when", "unless", "lead", "partners"}:
                yield from _strings(item, str(name))
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, key)
    elif isinstance(value, str):
        yield value


def test_every_law_the_library_names_has_its_book_title_marks():
    names = _law_names()
    assert {"英雄烈士保护法", "行政复议法", "黄河保护法"} <= names
    bare = []
    for path in sorted(DATA.glob("*.yaml")):
        if path.name in REGISTERS:
            continue
        for text in _strings(yaml.safe_load(path.read_text("utf-8"))):
            for name in names:
                for found in re.finditer(re.escape(name), text):
                    before = text[:found.start()]
                    if before.rfind("《") <= before.rfind("》"):
                        bare.append(f"{path.name}：{text[max(0, found.start() - 12):found.end()]}")
    assert not bare, bare
