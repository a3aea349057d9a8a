"""Issue 13, “who leads, by rule” and “level fit”, as the 司法厅 reviewers read the drafts
(/work/review/13c N-W2, N-W4, N-W5, L2, N-L2, N-L3; /work/review/final2 §2(c) 1, 4, 5): each test
reads the draft's own words — the unit parentheses, the 分工表-facing names, the review copy."""

from __future__ import annotations

import io
import re

import docx
import pytest

from drafter.api import draft_document, render_plan
from drafter.plan import make_plan
from drafter.profile import load_profile
from drafter.writers.docx_review import write_review_docx
from library_edits import with_changed_measure

SERVICE, DATA = "〔政务服务管理部门〕", "〔数据管理部门〕"


def place(name: str, level: str, province: str, city: str | None = None, *, issuers: str = "",
          units: str = "", lower: str = "", detail: str = "standard") -> str:
    """A profile of one locality; `issuers` the document.issuers list, `units` the units lines."""
    lines = ["jurisdiction:", f"  name: {name}", f"  short: {name[:2]}", f"  level: {level}", f"  province: {province}"]
    lines += [f"  city: {city}"] if city else []
    lines += [f"  lower_govs: {lower}"] if lower else []
    lines += ["document:", "  kind: 实施方案", "  period: {start: 2026, end: 2030}"]
    lines += [f"  issuers: [{issuers}]"] if issuers else []
    lines += ["selection:", f"  detail: {detail}"]
    lines += ["units:"] + [f"  {line}" for line in units.splitlines()] if units else []
    return "\n".join(lines) + "\n"


LIUYANG = ("浏阳市", "county_city", "湖南省", "长沙市")
JOINT = "中共浏阳市委, 浏阳市人民政府"


def draft(profile_file, library, text: str):
    profile = load_profile(profile_file(text), library)
    plan = make_plan(profile, library)
    return plan, "\n".join(p.text for p in render_plan(plan).paragraphs())


def measure_line(text: str, title: str) -> str:
    """The paragraph of the measure titled so: “N.title。…（牵头单位：…）”."""
    (line,) = [line for line in text.splitlines() if re.match(rf"\d+\.{re.escape(title)}。", line)]
    return line


def units_of(line: str) -> tuple[str, str]:
    lead, partners = re.search(r"（牵头单位：([^；）]*)(?:；责任单位：([^）]*))?）$", line).groups()
    return lead, partners or ""


# --- 1. 政务服务 and 数据 without a registered rule: a placeholder, never the 政府办公室 (N-W2) ---------------


def test_gov_service_without_a_rule_prints_a_placeholder_not_the_government_office(profile_file, library):
    plan, text = draft(profile_file, library, place(*LIUYANG))
    assert units_of(measure_line(text, "推行政务服务“一网通办”"))[0] == SERVICE
    assert "（牵头单位：市政府办公室；" not in measure_line(text, "推行政务服务“一网通办”")
    assert any(units_of(line)[0].startswith(DATA) for line in text.splitlines() if "（牵头单位：" in line)
    hints = [w for w in plan.warnings if w.startswith("units.")]
    assert hints == [
        f"units.gov_service：{SERVICE}（本省没有登记统一设立的政务服务管理部门，各地名称不一，正文暂印占位符“{SERVICE}”，"
        "请在档案 units.gov_service 中写本地机构名称（如 行政审批局、政务服务和大数据管理局；一个机构统管政务服务和数据的，"
        "写一处即可，数据工作的措施也由它牵头））",
        f"units.data_bureau：{DATA}（本省没有登记本层级数据管理部门的名称（数据局是否设立、是否与政务服务合设，各地不一），"
        f"正文暂印占位符“{DATA}”，请在档案 units.data_bureau 中写本地机构名称；由政务服务管理部门一并承担的，"
        "在 units.gov_service 写其名称即可）",
    ]


