"""The pipeline, one direction: read -> segment -> dedup -> annotate/code -> place & date -> merge -> store.

Every stage is a plain function over a batch, so the local runner, a multiprocessing pool and
the Ray runner all call the same code. This module chains them; it holds no stage logic.
"""

from __future__ import annotations

from typing import Any

from eventdesk.records import Article, Event


def extract_events(articles: list[Article], config: dict[str, Any]) -> list[Event]:
    """annotate + code -> place -> date for a batch of articles; events carry evidence offsets."""
    from eventdesk.code import code
    from eventdesk.dates import resolve_dates
    from eventdesk.geo import locate

    events = code(articles, config)
    by_id = {a.id: a for a in articles}
    locate(events, by_id, config)
    resolve_dates(events, by_id, config)
    return events
