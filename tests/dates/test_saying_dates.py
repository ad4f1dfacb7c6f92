"""The day a thing is said is not the day of what is said (Reichenbach 1947; TimeML reporting
events, Pustejovsky et al. 2003): 'the ministry said on Thursday that gunmen had attacked'.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from eventdesk.dates import resolve_dates
from eventdesk.records import Article, Event, Evidence


def dated(body: str, sentence: str, etype: str, trigger: str) -> Event:
    a = Article(title="t", body=body, published="2023-11-16")  # a Thursday
    start = body.index(sentence)
    ev = Event(article_id=a.id, event_type=etype, evidence=Evidence(sentence, start, start + len(sentence)))
    i = body.index(trigger, start)
    ev.extra["trigger"] = {"start": i, "end": i + len(trigger)}
    resolve_dates([ev], {a.id: a}, {})
    return ev


@pytest.mark.parametrize(
    "sentence, trigger",
    [
        ("The interior ministry said on Thursday that gunmen had attacked the checkpoint.", "attacked"),
        ("Gunmen attacked the checkpoint from two pickup trucks, officials said on Thursday.", "attacked"),
        ("A police spokesman told reporters on Thursday the raid was carried out by a militia.", "raid"),
    ],
)
def test_the_day_of_the_saying_does_not_date_the_event_said(sentence: str, trigger: str) -> None:
    ev = dated(sentence, sentence, "ASSAULT", trigger)
    assert ev.date_text is None
    assert ev.date == "2023-11-16"  # the reporting day: the event's own day is not given


def test_the_sentence_before_gives_its_day_not_the_day_of_its_saying() -> None:
    body = (
        "Gunmen attacked a police checkpoint in the town on Tuesday, killing four officers. "
        "The ministry said on Wednesday that the gunmen had come in two pickup trucks. "
        "They opened fire on the guards from the road."
    )
    ev = dated(body, "They opened fire on the guards from the road.", "ASSAULT", "opened fire")
    assert ev.date_text is None  # not 'on Wednesday', the day the ministry spoke


def test_an_event_told_between_the_verb_and_the_date_keeps_the_date() -> None:
    ev = dated(*["He said the attack on Tuesday killed four officers."] * 2, "ASSAULT", "attack")
    assert (ev.date, ev.date_text) == ("2023-11-14", "on Tuesday")


def test_a_time_clause_after_the_saying_shares_its_day() -> None:
    s = "Friends confirmed the news on Tuesday as hundreds of mourners marched through the town."
    ev = dated(s, s, "PROTEST", "marched")
    assert (ev.date, ev.date_text) == ("2023-11-14", "on Tuesday")


def test_a_speech_act_is_dated_by_its_saying() -> None:
    # an accusation or a demand is made by saying it: the day of the saying is its day
    s = "The foreign minister said on Tuesday he was concerned about the shelling of the border towns."
    ev = dated(s, s, "ACCUSE", "concerned")
    assert (ev.date, ev.date_text) == ("2023-11-14", "on Tuesday")
