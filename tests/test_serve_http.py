"""`drafter serve` at the HTTP level, on a real server on loopback: what a page of ours would
never send is refused in Chinese (foreign Host, cross-site POST, oversized body, paths
outside its own files), and the API answers as the CLI does."""

from __future__ import annotations

import http.client
import json
import re
import shutil
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

from conftest import PROFILES

pytest.importorskip("starlette", reason='需要 pip install ".[serve]"')
from drafter.serve.local import serving  # noqa: E402


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("profiles")
    for name in ("qinghe.yaml", "bishan.yaml"):
        shutil.copyfile(PROFILES / name, folder / name)
    (folder / "notes.txt").write_text("不是档案", "utf-8")
    (folder / "broken.yaml").write_text("jurisdiction:\n  name: [清河县\n", "utf-8")
    return folder


@pytest.fixture(scope="module")
def server(folder: Path):
    with serving(folder) as url:
        yield urlsplit(url).port


def request(port: int, method: str, path: str, body: bytes | None = None, headers: dict | None = None,
            origin: bool = True):
    """(status, decoded JSON or raw bytes) of one request with the headers the page sends."""
    sent = {"Host": f"127.0.0.1:{port}", "Content-Type": "application/json"}
    if origin and method != "GET":
        sent["Origin"] = f"http://127.0.0.1:{port}"
    sent.update(headers or {})
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.putrequest(method, path, skip_host=True)
    for key, value in sent.items():
        if value is not None:
            connection.putheader(key, value)
    if body is not None and "Transfer-Encoding" not in sent:
        connection.putheader("Content-Length", str(len(body)))
    connection.endheaders(body)
    answer = connection.getresponse()
    data = answer.read()
    connection.close()
    kind = answer.getheader("Content-Type") or ""
    return answer.status, json.loads(data) if kind.startswith("application/json") else data, answer


def data_of(port: int, name: str = "qinghe.yaml") -> dict:
    return request(port, "GET", f"/api/profile?name={name}")[1]["data"]


def test_a_foreign_host_header_is_refused(server):
    status, answer, _ = request(server, "GET", "/", headers={"Host": f"evil.example:{server}"})
    assert status == 421
    assert answer["error"].startswith("拒绝访问：地址 evil.example")
    assert request(server, "GET", "/", headers={"Host": f"localhost:{server}"})[0] == 200


@pytest.mark.parametrize("origin", ["http://evil.example", "null", None])
def test_a_post_from_another_origin_is_refused(server, origin):
    body = json.dumps({"name": "qinghe.yaml", "data": {}}).encode()
    status, answer, _ = request(server, "POST", "/api/preview", body, headers={"Origin": origin}, origin=False)
    assert status == 403
    assert "不是从本机的编辑页面发出的" in answer["error"]


def test_a_post_from_the_page_is_answered_as_the_cli_would(server):
    body = json.dumps({"name": "qinghe.yaml", "data": data_of(server)}, ensure_ascii=False).encode()
    status, answer, _ = request(server, "POST", "/api/preview", body)
    assert status == 200 and answer["ok"]
    # a standard draft's size (12,000–16,000 字; the local chapters' measures bring qinghe to about 15,000)
    assert re.match(r"约 1[2-6],\d{3} 字", answer["size"]) and "条措施" in answer["size"], answer["size"]
    assert answer["units"]["justice"] == {"label": "司法行政部门", "name": "县司法局", "default": True}


def test_a_body_over_the_limit_is_refused(server):
    big = b'{"name": "qinghe.yaml", "data": "' + b"x" * (3 * 1024 * 1024) + b'"}'
    status, answer, _ = request(server, "POST", "/api/preview", big)
    assert status == 413 and answer["error"].startswith("请求太大")


def test_a_chunked_body_over_the_limit_is_refused(server):
    chunk = b"x" * (256 * 1024)
    body = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(10)) + b"0\r\n\r\n"
    status, answer, _ = request(server, "POST", "/api/preview", body, headers={"Transfer-Encoding": "chunked"})
    assert status == 413 and "请求太大" in answer["error"]


@pytest.mark.parametrize("path", [
    "/static/../pyproject.toml", "/static/..%2f..%2fpyproject.toml", "/static/%2e%2e/app.py", "/static/app.py",
    "/static/", "/../../etc/passwd", "/api/profile?name=../../pyproject.toml", "/api/profile?name=%2Fetc%2Fpasswd",
    "/api/profile?name=notes.txt", "/api/profile",
])
def test_no_path_outside_its_own_is_served(server, path):
    status, answer, _ = request(server, "GET", path)
    assert status == 404
    assert answer["error"] in ("没有这个页面或文件", "没有这个文件", "没有这个档案：只能打开启动时给出的档案")


