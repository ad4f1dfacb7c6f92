"""Two day words joined by a coordinator name one stretch of days (Quirk et al. 1985, 13.1-13.20):
'a clash on Monday and Tuesday' is one event, whichever word dates a mention of it. Sentences
written for these tests."""

from __future__ import annotations

from eventdesk.dates import resolve_dates
from eventdesk.records import Article, Event, Evidence

BODY = (
    "Dozens of fighters were killed in a clash on Monday and Tuesday near the oil fields. "
    "Officials said the fighters had been killed by artillery fire."
)


def dated(sentence: str, trigger: str) -> Event:
    a = Article(title="t", body=BODY, published="2023-11-16")  # a Thursday
    start = BODY.index(sentence)
    ev = Event(
        article_id=a.id, event_type="ASSAULT", evidence=Evidence(sentence, start, start + len(sentence))
    )
    i = BODY.index(trigger, start)
    ev.extra["trigger"] = {"start": i, "end": i + len(trigger)}
    resolve_dates([ev], {a.id: a}, {})
    return ev


def test_an_event_over_two_coordinated_days_is_dated_by_the_span() -> None:
    ev = dated(BODY.split(". ")[0] + ".", "clash")
    assert (ev.date, ev.date_precision) == ("2023-11-13", "week")
    assert ev.date_text == "on Monday and Tuesday"


def test_the_next_sentence_takes_the_span_not_its_last_day() -> None:
    ev = dated("Officials said the fighters had been killed by artillery fire.", "killed")
    assert (ev.date, ev.date_precision) == ("2023-11-13", "week")


def test_a_single_day_stays_a_day() -> None:
    a = Article(title="t", body="The clash on Tuesday killed dozens.", published="2023-11-16")
    ev = Event(article_id=a.id, event_type="ASSAULT", evidence=Evidence(a.body, 0, len(a.body)))
    ev.extra["trigger"] = {"start": 4, "end": 9}
    resolve_dates([ev], {a.id: a}, {})
    assert (ev.date, ev.date_precision) == ("2023-11-14", "day")
