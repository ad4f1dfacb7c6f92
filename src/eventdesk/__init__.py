"""eventdesk: raw news in, a clean, deduplicated, evidence-linked record of events out."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "open"]


def open(db: str = "eventdesk.db", readonly: bool = True):  # noqa: A001 - mirrors sqlite3.connect
    """Open a store for questions: `eventdesk.open("eventdesk.db").events(type="ASSAULT").to_pandas()`.

    Returns an `eventdesk.api.EventDB`; its `.store` is the underlying `Store`.
    """
    from eventdesk.api import open_db

    return open_db(db, readonly=readonly)
