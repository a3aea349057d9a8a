"""Issue 8.2: the review copy carries each measure's sources and marks every default."""

from __future__ import annotations

import re
import shutil

from pathlib import Path

import docx
import pytest

from drafter.api import draft_document
from drafter.library.citations import PLANS
from drafter.profile import load_profile
from drafter.writers.docx_review import write_review_docx

ROOT = Path(__file__).resolve().parent.parent
QINGHE = ROOT / "profiles" / "qinghe.yaml"


@pytest.fixture(scope="module")
def review(library, tmp_path_factory):
    from typer.testing import CliRunner

    from drafter.commands import app

    out = tmp_path_factory.mktemp("review")
    result = CliRunner().invoke(app, ["draft", str(QINGHE), "--review", "-o", str(out)])
    assert result.exit_code == 0, result.output
    path = Path(result.stdout.strip())
    assert path.name == "清河县法治政府建设实施方案（2026—2030年）（审阅稿）.docx"
    document = draft_document(load_profile(QINGHE, library), library)
    return docx.Document(str(path)), document, path


def measure_paragraphs(opened):
    return [p for p in opened.paragraphs if p.runs and any(r.bold for r in p.runs[:1])
            and p.text[:1].isdigit()]


def test_one_source_comment_per_measure_in_plan_names(review):
    opened, document, _ = review
    measures = [p for p in document.paragraphs() if p.provenance]
    comments = list(opened.comments)
    sources = [c.text for c in comments if c.text.startswith(("来源：", "本地举措：", "本条由档案", "来自档案"))]
    assert len(sources) == len(measures)
    library_comments = [text for text in sources if text.startswith("来源：")]
    assert library_comments and all("份方案中有" in text for text in library_comments)
    assert not any(key + ":" in text for text in sources for key in PLANS)  # plan names, never keys
    assert any(name in text for text in sources for name in PLANS.values())
    local = [text for text in sources if text.startswith("本地举措")]
    assert len(local) == sum(1 for p in measures if p.provenance.measure_id == "local") >= 1


def test_highlights_sit_exactly_on_the_defaulted_values(review):
    opened, document, _ = review
    profile_named = {"县行政审批局", "县发展和改革局", "县卫生健康局"}  # set in profiles/qinghe.yaml
    model = [p for p in document.paragraphs() if p.provenance]
    body = measure_paragraphs(opened)
    assert len(body) == len(model)
    for paragraph, block in zip(body, model):
        marked = {run.text for run in paragraph.runs if run.font.highlight_color is not None}
        expected = {d.text for d in block.provenance.defaults if d.text in paragraph.text}
        assert marked == expected, (block.provenance.measure_id, marked ^ expected)
        assert not marked & profile_named
    texts = [c.text for c in opened.comments]
    assert any("默认值，请核对：" in t and "在档案 units.justice 中改写" in t for t in texts)
    assert any("在档案 document.title 中改写" in t for t in texts)  # the derived title
    assert any("在档案 document.basis 中改写" in t for t in texts)  # the assumed references
    assert any("在档案 targets." in t and "中改写" in t for t in texts)  # a measure figure the profile left to its default


def test_two_runs_are_byte_identical_and_dated_from_the_document(review, library):
    opened, document, path = review
    assert write_review_docx(document) == path.read_bytes()
    assert {c.timestamp.date().isoformat() for c in opened.comments} == {"2026-01-01"}


def test_the_plain_draft_has_no_comments_and_no_highlights(library, run, tmp_path):
    result = run("draft", QINGHE, "-o", tmp_path)
    opened = docx.Document(result.stdout.strip())
    assert len(list(opened.comments)) == 0
    assert not any(r.font.highlight_color for p in opened.paragraphs for r in p.runs)


def test_review_is_word_only(run, tmp_path):
    result = run("draft", QINGHE, "--review", "--format", "md", "-o", tmp_path)
    assert result.exit_code == 2 and "审阅稿（--review）只能是 Word 格式" in result.stderr


