"""The dashboard in a real browser: Debian's chromium driven by Playwright, against a real uvicorn.

Run with `pytest -m browser tests/serve/test_browser.py` (needs `apt-get install chromium`; never
`playwright install`). Screenshots are written to artifacts/ for people to look at.
"""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import db_copy
from tests.support.sample import HOSTILE

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(),
        reason=f"{CHROMIUM} missing: `apt-get install -y chromium` (Debian) to run browser tests",
    ),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def db(demo_db, tmp_path_factory) -> str:
    return str(db_copy(demo_db, tmp_path_factory.mktemp("browser") / "demo.db"))


@pytest.fixture(scope="module")
def server(db):
    import uvicorn

    from eventdesk.serve.app import create_app

    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    t = threading.Thread(target=srv.run, daemon=True)
    t.start()
    deadline = time.time() + 20
    while not srv.started:
        if time.time() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/"
    srv.should_exit = True
    t.join(10)


@pytest.fixture(scope="module")
def browser():
    pw = pytest.importorskip("playwright.sync_api")
    with pw.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


REQUESTS: list[str] = []  # every request any page of this module made


@pytest.fixture
def page(browser, server):
    ctx = browser.new_context(viewport={"width": 1600, "height": 1000})
    pg = ctx.new_page()
    pg.dialogs = []  # type: ignore[attr-defined]
    pg.errors = []  # type: ignore[attr-defined]
    pg.on("request", lambda r: REQUESTS.append(r.url))
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.goto(server)
    pg.wait_for_selector("#map[data-total]")
    pg.wait_for_selector("#timeline[data-total] svg, #timeline[data-total] .empty")
    yield pg
    assert pg.dialogs == [], f"a dialog fired: {pg.dialogs}"
    assert pg.errors == [], f"script errors: {pg.errors}"
    ctx.close()


def api(page, path: str):
    return page.evaluate("(p) => fetch(p).then(r => r.json())", path)


def wait_data(page, selector: str, attr: str, value: object) -> None:
    """Wait until an element's data attribute has a value (a function, as the page's CSP forbids eval)."""
    page.wait_for_function(
        "([s, a, v]) => { const e = document.querySelector(s); return !!e && e.dataset[a] === v; }",
        arg=[selector, attr, str(value)],
    )


def shown_on_map(page) -> int:
    """Events the map shows: single markers + the counts written on cluster icons."""
    page.wait_for_timeout(400)  # markercluster animates
    markers = page.locator("path.ed-marker").count()
    clusters = page.eval_on_selector_all(
        ".ed-cluster", "els => els.reduce((a, e) => a + Number(e.dataset.count), 0)"
    )
    return markers + clusters


def test_map_shows_every_located_event(page):
    stats = api(page, "api/stats")
    assert page.get_attribute("#map", "data-total") == str(stats["located_events"])
    assert shown_on_map(page) == stats["located_events"] > 0
    # countries are drawn from the vendored topojson (one path per country, at least 200)
    assert (
        page.locator(".leaflet-overlay-pane path.leaflet-interactive, .leaflet-overlay-pane path").count()
        > 200
    )
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"))


def reveal_marker(page) -> None:
    """Make a single event marker visible: at world zoom every event may sit in a cluster (the demo
    store's events are in a few towns), so click clusters (each zooms the map to its events) until
    one shows single markers; clusters of one town's events stay clusters, hence the loop."""
    n = page.locator(".ed-cluster").count()
    for i in range(n + 1):
        if page.locator("path.ed-marker").count():
            return
        if i == n:
            break
        if i:  # back to the world view, then the next cluster
            page.reload()
            page.wait_for_selector("#map[data-total]")
        page.locator(".ed-cluster").nth(i).click(force=True)
        page.wait_for_timeout(800)  # fitBounds + markercluster animate
    raise AssertionError("no cluster of the map opens into single event markers")


def test_click_event_opens_card_with_evidence(page):
    reveal_marker(page)
    page.locator("path.ed-marker").first.click(force=True)
    page.wait_for_selector("#detail:not(.hidden) .facts")
    ev_id = page.get_attribute("#detail", "data-id")
    card = api(page, f"api/events/{ev_id}")
    sentence = card["event"]["evidence"]["sentence"]
    assert page.locator("#detail mark.evidence-mark").inner_text() == sentence
    assert page.locator("#detail blockquote.evidence").inner_text() == sentence
    assert page.locator("#detail .facts").inner_text().count("precision") >= 1
    # back, then open one from the list
    page.click("#detail .back")
    item = page.locator("#event-list li").first
    item.click()
    page.wait_for_selector("#detail:not(.hidden) mark.evidence-mark")
    assert page.get_attribute("#detail", "data-id") == item.get_attribute("data-id")
    page.screenshot(path=str(ARTIFACTS / "event-card.png"))


