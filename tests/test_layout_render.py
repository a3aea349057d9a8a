"""Issue 8.1: the draft lays out as GB/T 9704 in a real office suite.

LibreOffice renders the .docx to PDF; poppler's `pdftotext -bbox-layout` gives each line's
box. From one rendering we measure characters a line, lines a page, the margins and the
page numbers. Needs LibreOffice, poppler-utils and a CJK font (CI installs them).
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest

from drafter.api import draft_bytes
from drafter.profile import load_profile

ROOT = Path(__file__).resolve().parent.parent
MM = 72 / 25.4  # points per millimetre
NEEDED = "apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-cjk"

pytestmark = pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")),
    reason=f"版面测试需要 LibreOffice 和 poppler-utils（Debian/Ubuntu：{NEEDED}）",
)


def render(profile: Path, library, out: Path) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    """The profile's .docx and LibreOffice's PDF of it."""
    docx = out / "draft.docx"
    docx.write_bytes(draft_bytes(load_profile(profile, library), library))
    profile_dir = (out / "lo-profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile_dir}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out), str(docx)], check=True, capture_output=True, timeout=240)
    return docx, out / "draft.pdf"


@pytest.fixture(scope="module")
def pages(library, tmp_path_factory):
    out = tmp_path_factory.mktemp("render")
    _, pdf = render(ROOT / "profiles" / "qinghe.yaml", library, out)
    html = out / "draft.html"
    subprocess.run(["pdftotext", "-bbox-layout", str(pdf), str(html)], check=True, timeout=60)
    text = re.sub(r"<!DOCTYPE[^>]*>", "", html.read_text(encoding="utf-8"))
    root = ElementTree.fromstring(text)
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    result = []
    for page in root.iter("{http://www.w3.org/1999/xhtml}page"):
        lines = []
        for line in page.iter("{http://www.w3.org/1999/xhtml}line"):
            words = "".join(w.text or "" for w in line.findall("x:word", ns))
            box = {k: float(line.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")}
            lines.append((words, box))
        result.append(lines)
    if not any("县" in words for lines in result for words, _ in lines):
        pytest.skip(f"LibreOffice 没有可用的中文字体，无法量版面（{NEEDED}）")
    return result


def body_lines(lines):
    """Lines of 3号 text in the type area: not the page number, not the 小四 table text."""
    return [(w, b) for w, b in lines if b["yMax"] < (297 - 35) * MM + 6 and b["yMax"] - b["yMin"] > 18
            and not re.fullmatch(r"—\s*\d+\s*—", w)]


def text_pages(pages):
    """Full pages of running text: not the first (title) or the last ones, none holding a table."""
    return [lines for lines in pages[1:-3] if all(b["yMax"] - b["yMin"] > 18 or b["yMax"] > (297 - 35) * MM
                                                   for _, b in lines)]


def test_28_characters_on_full_lines(pages):
    full = [len(w.replace(" ", "")) for lines in text_pages(pages) for w, b in body_lines(lines)
            if b["xMin"] < 28 * MM + 2 and b["xMax"] > (210 - 26) * MM - 8]
    assert len(full) > 100
    assert statistics.median(full) == 28


def test_22_lines_on_full_pages(pages):
    counts = [len(body_lines(lines)) for lines in text_pages(pages)]
    assert len(counts) >= 10
    assert statistics.median(counts) == 22
    assert max(counts) == 22


def test_margins_within_1_5_mm(pages):
    boxes = [b for lines in text_pages(pages) for _, b in body_lines(lines)]
    left = min(b["xMin"] for b in boxes) / MM
    # LibreOffice lets a line's final comma or full stop hang past the margin (hanging
    # punctuation, as Word does by default); the text block is measured without it.
    unhung = [b for lines in text_pages(pages) for w, b in body_lines(lines) if w[-1:] not in "，。、；：！？”）"]
    right = 210 - max(b["xMax"] for b in unhung) / MM
    assert abs(left - 28) <= 1.5 and abs(right - 26) <= 1.5, (left, right)
    top = min(b["yMin"] for b in boxes) / MM
    bottom = 297 - max(b["yMax"] for b in boxes) / MM
    line_pitch_mm = 579 / 20 / MM
    assert 37 - 1.5 <= top <= 37 + line_pitch_mm, top  # the first line's glyphs sit inside its 28.95 pt line
    assert bottom >= 35 - 1.5, bottom


def test_page_numbers_right_on_odd_and_left_on_even_pages(pages):
    for number, lines in enumerate(pages, 1):
        marks = [(w, b) for w, b in lines if re.fullmatch(r"—\s*\d+\s*—", w)]
        assert len(marks) == 1, (number, marks)
        text, box = marks[0]
        assert re.sub(r"\s", "", text) == f"—{number}—"
        # the 横排 分工表's landscape pages (wider than 210 mm) have their own margins, 35 and 37 mm
        landscape = max(b["xMax"] for _, b in lines) > 211 * MM
        width, left, right = (297, 35, 37) if landscape else (210, 28, 26)
        if number % 2:
            assert box["xMax"] > (width - right - 10) * MM and box["xMin"] > width / 2 * MM
        else:
            assert box["xMin"] < (left + 10) * MM and box["xMax"] < width / 2 * MM


def test_the_size_lines_page_estimate_matches_the_rendering(pages, library):
    """`drafter draft` prints 约 N 页 without rendering: it must agree with a real client."""
    from drafter.api import draft_document
    from drafter.plan import make_plan
    from drafter.size import measure

    profile = load_profile(ROOT / "profiles" / "qinghe.yaml", library)
    plan = make_plan(profile, library)
    estimate = measure(draft_document(profile, library), [m.deadline for m in plan.measures()]).pages
    assert abs(estimate - len(pages)) <= max(2, len(pages) // 10), (estimate, len(pages))



def test_libreoffice_prints_every_punctuation_mark(library, tmp_path):
    """With punctuation kept off the margin, LibreOffice dropped a comma or full stop that fell 29th
    on a line: the 宜都 draft's PDF lost 33 marks (“依法得到有效管控宜都市化工园区…”). Counted over the
    document's text against the PDF's; the 宜都 reviewer's profile has many long local sentences."""
    import zipfile

    docx, pdf = render(ROOT / "tests" / "fixtures" / "localities" / "yidu.yaml", library, tmp_path)
    xml = zipfile.ZipFile(docx).read("word/document.xml").decode("utf-8")
    written = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))
    printed = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, timeout=60).stdout.decode()
    if "宜都" not in printed:
        pytest.skip(f"LibreOffice 没有可用的中文字体（{NEEDED}）")
    lost = {mark: written.count(mark) - printed.count(mark) for mark in "，。、；：" if written.count(mark) != printed.count(mark)}
    assert lost == {}, lost
