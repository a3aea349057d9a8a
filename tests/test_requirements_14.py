"""Issue 13, the 2026-12 司法厅 read of fresh drafts (review/final2): national requirements the
compact draft dropped (§3) or no draft carried (§2(a)), stale wording (§2(b)) and a statutory floor
printed as a target (I4). Each is read in the draft text of a county, a 县级市 and a 自治州, at the
compact and the standard detail level."""

from __future__ import annotations

import re

import pytest

from drafter.api import draft_document
from drafter.library.obligations import cited
from drafter.plan import make_plan
from drafter.plan.select import requirements
from drafter.profile import load_profile
from drafter.size import measure
from drafter.writers import WRITERS
from localities import profile_text

PLACES = {"清河县": "县政府", "桐乡市": "市政府", "延边朝鲜族自治州": "州政府"}
DETAILS = ["compact", "standard"]

# requirement id → (文号 or title of its registered basis, words the draft must then contain)
DROPPED_FROM_COMPACT = {
    "negative_list": ("法治政府建设实施纲要（2021—2025年）", "严格执行全国统一的市场准入负面清单，普遍落实“非禁即入”"),
    "minor_first_violation": ("《中华人民共和国行政处罚法》", "首次违法不罚清单"),
    "enforcement_statistics": ("国办发〔2018〕118号", "落实行政执法统计年报制度，上年度行政执法数据于1月31日前公开"),
    "disclosure_on_request": ("国务院令第711号", "规范依申请公开的受理、审查、答复和送达"),
    "enforcement_responsibility": ("国办发〔2005〕37号", "执法过错责任追究制度"),
    "court_support": ("《中华人民共和国行政诉讼法》", "尊重并支持人民法院依法受理和审理行政案件"),
    "procuratorial_support": ("《中华人民共和国行政诉讼法》", "支持人民检察院开展行政诉讼监督和行政公益诉讼"),
    "enterprise_policy_participation": ("《中华人民共和国民营经济促进法》", "充分听取企业和行业协会商会意见"),
    "npc_filing": ("《中华人民共和国各级人民代表大会常务委员会监督法》", "制定的行政规范性文件按规定报上一级人民政府和本级人大常委会备案"),
}


def draft(profile_file, library, name: str, detail: str, extra: str = ""):
    profile = load_profile(profile_file(profile_text(name, detail=detail) + extra), library)
    plan = make_plan(profile, library)
    document = draft_document(profile, library)
    markdown = WRITERS["md"](document).decode("utf-8")
    return profile, plan, markdown, measure(document, [m.deadline for m in plan.measures()])


@pytest.mark.parametrize("detail", DETAILS)
@pytest.mark.parametrize("name", sorted(PLACES))
def test_the_requirements_compact_dropped_are_in_the_draft(profile_file, library, name, detail):
    profile, plan, text, size = draft(profile_file, library, name, detail)
    carried = dict((r.id, c) for r, c in requirements(profile, library))
    chosen = {m.id for m in plan.measures()}
    by_id = {r.id: r for r in library.requirements}
    for requirement_id, (basis, words) in DROPPED_FROM_COMPACT.items():
        assert carried[requirement_id] in chosen, requirement_id
        assert basis in cited(by_id[requirement_id], library.documents), requirement_id
        assert words in text, (requirement_id, words)
    assert by_id["minor_first_violation"].article == "第三十三条"
    assert "自觉履行生效判决、裁定" in text and "全面履行生效裁判" in text
    # the 依申请公开 duty row is in the compact table too, at the law's 100%
    assert "| 依申请公开政府信息依法答复率（依据《中华人民共和国政府信息公开条例》（国务院令第711号）） | 100% |" in text
    # B2: the government's own documents, by its own name
    assert f"{PLACES[name]}制定的行政规范性文件按规定报上一级人民政府和本级人大常委会备案" in text
    if detail == "compact":  # the size a compact plan is held to, with every requirement in it
        assert 6_000 <= size.characters <= 10_000, size.line()


@pytest.mark.parametrize("detail", DETAILS)
@pytest.mark.parametrize("name", sorted(PLACES))
def test_guiding_ideology_township_review_and_current_numbers(profile_file, library, name, detail):
    _, _, text, _ = draft(profile_file, library, name, detail)
    ideology = text.split("### （一）指导思想")[1].split("###")[0]
    assert ("深入学习贯彻习近平法治思想，深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、"
            "做到“两个维护”") in ideology
    assert re.search(r"推动(乡镇|镇)(（街道）)?合法性审查全覆盖", text), "B1"
    assert "的行政执法监督机构，依照条例（国务院令第825号）承担监督具体事务" in text
    assert "落实《国务院办公厅关于严格规范涉企行政检查的意见》（国办发〔2024〕54号），健全规范涉企执法长效机制" in text
    assert ("| 行政执法部门涉嫌犯罪案件主动移送率（依据《行政执法机关移送涉嫌犯罪案件的规定》"
            "（2001年国务院令第310号公布，2020年国务院令第730号修订）） | 100% |") in text
    assert "（国务院令第310号））" not in text


@pytest.mark.parametrize("detail", DETAILS)
@pytest.mark.parametrize("name", sorted(PLACES))
def test_no_stale_heading_and_no_statutory_floor(profile_file, library, name, detail):
    _, _, text, _ = draft(profile_file, library, name, detail)
    assert "### （五）深化政务服务和审批制度改革" in text
    assert "放管服" not in text
    assert "行政复议人员参加" not in text and "最少人数" not in text
    assert not any("reconsideration_reviewers" in m.params for m in library.measures())


def test_check_no_longer_lists_the_reviewers_floor(profile_file, run):
    result = run("check", profile_file(profile_text("桐乡市")))
    assert result.exit_code == 0, result.output
    assert "复议人员" not in result.stdout and "reconsideration_reviewers" not in result.stdout


def test_the_old_heading_still_finds_its_topic(run):
    result = run("library", "list", "--topic", "放管服")
    assert result.exit_code == 0
    assert result.stdout.startswith("# functions.streamlining（深化政务服务和审批制度改革）\n")


def test_an_industry_draft_writes_开发区_not_产业集聚区(profile_file, library):
    extra = "local:\n  industries: [装备制造, 机绣纺织]\n"
    _, plan, text, _ = draft(profile_file, library, "清河县", "standard", extra)
    assert "local.industries.emergency" in {m.id for m in plan.measures()}
    assert "把开发区（园区）和重点企业纳入风险监测预警和应急预案体系" in text
    assert "产业集聚区" not in text
