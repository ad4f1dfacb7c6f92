"""A time adverbial inside a relative clause on a person dates that clause's own verb, not the
event told around it (Quirk et al. 1985, 17.9). Sentences written for these tests."""

from __future__ import annotations

from tests.support.dates import dated


def test_a_date_in_a_relative_clause_on_the_victim_does_not_date_the_killing() -> None:
    s = (
        "Demir, a volunteer who moved to Britain with his family 22 years ago, is believed to be "
        "the third British citizen killed while fighting with the militia."
    )
    ev = dated(s, "ASSAULT", "killed")
    assert ev.date_text is None
    assert ev.modality != "historical"
    assert ev.date == "2023-11-16"


def test_a_date_in_a_relative_clause_on_the_actor_does_not_date_the_arrest() -> None:
    s = "The man, whose brother fled the country in 2015, was arrested by police in the port."
    ev = dated(s, "COERCE", "arrested")
    assert ev.date_text is None


def test_the_relative_clause_that_holds_the_trigger_keeps_its_date() -> None:
    s = "Police named the gunman, who opened fire on the crowd on Tuesday, as a local man."
    ev = dated(s, "ASSAULT", "opened fire")
    assert (ev.date, ev.date_text) == ("2023-11-14", "on Tuesday")


def test_which_may_have_the_event_itself_as_antecedent() -> None:
    s = "Officials condemned the attack on the base, which took place on Tuesday."
    ev = dated(s, "ASSAULT", "attack")
    assert (ev.date, ev.date_text) == ("2023-11-14", "on Tuesday")


def test_a_date_outside_any_relative_clause_still_dates_the_event() -> None:
    s = "Troops, who had been deployed to the border, shelled the town on Tuesday."
    ev = dated(s, "ASSAULT", "shelled")
    assert (ev.date, ev.date_text) == ("2023-11-14", "on Tuesday")
