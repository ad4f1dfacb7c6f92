"""Document rules after coding (relevance/events.py): in an article of another topic, an event of
a violent ACLED type stands only when the article reports political violence. Texts written for
these tests."""

from __future__ import annotations

from eventdesk.pipeline import extract_events
from eventdesk.records import Article, Event, Evidence
from eventdesk.relevance import judge
from eventdesk.relevance.events import keep_reported, names_political_violence
from eventdesk.resources import Resources

RES = Resources.from_config({})

DERBY = (
    "United fined after derby crowd trouble",
    "United were fined by the league on Monday after crowd trouble at their derby against Rovers. "
    "Home fans attacked away supporters in the east stand during the second half, and seats were "
    "thrown onto the pitch. The referee took the players off for ten minutes. The club said it "
    "would ban the supporters responsible for life. United won the match 2-1 with a late goal from "
    "their captain, and the result lifts them to third in the table ahead of the cup final.",
)

FESTIVAL = (
    "Festival goes ahead after attack",
    "The film festival opened on Friday a week after militants attacked the town's main cinema, "
    "killing two guards. The director said the screenings would go ahead as planned. The festival "
    "shows forty films this year, including three premieres, and the jury is led by an actress who "
    "won the best actress award last year. Tickets for the opening night sold out in an hour.",
)


def _article(title: str, body: str) -> Article:
    return judge([Article(title=title, body=body)], res=RES)[0]


def test_sport_crowd_violence_is_no_political_violence():
    a = _article(*DERBY)
    assert a.relevance["topic"] == "sport"
    assert not names_political_violence(a)
    coded = extract_events([a], {"relevance": {"political_violence_only": False}}, RES)
    violent = [e for e in coded if e.acled_event_type in ("Riots", "Violence against civilians", "Battles")]
    assert violent, "the coder reads the crowd trouble as violence: the rule has something to do"
    kept = extract_events([a], {}, RES)
    assert not [e for e in kept if e.acled_event_type in ("Riots", "Violence against civilians", "Battles")]


def test_an_attack_by_militants_in_another_topic_stands():
    a = _article(*FESTIVAL)
    assert names_political_violence(a)
    ev = Event(
        article_id=a.id,
        event_type="ASSAULT",
        evidence=Evidence(a.body[:80], 0, 80),
        acled_event_type="Violence against civilians",
    )
    a.relevance = {**a.relevance, "topic": "entertainment"}
    assert keep_reported([ev], {a.id: a}, {}) == [ev]
    # the same event in an article that names no political actor or motive goes
    b = Article(title="Cinema fight", body="Two men fought outside a cinema on Friday.")
    b.relevance = {"topic": "entertainment", "genre": "news", "score": 0.4}
    ev_b = Event(
        article_id=b.id,
        event_type="ASSAULT",
        evidence=Evidence(b.body, 0, len(b.body)),
        acled_event_type="Violence against civilians",
    )
    assert keep_reported([ev_b], {b.id: b}, {}) == []
    # in a political or conflict article, the rule does not apply
    b.relevance = {**b.relevance, "topic": "conflict"}
    assert keep_reported([ev_b], {b.id: b}, {}) == [ev_b]
