"""`pecheck serve` as a real server on loopback: a headless Debian chromium driven by Playwright (never a
downloaded browser), and 20 simultaneous uploads.  Both slow."""

from __future__ import annotations

import base64
import importlib.util
import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")
pytest.importorskip("multipart")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FAULTS = SAMPLES / "culture-2022-faults.pdf"
HOSTILE = "<img src=x onerror=window.__pwned=1>.pdf"  # quotes would be %-encoded by the browser


def _bench():
    spec = importlib.util.spec_from_file_location("bench_serve", ROOT / "bench" / "bench_serve.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture
def server(tmp_path):
    bench = _bench()
    proc, url = bench.start_server(tmp_path / "data", jobs=2)
    yield url
    bench.stop_server(proc)


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")
def test_browser_upload_review_confirm_reload_export(server, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    shots = Path(os.environ.get("PECHECK_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                     args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                           "--no-first-run"])
        try:
            page = browser.new_page(viewport={"width": 1440, "height": 1000}, accept_downloads=True)
            outside = []
            page.on("request", lambda r: outside.append(r.url) if not r.url.startswith((server, "data:")) else None)
            page.goto(server + "/")
            # upload through the file picker …
            page.set_input_files("#file", str(FAULTS))
            # … and drop a second file whose name is hostile markup
            data = base64.b64encode((SAMPLES / "culture-2022.pdf").read_bytes()).decode()
            dt = page.evaluate_handle("""([name, b64]) => {
                const bin = atob(b64), arr = new Uint8Array(bin.length);
                for (let i = 0; i < bin.length; i++) arr[i] = bin.charCodeAt(i);
                const dt = new DataTransfer();
                dt.items.add(new File([arr], name, {type: "application/pdf"}));
                return dt; }""", [HOSTILE, data])
            page.dispatch_event("#drop", "drop", {"dataTransfer": dt})
            page.wait_for_function("() => document.querySelectorAll('#reports tr[data-status=done]').length == 2",
                                   timeout=180_000)
            assert page.locator("#reports td.name", has_text=HOSTILE).count() == 1  # shown as text
            assert page.evaluate("() => window.__pwned") is None
            page.screenshot(path=str(shots / "serve-list.png"), full_page=True)

            page.click(f"#reports td.name a:text-is('{FAULTS.name}')")
            page.wait_for_selector(".finding")
            rid = page.evaluate("() => location.hash").split("/")[-1]
            api = json.loads(page.evaluate(f"() => fetch('/api/reports/{rid}').then(r => r.text())"))
            n = len(api["report"]["findings"])
            assert page.locator(".finding").count() == n
            assert page.locator(".page img").count() == len(api["pages"])
            assert page.locator(".box").count() >= 1
            first = page.locator(".finding").first
            assert first.locator(".msg").inner_text() == api["report"]["findings"][0]["message"]

            # confirm one with a note, see it, reload, still confirmed
            first.locator("input[type=text]").fill("请更正合计")
            first.locator("button.confirm").click()
            page.wait_for_selector("#f1[data-dec=confirmed]")
            assert "已确认 1" in page.inner_text("#dcounts")
            page.reload()
            page.wait_for_selector(".finding")
            assert page.get_attribute("#f1", "data-dec") == "confirmed"
            assert page.input_value("#f1 input[type=text]") == "请更正合计"

            # filters: only the errors
            page.uncheck(".f-sev[value=warning]")
            page.uncheck(".f-sev[value=info]")
            errors = sum(f["severity"] == "error" for f in api["report"]["findings"])
            assert page.locator(".finding:not(.hidden)").count() == errors

            # clicking a finding highlights its box on the page
            page.check(".f-sev[value=warning]")
            page.check(".f-sev[value=info]")
            page.locator(".finding").nth(1).click()
            page.wait_for_selector(".box.active")
            page.wait_for_timeout(800)  # the smooth scroll
            page.screenshot(path=str(shots / "serve-report.png"))

            # the Excel summary
            page.goto(server + "/")
            with page.expect_download() as dl:
                page.click("#export-all")
            from openpyxl import load_workbook

            assert dl.value.suggested_filename.endswith(".xlsx")
            dl.value.save_as(tmp_path / "summary.xlsx")
            wb = load_workbook(tmp_path / "summary.xlsx")
            head = [c.value for c in wb["报告汇总"][1]]
            rows = {r[0]: r for r in wb["报告汇总"].iter_rows(min_row=2, values_only=True)}
            assert rows[FAULTS.name][head.index("已确认")] == 1
            assert HOSTILE in rows
            assert not outside, outside  # nothing fetched from anywhere else
        finally:
            browser.close()


@pytest.mark.slow
def test_twenty_simultaneous_uploads(tmp_path, capsys):
    from checker.config import Config
    from checker.runner import check_file

    got = _bench().run_load(20, jobs=2, data=tmp_path / "data")
    assert not got["errors"] and not got["unfinished"]
    assert len(got["reports"]) == 20
    want = {}
    for name, src, view in got["reports"]:
        if src not in want:
            want[src] = [f.to_dict() for f in check_file(src, Config()).findings]
        assert view["status"] == "done" and view["name"] == name, name
        fs = view["report"]["findings"]
        assert len(fs) == len(want[src]) and [{k: f[k] for k in w} for f, w in zip(fs, want[src])] == want[src], name
    assert len({v["id"] for _, _, v in got["reports"]}) == 20
    with capsys.disabled():
        print(f"\n20 simultaneous uploads: accepted in {got['upload_seconds']:.1f} s, "
              f"all checked in {got['seconds']:.1f} s")
