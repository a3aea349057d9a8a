"""`drafter audit`: the seed plans read as 2026—2030 plans, drafter's own drafts, requirements, the CLI."""

from __future__ import annotations

from datetime import date

import json
from pathlib import Path

import pytest

from drafter import api
from drafter.audit import CODES, audit_file, audit_text, make_context
from drafter.audit.rules import MODULES
from drafter.profile import load_profile
from localities import LOCALITIES, profile_text

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "drafter" / "seeds"
CORPUS = Path(__file__).parent / "fixtures" / "audit"

# The main stale items of each seed plan as a 2026—2030 plan dated 2026-12-01: (code, quote).
STALE = {
    "datong": [("A101", "《法治政府建设实施纲要（2021—2025年）》"), ("A203", "到2025年"), ("A202", "2023年底前"),
               ("A301", "最多跑一次"), ("A301", "四方责任")],
    "zhangye": [("A101", "《法治政府建设实施纲要(2021—2025年)》"), ("A301", "十九届历次全会"), ("A203", "到2025年"),
                ("A202", "2022年年底前"), ("A301", "一件事一次办")],
    "bishan": [("A101", "《法治政府建设实施纲要（2021—2025年）》"), ("A101", "《重庆市法治政府建设实施方案（2021—2025年）》"),
               ("A301", "十九届历次全会"), ("A301", "最多跑一次"), ("A203", "到2025年"), ("A202", "2024年底前")],
    "biyang": [("A301", "十九大"), ("A301", "最多跑一次"), ("A301", "信访条例"), ("A301", "监察部门"),
               ("A203", "到2025年"), ("A202", "2024年前")],
    "suining": [("A101", "《法治政府建设实施纲要（2021-2025年）》"), ("A101", "《四川省法治政府建设实施方案（2021-2025年）》"),
                ("A301", "最多跑一次"), ("A203", "到2025年"), ("A202", "2025年底前")],
}


def seed_context(library, key: str):  # type: ignore[no-untyped-def]
    return make_context(library, profile=ROOT / "profiles" / f"{key}.yaml", period="2026-2030", issued="2026-12-01")


@pytest.mark.parametrize("key", sorted(STALE))
def test_seed_plan_as_2026_plan_reports_its_stale_items(library, key):
    findings = audit_file(SEEDS / f"{key}.txt", seed_context(library, key), library)
    found = {(f.code, f.quote) for f in findings}
    assert set(STALE[key]) <= found, set(STALE[key]) - found
    assert all(f.where and f.what and f.why and f.fix for f in findings)


def test_seed_finding_says_where(library):
    findings = audit_file(SEEDS / "biyang.txt", seed_context(library, "biyang"), library)
    nineteenth = next(f for f in findings if f.quote == "十九大")
    assert nineteenth.chapter.startswith("一、") and nineteenth.paragraph is not None
    assert "十九大" in (SEEDS / "biyang.txt").read_text("utf-8").split("\n")[nineteenth.paragraph]
    assert nineteenth.fix == "改为“党的二十大和二十届历次全会精神”"


PROMISED = {"A101", "A102", "A103", "A104", "A201", "A202", "A203", "A301", "A303", "A404", "A405", "A805"}


@pytest.mark.parametrize("name", sorted(LOCALITIES))
def test_every_drafter_draft_audits_clean(library, tmp_path, monkeypatch, name):
    monkeypatch.setattr("drafter.plan.issue.today", lambda: date(2026, 12, 1))  # drafted when it is audited
    path = tmp_path / "profile.yaml"
    path.write_text(profile_text(name), "utf-8")
    text = api.draft_bytes(load_profile(path, library), library, "md").decode("utf-8")
    findings = audit_text(text, make_context(library, profile=path, issued="2026-12-01"), library)
    assert [f for f in findings if f.code in PROMISED] == []
    assert [f.code for f in findings if f.code == "A701"] == []


def test_missing_requirements_are_reported(library, tmp_path):
    path = tmp_path / "profile.yaml"
    path.write_text(profile_text("清河县"), "utf-8")
    text = api.draft_bytes(load_profile(path, library), library, "md").decode("utf-8")
    cut = "\n".join(line for line in text.split("\n") if "高效办成一件事" not in line and "公平竞争审查条例" not in line)
    findings = audit_text(cut, make_context(library, profile=path, issued="2026-12-01"), library)
    missing = {f.quote for f in findings if f.code == "A701"}
    assert missing == {"高效办成一件事", "公平竞争审查"}
    assert all(f.paragraph is None and f.where == "全文" for f in findings if f.code == "A701")


def test_rules_are_registered_with_stable_codes():
    codes = [code for module in MODULES for code in module.CODES]
    assert len(codes) == len(set(codes)) == len(CODES)
    assert all(code[0] == "A" and code[1:].isdigit() and len(code) == 4 for code in codes)


def test_cli_exit_codes_and_formats(run, tmp_path):
    clean = CORPUS / "13_clean_qinghe.txt"
    dirty = CORPUS / "01_ai_qinghe.txt"
    args = ("--name", "清河县", "--level", "county", "--province", "河北省", "--date", "2026-12-01", "--ignore", "A701")
    result = run("audit", clean, *args)
    assert result.exit_code == 0, result.output
    assert "未发现问题" in result.stdout
    result = run("audit", dirty, *args)
    assert result.exit_code == 1
    assert "[A101]" in result.stdout and "共 7 条问题" in result.stderr
    out = tmp_path / "report.json"
    assert run("audit", dirty, *args, "--format", "json", "-o", out).exit_code == 1
    report = json.loads(out.read_text("utf-8"))
    assert report["count"] == 7 and report["findings"][0]["code"] == "A101"
    again = run("audit", dirty, *args, "--format", "md", "-o", out)
    assert again.exit_code == 1 and "已存在" in again.stderr and json.loads(out.read_text("utf-8"))
    assert run("audit", dirty, *args, "--format", "md", "-o", out, "--force").exit_code == 1
    assert out.read_text("utf-8").startswith("# 审查：01_ai_qinghe.txt")


