"""The .docx writer meets every number of /work/shared/FORMAT.md (GB/T 9704-2012).

Each test writes a Document in memory, opens the bytes again with python-docx/lxml
and reads the number back from the file: expected values are written out here from
FORMAT.md, not imported from the writer, so a wrong constant there fails here.
"""

from __future__ import annotations

import io
import math
import zipfile
from collections.abc import Iterator
from datetime import datetime, timezone

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.shared import Mm, Pt, Twips
from lxml import etree

from drafter.document import (
    Attachment,
    Block,
    Document,
    Heading,
    Paragraph,
    Provenance,
    Run,
    StatusLine,
    Table,
    Title,
)
from drafter.writers.docx import write_docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W_NS}
EM_DASH = "\u2014"
ONE_TWIP = Twips(1)


def w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


def sample_document() -> Document:
    return Document(
        title="某某区法治政府建设实施方案（2026—2030年）",
        blocks=(
            Title(("某某区法治政府建设实施方案", "（2026—2030年）")),
            StatusLine("（征求意见稿）"),
            Paragraph((Run("为深入贯彻落实习近平法治思想，加快建设法治政府，结合本区实际，制定本方案。"),)),
            Heading(1, "一、", "总体要求"),
            Paragraph((Run("以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。"),)),
            Heading(2, "（一）", "主要目标"),
            Heading(3, "1．", "依法行政制度体系更加健全"),
            Heading(4, "（1）", "加强重点领域立法"),
            Paragraph(
                (
                    Run("1．推进依法决策。", bold=True),
                    Run("严格落实重大行政决策程序规定，到2026年底，目录化管理覆盖率达到100%。"),
                ),
                provenance=Provenance("decision-01", ("《重大行政决策程序暂行条例》",)),
            ),
            Paragraph((Run("附件：重点任务分工表"),), role="attachment_note"),
            Paragraph((Run("某某区人民政府"),), role="signature"),
            Paragraph((Run("2026年12月1日"),), role="date"),
            Attachment(
                "附件",
                "重点任务分工表",
                (
                    Table(
                        ("序号", "重点任务", "牵头单位", "完成时限"),
                        (
                            ("1", "推进依法决策", "区司法局", "2026年12月"),
                            ("2", "深化行政执法体制改革", "区司法局、区政务服务中心", "长期坚持"),
                        ),
                        (1, 5, 3, 2),
                    ),
                ),
            ),
        ),
    )


@pytest.fixture(scope="module")
def docx_bytes() -> bytes:
    return write_docx(sample_document())


@pytest.fixture(scope="module")
def opened(docx_bytes: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(docx_bytes))


def part_xml(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))


@pytest.fixture(scope="module")
def styles(docx_bytes: bytes) -> etree._Element:
    return part_xml(docx_bytes, "word/styles.xml")


def style_by_name(styles: etree._Element, name: str) -> etree._Element:
    """Built-in styles are stored as "heading 1"; python-docx shows "Heading 1"."""
    found = [
        style
        for style in styles.findall("w:style", NS)
        if style.find("w:name", NS).get(w("val")).lower() == name.lower()
    ]
    assert len(found) == 1, f"style {name!r} not found exactly once"
    return found[0]


def effective(styles: etree._Element, style: etree._Element, path: str, attr: str) -> str | None:
    """An attribute as Word resolves it: the style, its basedOn chain, then docDefaults."""
    while style is not None:
        hits = style.xpath(f"{path}/@w:{attr}", namespaces=NS)
        if hits:
            return hits[0]
        based = style.xpath("w:basedOn/@w:val", namespaces=NS)
        style = (
            styles.xpath("w:style[@w:styleId=$id]", namespaces=NS, id=based[0])[0]
            if based
            else None
        )
    default = "w:pPrDefault" if path.startswith("w:pPr") else "w:rPrDefault"
    hits = styles.xpath(f"w:docDefaults/{default}/{path}/@w:{attr}", namespaces=NS)
    return hits[0] if hits else None


