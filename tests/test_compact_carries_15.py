"""s15 H2: what the 司法厅 reviewers (s14 r13b C-A5..C-A8, E-A1, R5; s14 final §3(a)6–9) found the
compact draft left out is carried at every detail level; a locality's own measures never push a
requirement's carrier out of its topic, and `drafter check` names each generic measure they did push
out; 行政执法责任制 and 评议考核 are each said once. Read in the draft text of a county, a 县级市 and a
自治州, at the compact and the standard detail level."""

from __future__ import annotations

import pytest

from drafter.api import draft_document
from drafter.library.obligations import cited
from drafter.plan import make_plan
from drafter.plan.select import choose, requirements
from drafter.profile import load_profile
from drafter.size import measure
from drafter.writers import WRITERS
from localities import profile_text

PLACES = ("清河县", "桐乡市", "延边朝鲜族自治州")
DETAILS = ("compact", "standard")

# requirement id → (its registered basis as cited, its article, words every draft then says, in one measure)
NEW = {
    "judicial_suggestions": ("《中华人民共和国行政诉讼法》", "第九十六条", "司法建议、检察建议"),
    "government_dishonesty": ("国发〔2016〕76号", None, "政府失信"),
    "normative_issuing_subjects": ("国办发〔2018〕37号", None, "制定主体清单"),
    "mediation_system": ("法治政府建设实施纲要（2021—2025年）", None, "行政调解工作办法"),
    "enforcement_certification": ("《中华人民共和国行政处罚法》", "第四十二条", "持证上岗"),
    "grassroots_disclosure": ("国办发〔2019〕54号", None, "基层政务公开"),
}


def draft(profile_file, library, text: str):
    profile = load_profile(profile_file(text), library)
    plan = make_plan(profile, library)
    document = draft_document(profile, library)
    markdown = WRITERS["md"](document).decode("utf-8")
    return profile, plan, markdown, measure(document, [m.deadline for m in plan.measures()])


def saying(plan, *words: str) -> list[str]:
    """The measures of the draft whose title or text says one of `words`."""
    return [m.id for m in plan.measures() if any(w in m.title + m.text for w in words)]


@pytest.fixture(scope="module")
def drafts(tmp_path_factory, library):
    found = {}
    folder = tmp_path_factory.mktemp("s15h2")
    for name in PLACES:
        for detail in DETAILS:
            path = folder / f"{name}-{detail}.yaml"
            path.write_text(profile_text(name, detail=detail), encoding="utf-8")
            found[name, detail] = draft(lambda _text, written=path: written, library, "")
    return found


@pytest.mark.parametrize("detail", DETAILS)
@pytest.mark.parametrize("name", PLACES)
def test_the_six_requirements_are_in_every_draft_each_said_once(drafts, library, name, detail):
    profile, plan, text, size = drafts[name, detail]
    carried = dict((r.id, c) for r, c in requirements(profile, library))
    chosen = {m.id for m in plan.measures()}
    by_id = {r.id: r for r in library.requirements}
    for requirement_id, (basis, article, words) in NEW.items():
        assert carried[requirement_id] in chosen, requirement_id
        assert basis in cited(by_id[requirement_id], library.documents), requirement_id
        assert by_id[requirement_id].article == article, requirement_id
        for keyword in by_id[requirement_id].keywords:
            assert keyword in text, (requirement_id, keyword)
        assert len(saying(plan, words)) == 1, (requirement_id, saying(plan, words))
    for words in ("严禁越权发文", "健全行政调解工作制度。**", "推进基层政务公开标准化规范化"):
        assert words in text, words
    assert "开展政府失信专项治理" in text or "政府失信行为专项治理" in text
    if detail == "compact":  # composites: the measures compact already takes say them
        assert "认真办理司法建议、检察建议并按期反馈" in text
        assert "清理拖欠账款和治理政府失信。**" in text and "杜绝“新官不理旧账”；开展政府失信专项治理。" in text
        assert "严禁越权发文，实行制定主体清单管理；" in text
        assert "严格执行行政执法人员资格管理制度，落实持证上岗" in text
        assert "“五公开”，推进基层政务公开标准化规范化；" in text
        assert 6_000 <= size.characters <= 10_000, size.line()
    else:  # standard: each duty in its own measure, the composites leave their words to it
        assert "认真办理司法建议、检察建议并按期反馈" not in text and "做好司法建议和检察建议办理。**" in text
        assert "开展政府失信专项治理。**" in text and "清理拖欠账款和未履行裁判案件。**" in text
        assert "全面实行持证上岗和资格动态管理" in text


