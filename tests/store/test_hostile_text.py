"""Issue 7: hostile text is data everywhere in the store.

Injection strings go through every EventFilter field, search, search_marked and every lookup of
the Store API. "Treated as data" is checked exactly: the rows returned are the rows whose stored
value holds the literal string (computed here in Python), nothing errors with an SQL or FTS
syntax error, and afterwards the schema, the row counts and `check()` are unchanged. (The
dashboard's HTTP API and static routes have their own injection and traversal tests in
tests/serve/test_app.py and tests/api/test_api.py.)
"""

from __future__ import annotations

import math
import sqlite3

import pytest

from eventdesk.records import Actor, Article, Event, Evidence, Place, Source
from eventdesk.store import EventFilter, FileState, open_store

# ASCII, so SQLite's LIKE (ASCII case folding) and Python agree on what "contains" means.
INJECTIONS = [
    "' OR '1'='1",
    "1; DROP TABLE events; --",
    '") OR 1=1 --',
    "%",
    "_",
    "\\",
    "%' --",
    "NEAR(a b)",
    '"unbalanced',
    "a OR b",
    "* * *",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "x' UNION SELECT * FROM articles --",
    "'; DELETE FROM sources; --",
    "\\%\\_",
    "[abc]",
    "^start",
    "a*b",
    "col:value",
    "-x",
    "(((",
    '"""',
    "';",
    "2025-01-01' OR date > '",
    "ASSAULT') OR ('1'='1",
]
# Not ASCII or not printable: must not error (exact LIKE semantics differ outside ASCII).
ODD = [
    "\x00",
    "\x00'; DROP TABLE articles; --",
    "\u202eevil\u202c",
    "\ud800",
    "é" * 300,
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ☃",
    "\n\r\t",
    "a" * 10_000,
    "",
]


def _article(i: int, s: str) -> Article:
    body = f"Report {i}: the convoy {s} was attacked near the bridge. Number {i}."
    return Article(
        title=f"Title {i} {s}", body=body, captions=[f"caption {s}"], sources=[Source(f"dir/{s}/f{i}", i)]
    )


def _event(i: int, a: Article, s: str) -> Event:
    loc = Place(text=s, name=f"Place {s}", lat=-10.0 + i, lon=20.0 + i, country=s.upper()[:20])
    return Event(
        article_id=a.id,
        event_type="ASSAULT" if i % 2 else s.upper(),
        evidence=Evidence(a.body, 0, len(a.body)),
        mode=s,
        actors=[Actor(text=s, name=f"Actor {s}")],
        recipients=[Actor(text="them", name="Other side")],
        location=loc,
        date=f"2025-01-{1 + i % 28:02d}",
        date_precision="day",
        modality=s,
        confidence=(i % 10) / 10,
        sources=[a.id],
    )


def fill_hostile(s) -> tuple[list, list]:
    """Store one article and one event per injection string (any backend); returns them."""
    from eventdesk.dedup import assign, signatures

    arts = [_article(i, x) for i, x in enumerate(INJECTIONS)]
    events = [_event(i, a, x) for i, (a, x) in enumerate(zip(arts, INJECTIONS, strict=True))]
    with s.transaction():
        for a, sig in zip(arts, signatures(arts, {}), strict=True):
            assign(a, sig, s, {})
            s.add_article(a)
            s.mark_file(FileState(a.sources[0].path, 1, 1.0, "digest", 1, 0))
        s.add_events(events)
        s.mark_coded(a.id for a in arts)
    return arts, events


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory: pytest.TempPathFactory):
    path = str(tmp_path_factory.mktemp("hostile") / "h.db")
    s = open_store(path)
    arts, events = fill_hostile(s)
    yield s, arts, events
    s.close()


def _snapshot(s) -> tuple:
    c = s.conn
    schema = c.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
    counts = tuple(
        c.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("articles", "sources", "events", "event_sources", "files", "signatures", "bands")
    )
    return [tuple(r) for r in schema], counts


def _ids(it) -> list[str]:
    return sorted(e.id for e in it)


def test_hostile_text_round_trips_verbatim(hostile_store):
    s, arts, events = hostile_store
    for a in arts:
        got = s.get_article(a.id)
        assert (got.title, got.body, got.captions, got.sources) == (a.title, a.body, a.captions, a.sources)
    for e in events:
        assert s.get_event(e.id).to_dict() == e.to_dict()