def test_draft_and_check_say_which_field_replaces_the_placeholder(run, profile_file, tmp_path):
    path = profile_file(place(*LIUYANG))
    drafted = run("draft", path, "-o", tmp_path / "out", "--format", "md")
    assert drafted.exit_code == 0, drafted.output
    assert f"提示：{path}：units.gov_service：{SERVICE}（" in drafted.stderr
    checked = run("check", path).stdout
    assert f"units.gov_service：{SERVICE}（本省没有登记统一设立的政务服务管理部门" in checked
    assert f"units.data_bureau：{DATA}（本省没有登记本层级数据管理部门的名称" in checked


def test_the_review_copy_highlights_the_placeholder_and_names_the_field(profile_file, library):
    profile = load_profile(profile_file(place(*LIUYANG)), library)
    opened = docx.Document(io.BytesIO(write_review_docx(draft_document(profile, library))))
    marked = [r.text for p in opened.paragraphs for r in p.runs if r.font.highlight_color is not None]
    assert SERVICE in marked and DATA in marked
    assert any("units.gov_service" in c.text and SERVICE in c.text for c in opened.comments)


def test_a_placeholder_copied_into_the_profile_is_no_name(run, profile_file):
    path = profile_file(place(*LIUYANG, units=f"gov_service: {SERVICE}"))
    result = run("draft", path, "-o", path.parent / "out", "--format", "md")
    assert result.exit_code == 0, result.output
    assert (f"提示：{path}：units.gov_service：“{SERVICE}”是初稿的占位符，不是机构名称，请写本地机构的名称\n"
            in result.stderr)


def test_a_province_rule_still_names_the_body(profile_file, library):
    _, text = draft(profile_file, library, place("清河县", "county", "河北省", "邢台市"))
    assert units_of(measure_line(text, "推行政务服务“一网通办”"))[0] == "县行政审批局"
    assert SERVICE not in text


@pytest.mark.parametrize("units", [
    "gov_service: 浏阳市政务服务和大数据管理局",  # named once, as the 政务服务 body
    "data_bureau: 浏阳市政务服务和大数据管理局",  # named once, as the 数据 body
])
def test_one_body_named_for_both_leads_both_sets_of_measures(profile_file, library, units):
    plan, text = draft(profile_file, library, place(*LIUYANG, units=units))
    body = "浏阳市政务服务和大数据管理局"
    assert units_of(measure_line(text, "推行政务服务“一网通办”"))[0] == body
    data_led = [line for line in text.splitlines() if "（牵头单位：" in line and "数据" in line.split("。", 1)[0]]
    assert data_led and SERVICE not in text and DATA not in text
    assert not [w for w in plan.warnings if w.startswith("units.")]
    assert any(units_of(line)[0].startswith(body) for line in data_led)


# --- 2. 机构编制 matters and 任前法律知识测试: by who issues the plan (final2 §2(c)5, N-W5) -------------------


@pytest.mark.parametrize("title, lead, partner", [
    ("优化政府组织结构和职能配置", "市委编办", "市政府办公室"),
    ("全面实行政府权责清单制度", "市委编办", "市司法局"),
    ("深化综合行政执法体制改革", "市委编办、市司法局", ""),
])
def test_staffing_matters_are_led_by_the_staffing_office_whoever_issues_the_plan(profile_file, library, title,
                                                                                 lead, partner):
    # final2 §2(c)5 and the last read (s14 R14, 兰考 and 汝州): 机构编制事项 are the 编办's, in a government plan too
    for issuers in (None, JOINT):
        _, text = draft(profile_file, library, place(*LIUYANG, issuers=issuers) if issuers else place(*LIUYANG))
        found, partners = units_of(measure_line(text, title))
        assert found == lead and (not partner or partner in partners.split("、")), (issuers, found, partners)


GOVERNMENT = "浏阳市人民政府"


