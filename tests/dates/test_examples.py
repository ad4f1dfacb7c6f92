"""Dates on the example dumps that ship with eventdesk, through the real segmenter.

Events are built here by hand (one per clause we check), so this tests the date stage alone:
the anchor comes from a photo caption, and one sentence carries three differently dated events.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventdesk.dates import reporting_date, resolve_dates
from eventdesk.records import Article, Document, Event, Evidence
from tests.conftest import EXAMPLES

segment = pytest.importorskip("eventdesk.segment")


def _articles() -> dict[str, Article]:
    out = {}
    for path in sorted(EXAMPLES.glob("*.txt")):
        doc = Document(path=str(path), kind="dump", text=path.read_text(encoding="utf-8"))
        for a in segment.segment([doc]):
            if isinstance(a, Article):
                out[a.title] = a
    return out


def _event(a: Article, words: str, trigger: str) -> Event:
    i = a.body.index(words)
    # the sentence holding `words`
    s = max((p + 2 for p in (a.body.rfind(". ", 0, i), a.body.rfind("\n\n", 0, i)) if p >= 0), default=0)
    e = a.body.find(".", i) + 1
    t = a.body.index(trigger, s)
    ev = Event(article_id=a.id, event_type="CONSULT", evidence=Evidence(a.body[s:e], s, e))
    ev.extra["trigger"] = [t, t + len(trigger)]
    return ev


def test_iran_article_dates():
    arts = _articles()
    iran = next(a for t, a in arts.items() if t.startswith("Iran Seeks"))
    assert reporting_date(iran)[0] == date(2025, 6, 3)  # from the caption: "Tuesday, June 3, 2025"
    evs = [
        _event(iran, "one-day trip to Beirut", "trip"),
        _event(iran, "he attended the funeral", "attended"),
        _event(iran, "killed in Israeli air strikes", "killed"),
    ]
    resolve_dates(evs, {iran.id: iran}, {})
    got = [(e.date, e.date_precision, e.modality) for e in evs]
    assert got == [
        ("2025-06-03", "day", "asserted"),
        ("2025-02", "month", "historical"),
        ("2024-09", "month", "historical"),
    ]


def test_file_photo_caption_is_no_anchor():
    arts = _articles()
    sudan = next(a for t, a in arts.items() if t.startswith("Sudan Army"))
    assert reporting_date(sudan) == (None, None)
    ev = _event(sudan, "led a coup in 2021", "led")
    thursday = _event(sudan, "accused each other", "accused")
    resolve_dates([ev, thursday], {sudan.id: sudan}, {})
    assert (ev.date, ev.modality) == ("2021", "historical")  # the file photo still bounds the article's date
    assert (thursday.date, thursday.date_text) == (None, "on Thursday")
