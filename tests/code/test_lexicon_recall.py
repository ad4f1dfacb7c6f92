"""Trigger phrasings added from the PLOVER 2.0 manual's type definitions (data/ontology/triggers.tsv,
'session 5' block) and the clause rule for adverbial/coordinated acts. Sentences written for these tests."""

from __future__ import annotations

import pytest

from eventdesk.code.lexicon import triggers


def _types(text: str) -> dict[str, str]:
    return {h.event_type: text[h.start : h.end] for h in triggers(text)}


@pytest.mark.parametrize(
    ("text", "etype", "words"),
    [
        # ACCUSE disapprove: concern about another actor's act, also with the word in quotation marks
        (
            "The Danish foreign minister said she was “concerned” about Chad’s new curfew.",
            "ACCUSE",
            "concerned” about",
        ),
        ("Oslo voiced grave concern over the arrests of reporters in Minsk.", "ACCUSE", "grave concern"),
        ("The union called the new rules unacceptable.", "ACCUSE", "unacceptable"),
        # SUPPORT: support given, permission granted, a right recognised
        (
            "The governor gave her full support to the mayor's reform plan.",
            "SUPPORT",
            "gave her full support to",
        ),
        ("Kenya granted Uganda permission to use the port.", "SUPPORT", "granted Uganda permission to"),
        (
            "Peru recognised Chile’s “sovereign right to defend its borders.",
            "SUPPORT",
            "recognised Chile’s “sovereign right to",
        ),
        # AID: a state's forces helping a relief effort
        (
            "Indian navy ships helped the rescue operation off the coast.",
            "AID",
            "helped the rescue operation",
        ),
        # ASSAULT: territory taken, however it is quantified
        (
            "Rebels captured wide stretches of territory near the lake.",
            "ASSAULT",
            "captured wide stretches of territory",
        ),
    ],
)
def test_definition_phrasings(text: str, etype: str, words: str):
    assert _types(text).get(etype) == words


@pytest.mark.parametrize(
    "text",
    [
        "Residents were worried about prices.",  # worry is not in the list: an opinion, not a complaint
        "She helped her sister move house.",  # help with no relief or rescue work
    ],
)
def test_not_these_events(text: str):
    t = _types(text)
    assert "ACCUSE" not in t and "SUPPORT" not in t and "AID" not in t


def test_adverbial_clause_with_own_subject_is_its_own_event():
    from eventdesk.code import code
    from eventdesk.records import Article
    from eventdesk.resources import Resources

    text = (
        "The Danish foreign minister said on Monday she was concerned about Chad's new curfew, as she "
        "urged both sides to show restraint."
    )
    evs = code([Article(title="", body=text, published="2024-05-01")], {}, Resources.shared({}))
    types = {e.event_type for e in evs}
    assert {"ACCUSE", "REQUEST"} <= types


# 'session 6' block: CAMEO 1.1 verb categories of the verbal types (sentences written for these tests)
@pytest.mark.parametrize(
    ("text", "etype", "words"),
    [
        (
            "The Chilean president expressed disappointment that Peru had not withdrawn its envoy.",
            "ACCUSE",
            "expressed disappointment",
        ),
        (
            "The Kenyan opposition leader lashed out at the electoral commission on Friday.",
            "ACCUSE",
            "lashed out",
        ),
        (
            "Ghana's finance minister took aim at the central bank over the rate rise.",
            "ACCUSE",
            "took aim at",
        ),
        (
            "The rebels held the army responsible for the shelling of the market.",
            "ACCUSE",
            "held the army responsible",
        ),
        (
            "The envoy said it was not possible to talk to the rebel delegation.",
            "REJECT",
            "not possible to talk to",
        ),
        (
            "The junta will not negotiate with the armed groups, its spokesman said.",
            "REJECT",
            "will not negotiate",
        ),
        ("Parliament voted down the government's budget on Monday.", "REJECT", "voted down"),
        (
            "The Sudanese army chief said his forces will launch an offensive against the militia within days.",
            "THREATEN",
            "said his forces will launch an offensive",
        ),
        (
            "Rwanda is determined to cross the border if the attacks go on, the minister said.",
            "THREATEN",
            "determined to cross",
        ),
        ("The Malian junta sided with Moscow in the dispute over the mine.", "SUPPORT", "sided with"),
        ("The ruling party rallied behind the interior minister on Monday.", "SUPPORT", "rallied behind"),
        (
            "The Nigerian army admitted responsibility for the strike on the village.",
            "CONCEDE",
            "admitted responsibility",
        ),
        (
            "The president branded the opposition leader a traitor.",
            "ACCUSE",
            "branded the opposition leader a traitor",
        ),
    ],
)
def test_cameo_verbal_phrasings(text: str, etype: str, words: str) -> None:
    assert _types(text).get(etype) == words


def test_an_announced_operation_is_a_plan_not_a_threat() -> None:
    # CAMEO 138 is a threat made to a party; an office announcing its own forces' operation tells a plan
    text = (
        "The prime minister announced on Tuesday that the police will launch an operation against smugglers."
    )
    assert "THREATEN" not in _types(text)


def test_a_tribute_to_the_dead_is_no_support() -> None:
    # CAMEO 051 praises an actor or policy; news tributes mostly honour the dead
    assert "SUPPORT" not in _types("His commanding officer paid tribute to the soldier's courage.")