@pytest.mark.parametrize("detail", ["compact", "standard"])
def test_pre_appointment_law_test_is_organised_by_the_organisation_department(profile_file, library, detail):
    # s14 N-W6: party bodies lead the party's own work whoever issues the plan; a plan without
    # document.issuers is no longer read as the government's own (it had 组织部 lead 干部考察 and the
    # 司法局 “配合组织部门” on the 任前测试 in one draft): the 组织部门 leads the test, as in a joint plan
    for issuers in (None, JOINT):
        _, together = draft(profile_file, library, place(*LIUYANG, issuers=issuers, detail=detail)
                            if issuers else place(*LIUYANG, detail=detail))
        line = measure_line(together, "落实任前法律知识测试和执法人员培训制度")
        assert "落实拟任领导干部任前法律知识测试制度，由市委组织部会同市委依法治市办、市司法局组织实施" in line
        assert units_of(line)[0] == "市委组织部、市司法局"
        assert "配合组织部门" not in together
    # only a profile that names the government alone keeps the government-issue words
    _, alone = draft(profile_file, library, place(*LIUYANG, issuers=GOVERNMENT, detail=detail))
    line = measure_line(alone, "加强行政执法人员法治培训")
    assert "配合组织部门做好拟任领导干部任前法律知识测试" in line
    assert units_of(line)[0] == "市司法局" and "组织部" not in units_of(line)[1]
    assert alone.count("任前法律知识测试") == 1


PARTY_LED = ("1.优化政府组织结构和职能配置（市委编办）；2.全面实行政府权责清单制度（市委编办）；")


def test_check_says_what_is_assumed_when_issuers_are_not_written(run, profile_file):
    out = run("check", profile_file(place(*LIUYANG))).stdout
    assert ("document.issuers：档案未写发文机关（document.issuers），本稿假定党委部门牵头党委职能范围内的工作"
            "（联合印发、政府印发均如此），拟任领导干部任前法律知识测试由组织部门牵头；以下 ") in out
    hint = next(line for line in out.splitlines() if "document.issuers：" in line)
    assert "项措施由党委部门牵头：" + PARTY_LED in hint
    assert "落实任前法律知识测试和执法人员培训制度（市委组织部、市司法局）" in hint
    assert hint.endswith("请在档案 document.issuers 中写明发文机关：联合印发的，如 [中共浏阳市委, 浏阳市人民政府]；"
                         "只由政府印发、任前法律知识测试改为“配合组织部门”的，写 [浏阳市人民政府]")
    assert "document.issuers：" not in run("check", profile_file(place(*LIUYANG, issuers=JOINT))).stdout


def test_a_government_office_as_issuer_is_no_joint_plan(profile_file, library):
    _, text = draft(profile_file, library, place(*LIUYANG, issuers="浏阳市人民政府办公室"))
    assert "配合组织部门做好拟任领导干部任前法律知识测试" in measure_line(text, "加强行政执法人员法治培训")


# --- 3. 宣传部、网信办 in a government measure; the 满意度 row (N-W4) ------------------------------------------


def test_information_release_is_led_by_the_sector_with_publicity_guiding_in_the_text(profile_file, library):
    plan, text = draft(profile_file, library, place("清河县", "county", "河北省", "邢台市"))
    line = measure_line(text, "做好信息发布和舆情应对")
    lead, partners = units_of(line)
    assert lead == "县应急管理局" and "宣传部" not in partners and "网信办" not in partners
    assert "在县委宣传部、县委网信办指导协调下完善公共舆情应对机制" in line
    (row,) = [row for row in plan.indicators if row.label == "群众对法治政府建设满意度测评目标分值"]
    assert row.units == ("县司法局",)


# --- 4. lower governments by level (L2, final2 §2(c)1) -----------------------------------------------------


