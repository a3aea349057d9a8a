"""Issue 16 point 3: the CLI's rough edges, each with the exact words the user sees."""

from __future__ import annotations

from conftest import MINIMAL


def test_an_existing_file_names_what_minus_o_takes(run, profile_file, tmp_path):
    path = profile_file(MINIMAL)
    taken = tmp_path / "taken.md"
    taken.write_text("x", encoding="utf-8")
    expected = f"{taken}：文件已存在。要覆盖请加 --force，或用 -o 指定其他文件名。"
    for args in (("init", "--name", "清河县", "--level", "county", "--province", "河北省", "--city", "邢台市", "-o", taken),
                 ("check", path, "--format", "md", "-o", taken),
                 ("diff", path, path, "-o", taken)):
        result = run(*args)
        assert result.exit_code == 1, result.output
        assert expected in result.stderr, result.stderr
        assert "输出目录" not in result.stderr


def test_library_show_prints_the_wording_of_the_period(run, library):
    measure = library.measure("functions.streamlining.credit_regulation")
    current = run("library", "show", measure.id)
    assert current.exit_code == 0, current.output
    assert current.stdout.startswith("按 2026—2030年规划期的方案显示（2021—2025 年一轮的原措辞请用 --period 2021-2025 查看）\n")
    assert f"正文：{measure.later.text}\n" in current.stdout
    old = run("library", "show", measure.id, "--period", "2021-2025")
    assert old.stdout.startswith("按 2021—2025年规划期的方案显示\n")
    assert f"正文：{measure.text}\n" in old.stdout
    retired = run("library", "show", "functions.streamlining.e_licence", "--period", "2026—2030")
    assert retired.stdout.startswith("2026—2030年规划期的方案不再采用这条措施（属于 2021—2025 年一轮，已完成或已过时限）；以下是原措辞\n")
    bad = run("library", "show", measure.id, "--period", "明年")
    assert bad.exit_code == 2 and "明年 不是规划期：请写开始年和结束年，如 2026-2030" in bad.stderr


def test_an_unknown_topic_is_suggested_by_title_and_by_the_measures_words(profile_file, run):
    initiative = "initiatives:\n  - topic: {topic}\n    title: 建设平台\n    text: 建设平台。\n    lead: [justice]\n"
    path = profile_file(MINIMAL + initiative.format(topic="安全生产"))
    result = run("validate", path)
    assert result.exit_code == 1
    assert (f"{path}:11 字段 initiatives.0.topic：未知的专题 安全生产，是否指 enforcement.key_areas（加大重点领域执法力度）、"
            "emergencies.capacity（提高突发事件依法处置能力）、oversight.enforcement_supervision（加强对行政执法制约和监督）？"
            "topic 写专题编号，可用 drafter library list 查看（每个专题的中文标题列在编号旁）") in result.stderr
    path = profile_file(MINIMAL + initiative.format(topic="突发事件应对"))
    assert ("未知的专题 突发事件应对，是否指 emergencies.institutions（完善突发事件应对制度）、"
            "emergencies.grassroots（引导、规范基层组织和社会力量参与突发事件应对）？") in run("validate", path).stderr


def test_library_list_and_stats_show_topic_titles(run):
    listed = run("library", "list", "--topic", "emergencies")
    assert listed.stdout.startswith("# emergencies.institutions（完善突发事件应对制度）\n")
    assert "# emergencies.capacity（提高突发事件依法处置能力）\n" in listed.stdout
    assert "  14 emergencies.institutions（完善突发事件应对制度）：" in run("library", "stats").stdout


def test_library_list_topic_takes_part_of_a_chinese_title(run):
    one = run("library", "list", "--topic", "放管服")
    assert one.exit_code == 0 and one.stdout.startswith("# functions.streamlining（深化政务服务和审批制度改革）\n")
    chapter = run("library", "list", "--topic", "突发事件")
    assert chapter.exit_code == 0
    assert "标题含“突发事件”的：emergencies（健全突发事件应对体系，依法预防处置重大突发事件）" in chapter.stderr
    assert "# emergencies.grassroots（" in chapter.stdout
    unknown = run("library", "list", "--topic", "生态")
    assert unknown.exit_code == 1
    assert ("错误：没有专题或章 生态（专题和章的标题中都没有这几个字），是否指 rules.key_areas（加强重要领域立法）、"
            "enforcement.key_areas（加大重点领域执法力度）、enforcement.system_reform（深化行政执法体制改革）？"
            "可用 drafter library stats 查看全部专题的编号和标题") in unknown.stderr


