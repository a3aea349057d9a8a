"""Issue 9.4: a whole province in one run — each profile stands alone, a summary at the end."""

from __future__ import annotations

from pathlib import Path

import pytest

from localities import LOCALITIES, profile_text

NAMES = sorted(LOCALITIES)


def make_folder(folder: Path, count: int = 50, bad: tuple[int, ...] = (7, 23, 41)) -> list[Path]:
    folder.mkdir()
    paths = []
    for n in range(count):
        name = NAMES[n % len(NAMES)]
        text = profile_text(name, detail=("compact", "standard")[n % 2])
        text = text.replace(f"  name: {name}\n", f"  name: {name}\n", 1)
        text += f"  drop: []\ndocument_extra_marker: {n}\n" if n in bad else ""
        text = text.replace("  kind: 实施方案\n", f"  kind: 实施方案\n  title: 第{n:02d}号{name}法治政府建设实施方案（2026—2030年）\n")
        path = folder / f"p{n:02d}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_fifty_profiles_of_mixed_levels_a_few_invalid(run, tmp_path, jobs):
    make_folder(tmp_path / "profiles")
    out = tmp_path / "out"
    result = run("draft", tmp_path / "profiles", "-o", out, "--format", "md", "--jobs", jobs)
    assert result.exit_code == 1  # some failed
    written = sorted(p.name for p in out.iterdir())
    assert len(written) == 47 and len(result.stdout.splitlines()) == 47
    assert not any(name.startswith("第07号") or name.startswith("第23号") for name in written)
    assert "完成 47 个，失败 3 个。" in result.stderr
    for n in (7, 23, 41):
        assert f"p{n:02d}.yaml" in result.stderr and "document_extra_marker" in result.stderr
    assert "档案" in result.stderr and "输出文件" in result.stderr and "篇幅" in result.stderr
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_a_glob_and_same_named_outputs(run, tmp_path):
    folder = tmp_path / "profiles"
    folder.mkdir()
    for n in range(3):
        (folder / f"p{n}.yaml").write_text(profile_text("清河县"), encoding="utf-8")
    out = tmp_path / "out"
    result = run("draft", str(folder / "*.yaml"), "-o", out, "--format", "md")
    assert result.exit_code == 1
    assert len(list(out.iterdir())) == 1  # the first one; the others name the clash
    assert "完成 1 个，失败 2 个。" in result.stderr and "生成同名文件" in result.stderr


def test_an_empty_folder_is_a_clear_error(run, tmp_path):
    (tmp_path / "empty").mkdir()
    result = run("draft", tmp_path / "empty", "-o", tmp_path / "out")
    assert result.exit_code == 1 and "中没有档案（.yaml 或 .yml 文件）" in result.stderr
