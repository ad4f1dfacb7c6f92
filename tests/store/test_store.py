"""The store on every backend (SQLite; PostgreSQL with `-m postgres`): transactions, search, events, files."""

from __future__ import annotations

import pytest

from eventdesk.records import Actor, Article, Event, Evidence, Place, Source
from eventdesk.store import EventFilter, fts_query


@pytest.fixture
def store(any_store):
    """Every test here runs on each backend (conftest `any_store`)."""
    return any_store


def art(n: int, path: str = "f.txt") -> Article:
    return Article(
        title=f"Title {n}",
        body=f"Body number {n} about the Khartoum refinery fire.",
        sources=[Source(path, n)],
    )


def test_transaction_rolls_back(store):
    with pytest.raises(RuntimeError), store.transaction():
        store.add_article(art(1))
        raise RuntimeError("killed")
    assert store.stats()["articles"] == 0
    with store.transaction():
        store.add_article(art(1))
    assert store.stats()["articles"] == 1


def test_exact_duplicate_adds_a_source(store):
    with store.transaction():
        assert store.add_article(art(1, "a.txt"))
        dup = art(1, "b.txt")
        assert not store.add_article(dup)
    a = store.get_article(art(1).id)
    assert [(s.path, s.index) for s in a.sources] == [("a.txt", 1), ("b.txt", 1)]


def test_search_snippets_and_hostile_queries(store):
    with store.transaction():
        for i in range(3):
            store.add_article(art(i))
    hits = store.search("refinery")
    assert len(hits) == 3 and "[refinery]" in hits[0]["snippet"]
    for q in ['"', "refinery OR", "NEAR(", "'; DROP TABLE articles; --", "*", "a AND (b"]:
        store.search(q)  # never a syntax error
    assert store.stats()["articles"] == 3
    assert fts_query('say "hi" refin*') == '"say" """hi""" "refin"*'


def test_events_filters_and_sources(store):
    a = art(1)
    loc = Place(text="Khartoum", name="Khartoum", lat=15.55, lon=32.53, country="SDN", precision=1)
    ev = Event(
        article_id=a.id,
        event_type="ASSAULT",
        evidence=Evidence("Body number 1", 0, 13),
        actors=[Actor("the army", "Sudanese Armed Forces", "SDN", "MIL")],
        recipients=[Actor("RSF", "Rapid Support Forces", "SDN", "REB")],
        location=loc,
        date="2025-01-23",
        date_precision="day",
        confidence=0.8,
    )
    with store.transaction():
        store.add_article(a)
        assert store.add_events([ev]) == 1
        assert store.add_events([ev]) == 0
    assert store.count_events(EventFilter(types=["assault"])) == 1
    assert store.count_events(EventFilter(actor="rapid support")) == 1
    assert store.count_events(EventFilter(actor="50%_")) == 0
    assert store.count_events(EventFilter(country="SDN", date_from="2025-01", date_to="2025-01")) == 1
    assert store.count_events(EventFilter(bbox=(30, 10, 35, 20))) == 1
    assert store.count_events(EventFilter(bbox=(0, 0, 1, 1))) == 0
    assert store.count_events(EventFilter(text="number")) == 1
    got = store.get_event(ev.id)
    assert got.to_dict() == ev.to_dict()


def test_forget_changed_file(store):
    with store.transaction():
        store.add_article(art(1, "a.txt"))
        store.add_article(art(2, "a.txt"))
        store.add_source(art(2).id, Source("b.txt", 0))
        assert store.forget_file("a.txt") == 1  # article 2 still has b.txt
    assert store.stats()["articles"] == 1 and store.search("refinery")[0]["id"] == art(2).id


def test_reset_coding_drops_events_with_their_co_reporters(store):
    """`eventdesk recode`: an article's events go, with those of articles sharing an event with it
    (one event, several reports), and all of them wait to be coded again; only the given undated
    articles take the publication date."""
    a, b, c = art(1), art(2), art(3)
    b.date_hints = ["2025-01-02"]
    with store.transaction():
        for x in (a, b, c):
            store.add_article(x)
        store.mark_coded([a.id, b.id, c.id])
        shared = Event(article_id=a.id, event_type="ASSAULT", evidence=Evidence(a.body, 0, len(a.body)))
        own_c = Event(article_id=c.id, event_type="PROTEST", evidence=Evidence(c.body, 0, len(c.body)))
        store.add_events([shared, own_c])
        store.add_event_source(shared.id, b.id)  # b reported a's event too
    with store.transaction():
        reset = store.reset_coding([b.id], published="2025-03-01")
    assert set(reset) == {a.id, b.id}
    assert [e.id for e in store.iter_events()] == [own_c.id]
    assert {x.id for x in store.uncoded_articles()} == {a.id, b.id}
    assert store.get_article(b.id).published is None  # its dated hint is the better date
    with store.transaction():
        store.reset_coding([c.id], published="2025-03-01")
    assert store.get_article(c.id).published == "2025-03-01"
    assert store.count_events() == 0
    assert store.get_article(a.id).published is None  # not asked for


def test_search_budget_stops_a_slow_search_with_the_same_error(store):
    """serve's search budget (issue 15): SQLite's progress handler, PostgreSQL's statement_timeout
    and a cancel from a watcher: one error, QueryInterrupted, and nothing left behind after it."""
    from eventdesk.store import QueryInterrupted

    query = fill_for_slow_search(store)
    with pytest.raises(QueryInterrupted, match="interrupted"), store.query_budget(1e-9):
        store.search_marked(query, limit=20)
    with (
        pytest.raises(QueryInterrupted, match="interrupted"),
        store.query_budget(None, cancelled=lambda: True),
    ):
        store.search_marked(query, limit=20)
    with store.query_budget(60.0, cancelled=lambda: False):  # within its budget: answers
        assert len(store.search_marked(query, limit=20)) == 20
    assert len(store.search_marked(query, limit=20)) == 20  # no limit left behind


def fill_for_slow_search(store) -> str:
    """100 long articles; returns a search over all of them that takes many steps on either engine
    (ranking, and a snippet read from each long body)."""
    from eventdesk.records import Article, Source

    vocab = ["government", "killed", "time", "security", "forces", "town", "gathered", "talks"]
    with store.transaction():
        for i in range(100):
            body = " ".join(vocab[(i * 7 + k * 3) % len(vocab)] + str(k % 50) for k in range(1000))
            store.add_article(Article(title=f"Report {i}", body=body, sources=[Source(f"b{i}.txt", 0)]))
    return "go* ki* ti* se*"