def test_cli_usage_and_user_errors(run, tmp_path):
    dirty = CORPUS / "01_ai_qinghe.txt"
    assert run("audit", dirty, "--name", "清河县", "--format", "pdf").exit_code == 2
    assert run("audit", dirty, "--name", "清河县", "--ignore", "A999").exit_code == 2
    result = run("audit", dirty)
    assert result.exit_code == 1 and result.stderr.startswith("错误：请用 --profile")
    result = run("audit", dirty, "--name", "清河县", "--period", "2026年")
    assert result.exit_code == 1 and "--period" in result.stderr
    result = run("audit", dirty, "--name", "清河县", "--annotate", tmp_path / "a.docx")
    assert result.exit_code == 1 and "只能用于 Word 文档" in result.stderr
    assert not (tmp_path / "a.docx").exists()


def test_a_docx_plan_gives_the_same_findings_as_its_text(library, tmp_path):
    import docx

    text = (SEEDS / "zhangye.txt").read_text("utf-8")
    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    path = tmp_path / "zhangye.docx"
    document.save(str(path))
    context = seed_context(library, "zhangye")
    as_docx = [(f.code, f.quote, f.paragraph) for f in audit_file(path, context, library)]
    assert as_docx == [(f.code, f.quote, f.paragraph) for f in audit_text(text, context, library)]


def test_markdown_report_is_a_table_with_every_finding(run, tmp_path):
    out = tmp_path / "报告.md"
    result = run("audit", CORPUS / "02_neighbour_haidian.txt", "--name", "海淀区", "--level", "district",
                 "--province", "北京市", "--date", "2026-12-01", "--ignore", "A701", "--format", "md", "-o", out)
    assert result.exit_code == 1 and result.stdout.strip() == str(out)
    rows = [line for line in out.read_text("utf-8").splitlines() if line.startswith("| ") and line[2].isdigit()]
    assert len(rows) == 11 and "渝快办" in out.read_text("utf-8")


def test_readme_example_report_is_what_audit_prints(run):
    readme = (ROOT / "README.md").read_text("utf-8")
    example = readme.split("## 审查方案（drafter audit）", 1)[1].split("```text\n", 1)[1].split("\n…\n```", 1)[0]
    result = run("audit", CORPUS / "03_redraft_qinghe.txt", "--profile", ROOT / "profiles" / "qinghe.yaml",
                 "--date", "2026-12-01", "--ignore", "A701")
    assert result.stdout.startswith(example + "\n")
    for code in CODES:
        assert f"| {code} |" in readme


@pytest.mark.parametrize(("name", "province", "planted", "owner"), [
    ("延庆区", "北京市", "依托“湘易办”推进高效办成一件事。", "湖南省"),
    ("浏阳市", "湖南省", "依托“京通”推进高效办成一件事。", "北京市"),
    ("延庆区", "北京市", "依托渝快办推进高效办成一件事。", "重庆市"),
])
def test_another_provinces_platform_is_found_from_the_platform_registry(library, name, province, planted, owner):
    context = make_context(library, name=name, province=province, period="2026-2030", issued="2026-12-01")
    findings = [f for f in audit_text("一、总体要求\n" + planted + "\n", context, library) if f.code == "A402"]
    assert findings and f"出现{owner}的政务服务平台" in findings[0].what


def test_a_word_written_twice_is_found_and_a_name_that_only_looks_doubled_is_not(library, tmp_path):
    """宜都 read (s14/final): “地质灾害灾害防治” four times, and audit said nothing."""
    path = tmp_path / "profile.yaml"
    path.write_text(profile_text("清河县"), "utf-8")
    context = make_context(library, profile=path, issued="2026-12-01")
    text = ("一、总体要求\n聚焦地质灾害灾害防治、危化品安全生产等本地治理重点。\n"
            "落实纪委监委监督责任，层层压实责任。\n")
    found = [(f.code, f.quote, f.fix) for f in audit_text(text, context, library) if f.code == "A303"]
    assert found == [("A303", "灾害灾害", "删去一个“灾害”")]


def test_the_seed_plans_own_slip_is_found_and_nothing_else(library):
    """Over the five real plans the rule finds the one real slip (“重大行政决策决策事项”, in one seed) and
    passes 纪委监委监督, whose characters repeat across the name's end."""
    slips = sorted((path.stem, f.quote) for path in SEEDS.glob("*.txt")
                   for f in audit_file(path, seed_context(library, path.stem), library) if f.code == "A303")
    assert [quote for _, quote in slips] == ["决策决策"], slips


@pytest.mark.parametrize("fixture", ["yidu.yaml", "liuyang.yaml", "yanqing.yaml"])
def test_a_draft_full_of_local_facts_writes_no_word_twice(library, monkeypatch, fixture):
    """Local facts are spliced into library sentences (“{hazard}防治”): the 宜都 draft once read
    “地质灾害灾害防治” four times. Each fixture is a reviewer's profile of a real place."""
    monkeypatch.setattr("drafter.plan.issue.today", lambda: date(2026, 12, 1))
    path = ROOT / "tests" / "fixtures" / "localities" / fixture
    text = api.draft_bytes(load_profile(path, library), library, "md").decode("utf-8")
    findings = audit_text(text, make_context(library, profile=path, issued="2026-12-01"), library)
    assert [(f.code, f.quote) for f in findings if f.code in PROMISED] == []
