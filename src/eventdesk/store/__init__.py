"""Stage 8, store: `open_store(url)` gives the one `Store` interface over SQLite or PostgreSQL."""

from __future__ import annotations

import logging

from eventdesk.store.base import EventFilter, FileState, QueryInterrupted, Store
from eventdesk.store.sql import merge_key
from eventdesk.store.sqlite import SQLiteStore, StoreError, fts_query, store_error_message

__all__ = [
    "EventFilter",
    "FileState",
    "QueryInterrupted",
    "SQLiteStore",
    "Store",
    "StoreError",
    "fts_query",
    "merge_key",
    "open_store",
    "store_error_message",
]


def _open(url: str, readonly: bool) -> Store:
    if url.startswith(("postgresql://", "postgres://")):
        try:
            from eventdesk.store.postgres import PostgresStore
        except ImportError as e:  # the optional extra is not installed
            raise SystemExit(
                f"cannot open {url}: PostgreSQL support needs `pip install 'eventdesk[postgres]'` ({e})"
            ) from e
        return PostgresStore(url, readonly=readonly)
    if url.startswith("sqlite:///"):
        url = url[len("sqlite:///") :]
    if readonly:
        import os

        if not os.path.exists(url):
            raise SystemExit(f"no store at {url}: run `eventdesk run <files>` first, or pass --db PATH")
    return SQLiteStore(url, readonly=readonly)


def open_store(url: str = "eventdesk.db", readonly: bool = False, upgrade: bool = False) -> Store:
    """`eventdesk.db` (or any path) -> SQLite; `postgresql://...` -> PostgreSQL (extra `eventdesk[postgres]`).

    A writable store always gets the current schema (missing tables, indexes and columns added,
    every row kept). `upgrade=True` does the same for a read-only one first, when the store can be
    written (the dashboard: stores older than its indexes); when it cannot, it is read as it is."""
    store = _open(url, readonly)
    if readonly and upgrade and store.missing_schema():
        store.close()
        try:
            _open(url, readonly=False).close()
        except Exception as e:  # a read-only file or a user without rights: queries work, only slower
            logging.getLogger("eventdesk.store").info("%s: schema not upgraded (%s)", url, e)
        store = _open(url, readonly)
    return store
