"""Tests of drafter.ingest against the five seed plans and small hand-made plans."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from drafter.ingest import (IngestError, PlanItem, dump_json, dump_yaml, items_to_records,
                            parse_plan, read_plan)

SEEDS = Path(__file__).parent.parent / "drafter/seeds"
KEYS = ("datong", "zhangye", "bishan", "biyang", "suining")


def _arabic(first: int, last: int) -> list[str]:
    return [str(n) for n in range(first, last + 1)]


# Expected labels, counted by reading the seed files (numbers in comments are file lines).
EXPECTED_LABELS: dict[str, list[str]] = {
    # （1）–（94） printed 91 times: （13） l.30, （23） l.50, （29） l.64 are printed without
    # number and fill their gap; the unnumbered measure after （81） (l.176) is 81a.
    # Not items: 目标：/措施： lines, topic headings (7./8. printed without number),
    # the closing paragraph l.202 (no units). 91 + 4 + general = 96.
    "datong": ["general"] + _arabic(1, 81) + ["81a"] + _arabic(82, 94),
    # (一)–(三) are sub-headings of chapter 一、总体要求 → part of general, not items.
    # (四)–(三十九) = 36 topic paragraphs + the unnumbered one after (二十七) (l.100) = 27a;
    # the closing paragraph l.130 (no units) is not an item. 36 + 1 + general = 38.
    "zhangye": ["general"] + _arabic(4, 27) + ["27a"] + _arabic(28, 39),
    # 1．–74． all printed, each once (（二十八） heading printed twice does not matter).
    # Chapter 一 (one unnumbered paragraph) is general; closing l.214 is not an item. 74 + 1 = 75.
    "bishan": ["general"] + _arabic(1, 74),
    # Chapter 二 sections: （一） 1–9, （二） no items → "2", （三） 1–5, （四） 1–6, （五） 1–3,
    # （六） 1–5, （七） 1–2, （八） 1–6, （九） 1–6, （十） no items → "10";
    # 三、组织保障 （一）–（三） → g1–g3. 42 numbered + 2 sections + 3 g + general = 48.
    "biyang": (["general"] + [f"1.{n}" for n in range(1, 10)] + ["2"]
               + [f"3.{n}" for n in range(1, 6)] + [f"4.{n}" for n in range(1, 7)]
               + [f"5.{n}" for n in range(1, 4)] + [f"6.{n}" for n in range(1, 6)]
               + [f"7.{n}" for n in range(1, 3)] + [f"8.{n}" for n in range(1, 7)]
               + [f"9.{n}" for n in range(1, 7)] + ["10", "g1", "g2", "g3"]),
    # "1、 总体要求" is chapter one (general); measures 1.–80. all printed, 69–80 are in
    # 三、组织保障 and keep their numbers. 80 + general = 81.
    "suining": ["general"] + _arabic(1, 80),
}
EXPECTED_COUNTS = {"datong": 96, "zhangye": 38, "bishan": 75, "biyang": 48, "suining": 81}


@pytest.fixture(scope="module")
def plans() -> dict[str, dict[str, PlanItem]]:
    parsed = {key: parse_plan(read_plan(SEEDS / f"{key}.txt"), key) for key in KEYS}
    return {key: {item.label: item for item in items} for key, items in parsed.items()}


@pytest.mark.parametrize("key", KEYS)
def test_seed_labels_follow_the_plans_own_numbering(key: str) -> None:
    items = parse_plan(read_plan(SEEDS / f"{key}.txt"), key)
    labels = [item.label for item in items]
    assert len(items) == EXPECTED_COUNTS[key]
    assert labels == EXPECTED_LABELS[key]
    assert len(set(labels)) == len(labels), "labels must be unique within a plan"
    assert all(item.key == key and item.citation == f"{key}:{item.label}" for item in items)
    assert all(item.text and "[bookmark" not in item.text for item in items)


@pytest.mark.parametrize("key", ("datong", "zhangye", "bishan", "suining"))
def test_unit_parenthesis_is_removed_from_text(key: str, plans: dict[str, dict[str, PlanItem]]) -> None:
    for item in plans[key].values():
        for word in ("牵头单位", "责任单位", "参加单位"):
            assert word not in item.text, item.citation
        if item.label != "general":
            assert item.lead or item.responsible, f"{item.citation} has no units"


def test_datong_units(plans: dict[str, dict[str, PlanItem]]) -> None:
    datong = plans["datong"]
    assert datong["1"].lead == ("区委编办",)
    assert datong["1"].partners == ("区政府各部门",)
    assert datong["1"].text.endswith("推动有效市场和有为政府更好结合。")
    assert datong["2"].responsible == ("区政府各部门",) and datong["2"].lead == ()
    assert datong["55"].responsible == ("区法院", "区检察院", "大通公安分局", "区市场监管局")  # 等 stripped
    # （82）: misprinted "牵头单位：（区司法局…；参加单位：…）"
    assert datong["82"].lead == ("区司法局", "区委办公室", "区政府办公室")
    assert datong["82"].partners == ("区委有关部门", "市政府各部门")
    assert datong["82"].text.endswith("确保各项任务措施落到实处。")
    assert datong["92"].partners == ("区政府其他有关部门",)  # trailing "，" in the print
    assert datong["81a"].responsible == ("区政府有关部门",)
    assert datong["81a"].text.startswith("探索运用物联网")
    assert datong["13"].text.startswith("加快建设服务型政府")
    assert datong["29"].topic == "强化依法决策意识"  # heading printed without its number 7.
    assert datong["30"].topic == "严格落实重大行政决策程序"  # heading printed without 8.
    assert datong["1"].chapter == "主要任务和具体措施"
    assert datong["82"].chapter == "组织保障和落实机制"


def test_zhangye_units_and_half_width_punctuation(plans: dict[str, dict[str, PlanItem]]) -> None:
    zhangye = plans["zhangye"]
    assert zhangye["4"].responsible == ("市委编办", "市政府办公室及市政府其他部门", "各县区政府")
    assert zhangye["4"].text.startswith("优化政府职能。")
    assert zhangye["27a"].responsible == ("市纪委监委机关", "市委组织部及市政府其他部门", "各县区党委和政府")
    assert zhangye["32"].lead[0] == "市政府办公室" and zhangye["32"].responsible == ()
    assert "市委党校(行政学院)" in zhangye["39"].responsible  # nested half-width parens
    assert zhangye["4"].chapter == "健全政府机构职能体系,推动更好发挥政府作用"
    assert zhangye["4"].topic == ""
    assert "市委发" not in zhangye["general"].text  # the issuing notice is not an item


def test_bishan_units(plans: dict[str, dict[str, PlanItem]]) -> None:
    bishan = plans["bishan"]
    assert bishan["1"].lead == ("区委编办", "区政府办公室")
    assert bishan["1"].responsible == ("区政府各部门", "各镇人民政府", "街道办事处")
    assert bishan["26"].partners == ("区政府有关部门", "各镇人民政府", "街道办事处")
    assert bishan["74"].lead == ("区委宣传部", "区委党校（区行政学校）", "区委依法治区办")
    assert bishan["1"].topic == "推进政府机构职能优化协同高效"
    assert bishan["general"].chapter.startswith("深入学习贯彻习近平法治思想")


def test_suining_units(plans: dict[str, dict[str, PlanItem]]) -> None:
    suining = plans["suining"]
    assert suining["2"].responsible == ("市委编办",)  # "市委编办等" → 等 stripped
    assert suining["1"].responsible == ("市政府办公室", "市委编办等按职责分工负责")  # "下同" dropped
    assert suining["25"].responsible == ("市司法局", "市直有关部门")
    assert suining["69"].chapter == "组织保障"
    assert suining["69"].topic == "加强党的领导，完善法治政府建设推进机制"
    assert suining["general"].chapter == "总体要求"
    assert "[bookmark" not in suining["general"].text


def test_biyang_sections(plans: dict[str, dict[str, PlanItem]]) -> None:
    biyang = plans["biyang"]
    assert biyang["3.4"].text.startswith("加强合法性审查。")
    assert biyang["3.4"].topic == "推进行政决策科学化、民主化、法治化"
    # a section without items: intro and body paragraph joined
    assert biyang["2"].text.count("\n") == 1 and "加强行政规范性文件监督管理" in biyang["2"].text
    assert biyang["9.6"].text.startswith("强化公平竞争审查制度刚性约束")  # bookmark mid-line
    assert biyang["g1"].topic == "健全组织建设与财政支持" and biyang["g1"].chapter == "组织保障"
    assert all(not (i.lead or i.partners or i.responsible) for i in biyang.values())
    # section intros are not items: （三）'s intro is not part of 3.1
    assert not biyang["3.1"].text.startswith("加强行政决策制度建设")


def test_general_items(plans: dict[str, dict[str, PlanItem]]) -> None:
    zhangye = plans["zhangye"]["general"]
    assert zhangye.text.count("\n") == 2  # 指导思想, 基本原则, 总体目标 paragraphs
    assert not {"指导思想", "基本原则", "总体目标"} & set(zhangye.text.split("\n"))  # headings
    assert plans["datong"]["general"].text.startswith("加快构建职责明确")
    assert not plans["datong"]["general"].text.startswith("为贯彻落实")  # preamble left out


def test_parser_is_not_keyed_on_seed_names() -> None:
    text = read_plan(SEEDS / "biyang.txt")
    items = parse_plan(text, "myplan")
    assert [i.label for i in items] == EXPECTED_LABELS["biyang"]
    assert items[1].citation == "myplan:1.1"


def test_dates(plans: dict[str, dict[str, PlanItem]]) -> None:
    assert plans["datong"]["64"].dates == ("2022年底前",)
    assert plans["suining"]["34"].dates == ("2022年底前", "2025年前")
    assert plans["zhangye"]["25"].dates == ("2022年年底前",)
    # "(2021-2025年)" inside a document title is not a deadline
    assert plans["zhangye"]["36"].dates == ("2025年前",)
    assert plans["datong"]["general"].dates == ("2025年",)
    assert plans["datong"]["1"].dates == ()


SMALL_PLAN = """某某县法治政府建设实施方案
为……，制定本方案。
一、总体要求
到2025年，基本建成法治政府。
二、主要任务
(一)健全政府机构职能体系
１．优化政府职能。推进编制资源向基层倾斜。（牵头单位：县委编办；参加单位：县政府各部门）
２．深化权责清单管理，2023年6月底前完成。（责任单位：县司法局、县政务服务中心等）
[bookmark: _GoBack]严格执行市场准入负面清单。（责任单位：县发展改革委，县市场监管局）
三、组织保障
各乡镇、各部门要加强领导。
县司法局要加强督促检查。
"""


def test_general_parser_on_a_small_plan() -> None:
    items = parse_plan(SMALL_PLAN, "mycounty")
    assert [i.label for i in items] == ["general", "1", "2", "2a", "g1", "g2"]
    by_label = {i.label: i for i in items}
    assert by_label["1"].lead == ("县委编办",) and by_label["1"].partners == ("县政府各部门",)
    assert by_label["1"].topic == "健全政府机构职能体系"
    assert by_label["2"].responsible == ("县司法局", "县政务服务中心")
    assert by_label["2"].dates == ("2023年6月底前",)
    assert by_label["2a"].responsible == ("县发展改革委", "县市场监管局")
    assert by_label["g2"].text == "县司法局要加强督促检查。"
    assert by_label["general"].citation == "mycounty:general"


def test_docx_input(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in SMALL_PLAN.splitlines():
        document.add_paragraph(line)
    path = tmp_path / "plan.docx"
    document.save(str(path))
    items = parse_plan(read_plan(path), "mycounty")
    assert [i.label for i in items] == ["general", "1", "2", "2a", "g1", "g2"]
    assert items[1].lead == ("县委编办",)


def test_non_utf8_file_raises_ingest_error(tmp_path: Path) -> None:
    path = tmp_path / "gbk_plan.txt"
    path.write_bytes("一、总体要求\n到2025年，基本建成法治政府。\n".encode("gbk"))
    with pytest.raises(IngestError) as caught:
        read_plan(path)
    message = str(caught.value)
    assert str(path) in message and "UTF-8" in message and "另存为" in message


def test_missing_broken_and_unsupported_files(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="找不到文件"):
        read_plan(tmp_path / "nope.txt")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(IngestError, match="broken.docx"):
        read_plan(broken)
    old = tmp_path / "plan.doc"
    old.write_bytes(b"\xd0\xcf")
    with pytest.raises(IngestError, match="不支持"):
        read_plan(old)


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeff一、总体要求\n到2025年，基本建成法治政府。\n".encode("utf-8"))
    assert read_plan(path).startswith("一、总体要求")


def test_export_records_yaml_and_json(plans: dict[str, dict[str, PlanItem]]) -> None:
    items = [plans["datong"]["1"], plans["biyang"]["3.4"]]
    records = items_to_records(items)
    assert list(records[0]) == ["key", "citation", "label", "chapter", "topic", "text",
                                "lead", "partners", "responsible", "dates"]
    assert records[0]["citation"] == "datong:1" and records[0]["lead"] == ["区委编办"]
    assert isinstance(records[1]["dates"], list)
    assert yaml.safe_load(dump_yaml(items)) == records
    assert "区委编办" in dump_yaml(items)  # allow_unicode: no \u escapes
    assert json.loads(dump_json(items)) == records
    assert "区委编办" in dump_json(items)
