"""Issue 9.3: `drafter ingest` refuses zip bombs, folders and devices with the right words."""

from __future__ import annotations

import zipfile
from pathlib import Path


def test_a_zip_bomb_is_refused_before_it_is_inflated(run, tmp_path):
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * 300_000_000)
    assert bomb.stat().st_size < 1_000_000
    result = run("ingest", bomb)
    assert result.exit_code == 1 and "不像一份方案文档，已拒绝读取" in result.stderr


def test_a_folder_and_a_device_are_named_for_what_they_are(run, tmp_path):
    folder = run("ingest", tmp_path)
    assert folder.exit_code == 1 and "是文件夹，不是文件" in folder.stderr
    device = run("ingest", Path("/dev/zero"))
    assert device.exit_code == 1 and "不是普通文件" in device.stderr
    missing = run("ingest", tmp_path / "none.txt")
    assert missing.exit_code == 1 and "找不到文件" in missing.stderr