def test_only_the_given_folders_profiles_are_offered(server):
    status, answer, _ = request(server, "GET", "/api/start")
    assert status == 200 and answer["profiles"] == ["bishan.yaml", "broken.yaml", "qinghe.yaml"]
    assert {topic["id"] for topic in answer["catalogue"]["topics"]} >= {"functions.streamlining"}


def test_the_page_is_sent_with_a_content_security_policy(server):
    status, _, answer = request(server, "GET", "/")
    assert status == 200
    assert "script-src 'self'" in answer.getheader("Content-Security-Policy")


def test_a_download_of_a_profile_with_problems_gives_validates_words(server):
    data = data_of(server)
    data["document"]["period"]["start"] = 3000
    body = json.dumps({"name": "qinghe.yaml", "data": data}, ensure_ascii=False).encode()
    status, answer, _ = request(server, "POST", "/api/download/docx", body)
    assert status == 422
    assert [p["message"] for p in answer["problems"] if p["field"] == "document.period.start"] == [
        "3000 不能大于 2100（开始年，如 2026）"]


@pytest.mark.parametrize("kind, suffix", [("review", "（审阅稿）.docx"), ("xlsx", "（重点任务分工表）.xlsx"),
                                          ("check", "（送审前检查）.md")])
def test_the_other_downloads_are_named_as_the_cli_names_them(server, kind, suffix):
    body = json.dumps({"name": "qinghe.yaml", "data": data_of(server)}, ensure_ascii=False).encode()
    status, data, answer = request(server, "POST", f"/api/download/{kind}", body)
    assert status == 200 and len(data) > 1000
    assert answer.getheader("Content-Disposition").endswith(quote(suffix))


def test_saving_over_a_changed_file_is_refused_with_409(server, folder):
    loaded = request(server, "GET", "/api/profile?name=bishan.yaml")[1]
    path = folder / "bishan.yaml"
    path.write_text(loaded["text"] + "# 在编辑器里加的一行\n", "utf-8")
    body = {"name": "bishan.yaml", "data": loaded["data"], "base": loaded["text"], "version": loaded["version"]}
    status, answer, _ = request(server, "POST", "/api/save", json.dumps(body, ensure_ascii=False).encode())
    assert status == 409 and answer["conflict"] and "已在别处被修改" in answer["error"]
    assert path.read_text("utf-8").endswith("# 在编辑器里加的一行\n")
    body["overwrite"] = True
    status, answer, _ = request(server, "POST", "/api/save", json.dumps(body, ensure_ascii=False).encode())
    assert status == 200 and path.read_text("utf-8") == loaded["text"]


def test_a_file_the_form_cannot_hold_gets_validates_words(server, folder, run):
    status, answer, _ = request(server, "GET", "/api/profile?name=broken.yaml")
    assert status == 200 and answer["data"] is None
    result = run("validate", str(folder / "broken.yaml"))
    assert result.exit_code == 1
    assert [p["text"] for p in answer["problems"]] == result.stderr.removeprefix("错误：").splitlines()[:-1]


def test_a_pasted_department_list_is_mapped_as_units_import_maps_it(server):
    text = "机构设置\n1. 清河县司法局\n2. 清河县农业农村和水利局\n3. 邢台市生态环境局清河分局\n4. 清河县羊绒产业服务中心\n"
    body = json.dumps({"name": "qinghe.yaml", "data": data_of(server), "text": text}, ensure_ascii=False).encode()
    status, answer, _ = request(server, "POST", "/api/units", body)
    assert status == 200
    assert {m["role"]: m["name"] for m in answer["mapped"]} == {
        "justice": "县司法局", "agriculture": "县农业农村和水利局", "water": "县农业农村和水利局",
        "ecology": "邢台市生态环境局清河分局"}
    assert answer["units"]["gov_service"] == "县行政审批局" and answer["units"]["justice"] == "县司法局"  # kept, added
    assert answer["unmapped"] == ["清河县羊绒产业服务中心"]
    assert answer["skipped"] == [{"line": 1, "text": "机构设置", "heading": True}]  # a heading: reported, never mapped
    assert {"role": "finance", "label": "财政部门"} in answer["defaults"]
    assert not any(d["role"] in ("justice", "gov_service") for d in answer["defaults"])


