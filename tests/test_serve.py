"""`pecheck serve` through the ASGI test client: upload, queue, findings, decisions, versions, exports
and the safety rules (limits, sniffing, names, CSRF, token, busy, bind address)."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES

pytest.importorskip("fastapi")
pytest.importorskip("multipart")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402

from checker.serve import check_bind, is_loopback  # noqa: E402
from checker.serve.app import CSRF_COOKIE, create_app  # noqa: E402
from checker.serve.worker import Settings  # noqa: E402

FAULTS = SAMPLES / "culture-2022-faults.pdf"  # 10 findings; its clean version keeps one of them
CLEAN = SAMPLES / "culture-2022.pdf"
DOCX = SAMPLES / "culture-2022-faults.docx"


def _settings(**kw) -> Settings:
    return Settings(jobs=2, timeout=120, **kw)


def wait(client, rid: str, limit: float = 180.0) -> dict:
    t0 = time.monotonic()
    while time.monotonic() - t0 < limit:
        got = client.get(f"/api/reports/{rid}").json()
        if got["status"] in ("done", "failed"):
            return got
        time.sleep(0.2)
    raise AssertionError(f"report {rid} not finished after {limit} s")


def post(client, path: Path | None = None, name: str | None = None, data: bytes | None = None, **extra):
    body = data if data is not None else path.read_bytes()
    return client.post("/api/reports", files={"file": (name or path.name, body, "application/octet-stream")},
                       data=extra or None)


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    data = tmp_path_factory.mktemp("desk")
    with TestClient(create_app(data, settings=_settings())) as client:
        client.data_dir = data
        yield client


@pytest.fixture(scope="module")
def checked(desk):
    """The faults sample, uploaded once and checked."""
    r = post(desk, FAULTS)
    assert r.status_code == 202, r.text
    assert set(r.json()) >= {"id", "status"} and r.json()["status"] == "queued"
    return wait(desk, r.json()["id"])


def test_upload_poll_and_findings_equal_the_cli(checked):
    assert checked["status"] == "done" and checked["error"] is None
    cli = subprocess.run([sys.executable, "-m", "checker.cli", str(FAULTS), "--format", "json"], cwd=ROOT,
                         capture_output=True, text=True, timeout=180)
    want = json.loads(cli.stdout)["reports"][0]["findings"]
    got = checked["report"]["findings"]
    assert want, "the sample has findings"
    assert [{k: g[k] for k in w} for g, w in zip(got, want)] == want and len(got) == len(want)
    for f in got:  # the API's additions
        assert f["id"] and f["fingerprint"] and f["decision"] == "open"
    assert checked["report"]["file"] == FAULTS.name  # the client's name, not the storage path
    assert checked["counts"]["error"] == sum(f["severity"] == "error" for f in want)
    assert checked["pages"], "pages with findings are rendered"


def test_report_list_and_page_pictures(desk, checked):
    lst = desk.get("/api/reports").json()["reports"]
    assert any(r["id"] == checked["id"] and r["status"] == "done" for r in lst)
    assert all("report" not in r for r in lst)  # the list is light
    n = next(iter(checked["pages"]))
    pic = desk.get(f"/api/reports/{checked['id']}/pages/{n}")
    assert pic.status_code == 200 and pic.content[:8] == b"\x89PNG\r\n\x1a\n"
    fid = next(iter(checked["crops"]))
    crop = desk.get(f"/api/reports/{checked['id']}/evidence/{fid}")
    assert crop.status_code == 200 and crop.content[:4] == b"\x89PNG"
    assert desk.get("/api/reports/0123456789abcdef").status_code == 404
    assert desk.get("/api/reports/..%2F..%2Fetc").status_code == 404


def test_decision_round_trip(desk, checked):
    rid = checked["id"]
    fid = checked["report"]["findings"][0]["id"]
    url = f"/api/reports/{rid}/findings/{fid}/decision"
    r = desk.post(url, json={"decision": "confirmed", "note": "请改正 <b>合计</b>"})
    assert r.status_code == 200, r.text
    assert r.json()["decision"] == "confirmed" and r.json()["decisions"]["confirmed"] == 1
    f = desk.get(f"/api/reports/{rid}").json()["report"]["findings"][0]
    assert (f["decision"], f["note"]) == ("confirmed", "请改正 <b>合计</b>")
    assert desk.post(url, json={"decision": "maybe"}).status_code == 400
    assert desk.post(f"/api/reports/{rid}/findings/999/decision", json={"decision": "open"}).status_code == 404
    second = checked["report"]["findings"][1]
    r = desk.post(f"/api/reports/{rid}/findings/{second['fingerprint']}/decision", json={"decision": "rejected"})
    assert r.status_code == 200 and r.json()["id"] == second["id"]  # a fingerprint names a finding too
    desk.post(f"/api/reports/{rid}/findings/{second['id']}/decision", json={"decision": "open"})


def test_exports(desk, checked):
    rid = checked["id"]
    fid = checked["report"]["findings"][0]["id"]
    desk.post(f"/api/reports/{rid}/findings/{fid}/decision", json={"decision": "confirmed", "note": "核实"})
    from openpyxl import load_workbook

    r = desk.get("/api/export/xlsx")
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    wb = load_workbook(io.BytesIO(r.content))
    head = [c.value for c in wb["报告汇总"][1]]
    row = next(row for row in wb["报告汇总"].iter_rows(min_row=2, values_only=True) if row[0] == FAULTS.name)
    assert row[head.index("已确认")] == 1 and row[head.index("待定")] == len(checked["report"]["findings"]) - 1
    details = list(wb["问题明细"].iter_rows(min_row=2, values_only=True))
    assert any(d[0] == FAULTS.name and d[10] == "已确认" and d[11] == "核实" for d in details)

    pdf = desk.get(f"/api/reports/{rid}/export/pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    from pypdf import PdfReader

    annots = [a.get_object() for p in PdfReader(io.BytesIO(pdf.content)).pages for a in p.get("/Annots") or []]
    assert len(annots) == len([loc for loc in checked["report"]["findings"][0]["locations"] if loc.get("bbox")])

    letter = desk.get(f"/api/reports/{rid}/export/letter")
    assert letter.status_code == 200
    from docx import Document

    doc = Document(io.BytesIO(letter.content))
    text = "\n".join(p.text for p in doc.paragraphs) + "\n".join(c.text for t in doc.tables for r in t.rows
                                                                   for c in r.cells)
    assert "退回意见" in text and checked["report"]["findings"][0]["message"] in text and "共 1 项问题" in text
    assert desk.get(f"/api/reports/{rid}/export/docx").status_code in (409, 501)  # a PDF report
    assert desk.get(f"/api/reports/{rid}/export/zip").status_code == 404


def test_new_version_shows_fixed_still_open_new_and_keeps_decisions(desk, checked):
    rid = checked["id"]
    v1 = desk.get(f"/api/reports/{rid}").json()
    r = post(desk, CLEAN, previous=rid)
    assert r.status_code == 202 and r.json()["reports"][0]["version"] == 2
    v2 = wait(desk, r.json()["id"])
    assert v2["previous"] == rid and v2["root"] == v1["root"]
    cmp = v2["compare"]
    assert cmp["fixed"] + cmp["still_open"] == len(v1["report"]["findings"])
    assert cmp["still_open"] + cmp["new"] == len(v2["report"]["findings"])
    assert cmp["fixed"] > 0 and len(cmp["fixed_findings"]) == cmp["fixed"]
    kept = {f["fingerprint"] for f in v2["report"]["findings"] if f["change"] == "still_open"}
    assert kept
    fp = next(iter(kept))
    old = next(f for f in v1["report"]["findings"] if f["fingerprint"] == fp)
    desk.post(f"/api/reports/{rid}/findings/{old['id']}/decision", json={"decision": "rejected", "note": "已说明"})
    f2 = next(f for f in desk.get(f"/api/reports/{v2['id']}").json()["report"]["findings"] if f["fingerprint"] == fp)
    assert (f2["decision"], f2["note"], f2["decided_on"]) == ("rejected", "已说明", rid)
    # deciding on the new version leaves the old version's record alone
    desk.post(f"/api/reports/{v2['id']}/findings/{f2['id']}/decision", json={"decision": "confirmed"})
    f1 = next(f for f in desk.get(f"/api/reports/{rid}").json()["report"]["findings"] if f["fingerprint"] == fp)
    assert f1["decision"] == "rejected"
    assert post(desk, CLEAN, previous="0123456789abcdef").status_code == 404


def test_restart_keeps_reports_and_decisions(tmp_path):
    with TestClient(create_app(tmp_path, settings=_settings())) as c1:
        rid = post(c1, FAULTS).json()["id"]
        rep = wait(c1, rid)
        fid = rep["report"]["findings"][2]["id"]
        assert c1.post(f"/api/reports/{rid}/findings/{fid}/decision",
                       json={"decision": "confirmed", "note": "重启后仍在"}).status_code == 200
    with TestClient(create_app(tmp_path, settings=_settings())) as c2:  # a new app on the same data dir
        again = c2.get(f"/api/reports/{rid}").json()
        assert again["status"] == "done"
        f = next(f for f in again["report"]["findings"] if f["id"] == fid)
        assert (f["decision"], f["note"]) == ("confirmed", "重启后仍在")
        assert again["report"]["findings"] == [
            {**g, "decision": again["report"]["findings"][i]["decision"],
             "note": again["report"]["findings"][i]["note"]} for i, g in enumerate(rep["report"]["findings"])]


def test_interrupted_check_is_queued_again(tmp_path):
    from checker.serve.store import Store

    with TestClient(create_app(tmp_path, start_worker=False)) as c:
        rid = post(c, FAULTS).json()["id"]
    s = Store(tmp_path)
    assert s.claim_next()["id"] == rid  # "running" when the server died
    s.close()
    with TestClient(create_app(tmp_path, settings=_settings())) as c:
        assert wait(c, rid)["status"] == "done"


def test_too_large_is_413(tmp_path):
    with TestClient(create_app(tmp_path, limit=4096, start_worker=False)) as c:
        r = post(c, name="big.pdf", data=b"%PDF-1.7\n" + b"0" * 5000)
        assert r.status_code == 413 and "上限" in r.json()["error"]
        big = post(c, name="huge.pdf", data=b"%PDF-1.7\n" + b"0" * 3 * 1024 * 1024)  # cut off by the body cap
        assert big.status_code == 413
        assert not list((tmp_path / "files").iterdir())


def test_unsupported_type_is_415_whatever_the_name(tmp_path):
    with TestClient(create_app(tmp_path, start_worker=False)) as c:
        r = post(c, name="report.pdf", data=b"just text, not a PDF\n" * 10)
        assert r.status_code == 415 and "不支持" in r.json()["error"]
        z = io.BytesIO()
        with zipfile.ZipFile(z, "w") as zf:
            zf.writestr("notes.txt", "nothing to check")
        assert post(c, name="bundle.zip", data=z.getvalue()).status_code == 415
        # sniffed by content: a DOCX named .pdf is taken as the DOCX it is
        r = post(c, DOCX, name="named-wrong.pdf")
        assert r.status_code == 202 and c.get(f"/api/reports/{r.json()['id']}").json()["kind"] == "docx"
        assert c.post("/api/reports", data={"x": "1"}).status_code == 400


def test_zip_of_reports(tmp_path):
    z = io.BytesIO()
    with zipfile.ZipFile(z, "w") as zf:
        zf.write(FAULTS, "2022/报告一.pdf")
        zf.write(DOCX, "../../outside/报告二.docx")
        zf.writestr("readme.txt", "skip me")
    with TestClient(create_app(tmp_path, start_worker=False)) as c:
        r = post(c, name="批量.zip", data=z.getvalue())
        assert r.status_code == 202, r.text
        got = r.json()
        assert [x["name"] for x in got["reports"]] == ["报告一.pdf", "报告二.docx"]
        assert got["skipped"] == ["readme.txt"]
    assert not (tmp_path.parent / "outside").exists()


def test_path_traversal_file_name_is_only_a_label(tmp_path):
    data = tmp_path / "data"
    with TestClient(create_app(data, start_worker=False)) as c:
        r = post(c, FAULTS, name="../../../escaped.pdf")
        assert r.status_code == 202
        rep = c.get(f"/api/reports/{r.json()['id']}").json()
        assert rep["name"] == "escaped.pdf"
        r2 = post(c, FAULTS, name="..\\..\\win\\evil\r\n.pdf")
        name2 = c.get(f"/api/reports/{r2.json()['id']}").json()["name"]
        assert name2.startswith("evil") and not set(name2) & set("/\\\r\n")
    assert not (tmp_path / "escaped.pdf").exists() and not list(tmp_path.rglob("escaped.pdf"))
    stored = sorted(p.name for p in (data / "files").iterdir())
    assert stored == sorted(f"{x}.pdf" for x in (r.json()["id"], r2.json()["id"]))


def test_csrf_refused_for_the_browser_not_for_api_clients(tmp_path):
    with TestClient(create_app(tmp_path, start_worker=False)) as c:
        page = c.get("/")
        token = re.search(r'name="csrf-token" content="([^"]+)"', page.text).group(1)
        assert c.cookies.get(CSRF_COOKIE) == token
        # the browser (it holds the cookie): no header, a wrong header, or another origin → 403
        assert post(c, FAULTS).status_code == 403
        assert c.post("/api/reports", files={"file": ("a.pdf", FAULTS.read_bytes())},
                      headers={"X-CSRF-Token": "forged"}).status_code == 403
        r = c.post("/api/reports", files={"file": ("a.pdf", FAULTS.read_bytes())},
                   headers={"X-CSRF-Token": token, "Origin": "http://evil.example"})
        assert r.status_code == 403 and "CSRF" in r.json()["error"]
        ok = c.post("/api/reports", files={"file": ("a.pdf", FAULTS.read_bytes())},
                    headers={"X-CSRF-Token": token, "Origin": "http://testserver"})
        assert ok.status_code == 202
        # a cross-site form post carries no cookie (SameSite) but an Origin: still refused
        c.cookies.clear()
        r = c.post("/api/reports", files={"file": ("a.pdf", FAULTS.read_bytes())},
                   headers={"Origin": "http://evil.example"})
        assert r.status_code == 403
        # an API client: no cookie, no Origin → not asked for a CSRF token
        assert post(c, FAULTS).status_code == 202


def test_token_required_when_set(tmp_path):
    with TestClient(create_app(tmp_path, token="s3cret-token", start_worker=False)) as c:
        assert c.get("/api/reports").status_code == 401
        assert c.get("/", follow_redirects=False).headers["location"] == "/login"
        assert c.get("/api/reports", headers={"Authorization": "Bearer wrong"}).status_code == 401
        auth = {"Authorization": "Bearer s3cret-token"}
        assert c.get("/api/reports", headers=auth).status_code == 200
        assert c.post("/api/reports", headers=auth, files={"file": ("a.pdf", FAULTS.read_bytes())}).status_code == 202
        assert c.post("/login", data={"token": "nope"}).status_code == 401
        assert c.post("/login", data={"token": "s3cret-token"}, follow_redirects=False).status_code == 303
        assert c.get("/api/reports").status_code == 200  # the session cookie


def test_busy_when_the_queue_is_full(tmp_path):
    with TestClient(create_app(tmp_path, queue_size=2, start_worker=False)) as c:
        assert post(c, FAULTS).status_code == 202
        assert post(c, FAULTS).status_code == 202
        r = post(c, FAULTS)
        assert r.status_code == 503 and r.headers["retry-after"] and "繁忙" in r.json()["error"]


def test_a_crashing_check_fails_alone(tmp_path, monkeypatch):
    from checker.serve import store as store_mod

    ids = iter(["c0ffee0000000001", "c0ffee0000000002", "c0ffee0000000003", "c0ffee0000000004"])
    monkeypatch.setattr(store_mod, "new_id", lambda: next(ids))
    import checker.serve.app as app_mod

    monkeypatch.setattr(app_mod, "new_id", store_mod.new_id)
    monkeypatch.setenv("PECHECK_TEST_HOOK", "c0ffee0000000002.pdf=crash")
    with TestClient(create_app(tmp_path, settings=_settings())) as c:
        bad = post(c, FAULTS).json()["id"]  # batch id takes c0ffee…01, the report …02
        assert bad == "c0ffee0000000002"
        got = wait(c, bad)
        assert got["status"] == "failed" and "异常退出" in got["error"] and "\n" not in got["error"]
        good = post(c, FAULTS).json()["id"]
        assert wait(c, good)["status"] == "done"


def test_unreadable_file_fails_with_its_reason(desk):
    r = post(desk, name="broken.pdf", data=b"%PDF-1.7\n%broken\n" + os.urandom(2000))
    assert r.status_code == 202
    got = wait(desk, r.json()["id"])
    assert got["status"] == "failed" and got["error"] and "broken.pdf" in got["error"]
    assert str(desk.data_dir) not in got["error"]  # the storage path stays private


def test_page_headers_and_offline_assets(desk):
    page = desk.get("/")
    csp = page.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp
    static = ROOT / "checker" / "serve" / "static"
    for f in static.iterdir():
        text = f.read_text(encoding="utf-8")
        assert not re.search(r"(?:src|href)\s*=\s*[\"']?(?:https?:)?//", text), f.name  # nothing from elsewhere
        assert "@import" not in text and "url(http" not in text
    assert desk.get("/static/app.js").status_code == 200
    assert desk.get("/docs").status_code == 404  # Swagger UI would load from a CDN
    assert "/api/reports" in desk.get("/api/openapi.json").json()["paths"]


def test_bind_address_rules(tmp_path):
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5") and not is_loopback("example.org")
    check_bind("127.0.0.1", None)
    check_bind("0.0.0.0", "tok")
    env = {k: v for k, v in os.environ.items() if k != "PECHECK_TOKEN"}
    got = subprocess.run([sys.executable, "-m", "checker.cli", "serve", "--host", "0.0.0.0", "--port", "8799",
                          "--data", str(tmp_path)], cwd=ROOT, capture_output=True, text=True, timeout=60, env=env)
    assert got.returncode == 2
    assert "--token" in got.stderr and "PECHECK_TOKEN" in got.stderr and len(got.stderr.strip().splitlines()) == 1
    assert "Traceback" not in got.stderr


def test_loopback_desk_answers_only_loopback_host_names(tmp_path):
    from checker.serve import loopback_hosts

    app = create_app(tmp_path, allowed_hosts=loopback_hosts("127.0.0.1", 8765), start_worker=False)
    with TestClient(app, base_url="http://127.0.0.1:8765") as c:
        assert c.get("/api/reports").status_code == 200
        assert c.get("/api/reports", headers={"Host": "localhost:8765"}).status_code == 200
        assert c.get("/api/reports", headers={"Host": "rebound.example:8765"}).status_code == 400  # DNS rebinding


def test_commented_docx_holds_only_confirmed_findings(desk):
    from checker.serve.exports import docx_annotator

    if docx_annotator() is None:
        pytest.skip("the DOCX comments writer (issue 15) is not installed")
    desk.cookies.clear()  # an earlier page view left the browser's CSRF cookie; this is an API client
    got = wait(desk, post(desk, DOCX).json()["id"])
    assert got["status"] == "done" and len(got["report"]["findings"]) > 1
    assert desk.get(f"/api/reports/{got['id']}/export/docx").status_code == 409  # nothing confirmed yet
    f = got["report"]["findings"][0]
    desk.post(f"/api/reports/{got['id']}/findings/{f['id']}/decision", json={"decision": "confirmed"})
    r = desk.get(f"/api/reports/{got['id']}/export/docx")
    assert r.status_code == 200, r.text
    from docx import Document

    comments = list(Document(io.BytesIO(r.content)).comments)
    assert len(comments) == 1 and f["message"] in comments[0].text
    assert desk.get(f"/api/reports/{got['id']}/export/pdf").status_code == 409  # a DOCX report


def test_a_taken_port_is_one_line_and_exit_2(tmp_path):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        got = subprocess.run([sys.executable, "-m", "checker.cli", "serve", "--port", str(port), "--data",
                              str(tmp_path)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert got.returncode == 2 and len(got.stderr.strip().splitlines()) == 1 and str(port) in got.stderr


def test_a_decision_follows_the_fingerprint_from_pdf_to_docx(desk, checked):
    desk.cookies.clear()  # an API client
    rid = checked["id"]
    first = checked["report"]["findings"][0]
    assert not first["fingerprint"].startswith("fb-")  # the checker's own fingerprint
    desk.post(f"/api/reports/{rid}/findings/{first['id']}/decision", json={"decision": "confirmed", "note": "同"})
    got = wait(desk, post(desk, DOCX, previous=rid).json()["id"])
    same = [f for f in got["report"]["findings"] if f["fingerprint"] == first["fingerprint"]]
    assert same and same[0]["decision"] == "confirmed" and same[0]["decided_on"] == rid
    assert got["compare"]["still_open"] >= 1
