"""The 2026-12 司法厅 read (s14 r13b A1, A2, O4, O5; s14 final §3(a)(b)): national requirements no
draft carried — where the government's, its departments' and the lower governments' normative
documents are filed, 全国统一大市场, the 12345 hotline, publishing 行政复议决定书 — the stale 市场主体,
bare 文号 and the 年度报告 dates. Each is read in the draft text of a county, a 县级市 and a 自治州
at the compact and the standard detail level."""

from __future__ import annotations

import re

import pytest

from drafter.api import draft_document
from drafter.library.obligations import cited
from drafter.library.retired import find, load_retired
from drafter.plan import make_plan
from drafter.profile import load_profile
from drafter.writers import WRITERS
from localities import profile_text

# name: (the government, the lower governments as the draft names them)
PLACES = {"清河县": ("县政府", "各乡镇人民政府、街道办事处"), "桐乡市": ("市政府", "各镇人民政府、街道办事处"),
          "延边朝鲜族自治州": ("州政府", "各县（市）人民政府")}
DETAILS = ["compact", "standard"]
# the year and number of a 文号 such as 国办发〔2024〕54号 or 厅字〔2019〕28号
NUMBER = re.compile(r"〔\d{4}〕\d+号")


def draft(profile_file, library, name: str, detail: str):
    profile = load_profile(profile_file(profile_text(name, detail=detail)), library)
    plan = make_plan(profile, library)
    text = WRITERS["md"](draft_document(profile, library)).decode("utf-8")
    return plan, text


def measure_text(plan, title: str) -> str:
    return next(m.text for m in plan.measures() if m.title == title)


@pytest.mark.parametrize("detail", DETAILS)
@pytest.mark.parametrize("name", sorted(PLACES))
def test_a1_where_normative_documents_are_filed(profile_file, library, name, detail):
    plan, text = draft(profile_file, library, name, detail)
    gov, lower = PLACES[name]
    filing = measure_text(plan, "严格落实备案审查制度")
    assert f"{gov}制定的行政规范性文件按规定报上一级人民政府和本级人大常委会备案" in filing
    assert f"{lower}和{gov}部门制定的报{gov}备案" in filing  # a county's 乡镇 file with the county
    assert "落实“三统一”和有效期制度" in text
    by_id = {r.id: r for r in library.requirements}
    assert cited(by_id["upper_government_filing"], library.documents) == \
        "《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）"


def test_a1_a_full_draft_says_the_three_unifications_once(profile_file, library):
    """With the 制定程序 measure drafted, the filing measure leaves 三统一 to it."""
    _, text = draft(profile_file, library, "清河县", "full")
    assert "落实“三统一”和有效期制度" not in text
    assert text.count("统一登记、统一编号、统一印发") == 1


@pytest.mark.parametrize("detail", DETAILS)
@pytest.mark.parametrize("name", sorted(PLACES))
def test_a2_unified_market_in_the_fair_competition_measure_with_commerce(profile_file, library, name, detail):
    plan, text = draft(profile_file, library, name, detail)
    review = next(m for m in plan.measures() if m.title == "严格落实《公平竞争审查条例》")
    assert "破除地方保护和市场分割" in review.text
    assert "清理废除妨碍全国统一大市场和公平竞争的规定和做法" in text
    commerce = next(u.name for u in plan.units if u.role == "commerce")
    assert commerce in review.partners
    assert library.documents["unified_market_2022"].title == "中共中央 国务院关于加快建设全国统一大市场的意见"


@pytest.mark.parametrize("detail", DETAILS)
@pytest.mark.parametrize("name", sorted(PLACES))
def test_hotline_and_reconsideration_decisions_published(profile_file, library, name, detail):
    plan, text = draft(profile_file, library, name, detail)
    assert "发挥12345政务服务便民热线“总客服”作用" in measure_text(plan, "推行政务服务“一网通办”")
    assert "依法向社会公开行政复议决定书" in measure_text(plan, "用好行政复议各项制度")
    by_id = {r.id: r for r in library.requirements}
    assert by_id["reconsideration_publicity"].article == "第七十九条"
    assert library.documents["hotline_2020"].cited == "《国务院办公厅关于进一步优化地方政务服务便民热线的指导意见》"


@pytest.mark.parametrize("detail", DETAILS)
@pytest.mark.parametrize("name", sorted(PLACES))
def test_wording_titles_and_dates(profile_file, library, name, detail):
    plan, text = draft(profile_file, library, name, detail)
    # 5. 经营主体, not 市场主体
    assert "市场主体" not in text and "经营主体" in text
    # 6. O4/O5: a regulation's name in a title takes 《》, a 文号 follows its document's title
    assert "严格落实《公平竞争审查条例》" in text and "严格落实公平竞争审查条例" not in text
    assert "落实《国务院办公厅关于严格规范涉企行政检查的意见》（国办发〔2024〕54号）" in text
    # 7. the annual report: departments by 3月1日, published by 4月1日 (督察工作规定, see documents.yaml)
    report = measure_text(plan, "严格执行年度报告制度")
    assert "政府各部门每年3月1日前" in report and "年度报告4月1日前向社会公开" in report


def test_retired_market_subject_keeps_document_titles():
    entry = next(e for e in load_retired() if e.term == "市场主体")
    assert entry.today == "经营主体" and "政府工作报告" in entry.source
    assert find("依照《市场主体登记管理条例》办理登记", 2026) == []
    assert [e.term for e, _ in find("减少对市场主体正常经营活动的干扰", 2026)] == ["市场主体"]
    assert find("减少对市场主体正常经营活动的干扰", 2023) == []  # not yet stale in a 2023 plan


def bare_numbers(text: str) -> list[str]:
    """The 文号 of a text that do not follow their document's title: 《title》（国办发〔2024〕54号）, the
    issuer's code (国办发, 厅字, 国发) standing between the bracket and the year."""
    found = []
    for match in NUMBER.finditer(text):
        before = text[max(0, match.start() - 6):match.start()]
        if "》（" not in before:
            found.append(before[-3:] + match.group())
    return found


def test_no_measure_cites_a_bare_document_number(library):
    texts = [(m.id, m.title + "：" + m.text) for m in library.measures()]
    texts += [(m.id, m.later.text) for m in library.measures() if m.later is not None]
    texts += [(rule.measure.id, rule.measure.text) for rule in library.local_measures]
    found = [(where, number) for where, text in texts for number in bare_numbers(text)]
    assert found == []


def test_the_bare_number_check_can_fail():
    assert bare_numbers("落实国办发〔2024〕54号文件") == ["国办发〔2024〕54号"]
    assert bare_numbers("落实《国务院办公厅关于严格规范涉企行政检查的意见》（国办发〔2024〕54号）") == []


def test_audit_flags_market_subject_but_not_in_a_title(library):
    from drafter.audit import audit_text, make_context

    context = make_context(library, name="清河县", level="county", province="河北省", issued="2026-12-01")
    text = "一、总体要求\n\n1.依照《市场主体登记管理条例》做好登记，减少对市场主体正常经营活动的干扰。\n"
    quotes = [(f.quote, f.fix) for f in audit_text(text, context, library) if f.code == "A301"]
    assert quotes == [("市场主体", "改为“经营主体”")]
