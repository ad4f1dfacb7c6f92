"""ACCUSE from judgements (issue 11, session 14): FrameNet's Judgment_communication and
Judgment_direct_address units and the idioms of criticism that the lexicon lacked, and a judgement
predicated of a party's act by who says it ("said the decision was a grave mistake", code/judgement.py).
Sentences written for these tests; a neutral paragraph comes first (tests/support/article.py)."""

from __future__ import annotations

from tests.support.article import events_after_fill
from tests.support.article import types_after_fill as _types


def _parties(text: str) -> list[tuple[str, list[str], list[str]]]:
    return [
        (e.event_type, [a.name for a in e.actors], [r.name for r in e.recipients])
        for e in events_after_fill(text)
    ]


def test_criticism_verbs_of_framenet_judgement_frames():
    assert _parties("The president admonished the generals on Monday.") == [
        ("ACCUSE", ["president"], ["generals"])
    ]
    assert _types("The opposition leader critiqued the government's budget in parliament on Tuesday.") == [
        "ACCUSE"
    ]


def test_idioms_of_criticism():
    assert _parties("The opposition leader hit back at the prime minister on Tuesday.") == [
        ("ACCUSE", ["opposition leader"], ["prime minister"])
    ]
    assert _parties("The foreign minister took the United Nations to task over its report.") == [
        ("ACCUSE", ["foreign minister"], ["United Nations"])
    ]
    assert _types("The French president poured scorn on Johnson's plan on Tuesday.") == ["ACCUSE"]


def test_a_scathing_attack_is_words_not_force():
    assert _parties("The senator launched a scathing attack on the president on Monday.") == [
        ("ACCUSE", ["senator"], ["president"])
    ]


def test_a_reported_negative_judgement_accuses_whose_act_it_is():
    assert _parties("The Iranian foreign ministry said the American decision was a grave mistake.") == [
        ("ACCUSE", ["Iran foreign ministry"], ["United States"])
    ]
    assert _parties("Syria said the US plan was a blatant attack on its sovereignty.") == [
        ("ACCUSE", ["Syria"], ["United States"])
    ]
    assert _parties("Russia said the American strikes were an act of aggression.") == [
        ("ACCUSE", ["Russian Federation"], ["United States"])
    ]


def test_a_judgement_of_no_party_or_by_no_one_codes_nothing():
    assert _types("The critics said the film was a mistake.") == []
    assert _types("The decision to close the library was a mistake.") == []
    assert _types("The coach said the defeat was a disgrace.") == []


def test_a_breach_someone_alleges_accuses_who_broke_it():
    assert _parties("Russia said Turkey had violated the ceasefire.") == [
        ("ACCUSE", ["Russian Federation"], ["Turkiye"])
    ]
    assert _parties("Amnesty International charged that the police had tortured detainees.")[0][:2] == (
        "ACCUSE",
        ["Amnesty International"],
    )


def test_a_breach_no_one_alleges_or_no_party_commits_codes_nothing():
    assert _types("The Syrian army violated the truce on Monday.") == []
    assert _types("The company said the supplier had breached the contract.") == []
