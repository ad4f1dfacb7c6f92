"""Event coding on the user's seed dumps (../shared/seeds, skipped when absent)."""

from __future__ import annotations

import glob
import os

import pytest

from eventdesk.code import code
from eventdesk.records import Document
from eventdesk.resources import Resources
from tests.conftest import SHARED

SEEDS = str(SHARED / "seeds")  # ../shared, or EVENTDESK_SHARED like every other test
pytestmark = pytest.mark.skipif(not os.path.isdir(SEEDS), reason="../shared/seeds not available")


@pytest.fixture(scope="module")
def coded():
    from eventdesk.segment import segment

    arts = {}
    for p in sorted(glob.glob(os.path.join(SEEDS, "*.txt"))):
        with open(p, encoding="utf-8") as f:
            for a in segment([Document(path=os.path.basename(p), kind="dump", text=f.read())]):
                if hasattr(a, "body"):
                    arts.setdefault(a.id, a)
    arts = list(arts.values())
    return arts, code(arts, {}, Resources.shared({}))


def _find(events, words, etype=None):
    return [e for e in events if words in e.evidence.sentence and (etype is None or e.event_type == etype)]


def test_evidence_offsets_point_into_body(coded):
    arts, events = coded
    bodies = {a.id: a.body for a in arts}
    assert events
    for e in events:
        assert bodies[e.article_id][e.evidence.start : e.evidence.end] == e.evidence.sentence
        assert "\n\n" not in e.evidence.sentence


def test_reciprocal_accusation_is_two_events(coded):
    _, events = coded
    acc = _find(events, "accused each other", "ACCUSE")
    pairs = {(e.actors[0].name, e.recipients[0].name) for e in acc}
    assert len(acc) == 2
    assert ("Sudan army", "Rapid Support Forces") in pairs and ("Rapid Support Forces", "Sudan army") in pairs
    # the alleged attack itself has no known actor: it is not coded as a separate event
    assert not _find(events, "accused each other", "ASSAULT")


def test_attributed_strike_is_claimed_and_speaker_is_not_actor(coded):
    _, events = coded
    (e,) = _find(events, "the RSF said the army launched airstrikes", "ASSAULT")
    assert e.modality == "claimed"
    assert e.actors[0].text == "army" and e.actors[0].country == "SDN"
    assert all("RSF" not in a.text for a in e.actors)


def test_title_coreference_across_sentences(coded):
    _, events = coded
    (trip,) = _find(events, "one-day trip to Beirut")
    assert trip.actors[0].name == "Abbas Araqchi" and trip.actors[0].country == "IRN"
    (meet,) = _find(events, "after meeting with Lebanon's parliament speaker")
    assert meet.actors[0].name == "Abbas Araqchi"
    assert any("Berri" in r.text for r in meet.recipients)


def test_official_without_country_in_phrase(coded):
    _, events = coded
    (e,) = _find(events, "issued a rare rebuke of Iran")
    assert (e.actors[0].name, e.actors[0].country) == ("Najib Mikati", "LBN")
    assert [r.country for r in e.recipients] == ["IRN"]


def test_non_event_sentences_give_nothing(coded):
    _, events = coded
    assert not _find(events, "is stationed there")
    assert not _find(events, "The visit followed several turbulent episodes")
