"""The web pages in a real headless browser (Debian's chromium driven by Playwright).

Run locally with chromium installed (`apt-get install -y chromium`); without it
these tests are skipped, unless PLACEFACTS_REQUIRE_BROWSER=1 (set by .ci/run),
where a missing browser fails them. Playwright never downloads a browser here.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from kbdata import CHART_FACTS, HOSTILE, SEED, make_kb
from placefacts.serve import create_app

CHROMIUM = os.environ.get("PLACEFACTS_CHROMIUM", "/usr/bin/chromium")
REQUIRED = os.environ.get("PLACEFACTS_REQUIRE_BROWSER") == "1"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def _unavailable() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is missing (apt-get install -y chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is missing (pip install -e '.[test]')"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    reason = _unavailable()
    if reason:
        if REQUIRED:
            pytest.fail(f"browser tests are required here (PLACEFACTS_REQUIRE_BROWSER=1) but {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def base_url(tmp_path_factory) -> Iterator[str]:
    """The real server (uvicorn) on a free loopback port, in a thread."""
    app = create_app(make_kb(tmp_path_factory.mktemp("kb") / "kb.db"))
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)
    sock.close()


@pytest.fixture
def page(browser, base_url) -> Iterator[object]:
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(15000)
    page.requested = []  # every URL the page asked for
    page.dialogs = []  # any alert() would mean article text ran as script
    page.on("request", lambda request: page.requested.append(request.url))
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    assert page.dialogs == []
    assert all(url.startswith(base_url) for url in page.requested), "a page fetched something from elsewhere"
    context.close()


def test_search_open_a_place_and_see_its_evidence(page, base_url):
    page.goto(base_url + "/")
    page.get_by_role("searchbox", name="Search places").fill("testbor")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/search?q=testbor")
    assert "1 place matching" in page.locator("#result-count").inner_text()
    page.get_by_role("link", name="Testborough").click()
    page.wait_for_url("**/places/*")
    assert page.locator("h1").inner_text() == "Testborough"
    assert page.locator("tr.fact").count() == len(CHART_FACTS)
    row = page.locator("tr.fact[data-property=population]").first
    assert row.locator("td.value").inner_text().startswith("12,500")
    mark = row.locator("mark")
    assert mark.is_visible() and mark.inner_text() == "population of 12,500 at the 1991 census"
    assert "The town had a population of 12,500 at the 1991 census." in row.locator("blockquote").inner_text()
    assert "articles/testborough.txt" in row.locator(".source").inner_text()
    # Both charts, drawn on the server, are on the page and have their data points.
    assert page.locator("figure.chart-population svg circle.point").count() == 4
    assert page.locator("figure.chart-climate svg circle.point").count() == 14
    assert page.locator("figure.chart-population svg").bounding_box()["width"] > 200


def test_hostile_article_text_stays_text(page, base_url):
    page.goto(base_url + "/search?q=evilville")
    page.locator("a.place-link").first.click()
    page.wait_for_url("**/places/*")
    assert page.locator("h1").inner_text() == f"Evilville{HOSTILE}"
    assert page.locator("main script, main img").count() == 0
    assert HOSTILE in page.locator("figure.chart-population").inner_text()


@pytest.mark.skipif(not SEED.is_file(), reason="shared/ is not checked out beside the repository")
def test_seed_page_shows_each_fact_with_its_evidence(page, base_url):
    page.goto(base_url + "/search?q=Jezkazgan")
    page.get_by_role("link", name="Jezkazgan").click()
    page.wait_for_url("**/places/*")
    rows = page.locator("tr.fact")
    assert rows.count() > 0
    for i in range(rows.count()):
        mark = rows.nth(i).locator("mark")
        assert mark.count() == 1 and mark.inner_text().strip()


def test_missing_place_and_api_docs(page, base_url):
    response = page.goto(base_url + "/places/999999")
    assert response.status == 404 and "E008" in page.locator("#error").inner_text()
    page.goto(base_url + "/docs")
    assert page.locator("section.endpoint").count() >= 3
    page.get_by_role("link", name="/openapi.json").first.click()
    assert '"openapi"' in page.content()