def prop(styles: etree._Element, name: str, path: str, attr: str) -> str | None:
    return effective(styles, style_by_name(styles, name), path, attr)


def by_text(opened, text: str):
    matches = [p for p in opened.paragraphs if p.text == text]
    assert len(matches) == 1, f"paragraph {text!r} not found exactly once"
    return matches[0]


def index_of(opened, text: str) -> int:
    return [p.text for p in opened.paragraphs].index(text)


# --- page -------------------------------------------------------------------------


def test_page_is_a4_portrait(opened) -> None:
    section = opened.sections[0]
    assert abs(section.page_width - Mm(210)) <= ONE_TWIP
    assert abs(section.page_height - Mm(297)) <= ONE_TWIP
    assert section.orientation == WD_ORIENT.PORTRAIT


def test_margins_give_a_156_by_225_mm_type_area(opened) -> None:
    section = opened.sections[0]
    assert abs(section.top_margin - Mm(37)) <= ONE_TWIP
    assert abs(section.bottom_margin - Mm(35)) <= ONE_TWIP
    assert abs(section.left_margin - Mm(28)) <= ONE_TWIP
    assert abs(section.right_margin - Mm(26)) <= ONE_TWIP
    width = section.page_width - section.left_margin - section.right_margin
    height = section.page_height - section.top_margin - section.bottom_margin
    assert abs(width - Mm(156)) <= 2 * ONE_TWIP
    assert abs(height - Mm(225)) <= 2 * ONE_TWIP


def test_grid_is_22_lines_of_28_characters(opened, styles) -> None:
    """A line grid only (LibreOffice cannot squeeze a character grid) and 3号 text condensed by
    a quarter point: 28 characters of 16 pt − 0.25 pt fit the 156 mm line, 29 do not."""
    section = opened.sections[0]
    grid = section._sectPr.find(w("docGrid"))
    assert grid.get(w("type")) == "lines" and grid.get(w("charSpace")) is None
    assert grid.get(w("linePitch")) == "579"
    assert Twips(579).pt == pytest.approx(28.95)
    height_twips = (section.page_height - section.top_margin - section.bottom_margin) / 635
    assert math.floor(height_twips / 579) == 22
    width_twips = (section.page_width - section.left_margin - section.right_margin) / 635
    condensed = int(prop(styles, "Normal", "w:rPr/w:spacing", "val"))
    assert condensed == -5
    assert math.floor(width_twips / (16 * 20 + condensed)) == 28
    title = style_by_name(styles, "公文标题")
    assert effective(styles, title, "w:pPr/w:snapToGrid", "val") == "0"  # 22 pt lines not doubled


# --- default text -----------------------------------------------------------------


def test_normal_style_is_fangsong_16pt_black_justified_indented(styles, opened) -> None:
    normal = opened.styles["Normal"]
    assert normal.font.size == Pt(16)
    assert prop(styles, "Normal", "w:rPr/w:rFonts", "eastAsia") == "仿宋_GB2312"
    assert prop(styles, "Normal", "w:rPr/w:rFonts", "ascii") == "Times New Roman"
    assert prop(styles, "Normal", "w:rPr/w:rFonts", "hAnsi") == "Times New Roman"
    assert prop(styles, "Normal", "w:rPr/w:color", "val") == "000000"
    assert prop(styles, "Normal", "w:pPr/w:jc", "val") == "both"
    assert prop(styles, "Normal", "w:pPr/w:ind", "firstLineChars") == "200"
    assert prop(styles, "Normal", "w:pPr/w:ind", "firstLine") == "640"
    assert prop(styles, "Normal", "w:pPr/w:spacing", "before") == "0"
    assert prop(styles, "Normal", "w:pPr/w:spacing", "after") == "0"
    assert prop(styles, "Normal", "w:pPr/w:spacing", "line") == "579"
    assert prop(styles, "Normal", "w:pPr/w:spacing", "lineRule") == "exact"


