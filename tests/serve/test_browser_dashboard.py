"""The dashboard's reading aids in a real browser (issue 14 point 7, issue 11 point 3): a legible
actor network, a cluster click that filters the list, the list's order, "claimed by X", month and
year dates as spans, place names on the map, a 420 px layout, every mention highlighted.

Same set-up as tests/serve/test_browser.py (Debian's chromium through Playwright, a real uvicorn).
"""

from __future__ import annotations

import threading
import time

import pytest

from eventdesk.records import Actor, Article, Event, Evidence, Mention, Place
from tests.serve import test_browser as tb

# the fixtures and helpers of tests/serve/test_browser.py (one server, one browser per module)
db, server, browser, page = tb.db, tb.server, tb.browser, tb.page
api, wait_data, free_port, ARTIFACTS = tb.api, tb.wait_data, tb.free_port, tb.ARTIFACTS
pytestmark = tb.pytestmark


def events_total(page) -> int:
    return int(page.locator("#events-total").inner_text().replace(",", ""))


def test_network_shows_the_strongest_actors_with_labels_apart(page):
    page.wait_for_selector("#network g.node")
    top = int(page.input_value("#net-top"))
    full = api(page, "api/network?limit=200")
    assert len(full["nodes"]) > 4, "the demo store has enough actors to choose from"
    want = api(page, f"api/network?limit=200&top={top}")
    wait_data(page, "#network", "actors", len(want["nodes"]))
    assert len(want["nodes"]) <= top
    # the N actors with most events in the whole network (those left with no link among them drop out)
    assert {n["id"] for n in want["nodes"]} <= {n["id"] for n in full["nodes"][:top]}
    boxes = page.eval_on_selector_all(
        "#network text.shown",
        "els => els.map(e => { const b = e.getBBox(); return [b.x, b.y, b.x + b.width, b.y + b.height, e.textContent]; })",
    )
    assert len(boxes) >= min(4, len(want["nodes"]))  # the busiest actors are named
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            overlap = a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
            assert not overlap, f"labels overlap: {a[4]!r} and {b[4]!r}"
    # the slider sets N
    page.fill("#net-top", "4")
    page.dispatch_event("#net-top", "input")
    small = api(page, "api/network?limit=200&top=4")
    wait_data(page, "#network", "actors", len(small["nodes"]))
    assert page.locator("#network g.node").count() == len(small["nodes"]) <= 4
    page.screenshot(path=str(ARTIFACTS / "network.png"))


def test_cluster_click_filters_the_list(page):
    total = events_total(page)
    page.wait_for_selector(".ed-cluster")
    cluster = page.locator(".ed-cluster").first
    n = int(cluster.get_attribute("data-count"))
    cluster.click(force=True)
    page.wait_for_function("() => location.hash.includes('area=')")
    assert page.locator("#area-chip").is_visible()
    area = page.evaluate("() => new URLSearchParams(location.hash.slice(1)).get('area')")
    want = api(page, f"api/events?area={area}")["total"]
    page.wait_for_function("(v) => document.querySelector('#events-total').textContent === v", arg=str(want))
    assert n <= want < total  # the cluster's events (and any other event at those places)
    w, s, e, nn = (float(x) for x in area.split(","))
    listed = api(page, f"api/events?area={area}&limit=100")["events"]
    assert all(w <= ev["location"]["lon"] <= e and s <= ev["location"]["lat"] <= nn for ev in listed)
    page.click("#area-clear")
    page.wait_for_function("(v) => document.querySelector('#events-total').textContent === v", arg=str(total))


def test_list_is_sorted_by_date_then_confidence(page):
    page.wait_for_selector("#event-list li[data-id]")
    ids = page.eval_on_selector_all("#event-list li[data-id]", "els => els.map(e => e.dataset.id)")
    evs = [api(page, f"api/events/{i}")["event"] for i in ids[:30]]
    keys = [(e["date"] or "", e["confidence"]) for e in evs]
    assert keys == sorted(keys, reverse=True), keys
    dated = [e for e in evs if e["date"]]
    assert dated and evs[0]["confidence"] >= min(e["confidence"] for e in evs if e["date"] == evs[0]["date"])


def test_claimed_event_says_who_claims_it(page):
    claimed = [e for e in api(page, "api/events?modality=claimed&limit=200")["events"] if e.get("claimed_by")]
    assert claimed, "the examples have claims attributed to a party (the RSF said ...)"
    ev = claimed[0]
    page.evaluate("(id) => window.eventdesk.openEvent(id)", ev["id"])
    page.wait_for_selector("#detail:not(.hidden) .facts")
    assert f"claimed by {ev['claimed_by']['name']}" in page.locator("#detail .facts").inner_text()
    page.click("#detail .back")
    page.click("#f-modality .chip[data-modality=claimed]")
    page.wait_for_function("() => location.hash.includes('modality=claimed')")
    page.wait_for_selector("#event-list .badge.claimed")
    badges = page.locator("#event-list .badge.claimed").all_inner_texts()
    assert any(b.startswith("claimed by ") for b in badges)