def test_an_initiative_without_its_dash_is_explained_once(profile_file, run):
    item = "  {dash}topic: digital.platforms\n    title: 建设平台{n}\n    text: 建设平台。\n    lead: [justice]\n"
    path = profile_file(MINIMAL + "initiatives:\n" + item.format(dash="- ", n=1) + item.format(dash="  ", n=2))
    result = run("validate", path)
    assert result.exit_code == 1
    assert (f"{path}:15 字段 initiatives.0：第 15 行起像是另一条地方举措，但前面少了“- ”：请在 topic 前加“- ”"
            "（与上一条的“- ”对齐）；不加的话，这几行会被当作上一条里重复的键") in result.stderr
    assert "请删去一个或合并" not in result.stderr and "共 1 个问题" in result.stderr


def test_a_key_twice_in_one_item_is_still_a_duplicate(profile_file, run):
    text = MINIMAL + "initiatives:\n  - topic: digital.platforms\n    title: 甲\n    title: 乙\n    text: 建设平台。\n    lead: [justice]\n"
    path = profile_file(text)
    assert "字段 initiatives.0.title：重复的键 “title”（第一次出现在第 12 行），请删去一个或合并" in run("validate", path).stderr


def test_an_unused_target_names_its_measure_and_how_to_bring_it_in(profile_file, run, tmp_path):
    # (the compact draft carries the training measure since 13b N-M3: 部门负责人培训 is the one it leaves)
    path = profile_file(MINIMAL + "targets:\n  leadership_law_training_classes: 3\nselection:\n  detail: compact\n")
    result = run("draft", path, "-o", tmp_path / "out", "--format", "md")
    assert result.exit_code == 0, result.output
    assert (f"提示：{path}：targets.leadership_law_training_classes 已填写，但用到它的措施 leadership.capacity.department_heads_training"
            "（加强部门负责人法治培训）本稿没有采用：要采用，请把 selection.detail 改为 full，"
            "或在 selection.replace 中写入这条措施\n") in result.stderr


def _loaded(run, path):
    result = run("validate", path)
    assert result.exit_code == 0, result.output
    return result.stderr


def test_a_city_without_its_ending_is_read_by_the_gazetteer(profile_file, run):
    path = profile_file(MINIMAL.replace("name: 清河县", "name: 浏阳市").replace("short: 清河", "short: 浏阳")
                        .replace("level: county", "level: 县级市").replace("province: 河北省", "province: 湖南")
                        .replace("city: 邢台市", "city: 长沙"))
    stderr = _loaded(run, path)
    assert f"提示：{path}：第 5 行 jurisdiction.province：“湖南”已按全称 湖南省 读取（省名要写全称）\n" in stderr
    assert f"提示：{path}：第 6 行 jurisdiction.city：“长沙”已按全称 长沙市 读取（上级市要写全称）\n" in stderr
    assert f"提示：{path}：第 4 行 jurisdiction.level：“县级市”已按 county_city（县级市）读取\n" in stderr


def test_a_city_the_gazetteer_does_not_know_is_still_refused(profile_file, run):
    path = profile_file(MINIMAL.replace("city: 邢台市", "city: 某某"))
    assert "字段 jurisdiction.city：上级市要写全称，以“市”“州”“盟”或“地区”结尾，是否指 某某市？" in run("validate", path).stderr


def test_detail_in_chinese_is_read_with_a_hint(profile_file, run, library):
    path = profile_file(MINIMAL + "selection:\n  detail: 标准\n")
    assert f"提示：{path}：第 11 行 selection.detail：“标准”已按 standard 读取（详略写 compact、standard 或 full）\n" in _loaded(run, path)
    for typed, key in (("简本", "compact"), ("全部", "full")):
        from drafter.profile import load_profile
        assert load_profile(profile_file(MINIMAL + f"selection:\n  detail: {typed}\n"), library).detail == key


def test_a_deadline_written_as_a_year_says_which_year_of_the_period_it_is(profile_file, run):
    initiative = "initiatives:\n  - topic: digital.platforms\n    title: 建设平台\n    text: 建设平台。\n    lead: [justice]\n"
    path = profile_file(MINIMAL + initiative + "    deadline: 2028\n")
    result = run("validate", path)
    assert result.exit_code == 1
    assert (f"{path}:15 字段 initiatives.0.deadline：时限写规划期的第几年，不写年份：2028 年底前应写为 3（规划期第 3 年）；"
            "期末写 end，每年写 annual") in result.stderr
    path = profile_file(MINIMAL + initiative + "    deadline: 2035\n")
    assert ("字段 initiatives.0.deadline：2035 年不在规划期 2026—2030年内；时限写规划期的第几年（1–5）、end（期末）或 annual（每年）"
            in run("validate", path).stderr)


