"""Issue 17, row "ingest": plans within the size cap that would not finish, or crashed, are
refused in under a second with Chinese words; memory stays small for any input."""

from __future__ import annotations

import random
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from drafter.ingest import reader

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
ENGLISH = ("zip", "File is not", "Error", "error", "mismatched", "not well-formed", "Traceback")


def docx(path: Path, paragraphs: list[str], extra: str = "") -> Path:
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}{extra}</w:body></w:document>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", xml)
    return path


def words(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)  # varied text, so the file does not compress like a bomb
    alphabet = "法治政府建设实施方案行政执法监督复议决策公开数据平台县市区乡镇街道"
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(3, 12))) for _ in range(count)]


def refused_quickly(run, path: Path, message: str) -> None:
    """Refused with the budget's words (how fast is measured in bench/bench_probe.py, not here)."""
    result = run("ingest", path)
    assert result.exit_code == 1, result.output
    assert message in result.stderr, result.stderr
    assert not any(word in result.output for word in ENGLISH), result.output


def test_a_docx_of_500000_paragraphs_is_refused_at_once(run, tmp_path):
    path = docx(tmp_path / "many.docx", words(1, 500_000))
    assert path.stat().st_size < 10_000_000
    refused_quickly(run, path, f"有超过 {reader.MAX_PARAGRAPHS:,} 个段落，超过上限")


def test_a_docx_whose_xml_is_past_the_cap_is_refused_before_reading(run, tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "MAX_XML", 1_000_000)  # the same rule as 190 MB of XML in a 28 MB file
    path = docx(tmp_path / "big.docx", words(2, 60_000))
    refused_quickly(run, path, "的正文部分有 ")


@pytest.mark.parametrize(("lines", "message"), [(500_000, "行，超过 20,000 行的上限"),
                                                (2_000_000, "个字符，超过 2,000,000 的上限")])
def test_a_text_with_millions_of_marker_lines_is_refused_at_once(run, tmp_path, lines, message):
    path = tmp_path / "markers.txt"
    path.write_text("一、总体要求\n" + "".join(f"{n % 9 + 1}.\n" for n in range(lines)), encoding="utf-8")
    refused_quickly(run, path, message)


def test_fifty_megabytes_of_text_are_refused_by_size(run, tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:
        stream.truncate(50_000_000)
    refused_quickly(run, path, "超过文本方案 8 MB 的上限")


def test_too_many_characters_on_few_lines_are_refused(run, tmp_path):
    path = tmp_path / "wide.txt"
    path.write_text("一、总体要求\n" + "法" * 2_100_000 + "\n", encoding="utf-8")
    refused_quickly(run, path, "个字符，超过 2,000,000 的上限")


@pytest.mark.parametrize("digits", ["9" * 5000, "一" * 5000, "9" * 5])
def test_a_huge_list_number_is_text_not_a_traceback(run, tmp_path, digits):
    path = tmp_path / "digits.txt"
    path.write_text(f"一、总体要求\n（{digits}）这一条的编号过长。\n1. 第一条措施。\n", encoding="utf-8")
    result = run("ingest", path)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("damage", ["truncated", "not_xml", "no_document", "entities"])
def test_damaged_docx_files_are_told_in_words(run, tmp_path, damage):
    path = tmp_path / "damaged.docx"
    if damage == "truncated":
        docx(path, words(3, 100))
        path.write_bytes(path.read_bytes()[:-40])
    elif damage == "not_xml":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("word/document.xml", "<w:document><w:body><w:p></w:body>")
    elif damage == "no_document":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("word/other.xml", "<x/>")
    else:  # a billion-laughs entity bomb
        laughs = '<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">' + "".join(
            f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">' for n in range(9)) + "]>"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("word/document.xml", f'<?xml version="1.0"?>{laughs}<w:document {W}><w:body><w:p><w:r>'
                                                  "<w:t>&j;</w:t></w:r></w:p></w:body></w:document>")
    refused_quickly(run, path, "文件已损坏或不是有效的 .docx 文档")


def test_memory_stays_under_500_mb_for_the_largest_plan_within_the_caps(tmp_path):
    texts = [text * 10 for text in words(4, reader.MAX_PARAGRAPHS - 500)]
    path = docx(tmp_path / "largest.docx", texts)
    probe = ("import resource, sys; from drafter.ingest import read_plan, parse_plan;"
             "items = parse_plan(read_plan(sys.argv[1]), 'x');"
             "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    done = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.split()[-1]) < 500_000  # kB


def test_the_streamed_reader_gives_what_python_docx_gives(tmp_path):
    import docx as python_docx

    document = python_docx.Document()
    for text in ("一、总体要求", "第一段", "（一）专题", "1. 措施"):
        document.add_paragraph(text)
    document.add_table(rows=1, cols=1).cell(0, 0).text = "表格里的字"
    run = document.add_paragraph().add_run("甲\t乙")
    run.add_break()
    run.add_text("丙")
    path = tmp_path / "mixed.docx"
    document.save(str(path))
    expected = "\n".join(p.text for p in python_docx.Document(str(path)).paragraphs)
    assert reader.read_plan(path) == expected and "表格里的字" not in expected
