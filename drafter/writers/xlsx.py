"""The 重点任务分工表 as a spreadsheet, for the departments that track it all period long.

One sheet: a title row, then 章 · 序号 · 重点任务 · 具体措施 · 牵头单位 · 责任单位 · 完成时限,
the header frozen and filtered, widths and wrapping set. The rows are the appendix table's
rows of the document model, so the sheet never disagrees with the Word file. Byte-identical
for equal documents (fixed workbook dates and zip stamps).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from ..document import Attachment, Document, Table
from ..errors import DrafterError

FIXED = dt.datetime(2026, 1, 1)
DIVISION = "重点任务分工表"
NUMBER = "序号"
WIDTHS = {"章": 28, "序号": 6, "重点任务": 24, "具体措施": 30, "牵头单位": 22, "责任单位": 30, "完成时限": 12}


def division_table(document: Document) -> Table:
    for block in document.blocks:
        if isinstance(block, Attachment) and block.title == DIVISION:
            for inner in block.blocks:
                if isinstance(inner, Table):
                    return inner
    raise DrafterError("文稿中没有重点任务分工表，无法生成表格文件")


def write_xlsx(document: Document) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    table = division_table(document)
    book = Workbook()
    sheet = book.active
    sheet.title = DIVISION
    header = ("章",) + table.header if table.groups else table.header
    sheet.append([f"{document.title}{DIVISION}"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    sheet.append(list(header))
    for index, row in enumerate(table.rows):
        cells: list[object] = list(row) + [""] * (len(table.header) - len(row))
        cells = [int(value) if name == NUMBER and str(value).isdigit() else value  # sorts 1, 2, …, 10
                 for name, value in zip(table.header, cells)]
        sheet.append(([table.groups[index]] if table.groups else []) + cells)
    thin = Side(style="thin", color="000000")
    body_font, bold_font = Font(name="仿宋_GB2312", size=11), Font(name="仿宋_GB2312", size=11, bold=True)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.font = bold_font if cell.row == 2 else body_font
            cell.alignment = Alignment(wrap_text=True, vertical="center",
                                       horizontal="center" if cell.row == 2 else "left")
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    sheet["A1"].font = Font(name="方正小标宋简体", size=16)
    sheet["A1"].alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[1].height = 30
    for column, name in enumerate(header, 1):
        sheet.column_dimensions[sheet.cell(row=2, column=column).column_letter].width = WIDTHS.get(name, 16)
    sheet.freeze_panes = "A3"
    sheet.auto_filter.ref = f"A2:{sheet.cell(row=2, column=len(header)).column_letter}{sheet.max_row}"
    _page_setup(sheet)
    book.properties.creator = "drafter"
    book.properties.title = f"{document.title}{DIVISION}"
    book.properties.created = book.properties.modified = FIXED
    raw = io.BytesIO()
    book.save(raw)
    return _fixed_zip(raw.getvalue())


def _page_setup(sheet) -> None:  # type: ignore[no-untyped-def]
    """Printed on A4 landscape, as wide as one page, the header row repeated on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages tall as the rows need
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "2:2"
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"


def _fixed_zip(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps 'modified' with now
                content = _pin_dates(content)
            dst.writestr(fixed, content)
    return out.getvalue()


def _pin_dates(xml: bytes) -> bytes:
    import re

    return re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)", rb"\g<1>2026-01-01T00:00:00Z\g<2>", xml)
