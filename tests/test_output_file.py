"""`draft -o 初稿.docx`: a user who names a file gets that file, not a folder of that name."""

from __future__ import annotations

from conftest import MINIMAL


def test_a_file_name_after_o_is_the_file_written(profile_file, run, tmp_path):
    target = tmp_path / "送审" / "初稿.docx"
    result = run("draft", profile_file(), "-o", target)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [str(target)]
    assert target.is_file() and target.read_bytes()[:2] == b"PK"
    assert "初稿.docx：约 " in result.stderr


def test_the_extension_gives_the_format(profile_file, run, tmp_path):
    target = tmp_path / "比对.md"
    result = run("draft", profile_file(), "-o", target)
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith("# ")


def test_an_existing_file_is_kept_without_force(profile_file, run, tmp_path):
    target = tmp_path / "初稿.docx"
    target.write_bytes(b"mine")
    result = run("draft", profile_file(), "-o", target)
    assert result.exit_code == 1
    assert f"错误：{target}：文件已存在。要覆盖请加 --force，或用 -o 指定其他文件名。" in result.stderr
    assert target.read_bytes() == b"mine"
    assert run("draft", profile_file(), "-o", target, "--force").exit_code == 0
    assert target.read_bytes()[:2] == b"PK"


def test_an_extension_that_contradicts_the_format_is_refused(profile_file, run, tmp_path):
    result = run("draft", profile_file(), "-o", tmp_path / "比对.docx", "--format", "md")
    assert result.exit_code == 1
    assert "文件扩展名 .docx 与 --format md 不一致，请把文件名改为 比对.md，或去掉 --format" in result.stderr
    assert list(tmp_path.glob("比对*")) == []


def test_many_profiles_need_a_folder(profile_file, run, tmp_path):
    first = profile_file(name="a.yaml")
    second = profile_file(MINIMAL.replace("清河", "武邑").replace("邢台市", "衡水市"), name="b.yaml")
    result = run("draft", first, second, "-o", tmp_path / "a.docx")
    assert result.exit_code == 1
    assert "起草多个档案时 -o 写输出文件夹（例如 -o outputs）" in result.stderr
    assert not (tmp_path / "a.docx").exists()


def test_an_existing_folder_named_like_a_file_stays_a_folder(profile_file, run, tmp_path):
    folder = tmp_path / "v1.md"
    folder.mkdir()
    result = run("draft", profile_file(), "-o", folder, "--format", "md")
    assert result.exit_code == 0, result.output
    assert [p.name for p in folder.iterdir()] == ["清河县法治政府建设实施方案（2026—2030年）.md"]


def test_a_review_copy_cannot_be_a_spreadsheet(profile_file, run, tmp_path):
    result = run("draft", profile_file(), "-o", tmp_path / "审.xlsx", "--review")
    assert result.exit_code == 2
    assert "审阅稿（--review）只能是 Word 格式或 PDF，请把文件名改为 审.docx" in result.stderr
