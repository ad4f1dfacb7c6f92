"""The dashboard's JSON API, driven through the real app: filters, hostile input, static files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eventdesk.serve.app import CSP, create_app
from tests.conftest import db_copy
from tests.support.sample import HOSTILE

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

INJECTIONS = [
    "' OR '1'='1",
    "1; DROP TABLE events; --",
    '") OR 1=1 --',
    "%",
    "_",
    "\\",
    "%' --",
    "\x00",
    "NEAR(a b)",
    '"unbalanced',
    "a OR b",
    "* * *",
    "../../etc/passwd",
    HOSTILE[0],
    HOSTILE[1],
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ☃",
    "é" * 150,
]
FILTERS = [
    "type",
    "mode",
    "actor",
    "country",
    "place",
    "since",
    "until",
    "modality",
    "min_confidence",
    "text",
]
ENDPOINTS = ["/api/events", "/api/map", "/api/timeline", "/api/network"]


@pytest.fixture(scope="module")
def db(demo_db, tmp_path_factory) -> str:
    return str(db_copy(demo_db, tmp_path_factory.mktemp("serve") / "demo.db"))


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        yield c


def test_page_and_headers(client):
    r = client.get("/")
    assert r.status_code == 200 and "<title>eventdesk</title>" in r.text
    assert r.headers["content-security-policy"] == CSP
    assert "connect-src 'self'" in CSP and "'unsafe-eval'" not in CSP
    assert r.headers["x-content-type-options"] == "nosniff"
    # the page loads nothing from another origin
    assert "http://" not in r.text and "https://" not in r.text and "//cdn" not in r.text


def test_docs_are_local(client):
    r = client.get("/docs")
    assert r.status_code == 200
    assert "static/vendor/swagger-ui/swagger-ui-bundle.js" in r.text
    assert "cdn.jsdelivr" not in r.text and "https://" not in r.text
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/map", "/api/timeline", "/api/search", "/api/network"} <= set(spec["paths"])
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


def test_stats_and_facets(client):
    st = client.get("/api/stats").json()
    assert st["events"] > 0 and "store" not in st
    fc = client.get("/api/facets").json()
    assert fc["types"] and all(len(x) == 3 for x in fc["countries"])
    assert ["SDN", fc["countries"][0][1], "Sudan"] in fc["countries"] or any(
        c[0] == "SDN" for c in fc["countries"]
    )


def test_events_filters(client):
    every = client.get("/api/events", params={"limit": 500}).json()
    assert every["total"] == len(every["events"])
    t = client.get("/api/events", params={"type": "ASSAULT", "limit": 500}).json()
    assert t["total"] == sum(e["event_type"] == "ASSAULT" for e in every["events"]) > 0
    two = client.get("/api/events", params=[("type", "ASSAULT"), ("type", "PROTEST")]).json()
    assert two["total"] == sum(e["event_type"] in ("ASSAULT", "PROTEST") for e in every["events"])
    c = client.get("/api/events", params={"country": "SDN", "limit": 500}).json()
    assert c["total"] > 0
    newest = client.get("/api/events", params={"order": "-date", "limit": 5}).json()["events"]
    dated = [e["date"] for e in newest if e["date"]]
    assert dated == sorted(dated, reverse=True)
    page2 = client.get("/api/events", params={"limit": 5, "offset": 5}).json()["events"]
    assert [e["id"] for e in page2] == [e["id"] for e in every["events"][5:10]]
    assert client.get("/api/events", params={"since": "not-a-date"}).status_code == 400
    assert client.get("/api/events", params={"modality": "rumour"}).status_code == 400
    assert client.get("/api/events", params={"min_confidence": 3}).status_code == 422
    assert client.get("/api/events", params={"limit": 100000}).status_code == 422


def test_map_timeline_network_follow_filters(client):
    m = client.get("/api/map").json()
    st = client.get("/api/stats").json()
    assert m["mode"] == "points" and m["total"] == st["located_events"] == len(m["points"])
    ma = client.get("/api/map", params={"type": "ASSAULT"}).json()
    assert 0 < ma["total"] < m["total"] and {p["event_type"] for p in ma["points"]} == {"ASSAULT"}
    box = client.get("/api/map", params={"bbox": "20,5,40,25", "zoom": 5}).json()
    assert all(20 <= p["lon"] <= 40 and 5 <= p["lat"] <= 25 for p in box["points"])
    assert client.get("/api/map", params={"bbox": "a,b,c,d"}).status_code == 400
    tl = client.get("/api/timeline", params={"interval": "month"}).json()
    # bars for events dated to a day, spans for those dated only to a month or a year
    assert tl["total"] == sum(r["count"] for r in tl["series"]) + sum(s["count"] for s in tl["spans"]) > 0
    tla = client.get("/api/timeline", params={"interval": "month", "type": "ASSAULT"}).json()
    assert 0 < tla["total"] < tl["total"] and {r["event_type"] for r in tla["series"]} == {"ASSAULT"}
    auto = client.get("/api/timeline").json()
    assert auto["interval"] in ("day", "week", "month") and auto["total"] == tl["total"]
    net = client.get("/api/network").json()
    assert net["edges"] and all(e["count"] >= 1 for e in net["edges"])
    names = {n["id"] for n in net["nodes"]}
    assert all(e["source"] in names and e["target"] in names for e in net["edges"])


def test_event_card_and_article(client):
    ev = client.get("/api/events", params={"text": "convoy"}).json()["events"][0]
    card = client.get(f"/api/events/{ev['id']}").json()
    e, art = card["event"], card["article"]
    assert art["body"][e["evidence"]["start"] : e["evidence"]["end"]] == e["evidence"]["sentence"]
    assert card["sources"] and card["sources"][0]["id"] == art["id"]
    a = client.get(f"/api/articles/{art['id']}").json()
    assert ev["id"] in {x["id"] for x in a["events"]} and "related" in a
    assert client.get("/api/events/nope").status_code == 404
    assert client.get("/api/events/..%2F..%2Fetc").status_code in (404, 422)
    assert client.get("/api/articles/' OR 1=1").status_code == 422


def test_hostile_text_is_returned_as_data(client):
    hits = client.get("/api/search", params={"q": "convoy attacked"}).json()["hits"]
    h = next(h for h in hits if HOSTILE[0] in h["title"])
    a = client.get(f"/api/articles/{h['id']}")
    assert a.headers["content-type"].startswith("application/json")
    body = a.json()["article"]
    assert HOSTILE[1] in body["body"] and HOSTILE[0] in body["title"]
    ev = a.json()["events"][0]
    assert HOSTILE[0] in ev["actors"][0]["name"] and HOSTILE[1] in ev["location"]["name"]
    card = client.get(f"/api/events/{ev['id']}")
    assert card.headers["content-type"].startswith("application/json")
    assert HOSTILE[1] in card.json()["article"]["captions"][0]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_injection_through_every_filter(client, endpoint):
    for name in FILTERS:
        for value in INJECTIONS:
            r = client.get(endpoint, params={name: value})
            assert r.status_code in (200, 400, 422), (endpoint, name, value, r.status_code, r.text[:200])
            json.loads(r.text)  # always JSON, never a page
            if r.status_code == 200 and name in ("actor", "place", "text", "country"):
                assert r.json() is not None
    # the store survived all of it
    assert client.get("/api/stats").json()["events"] > 0


def test_search_injection_and_snippets(client):
    for q in INJECTIONS + ["refinery", "refin*", ""]:
        r = client.get("/api/search", params={"q": q})
        assert r.status_code in (200, 422), (q, r.text[:200])
        if r.status_code == 200:
            for h in r.json()["hits"]:
                assert all(isinstance(t, str) and isinstance(m, bool) for t, m in h["snippet"])
    hits = client.get("/api/search", params={"q": "refinery"}).json()["hits"]
    assert any(m and t.lower() == "refinery" for t, m in hits[0]["snippet"])


@pytest.mark.parametrize(
    "path",
    [
        "/static/../app.py",
        "/static/%2e%2e/app.py",
        "/static/..%2fapp.py",
        "/static/%2e%2e%2f%2e%2e%2fstore/sqlite.py",
        "/static/....//app.py",
        "/static//etc/passwd",
        "/static/%2fetc%2fpasswd",
        "/static/vendor/../../app.py",
        "/static/..\\app.py",
    ],
)
def test_static_path_traversal_refused(client, path):
    r = client.get(path)
    assert r.status_code in (400, 404), (path, r.status_code)
    assert "def create_app" not in r.text and "root:" not in r.text


def test_vendored_assets_and_licences_are_served(client):
    for p in [
        "leaflet/leaflet.js",
        "leaflet/LICENSE",
        "leaflet.markercluster/leaflet.markercluster.js",
        "world-atlas/countries-50m.json",
        "vega/vega.min.js",
        "vega-lite/vega-lite.min.js",
        "vega-embed/vega-embed.min.js",
        "vega-interpreter/vega-interpreter.min.js",
        "topojson-client/topojson-client.min.js",
        "swagger-ui/swagger-ui.css",
    ]:
        assert client.get(f"/static/vendor/{p}").status_code == 200, p


def test_token_guard(db):
    with TestClient(create_app(db, token="s3cret"), base_url="http://127.0.0.1") as c:
        assert c.get("/api/stats").status_code == 401
        assert c.get("/").status_code == 401
        assert c.get("/api/stats", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.get("/api/stats", headers={"Authorization": "Bearer s3cret"}).status_code == 200
        r = c.get("/?token=s3cret")
        assert r.status_code == 200 and "eventdesk_token" in r.headers.get("set-cookie", "")
        assert "httponly" in r.headers["set-cookie"].lower()
        assert c.get("/api/stats").status_code == 200  # the cookie now carries it
