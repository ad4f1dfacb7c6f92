"""A deadline is not the date of a demand, agreement or threat (Quirk et al. 1985, 9.36-9.40:
"by" + a date is the end point of a span). Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.support.dates import dated


@pytest.mark.parametrize(
    "sentence, etype, trigger",
    [
        (
            "The buffer zone will be cleared of heavy weapons by 30 November, the two ministers agreed.",
            "AGREE",
            "agreed",
        ),
        ("The council demanded that the militia hand back the port by 1 December.", "REQUEST", "demanded"),
        (
            "The rebels threatened to shell the airport unless the army left no later than Saturday.",
            "THREATEN",
            "threatened",
        ),
        ("The union gave the company until Monday to reinstate the sacked workers.", "REQUEST", "gave"),
        # backshifted reported speech: the past tense does not put the deadline in the past
        (
            "The rebels threatened to shell the airport if the army was not gone by 30 November.",
            "THREATEN",
            "threatened",
        ),
    ],
)
def test_a_deadline_does_not_date_the_act_that_sets_it(sentence: str, etype: str, trigger: str) -> None:
    ev = dated(sentence, etype, trigger)
    assert ev.date == "2023-11-16"  # the reporting day: said when reported, due later
    assert ev.date_text is None
    assert ev.modality == "asserted"


def test_a_deadline_beside_the_day_of_the_act_keeps_that_day() -> None:
    ev = dated(
        "On Tuesday the mayor demanded that the strikers return to work by Friday.", "REQUEST", "demanded"
    )
    assert (ev.date, ev.date_text) == ("2023-11-14", "On Tuesday")


def test_the_due_act_itself_keeps_its_deadline() -> None:
    # a withdrawal due by a date is the act the deadline is about: it keeps the date
    ev = dated("The troops will withdraw from the town by 30 November.", "RETREAT", "withdraw")
    assert ev.date == "2023-11-30"
    assert ev.modality == "hypothetical"


def test_a_past_upper_bound_still_dates_the_act() -> None:
    # "by" + a past date bounds a completed act; it is no deadline still to come
    ev = dated("By Tuesday the two sides had agreed on a prisoner exchange.", "AGREE", "agreed")
    assert ev.date == "2023-11-14"
