"""The PostgreSQL store gives the same answers as the SQLite store (the reference), call for call.

The basic store tests (tests/store/test_store.py) run on both backends through conftest's `any_store`;
here: every query of the Store interface on a few hundred synthetic events compared between the
two, the CLI end to end, the PostGIS and lat/lon fallback map boxes, and writers taking turns.
Marked `postgres` (run with `-m postgres`); skipped with the reason when no server can be had.
"""

from __future__ import annotations

import math
import threading
import time
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from eventdesk.records import Article, Problem, Source
from eventdesk.store import EventFilter, open_store
from tests.conftest import eventdesk

psycopg = pytest.importorskip("psycopg", reason="PostgreSQL tests need `pip install 'eventdesk[postgres]'`")


def fill(store, n_articles: int = 40, n_events: int = 300) -> list[Article]:
    """Synthetic articles and events (tests/support/sample.py), near-duplicates, problems, signatures."""
    from tests.support.sample import hostile_article, synthetic_articles, synthetic_events

    arts = list(synthetic_articles(n_articles, seed=3))
    # a story cluster and a near-duplicate, for related_articles and stats
    arts[5].story_id = arts[4].id
    arts[6].duplicate_of, arts[6].story_id = arts[4].id, arts[4].id
    arts.append(
        Article(
            title="São Paulo police",
            body="Políce in São Paulo arrested rebels near the café.",
            sources=[Source("accents.txt", 0)],
        )
    )
    with store.transaction():
        run = store.start_run({"paths": ["x"]})
        for a in arts:
            store.add_article(a)
        store.add_source(arts[0].id, Source("dup.txt", 3))
        h_art, h_ev = hostile_article()
        store.add_article(h_art)
        evs = list(synthetic_events(arts, n_events, seed=9, start="2024-12-20", days=60))
        assert store.add_events(evs + [h_ev]) == len(evs) + 1
        store.add_event_source(evs[0].id, arts[1].id)
        for i, a in enumerate(arts[:10]):
            store.add_signature(a.id, 10 + i, bytes([i]) * 16, [i - (1 << 63), i % 3, 1 << 40])
        store.add_problem(Problem("bad.jsonl", "line 2: not valid JSON", 1), run)
        store.add_problem(Problem("worse.bin", "binary file"), None)
        store.mark_coded(a.id for a in arts[:7])
        store.finish_run(run, {"n": 1})
    return arts


FILTERS = [
    None,
    EventFilter(),
    EventFilter(types=["assault", "PROTEST"]),
    EventFilter(modes=["firearms", "demonstrate"]),
    EventFilter(actor="forces"),
    EventFilter(actor="HAMAS"),
    EventFilter(actor="50%_"),
    EventFilter(country="SDN"),
    EventFilter(country="isr"),
    EventFilter(place="kh"),
    EventFilter(date_from="2025-01", date_to="2025-01"),
    EventFilter(date_from="2025-01-10", date_to="2025-02-01"),
    EventFilter(modalities=["claimed", "negated"]),
    EventFilter(min_confidence=0.7),
    EventFilter(text="attack"),
    EventFilter(text="conv* village"),
    EventFilter(text='"; DROP TABLE events; --'),
    EventFilter(bbox=(25, 10, 40, 20)),
    EventFilter(bbox=(-180, -90, 180, 90)),
    EventFilter(bbox=(40, 10, 25, 20)),  # inverted: nothing
    EventFilter(types=["ASSAULT"], bbox=(20, 0, 50, 40), date_from="2025-01-15", limit=7, offset=2),
    EventFilter(limit=10, offset=5),
]


@pytest.fixture
def pair(tmp_path: Path, pg_url: str):
    sq = open_store(str(tmp_path / "ref.db"))
    pg = open_store(pg_url)
    yield sq, pg
    sq.close()
    pg.close()


def ids(events) -> list[str]:
    return [e.id for e in events]