@pytest.mark.parametrize("name, level, province, city, lower, towns", [
    ("浏阳市", "county_city", "湖南省", "长沙市", "各乡镇人民政府、街道办事处", "乡镇（街道）"),
    ("清河县", "county", "河北省", "邢台市", "各乡镇人民政府、街道办事处", "乡镇（街道）"),
    # 松桃 has 5 街道, 17 镇 and 6 乡 (贵州省人民政府 批复, 2015, as quoted at vivulho.cn; search pages 2026-12-01)
    ("松桃苗族自治县", "autonomous_county", "贵州省", "铜仁市", "各乡镇人民政府、街道办事处", "乡镇（街道）"),
    ("大通区", "district", "安徽省", "淮南市", "各乡镇人民政府、街道办事处", "乡镇（街道）"),
    ("陈巴尔虎旗", "banner", "内蒙古自治区", "呼伦贝尔市", "各苏木乡镇人民政府", "苏木乡镇"),
])
def test_default_lower_governments_leave_no_kind_of_town_out(profile_file, library, name, level, province, city,
                                                            lower, towns):
    _, text = draft(profile_file, library, place(name, level, province, city))
    assert lower in text and towns in text
    assert "各镇人民政府" not in text and not re.search(r"(?<![乡木])镇（街道）", text)


def test_a_profile_that_names_its_towns_keeps_them(profile_file, library):
    _, text = draft(profile_file, library, place(*LIUYANG, lower="各镇人民政府、街道办事处"))
    assert "各镇人民政府、街道办事处" in text and "乡镇（街道）" not in text


# --- 5. 不罚清单 and platforms by level (N-L3, N-L2) ---------------------------------------------------------


def test_a_county_executes_the_upper_lists_and_a_city_refines_within_its_powers(profile_file, library):
    for detail in ("compact", "standard"):
        _, county = draft(profile_file, library, place(*LIUYANG, detail=detail))
        line = measure_line(county, "推行柔性执法和轻微违法依法不罚")
        assert "严格执行上级公布的轻微违法不罚、首次违法不罚清单" in line and "结合实际提出补充建议" in line
        assert "分领域制定并公布轻微" not in county and "年底前" not in line and "说服教育" in line
        _, city = draft(profile_file, library, place("嘉兴市", "prefecture_city", "浙江省", detail=detail))
        line = measure_line(city, "推行柔性执法和轻微违法依法不罚")
        assert "依法在权限内分领域细化并公布轻微违法不罚、首次违法不罚清单" in line
        assert "严格执行上级公布的" not in line


@pytest.mark.parametrize("where", [LIUYANG, ("嘉兴市", "prefecture_city", "浙江省", None)])
def test_no_draft_builds_the_province_s_platforms(profile_file, library, where):
    _, text = draft(profile_file, library, place(*where, detail="full"))
    assert "建设上下贯通的一体化政务服务平台" not in text and "建设综合监管平台" not in text
    assert "依托省级政务服务平台" in measure_line(text, "推行政务服务“一网通办”")
    assert "依托国家和省级“互联网+监管”系统和综合监管平台" in measure_line(text, "深化“互联网+监管”和智慧监管")


# --- the rules behind these, over the library (docs/LIBRARY.md rules 12 and 16) ---------------------------


def test_the_rules_catch_a_wrong_joint_lead_and_party_bodies_in_emergency_measures(library):
    from dataclasses import replace

    from drafter.library.leads import lead_problems
    from drafter.library.model import Joint

    by_id = {m.id: m for m in library.measures()}
    training = by_id["leadership.capacity.enforcement_training"]
    broken = {  # each is one of the reviewers' findings put back
        "emergencies.capacity.information_release": dict(lead=("emergency", "publicity")),  # N-W4
        "emergencies.capacity.work_safety": dict(partners=("cyberspace", "other_depts")),
        "functions.coordination.negative_list": dict(joint=Joint(("staffing",), ("other_depts",))),  # not 编制
        "leadership.capacity.enforcement_training": dict(joint=replace(training.joint, lead=("justice",))),  # N-W5
        "leadership.capacity.must_know_laws": dict(text="落实拟任领导干部任前法律知识测试制度。"),  # no 配合组织部门
    }
    for measure_id, change in broken.items():
        found = lead_problems(with_changed_measure(library, measure_id, **change))
        assert [p for p in found if p.startswith(measure_id)], measure_id
    assert lead_problems(library) == []


