"""The provincial 司法厅's fifth read (review 13c, §6 and §8): one piece of work said by one
measure (R3, R4, N-R1, N-R2) and no assumed deadline on a duty already in force, the others
marked as assumed (N-D1, N-D2), read in drafts of generated localities of several levels."""

from __future__ import annotations

import io

import docx
import pytest

from drafter.api import draft_bytes, draft_document
from drafter.plan import make_plan
from drafter.profile import load_profile
from drafter.writers.docx_review import write_review_docx
from localities import profile_text

NAMES = ("清河县", "桐乡市", "延边朝鲜族自治州", "嘉兴市", "渝中区")
CASES = [(name, detail) for name in NAMES for detail in ("compact", "standard")]
ISSUED = "  kind: 实施方案\n  date: 2026-12-01\n  division_table: true\n"


def text_of(name: str, detail: str = "standard", start: int = 2026, end: int = 2030) -> str:
    return profile_text(name, start, end, detail=detail).replace("  kind: 实施方案\n", ISSUED)


@pytest.fixture(scope="module")
def drafts(library, tmp_path_factory):
    made = {}
    folder = tmp_path_factory.mktemp("review13c")
    for name, detail in CASES:
        path = folder / f"{name}-{detail}.yaml"
        path.write_text(text_of(name, detail), encoding="utf-8")
        profile = load_profile(path, library)
        made[name, detail] = (profile, make_plan(profile, library), draft_bytes(profile, library, "md").decode("utf-8"))
    return made


def saying(plan, *words: str) -> list[str]:
    """The ids of the measures whose title or text says any of `words`."""
    return [m.id for m in plan.measures() if any(w in m.title + m.text for w in words)]


def division_rows(text: str) -> dict[str, list[str]]:
    """The 重点任务分工表 rows of a Markdown draft by 具体措施: [序号, 重点任务, 具体措施, 牵头, 责任, 完成时限]."""
    rows = {}
    for line in text.split("重点任务分工表")[-1].splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) == 6 and cells[0].isdigit():
            rows[cells[2]] = cells
    return rows


@pytest.mark.parametrize("name,detail", CASES)
def test_r3_internet_plus_supervision_and_the_supervision_platform_are_one_measure(drafts, name, detail):
    profile, plan, text = drafts[name, detail]
    assert saying(plan, "互联网+监管", "综合监管平台", "监管过程全记录") == ["digital.internet_regulation.data_convergence"]
    merged = next(m for m in plan.measures() if m.id == "digital.internet_regulation.data_convergence")
    assert merged.title == "深化“互联网+监管”和智慧监管"
    prov = "市" if profile.jurisdiction.province == "重庆市" else "省"
    assert f"依托国家和{prov}级“互联网+监管”系统和综合监管平台" in merged.text
    for words in ("监管事项全覆盖、监管过程全记录、监管结果可追溯", "非现场监管", "监管数据汇聚共享"):
        assert words in merged.text, words
    assert "加强智慧监管体系建设" not in text


@pytest.mark.parametrize("name,detail", CASES)
def test_r4_the_platform_and_one_network_service_are_one_measure(drafts, name, detail):
    profile, plan, text = drafts[name, detail]
    assert saying(plan, "一网通办", "线上线下", "一体化政务服务平台") == ["digital.platforms.integrated_service_platform"]
    merged = next(m for m in plan.measures() if m.id == "digital.platforms.integrated_service_platform")
    assert merged.title == "推行政务服务“一网通办”"
    for words in ("一体化政务服务平台应用并向村（社区）延伸", "以“一网通办”为牵引", "服务同标准、无差别"):
        assert words in merged.text, words
    assert "推动政务服务平台上下贯通" not in text


def test_r3_r4_a_plan_of_the_2021_round_keeps_its_two_measures(library, profile_file):
    """The merged wording is today's: a 2021—2025 plan keeps the measures of its time."""
    profile = load_profile(profile_file(text_of("清河县", "full", 2021, 2025)), library)
    ids = {m.id for m in make_plan(profile, library).measures()}
    assert {"digital.internet_regulation.smart_supervision", "digital.platforms.one_network",
            "digital.platforms.integrated_service_platform"} <= ids