@pytest.mark.postgres
def test_every_query_same_as_sqlite(pair):
    sq, pg = pair
    arts = fill(sq)
    fill(pg)
    assert {k: v for k, v in sq.stats().items() if k != "store"} == {
        k: v for k, v in pg.stats().items() if k != "store"
    }
    assert [a.to_dict() for a in sq.iter_articles()] == [a.to_dict() for a in pg.iter_articles()]
    assert [a.to_dict() for a in sq.uncoded_articles(100)] == [a.to_dict() for a in pg.uncoded_articles(100)]
    assert sq.problems() == pg.problems() and sq.problems(1) == pg.problems(1)
    for flt in FILTERS:
        want = ids(sq.iter_events(flt))
        assert ids(pg.iter_events(flt)) == want, flt
        assert pg.count_events(flt) == sq.count_events(flt), flt
    assert sum(1 for _ in sq.iter_events(EventFilter(text="attack"))) > 0
    assert [e.to_dict() for e in pg.iter_events()] == [e.to_dict() for e in sq.iter_events()]
    ev = next(e for e in sq.iter_events() if len(e.sources) == 2)  # the source added after the event
    assert pg.get_event(ev.id).to_dict() == ev.to_dict()
    key = next(e for e in sq.iter_events() if e.location and e.date_precision == "day")
    from eventdesk.store import merge_key

    assert ids(pg.events_by_key(merge_key(key))) == ids(sq.events_by_key(merge_key(key)))
    # dashboard queries
    for flt in (None, EventFilter(types=["ASSAULT"]), EventFilter(country="SDN", min_confidence=0.5)):
        for interval in ("day", "week", "month", "year"):
            key_ = lambda r: (r["period"], r["event_type"])  # noqa: E731
            assert sorted(pg.event_counts(flt, interval), key=key_) == sorted(
                sq.event_counts(flt, interval), key=key_
            ), (flt, interval)
        for cell in (0.5, 5, 45):
            a, b = sorted_cells(sq.map_cells(flt, cell)), sorted_cells(pg.map_cells(flt, cell))
            assert [(c["count"], c["types"]) for c in a] == [(c["count"], c["types"]) for c in b]
            assert all(
                math.isclose(x["lat"], y["lat"]) and math.isclose(x["lon"], y["lon"])
                for x, y in zip(a, b, strict=True)
            )
        assert pg.map_points(flt, 50) == sq.map_points(flt, 50)
        for limit in (5, 200):
            assert pg.actor_edges(flt, limit) == sq.actor_edges(flt, limit)
        for col in ("event_type", "mode", "modality", "country"):
            assert dict(pg.facet_counts(flt, col)) == dict(sq.facet_counts(flt, col))
    weeks = {r["period"] for r in pg.event_counts(None, "week")}
    assert len(weeks) > 5 and {date.fromisoformat(w).weekday() for w in weeks} == {0}  # Mondays
    with pytest.raises(ValueError):
        pg.facet_counts(None, "data; DROP TABLE events")
    with pytest.raises(ValueError):
        pg.event_counts(None, "fortnight")
    for a in arts[3:8]:
        assert pg.related_articles(a.id) == sq.related_articles(a.id)
    assert pg.related_articles("nope") == []
    for flt in (None, EventFilter(country="SDN"), EventFilter(types=["PROTEST"], text="police")):
        for newest in (False, True):
            for off in (0, 7):
                t1, p1 = sq.event_page(flt, 10, off, newest_first=newest)
                t2, p2 = pg.event_page(flt, 10, off, newest_first=newest)
                assert (t2, ids(p2)) == (t1, ids(p1)), (flt, newest, off)
    # fill() skips what the pipeline would add (signatures, file marks): both checks see the same gaps
    want = {(r.name, r.count) for r in sq.check() if "index" not in r.name and "sqlite" not in r.name}
    assert {(r.name, r.count) for r in pg.check() if r.name != "map point for every located event"} == want
    assert [r.name for r in pg.check() if not r.ok] == [r.name for r in sq.check() if not r.ok]
    # dedup index
    assert sorted(pg.band_candidates([2 - (1 << 63), 1 << 40])) == sorted(
        sq.band_candidates([2 - (1 << 63), 1 << 40])
    )
    assert pg.signature(arts[2].id) == sq.signature(arts[2].id) == (12, bytes([2]) * 16)
    assert pg.article_cluster(arts[6].id) == sq.article_cluster(arts[6].id) == (arts[4].id, arts[4].id)
    assert pg.source_owner(Source("dup.txt", 3)) == sq.source_owner(Source("dup.txt", 3)) == arts[0].id


def fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s.casefold()) if not unicodedata.combining(c))


def sorted_cells(cells: list[dict]) -> list[dict]:
    return sorted(cells, key=lambda c: (round(c["lat"], 6), round(c["lon"], 6)))


@pytest.mark.postgres
def test_search_same_hits_as_sqlite(pair):
    sq, pg = pair
    fill(sq)
    fill(pg)
    for q in [
        "refinery",
        "attack village",
        "conv*",
        "sao paulo",
        "POLICE café",
        "rebels near",
        "al-shabaab",
        '"',
        "refinery OR",
        "NEAR(",
        "'; DROP TABLE articles; --",
        "*",
        "a AND (b",
        "",
        "x:* & !y",
    ]:
        want = sq.search(q, limit=100)
        got = pg.search(q, limit=100)
        assert {h["id"] for h in got} == {h["id"] for h in want}, q
        for h in got:
            assert set(h) == {"id", "title", "published", "snippet", "score"}
        marked = pg.search_marked(q, limit=100)
        assert {h["id"] for h in marked} == {h["id"] for h in want}, q
        words = {fold(w.rstrip("*")) for w in q.split()}
        for h in marked:  # every highlighted word is (a prefix of) a query word, accents folded
            hits = [fold(t) for t, is_hit in h["snippet"] if is_hit]
            assert all(any(t.startswith(w) or w.startswith(t) for w in words) for t in hits), (q, hits)
    hits = pg.search("refinery")
    assert hits and all("[refinery]" in h["snippet"].casefold() or "refinery" in h["title"] for h in hits)
    page1, page2 = pg.search_marked("army", 5, 0), pg.search_marked("army", 5, 5)
    assert len(page1) == 5 and not {h["id"] for h in page1} & {h["id"] for h in page2}


@pytest.mark.postgres
def test_map_box_without_postgis_same_answers(tmp_path: Path, pg_server, caplog):
    """The lat/lon btree fallback (no PostGIS) answers map boxes like the GiST index does."""
    from eventdesk.store.postgres import PostgresStore

    urls = [pg_server.fresh_url(), pg_server.fresh_url()]
    try:
        with PostgresStore(urls[0], postgis=False) as plain, PostgresStore(urls[1]) as gis:
            assert plain.spatial == "latlon"
            if "postgis" in pg_server.extensions:
                assert gis.spatial == "postgis"
            fill(plain)
            fill(gis)
            for box in [(25, 10, 40, 20), (30, 15, 33, 16), (-10, -5, 0, 5), (0, 0, 180, 90)]:
                f = EventFilter(bbox=box)
                assert ids(plain.iter_events(f)) == ids(gis.iter_events(f))
                assert plain.map_points(f, 1000) == gis.map_points(f, 1000)
            if gis.spatial == "postgis":
                plan = "\n".join(
                    r[0]
                    for r in gis.conn.execute(
                        "EXPLAIN SELECT id FROM events e WHERE e.geom && ST_MakeEnvelope(30, 15, 33, 16, 4326)"
                    )
                )
                assert "events_geom" in plan or "Seq Scan" in plan  # tiny tables may still be scanned
                gis.conn.execute("SET enable_seqscan = off")
                plan = "\n".join(
                    r[0]
                    for r in gis.conn.execute(
                        "EXPLAIN SELECT id FROM events e WHERE e.geom && ST_MakeEnvelope(30, 15, 33, 16, 4326)"
                    )
                )
                assert "events_geom" in plan
            want = ids(gis.iter_events(EventFilter(bbox=(25, 10, 40, 20))))
            gis_bad = [c.name for c in gis.check() if not c.ok]
        if "postgis" in pg_server.extensions:  # reopened where PostGIS is: points added for stored events
            with PostgresStore(urls[0]) as again:
                assert again.spatial == "postgis"
                f = EventFilter(bbox=(25, 10, 40, 20))
                assert ids(again.iter_events(f)) == want and want
                assert [c.name for c in again.check() if not c.ok] == gis_bad
    finally:
        for u in urls:
            pg_server.drop(u)
    assert any("PostGIS is not available" in r.getMessage() for r in caplog.records)


