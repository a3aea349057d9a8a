"""Issue 9.3: outputs are put in place without a race, never over a file or a link without
--force, never leave a temporary file, and file names from profile strings stay safe."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from drafter.errors import DrafterError
from drafter.writers import files
from drafter.writers.files import file_name, write_atomic

QINGHE = Path(__file__).resolve().parent.parent / "profiles" / "qinghe.yaml"


def test_no_overwrite_without_force_and_force_replaces(tmp_path):
    target = tmp_path / "a.docx"
    write_atomic(target, b"first", force=False)
    with pytest.raises(DrafterError, match="文件已存在。要覆盖请加 --force"):
        write_atomic(target, b"second", force=False)
    assert target.read_bytes() == b"first"
    write_atomic(target, b"second", force=True)
    assert target.read_bytes() == b"second"
    assert [p.name for p in tmp_path.iterdir()] == ["a.docx"]


def test_a_dangling_symlink_is_never_replaced_without_force(tmp_path, run):
    link = tmp_path / "清河县法治政府建设实施方案（2026—2030年）.docx"
    link.symlink_to(tmp_path / "nowhere")
    result = run("draft", QINGHE, "-o", tmp_path)
    assert result.exit_code == 1 and "符号链接已存在" in result.stderr
    assert link.is_symlink() and not link.exists()
    outside = tmp_path / "elsewhere.docx"
    outside.write_bytes(b"keep")
    link.unlink()
    link.symlink_to(outside)
    assert run("draft", QINGHE, "-o", tmp_path, "--force").exit_code == 0
    assert outside.read_bytes() == b"keep"  # --force replaces the link, never the file it points to
    assert not link.is_symlink()


def test_racing_writers_never_replace_each_other(tmp_path, monkeypatch):
    target = tmp_path / "race.docx"
    real_link = os.link

    def slow_link(*args, **kwargs):  # widen the window between writing and putting in place
        time.sleep(0.05)
        return real_link(*args, **kwargs)

    monkeypatch.setattr(files.os, "link", slow_link)
    outcomes: list[str] = []

    def writer(n: int) -> None:
        try:
            write_atomic(target, f"writer {n}".encode(), force=False)
            outcomes.append("written")
        except DrafterError:
            outcomes.append("refused")

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("written") == 1 and outcomes.count("refused") == 7
    assert [p.name for p in tmp_path.iterdir()] == ["race.docx"]


def test_sigterm_while_writing_leaves_no_temporary_file(tmp_path):
    script = f"""
import os, time, sys
sys.path.insert(0, {str(Path(__file__).resolve().parent.parent)!r})
from drafter.writers import files
def slow(fd):
    print("writing", flush=True); time.sleep(30)
files.os.fsync = slow
files.write_atomic(__import__("pathlib").Path({str(tmp_path / "out.docx")!r}), b"x" * 1000, False)
"""
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "writing"
    process.terminate()
    process.wait(timeout=10)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_is_a_message_and_leaves_nothing(tmp_path, monkeypatch):
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full)
    with pytest.raises(DrafterError) as caught:
        write_atomic(tmp_path / "a.docx", b"data", force=False)
    assert "写入失败（磁盘空间不足）" in str(caught.value) and "No space" not in str(caught.value)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("title,expected", [
    ("..", "未命名.docx"),
    ("../法治方案", "_法治方案.docx"),
    (".法治政府建设实施方案", "法治政府建设实施方案.docx"),
    ("CON", "_CON.docx"),
    ("nul.txt", "_nul.txt.docx"),
    ("方案。。。...", "方案。。。.docx"),
    ("方案\u202egpj.exe", "方案_gpj.exe.docx"),
    ("a/b\\c:d*e?f\"g<h>i|j", "a_b_c_d_e_f_g_h_i_j.docx"),
])
def test_file_names_stay_visible_safe_and_in_the_folder(title, expected):
    assert file_name(title, "docx") == expected


def test_a_long_title_is_shortened_to_255_bytes_keeping_its_period():
    name = file_name("某" * 100 + "法治政府建设实施方案（2026—2030年）", "docx")
    assert len(name.encode("utf-8")) <= 255
    assert name.endswith("…（2026—2030年）.docx") and name.startswith("某某某")


def test_a_long_title_drafts_into_a_short_name(profile_file, run, tmp_path):
    from conftest import MINIMAL

    path = profile_file(MINIMAL + f"  title: {'长' * 100}法治政府建设实施方案（2026—2030年）\n")
    result = run("draft", path, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    written = Path(result.stdout.strip())
    assert written.parent == tmp_path / "out" and len(written.name.encode()) <= 255
