"""The installed `drafter` command works from any directory (templates, schemas,
library and seeds travel with the package). CI installs with `pip install .`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PROFILES

COMMAND = shutil.which("drafter", path=str(Path(sys.executable).parent))


@pytest.mark.skipif(COMMAND is None, reason="drafter is not installed in this environment")
def test_console_script_drafts_from_another_directory(tmp_path):
    result = subprocess.run(
        [COMMAND, "draft", str(PROFILES / "qinghe.yaml"), "-o", "drafts"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    written = tmp_path / "drafts" / "清河县法治政府建设实施方案（2026—2030年）.docx"
    assert result.stdout.strip() == str(Path("drafts") / written.name)
    assert written.stat().st_size > 10_000
    stats = subprocess.run([COMMAND, "library", "stats"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert "覆盖纲要专题：32 / 32" in stats.stdout


@pytest.mark.skipif(COMMAND is None, reason="drafter is not installed in this environment")
def test_console_script_user_error_has_no_traceback(tmp_path):
    result = subprocess.run([COMMAND, "validate", "missing.yaml"], cwd=tmp_path, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.strip() == "错误：missing.yaml：找不到这个档案文件，请检查路径是否写对。"