@pytest.mark.parametrize("name,detail", CASES)
def test_n_r1_qualification_and_leaders_training_are_each_said_once(drafts, name, detail):
    profile, plan, text = drafts[name, detail]
    qualification = saying(plan, "资格管理", "持证上岗", "执法证", "资格考试")
    leaders = saying(plan, "领导干部培训", "领导干部依法行政专题培训")
    assert len(qualification) == 1 and len(leaders) <= 1, (qualification, leaders)
    assert "执法证件管理系统" not in text and "在线培训考试" not in text
    training = next(m for m in plan.measures() if m.id == "leadership.capacity.enforcement_training")
    assert "健全执法人员上岗培训和日常培训机制" in training.text
    if detail == "compact":  # one combined measure carries the training and 资格管理 (13b, N-M3)
        assert qualification == ["leadership.capacity.enforcement_training"]
        assert leaders in ([], ["leadership.capacity.enforcement_training"])
        assert "严格执行行政执法人员资格管理制度" in training.text
    else:  # standard: each in its own measure, the training measure keeps the staff's training
        assert qualification == ["enforcement.procedure.personnel_management"]
        assert leaders == ["leadership.capacity.department_heads_training"]
        assert "全面实行持证上岗和资格动态管理" in text and "每年举办领导干部依法行政专题培训班" in text
        assert "资格管理" not in training.text and "领导干部培训" not in training.text


@pytest.mark.parametrize("name,detail", CASES)
def test_n_r2_a_prefecture_publishes_its_typical_cases_and_popularises_law_once(drafts, name, detail):
    profile, plan, text = drafts[name, detail]
    assert len(saying(plan, "以案释法")) <= 1 and len(saying(plan, "普法责任清单")) <= 1
    assert len(saying(plan, "谁执法谁普法")) == 1
    if detail != "standard":
        return
    if profile.jurisdiction.level.tier == "city":
        assert "发布和运用行政执法典型案例。**" in text
        assert "汇编发布本地行政执法典型案例，运用上级发布的行政执法指导案例统一执法尺度和标准" in text
        assert "在执法中开展以案释法" not in text and "编制发布行政执法指导案例" not in text
    else:
        assert "报送本地行政执法典型案例，运用上级发布的行政执法指导案例" in text


@pytest.mark.parametrize("name", ("清河县", "延边朝鲜族自治州"))
def test_n_r2_even_a_full_draft_says_case_based_publicity_once(library, tmp_path, name):
    """From 2026 the 谁执法谁普法 measure (a requirement's carrier) says 以案释法; 在执法中开展以案释法
    stays in 2021-round plans only."""
    path = tmp_path / "profile.yaml"
    path.write_text(text_of(name, "full"), encoding="utf-8")
    plan = make_plan(load_profile(path, library), library)
    assert saying(plan, "以案释法", "普法责任清单") == ["leadership.research_publicity.law_popularization"]
    path.write_text(text_of(name, "full", 2021, 2025), encoding="utf-8")
    assert "enforcement.innovation.case_based_publicity" in {m.id for m in make_plan(load_profile(path, library), library).measures()}


# N-D2: duties in force since 2019, 2005, 2016 and 2025 are carried on (健全/完善), not put off
IN_FORCE = {
    "functions.business_environment.policy_participation": "健全常态化的经营主体意见征集机制",  # 优化营商环境条例 (2019)
    "oversight.enforcement_supervision.responsibility": "完善执法评议考核和执法过错责任追究制度",  # 国办发〔2005〕37号
    "oversight.integrity.accountability": "完善政府失信责任追究制度",  # 国发〔2016〕76号
    "oversight.integrity.arrears": "健全防范和化解拖欠长效机制",  # 保障中小企业款项支付条例 (2025)
}


@pytest.mark.parametrize("name,detail", CASES)
def test_n_d2_duties_in_force_carry_no_assumed_deadline(drafts, name, detail):
    profile, plan, text = drafts[name, detail]
    rows = division_rows(text)
    measures = {m.id: m for m in plan.measures()}
    if detail == "standard":
        assert set(IN_FORCE) <= set(measures)
    for measure_id, words in IN_FORCE.items():
        if measure_id not in measures:
            continue  # a compact draft may leave the measure out
        measure = measures[measure_id]
        assert words in measure.text and "前" + words not in text, words
        assert measure.deadline is None and measure.term == "持续推进" == rows[measure.title][5], rows[measure.title]
        assert not [d for d in measure.defaults if d.field.endswith(".deadline")]
    towns = plan.extra["towns"]
    assert f"{towns}综合执法全面执行“三项制度”" in text
    assert "向乡镇延伸" not in text and "实现全覆盖；各执法机关明确法制审核目录" not in text