@pytest.mark.parametrize("detail", DETAILS)
@pytest.mark.parametrize("name", PLACES)
def test_r5_responsibility_and_appraisal_are_each_said_once(drafts, name, detail):
    _, plan, text, _ = drafts[name, detail]
    assert len(saying(plan, "行政执法责任制")) == 1 and "执法过错责任追究制度" in text  # said once: the 条例 measure (compact) or the responsibility measure (standard, s15 R5)
    assert len(saying(plan, "评议考核", "考核评议")) <= 1
    assert text.count("完善案卷评查和考核评议制度") == 0 and "投诉举报处理和考核评议制度" not in text
    if detail == "standard":
        assert saying(plan, "评议考核", "考核评议") == ["oversight.enforcement_supervision.responsibility"]
        assert "常态化开展行政执法案卷评查。**健全行政执法案卷评查和投诉举报处理制度" in text
        assert text.count("健全行政执法案卷评查") == 1


# An 自治州 with many local facts of the one topic 加强行政调解和矛盾纠纷多元化解 (four local measures
# there, and the ethnic one wherever it sits): the topic keeps its 行政调解 system measure (E-A1).
MANY = """\
local:
  ethnic: [土家族, 苗族]
  zones: [恩施高新技术产业园区]
  safety_risks: [非煤矿山]
  heritage: [恩施大峡谷景区]
  rivers: [清江]
"""


def test_local_measures_never_push_a_requirements_carrier_out(profile_file, library):
    profile, plan, text, _ = draft(profile_file, library, profile_text("延边朝鲜族自治州") + MANY)
    topic = next(t for c in plan.chapters for t in c.topics if t.id == "disputes.mediation")
    ids = [m.id for m in topic.measures]
    assert sum(i.startswith("local.") for i in ids) == 4, ids  # the four local measures of the topic
    carriers = {c for r, c in requirements(profile, library, "disputes.mediation")}
    assert carriers == {"disputes.mediation.procedure", "disputes.mediation.linkage",
                        "disputes.mediation.governance_centre", "disputes.mediation.petition"}
    assert carriers <= set(ids)  # the topic grows rather than lose one
    assert "健全行政调解工作制度。**" in text and "制定行政调解工作办法" in text


def test_choose_keeps_every_carrier_however_many_places_are_reserved(profile_file, library):
    profile = load_profile(profile_file(profile_text("清河县")), library)
    for topic in library.topics():
        must = {c for _, c in requirements(profile, library, topic.id) if c}
        outcome = choose(topic, profile, library, reserved=10)
        assert must <= {m.id for m in outcome.chosen}, topic.id
        assert not must & set(outcome.displaced), topic.id


def test_check_names_each_generic_measure_a_local_measure_displaced(profile_file, run):
    path = profile_file(profile_text("清河县") + "local:\n  safety_risks: [煤矿]\n")
    result = run("check", path)
    assert result.exit_code == 0, result.output
    assert ("（十四）加大重点领域执法力度：本地措施“加强矿山安全生产执法”（local.safety_risks.mines）占用了本专题的名额，"
            "通用措施“加密重点环节执法巡查”（enforcement.key_areas.risk_prevention）未写入草案；"
            "如需保留，请在档案 selection.replace 中写 enforcement.key_areas.risk_prevention: {}（按措施库原文保留），"
            "或在 selection.drop 中写本地措施编号 local.safety_risks.mines") in result.stdout
    assert "（十四）加大重点领域执法力度（纲要专题 11）：采用 2 条" in result.stdout
    # kept as the library words it: the measure is drafted and the 提示 is gone
    kept = profile_file(profile_text("清河县", extra="""\
          replace:
            enforcement.key_areas.risk_prevention: {}
        local:
          safety_risks: [煤矿]
        """), "kept.yaml")
    result = run("check", kept)
    assert result.exit_code == 0, result.output
    assert "（enforcement.key_areas.risk_prevention）未写入草案" not in result.stdout
    assert "（十四）加大重点领域执法力度（纲要专题 11）：采用 3 条" in result.stdout  # the library's 2 and the kept one


def test_check_prints_no_displacement_without_local_measures(profile_file, run):
    result = run("check", profile_file(profile_text("延边朝鲜族自治州")))  # 吉林省: no province measure either
    assert result.exit_code == 0, result.output
    assert "占用了本专题的名额" not in result.stdout