def test_no_theme_fonts_and_chinese_language(docx_bytes, styles) -> None:
    for attr in ("eastAsiaTheme", "asciiTheme", "hAnsiTheme"):
        assert not styles.xpath(f"//w:rFonts[@w:{attr}]", namespaces=NS), attr
    lang = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(w("eastAsia")) == "zh-CN"
    settings = part_xml(docx_bytes, "word/settings.xml")
    assert settings.find("w:themeFontLang", NS).get(w("eastAsia")) == "zh-CN"
    assert b"ja-JP" not in etree.tostring(settings)


def test_every_body_paragraph_has_exact_28_95pt_lines(styles, opened) -> None:
    for paragraph in opened.paragraphs:
        style = style_by_name(styles, paragraph.style.name)
        assert effective(styles, style, "w:pPr/w:spacing", "line") == "579", paragraph.text
        assert effective(styles, style, "w:pPr/w:spacing", "lineRule") == "exact"
        assert effective(styles, style, "w:pPr/w:spacing", "before") == "0"
        assert effective(styles, style, "w:pPr/w:spacing", "after") == "0"


# --- headings ---------------------------------------------------------------------

HEADINGS = [
    # style name, text in the sample, East Asian font, bold, outline level
    ("Heading 1", "一、总体要求", "黑体", "0", "0"),
    ("Heading 2", "（一）主要目标", "楷体_GB2312", "0", "1"),
    ("Heading 3", "1．依法行政制度体系更加健全", "仿宋_GB2312", "1", "2"),
    ("Heading 4", "（1）加强重点领域立法", "仿宋_GB2312", "0", "3"),
]


@pytest.mark.parametrize("name,text,font,bold,outline", HEADINGS)
def test_heading_styles(styles, opened, name, text, font, bold, outline) -> None:
    assert opened.styles[name].font.size == Pt(16)
    assert prop(styles, name, "w:rPr/w:rFonts", "eastAsia") == font
    assert prop(styles, name, "w:rPr/w:b", "val") == bold
    assert prop(styles, name, "w:rPr/w:i", "val") == "0"
    assert prop(styles, name, "w:rPr/w:color", "val") == "000000"
    assert prop(styles, name, "w:rPr/w:color", "themeColor") is None
    assert prop(styles, name, "w:pPr/w:outlineLvl", "val") == outline
    assert prop(styles, name, "w:pPr/w:ind", "firstLineChars") == "200"
    assert prop(styles, name, "w:pPr/w:ind", "firstLine") == "640"
    assert by_text(opened, text).style.name == name


def test_heading_numbers_are_text_not_auto_numbering(docx_bytes) -> None:
    body = part_xml(docx_bytes, "word/document.xml")
    assert not body.xpath("//w:numPr", namespaces=NS)
    styles = part_xml(docx_bytes, "word/styles.xml")
    for name, *_ in HEADINGS:
        assert style_by_name(styles, name.lower()).find("w:pPr/w:numPr", NS) is None


# --- title block ------------------------------------------------------------------


def test_title_lines_are_centred_xiaobiaosong_22pt(styles, opened) -> None:
    first, second = opened.paragraphs[0], opened.paragraphs[1]
    assert (first.text, second.text) == ("某某区法治政府建设实施方案", "（2026—2030年）")
    for paragraph in (first, second):
        assert paragraph.style.name == "公文标题"
    assert opened.styles["公文标题"].font.size == Pt(22)
    assert prop(styles, "公文标题", "w:rPr/w:rFonts", "eastAsia") == "方正小标宋简体"
    assert prop(styles, "公文标题", "w:pPr/w:jc", "val") == "center"
    assert prop(styles, "公文标题", "w:pPr/w:ind", "firstLineChars") == "0"
    assert prop(styles, "公文标题", "w:pPr/w:ind", "firstLine") == "0"


def test_status_line_is_centred_kaiti_and_followed_by_one_blank_line(styles, opened) -> None:
    status, blank, body = opened.paragraphs[2:5]
    assert status.text == "（征求意见稿）"
    assert prop(styles, status.style.name, "w:rPr/w:rFonts", "eastAsia") == "楷体_GB2312"
    assert opened.styles[status.style.name].font.size == Pt(16)
    assert prop(styles, status.style.name, "w:pPr/w:jc", "val") == "center"
    assert prop(styles, status.style.name, "w:pPr/w:ind", "firstLineChars") == "0"
    assert blank.text == "" and blank.style.name == "Normal"
    assert body.text.startswith("为深入贯彻") and body.style.name == "Normal"