@pytest.mark.parametrize("s", INJECTIONS)
def test_every_filter_treats_the_string_as_data(hostile_store, s: str):
    store, arts, events = hostile_store
    before = _snapshot(store)
    low = s.lower()

    def want(pred) -> list[str]:
        return sorted(e.id for e in events if pred(e))

    cases = {
        "types": (EventFilter(types=[s]), want(lambda e: e.event_type == s.upper())),
        "modes": (EventFilter(modes=[s, "other"]), want(lambda e: e.mode == s)),
        "modalities": (EventFilter(modalities=[s]), want(lambda e: e.modality == s)),
        "actor": (
            EventFilter(actor=s),
            want(lambda e: any(low in f"{a.name} {a.text}".lower() for a in e.actors + e.recipients)),
        ),
        "country": (EventFilter(country=s), want(lambda e: e.location.country == s.upper())),
        "place": (EventFilter(place=s), want(lambda e: low in e.location.name.lower())),
        "date_from": (EventFilter(date_from=s), want(lambda e: e.date >= s)),
        "date_to": (EventFilter(date_to=s), want(lambda e: e.date <= s + "\uffff")),
        "article_id": (EventFilter(article_id=s), []),
    }
    for name, (flt, expected) in cases.items():
        assert _ids(store.iter_events(flt)) == expected, (name, s)
        assert store.count_events(flt) == len(expected), (name, s)
        # the dashboard queries share the WHERE clause
        assert sum(c["count"] for c in store.event_counts(flt, "month")) == len(expected), (name, s)
        assert sum(c["count"] for c in store.map_cells(flt, 5.0)) == len(expected), (name, s)
        assert len(store.map_points(flt, 1000)) == len(expected), (name, s)
        assert sum(n for _, n in store.facet_counts(flt, "event_type")) == len(expected), (name, s)
        store.actor_edges(flt)
    # the event coded from the article holding `s` is found through its own article id
    i = INJECTIONS.index(s)
    assert _ids(store.iter_events(EventFilter(article_id=arts[i].id))) == [events[i].id]
    # full-text: words of the string never make a syntax error; a hostile article is found by its text
    for flt in (EventFilter(text=s), EventFilter(text=s, actor=s, place=s, types=[s], date_from=s)):
        assert set(_ids(store.iter_events(flt))) <= {e.id for e in events}
    hits = store.search(s)
    assert all(h["id"] in {a.id for a in arts} for h in hits)
    store.search_marked(s, limit=5, offset=1)
    words = [w for w in s.split() if any(ch.isalnum() for ch in w)]
    if words:  # every article holding the string's words is among the hits
        assert arts[i].id in {h["id"] for h in store.search(s, limit=100)}, s
    # lookups by a hostile key find nothing, and raise nothing
    assert store.get_article(s) is None and store.get_event(s) is None
    assert store.related_articles(s) == [] and store.events_by_key(s) == []
    assert store.file_state(s) is None and store.source_owner(Source(s, 0)) is None
    assert store.uncoded_articles(limit=5) == []
    assert _snapshot(store) == before


@pytest.mark.parametrize("s", ODD)
def test_odd_strings_never_error(hostile_store, s: str):
    store, arts, events = hostile_store
    before = _snapshot(store)
    for flt in (
        EventFilter(types=[s]),
        EventFilter(modes=[s]),
        EventFilter(modalities=[s]),
        EventFilter(actor=s),
        EventFilter(country=s),
        EventFilter(place=s),
        EventFilter(date_from=s),
        EventFilter(date_to=s),
        EventFilter(text=s),
        EventFilter(article_id=s),
    ):
        try:
            n = store.count_events(flt)
        except (UnicodeEncodeError, ValueError):
            assert "\ud800" in s  # a lone surrogate cannot be encoded: a clear Python error, not SQL
            continue
        assert 0 <= n <= len(events)
        list(store.iter_events(flt))
    for q in (s, s + " convoy", "convoy " + s):
        try:
            store.search(q)
            store.search_marked(q)
        except (UnicodeEncodeError, ValueError):
            assert "\ud800" in s
    assert _snapshot(store) == before


def test_non_string_filter_values_fail_cleanly(hostile_store):
    store, arts, events = hostile_store
    before = _snapshot(store)
    for flt in (
        EventFilter(min_confidence="0.5; DROP TABLE events"),
        EventFilter(limit="5; --"),  # type: ignore[arg-type]
        EventFilter(limit=1, offset="1 OR 1=1"),
    ):  # type: ignore[arg-type]
        with pytest.raises((ValueError, TypeError)):
            list(store.iter_events(flt))
    for col in ("event_type; DROP TABLE events", "e.id", "1", "data"):
        with pytest.raises(ValueError):
            store.facet_counts(None, col)
    for interval in ("day'); DROP TABLE events; --", "hour"):
        with pytest.raises(ValueError):
            store.event_counts(None, interval)
    with pytest.raises(ValueError):
        store.map_cells(None, float("nan"))
    # numbers at the edges are data too
    for bbox in (
        (math.nan, math.nan, math.nan, math.nan),
        (-math.inf, -math.inf, math.inf, math.inf),
        (1e308, 0, -1e308, 1),
    ):
        store.count_events(EventFilter(bbox=bbox))
    assert store.count_events(EventFilter(bbox=(-math.inf, -math.inf, math.inf, math.inf))) == len(events)
    assert store.count_events(EventFilter(min_confidence=math.inf)) == 0
    assert store.count_events(EventFilter(min_confidence=-math.inf)) == len(events)
    assert len(list(store.iter_events(EventFilter(limit=3, offset=10**12)))) == 0
    assert _snapshot(store) == before


def test_store_is_sound_after_everything(hostile_store):
    store, arts, events = hostile_store
    assert [r.name for r in store.check() if not r.ok] == []
    c = sqlite3.connect(store.path)
    assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    c.close()
