"""The s15 rival-style read of 安吉县 (/work/review/s15/r15b/REPORT.md): a 浙江 county's fixed words in
its 指导思想, a unit the profile names that no measure uses, the 综合执法 reform's 城市管理 body, who
leads 政府失信 in a compact draft, and an inland county's typhoon measure."""

from __future__ import annotations

from drafter.api import check_profile
from drafter.plan import make_plan
from drafter.profile import load_profile

ANJI = """\
jurisdiction: {name: 安吉县, short: 安吉, level: county, province: 浙江省, city: 湖州市}
document:
  kind: 实施方案
  period: {start: 2026, end: 2030}
  guidance: [忠实践行“八八战略”, "践行“绿水青山就是金山银山”理念。"]
units:
  urban_management: 县综合行政执法局
  river_affairs: 太湖流域管理局某某管理处
local:
  hazards: [台风]
selection: {detail: DETAIL}
"""


def plan_of(profile_file, library, detail: str = "standard"):  # type: ignore[no-untyped-def]
    return make_plan(load_profile(profile_file(ANJI.replace("DETAIL", detail)), library), library)


def test_the_locality_s_own_words_open_its_guiding_ideology(profile_file, library):
    plan = plan_of(profile_file, library)
    ideology = plan.general.guiding_ideology
    assert "做到“两个维护”，忠实践行“八八战略”，践行“绿水青山就是金山银山”理念，坚持党对法治政府建设的全面领导" in ideology
    assert "理念。，" not in ideology


def test_guidance_is_a_list_and_a_single_line_is_refused_with_the_fix(run, profile_file):
    path = profile_file(ANJI.replace("DETAIL", "standard").replace(
        "guidance: [忠实践行“八八战略”, \"践行“绿水青山就是金山银山”理念。\"]", "guidance: 忠实践行“八八战略”"))
    result = run("validate", path)
    assert result.exit_code == 1
    assert "字段 document.guidance：应为列表（每项以“- ”开头），现在是 “忠实践行“八八战略””" in result.stderr


def test_a_named_unit_no_measure_uses_is_listed_by_check(profile_file, library):
    report = check_profile(profile_file(ANJI.replace("DETAIL", "standard")), library)
    assert "units.river_affairs：太湖流域管理局某某管理处（本稿没有措施以这一角色为牵头或责任单位）" in report.unused_local_units
    assert not [u for u in report.unused_local_units if "县综合行政执法局" in u]


def test_the_comprehensive_enforcement_reform_names_the_urban_management_body(profile_file, library):
    plan = plan_of(profile_file, library)
    reform = next(m for m in plan.measures() if m.id == "enforcement.system_reform.comprehensive_reform")
    assert "县综合行政执法局" in reform.partners


def test_government_dishonesty_in_a_compact_draft_is_led_with_development_and_reform(profile_file, library):
    plan = plan_of(profile_file, library, "compact")
    arrears = next(m for m in plan.measures() if m.id == "oversight.integrity.arrears")
    assert "开展政府失信专项治理" in arrears.text
    assert "县发展和改革局" in arrears.lead


def test_the_typhoon_measure_sends_no_ships_home_in_an_inland_county(profile_file, library):
    plan = plan_of(profile_file, library)
    typhoon = next(m for m in plan.measures() if m.title == "依法做好台风灾害防御")
    assert "船只回港" not in typhoon.text and "人员转移" in typhoon.text


# --- the s15 司法厅 read (/work/review/s15/r15/REPORT.md) -------------------------------------------------

WUYI = """\
jurisdiction: {name: 武邑县, short: 武邑, level: county, province: 河北省, city: 衡水市}
document: {kind: 实施方案, period: {start: 2026, end: 2030}}
"""


def test_n_i8_the_training_hours_row_is_answered_for_by_the_justice_bureau(profile_file, library):
    plan = make_plan(load_profile(profile_file(WUYI), library), library)
    row = next(r for r in plan.indicators if r.label == "行政执法人员每年法治培训学时")
    assert row.units == ("县司法局",)
    training = next(m for m in plan.measures() if m.id == "leadership.capacity.enforcement_training")
    assert training.lead == ("县委组织部", "县司法局")  # the measure keeps its leads: the 任前测试 is the 组织部's


def test_n_r7_the_pre_appointment_test_measure_is_not_titled_as_a_second_cadre_training(profile_file, library):
    plan = make_plan(load_profile(profile_file(WUYI), library), library)
    titles = [m.title for m in plan.measures()]
    assert "落实任前法律知识测试和执法人员培训制度" in titles
    assert len([t for t in titles if "领导干部" in t and "培训" in t]) <= 1


