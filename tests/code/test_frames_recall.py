"""Frames for demands made by saying another party must / should act (PLOVER REQUEST), one record per
obliged party. Sentences written for these tests."""

from __future__ import annotations

from eventdesk.code import code
from eventdesk.records import Article
from eventdesk.resources import Resources


def _requests(text: str):
    """REQUEST records coded from the sentence's clauses (not a short text's whole-report guess)."""
    evs = code([Article(title="", body=text, published="2024-05-01")], {}, Resources.shared({}))
    return [e for e in evs if e.event_type == "REQUEST" and e.extra.get("from") != "document"]


def test_said_that_parties_must_act_is_one_demand_per_party():
    evs = _requests("The Kenyan president said Uganda and Tanzania must reopen the border.")
    assert sorted(e.recipients[0].country for e in evs) == ["TZA", "UGA"]
    assert all(e.actors[0].country == "KEN" and len(e.recipients) == 1 for e in evs)


def test_should_after_the_speech_verb():
    evs = _requests(
        "On Friday the Chilean foreign minister said in a radio interview that Peru should withdraw its "
        "ambassador from Santiago."
    )
    assert [(e.actors[0].country, e.recipients[0].country) for e in evs] == [("CHL", "PER")]


def test_no_speaker_or_no_other_party_is_no_demand():
    assert _requests("Governments should invest more in schools and hospitals.") == []
    assert _requests("We must remain vigilant, the Danish minister said.") == []


def test_a_demand_in_a_later_sentence_of_a_quotation_is_the_opener_s():
    evs = _requests(
        "The Danish foreign minister, Lars Holm, said: “We are grateful for the talks in Oslo. Kenya and "
        "Somalia must now open the crossing.” Later the minister left for Rome."
    )
    assert sorted(e.recipients[0].country for e in evs) == ["KEN", "SOM"]
    assert all(e.actors[0].name == "Lars Holm" for e in evs)


def test_an_indefinite_pronoun_speaks_for_no_one():
    assert _requests("Al-Shabaab attacked a base. The army must retreat, said nobody.") == []
