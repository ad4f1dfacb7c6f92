"""Which type a trigger carries, session 15 families, by definitions: an act named as the object of a verb of desire
or lack is wanted, not done (WordNet want v.1, need v.1, lack v.1); backing given to fighters is military assistance
(PLOVER AID, "military and police assistance"), backing of words stays SUPPORT; a danger put to a party is no threat
(PLOVER THREATEN "coercive or forceful warnings", ACCUSE); an offensive launched or started is an ASSAULT (PLOVER
MOBILIZE: "in the context of an ASSAULT, only the ASSAULT is coded"). Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.support.article import events_after_fill, types_after_fill
from tests.support.type_choice import decide


@pytest.mark.parametrize(
    ("text", "word", "etype", "expected"),
    [
        ("Ankara wants Moscow's backing for its plan to push the militia out.", "backing", "SUPPORT", None),
        ("The rebels lack support among the villagers of the valley.", "support", "SUPPORT", None),
        ("The minister needs the approval of parliament for the deal.", "approval", "SUPPORT", None),
        # the same noun as the object of a verb of giving is support given
        ("Moscow gave Ankara its backing for the plan on Tuesday.", "backing", "SUPPORT", "SUPPORT"),
    ],
)
def test_an_act_wanted_is_not_done(text: str, word: str, etype: str, expected: str | None) -> None:
    assert decide(text, word, etype) == expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Iran has supported Houthi fighters throughout the war.", "supported", "AID"),
        ("Qatar backed the militants in the north for two years.", "backed", "AID"),
        ("The party supported the rebels' demand for a ceasefire.", "supported", "SUPPORT"),
        ("The senator supported the new sanctions bill on Monday.", "supported", "SUPPORT"),
    ],
)
def test_backing_given_to_fighters_is_aid(text: str, word: str, expected: str) -> None:
    assert decide(text, word, "SUPPORT") == expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # a danger put to a party is a disapproval of its course (PLOVER ACCUSE), no coercive warning
        ("Angry backbenchers warned the prime minister about the dangers of a split.", "warned", "ACCUSE"),
        ("The rebels warned the government about the risks of the new law.", "warned", "ACCUSE"),
        # a repercussion held out stays a threat
        ("Russia warned Turkey about the consequences of an attack on Afrin.", "warned", "THREATEN"),
        ("Russia warned Turkey of serious consequences if it attacked.", "warned", "THREATEN"),
    ],
)
def test_a_danger_put_to_a_party_is_no_threat(text: str, word: str, expected: str) -> None:
    assert decide(text, word, "THREATEN") == expected


def test_force_foretold_in_a_figurative_sense_is_no_threat() -> None:
    # "will attack" with a record as object criticises (PLOVER ACCUSE); with a militia as object it is force foretold
    assert types_after_fill(
        "The Tory leader will attack the government's record on tax in a speech on Monday."
    ) == ["ACCUSE"]
    assert (
        decide("The army will attack the rebel positions near the border.", "attack", "THREATEN")
        == "THREATEN"
    )


def test_an_offensive_launched_is_force_used() -> None:
    # PLOVER MOBILIZE: "in the context of an ASSAULT, only the ASSAULT is coded", also when the parse takes the
    # noun "offensive" for a modifier of the place after it
    text = "Officials said the army had launched an offensive east of the river on Sunday."
    assert decide(text, "launched", "MOBILIZE") == "ASSAULT"
    assert (
        decide("The navy launched a training exercise in the Black Sea.", "launched", "MOBILIZE")
        == "MOBILIZE"
    )


def test_the_start_of_an_offensive_is_an_assault() -> None:
    evs = events_after_fill(
        "Turkey announced the start of a military operation against Kurdish forces on Wednesday."
    )
    assert [e.event_type for e in evs] == ["ASSAULT"]
    assert "CONSULT" in types_after_fill(
        "The minister announced the start of a consultation on the new rules."
    )