# --- body ---------------------------------------------------------------------------


def test_measure_paragraph_keeps_its_bold_lead_run(opened) -> None:
    paragraph = next(p for p in opened.paragraphs if p.text.startswith("1．推进依法决策。"))
    assert paragraph.style.name == "Normal"
    assert paragraph.runs[0].text == "1．推进依法决策。"
    assert paragraph.runs[0].bold is True
    assert not paragraph.runs[1].bold


def test_attachment_note_one_blank_line_below_body_indented_2_chars(styles, opened) -> None:
    at = index_of(opened, "附件：重点任务分工表")
    assert opened.paragraphs[at - 1].text == ""
    assert opened.paragraphs[at - 2].text.startswith("1．推进依法决策。")
    style = opened.paragraphs[at].style.name
    assert prop(styles, style, "w:pPr/w:ind", "firstLineChars") == "200"
    assert prop(styles, style, "w:rPr/w:rFonts", "eastAsia") == "仿宋_GB2312"


def test_signature_and_date_right_aligned_4_chars_from_the_right(styles, opened) -> None:
    at = index_of(opened, "某某区人民政府")
    assert opened.paragraphs[at - 1].text == ""  # one line below the attachment note
    date = opened.paragraphs[at + 1]
    assert date.text == "2026年12月1日"
    for paragraph in (opened.paragraphs[at], date):
        style = paragraph.style.name
        assert prop(styles, style, "w:pPr/w:jc", "val") == "right"
        assert prop(styles, style, "w:pPr/w:ind", "rightChars") == "400"
        assert prop(styles, style, "w:pPr/w:ind", "right") == "1280"
        assert prop(styles, style, "w:pPr/w:ind", "firstLineChars") == "0"
        assert prop(styles, style, "w:rPr/w:rFonts", "eastAsia") == "仿宋_GB2312"
        assert opened.styles[style].font.size == Pt(16)


# --- attachment -----------------------------------------------------------------------


def test_attachment_starts_a_new_page_with_a_heiti_label(styles, opened) -> None:
    label = by_text(opened, "附件")
    label_format = label.style.paragraph_format
    assert label.paragraph_format.page_break_before or label_format.page_break_before
    style = label.style.name
    assert prop(styles, style, "w:rPr/w:rFonts", "eastAsia") == "黑体"
    assert opened.styles[style].font.size == Pt(16)
    assert prop(styles, style, "w:pPr/w:jc", "val") == "left"
    assert prop(styles, style, "w:pPr/w:ind", "firstLineChars") == "0"
    assert prop(styles, style, "w:pPr/w:ind", "firstLine") == "0"
    # GB/T 9704 §8: the attachment's title on the third line, under one blank line
    blank, title = opened.paragraphs[index_of(opened, "附件") + 1: index_of(opened, "附件") + 3]
    assert blank.text == ""
    assert title.text == "重点任务分工表" and title.style.name == "公文标题"


def test_signature_centred_over_a_date_four_characters_from_the_right() -> None:
    """GB/T 9704 §7.3.5: the date in Arabic numerals four characters in from the right, each
    issuing body centred over it."""
    from drafter.document import Document, Paragraph, Run
    from drafter.writers.docx import write_docx

    blocks = (Paragraph((Run("正文。"),)), Paragraph((Run("中共清河县委"),), role="signature"),
              Paragraph((Run("清河县人民政府"),), role="signature"), Paragraph((Run("2026年12月1日"),), role="date"))
    doc = docx.Document(io.BytesIO(write_docx(Document("t", blocks))))
    found = {p.text: p for p in doc.paragraphs if p.text}
    date_right = int(found["2026年12月1日"].style.element.pPr.find(w("ind")).get(w("rightChars")))
    assert date_right == 400
    for issuer in ("中共清河县委", "清河县人民政府"):
        right = int(found[issuer]._p.pPr.find(w("ind")).get(w("rightChars")))
        centre_offset = right + len(issuer) * 100 / 2  # hundredths of a character from the right edge
        assert centre_offset == date_right + len("2026年12月1日") * 100 / 2


