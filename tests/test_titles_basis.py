"""Issue 13, point 8: titles cite no unregistered outline, the closing no undated document,
and a profile's basis is checked (period over, no 书名号) in validate, draft and check."""

from __future__ import annotations

import pytest

from drafter.api import draft_document
from drafter.plan import make_plan
from drafter.plan.basischeck import normalised
from drafter.profile import load_profile
from localities import LOCALITIES, profile_text


def plan_of(profile_file, library, text):
    return make_plan(load_profile(profile_file(text), library), library)


def with_basis(text: str, *items: str) -> str:
    lines = "".join(f"    - {item}\n" for item in items)
    return text.replace("  kind: 实施意见\n", "  kind: 实施意见\n  basis:\n" + lines).replace(
        "  kind: 实施方案\n", "  kind: 实施方案\n  basis:\n" + lines)


@pytest.mark.parametrize("name", sorted(LOCALITIES))
def test_an_opinion_for_2026_cites_no_outline_in_its_title(profile_file, library, name):
    plan = plan_of(profile_file, library, profile_text(name, kind="实施意见"))
    assert plan.title_lines == (f"{name}关于加快建设法治政府的实施意见", "（2026—2030年）")
    assert "纲要" not in plan.title


def test_an_opinion_for_2021_cites_the_registered_outline(profile_file, library):
    plan = plan_of(profile_file, library, profile_text("清河县", 2021, 2025, kind="实施意见"))
    assert plan.title == "清河县关于贯彻落实《法治政府建设实施纲要（2021—2025年）》的实施意见"


@pytest.mark.parametrize("start,end", [(2021, 2025), (2026, 2030)])
def test_the_closing_names_no_undated_or_unregistered_document(profile_file, library, start, end):
    profile = load_profile(profile_file(profile_text("桐乡市", start, end)), library)
    closing = make_plan(profile, library).general.closing
    assert "《" not in closing and "党中央、国务院关于法治政府建设的决策部署" in closing
    text = "\n".join(p.text for p in draft_document(profile, library).paragraphs())
    assert "《法治政府建设实施纲要》" not in text


STALE_OUTLINE = "中共中央、国务院《法治政府建设实施纲要（2021—2025年）》"
STALE_PLAN = "河北省法治政府建设实施方案（2021-2025年）"


def test_a_basis_whose_period_is_over_is_a_hint_and_a_bare_title_gets_brackets(profile_file, library):
    plan = plan_of(profile_file, library, with_basis(profile_text("清河县"), STALE_OUTLINE, STALE_PLAN))
    assert plan.basis == (STALE_OUTLINE, "《河北省法治政府建设实施方案（2021—2025年）》")
    assert tuple(w for w in plan.warnings if w.startswith("document.basis[")) == (
        "document.basis[0]：“中共中央、国务院《法治政府建设实施纲要（2021—2025年）》”的规划期（2021—2025年）在本规划期"
        "（2026—2030年）开始前已结束，不宜作为依据；请改为已印发的适用于2026—2030年的全国纲要全称；尚未印发时写"
        "“党中央、国务院关于法治政府建设的决策部署”或删去此条，工具会作概括表述",
        "document.basis[1]：“河北省法治政府建设实施方案（2021-2025年）”没有书名号，已按"
        "“《河北省法治政府建设实施方案（2021—2025年）》”写入，请核对文件全称",
        "document.basis[1]：“河北省法治政府建设实施方案（2021-2025年）”的规划期（2021—2025年）在本规划期"
        "（2026—2030年）开始前已结束，不宜作为依据；请改为河北省适用于2026—2030年的方案全称（已印发的）；"
        "尚未印发时写“河北省关于法治政府建设的部署要求”",
    )


def test_a_basis_in_its_period_passes_quietly(profile_file, library):
    plan = plan_of(profile_file, library, with_basis(profile_text("清河县", 2021, 2025), STALE_OUTLINE))
    assert not [w for w in plan.warnings if w.startswith("document.basis[")]


@pytest.mark.parametrize("item,expected", [
    ("法治政府建设实施纲要（2021—2025年）", "《法治政府建设实施纲要（2021—2025年）》"),
    ("中共河北省委、河北省人民政府关于加强法治政府建设的意见", "中共河北省委、河北省人民政府《关于加强法治政府建设的意见》"),
    ("党中央、国务院关于法治政府建设的决策部署", "党中央、国务院关于法治政府建设的决策部署"),
    ("《重庆市法治政府建设实施方案（2021—2025年）》", "《重庆市法治政府建设实施方案（2021—2025年）》"),
])
def test_normalised(library, item, expected):
    assert normalised(item, library) == expected


def test_validate_draft_and_check_all_print_the_hint(profile_file, run, tmp_path):
    path = profile_file(with_basis(profile_text("清河县"), STALE_OUTLINE))
    hint = "document.basis[0]：“中共中央、国务院《法治政府建设实施纲要（2021—2025年）》”的规划期（2021—2025年）"
    validate = run("validate", path)
    assert validate.exit_code == 0 and "检查通过" in validate.stdout and f"提示：{path}：{hint}" in validate.stderr
    draft = run("draft", path, "-o", tmp_path, "--format", "md")
    assert draft.exit_code == 0 and hint in draft.stderr
    check = run("check", path)
    assert hint in check.stdout + check.stderr
