"""Which type a trigger carries, session 16 families, by definitions: an attack whose doer is a military force or an
armed group is force used, never a figurative attack in words (PLOVER ASSAULT; ACCUSE is verbal); a promise of an act of
force is a threat (PLOVER THREATEN); guilt predicated in a party's words is an allegation (PLOVER ACCUSE), a court's
verdict is not; fighters or military positions evacuated are a withdrawal (PLOVER RETREAT), civilians evacuated are
helped (AID); armed forces backed by a state get military assistance (PLOVER AID); a warning that another party's act
will cause harm decries that act (PLOVER ACCUSE), one that holds out a coercive response stays a threat; an act a party
is ordered to do is not done (PLOVER REQUEST: "demands, and orders"). Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.support.article import types_after_fill
from tests.support.type_choice import decide


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the "as" here opens a clause of time; the doers are troops, so the attack is force (foretold: a threat)
        (
            "Turkish troops near the border are making final plans to attack the Kurdish fighters inside northern "
            "Syria as tensions between Ankara and Washington near new levels.",
            "THREATEN",
        ),
        ("Rebel fighters attacked the army convoy as it left the city on Monday.", "ASSAULT"),
        # a politician's attack characterised "as" soft stays a criticism
        ("The opposition leader attacked the prime minister as soft on crime on Monday.", "ACCUSE"),
    ],
)
def test_an_attack_by_a_force_is_no_attack_in_words(text: str, expected: str) -> None:
    word = "attacked" if "attacked" in text.split() else "attack"
    etype = "THREATEN" if "plans to" in text else "ASSAULT"
    assert decide(text, word, etype) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The president stepped back from his promise of an imminent missile strike on the airbase.",
            "THREATEN",
        ),
        (
            "The minister repeated his promise of a swift military response to any attack on the border posts.",
            "THREATEN",
        ),
        ("The president kept his promise of new talks with the opposition in Geneva.", "AGREE"),
    ],
)
def test_a_promise_of_force_is_a_threat(text: str, expected: str) -> None:
    assert decide(text, "promise", "AGREE") == expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The opposition leader said the ministers were guilty of war crimes in Idlib.", "guilty", "ACCUSE"),
        (
            "Stewart said the fighters who left Britain were guilty of horrific acts in Syria.",
            "guilty",
            "ACCUSE",
        ),
        # a court's verdict is no allegation
        ("The former minister was found guilty of corruption by a court in Cairo.", "found", "COERCE"),
    ],
)
def test_guilt_in_a_party_s_words_is_an_allegation(text: str, word: str, expected: str) -> None:
    assert decide(text, word, "SANCTION") == expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        (
            "The evacuation of the rebel fighters from Douma began on Sunday under a deal with Russia.",
            "evacuation",
            "RETREAT",
        ),
        ("Government troops evacuated the airbase near Palmyra on Sunday.", "evacuated", "RETREAT"),
        ("Rescuers evacuated hundreds of civilians from the besieged town on Sunday.", "evacuated", "AID"),
        ("The UN evacuated the wounded from eastern Aleppo on Sunday.", "evacuated", "AID"),
    ],
)
def test_fighters_evacuated_withdraw(text: str, word: str, expected: str) -> None:
    assert decide(text, word, "AID") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turkey, which has supported anti-Assad forces throughout the war, was asked to act.", "AID"),
        ("Iran has supported Iraqi forces in the battle for Mosul.", "AID"),
        ("The senator supported the troops in a speech on Monday.", "SUPPORT"),
    ],
)
def test_forces_backed_by_a_state_get_military_aid(text: str, expected: str) -> None:
    assert decide(text, "supported", "SUPPORT") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Syrian president warned that threats of Western military action would only lead to chaos.",
            "ACCUSE",
        ),
        (
            "The Kurdish leader warned that a Turkish offensive would cause a humanitarian catastrophe.",
            "ACCUSE",
        ),
        # a coercive response held out, or the speaker's own side acting, stays a threat
        ("Russia warned that any American strike would lead to a response from its forces.", "THREATEN"),
        ("Erdogan warned that Turkey would launch an operation in Afrin within days.", "THREATEN"),
    ],
)
def test_a_warning_of_another_party_s_act_causing_harm_decries_it(text: str, expected: str) -> None:
    assert decide(text, "warned", "THREATEN") == expected


def test_an_act_a_party_is_ordered_to_do_is_not_done() -> None:
    assert (
        decide("Washington instructed the Kurds to surrender the town to the army.", "surrender", "RETREAT")
        is None
    )
    # troops ordered out are the orderer's own: the withdrawal stays
    assert "RETREAT" in types_after_fill("Trump ordered US troops to withdraw from northern Syria on Sunday.")


@pytest.mark.parametrize(
    ("text", "word", "etype", "expected"),
    [
        # land seized is territory taken by force; a named operation launched is force used
        (
            "The insurgents seized the capital in January, forcing the government to resign.",
            "seized",
            "COERCE",
            "ASSAULT",
        ),
        (
            "In August the army launched Northern Shield, an operation against the militia.",
            "launched",
            "MOBILIZE",
            "ASSAULT",
        ),
        # fighters driven off or an armed advance stopped is fighting, a plot foiled by police is not
        (
            "Kurdish-led fighters were still clearing militants from the old city.",
            "clearing",
            "COERCE",
            "ASSAULT",
        ),
        (
            "The rebels said advances by regime forces had been thwarted near the town.",
            "thwarted",
            "COERCE",
            "ASSAULT",
        ),
        ("Police thwarted a plot to bomb the station on Monday.", "thwarted", "COERCE", "COERCE"),
    ],
)
def test_land_taken_and_armed_men_repelled_are_force(text: str, word: str, etype: str, expected: str) -> None:
    assert decide(text, word, etype) == expected


def test_an_attack_made_in_words_is_a_criticism() -> None:
    text = (
        "The president has attacked the former colonial powers, saying they treated Africans with contempt."
    )
    assert decide(text, "attacked", "ASSAULT") == "ACCUSE"
    assert (
        decide("The militants attacked the base, killing three soldiers.", "attacked", "ASSAULT") == "ASSAULT"
    )


def test_sanctions_lifted_are_a_concession() -> None:
    # CAMEO 081 "Ease administrative sanctions" -> PLOVER CONCEDE
    assert (
        decide("US sanctions were lifted on several Turkish citizens on Monday.", "sanctions", "SANCTION")
        == "CONCEDE"
    )
    assert (
        decide("The EU imposed new sanctions on the Syrian regime on Monday.", "sanctions", "SANCTION")
        == "SANCTION"
    )


def test_a_weapon_kind_named_by_a_noun_modifier_is_no_attack() -> None:
    text = "Two Russian attack aircraft made several low passes near the American destroyer on Wednesday."
    assert decide(text, "attack", "ASSAULT") is None
