"""tools/check_library.py, the library author's check (docs/LIBRARY.md "Checking a change"), runs
over the whole library: it crashed on roles without a default name and on {prov_platform}."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_library_check_runs_over_every_chapter():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "check_library.py")], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert "== 九、" in result.stdout or "digital" in result.stdout
    assert "个问题" in result.stdout