@pytest.mark.parametrize("name", NAMES)
def test_n_d1_the_review_copy_marks_each_assumed_deadline_in_the_body_and_the_division_table(library, tmp_path, name):
    path = tmp_path / "profile.yaml"
    path.write_text(text_of(name), encoding="utf-8")
    profile = load_profile(path, library)
    plan = make_plan(profile, library)
    assumed = {m.title: m.deadline for m in plan.measures() for d in m.defaults if d.field.endswith(".deadline")}
    assert assumed and "2028年6月底前" in assumed.values()
    opened = docx.Document(io.BytesIO(write_review_docx(draft_document(profile, library))))
    comments = [c.text for c in opened.comments]
    table = next(t for t in opened.tables if t.rows[0].cells[-1].text == "完成时限")
    marked = {}
    for row in table.rows[1:]:
        cell = row.cells[-1].paragraphs[0]
        if any(r.font.highlight_color is not None for r in cell.runs):
            marked[row.cells[2].text] = cell.text
    assert marked == assumed  # every assumed deadline and nothing else: 持续推进, 每年 and fixed years stay plain
    title, deadline = next(iter(assumed.items()))
    assert sum(f"{deadline}（时限为推定，请本地确定，按规则：" in c for c in comments) >= 2 * list(assumed.values()).count(deadline)
    body = next(p for p in opened.paragraphs if p.text.startswith(next(
        m.number for m in plan.measures() if m.title == title) + title))
    assert deadline in [r.text for r in body.runs if r.font.highlight_color is not None]


def test_n_d1_check_counts_the_assumed_deadlines_in_a_hint(run, profile_file):
    out = run("check", profile_file(text_of("清河县"))).stdout
    hint = next(line for line in out.splitlines() if line.strip().startswith("- 完成时限："))
    assert "项措施的时限为工具推定（2027年底前 " in hint and "2028年6月底前 " in hint
    assert hint.endswith("没有已登记的文件规定，审阅稿中已标黄；请本地确定，逐项在 selection.replace.<措施编号>.deadline 中写明"
                         "（见“工具推定的完成时限”）")
    listed = out.split("工具推定的完成时限：")[1].splitlines()[0]
    assert f"- 完成时限：{listed} 项措施" in hint


def test_a_broken_leaves_to_is_reported_in_chinese_with_its_line(tmp_path):
    import shutil

    from drafter.errors import ValidationFailed
    from drafter.library.loader import DATA, _load_library

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    path = data / "10_leadership.yaml"
    text = path.read_text("utf-8")
    entry = "{measure: enforcement.procedure.personnel_management, words: 严格执行行政执法人员资格管理制度，落实持证上岗，配合做好资格考试、证件管理和在岗轮训；}"
    assert entry in text
    text = text.replace(entry, entry.replace("personnel_management", "nothing") + "\n          - "
                        + entry.replace("严格执行行政执法人员资格管理制度，落实持证上岗，配合做好资格考试、证件管理和在岗轮训；", "把法治教育纳入培训；"), 1)
    path.write_text(text, "utf-8")
    with pytest.raises(ValidationFailed) as failure:
        _load_library(data)
    messages = [str(p) for p in failure.value.problems]
    assert any("10_leadership.yaml:" in m and "leaves_to 中的措施 enforcement.procedure.nothing 不在措施库中，请写说同一项工作的那条措施的编号" in m
               for m in messages), messages
    assert any("10_leadership.yaml:" in m and "leaves_to.words “把法治教育纳入培训；”不在本措施的正文中，无从删去；请照抄正文中的原句（含标点）" in m
               for m in messages), messages


def test_words_left_to_another_measure_may_retitle_the_measure(tmp_path):
    """A title that names the work left to another measure is replaced by the entry's `title`."""
    import shutil

    from drafter.library.loader import DATA, _load_library

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    path = data / "10_leadership.yaml"
    entry = "{measure: enforcement.procedure.personnel_management, words: 严格执行行政执法人员资格管理制度，落实持证上岗，配合做好资格考试、证件管理和在岗轮训；"
    path.write_text(path.read_text("utf-8").replace(entry + "}", entry + ", title: 加强领导干部任前测试和执法人员培训}", 1),
                    "utf-8")
    library = _load_library(data)
    titles = {}
    for detail in ("compact", "standard"):
        profile_path = tmp_path / f"{detail}.yaml"
        # a plan the profile says the government alone issues: without issuers the measure takes its
        # joint form (s14 N-W6), whose own title is not the one leaves_to retitles
        government = text_of("清河县", detail).replace("  kind: 实施方案\n", "  kind: 实施方案\n  issuers: [清河县人民政府]\n", 1)
        assert "issuers" in government
        profile_path.write_text(government, encoding="utf-8")
        plan = make_plan(load_profile(profile_path, library), library)
        titles[detail] = next(m.title for m in plan.measures() if m.id == "leadership.capacity.enforcement_training")
    # a government-issued plan's title (the joint plan's: tests/test_leads_14.py)
    assert titles == {"compact": "加强行政执法人员法治培训", "standard": "加强领导干部任前测试和执法人员培训"}