def test_type_filter_changes_map_and_timeline(page):
    before_map = int(page.get_attribute("#map", "data-total"))
    before_tl = int(page.get_attribute("#timeline", "data-total"))
    want_map = api(page, "api/map?type=ASSAULT")["total"]
    want_tl = api(page, "api/timeline?type=ASSAULT")["total"]
    assert 0 < want_map < before_map and 0 < want_tl < before_tl
    page.click("#f-types .chip[data-type=ASSAULT]")
    wait_data(page, "#map", "total", want_map)
    wait_data(page, "#timeline", "total", want_tl)
    assert shown_on_map(page) == want_map
    assert "type=ASSAULT" in page.url  # the view is in the URL
    assert page.locator("#events-total").inner_text().replace(",", "") == str(
        api(page, "api/events?type=ASSAULT")["total"]
    )
    page.click("#f-types .chip[data-type=ASSAULT]")
    wait_data(page, "#map", "total", before_map)


def test_actor_and_text_filters_drive_every_view(page):
    # each view refreshes on its own fetch, so wait for each one rather than for the first
    page.fill("#f-text", "convoy")
    page.wait_for_function("() => location.hash === '#text=convoy'")
    want = api(page, "api/events?text=convoy")["total"]
    page.wait_for_function("(v) => document.querySelector('#events-total').textContent === v", arg=str(want))
    wait_data(page, "#timeline", "total", api(page, "api/timeline?text=convoy")["total"])
    wait_data(page, "#map", "total", api(page, "api/map?text=convoy")["total"])
    page.fill("#f-text", "")
    actor = api(page, "api/events?limit=1")["events"][0]["actors"][0]["name"].split()[0]
    page.fill("#f-actor", actor)
    q = f"actor={actor}"
    assert 0 < api(page, f"api/events?{q}")["total"] < api(page, "api/events")["total"]
    # inputs are debounced: wait until the filter is in the URL, then for every view
    page.wait_for_function("(q) => location.hash === '#' + q", arg=q)
    want = api(page, f"api/events?{q}")["total"]
    page.wait_for_function("(v) => document.querySelector('#events-total').textContent === v", arg=str(want))
    wait_data(page, "#timeline", "total", api(page, f"api/timeline?{q}")["total"])
    wait_data(page, "#map", "total", api(page, f"api/map?{q}")["total"])


def test_hostile_article_is_shown_as_text(page):
    hostile = api(page, "api/events?text=convoy")["events"]
    ev = next(e for e in hostile if HOSTILE[0] in e["actors"][0]["name"])
    page.evaluate("(id) => window.eventdesk.openEvent(id)", ev["id"])
    page.wait_for_selector("#detail:not(.hidden) .facts")
    text = page.locator("#detail").inner_text()
    assert HOSTILE[0] in text and HOSTILE[1] in text
    assert page.locator("#detail mark.evidence-mark").inner_text() == ev["evidence"]["sentence"]
    # search -> article view
    page.fill("#search-q", "convoy attacked")
    page.press("#search-q", "Enter")
    page.wait_for_selector("#search-list li[data-id]")
    assert HOSTILE[0] in page.locator("#search-list").inner_text()
    page.locator("#search-list li[data-id]").first.click()
    page.wait_for_selector("#detail[data-kind=article]")
    body = page.locator("#detail").inner_text()
    assert HOSTILE[0] in body and HOSTILE[1] in body
    # nothing was parsed as markup: no injected element exists, no link to javascript:
    assert page.locator("img[src=x]").count() == 0
    assert page.locator("#detail script, #search-list script, #event-list script").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    page.wait_for_timeout(300)  # give any handler a chance to fire (the fixture asserts no dialog)
    page.screenshot(path=str(ARTIFACTS / "hostile-article.png"))


def test_docs_work_offline(browser, server):
    ctx = browser.new_context()
    pg = ctx.new_page()
    pg.on("request", lambda r: REQUESTS.append(r.url))
    pg.goto(server + "docs")
    pg.wait_for_selector(".opblock", timeout=15000)
    assert pg.locator(".opblock").count() >= 8
    ctx.close()


def test_no_request_left_localhost():
    # runs last in this module: every page above has been recorded
    assert REQUESTS, "no request recorded"
    outside = [
        u
        for u in REQUESTS
        if urlsplit(u).scheme not in ("data", "blob") and urlsplit(u).hostname != "127.0.0.1"
    ]
    assert outside == []
