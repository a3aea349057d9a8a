"""The start-up caches (compiled library, compiled templates, prepared .docx package) only
ever cost or save time: a draft is byte-identical with a fresh cache, a warm one, a corrupt
one, an unwritable one and none at all."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QINGHE = ROOT / "profiles" / "qinghe.yaml"


def draft(tmp_path: Path, cache: Path, name: str, **env: str) -> bytes:
    out = tmp_path / name
    environment = {key: value for key, value in os.environ.items() if key != "DRAFTER_NO_CACHE"}
    environment.update(DRAFTER_CACHE_DIR=str(cache), **env)
    result = subprocess.run([sys.executable, "-m", "drafter", "draft", str(QINGHE), "-o", str(out)],
                            capture_output=True, text=True, env=environment, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    (docx,) = out.glob("*.docx")
    return docx.read_bytes()


def test_a_cold_and_a_warm_cache_give_the_same_draft(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = draft(tmp_path, cache, "a")
    names = sorted(path.name.split("-")[0] for path in cache.glob("*.pickle"))
    assert names == ["gazetteer", "library", "package"]
    assert list((cache / "templates").iterdir())
    assert draft(tmp_path, cache, "b") == first


def test_a_corrupt_cache_is_rebuilt(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    expected = draft(tmp_path, cache, "a")
    for path in cache.glob("*.pickle"):
        path.write_bytes(b"\x80\x04not a pickle")
    for path in (cache / "templates").iterdir():
        path.write_bytes(b"garbage")
    assert draft(tmp_path, cache, "b") == expected
    assert draft(tmp_path, cache, "c") == expected  # and the rebuilt files are good


def test_no_cache_and_an_unwritable_cache_still_draft(tmp_path: Path) -> None:
    expected = draft(tmp_path, tmp_path / "cache", "a")
    empty = tmp_path / "never"
    assert draft(tmp_path, empty, "b", DRAFTER_NO_CACHE="1") == expected
    assert not empty.exists()
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    assert draft(tmp_path, blocked, "c") == expected
