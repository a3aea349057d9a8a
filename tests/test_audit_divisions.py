"""Names of other divisions (issue 15 “other places”, issue 14 “another division's name caught as a
leftover”): audit A404/A405 over a plan, and the 提示 of validate/check over a profile's own words —
one matcher, gazetteer/mentions.py."""

from __future__ import annotations

import textwrap
from dataclasses import replace

import pytest

from drafter.audit import audit_text, make_context
from drafter.errors import ValidationFailed
from drafter.gazetteer import load_gazetteer
from drafter.gazetteer.former import load_former, read_former
from drafter.gazetteer.mentions import Locality, foreign_mentions, matcher
from drafter.library.model import BasisDocument


def found(library, text: str, name: str = "延庆区", province: str = "北京市") -> list[tuple[str, str]]:
    return [(f.code, f.quote) for f in findings(library, text, name, province)]


def findings(library, text: str, name: str = "延庆区", province: str = "北京市"):  # type: ignore[no-untyped-def]
    context = make_context(library, name=name, province=province, period="2026-2030", issued="2026-12-01")
    return [f for f in audit_text("一、总体要求\n" + text + "\n", context, library) if f.code in ("A404", "A405")]


def test_a_beijing_plan_naming_yubei_and_liuyang_is_flagged_with_where_and_the_fix(library):
    result = findings(library, "1.深化渝北区“放管服”改革经验，推广浏阳市企业开办“一件事”做法。")
    assert [(f.code, f.quote) for f in result] == [("A404", "渝北区"), ("A404", "浏阳市")]
    yubei, liuyang = result
    assert liuyang.what == "出现其他省份（湖南省长沙市）的“浏阳市”"
    assert liuyang.why == "本方案是北京市延庆区的方案，浏阳市属于湖南省长沙市；他省的区划名称多是照抄他地方案的遗留"
    assert liuyang.fix == "请核对：浏阳市不属于本辖区；如为照抄他地方案的遗留，请改为本地名称"
    assert liuyang.chapter == "一、总体要求" and liuyang.item == "1." and liuyang.paragraph == 1
    # 渝北区 was abolished on 2025-11-06 (former.tsv): still Chongqing's, and the finding says so
    assert yubei.what == "出现其他省份（重庆市）的“渝北区”，已于2025年11月6日撤销，并入两江新区、北碚区（北部5镇）"


def test_a_name_the_gazetteer_knows_needs_no_province(library):
    context = make_context(library, name="延庆区", level="district", period="2026-2030", issued="2026-12-01")
    assert not context.knows_province
    text = "一、总体要求\n推广浏阳市做法，延庆区各镇落实。\n"
    assert [(f.code, f.quote) for f in audit_text(text, context, library) if f.code == "A404"] == [("A404", "浏阳市")]


def test_the_plans_own_place_its_parents_and_its_towns_are_not_flagged(library):
    text = "北京市延庆区各部门、八达岭镇、康庄镇、永宁镇人民政府按照北京市部署，推进延庆区法治政府建设。"
    assert found(library, text) == []


def test_a_prefecture_city_plan_names_its_own_counties_freely(library):
    assert found(library, "浏阳市、宁乡市、长沙县要加强执法协调。", name="长沙市", province="湖南省") == []


def test_a_neighbouring_district_in_a_cooperation_clause_is_not_flagged_but_elsewhere_is(library):
    assert found(library, "与怀柔区、昌平区建立毗邻地区行政执法协作联动机制，开展联合执法。") == []
    assert found(library, "深化与张家口市的生态环境执法协作。") == [("A404", "张家口市")]  # another province: always
    result = findings(library, "海淀区综合行政执法局牵头推进街道综合执法规范化建设。")
    assert [(f.code, f.quote) for f in result] == [("A405", "海淀区")]
    assert result[0].what == "出现本省其他地方（北京市）的“海淀区”"
    assert result[0].fix.startswith("请核对：海淀区不属于本辖区；如为照抄他地方案的遗留，请改为本地名称")


def test_a_cooperation_word_in_a_later_clause_does_not_excuse_a_leftover(library):
    assert found(library, "学习海淀区经验，在各镇推行综合执法，与怀柔区建立执法协作机制。") == [("A405", "海淀区")]


@pytest.mark.parametrize("text", [
    "坚持和平发展，推动新华书店、城关镇等开发建设。",  # two-character short names are words
    "推进老城区改造和新城区建设，加强郊区、矿区治理。",  # full names that are words
    "加强黄河河口区域生态保护，培育东港市场主体。",  # 河口区 + 域, 东港市 + 场
])
def test_common_words_are_not_division_names(library, text):
    assert found(library, text) == []