def test_table_fills_the_type_area_with_scaled_widths(opened) -> None:
    table = opened.tables[0]
    tbl = table._tbl
    tbl_w = tbl.tblPr.find(w("tblW"))
    assert tbl_w.get(w("type")) == "dxa"
    # the 分工表 attachment is 横排: it fills the landscape type area, 297 − 35 − 37 = 225 mm
    assert abs(Twips(int(tbl_w.get(w("w")))) - Mm(225)) <= 2 * ONE_TWIP
    cols = [int(c.get(w("w"))) for c in tbl.tblGrid.findall(w("gridCol"))]
    assert sum(cols) == int(tbl_w.get(w("w")))
    for col, share in zip(cols, (1, 5, 3, 2)):
        assert col == pytest.approx(sum(cols) * share / 11, abs=2)
    for row in table.rows:
        for cell, col in zip(row.cells, cols):
            assert cell.width == Twips(col)
    assert tbl.tblPr.find(w("tblLayout")).get(w("type")) == "fixed"


def test_table_equal_widths_when_none_given() -> None:
    document = Document("t", (Table(("甲", "乙", "丙"), (("1", "2", "3"),)),))
    table = docx.Document(io.BytesIO(write_docx(document))).tables[0]
    cols = [int(c.get(w("w"))) for c in table._tbl.tblGrid.findall(w("gridCol"))]
    assert max(cols) - min(cols) <= 2


def test_table_borders_are_single_half_point(opened) -> None:
    borders = opened.tables[0]._tbl.tblPr.find(w("tblBorders"))
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = borders.find(w(edge))
        assert line.get(w("val")) == "single" and line.get(w("sz")) == "4", edge


def test_table_header_repeats_and_is_bold(styles, opened) -> None:
    table = opened.tables[0]
    header = table.rows[0]
    assert header._tr.trPr.find(w("tblHeader")) is not None
    assert all(row._tr.trPr is None or row._tr.trPr.find(w("tblHeader")) is None
               for row in table.rows[1:])
    assert [c.text for c in header.cells] == ["序号", "重点任务", "牵头单位", "完成时限"]
    for cell in header.cells:
        style = cell.paragraphs[0].style.name
        assert prop(styles, style, "w:rPr/w:b", "val") == "1"


def test_table_cells_fangsong_12pt_without_indent(styles, opened) -> None:
    for row in opened.tables[0].rows:
        for cell in row.cells:
            style = cell.paragraphs[0].style.name
            assert prop(styles, style, "w:rPr/w:rFonts", "eastAsia") == "仿宋_GB2312"
            assert opened.styles[style].font.size == Pt(12)
            assert prop(styles, style, "w:pPr/w:ind", "firstLineChars") == "0"
            assert prop(styles, style, "w:pPr/w:ind", "firstLine") == "0"


# --- footer page numbers -----------------------------------------------------------------


def footer_paragraph(footer) -> etree._Element:
    paragraphs = footer._element.findall(w("p"))
    assert len(paragraphs) == 1
    return paragraphs[0]


def assert_page_field(paragraph: etree._Element) -> None:
    sequence = [
        child.get(w("fldCharType")) if child.tag == w("fldChar") else child.tag
        for child in paragraph.iter(w("fldChar"), w("instrText"))
    ]
    assert sequence == ["begin", w("instrText"), "separate", "end"]
    instr = paragraph.find(f".//{w('instrText')}").text
    assert instr.split()[0] == "PAGE"
    text = "".join(t.text for t in paragraph.iter(w("t")))  # visible text and field result
    assert text.startswith(f"{EM_DASH} ") and text.endswith(f" {EM_DASH}")
    digits = text.strip(f"{EM_DASH} ")
    assert digits.isascii() and digits.isdigit()  # half-width Arabic digits


