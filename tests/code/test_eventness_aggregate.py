"""Eventness gate: clauses that report no one act: the infinitive of a noun of modality, an act under
deliberation, a state or series of acts in the perfect since a year or a long period, and a poll's findings
(realnews GUIDE.md: statistics, polls and generic statements are not events). Texts written here."""

from __future__ import annotations

from eventdesk.code.eventness import (
    continuing_since,
    modal_noun_infinitive,
    poll_finding,
    undecided_act,
)
from tests.support.eventness import OFF, RULES
from tests.support.eventness import candidate as _cand
from tests.support.eventness import coded as _coded


def test_the_infinitive_of_a_noun_of_modality_is_no_act() -> None:
    s = "The council had the power to sanction the mayor."
    assert modal_noun_infinitive(_cand(s, "sanction", "SANCTION", ["council"], ["mayor"]))
    s2 = "Their inability to agree on a leader weakened the rebels."
    assert modal_noun_infinitive(_cand(s2, "agree", "AGREE", ["rebels"], []))
    # a decision, an order or an attempt can be the act itself: left to the model
    s3 = "The cabinet's decision to sanction the mayor angered the party."
    assert not modal_noun_infinitive(_cand(s3, "sanction", "SANCTION", ["cabinet"], ["mayor"]))
    s4 = "The council voted to sanction the mayor."
    assert not modal_noun_infinitive(_cand(s4, "sanction", "SANCTION", ["council"], ["mayor"]))


def test_an_act_under_deliberation_is_no_event() -> None:
    s = "The ministry is considering suspending its aid to the province."
    assert undecided_act(_cand(s, "suspending", "SANCTION", ["ministry"], ["province"]))
    s2 = "The cabinet was weighing whether to expel the ambassador."
    assert undecided_act(_cand(s2, "expel", "SANCTION", ["cabinet"], ["ambassador"]))
    # the decided act, and a deliberation that is itself the meeting, stay
    s3 = "The ministry suspended its aid to the province on Monday."
    assert not undecided_act(_cand(s3, "suspended", "SANCTION", ["ministry"], ["province"]))
    s4 = "The two foreign ministers discussed the border dispute."
    assert not undecided_act(_cand(s4, "discussed", "CONSULT", ["ministers"], []))


def test_a_state_or_series_since_a_year_is_no_single_act() -> None:
    s = "Forty reporters have been killed in the country since 1995."
    assert continuing_since(_cand(s, "killed", "ASSAULT", [], ["reporters"]))
    s2 = "The alliance has supported the militia since the start of the war, officials said."
    assert continuing_since(_cand(s2, "supported", "SUPPORT", ["alliance"], ["militia"]))
    # "since Tuesday" times one recent event; a past act with a year is one dated act
    s3 = "Artillery has shelled the town since Tuesday."
    assert not continuing_since(_cand(s3, "shelled", "ASSAULT", ["Artillery"], ["town"]))
    s4 = "Troops killed four villagers in 2014."
    assert not continuing_since(_cand(s4, "killed", "ASSAULT", ["Troops"], ["villagers"]))


def test_a_polls_findings_are_no_events() -> None:
    s = "Most voters would reject the treaty, according to a poll for the newspaper."
    assert poll_finding(_cand(s, "reject", "REJECT", ["voters"], ["treaty"]))
    s2 = "A survey by the institute found that 40% of residents support the ban."
    assert poll_finding(_cand(s2, "support", "SUPPORT", ["residents"], ["ban"]))
    # the polls of an election are voting, not a survey
    s3 = "Voters went to the polls as the opposition rejected the result."
    assert not poll_finding(_cand(s3, "rejected", "REJECT", ["opposition"], ["result"]))


def test_the_gate_drops_these_clauses_and_keeps_the_act() -> None:
    body = (
        "The foreign ministry is considering expelling the Iranian ambassador. "
        "More than 300 civilians have been killed by government forces since 2012. "
        "Government forces shelled the market in Aleppo on Tuesday."
    )
    undecided = ("SANCTION", "The foreign ministry")
    series = ("ASSAULT", "More than 300")
    coded = _coded(body, OFF)
    assert {undecided, series} <= coded
    kept = _coded(body, RULES)
    assert not {undecided, series} & kept
    assert ("ASSAULT", "Government forces shelled") in kept


def _described(sentence: str, trigger: str, role: str, typ: str = "MOBILIZE"):
    c = _cand(sentence, trigger, typ, [], [])
    c.clause_role = role
    return c


def test_a_participle_describing_a_predicative_noun_phrase_is_no_act() -> None:
    from eventdesk.code.eventness import predicative_description

    s = "She was the last of the senior officials appointed by the president to stay in the cabinet."
    assert predicative_description(_described(s, "appointed", "acl|VERB|VBN|nosubj|NOUN"))
    s2 = "The valley is one of the last refuges of militias fighting the army."
    assert predicative_description(_described(s2, "fighting", "acl|VERB|VBG|nosubj|NOUN", "ASSAULT"))
    # a participle of a subject or an object reports the act; a dated one is one act
    s3 = "Soldiers appointed by the president stormed the parliament."
    assert not predicative_description(_described(s3, "appointed", "acl|VERB|VBN|nosubj|NOUN"))
    s4 = "He was the first officer killed in the town on Monday."
    assert not predicative_description(_described(s4, "killed", "acl|VERB|VBN|nosubj|NOUN", "ASSAULT"))
    # the same words as the verb of a main clause
    assert not predicative_description(_described(s, "appointed", "ROOT|VERB|VBD|subj|none"))


def test_the_gate_drops_a_description_and_keeps_the_attack() -> None:
    body = (
        "The general was the last of the senior commanders recruited by the president to remain in the army. "
        "Militias attacked the convoy near Homs."
    )
    described = ("MOBILIZE", "The general was")
    assert described in _coded(body, OFF)
    kept = _coded(body, RULES)
    assert described not in kept
    assert ("ASSAULT", "Militias attacked the") in kept
