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
