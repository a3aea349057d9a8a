"""Issue 14.4 (the platform registry): each province's 政务服务 platforms with source and date, and
a draft for Beijing, Sichuan or Henan never names another province's platform."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.errors import ValidationFailed
from drafter.gazetteer.platforms import DATA, foreign_platforms_in, load_platforms, own_platforms, read_platforms
from drafter.profile.places import PROVINCES
from localities import profile_text

ROOT = Path(__file__).resolve().parent.parent


def test_every_mainland_province_has_its_platforms_with_source_and_date():
    registry = load_platforms()
    mainland = [p for p in PROVINCES if p not in ("台湾省", "香港特别行政区", "澳门特别行政区")]
    assert sorted(registry) == sorted(mainland)
    assert all(entry.source and entry.as_of and entry.platforms for entry in registry.values())
    assert own_platforms("四川省")[0] == "天府通办" and own_platforms("重庆市")[0] == "渝快办"


def test_an_entry_without_source_or_date_is_refused(tmp_path):
    path = tmp_path / "platforms.yaml"
    path.write_text("北京市:\n  platforms: [京通]\n  kind: secondary\n", "utf-8")
    with pytest.raises(ValidationFailed) as refused:
        read_platforms(path)
    assert {p.field for p in refused.value.problems} == {"北京市.source", "北京市.as_of"}
    assert (DATA / "platforms.yaml").is_file()


def test_another_province_platform_is_found_and_ones_own_is_not():
    assert foreign_platforms_in("依托“渝快办”推进“掌上办”", "北京市") == [("渝快办", "重庆市")]
    assert foreign_platforms_in("依托“渝快办”推进“掌上办”", "重庆市") == []
    assert foreign_platforms_in("南京通报了情况，用好“京通”", "北京市") == []
    assert foreign_platforms_in("南京通报了情况", "江苏省") == []  # 京通 only counts when quoted
    assert foreign_platforms_in("用好“京通”", "江苏省") == [("京通", "北京市")]


def _draft_text(run, path: Path, out: Path) -> str:
    result = run("draft", path, "-o", out, "--format", "md")
    assert result.exit_code == 0, result.output
    (written,) = out.glob("*.md")
    return written.read_text("utf-8")


@pytest.mark.parametrize("profile, province", [
    ("beijing", "北京市"), (ROOT / "profiles" / "suining.yaml", "四川省"), (ROOT / "profiles" / "biyang.yaml", "河南省"),
])
def test_a_draft_never_names_another_province_platform(run, profile_file, tmp_path, profile, province):
    path = profile_file(profile_text("海淀区")) if profile == "beijing" else profile
    text = _draft_text(run, path, tmp_path / "out")
    assert foreign_platforms_in(text, province) == []
    if province == "四川省":
        assert "天府通办" in text  # its own platform is named


def test_a_copied_platform_is_caught_in_a_draft(run, profile_file, tmp_path):
    initiative = ("initiatives:\n  - topic: digital.platforms\n    title: 依托“渝快办”办事\n"
                  "    text: 依托“渝快办”推进政务服务“掌上办”。\n    lead: [gov_office]\n")
    text = _draft_text(run, profile_file(profile_text("海淀区") + initiative), tmp_path / "out")
    assert foreign_platforms_in(text, "北京市") == [("渝快办", "重庆市")]


LIUYANG = ROOT / "tests" / "fixtures" / "localities" / "liuyang.yaml"
YANQING = ROOT / "tests" / "fixtures" / "localities" / "yanqing.yaml"


@pytest.mark.parametrize("profile, province, app, web", [
    (LIUYANG, "湖南省", "湘易办", "湖南政务服务网"),
    (YANQING, "北京市", "京通", "北京市政务服务网"),
    ("遂宁市", "四川省", "天府通办", "四川政务服务网"),
    ("泌阳县", "河南省", "豫事办", "河南政务服务网"),
])
def test_a_draft_names_its_own_platform_and_no_other(run, profile_file, tmp_path, profile, province, app, web):
    if isinstance(profile, str):  # a 2026—2030 plan of the seed's place
        level, city = ("prefecture_city", "") if profile == "遂宁市" else ("county", "\n  city: 驻马店市")
        profile = profile_file(f"jurisdiction:\n  name: {profile}\n  short: {profile[:2]}\n  level: {level}\n"
                               f"  province: {province}{city}\ndocument:\n  kind: 实施方案\n"
                               "  period: {start: 2026, end: 2030}\n")
    text = _draft_text(run, profile, tmp_path / "out")
    level = "市级" if province == "北京市" else "省级"
    assert f"依托{level}政务服务平台（{web}、“{app}”）推进一体化政务服务平台应用" in text  # 依托, not 建设 (13c N-L2)
    assert f"依托“{app}”促进电脑端与移动端深度融合" in text  # the app's own measure (one_network names the platform only)
    assert foreign_platforms_in(text, province) == []
    others = [name for other, entry in load_platforms().items() if other != province for name in entry.platforms]
    assert not [name for name in others if f"“{name}”" in text or (len(name) > 2 and name in text)]


def test_a_province_without_a_registered_app_keeps_the_general_words():
    from drafter.gazetteer.platforms import service_platforms
    from drafter.plan.localise import platform_words

    assert platform_words("山西省", service_platforms("山西省")) == {
        "prov_platform": "省级政务服务平台（山西政务服务网）", "prov_app": "省级政务服务移动端"}
    assert platform_words("台湾省", service_platforms("台湾省")) == {
        "prov_platform": "省级政务服务平台", "prov_app": "省级政务服务移动端"}


def test_the_review_comment_says_where_the_platform_name_was_verified(library):
    from drafter.api import draft_document
    from drafter.profile import load_profile
    from drafter.writers.docx_review import source_comment

    document = draft_document(load_profile(LIUYANG, library), library)
    named = [p.provenance for p in document.paragraphs() if p.provenance and p.provenance.platform]
    assert [p.measure_id for p in named] == ["digital.platforms.integrated_service_platform",
                                             "digital.platforms.mobile_services"]
    comment = source_comment(named[0])
    assert "平台名称“湖南政务服务网”、“湘易办”出自平台登记表 drafter/gazetteer/data/platforms.yaml" in comment
    assert "（出处：证件管家种子数据（湘易办 · 湖南政务服务网）；核实日期 2026-09-27）" in comment
