"""Main-event recall rules of session 11 (2026-12-03): lexicon phrasings of the PLOVER 2.0 manual's
definitions that the lead of a news story uses. Sentences written for these tests; a neutral paragraph
comes first so that the text is coded as an article, not as a short report."""

from __future__ import annotations

from tests.support.article import types_after_fill as _types


def test_troops_pulled_out_with_the_object_before_the_particle_is_a_withdrawal():
    assert _types("Kenya has pulled its troops out of Somalia.") == ["RETREAT"]
    assert "RETREAT" in _types(
        "The president decided on Tuesday to pull American soldiers out of Afghanistan."
    )


def test_combatants_captured_are_an_abduction_not_an_arrest():
    assert _types("Kurdish fighters captured two British jihadists in eastern Syria on Friday.") == [
        "ASSAULT"
    ]
    assert _types("Two British jihadists have been captured by Kurdish fighters in Syria.") == ["ASSAULT"]


def test_capture_in_its_other_senses_codes_nothing():
    assert _types("The documentary captured the mood of the city in the weeks before the vote.") == []


def test_a_suspect_captured_by_police_is_no_abduction():
    assert "ASSAULT" not in _types(
        "Seven smugglers were captured by police near the border on Monday, prosecutors said."
    )
