"""The lexicon's "w~" stems match a word's inflections, not other words a suffix makes from it
(code/lexicon.py `_inflect`; data/ontology/triggers.tsv header). Sentences written for these tests."""

from __future__ import annotations

import pytest

from eventdesk.code.lexicon import _inflect, triggers


def _words(text: str) -> list[tuple[str, str]]:
    return [(h.event_type, text[h.start : h.end].lower()) for h in triggers(text)]


def test_inflect_gives_regular_inflections_only():
    assert set(_inflect("accus")) >= {"accuse", "accuses", "accused", "accusing"}
    assert set(_inflect("ban")) >= {"ban", "bans", "banned", "banning"}
    assert set(_inflect("deny")) >= {"denies", "denied", "denying"}
    assert set(_inflect("quit")) >= {"quits", "quitting"}
    assert set(_inflect("sentenc")) >= {"sentence", "sentenced", "sentences", "sentencing"}
    for stem, other in [
        ("probe", "probation"),
        ("mine", "minor"),
        ("town", "township"),
        ("press", "pressure"),
    ]:
        assert other not in _inflect(stem)


@pytest.mark.parametrize(
    "text",
    [
        "The mayor spent two years on probation after the trial.",
        "Two minors were among the choir singers at the festival.",
        "The township council approved a new library budget.",
        "The bakers faced pressure to lower their bread prices.",
        "Asylum seekers waited at the station for the evening train.",
        "Firefighters from the village station held an open day.",
        "Investors bought shares in the coffee chain on Friday.",
    ],
)
def test_derived_words_of_trigger_stems_are_no_triggers(text):
    assert _words(text) == []


@pytest.mark.parametrize(
    ("text", "etype", "word"),
    [
        ("The opposition repeated its accusations against the governor.", "ACCUSE", "accusations"),
        ("Negotiations between the two parties resumed in Oslo.", "CONSULT", "negotiations"),
        ("Police opened an investigation into the killing of the reporter.", "ACCUSE", "investigation"),
        ("The liberation of the city took three weeks of fighting.", "ASSAULT", "liberation"),
        ("The court ordered the deportation of the activists.", "COERCE", "deportation"),
        ("Police launched a probe into the killing of the reporter.", "ACCUSE", "probe"),
    ],
)
def test_nominalizations_written_out_still_match(text, etype, word):
    assert (etype, word) in _words(text)