def test_month_and_year_dates_are_spans(page):
    data = api(page, "api/timeline?interval=auto")
    spans = data["spans"]
    assert spans, "the examples have events dated only to a month or a year"
    for s in spans:
        assert s["start"] < s["end"] and s["start"].startswith(s["date"]) and s["end"].startswith(s["date"])
    assert data["total"] == sum(r["count"] for r in data["series"]) + sum(s["count"] for s in spans)
    wait_data(page, "#timeline", "spans", len(spans))
    page.wait_for_selector("#timeline svg")
    # one rect per span, as wide as its period: a year span is about 12 times a month span
    widths = page.eval_on_selector_all(
        "#timeline svg g.mark-rect path",
        "els => els.filter(e => e.getAttribute('fill') === '#7a869e').map(e => e.getBBox().width)",
    )
    assert len(widths) == len(spans)
    by = {s["precision"]: w for s, w in zip(spans, widths, strict=True)}
    if "year" in by and "month" in by:
        assert by["year"] > 8 * by["month"]
    assert min(widths) > 3


def test_map_names_countries_and_cities(page):
    page.wait_for_selector("#map[data-labels]")
    # the first map data fits the view to the events once: set our view after it, or it is undone
    page.wait_for_selector("#map[data-total]")
    page.evaluate("() => window.eventdesk.map().setView([15.5, 32.5], 6)")
    # the world view already shows over 20 country names: wait for this view's own labels
    page.wait_for_function(
        "() => [...document.querySelectorAll('.ed-label span')].some(e => e.textContent === 'Khartoum')"
    )
    names = page.eval_on_selector_all(".ed-label span", "els => els.map(e => e.textContent)")
    assert "Sudan" in names and "Khartoum" in names and "Egypt" in names
    page.screenshot(path=str(ARTIFACTS / "map-labels.png"))


def test_usable_at_420_px(browser, server):
    ctx = browser.new_context(viewport={"width": 420, "height": 860})
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto(server)
    pg.wait_for_selector("#map[data-total]")
    pg.wait_for_selector("#event-list li[data-id]")
    assert pg.evaluate("() => document.documentElement.scrollWidth") <= 420  # nothing sticks out sideways
    box = pg.locator("#map").bounding_box()
    assert box["width"] >= 360 and box["height"] >= 250
    for sel in ("#timeline", "#network", "#event-list", "#f-types"):
        b = pg.locator(sel).bounding_box()
        assert b and b["width"] >= 300 and b["x"] >= 0 and b["x"] + b["width"] <= 420, sel
    pg.locator("#event-list li[data-id]").first.click()
    pg.wait_for_selector("#detail:not(.hidden) .facts")
    d = pg.locator("#detail").bounding_box()
    assert d["width"] >= 400 and d["height"] >= 800  # the card takes the screen
    pg.screenshot(path=str(ARTIFACTS / "phone-card.png"))
    assert errors == []
    ctx.close()


# -- every mention of an event highlighted (issue 11 point 3) --------------------------------------
BODY = (
    "Gunmen attacked a police station in Maiduguri on Monday, killing two officers, officials said. "
    "Residents said the city was calm by evening and markets reopened. "
    "The assault on the station lasted about an hour before troops arrived, a police spokesman said."
)


@pytest.fixture(scope="module")
def mentions_server(tmp_path_factory):
    import uvicorn

    from eventdesk.serve.app import create_app
    from eventdesk.store import open_store

    path = str(tmp_path_factory.mktemp("mentions") / "m.db")
    art = Article(title="Gunmen attack police station in Maiduguri", body=BODY, published="2025-03-10")
    first = BODY.index("Gunmen")
    first_end = BODY.index("officials said.") + len("officials said.")
    second = BODY.index("The assault")
    m1 = Mention(art.id, BODY[first:first_end], first, first_end)
    m2 = Mention(art.id, BODY[second:], second, len(BODY))
    ev = Event(
        article_id=art.id,
        event_type="ASSAULT",
        evidence=Evidence(m1.sentence, m1.start, m1.end),
        actors=[Actor("Gunmen", "Unidentified armed group", None, "UAF")],
        recipients=[Actor("police station", "Police", "NGA", "COP")],
        location=Place("Maiduguri", "Maiduguri", 11.8311, 13.151, "NGA", "Borno", None, "PPLA", 1),
        date="2025-03-10",
        date_precision="day",
        confidence=0.9,
        mentions=[m1, m2],
    )
    with open_store(path) as store, store.transaction():
        store.add_article(art)
        store.add_events([ev])
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(path), host="127.0.0.1", port=port, log_level="warning"))
    t = threading.Thread(target=srv.run, daemon=True)
    t.start()
    while not srv.started:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/", m1, m2
    srv.should_exit = True
    t.join(10)


def test_event_with_two_mentions_highlights_both(browser, mentions_server):
    url, m1, m2 = mentions_server
    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = ctx.new_page()
    pg.goto(url)
    pg.wait_for_selector("#event-list li[data-id]")
    pg.locator("#event-list li[data-id]").first.click()
    pg.wait_for_selector("#detail:not(.hidden) .article-body mark")
    marks = pg.locator("#detail .article-body mark").all_inner_texts()
    assert marks == [m1.sentence, m2.sentence]
    assert pg.locator("#detail mark.evidence-mark").inner_text() == m1.sentence
    assert pg.locator("#detail mark.mention-mark").inner_text() == m2.sentence
    assert "mentioned in 2 sentences" in pg.locator("#detail").inner_text().lower()
    pg.screenshot(path=str(ARTIFACTS / "mentions-card.png"))
    ctx.close()