def test_footer_style_is_songti_14pt(styles, opened) -> None:
    assert opened.styles["Footer"].font.size == Pt(14)
    for slot in ("eastAsia", "ascii", "hAnsi"):
        assert prop(styles, "footer", "w:rPr/w:rFonts", slot) == "宋体"


def test_odd_footer_page_number_right_one_character_in(opened) -> None:
    footer = opened.sections[0].footer
    assert not footer.is_linked_to_previous
    paragraph = footer_paragraph(footer)
    assert_page_field(paragraph)
    assert paragraph.find("w:pPr/w:jc", NS).get(w("val")) == "right"
    ind = paragraph.find("w:pPr/w:ind", NS)
    assert ind.get(w("right")) == "280" and ind.get(w("rightChars")) in (None, "0")
    assert ind.get(w("firstLine")) == "0"


def test_even_footer_page_number_left_one_character_in(docx_bytes, opened) -> None:
    footer = opened.sections[0].even_page_footer
    assert not footer.is_linked_to_previous
    paragraph = footer_paragraph(footer)
    assert_page_field(paragraph)
    assert paragraph.find("w:pPr/w:jc", NS).get(w("val")) == "left"
    ind = paragraph.find("w:pPr/w:ind", NS)
    assert ind.get(w("left")) == "280" and ind.get(w("leftChars")) in (None, "0")
    settings = part_xml(docx_bytes, "word/settings.xml")
    assert settings.find("w:evenAndOddHeaders", NS) is not None
    assert opened.settings.odd_and_even_pages_header_footer


# --- properties and reproducibility ----------------------------------------------------


def test_core_properties(opened) -> None:
    props = opened.core_properties
    assert props.title == sample_document().title
    assert props.language == "zh-CN"
    fixed = datetime(2026, 1, 1, tzinfo=timezone.utc)
    assert props.created.replace(tzinfo=timezone.utc) == fixed
    assert props.modified.replace(tzinfo=timezone.utc) == fixed
    assert props.last_modified_by == "drafter"
    assert props.revision == 1


def test_same_document_gives_byte_identical_files(docx_bytes) -> None:
    assert write_docx(sample_document()) == docx_bytes
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


# --- content order ----------------------------------------------------------------------


def block_texts(blocks: tuple[Block, ...]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Title):
            yield from block.lines
        elif isinstance(block, StatusLine):
            yield block.text
        elif isinstance(block, Heading):
            yield block.number + block.text
        elif isinstance(block, Paragraph):
            yield block.text
        elif isinstance(block, Attachment):
            yield block.label
            yield block.title
            yield from block_texts(block.blocks)
        # Table cells are checked by the table tests.


def test_paragraph_texts_follow_the_document_blocks(opened) -> None:
    texts = [p.text for p in opened.paragraphs if p.text]
    assert texts == list(block_texts(sample_document().blocks))


# --- details beyond the numbers ------------------------------------------------------------


def test_chinese_runs_hint_east_asian_font_for_shared_punctuation(opened) -> None:
    # “” and — are "shared" characters; without the hint Word uses the Latin font.
    title = opened.paragraphs[1]  # "（2026—2030年）"
    assert title.runs[0]._r.rPr.rFonts.get(w("hint")) == "eastAsia"


def test_later_attachment_notes_line_up_under_the_first_item() -> None:
    document = Document("t", (
        Paragraph((Run("正文。"),)),
        Paragraph((Run("附件：1．重点任务分工表"),), role="attachment_note"),
        Paragraph((Run("2．责任清单"),), role="attachment_note"),
    ))
    paragraphs = docx.Document(io.BytesIO(write_docx(document))).paragraphs
    assert [p.text for p in paragraphs] == ["正文。", "", "附件：1．重点任务分工表", "2．责任清单"]
    ind = paragraphs[3]._p.pPr.find(w("ind"))
    assert ind.get(w("firstLineChars")) == "500"  # 2 characters + "附件："
