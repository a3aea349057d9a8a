"""FORMAT.md numbers read back from a real draft written by `drafter draft`."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from conftest import PROFILES
from test_docx_format import NS, assert_page_field, footer_paragraph, part_xml, prop, w


@pytest.fixture(scope="module")
def real_docx(tmp_path_factory) -> bytes:
    from typer.testing import CliRunner

    from drafter.commands import app

    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(app, ["draft", str(PROFILES / "qinghe.yaml"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return Path(result.stdout.strip()).read_bytes()


@pytest.fixture(scope="module")
def opened(real_docx):
    return docx.Document(io.BytesIO(real_docx))


@pytest.fixture(scope="module")
def styles(real_docx):
    return part_xml(real_docx, "word/styles.xml")


def test_page_margins_and_grid(opened, real_docx):
    section = opened.sections[0]
    assert abs(section.page_width - Mm(210)) <= 635 and abs(section.page_height - Mm(297)) <= 635
    for margin, mm in (("top_margin", 37), ("bottom_margin", 35), ("left_margin", 28), ("right_margin", 26)):
        assert abs(getattr(section, margin) - Mm(mm)) <= 635, margin
    grid = part_xml(real_docx, "word/document.xml").find(".//w:sectPr/w:docGrid", NS)
    assert grid.get(w("type")) == "lines" and grid.get(w("linePitch")) == "579"


def test_body_title_and_heading_fonts(opened, styles):
    assert prop(styles, "Normal", "w:rPr/w:rFonts", "eastAsia") == "仿宋_GB2312"
    assert prop(styles, "Normal", "w:rPr/w:sz", "val") == "32"  # 16 pt = 3号
    assert prop(styles, "Normal", "w:rPr/w:lang", "eastAsia") == "zh-CN"
    fonts = {"Heading 1": "黑体", "Heading 2": "楷体_GB2312", "Heading 3": "仿宋_GB2312"}
    for name, font in fonts.items():
        assert prop(styles, name, "w:rPr/w:rFonts", "eastAsia") == font
    paragraphs = opened.paragraphs
    title = [p for p in paragraphs if p.text in ("清河县法治政府建设实施方案", "（2026—2030年）")]
    assert len(title) == 2
    for paragraph in title:
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER or paragraph.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert paragraph.style.font.size == Pt(22)
    first_level = [p for p in paragraphs if p.style.name == "Heading 1"]
    assert [p.text for p in first_level][:2] == ["一、总体要求", "二、健全政府机构职能体系，推动更好发挥政府作用"]
    assert all(p.style.name == "Heading 2" for p in paragraphs if p.text.startswith("（四）"))


def test_page_numbers_odd_right_even_left(opened, real_docx):
    section = opened.sections[0]
    odd, even = footer_paragraph(section.footer), footer_paragraph(section.even_page_footer)
    assert_page_field(odd)
    assert_page_field(even)
    assert odd.find("w:pPr/w:jc", NS).get(w("val")) == "right"
    assert even.find("w:pPr/w:jc", NS).get(w("val")) == "left"
    assert part_xml(real_docx, "word/settings.xml").find("w:evenAndOddHeaders", NS) is not None


def test_measure_paragraphs_start_with_bold_number_and_title(opened):
    measures = [p for p in opened.paragraphs if p.runs and p.runs[0].bold and p.text[:1].isdigit()]
    assert 80 <= len(measures) <= 110  # a real plan's size at the standard detail level
    assert measures[0].runs[0].text.startswith("1.") and measures[0].runs[0].text.endswith("。")
    assert measures[1].runs[0].text.startswith("2.")
