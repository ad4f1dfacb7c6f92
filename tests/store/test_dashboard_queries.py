"""The store's dashboard queries agree with the plain ones (same filter, same events), and the
trigger-kept tables are filled for stores written before they existed."""

from __future__ import annotations

import pytest

from eventdesk.api import make_filter
from eventdesk.store import open_store
from eventdesk.store.sqlite import SQLiteStore
from tests.support.sample import synthetic_articles, synthetic_events


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request, tmp_path_factory):
    """One store per backend: the dashboard's queries (country index, covering index hints on
    SQLite; countries array, GIN indexes on PostgreSQL) agree with the plain filter on both."""
    if request.param == "sqlite":
        s = open_store(str(tmp_path_factory.mktemp("dash") / "d.db"))
    else:
        s = open_store(request.getfixturevalue("pg_server").fresh_url())
    arts = list(synthetic_articles(30))
    with s.transaction():
        for a in arts:
            s.add_article(a)
        s.add_events(synthetic_events(arts, 1500, seed=2))
    yield s
    s.close()


FILTERS = [
    {},
    {"type": "ASSAULT"},
    {"country": "SDN"},
    {"country": "ISR"},
    {"since": "2024-03", "until": "2024-09"},
    {"actor": "hezbollah"},
    {"modality": "claimed", "min_confidence": 0.5},
    {"text": "army"},
    {"type": "PROTEST", "country": "IRQ", "since": "2024"},
    {"place": "khart"},
    {"mode": "aerial"},
    {"country": "ISL"},  # a real country with no event
]


@pytest.mark.parametrize("kw", FILTERS, ids=[str(k) for k in FILTERS])
def test_dashboard_queries_match_plain_filter(store, kw):
    flt = make_filter(**kw)
    events = list(store.iter_events(flt))
    total, page = store.event_page(flt, 10_000)
    assert total == len(events) == store.count_events(flt)
    assert [e.id for e in page] == [e.id for e in events]
    newest = store.event_page(flt, 5, newest_first=True)[1]
    dated = sorted((e for e in events if e.date), key=lambda e: e.date, reverse=True)
    assert [e.date for e in newest] == [e.date for e in dated[:5]]
    located = [e for e in events if e.location]
    assert sum(c["count"] for c in store.map_cells(flt, 2.0)) == len(located)
    assert len(store.map_points(flt, 100_000)) == len(located)
    assert sum(r["count"] for r in store.event_counts(flt, "week")) == sum(1 for e in events if e.date)
    pairs: dict[tuple[str, str], int] = {}
    for e in events:
        for a in e.actors:
            for r in e.recipients:
                pairs[(a.name, r.name)] = pairs.get((a.name, r.name), 0) + 1
    edges = {(x["source"], x["target"]): x["count"] for x in store.actor_edges(flt, limit=10_000)}
    assert edges == pairs


def test_tables_backfilled_for_older_stores(tmp_path):
    path = str(tmp_path / "old.db")
    s = SQLiteStore(path)
    arts = list(synthetic_articles(5))
    with s.transaction():
        for a in arts:
            s.add_article(a)
        s.add_events(synthetic_events(arts, 300))
    before = [
        s.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("event_countries", "event_edges")
    ]
    assert all(before)
    # what a store written before the dashboard looks like
    s.conn.executescript(
        "DROP TRIGGER events_dash_insert; DROP TRIGGER events_dash_delete; DROP INDEX events_dash;"
        "DELETE FROM event_countries; DELETE FROM event_edges;"
        "DELETE FROM meta WHERE key='dashboard_tables';"
    )
    s.close()
    s = SQLiteStore(path)
    after = [
        s.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("event_countries", "event_edges")
    ]
    assert after == before
    flt = make_filter(country="SDN")
    assert s.event_page(flt, 1)[0] == s.count_events(flt)
    s.close()


def test_deleting_events_cleans_side_tables(tmp_path):
    s = SQLiteStore(str(tmp_path / "f.db"))
    arts = list(synthetic_articles(3))
    with s.transaction():
        for a in arts:
            s.add_article(a)
        s.add_events(synthetic_events(arts, 50))
        s.forget_file(arts[0].sources[0].path)
    left = s.conn.execute("SELECT count(*) FROM event_countries WHERE rid NOT IN (SELECT rowid FROM events)")
    assert left.fetchone()[0] == 0
    assert (
        s.conn.execute(
            "SELECT count(*) FROM event_edges WHERE rid NOT IN (SELECT rowid FROM events)"
        ).fetchone()[0]
        == 0
    )
    s.close()


def test_read_only_open_upgrades_an_older_store_when_it_can(tmp_path):
    """open_store(readonly=True, upgrade=True) (the dashboard's open): an older store gets the
    current schema; a store that cannot be written is read as it is."""
    import os
    import stat

    path = str(tmp_path / "old.db")
    s = open_store(path)
    arts = list(synthetic_articles(3))
    with s.transaction():
        for a in arts:
            s.add_article(a)
        s.add_events(synthetic_events(arts, 20))
    s.conn.executescript("DROP INDEX events_dash; DROP INDEX events_geo; DROP TRIGGER events_dash_insert;")
    assert {"events_dash", "events_geo", "events_dash_insert"} <= s.missing_schema()
    s.close()
    if os.geteuid() != 0:  # root writes read-only files
        os.chmod(path, stat.S_IRUSR)  # read-only: no upgrade, but it reads
        try:
            with open_store(path, readonly=True, upgrade=True) as ro:
                assert "events_dash" in ro.missing_schema() and ro.count_events() == 20
        finally:
            os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    with open_store(path, readonly=True, upgrade=True) as ro:
        assert ro.missing_schema() == set() and ro.count_events() == 20
