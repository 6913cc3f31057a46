"""The query page in headless Chromium: examples, a run, rows, escaping, downloads, timeline, screenshot."""

from __future__ import annotations

import json

import pytest

from server_testlib import ARTIFACTS, BASE

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser(chromium_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium_path), args=ARGS, headless=True)
        yield browser
        browser.close()


def test_query_page_runs_an_example(browser, readonly_server):
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(readonly_server.url + "/")
    page.wait_for_selector("body[data-ready='true']")
    assert page.locator("#examples option").count() == 4  # placeholder + cq01..cq03
    page.select_option("#examples", "cq01")
    assert "Events with their date and place" in page.input_value("#query")
    page.click("#run")
    page.wait_for_selector("#results tbody tr")
    rows = page.locator("#results tbody tr")
    assert rows.count() == 4
    assert page.locator("#status").inner_text().startswith("4 rows")
    # The literal with markup is shown as text, never parsed as HTML.
    assert page.locator("#results tbody").inner_text().count("<script>window.__xss=2</script>Climate summit talks") == 1
    assert page.evaluate("window.__xss") is None
    assert page.locator("#results script, #results img").count() == 0
    # IRIs are links to the Linked Data pages.
    first_link = page.locator("#results tbody tr").first.locator("a").first
    assert first_link.get_attribute("href") == "/id/article/a3/event/e1"
    page.screenshot(path=str(ARTIFACTS / "query-page.png"), full_page=True)

    with page.expect_download() as download_info:
        page.click("#download-csv")
    csv_path = download_info.value.path()
    csv_text = open(csv_path, encoding="utf-8").read()
    assert csv_text.splitlines()[0] == "event,label,date,placeLabel"
    assert len(csv_text.strip().splitlines()) == 5
    with page.expect_download() as download_info:
        page.click("#download-json")
    data = json.loads(open(download_info.value.path(), encoding="utf-8").read())
    assert len(data["results"]["bindings"]) == 4

    page.click("#timeline-all")
    page.wait_for_selector("#timeline svg circle")
    assert page.locator("#timeline svg circle").count() == 4
    items = page.locator("#timeline-list li").all_inner_texts()
    assert [item.split(" ")[0] for item in items] == ["2023-11-20", "2023-11-21", "2024-02-09", "2024-05-01"]
    page.screenshot(path=str(ARTIFACTS / "timeline.png"), full_page=True)

    # Clicking a result goes to its Linked Data page, and from there to the evidence span.
    page.click("#tab-table")
    page.click("a[href='/id/article/a1/event/e1']")
    page.wait_for_selector("h1")
    assert page.locator("h1").inner_text() == "Flooding in Porto Alegre"
    page.click("a[href='/id/article/a1#char=0,42']")
    page.wait_for_selector("section.fragment:target")
    assert "Floods hit Porto Alegre on the first of May" in page.locator("section.fragment:target").inner_text()
    page.screenshot(path=str(ARTIFACTS / "evidence-span.png"), full_page=True)

    # Every request stayed on this server: no CDN.
    assert requests and all(url.startswith(readonly_server.url) for url in requests), requests
    page.close()


def test_query_errors_are_shown_as_text(browser, readonly_server):
    page = browser.new_page()
    page.goto(readonly_server.url + "/")
    page.wait_for_selector("body[data-ready='true']")
    page.fill("#query", "SELECT * WHERE { <b onmouseover=alert(1)> ")
    page.click("#run")
    page.wait_for_selector("#status.error")
    assert page.locator("#status").inner_text().startswith("Error 400")
    page.close()
