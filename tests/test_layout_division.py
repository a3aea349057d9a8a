"""Issue 16.3: the 重点任务分工表 in the .docx is readable — its own A4 landscape (横排) section.

Measured on LibreOffice's rendering, as tests/test_layout_render.py measures the body: the
pages the table takes and the lines each unit name wraps to. Portrait, with the old widths
(3, 7, 8, 6, 7, 5), 清河县's 96 rows took 11 pages and a 责任单位 cell up to 8 lines (牵头单位
7); landscape, 16 pt cell lines and widths (3, 9, 12, 8, 17, 6): 9 pages, 3 lines (牵头单位 6,
one row with six lead units). Page numbers continue across the section breaks.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

import pytest

from drafter.api import draft_bytes, draft_document
from drafter.profile import load_profile
from drafter.writers.xlsx import division_table

ROOT = Path(__file__).resolve().parent.parent
NEEDED = "apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-cjk"
X = "{http://www.w3.org/1999/xhtml}"

pytestmark = pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")),
    reason=f"版面测试需要 LibreOffice 和 poppler-utils（Debian/Ubuntu：{NEEDED}）",
)


def render(docx: Path) -> list[tuple[tuple[float, float], list[tuple[str, dict[str, float]]]]]:
    """Each page's (width, height) in pt and its lines (text without spaces, box)."""
    subprocess.run(["soffice", f"-env:UserInstallation={(docx.parent / 'lo').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(docx.parent), str(docx)],
                   check=True, capture_output=True, timeout=240)
    html = subprocess.run(["pdftotext", "-bbox-layout", str(docx.with_suffix(".pdf")), "-"],
                          check=True, capture_output=True, text=True, timeout=60).stdout
    root = ElementTree.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", html))
    pages = []
    for page in root.iter(X + "page"):
        lines = [(re.sub(r"\s", "", "".join(w.text or "" for w in line.iter(X + "word"))),
                  {k: float(line.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")}) for line in page.iter(X + "line")]
        pages.append(((float(page.get("width")), float(page.get("height"))), lines))
    return pages


def division_layout(pages, header, rows, columns=(3, 4)):  # type: ignore[no-untyped-def]
    """The pages from the table's title to the end, and per unit column the lines of each row's
    cell: the column's lines in reading order matched against the rows' texts."""
    start = max(i for i, (_, lines) in enumerate(pages) if any(w == "重点任务分工表" for w, _ in lines))
    cells = [(i, w, b) for i, (_, lines) in enumerate(pages[start:], start) for w, b in lines
             if b["yMax"] - b["yMin"] < 16 and w not in header and not re.fullmatch(r"—\d+—", w)]
    # left-aligned cells: each column's lines start at one x
    starts = sorted(x for x, _ in Counter(round(b["xMin"]) for _, _, b in cells).most_common(len(header)))
    ordered = sorted(cells, key=lambda cell: (cell[0], cell[2]["yMin"]))
    wraps = {}
    for c in columns:
        stream = [w for _, w, b in ordered if max(i for i, x in enumerate(starts) if x <= b["xMin"] + 1.5) == c]
        counts, k = [], 0
        for row in rows:
            want, got, n = re.sub(r"\s", "", row[c]), "", 0
            while got != want:
                assert k < len(stream) and want.startswith(got + stream[k]), (header[c], want, got, stream[k:k + 3])
                got, k, n = got + stream[k], k + 1, n + 1
            counts.append(n)
        wraps[header[c]] = counts
    return len(pages) - start, start, wraps


@pytest.fixture(scope="module")
def rendered(library, tmp_path_factory):
    profile = load_profile(ROOT / "profiles" / "qinghe.yaml", library)
    docx = tmp_path_factory.mktemp("division") / "draft.docx"
    docx.write_bytes(draft_bytes(profile, library))
    pages = render(docx)
    if not any("县" in w for _, lines in pages for w, _ in lines):
        pytest.skip(f"LibreOffice 没有可用的中文字体，无法量版面（{NEEDED}）")
    return pages, division_table(draft_document(profile, library))


def test_division_table_is_landscape_and_shorter(rendered):
    pages, table = rendered
    count, start, wraps = division_layout(pages, table.header, table.rows)
    assert len(table.rows) == 101  # the quick-start draft's measures, one row each (its local measure included; 行政调解工作制度 since s15)
    assert count <= 10, count  # portrait: 11 (97 rows); 100 rows since 综治中心 (13b O5) and 河北's 条例 (14)
    assert max(wraps["责任单位"]) <= 3, wraps  # portrait: 8
    assert max(wraps["牵头单位"]) <= 6, wraps  # portrait: 7
    units = wraps["责任单位"] + wraps["牵头单位"]
    # at most two lines in nine cells of ten and more (0.95 until s15, when three measures that tell the
    # 乡镇（街道） what to do came to list 各乡镇人民政府、街道办事处 among their 责任单位: N-U9)
    assert sum(n <= 2 for n in units) >= 0.93 * len(units)
    for number, ((width, height), _) in enumerate(pages):
        if number >= start:
            assert (round(width), round(height)) == (842, 595), number  # A4 landscape
        else:
            assert (round(width), round(height)) == (595, 842), number  # the body stays portrait


def test_page_numbers_continue_into_the_landscape_section(rendered):
    pages, _ = rendered
    numbers = [next(re.sub(r"\D", "", w) for w, _ in lines if re.fullmatch(r"—\d+—", w)) for _, lines in pages]
    assert numbers == [str(n) for n in range(1, len(pages) + 1)]