@pytest.mark.postgres
def test_writers_take_turns_and_readers_do_not_wait(pg_url: str):
    """Like SQLite's BEGIN IMMEDIATE: a second writer waits for the first to commit; reads go on."""
    a, b, reader = open_store(pg_url), open_store(pg_url), open_store(pg_url)
    order: list[str] = []
    started = threading.Event()

    def second() -> None:
        started.set()
        with b.transaction():
            order.append("b in")
            b.add_article(Article(title="B", body="written second"))

    try:
        with a.transaction():
            a.add_article(Article(title="A", body="written first"))
            t = threading.Thread(target=second)
            t.start()
            started.wait(5)
            time.sleep(0.3)
            assert order == []  # b is waiting for a's lock
            assert reader.stats()["articles"] == 0  # a's rows are not visible yet; the read did not block
            order.append("a commits")
        t.join(10)
        assert order == ["a commits", "b in"]
        assert reader.stats()["articles"] == 2
    finally:
        for s in (a, b, reader):
            s.close()


@pytest.mark.postgres
def test_cli_ingest_same_articles_and_sources_as_sqlite(examples: Path, tmp_path: Path, pg_url: str):
    db = tmp_path / "s.db"
    p_sq = eventdesk("ingest", str(examples), "--db", str(db))
    p_pg = eventdesk("ingest", str(examples), "--db", pg_url)
    assert "3 new, 1 exact duplicate" in p_pg.stdout
    assert p_pg.stdout.split("store ")[1].split(":")[0] != str(db)
    with open_store(str(db)) as sq, open_store(pg_url) as pg:
        assert [a.to_dict() for a in pg.iter_articles()] == [a.to_dict() for a in sq.iter_articles()]
        for k in ("files", "sources", "articles", "stories", "near_duplicates", "problems"):
            assert pg.stats()[k] == sq.stats()[k], k
    assert p_sq.stdout.count("\n") == p_pg.stdout.count("\n")
    again = eventdesk("ingest", str(examples), "--db", pg_url)
    assert "2 unchanged" in again.stdout
    hits = eventdesk("search", "Kirkuk", "--db", pg_url, check=False)
    assert hits.returncode == 0 and "Kirkuk" in hits.stdout


def test_unreachable_server_is_a_clear_error():
    from eventdesk.store.postgres import public_url

    assert public_url("postgresql://me:s3cret@db.example:5433/news") == "postgresql://me@db.example:5433/news"
    assert public_url("postgresql://me@/news?host=/tmp/x") == "postgresql://me@/news?host=/tmp/x"
    with pytest.raises(SystemExit) as e:
        open_store("postgresql://me:s3cret@127.0.0.1:1/news")
    assert "cannot connect to postgresql://me@127.0.0.1:1/news" in str(e.value)
    assert "s3cret" not in str(e.value)