# --- s14 司法厅 read, L7: an autonomous place's draft carries a measure on 民族事务, led by its own department --------


@pytest.mark.parametrize("name, autonomous", [("延边朝鲜族自治州", True), ("长阳土家族自治县", True), ("清河县", False)])
def test_an_autonomous_place_manages_ethnic_affairs_by_law(profile_file, library, name, autonomous):
    # one measure with the autonomy regulations (s14 R13b: a measure of its own pushed 行政调解 out of its topic)
    from localities import profile_text

    plan = make_plan(load_profile(profile_file(profile_text(name)), library), library)
    found = [m for m in plan.measures() if m.id == "rules.key_areas.autonomy_regulations"]
    assert bool(found) == autonomous
    if found:
        (measure,) = found
        assert measure.title == "依法管理民族事务，用好民族区域自治立法权"
        assert measure.text.startswith(  # the 2026 law beside the autonomy law (s14 R13b E-A2)
            "全面贯彻《中华人民共和国民族团结进步促进法》《中华人民共和国民族区域自治法》，依法管理民族事务")
        assert measure.lead[1].endswith("民族宗教事务局")
    mediation = next(t for c in plan.chapters for t in c.topics if t.id == "disputes.mediation")
    assert any("行政调解" in m.title for m in mediation.measures), [m.title for m in mediation.measures]


def issuer_comments(profile_file, library, **given) -> list:
    profile = load_profile(profile_file(place(*LIUYANG, **given)), library)
    opened = docx.Document(io.BytesIO(write_review_docx(draft_document(profile, library))))
    title = "浏阳市法治政府建设实施方案（2026—2030年）"
    return opened, [c for c in opened.comments if "document.issuers" in c.text], title


def test_the_review_copy_says_once_on_the_title_who_issues_and_which_measures_party_bodies_lead(profile_file, library):
    # s14 N-W6: one comment on the title, issuers given or assumed, with the party-led measures by number
    opened, comments, title = issuer_comments(profile_file, library)
    (comment,) = comments
    assert comment.text.startswith("发文机关：档案未写发文机关（document.issuers），本稿假定党委部门牵头")
    assert PARTY_LED in comment.text and "请在档案 document.issuers 中写明发文机关" in comment.text
    assert "".join(p.text for p in opened.paragraphs[:2]).startswith(title)
    anchored = opened.paragraphs[0]._p.xml
    assert f'w:commentReference w:id="{comment.comment_id}"' in anchored or \
        f'w:commentReference w:id="{comment.comment_id}"' in opened.paragraphs[1]._p.xml
    opened, (comment,), _ = issuer_comments(profile_file, library, issuers=JOINT)
    assert comment.text.startswith("发文机关：按档案 document.issuers（中共浏阳市委、浏阳市人民政府）：")
    assert PARTY_LED in comment.text
    _, (comment,), _ = issuer_comments(profile_file, library, issuers=GOVERNMENT)
    assert "为政府印发：拟任领导干部任前法律知识测试写作由司法行政部门“配合组织部门”做好" in comment.text


def test_the_default_lower_governments_are_a_hint_to_check(run, profile_file, tmp_path):
    # two 司法厅 reads: 浏阳 has 乡 (13c L2), 武邑 has no 街道 (s14 G1): the default names every kind, and says so
    out = run("draft", profile_file(place(*LIUYANG)), "--format", "md", "-o", str(tmp_path / "out")).stderr
    assert ("jurisdiction.lower_govs：下级政府按默认写作“各乡镇人民政府、街道办事处”；本辖区没有乡、镇或街道的，"
            "请在 jurisdiction.lower_govs 中按实际写明") in out
    named = place(*LIUYANG, lower="各乡镇人民政府、街道办事处")
    assert "jurisdiction.lower_govs：" not in run("draft", profile_file(named), "--format", "md", "-o",
                                                  str(tmp_path / "out"), "--force").stderr