def test_units_written_with_enumeration_commas_are_split_and_each_checked(profile_file, run):
    initiative = ("initiatives:\n  - topic: digital.platforms\n    title: 建设平台\n    text: 建设平台。\n"
                  "    lead: [司法局、财政局]\n    partners: 司法局、财政局\n")
    path = profile_file(MINIMAL + initiative)
    stderr = _loaded(run, path)  # each name then read as its role (a unit written by its name)
    assert f"提示：{path}：第 14 行 initiatives.0.lead：“司法局、财政局”已按 2 项读取：司法局、财政局（列表各项用英文逗号分开，如 [甲, 乙]）\n" in stderr
    assert f"提示：{path}：第 14 行 initiatives.0.lead.1：“财政局”已按单位角色 finance（财政部门）读取" in stderr
    assert f"提示：{path}：第 15 行 initiatives.0.partners.1：“财政局”已按单位角色 finance（财政部门）读取" in stderr
    path = profile_file(MINIMAL + initiative.replace("司法局、财政局]", "justice、finance]").replace("司法局、财政局\n", "justice，finance\n"))
    stderr = _loaded(run, path)
    assert f"提示：{path}：第 14 行 initiatives.0.lead：“justice、finance”已按 2 项读取：justice、finance（列表各项用英文逗号分开，如 [甲, 乙]）\n" in stderr
    assert f"提示：{path}：第 15 行 initiatives.0.partners：“justice，finance”已按 2 项读取：justice、finance（列表写成 [甲, 乙]）\n" in stderr


def test_a_topic_written_as_its_unique_title_is_read_with_a_hint(profile_file, run):
    path = profile_file(MINIMAL + "initiatives:\n  - topic: 放管服\n    title: 建设平台\n    text: 建设平台。\n    lead: [justice]\n")
    assert f"提示：{path}：第 11 行 initiatives.0.topic：“放管服”已按专题 functions.streamlining 读取（topic 写专题编号）\n" in _loaded(run, path)


def test_init_reads_a_city_without_its_ending_like_a_province(run, tmp_path):
    target = tmp_path / "p.yaml"
    result = run("init", "--name", "某某县", "--level", "county", "--province", "湖南", "--city", "长沙", "-o", target)
    assert result.exit_code == 0, result.output
    assert "提示：所在省按全称 湖南省 填写。\n" in result.stderr and "提示：上级市按全称 长沙市 填写。\n" in result.stderr
    assert 'city: "长沙市"' in target.read_text(encoding="utf-8")


def test_the_starter_profile_of_a_county_city(run, tmp_path):
    from drafter.library.retired import find

    target = tmp_path / "liuyang.yaml"
    result = run("init", "--name", "浏阳市", "--start", "2026", "-o", target)
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "  # justice: 浏阳市司法局\n" in text and "  # gov_service: 浏阳市政务服务和大数据管理局\n" in text
    assert "某某县" not in text
    assert "  detail: standard                 # 详略：compact 简本 / standard 与真实方案相当（默认） / full 全部适用措施，供挑选\n" in text
    assert find(text, 2026) == []
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert run("validate", target).exit_code == 0


def test_the_schema_line_is_relative_in_a_checkout_and_never_into_a_temporary_build(tmp_path):
    from drafter.commands.init import SCHEMA, schema_line

    checkout = tmp_path / "checkout"
    schema = checkout / "drafter" / "schemas" / "profile.schema.json"
    schema.parent.mkdir(parents=True)
    schema.write_text("{}", encoding="utf-8")
    (checkout / "pyproject.toml").write_text("", encoding="utf-8")
    assert schema_line(checkout / "profiles" / "x.yaml", schema) == "# yaml-language-server: $schema=../drafter/schemas/profile.schema.json"
    assert schema_line(tmp_path / "elsewhere" / "x.yaml", schema) == f"# yaml-language-server: $schema={schema.resolve().as_uri()}"
    build = tmp_path / "pip-req-build" / "drafter" / "schemas" / "profile.schema.json"  # no pyproject.toml: a build
    build.parent.mkdir(parents=True)
    build.write_text("{}", encoding="utf-8")
    assert schema_line(tmp_path / "elsewhere" / "x.yaml", build) == ""  # a build folder in /tmp: no line
    assert schema_line(tmp_path / "x.yaml") == f"# yaml-language-server: $schema={SCHEMA.resolve().as_uri()}"
