"""The Python API: eventdesk.open(...).events/articles/search, filters, DataFrames."""

from __future__ import annotations

from pathlib import Path

import pytest

import eventdesk
from eventdesk.api import EventDB, FilterError, Records, SearchHit, check_date, make_filter
from eventdesk.records import Event
from tests.conftest import db_copy
from tests.support.sample import HOSTILE

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def db_path(demo_db, tmp_path_factory) -> str:
    return str(db_copy(demo_db, tmp_path_factory.mktemp("api") / "demo.db"))


@pytest.fixture
def db(db_path):
    d = eventdesk.open(db_path)
    yield d
    d.close()


def test_open_returns_api(db):
    assert isinstance(db, EventDB)
    st = db.stats()
    assert st["events"] > 0 and st["articles"] >= 4


def test_events_all_and_records(db):
    evs = db.events()
    assert isinstance(evs, Records) and evs and all(isinstance(e, Event) for e in evs)
    dates = [e.date for e in evs if e.date]
    assert dates == sorted(dates)  # oldest first
    assert db.count() == len(evs)


def test_type_filter_case_and_lists(db):
    every = db.events()
    assaults = db.events(type="assault")
    assert assaults and all(e.event_type == "ASSAULT" for e in assaults)
    assert len(assaults) == sum(e.event_type == "ASSAULT" for e in every)
    two = db.events(type=["ASSAULT", "PROTEST"])
    assert len(two) == sum(e.event_type in ("ASSAULT", "PROTEST") for e in every)
    assert len(db.events(type="ASSAULT,PROTEST")) == len(two)


def test_country_actor_place_filters(db):
    every = db.events()
    sdn = db.events(country="sdn")
    assert sdn
    assert all(
        (e.location and e.location.country == "SDN")
        or any(a.country == "SDN" for a in e.actors + e.recipients)
        for e in sdn
    )
    name = every[0].actors[0].name
    with_actor = db.events(actor=name.lower()[2:10])
    assert every[0].id in {e.id for e in with_actor}
    placed = next(e for e in every if e.location)
    assert placed.id in {e.id for e in db.events(place=placed.location.name[:4])}


def test_date_filters_are_inclusive(db):
    every = [e for e in db.events() if e.date and len(e.date) == 10]
    d = every[len(every) // 2].date
    on_day = db.events(since=d, until=d)
    assert on_day and all(e.date == d for e in on_day)
    month = db.events(since=d[:7], until=d[:7])
    assert all(e.date.startswith(d[:7]) for e in month) and len(month) >= len(on_day)


def test_modality_confidence_text(db):
    claimed = db.events(modality="claimed")
    assert all(e.modality == "claimed" for e in claimed)
    sure = db.events(min_confidence=0.9)
    assert all(e.confidence >= 0.9 for e in sure)
    word = "convoy"
    hits = db.events(text=word)
    assert hits and all(word in e.evidence.sentence.lower() for e in hits)


def test_bad_filters_raise_value_error(db):
    for kwargs in (
        {"since": "yesterday"},
        {"modality": "rumoured"},
        {"min_confidence": 2},
        {"until": "2025-13-99'; DROP TABLE events;--"},
    ):
        with pytest.raises(ValueError):
            db.events(**kwargs)
    assert db.count() > 0  # nothing was dropped


def test_injection_strings_are_data(db):
    for s in ["' OR 1=1 --", '"); DROP TABLE events; --', "%", "_", "\\", "NEAR(", "a*b", HOSTILE[0]]:
        assert isinstance(db.events(actor=s), list)
        assert isinstance(db.events(text=s), list)
        assert isinstance(db.search(s), list)
    assert db.events(actor="%") == []  # LIKE wildcards are escaped: no name contains a literal %


def test_to_pandas_flat_and_nested(db):
    df = db.events(type="ASSAULT").to_pandas()
    assert len(df) == len(db.events(type="ASSAULT"))
    for col in (
        "id",
        "event_type",
        "actor1",
        "actor2",
        "location",
        "latitude",
        "longitude",
        "date",
        "evidence",
    ):
        assert col in df.columns
    nested = db.events().to_pandas(nested=True)
    assert isinstance(nested.loc[0, "actors"], list)
    empty = db.events(type="AGREE", country="ISL").to_pandas()
    assert len(empty) == 0 and "event_type" in empty.columns  # columns kept on an empty result


def test_articles_and_search(db):
    arts = db.articles()
    assert len(arts) >= 4 and arts.to_pandas().shape[0] == len(arts)
    assert db.articles(limit=2) == arts[:2]
    hits = db.search("refinery")
    assert hits and isinstance(hits[0], SearchHit)
    assert any(hit and "refinery" in t.lower() for t, hit in hits[0].snippet)
    assert "[" in hits[0].text
    df = hits.to_pandas()
    assert list(df.columns[:3]) == ["id", "title", "published"]
    assert db.search("") == []


def test_hostile_text_round_trips_verbatim(db):
    hits = db.search("convoy attacked")
    hostile = [h for h in hits if HOSTILE[0] in h.title]
    assert hostile
    art = db.article(hostile[0].id)
    assert HOSTILE[1] in art.body


def test_timeline_and_network_frames(db):
    tl = db.timeline(interval="month")
    assert list(tl.columns) == ["period", "event_type", "count"]
    assert tl["count"].sum() == sum(1 for e in db.events() if e.date)
    net = db.actor_network()
    assert list(net.columns) == ["source", "target", "count"] and len(net) > 0


def test_make_filter_normalises():
    f = make_filter(type="assault, protest", country=" sdn ", modality=["Asserted"], since="2025")
    assert f.types == ["ASSAULT", "PROTEST"] and f.country == "SDN" and f.modalities == ["asserted"]
    assert f.date_from == "2025"


def test_check_date_and_country_names():
    assert [check_date(v, "since") for v in ("2025", "2025-03", " 2025-03-14 ", "", None)] == [
        "2025",
        "2025-03",
        "2025-03-14",
        None,
        None,
    ]
    for bad in ("2025-02-30", "2025-13", "14/03/2025", "last week"):
        with pytest.raises(FilterError) as e:
            check_date(bad, "published")
        assert e.value.field == "published" and "is not a date" in e.value.message
    # A country is its ISO alpha-3 code or its English name (the export's GeoNames table).
    assert make_filter(country="Sudan").country == "SDN"
    with pytest.raises(FilterError) as e:
        make_filter(country="Sudam")
    assert e.value.field == "country"
