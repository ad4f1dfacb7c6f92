"""Types of warnings and clashes by the PLOVER 2.0 manual's definitions (code/type_choice/; issue 11 point 2):
THREATEN is a coercive warning the speaker's side holds out; a warning that judges another party's act or policy is a
criticism (ACCUSE); an analyst's warning is an opinion (no event); a clash one side of which is a person is a dispute
in words (ACCUSE). Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.support.type_choice import decide as _decide


@pytest.mark.parametrize(
    ("text", "word", "etype", "expected"),
    [
        # another named party's doing, told and judged: a criticism
        ("The envoy warned that Russian jets had bombed the hospitals.", "warned", "THREATEN", "ACCUSE"),
        (
            "The senator warned that Moscow had armed the separatists for years.",
            "warned",
            "THREATEN",
            "ACCUSE",
        ),
        (
            "The foreign minister warned that Iran was quietly expanding the militia.",
            "warned",
            "THREATEN",
            "ACCUSE",
        ),
        (
            "The mayor warned that the decision to close the crossing had ruined local traders.",
            "warned",
            "THREATEN",
            "ACCUSE",
        ),
        # the speaker's side holds out a coercive act, a party is to undergo one, or another party would act:
        # a warning of repercussions
        ("The minister warned that Moscow would pay a heavy price.", "warned", "THREATEN", "THREATEN"),
        (
            "The minister warned that his government would impose new sanctions.",
            "warned",
            "THREATEN",
            "THREATEN",
        ),
        ("Paris warned that Damascus would face serious consequences.", "warned", "THREATEN", "THREATEN"),
        (
            "The general warned that his troops would storm the town within days.",
            "warned",
            "THREATEN",
            "THREATEN",
        ),
        # an analyst's forecast, or people in need: no act of a party
        (
            "Security analysts warned that the militants could regroup in the desert.",
            "warned",
            "THREATEN",
            None,
        ),
        ("Economists warned that the strikes would cost the economy millions.", "warned", "THREATEN", None),
        ("The agency warned that 400 civilians needed evacuation from the town.", "warned", "THREATEN", None),
        (
            "The charity warned that 3,000 families need shelter before the winter.",
            "warned",
            "THREATEN",
            None,
        ),
        # a person clashed with in words; crowds and forces clash in arms
        ("The ambassador clashed with the prime minister at the meeting.", "clashed", "ASSAULT", "ACCUSE"),
        ("Protesters clashed with police outside the parliament.", "clashed", "ASSAULT", "ASSAULT"),
        ("The minister's bodyguards clashed with troops at the checkpoint.", "clashed", "ASSAULT", "ASSAULT"),
    ],
)
def test_warning_and_clash_types(text: str, word: str, etype: str, expected: str | None) -> None:
    assert _decide(text, word, etype) == expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # a verb of movement tells a visit only as a journey to a place (PLOVER CONSULT 'visit')
        ("The Iranian foreign minister came to Damascus on Sunday for talks.", "came", "CONSULT"),
        ("The prime minister went to Brussels to meet the other leaders.", "went", "CONSULT"),
        ("The label came to cover every armed group in the province.", "came", None),
        ("The general's party came to power after the coup.", "came", None),
        ("The ministers agree on most things, but when it came to the budget they split.", "came", None),
    ],
)
def test_a_movement_verb_is_a_visit_only_as_a_journey(text: str, word: str, expected: str | None) -> None:
    assert _decide(text, word, "CONSULT") == expected
