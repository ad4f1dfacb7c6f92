"""Stage 8, store: `open_store(url)` gives the one `Store` interface over SQLite or PostgreSQL."""

from __future__ import annotations

from eventdesk.store.base import EventFilter, FileState, Store
from eventdesk.store.sqlite import SQLiteStore, fts_query, merge_key

__all__ = ["EventFilter", "FileState", "SQLiteStore", "Store", "fts_query", "merge_key", "open_store"]


def open_store(url: str = "eventdesk.db", readonly: bool = False) -> Store:
    """`eventdesk.db` (or any path) -> SQLite; `postgresql://...` -> PostgreSQL (extra `eventdesk[postgres]`)."""
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