@pytest.mark.skipif(not shutil.which("soffice"), reason="PDF 需要 LibreOffice（apt-get install libreoffice-writer-nogui）")
def test_review_pdf_keeps_the_comments(review, run, tmp_path):
    """LibreOffice's plain PDF export drops a .docx's comments from the page; the review PDF
    exports them (ExportNotes: PDF comments, and in the margin where LibreOffice can)."""
    import subprocess
    import zipfile

    opened, _, docx_path = review
    with zipfile.ZipFile(docx_path) as archive:
        comments = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", archive.read("word/comments.xml").decode("utf-8"))
    first = next(text for text in comments if text.startswith("来源："))
    result = run("draft", QINGHE, "--review", "--format", "pdf", "-o", tmp_path)
    assert result.exit_code == 0, result.output
    path = Path(result.stdout.strip())
    assert path.name == "清河县法治政府建设实施方案（2026—2030年）（审阅稿）.pdf"
    data = path.read_bytes()
    notes = [bytes.fromhex(hex_text.decode("ascii")).decode("utf-16-be")
             for hex_text in re.findall(rb"/Subtype /Text [^>]*?/Contents <FEFF([0-9A-F]*)>", data)]
    shown = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout \
        if shutil.which("pdftotext") else ""
    # LibreOffice 7.4 (this project's) has no ExportNotesInMargin: the comments are PDF notes
    assert any(first in note for note in notes) or first.replace(" ", "") in shown.replace(" ", "").replace("\n", "")
    assert len(notes) >= len(measure_paragraphs(opened)) or "来源：" in shown


def _commented_text(opened) -> dict[str, str]:
    """Each comment's text → the body text its range covers."""
    from docx.oxml.ns import qn

    words = {str(c.comment_id): c.text for c in opened.comments}
    covered: dict[str, str] = {}
    open_ids: list[str] = []
    for element in opened.element.body.iter(qn("w:commentRangeStart"), qn("w:commentRangeEnd"), qn("w:t")):
        if element.tag == qn("w:commentRangeStart"):
            open_ids.append(element.get(qn("w:id")))
        elif element.tag == qn("w:commentRangeEnd"):
            open_ids.remove(element.get(qn("w:id")))
        else:
            for number in open_ids:
                covered[words[number]] = covered.get(words[number], "") + (element.text or "")
    assert not open_ids, "every comment range is closed"
    return covered


def test_the_title_comment_covers_the_title_and_not_the_attachment_title(review):
    """The assumed title is marked where it stands: the document's title lines only (the
    分工表's title, in the same style, is neither highlighted nor inside the comment)."""
    opened, document, _ = review
    covered = _commented_text(opened)
    title = [text for words, text in covered.items() if "在档案 document.title 中改写" in words]
    assert title == ["清河县法治政府建设实施方案（2026—2030年）"]
    attachment_titles = [p for p in opened.paragraphs if p.text == "重点任务分工表"]
    assert attachment_titles and not any(run.font.highlight_color for p in attachment_titles for run in p.runs)


def test_marks_change_no_word_of_the_draft(review, library):
    """Highlights and comment anchors only cut runs: paragraph by paragraph, the review copy
    reads exactly as the plain draft."""
    from io import BytesIO

    from drafter.writers.docx import write_docx

    opened, document, _ = review
    plain = docx.Document(BytesIO(write_docx(document)))
    assert [p.text for p in opened.paragraphs] == [p.text for p in plain.paragraphs]
    assert [c.text for t in opened.tables for row in t.rows for c in row.cells] == \
        [c.text for t in plain.tables for row in t.rows for c in row.cells]
    covered = _commented_text(opened)
    measure = next(p for p in document.paragraphs() if p.provenance and p.provenance.measure_id != "local")
    assert any(text == measure.text for text in covered.values())  # a source comment spans its whole measure