def test_long_short_names_of_prefectures_are_found_and_an_ambiguous_name_is_its_provinces(library):
    assert found(library, "借鉴石家庄、呼和浩特的做法。") == [("A404", "石家庄"), ("A404", "呼和浩特")]
    # 朝阳区 is Beijing's and Changchun's: in a Beijing plan it is the Beijing one (A405), in a Hunan plan another province's
    assert found(library, "朝阳区要加强。") == [("A405", "朝阳区")]
    result = findings(library, "朝阳区要加强。", name="浏阳市", province="湖南省")
    assert result[0].what == "出现其他省份（北京市或吉林省长春市）的“朝阳区”"


def test_a_name_inside_a_registered_documents_title_is_not_flagged(library):
    document = BasisDocument("changsha_rules", "长沙市优化营商环境条例", "长沙市人民代表大会常务委员会")
    with_title = replace(library, documents={**library.documents, document.key: document})
    context = make_context(with_title, name="延庆区", province="北京市", period="2026-2030", issued="2026-12-01")
    text = "一、总体要求\n参照《长沙市优化营商环境条例》，在长沙市试点经验基础上完善制度。\n"
    assert [(f.code, f.quote) for f in audit_text(text, context, with_title) if f.code == "A404"] == [("A404", "长沙市")]


def test_the_matcher_never_finds_a_name_inside_a_longer_one():
    names = [(m.name, m.start) for m in matcher().find("湖南省长沙市浏阳市、长沙县和延边朝鲜族自治州")]
    assert names == [("长沙市", 3), ("浏阳市", 6), ("长沙县", 10), ("延边朝鲜族自治州", 14)]
    assert [m.name for m in matcher().find("沙县区")] == ["沙县区"]


def test_every_former_division_says_where_it_came_from_when_and_into_what(tmp_path):
    former = load_former()
    assert {f.division.name for f in former} >= {"渝北区", "江北区"}
    assert all(f.division.source and f.division.as_of and f.abolished and f.successor for f in former)
    bare = tmp_path / "former.tsv"
    bare.write_text("# as_of: 2026-12-01\n渝北区\t渝北\t市辖区\t500000\t2025年\t两江新区\n", "utf-8")
    with pytest.raises(ValidationFailed) as refused:
        read_former(bare, load_gazetteer())
    messages = [p.message for p in refused.value.problems]
    assert "渝北区：类型、上级代码（现行区划中的代码）、撤销日期（如 2025-11-06）和承继区划都要写明" in messages
    assert "文件头缺少“# source: …”（来源），区划数据必须写明出处和日期" in messages


def test_foreign_mentions_tell_other_provinces_from_the_locality_and_its_neighbours():
    locality = Locality.of("浏阳市", "湖南省", "长沙市")
    result = foreign_mentions("长沙市浏阳市与宁乡市同城化发展，对接江西省萍乡市。", locality)
    assert [(f.mention.name, f.other_province, f.cooperation) for f in result] == [
        ("宁乡市", False, True), ("萍乡市", True, False)]


PROFILE = """\
    jurisdiction: {name: 延庆区, short: 延庆, level: district, province: 北京市}
    document:
      kind: 实施方案
      period: {start: 2026, end: 2030}
      vision: 对标浏阳市，建设法治延庆。
    local:
      zones:
        - {name: 延庆经济开发区, detail: 原为渝北区空港工业园区}
      cooperation:
        - 与怀柔区、张家口市协同发展
    initiatives:
      - title: 推进八达岭镇综合执法
        text: 学习长沙县经验，在八达岭镇、康庄镇推行综合执法，与河北省怀来县建立毗邻地区执法协作机制。
        lead: [justice]
        topic: enforcement.system_reform
    """
HINTS = [
    "document.vision：“浏阳市”是其他省份（湖南省长沙市）的区划，不属于北京市延庆区；请核对：浏阳市不属于本辖区；如为照抄他地方案的遗留，请改为本地名称",
    "地方举措“推进八达岭镇综合执法”（initiatives 第1条）：“长沙县”是其他省份（湖南省长沙市）的区划，不属于北京市延庆区；"
    "请核对：长沙县不属于本辖区；如为照抄他地方案的遗留，请改为本地名称",
    "local.zones“延庆经济开发区”：“渝北区”是其他省份（重庆市）的区划，不属于北京市延庆区；请核对：渝北区不属于本辖区；如为照抄他地方案的遗留，请改为本地名称",
]


def test_validate_and_check_give_a_hint_for_another_provinces_division_in_the_profiles_words(run, tmp_path):
    path = tmp_path / "yanqing.yaml"
    path.write_text(textwrap.dedent(PROFILE), "utf-8")
    result = run("validate", path)
    assert result.exit_code == 0, result.output
    assert [line for line in result.stderr.splitlines() if "不属于本辖区" in line] == [f"提示：{path}：{h}" for h in HINTS]
    assert "怀来县" not in result.stderr and "张家口市" not in result.stderr  # a cooperation clause, local.cooperation
    report = run("check", path)
    assert all(f"  - {hint}" in report.stdout for hint in HINTS)
