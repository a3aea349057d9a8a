"""`drafter audit --annotate`: the user's .docx back with a comment at each finding's paragraph."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn

CORPUS = Path(__file__).parent / "fixtures" / "audit"
ARGS = ("--name", "清河县", "--level", "county", "--province", "河北省", "--date", "2026-12-01", "--ignore", "A701")


def plan_docx(path: Path) -> Path:
    """The AI-draft fixture as a .docx, with an empty paragraph and a line break to keep the map honest."""
    document = docx.Document()
    lines = (CORPUS / "01_ai_qinghe.txt").read_text("utf-8").split("\n")
    document.add_paragraph(lines[0])
    document.add_paragraph("")
    for line in lines[1:]:
        if line:
            paragraph = document.add_paragraph()
            head, _, tail = line.partition("，")
            paragraph.add_run(head + ("，" if tail else ""))
            if tail:
                paragraph.add_run(tail).bold = True
    document.paragraphs[2].runs[0].add_break()
    document.save(str(path))
    return path


def anchored(document) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """comment id → the text of the paragraph it is anchored in."""
    found = {}
    for paragraph in document.paragraphs:
        for start in paragraph._p.iter(qn("w:commentRangeStart")):
            found[start.get(qn("w:id"))] = paragraph.text
    return found


def test_comments_are_anchored_at_the_findings_paragraphs(run, tmp_path):
    source = plan_docx(tmp_path / "方案.docx")
    before = [p.text for p in docx.Document(str(source)).paragraphs]
    out = tmp_path / "方案（审查批注）.docx"
    result = run("audit", source, *ARGS, "--annotate", out)
    assert result.exit_code == 1, result.output
    annotated = docx.Document(str(out))
    assert [p.text for p in annotated.paragraphs] == before  # otherwise unchanged
    comments = {str(c.comment_id): c for c in annotated.comments}
    places = anchored(annotated)
    assert len(comments) == len(places) == 7
    expected = {"A101": "法治中国建设规划", "A301": "执法证件", "A102": "第九个五年", "A201": "2026年6月底前"}
    for key, comment in comments.items():
        code = comment.text[1:5]
        assert comment.author == "drafter 审查"
        assert comment.text.startswith(f"[{code}] “")
        quote = comment.text[len("[A101] “"):comment.text.index("”：")]
        assert code in ("A101", "A102", "A201", "A301")
        assert quote in places[key], (comment.text, places[key])
    assert all(any(word in text for text in places.values()) for word in expected.values())


def test_annotate_refuses_text_plans_and_the_source_itself(run, tmp_path):
    source = plan_docx(tmp_path / "方案.docx")
    result = run("audit", source, *ARGS, "--annotate", source)
    assert result.exit_code == 1 and "不能与原方案同名" in result.stderr
    existing = tmp_path / "old.docx"
    existing.write_bytes(b"x")
    result = run("audit", source, *ARGS, "--annotate", existing)
    assert result.exit_code == 1 and "已存在" in result.stderr and existing.read_bytes() == b"x"


def test_whole_plan_findings_are_commented_on_the_first_paragraph(run, tmp_path):
    source = plan_docx(tmp_path / "方案.docx")
    out = tmp_path / "批注.docx"
    result = run("audit", source, *ARGS[:-2], "--annotate", out)
    assert result.exit_code == 1
    annotated = docx.Document(str(out))
    first = annotated.paragraphs[0].text
    requirement_comments = [c for c in annotated.comments if c.text.startswith("[A701]")]
    assert requirement_comments
    places = anchored(annotated)
    assert all(places[str(c.comment_id)] == first for c in requirement_comments)
    assert len(list(annotated.comments)) == int(result.stderr.split("共 ")[1].split(" 条")[0])
