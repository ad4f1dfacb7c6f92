"""Speech-act verbs the lexicon lacked (data/ontology/speech_acts.tsv: Searle 1976 classes, Levin 1993 verb
classes) and the directive frame of "ask" with a long addressee. Sentences written for these tests; a neutral
paragraph comes first so that the text is coded as an article, not as a short report."""

from __future__ import annotations

import pytest

from eventdesk.code.lexicon import triggers
from tests.support.article import types_after_fill as _types


def _lexicon_types(text: str) -> set[str]:
    return {h.event_type for h in triggers(text)}


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        # beg verbs (Levin 58.2) and urge verbs (58.1) with the infinitive they ask for: directives
        ("The aid chief begged Kenya to open its camps to the families.", "REQUEST"),
        ("The envoy exhorted both militias to lay down their weapons.", "REQUEST"),
        ("Moscow pressured the rebel council to accept the terms.", "REQUEST"),
        # judgement verbs of blame and of praise (Levin 33)
        ("The senator excoriated the interior ministry over the raids.", "ACCUSE"),
        ("The premier saluted the coastguard for its work.", "SUPPORT"),
    ],
)
def test_speech_act_verbs_are_triggers(text: str, etype: str) -> None:
    assert etype in _lexicon_types(text)


def test_a_beg_verb_without_its_infinitive_asks_nothing() -> None:
    assert "REQUEST" not in _lexicon_types("That begs the question of the budget.")


def test_ask_with_a_long_addressee_is_a_request() -> None:
    text = "Ghana is asking Togo, Benin, Niger and the other regional states to close their borders."
    assert "REQUEST" in _lexicon_types(text)
    assert "REQUEST" in _types(text)


def test_ask_opening_a_question_is_no_request() -> None:
    text = "The reporter asked the minister of finance whether the bank had decided to raise rates."
    assert "REQUEST" not in _lexicon_types(text)


def test_a_caution_against_an_act_is_a_demand() -> None:
    got = _types("The Ghanaian foreign minister cautioned Togo against closing the border crossing.")
    assert got == ["REQUEST"]
