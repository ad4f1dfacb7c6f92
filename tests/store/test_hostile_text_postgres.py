"""Issue 7's hostile-text tests (tests/store/test_hostile_text.py) run again on the PostgreSQL store.

The test functions are imported from there and collected here with a `hostile_store` fixture on
PostgreSQL, so a new hostile case added there is checked on both backends. The schema snapshot
those tests take is SQLite's (sqlite_master): it is swapped for PostgreSQL's catalog while these run.
"""

from __future__ import annotations

import pytest

import tests.store.test_hostile_text as robust
from eventdesk.store import open_store
from tests.store.test_hostile_text import (  # noqa: F401 - collected by pytest from this module
    test_every_filter_treats_the_string_as_data,
    test_hostile_text_round_trips_verbatim,
    test_non_string_filter_values_fail_cleanly,
    test_odd_strings_never_error,
)

pytestmark = pytest.mark.postgres
pytest.importorskip("psycopg", reason="PostgreSQL tests need `pip install 'eventdesk[postgres]'`")


def _snapshot(s) -> tuple:
    c = s.conn
    schema = c.execute(
        "SELECT table_name, column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = current_schema() ORDER BY 1, 2"
    ).fetchall()
    counts = tuple(
        c.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("articles", "sources", "events", "event_sources", "files", "signatures", "bands")
    )
    return [tuple(r) for r in schema], counts


@pytest.fixture(scope="module")
def hostile_store(pg_server):
    url = pg_server.fresh_url()
    s = open_store(url)
    arts, events = robust.fill_hostile(s)
    saved, robust._snapshot = robust._snapshot, _snapshot
    try:
        yield s, arts, events
    finally:
        robust._snapshot = saved
        s.close()
        pg_server.drop(url)


def test_store_is_sound_after_everything(hostile_store):
    store, arts, events = hostile_store
    assert [r.name for r in store.check() if not r.ok] == []
    assert len(store.check()) >= 10
