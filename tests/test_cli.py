"""The commands a user runs: what they print, what they write, their exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from conftest import MINIMAL, PROFILES
from drafter.library.report import EXPORT_KEYS


def test_draft_writes_title_named_docx_and_prints_its_path(profile_file, run, tmp_path):
    out = tmp_path / "out"
    result = run("draft", profile_file(), "-o", out)
    assert result.exit_code == 0, result.output
    written = out / "清河县法治政府建设实施方案（2026—2030年）.docx"
    assert result.stdout.splitlines() == [str(written)]
    assert written.read_bytes()[:2] == b"PK"


def test_draft_many_profiles_prints_one_line_each(profile_file, run, tmp_path):
    first = profile_file(name="a.yaml")
    second = profile_file(MINIMAL.replace("清河", "武邑").replace("邢台市", "衡水市"), name="b.yaml")
    result = run("draft", first, second, "-o", tmp_path / "out", "--format", "md")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [Path(line).name for line in lines] == [
        "清河县法治政府建设实施方案（2026—2030年）.md", "武邑县法治政府建设实施方案（2026—2030年）.md"]


def test_unknown_format_is_a_usage_error(profile_file, run, tmp_path):
    result = run("draft", profile_file(), "-o", tmp_path / "out", "--format", "odt")
    assert result.exit_code == 2
    assert "用法错误：选项 --format 的值无效：不支持的格式 odt，可选：docx、md、html、pdf、xlsx" in result.stderr
    assert "drafter draft -h" in result.stderr and not (tmp_path / "out").exists()


def test_click_usage_errors_are_told_in_chinese(run):
    unknown = run("draft", "--fromat", "md")
    assert unknown.exit_code == 2 and "用法错误：没有选项 --fromat" in unknown.stderr
    missing = run("draft")
    assert missing.exit_code == 2 and "用法错误：缺少参数 档案...（一个或多个辖区档案（YAML））" in missing.stderr
    assert "Usage:" not in unknown.stderr + missing.stderr


def test_validate_passes_a_good_profile(profile_file, run):
    path = profile_file()
    result = run("validate", path)
    assert result.exit_code == 0
    assert result.stdout.strip() == f"{path}：检查通过"


def test_units_marks_defaults(profile_file, run):
    result = run("units", profile_file(MINIMAL + "units:\n  justice: 清河县司法局\n"))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert any(line.split()[:3] == ["justice", "档案", "清河县司法局（司法行政部门）"] for line in lines)
    assert any(line.split()[:3] == ["gov_office", "默认", "县政府办公室（政府办公室）"] for line in lines)
    assert "个使用按层级生成的默认名称" in lines[-1]


def test_init_writes_a_starter_profile_that_validates(run, tmp_path):
    target = tmp_path / "wuyi.yaml"
    result = run("init", "--name", "武邑县", "--level", "county", "--province", "河北省",
                 "--city", "衡水市", "--start", "2026", "--end", "2030", "-o", target)
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    data = yaml.safe_load(text)
    assert data["jurisdiction"] == {"name": "武邑县", "short": "武邑", "level": "county",
                                    "province": "河北省", "city": "衡水市"}
    assert data["document"]["period"] == {"start": 2026, "end": 2030}
    assert run("validate", target).exit_code == 0
    again = run("init", "--name", "武邑县", "--level", "county", "--province", "河北省",
                "--city", "衡水市", "--start", "2026", "--end", "2030", "-o", target)
    assert again.exit_code == 1 and "文件已存在" in again.stderr


def test_init_without_a_terminal_needs_the_options(run, tmp_path):
    result = run("init", "-o", tmp_path / "x.yaml")
    assert result.exit_code == 1
    assert "缺少选项：辖区全称" in result.stderr
    assert not (tmp_path / "x.yaml").exists()


def test_library_export_is_a_stable_json_array(run, library):
    result = run("library", "export", "--format", "json")
    assert result.exit_code == 0
    records = json.loads(result.stdout)
    assert len(records) == len(list(library.measures()))
    for record in records:
        assert tuple(record) == EXPORT_KEYS
        assert all(isinstance(source, str) and ":" in source for source in record["sources"])
        assert record["tier"] in ("core", "standard", "example")


def test_library_list_filters_by_topic_and_tier(run, library):
    result = run("library", "list", "--topic", "disputes.litigation", "--tier", "core")
    assert result.exit_code == 0
    ids = [line.split("\t")[0] for line in result.stdout.splitlines() if not line.startswith("# ")]  # "# topic（title）" heads each topic
    expected = [m.id for m in library.measures() if m.topic == "disputes.litigation" and m.tier == "core"]
    assert ids == expected and ids
    wrong = run("library", "list", "--topic", "disputes.litigatoin")
    assert wrong.exit_code == 1 and "是否想写 disputes.litigation" in wrong.stderr


def test_library_show_prints_the_cited_seed_text(run, library):
    measure = next(m for m in library.measures() if any(s.startswith("datong:") for s in m.sources))
    result = run("library", "show", measure.id)
    assert result.exit_code == 0, result.output
    citation = next(s for s in measure.sources if s.startswith("datong:"))
    line = next(line for line in result.stdout.splitlines() if line.strip().startswith(f"[{citation}]"))
    assert len(line) > 30 and "（原文中找不到该条）" not in line
    assert run("library", "show", "no.such.measure").exit_code == 1


def test_library_stats_covers_all_topics(run):
    result = run("library", "stats")
    assert result.exit_code == 0
    assert "覆盖纲要专题：32 / 32" in result.stdout
    assert "既未引用也未说明略去理由的条目：0" in result.stdout


def test_ingest_prints_yaml_and_json(run):
    seed = Path(__file__).resolve().parent.parent / "drafter/seeds/datong.txt"
    as_yaml = yaml.safe_load(run("ingest", seed).stdout)
    as_json = json.loads(run("ingest", seed, "--key", "dt", "--format", "json").stdout)
    assert as_yaml[0]["citation"].startswith("datong:")
    assert [r["label"] for r in as_json] == [r["label"] for r in as_yaml]
    assert as_json[0]["citation"].startswith("dt:")
    missing = run("ingest", seed.with_name("nope.txt"))
    assert missing.exit_code == 1 and isinstance(missing.exception, SystemExit)
    assert "nope.txt" in missing.stderr


def test_shipped_profiles_reference_the_schema():
    for path in sorted(PROFILES.glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../drafter/schemas/profile.schema.json", path


def test_init_asks_at_a_terminal(monkeypatch, tmp_path):
    from typer.testing import CliRunner

    import drafter.commands.init
    from drafter.commands import app

    monkeypatch.setattr(drafter.commands.init, "interactive", lambda: True)
    target = tmp_path / "profile.yaml"
    answers = "枣强县\ncounty\n河北省\n衡水市\n\n2026\n2030\n"  # Enter: the default 下级政府
    result = CliRunner().invoke(app, ["init", "-o", str(target)], input=answers)
    assert result.exit_code == 0, result.output
    assert "辖区全称" in result.stdout and "规划期结束年" in result.stdout
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert data["jurisdiction"]["short"] == "枣强" and data["jurisdiction"]["city"] == "衡水市"
    assert data["document"]["period"] == {"start": 2026, "end": 2030}


def test_warnings_are_printed_but_the_draft_is_written(profile_file, run, tmp_path, library):
    users = {}
    for m in library.measures():
        for name in m.params:
            users.setdefault(name, []).append(m)
    param, (measure,) = next((name, ms) for name, ms in users.items() if len(ms) == 1)
    text = MINIMAL + f"units:\n  justice: 区司法局\ntargets:\n  {param}: 7\nselection:\n  drop: [{measure.id}]\n"
    result = run("draft", profile_file(text), "-o", tmp_path / "out", "--format", "md")
    assert result.exit_code == 0, result.output
    assert Path(result.stdout.strip()).exists()
    assert (f"targets.{param} 已填写，但用到它的措施 {measure.id}（{measure.title}）本稿没有采用："
            f"要采用，请从 selection.drop 中删去 {measure.id}") in result.stderr
    assert "units.justice：“区司法局”以“区”开头，而本辖区是县（“县”），请确认单位名称" in result.stderr
