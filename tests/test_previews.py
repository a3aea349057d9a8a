"""Issue 8.4 and 8.5: an HTML preview, a PDF through LibreOffice, the 分工表 as a spreadsheet."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from openpyxl import load_workbook

from drafter.api import draft_document
from drafter.plan import make_plan
from drafter.profile import load_profile
from drafter.writers.html import write_html
from drafter.writers.markdown import write_markdown
from drafter.writers.xlsx import division_table, write_xlsx

ROOT = Path(__file__).resolve().parent.parent
QINGHE = ROOT / "profiles" / "qinghe.yaml"


@pytest.fixture(scope="module")
def document(library):
    from dataclasses import replace

    from drafter.api import render_plan
    from drafter.plan import make_plan

    plan = make_plan(load_profile(QINGHE, library), library)
    return render_plan(replace(plan, division_table=True))


class Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self.external: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href") and value:
                self.external.append(value)

    def handle_data(self, data):
        self.text.append(data)


def plain(text: str) -> str:
    return re.sub(r"[\s#|*\-]", "", text)


def test_html_is_one_file_with_the_documents_structure_and_text(document):
    page = write_html(document).decode("utf-8")
    parser = Outline()
    parser.feed(page)
    assert parser.external == []  # self-contained: nothing loaded from elsewhere
    assert "<style>" in page and "width: 156mm" in page and "FangSong" in page
    assert parser.tags.count("h1") == sum(1 for b in document.blocks if type(b).__name__ == "Heading" and b.level == 1)
    assert parser.tags.count("table") == 2  # 主要指标 and 分工表
    body = plain("".join(parser.text).split("</style>")[-1])
    markdown = plain(write_markdown(document).decode("utf-8"))
    assert plain(document.title) in body
    for paragraph in document.paragraphs():
        assert plain(paragraph.text) in body
    assert len(body) >= 0.95 * len(markdown)


def test_html_escapes_profile_text(library, profile_file):
    from conftest import MINIMAL

    path = profile_file(MINIMAL + "  vision: <script>alert(1)</script>美丽清河\n")
    page = write_html(draft_document(load_profile(path, library), library)).decode("utf-8")
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_xlsx_rows_are_the_appendix_rows(document, tmp_path):
    path = tmp_path / "table.xlsx"
    path.write_bytes(write_xlsx(document))
    sheet = load_workbook(path).active
    table = division_table(document)
    assert sheet.title == "重点任务分工表"
    assert sheet.cell(1, 1).value.endswith("重点任务分工表")
    header = [c.value for c in sheet[2]]
    assert header == ["章", "序号", "重点任务", "具体措施", "牵头单位", "责任单位", "完成时限"]
    rows = [[c.value or "" for c in row] for row in sheet.iter_rows(min_row=3)]
    assert len(rows) == len(table.rows)
    for got, want, group in zip(rows, table.rows, table.groups):
        assert got == [group, int(want[0]), *want[1:]]  # 序号 is a number in the sheet
    assert sheet.freeze_panes == "A3"
    assert sheet.auto_filter.ref == f"A2:G{len(rows) + 2}"
    assert sheet.cell(3, 4).alignment.wrap_text
    assert {r[-1] for r in rows} <= {"每年", "持续推进"} | {r[-1] for r in rows if r[-1].endswith("底前")}
    assert write_xlsx(document) == path.read_bytes()  # byte-identical


def test_xlsx_numbers_sort_and_the_sheet_prints_on_a4_landscape(document, tmp_path):
    path = tmp_path / "table.xlsx"
    path.write_bytes(write_xlsx(document))
    sheet = load_workbook(path).active
    numbers = [sheet.cell(row, 2) for row in range(3, sheet.max_row + 1)]
    assert len(numbers) >= 10 and all(c.data_type == "n" and isinstance(c.value, int) for c in numbers)
    assert [c.value for c in numbers] == list(range(1, len(numbers) + 1))
    assert sorted(c.value for c in numbers)[:3] == [1, 2, 3] and sorted(c.value for c in numbers)[9] == 10
    assert sheet.cell(3, 3).data_type == "s"  # the text columns stay text
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
    assert sheet.print_title_rows == "$2:$2"  # the header row on every printed page
    assert sheet.freeze_panes == "A3"


def test_xlsx_from_the_cli_without_a_division_table_in_the_profile(profile_file, run, tmp_path):
    from conftest import MINIMAL

    result = run("draft", profile_file(MINIMAL), "--format", "xlsx", "-o", tmp_path)
    assert result.exit_code == 0, result.output
    assert Path(result.stdout.strip()).name == "清河县法治政府建设实施方案（2026—2030年）（重点任务分工表）.xlsx"


def test_xlsx_size_line_counts_the_table_rows_not_pages(run, tmp_path, library):
    result = run("draft", QINGHE, "--format", "xlsx", "-o", tmp_path)
    assert result.exit_code == 0, result.output
    path = Path(result.stdout.strip())
    rows = load_workbook(path).active.max_row - 2  # title and header rows
    line = next(line for line in result.stderr.splitlines() if line.startswith(path.name))
    assert re.fullmatch(re.escape(f"{path.name}：分工表 {rows} 行；完成时限：") + r"具体年份 \d+%、每年 \d+%、持续推进 \d+%",
                        line), line
    assert "页" not in line and "字" not in line
    assert rows == len(list(make_plan(load_profile(QINGHE, library), library).measures()))  # one row per measure


@pytest.mark.skipif(not shutil.which("soffice"), reason="PDF 需要 LibreOffice（apt-get install libreoffice-writer-nogui）")
def test_pdf_through_libreoffice(run, tmp_path):
    result = run("draft", QINGHE, "--format", "pdf", "-o", tmp_path)
    assert result.exit_code == 0, result.output
    data = Path(result.stdout.strip()).read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 50_000


def test_pdf_without_libreoffice_names_the_package(run, tmp_path, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    result = run("draft", QINGHE, "--format", "pdf", "-o", tmp_path)
    assert result.exit_code == 1
    assert "生成 PDF 需要 LibreOffice" in result.stderr and "libreoffice-writer-nogui" in result.stderr
    assert not list(tmp_path.iterdir())