@pytest.mark.postgres
def test_cli_run_with_events_same_as_sqlite(examples: Path, tmp_path: Path, pg_url: str):
    """The whole pipeline (event coding, geo, dates, merge) into each store: the same records."""
    db = tmp_path / "s.db"
    eventdesk("run", str(examples), "--db", str(db), "-q")
    eventdesk("run", str(examples), "--db", pg_url, "-q")
    with open_store(str(db)) as sq, open_store(pg_url) as pg:
        assert [e.to_dict() for e in pg.iter_events()] == [e.to_dict() for e in sq.iter_events()]
        assert {k: v for k, v in pg.stats().items() if k != "store"} == {
            k: v for k, v in sq.stats().items() if k != "store"
        }
        assert pg.actor_edges() == sq.actor_edges() and pg.event_counts(None, "week") == sq.event_counts(
            None, "week"
        )
        assert [c.name for c in pg.check() if not c.ok] == []


@pytest.mark.postgres
def test_dashboard_api_on_postgres_same_answers_as_sqlite(pg_url, examples, tmp_path):
    """`eventdesk serve --db postgresql://...`: the JSON API answers as it does over SQLite."""
    from fastapi.testclient import TestClient

    from eventdesk.serve.app import create_app
    from tests.conftest import eventdesk

    lite = str(tmp_path / "s.db")
    eventdesk("run", str(examples), "--db", lite, "-q")
    eventdesk("run", str(examples), "--db", pg_url, "-q")
    answers = []
    for db in (lite, pg_url):
        with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
            got = {}
            for path in (
                "/api/stats",
                "/api/events?type=ASSAULT",
                "/api/timeline",
                "/api/network",
                "/api/map?west=-180&south=-90&east=180&north=90&zoom=2",
                "/api/search?q=refinery",
            ):
                r = c.get(path)
                assert r.status_code == 200, (db, path, r.text[:300])
                got[path] = r.json()
            answers.append(got)
    lite_ans, pg_ans = answers
    assert pg_ans["/api/stats"]["events"] == lite_ans["/api/stats"]["events"] > 0
    ev = "/api/events?type=ASSAULT"
    assert pg_ans[ev]["total"] == lite_ans[ev]["total"] > 0
    assert sorted(e["id"] for e in pg_ans[ev]["events"]) == sorted(e["id"] for e in lite_ans[ev]["events"])
    hits = "/api/search?q=refinery"
    assert [h["id"] for h in pg_ans[hits]["hits"]] and {h["id"] for h in pg_ans[hits]["hits"]} == {
        h["id"] for h in lite_ans[hits]["hits"]
    }


@pytest.mark.postgres
def test_dashboard_search_budget_on_postgres_same_error_as_sqlite(pg_url, tmp_path):
    """serve.search_budget_s holds on PostgreSQL too (issue 15): a too-slow search is a 503 with the
    message SQLite's gives, and the next search on that connection runs unbounded again."""
    from fastapi.testclient import TestClient

    from eventdesk.serve.app import create_app
    from tests.store.test_store import fill_for_slow_search

    details = []
    for db in (str(tmp_path / "s.db"), pg_url):
        with open_store(db) as s:
            query = fill_for_slow_search(s)
        app = create_app(db, config={"serve": {"search_budget_s": 1e-9}})
        with TestClient(app, base_url="http://127.0.0.1") as c:
            r = c.get("/api/search", params={"q": query})
            assert r.status_code == 503, (db, r.text[:300])
            details.append(r.json()["detail"])
        with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
            assert len(c.get("/api/search", params={"q": query, "limit": 5}).json()["hits"]) == 5
    assert details[0] == details[1] and "longer than" in details[0]


@pytest.mark.postgres
def test_read_only_open_upgrades_an_older_store(pg_url):
    """open_store(readonly=True, upgrade=True) on PostgreSQL: missing indexes and columns come back."""
    with open_store(pg_url) as s:
        assert s.missing_schema() == set()
        s.conn.execute("DROP INDEX events_geo")
        s.conn.execute("ALTER TABLE articles DROP COLUMN relevance CASCADE")
        assert s.missing_schema() == {
            "events_geo",
            "relevance",
            "articles_unjudged",
        }  # its index went with it
    with open_store(pg_url, readonly=True, upgrade=True) as ro:
        assert ro.missing_schema() == set() and ro.count_events() == 0
