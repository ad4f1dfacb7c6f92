"""Stage 7, merge events: the same event reported by several articles is one event, several sources.

Identity is ACLED-style: same day, same place, same actor pair, same type and modality
(`store.merge_key`). Events without a known day or place are kept as they are: nothing
shows that two of them are the same event.
"""

from __future__ import annotations

from eventdesk.records import Event
from eventdesk.store.base import Store
from eventdesk.store.sqlite import merge_key


def merge(events: list[Event], store: Store) -> tuple[int, int]:
    """Store a batch of events, merging reports of an already stored event. Returns (new, merged).

    Call inside `store.transaction()`; events of the same batch merge with each other too.
    """
    new = merged = 0
    for ev in events:
        key = merge_key(ev)
        if key:
            same = [e for e in store.events_by_key(key) if e.article_id != ev.article_id]
            if same:
                for src in ev.sources or [ev.article_id]:
                    store.add_event_source(same[0].id, src)
                merged += 1
                continue
        new += store.add_events([ev])
    return new, merged
