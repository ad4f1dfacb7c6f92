"""Recall rules of session 13 (2026-12-03): the core words of a type in the PLOVER 2.0 manual's own
descriptions that the lexicon lacked (THREATEN 'territory' and 'violence', ACCUSE "criticize, defame",
"sue or bring to court"; Levin's beg verbs with their "for" object). Sentences written for these tests;
a neutral paragraph comes first so that the text is coded as an article, not as a short report."""

from __future__ import annotations

from tests.support.article import events_after_fill
from tests.support.article import types_after_fill as _types


def test_a_vow_to_take_a_territory_is_a_threat_not_an_assault():
    assert _types(
        "The Syrian government vowed on Monday to retake every inch of the country from the rebels."
    ) == ["THREATEN"]
    assert _types("Assad has vowed to win back control of the whole country, his office said on Sunday.") == [
        "THREATEN"
    ]


def test_saying_one_will_drive_out_a_named_armed_enemy_is_a_threat():
    evs = events_after_fill(
        "The Turkish prime minister said on Sunday that the army would root out the militias in the enclave."
    )
    assert [e.event_type for e in evs] == ["THREATEN"]
    assert [r.name for r in evs[0].recipients] == ["militias"]


def test_eliminating_a_deficit_is_no_threat():
    assert (
        _types("The chancellor said on Sunday that the government would eliminate the deficit by 2010.") == []
    )


def test_critical_of_and_legal_action_against_are_accusations():
    assert _types(
        "Labour was highly critical of the government's handling of the crisis, its spokesman said on Monday."
    ) == ["ACCUSE"]
    assert _types("The family launched legal action against the Home Office on Tuesday.") == ["ACCUSE"]


def test_an_act_called_provocative_is_condemned_by_who_calls_it():
    evs = events_after_fill("The Russian foreign ministry called the American move provocative.")
    assert [e.event_type for e in evs] == ["ACCUSE"]
    assert [a.name for a in evs[0].actors] == ["Russian Federation foreign ministry"]


def test_an_evaluative_adjective_with_no_one_judging_codes_nothing():
    assert _types("The new road layout is provocative and reckless.") == []


def test_begging_someone_for_help_is_a_request():
    assert _types("The families of the two men have begged the prime minister for help.") == ["REQUEST"]