def test_a1_every_draft_builds_the_township_duty_list_once(profile_file, library):
    """二十届三中全会: 全面建立乡镇（街道）履职事项清单 (s15 r15b a1): a compact draft says it in the 权责清单
    measure, a standard one in the township measure; a city draft through its counties."""
    for detail in ("compact", "standard"):
        plan = make_plan(load_profile(profile_file(WUYI + f"selection: {{detail: {detail}}}\n"), library), library)
        saying = [m.id for m in plan.measures() if "履行职责事项清单" in m.text]
        assert len(saying) == 1, (detail, saying)
        assert "全面建立乡镇（街道）履行职责事项清单" in next(m.text for m in plan.measures() if m.id == saying[0])
    city = WUYI.replace("{name: 武邑县, short: 武邑, level: county, province: 河北省, city: 衡水市}",
                        "{name: 衡水市, short: 衡水, level: prefecture_city, province: 河北省}")
    plan = make_plan(load_profile(profile_file(city), library), library)
    assert any("指导各县（市、区）全面建立乡镇（街道）履行职责事项清单" in m.text for m in plan.measures())


def test_n_d1_the_contingency_plans_are_revised_in_the_first_working_year(profile_file, library, monkeypatch):
    """The 2024 突发事件应对法 is in force: its plans are revised by the end of the first working year
    (drafted 2026-12-01, assumed issued 2027-01: 2027年底前; the second year would be 2028)."""
    from datetime import date

    monkeypatch.setattr("drafter.plan.issue.today", lambda: date(2026, 12, 1))
    plan = make_plan(load_profile(profile_file(WUYI), library), library)
    plans = next(m for m in plan.measures() if m.id == "emergencies.institutions.contingency_plans")
    assert plans.text.startswith("2027年底前修订完善突发事件总体应急预案"), plans.text


# --- the s15 reads r16 (司法厅) and r16b (天长市) -----------------------------------------------------------

TIANCHANG = """\
jurisdiction: {name: 天长市, short: 天长, level: county_city, province: 安徽省, city: 滁州市, lower_govs: 各镇人民政府、街道办事处}
document: {kind: 实施方案, period: {start: 2026, end: 2030}}
local:
  hazards: [暴雨, 台风]
  rivers: [高邮湖]
  cooperation: [南京都市圈]
selection: {detail: DETAIL}
"""


def test_r16b_a_rain_hazard_gets_the_flood_measure_and_the_typhoon_one_names_the_weather_bureau(profile_file, library):
    plan = make_plan(load_profile(profile_file(TIANCHANG.replace("DETAIL", "standard")), library), library)
    by_title = {m.title: m for m in plan.measures()}
    assert "针对暴雨风险" in by_title["依法做好防汛抗洪工作"].text
    assert "市气象局" in by_title["依法做好台风灾害防御"].partners


def test_r16b_no_year_the_library_cannot_source_and_no_heritage_the_profile_did_not_give(profile_file, library):
    plan = make_plan(load_profile(profile_file(TIANCHANG.replace("DETAIL", "standard")), library), library)
    by_id = {m.id: m for m in plan.measures()}
    services = next(m for m in plan.measures() if m.title == "深化区域政务服务协同")
    assert "年底前" not in services.text and services.deadline in ("持续推进", None, "")
    text = "".join(m.text for m in plan.measures())
    assert "文物" not in text.replace("《中华人民共和国文物保护法》", "")
    assert "按规定提交证据、依据，自觉履行生效判决、裁定" in by_id["disputes.litigation.court_cooperation"].text


def test_r16_n_u9_a_county_measure_that_tells_its_towns_lists_them(profile_file, library):
    for detail in ("compact", "standard"):
        plan = make_plan(load_profile(profile_file(TIANCHANG.replace("DETAIL", detail)), library), library)
        telling = [m for m in plan.measures() if "乡镇（街道）" in m.text or "镇（街道）" in m.text]
        assert telling
        assert [m.title for m in telling if "各镇人民政府、街道办事处" not in m.lead + m.partners] == [], detail


def test_r17_n_u10_the_towns_asked_for_their_views_are_among_the_responsible_units(profile_file, library):
    plan = make_plan(load_profile(profile_file(WUYI), library), library)
    upper = next(m for m in plan.measures() if m.id == "rules.legislative_process.upper_legislation")
    assert "各乡镇人民政府、街道办事处结合实际提出意见建议" in upper.text
    assert "各乡镇人民政府、街道办事处" in upper.partners