@pytest.mark.parametrize("text, data, words", [
    ("", None, "名单是空的：请把政府网站“机构设置”页的部门名称粘贴进来，一行一个，如 县司法局"),
    ("县司法局\n" * 600, None, "名单太长（最多 500 行、20,000 字）：请只粘贴本级政府的部门名称，一行一个"),
    ("县司法局", {"jurisdiction": {"name": "清河县"}},
     "请先在“辖区”中填好层级：名单中的名称要按本级的称谓写入（如 浏阳市司法局 → 市司法局）"),
    ("机构设置：\n序号\n", None,
     "名单中没有读到单位名称：机构设置（第 1 行，标题）、序号（第 2 行，标题）不是单位名称，已跳过；请一行写一个单位，如 县司法局"),
])
def test_a_pasted_list_that_cannot_be_used_is_refused_in_chinese(server, text, data, words):
    body = json.dumps({"name": "qinghe.yaml", "data": data or data_of(server), "text": text}, ensure_ascii=False).encode()
    status, answer, _ = request(server, "POST", "/api/units", body)
    assert (status, answer["error"]) == (400, words)


def test_a_pasted_list_is_guarded_like_every_post(server):
    body = json.dumps({"name": "qinghe.yaml", "data": {}, "text": "县司法局"}, ensure_ascii=False).encode()
    status, answer, _ = request(server, "POST", "/api/units", body, headers={"Origin": "http://evil.example"}, origin=False)
    assert status == 403 and "不是从本机的编辑页面发出的" in answer["error"]
    status, answer, _ = request(server, "POST", "/api/units", body, headers={"Host": f"evil.example:{server}"})
    assert status == 421
    big = b'{"name": "qinghe.yaml", "text": "' + "县司法局".encode() * (1024 * 1024) + b'"}'
    assert request(server, "POST", "/api/units", big)[0] == 413
    body = json.dumps({"name": "../pyproject.toml", "data": {}, "text": "县司法局"}).encode()
    assert request(server, "POST", "/api/units", body)[0] == 404


def test_places_are_completed_from_the_gazetteer(server):
    status, answer, _ = request(server, "GET", f"/api/places?q={quote('浏阳')}")
    assert status == 200 and answer["places"] == [{
        "name": "浏阳市", "short": "浏阳", "province": "湖南省", "city": "长沙市", "level": "county_city",
        "level_label": "县级市", "type": "县级市", "where": "湖南省长沙市"}]
    status, answer, _ = request(server, "GET", f"/api/places?q={quote('鼓楼区')}")
    assert [p["where"] for p in answer["places"]] == ["江苏省南京市", "江苏省徐州市", "福建省福州市", "河南省开封市"]
    assert request(server, "GET", f"/api/places?q={quote('x' * 40)}")[1] == {"places": []}


def test_the_unit_defaults_are_those_of_the_profiles_level(server, run):
    answer = request(server, "GET", "/api/profile?name=bishan.yaml")[1]
    printed = run("units", str(PROFILES / "bishan.yaml")).output  # what `drafter units` prints
    line = next(line for line in printed.splitlines() if line.startswith("civil_affairs "))
    assert "默认  区民政局（" in line and answer["defaults"]["civil_affairs"]["name"] == "区民政局"
    data = data_of(server)
    data["jurisdiction"]["level"] = "county_city"  # as the page sends it when 县级市 is chosen
    body = json.dumps({"name": "qinghe.yaml", "data": data}, ensure_ascii=False).encode()
    defaults = request(server, "POST", "/api/preview", body)[1]["defaults"]
    assert (defaults["party_committee"]["name"], defaults["justice"]["name"]) == ("市委", "市司法局")


def test_a_preview_with_a_field_in_error_is_drafted_without_it(server):
    data = data_of(server)
    data["units"]["justice"] = "县司法行政局"
    data["targets"] = {**(data.get("targets") or {}), "normative_doc_review_rate": "很高"}
    body = json.dumps({"name": "qinghe.yaml", "data": data}, ensure_ascii=False).encode()
    status, answer, _ = request(server, "POST", "/api/preview", body)
    assert status == 200 and answer["ok"] is False
    assert [p["field"] for p in answer["problems"]] == ["targets.normative_doc_review_rate"]
    assert answer["omitted"] == ["targets.normative_doc_review_rate"]
    assert "县司法行政局" in answer["html"] and "条措施" in answer["size"]
