"""eventdesk: raw news in, a clean, deduplicated, evidence-linked record of events out."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "open"]


def open(db: str = "eventdesk.db", **kwargs):  # noqa: A001 - mirrors sqlite3.connect / builtins.open
    """Open a store for reading and querying: `eventdesk.open("eventdesk.db").articles()`."""
    from eventdesk.store import open_store

    return open_store(db, **kwargs)
