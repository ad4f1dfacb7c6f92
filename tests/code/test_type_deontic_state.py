"""Which events a sentence yields (code/type_choice/; issue 11 point 2), by definitions: a state said to be desirable
("places should be there", "the survivors should be a priority") is an opinion, not a demand that a party act (PLOVER
REQUEST; realnews GUIDE: opinions are no events); "charged with ensuring order" is charge in its sense 'assign a duty'
(WordNet 3.1), no indictment or accusation. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.support.type_choice import decide


@pytest.mark.parametrize(
    ("text", "word", "etype", "expected"),
    [
        # a state said to be desirable is an opinion; an act demanded stays a demand
        ("Places should be there for all who want them, the minister said.", "should", "REQUEST", None),
        ("The ambassador said the survivors should be a priority.", "said", "REQUEST", None),
        ("The opposition leader said the minister should be sacked.", "should", "REQUEST", "REQUEST"),
        ("The opposition leader said the minister should resign.", "should", "REQUEST", "REQUEST"),
    ],
)
def test_a_desirable_state_is_no_demand(text: str, word: str, etype: str, expected: str | None) -> None:
    assert decide(text, word, etype) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The clerk is charged with ensuring order in the chamber.", None),
        ("A panel was charged with overseeing the inquiry.", None),
        ("The guard was charged with murdering a prisoner.", "COERCE"),
    ],
)
def test_charged_with_a_task_is_no_charge(text: str, expected: str | None) -> None:
    assert decide(text, "charged", "ACCUSE") == expected