def test_r16b_a_cooperation_measure_says_the_cross_region_work_once(profile_file, library):
    """天长 (南京都市圈): 跨域通办 and 执法标准跨区域衔接 were each said by a generic measure and again by the
    locality's cooperation measure; the generic one leaves them to it (leaves_to may name a local measure)."""
    plan = make_plan(load_profile(profile_file(TIANCHANG.replace("DETAIL", "standard")), library), library)
    text = [m.text for m in plan.measures()]
    assert sum("跨区域通办事项范围" in t or "“跨域通办”范围" in t for t in text) == 1
    assert sum("行政执法标准跨区域衔接" in t for t in text) == 1
    assert any(t.startswith("依托南京都市圈，与相关地区建立行政执法协作机制，推动行政执法标准跨区域衔接") for t in text)
    plain = make_plan(load_profile(profile_file(WUYI), library), library)  # no cooperation: the generic words stay
    assert any("推动行政执法标准跨区域衔接，防止同案不同罚" in m.text for m in plain.measures())


def test_r18b_audit_dates_a_draft_as_draft_schedules_it(run, profile_file, monkeypatch, tmp_path):
    """景德镇 read: audit never read a profile's document.date (written 2027-03-15, it looked for
    2027年3月15日); without one, it dates the draft today, as `draft` does (issue 13, point 7)."""
    from datetime import date

    monkeypatch.setattr("drafter.plan.issue.today", lambda: date(2026, 12, 1))
    plan_text = tmp_path / "plan.txt"
    plan_text.write_text("武邑县法治政府建设实施方案（2026—2030年）\n一、总体要求\n到2030年，法治政府基本建成。\n", "utf-8")
    undated = run("audit", plan_text, "--profile", profile_file(WUYI, name="a.yaml"))
    assert "（武邑县，2026—2030年，印发日期 2026年12月1日）" in undated.stdout
    dated = WUYI.replace("document: {kind: 实施方案, period: {start: 2026, end: 2030}}",
                         "document: {kind: 实施方案, period: {start: 2026, end: 2030}, date: 2027-03-15}")
    given = run("audit", plan_text, "--profile", profile_file(dated, name="b.yaml"))
    assert "（武邑县，2026—2030年，印发日期 2027年3月15日）" in given.stdout


def test_r18b_a_historic_city_named_by_its_place_is_written_with_its_title(profile_file, library):
    """景德镇 read: heritage {name: 景德镇, kind: 国家历史文化名城} was written “景德镇保护”, “景德镇保护规划”."""
    text = WUYI.replace("{name: 武邑县, short: 武邑, level: county, province: 河北省, city: 衡水市}",
                        "{name: 景德镇市, short: 景德镇, level: prefecture_city, province: 江西省}")
    text += "local:\n  heritage:\n    - {name: 景德镇, kind: 国家历史文化名城}\n    - {name: 御窑厂遗址, kind: 全国重点文物保护单位}\n"
    plan = make_plan(load_profile(profile_file(text), library), library)
    words = "".join(m.text for m in plan.measures()) + plan.focus
    assert "景德镇国家历史文化名城保护" in words
    assert "景德镇保护" not in words and "御窑厂遗址" in words


def test_r19b_a_scenic_area_is_led_by_natural_resources_and_a_site_named_twice_is_listed_once(profile_file, library):
    """余庆 read: the 风景名胜区 measure was led by 住房城乡建设 (since 2018 the 林草 side's), and a 红军 site
    given both as heritage and as a red resource stood twice in one list of key areas."""
    text = WUYI.replace("{name: 武邑县, short: 武邑, level: county, province: 河北省, city: 衡水市}",
                        "{name: 余庆县, short: 余庆, level: county, province: 贵州省, city: 遵义市}")
    text += ("local:\n  heritage:\n    - {name: 大乌江风景名胜区, kind: 省级风景名胜区}\n    - 回龙场红军抢渡乌江战斗遗址\n"
             "  red_resources: [回龙场红军抢渡乌江战斗遗址]\n")
    plan = make_plan(load_profile(profile_file(text), library), library)
    scenic = next(m for m in plan.measures() if m.id == "local.heritage.scenic")
    assert scenic.lead == ("县自然资源局",)
    lists = [m.text for m in plan.measures()] + [plan.focus]
    assert not [t for t in lists if t.count("回龙场红军抢渡乌江战斗遗址") > 1]
