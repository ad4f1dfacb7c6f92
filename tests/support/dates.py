"""One sentence dated as the dates stage dates it: the date tests' shared helper."""

from __future__ import annotations

from eventdesk.dates import resolve_dates
from eventdesk.records import Article, Event, Evidence


def dated(sentence: str, etype: str, trigger: str) -> Event:
    """The event of type `etype` told by `trigger` in `sentence`, an article of its own published on
    Thursday 16 November 2023, after the dates stage."""
    a = Article(title="t", body=sentence, published="2023-11-16")  # a Thursday
    ev = Event(article_id=a.id, event_type=etype, evidence=Evidence(sentence, 0, len(sentence)))
    i = sentence.index(trigger)
    ev.extra["trigger"] = {"start": i, "end": i + len(trigger)}
    resolve_dates([ev], {a.id: a}, {})
    return ev
