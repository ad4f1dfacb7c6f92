"""ACLED fatality counts (eventdesk.code.fatalities); sentences written for these tests."""

from __future__ import annotations

import pytest

from eventdesk.code.fatalities import fatalities, parse_number


@pytest.mark.parametrize(
    "text,n",
    [
        ("Gunmen killed three soldiers and two civilians at a checkpoint.", 5),
        ("Five people were killed and 12 wounded in the blast.", 5),
        ("At least 14 people died when the market was shelled.", 14),
        ("Between 3 and 5 fighters were killed in the clash.", 3),
        ("Several villagers were killed in the raid.", 3),
        ("Dozens of people were killed in the air strikes.", 12),
        ("Hundreds of civilians were killed during the siege.", 100),
        ("The death toll rose to 27 on Sunday.", 27),
        ("A police officer was shot dead near his home.", 1),
        ("Armed men opened fire on a bus, killing its driver.", 1),
        ("Twenty-one miners were killed by the attackers.", 21),
        ("The attackers wounded seven people.", None),
        ("Police dispersed the crowd; no one was killed.", 0),
        ("Two gunmen shot dead a shopkeeper.", 1),
        ("Clashes erupted on 12 May 2022 near the border.", None),
        ("Militants attacked the base. 4 fatalities.", 4),
    ],
)
def test_counts(text: str, n: int | None) -> None:
    assert fatalities(text) == n


def test_unit_numbers_are_not_counts() -> None:
    assert fatalities("Soldiers of battalion 101 were killed in an ambush.") != 101
    assert fatalities("On 12 May 2022, 2 soldiers were killed.") == 2


def test_separate_incidents_add_up() -> None:
    text = "A man was killed in the north of the city. Also in the city, a woman and a child were killed."
    assert fatalities(text) == 3


def test_restated_toll_is_not_double_counted() -> None:
    text = "Six people were killed in the attack. The six victims were all farmers who were killed on their land."
    assert fatalities(text) == 6


def test_protest_about_an_old_killing_has_no_fatalities() -> None:
    text = "Relatives of a student who was killed by police last year marched to the court."
    assert fatalities(text, "Protests") is None
    assert fatalities("Protesters marched; 2 fatalities.", "Protests") == 2


@pytest.mark.parametrize(
    "s,n",
    [
        ("at least 5", 5),
        ("3-5", 3),
        ("three or four", 3),
        ("dozens of", 12),
        ("1,200", 1200),
        ("a dozen", 12),
        ("forty-two", 42),
    ],
)
def test_parse_number(s: str, n: int) -> None:
    assert parse_number(s) == n


def test_possible_or_predicted_deaths_are_no_figure() -> None:
    assert fatalities("Aid officials warn that thousands may die if the siege goes on.") is None
    assert fatalities("Analysts said a ground assault could kill dozens of civilians.") is None
    assert fatalities("A ground assault killed dozens of civilians.") == 12


def test_a_running_toll_of_a_war_is_no_event_figure() -> None:
    assert fatalities("More than 300,000 people have been killed since 2011.") is None
    assert fatalities("Some 20,000 people have died as the war enters its fifth year.") is None
    assert fatalities("Fighters killed 40 people in a village on Monday.") == 40


def test_a_relative_clause_death_is_one() -> None:
    assert fatalities("A soldier who was killed by a roadside bomb has been named.") == 1
