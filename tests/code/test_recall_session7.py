"""Recall rules of the third session of 2026-12-02: condemnation told in evaluative words (CAMEO
111), refusals to comply and their modality (CAMEO 12). Sentences written for these tests; a neutral paragraph comes first so that the
text is coded as an article, not as a short report."""

from __future__ import annotations

from eventdesk.code.lexicon import triggers
from tests.support.article import events_after_fill


def _events(text: str, etype: str):
    return [e for e in events_after_fill(text) if e.event_type == etype]


def test_condemnation_in_evaluative_words_is_an_accusation_by_the_one_who_judges():
    evs = _events('Kenya\'s foreign minister said he found the Somali decision "abhorrent".', "ACCUSE")
    assert [a.country for e in evs for a in e.actors] == ["KEN"]


def test_a_journalist_s_epithet_is_no_accusation():
    assert _events("It was an appalling season for the farmers of the valley.", "ACCUSE") == []
    assert _events("The outrageous price of bread angered shoppers in Nairobi.", "ACCUSE") == []


def test_refusing_to_act_on_a_call_is_a_rejection_told_as_fact():
    text = "Uganda said it would not act for now on Kenya's call to reopen the border."
    assert any(h.event_type == "REJECT" for h in triggers(text))
    evs = _events(text, "REJECT")
    assert [a.country for e in evs for a in e.actors] == ["UGA"]
    # the "not" is the refusal itself, not a denial that anything was said
    assert [e.modality for e in evs] == ["claimed"]


def test_ignoring_a_demand_is_a_rejection():
    assert any(
        h.event_type == "REJECT"
        for h in triggers("The junta ignored repeated calls by the African Union to release the prisoners.")
    )


def test_the_subject_of_a_judging_verb_condemns_without_a_verb_of_saying():
    evs = _events("The Kenyan president called the Somali decision outrageous on Monday.", "ACCUSE")
    assert [a.country for e in evs for a in e.actors] == ["KEN"]


def test_the_raised_subject_of_a_reporting_passive_is_the_actor():
    evs = _events("Kenyan troops are believed to have shelled the border village of Dhobley.", "ASSAULT")
    assert [a.country for e in evs for a in e.actors] == ["KEN"]
    evs = _events("Two Ugandan soldiers are said to have been killed by al-Shabaab fighters.", "ASSAULT")
    assert [a.name for e in evs for a in e.actors] == ["Al-Shabaab"]
    assert [r.country for e in evs for r in e.recipients] == ["UGA"]


def test_who_dies_in_an_event_is_not_its_actor():
    evs = _events("The Kenyan farmer died in the fighting near Mandera, officials said.", "ASSAULT")
    assert not [a for e in evs for a in e.actors if "farmer" in a.text]
