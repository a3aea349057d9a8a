"""The parts of `drafter serve` that need no server: the form drawn from the schema, saving
with comments kept, and the command's messages when its packages or its target are missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import PROFILES

pytest.importorskip("ruamel.yaml", reason='需要 pip install ".[serve]"')
from drafter.editing import ProfileFile, merged_text, preview, profile_text, search_measures  # noqa: E402
from drafter.profile import profile_schema  # noqa: E402
from drafter.serve.form import form_spec  # noqa: E402


def _paths(fields: list[dict], prefix: str = "") -> set[str]:
    found = set()
    for field in fields:
        path = f"{prefix}{field['key']}"
        found.add(path)
        found |= _paths(field.get("children", []), f"{path}.")
        found |= _paths(field.get("item", []), f"{path}[].")
    return found


def _schema_paths(schema: dict, root: dict, prefix: str = "") -> set[str]:
    if "$ref" in schema:
        schema = {**root["$defs"][schema["$ref"].rsplit("/", 1)[1]], **schema}
    found = set()
    for key, sub in schema.get("properties", {}).items():
        found.add(prefix + key)
        if key == "replace":
            continue
        items = sub.get("items", {})
        if "items" in sub and "$ref" in items:
            items = {**root["$defs"][items["$ref"].rsplit("/", 1)[1]], **items}
        found |= _schema_paths(items, root, f"{prefix}{key}[].") if items.get("properties") or "$ref" in items else set()
        if "properties" in sub and key not in ("units", "targets") or key == "period":
            found |= _schema_paths(sub, root, f"{prefix}{key}.")
    return found


def test_the_form_has_a_field_for_every_field_of_the_schema():
    schema = profile_schema()
    assert _schema_paths(schema, schema) <= _paths(form_spec(schema))


def test_every_field_has_a_chinese_label():
    def labels(fields):
        for field in fields:
            yield field["label"]
            yield from labels(field.get("children", []) + field.get("item", []))

    assert all(any("\u4e00" <= char <= "\u9fff" for char in label) for label in labels(form_spec(profile_schema())))


@pytest.mark.parametrize("path", sorted(PROFILES.glob("*.yaml")), ids=lambda path: path.stem)
def test_saving_unchanged_data_gives_back_the_file_byte_for_byte(path: Path):
    file = ProfileFile(path)
    text, _ = file.read()
    assert merged_text(text, file.data(text)) == text


def test_saving_a_change_keeps_every_comment(tmp_path: Path):
    file = ProfileFile(PROFILES / "qinghe.yaml")
    text, _ = file.read()
    data = file.data(text)
    data["jurisdiction"]["name"] = "浏阳市"
    data["jurisdiction"]["level"] = "county_city"
    data["targets"] = {"online_service_rate": 95}
    del data["document"]["status"]
    saved = merged_text(text, data)
    comments = [line.split("#", 1)[1] for line in text.splitlines() if "#" in line and "status" not in line]
    assert all(comment in saved for comment in comments)
    assert "  name: 浏阳市                     # 辖区全称" in saved
    assert "targets:\n  online_service_rate: 95\n" in saved
    assert "status" not in saved


def test_saving_refuses_a_file_changed_since_it_was_read(tmp_path: Path):
    from drafter.editing import Changed

    path = tmp_path / "p.yaml"
    path.write_text((PROFILES / "qinghe.yaml").read_text("utf-8"), "utf-8")
    file = ProfileFile(path)
    text, version = file.read()
    path.write_text(text + "# 别处的修改\n", "utf-8")
    with pytest.raises(Changed, match="已在别处被修改"):
        file.save(text, version)
    assert file.save(text, version, overwrite=True) == file.read()[1]


def test_the_preview_names_the_real_file_in_its_problems(library):
    data = ProfileFile(PROFILES / "qinghe.yaml").data((PROFILES / "qinghe.yaml").read_text("utf-8"))
    data["jurisdiction"]["level"] = "乡"
    shown = preview(profile_text(data), PROFILES / "qinghe.yaml", library)
    assert shown.html is None
    assert [p.file for p in shown.problems] == [str(PROFILES / "qinghe.yaml")]
    assert shown.problems[0].field == "jurisdiction.level"


def test_the_library_search_shows_each_measures_sources(library):
    found = search_measures(library, "行政复议")
    assert found and all("行政复议" in f"{m['title']}{m['text']}{m['topic']}" for m in found)
    assert all(m["sources"] for m in found)


def test_without_its_packages_serve_says_what_to_install(run, monkeypatch):
    import drafter.serve

    monkeypatch.setattr(drafter.serve, "missing_dependencies", lambda: ["starlette"])
    result = run("serve", str(PROFILES / "qinghe.yaml"))
    assert result.exit_code == 1
    assert 'pip install "drafter[serve]"' in result.stderr


def test_serve_of_a_missing_file_is_a_users_error(run):
    result = run("serve", "没有这个档案.yaml")
    assert result.exit_code == 1
    assert result.stderr.strip() == "错误：没有这个档案.yaml：找不到这个档案或文件夹，请检查路径是否写对。"


def test_another_address_than_loopback_is_served_only_with_a_warning(run, monkeypatch):
    import uvicorn

    import drafter.serve.app

    served = {}
    monkeypatch.setattr(drafter.serve.app, "make_app", lambda target, hosts, **options: served.update(hosts=hosts))
    monkeypatch.setattr(uvicorn, "run", lambda app, host, port, **options: served.update(host=host))
    result = run("serve", str(PROFILES / "qinghe.yaml"), "--host", "0.0.0.0", "--port", "8799")
    assert result.exit_code == 0, result.stderr
    assert served["host"] == "0.0.0.0"
    assert result.stderr.startswith("警告：正在监听 0.0.0.0，同一网络中的其他电脑也能打开这个页面")
    result = run("serve", str(PROFILES / "qinghe.yaml"), "--port", "8799")
    assert served["host"] == "127.0.0.1" and "警告" not in result.stderr
    assert served["hosts"] == frozenset({"127.0.0.1:8799", "localhost:8799", "[::1]:8799"})


def test_a_port_in_use_is_a_users_error(run):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("serve", str(PROFILES / "qinghe.yaml"), "--port", str(port))
    assert result.exit_code == 1
    assert "端口可能已被占用，请用 --port 换一个" in result.stderr


def test_an_added_initiative_and_field_go_before_the_next_sections_blank_line():
    file = ProfileFile(PROFILES / "qinghe.yaml")
    text, _ = file.read()
    data = file.data(text)
    data["initiatives"].append({"topic": "digital.platforms", "title": "新举措", "text": "正文。", "lead": ["justice"]})
    data["document"]["title"] = "清河县法治政府建设实施方案"
    saved = merged_text(text, data)
    assert "    deadline: 2\n  - topic: digital.platforms\n    title: 新举措\n" in saved
    assert "    lead: [justice]\n\nselection:\n" in saved
    assert ("  division_table: true             # 附重点任务分工表\n  title: 清河县法治政府建设实施方案\n\n"
            "# 本地情况") in saved  # qinghe.yaml's next section is local: (since issue 14)
    del data["initiatives"][0]
    assert "    lead: [justice]\n\nselection:\n" in merged_text(text, data)


def _fields(fields: list[dict]):
    for field in fields:
        yield field
        yield from _fields(field.get("children", []) + field.get("item", []))


def test_local_facts_get_the_one_a_line_box_and_farmland_its_tick():
    spec = {field["path"]: field for field in _fields(form_spec(profile_schema())) if field["path"].startswith("local.")}
    schema = profile_schema()["properties"]["local"]["properties"]
    may_be_true = {key for key, sub in schema.items() if any(alt.get("type") == "boolean" for alt in sub.get("oneOf", []))}
    assert may_be_true == {"farmland"}  # every "true, or a list" field of the schema
    assert {path: (field["kind"], field["flag"]) for path, field in spec.items()} == {
        f"local.{key}": ("things", key in may_be_true) for key in schema}


def test_no_help_a_user_reads_speaks_yaml_or_option_keys():
    import re

    for field in _fields(form_spec(profile_schema())):
        if field["path"] == "local_units":  # its 代号 is the user's own key, written as data
            continue
        assert not re.search(r"[{}\[\]]|(?<![A-Za-z_])[a-z_]{3,}(?![A-Za-z_])", field["help"]), (field["path"], field["help"])


def test_the_paste_box_maps_a_river_affairs_bureau_and_a_zone_committee(library):
    """TRIAL3 (issue 16) F1, F2: the two bodies get their roles, by the names the list gives."""
    pytest.importorskip("ruamel.yaml")
    import yaml

    from drafter.editing import default_units, import_pasted

    data = yaml.safe_load("jurisdiction: {name: 兰考县, short: 兰考, level: county, province: 河南省, city: 开封市}\n"
                          "document: {kind: 实施方案, period: {start: 2026, end: 2030}}\n")
    pasted = import_pasted("兰考县司法局\n兰考黄河河务局\n兰考经济技术开发区管理委员会\n", data, library)
    assert pasted["units"] == {"justice": "县司法局", "river_affairs": "兰考黄河河务局",
                               "zone_committee": "兰考经济技术开发区管理委员会"}
    assert {m["role"]: m["label"] for m in pasted["mapped"]} == {
        "justice": "司法行政部门", "river_affairs": "河务部门", "zone_committee": "开发区管理委员会"}
    assert pasted["unmapped"] == []
    # before any list: no invented name for the form's field (the page shows 未设置)
    defaults = default_units(data, library)
    assert defaults["river_affairs"]["name"] == "" and defaults["zone_committee"]["name"] == ""
    assert all(d["role"] not in ("river_affairs", "zone_committee")
               for d in import_pasted("兰考县司法局\n", data, library)["defaults"])


def test_saving_a_filled_key_drops_its_commented_example(tmp_path: Path):
    # third new-user trial, F7: after saving, `# hazards: [地震, 山洪]` stood beside `hazards: [山洪]`
    import subprocess
    import sys

    subprocess.run([sys.executable, "-m", "drafter", "init", "--name", "兰考县", "--web"], cwd=tmp_path,
                   check=True, capture_output=True)
    path = next((tmp_path / "profiles").glob("*.yaml"))
    file = ProfileFile(path)
    text, _ = file.read()
    assert "  # hazards: [地震, 山洪]" in text and "  # - topic: functions.streamlining" in text
    data = file.data(text)
    data["local"] = {"hazards": ["洪涝"], "rivers": [{"name": "黄河", "kind": "河湖长制"}]}
    data["units"] = {"justice": "兰考县司法局"}
    data["initiatives"] = [{"topic": "functions.streamlining", "title": "推行本地套餐", "text": "围绕一件事。",
                            "lead": ["gov_service"]}]
    saved = merged_text(text, data)
    assert "  hazards: [洪涝]\n" in saved and "# hazards:" not in saved and "# rivers:" not in saved
    assert "  # safety_risks: [危化品, 烟花爆竹]   # 重点安全生产风险\n" in saved  # not filled: its example stays
    assert "# justice:" not in saved and "  # gov_service: " in saved
    assert "# - topic:" not in saved and "#   title:" not in saved and "title: 推行本地套餐" in saved
    assert "# 本地单位名称" in saved and "# 地方举措" in saved  # the section comments stay
    assert file.data(saved)["local"]["hazards"] == ["洪涝"]
