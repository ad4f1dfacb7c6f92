"""Trigger words used in another sense (issue 11 point 2), recognised from definitions, on sentences written here:
a word in a person's name has no sense (Quirk et al. 1985 5.60); an attributive adjective names a property, not an
act (Quirk et al. 1985 7.3); an interaction needs a sentient agent (FrameNet Request, Attack); an election seat is
won at the polls (WordNet seat n. "membership in a legislative body"); "come to power" is no visit; "asylum seeker"
names a status (data/ontology/other_senses.tsv); verbs coordinated with an attack verb share its abstract object."""

from __future__ import annotations

from eventdesk.code.eventness import abstract_patient
from eventdesk.code.lexicon import triggers
from eventdesk.code.trigger_sense import attributive_adjective
from eventdesk.resources import Resources
from tests.support.article import types_after_fill as _types
from tests.support.eventness import candidate as _cand


def _words(text: str) -> list[str]:
    return [text[h.start : h.end] for h in triggers(text)]


def test_a_trigger_word_in_a_person_s_name_is_no_event() -> None:
    assert _types("Labour MP Stephen Pound has told of his shock at the news.") == []
    # the verb of the same word still reports a shelling
    assert _types("Government artillery pounded the rebel town of Rastan on Tuesday.") == ["ASSAULT"]


def test_an_attributive_adjective_is_no_act() -> None:
    assert _types("The opposition leader said the minister had made welcome announcements on pensions.") == []
    # the verb welcomes someone: a SUPPORT of the one welcomed
    assert "SUPPORT" in _types(
        "The prime minister welcomed the ceasefire agreed by Israel and Hamas on Tuesday."
    )


def _token(sentence: str, word: str):
    doc = Resources.shared({}).nlp(sentence)
    return next(t for t in doc if t.text == word)


def test_an_attributive_adjective_of_judgement_still_judges() -> None:
    assert attributive_adjective(_token("He made welcome announcements on pensions.", "welcome"))
    # an adjective of judgement condemns what it modifies, wherever it stands
    assert not attributive_adjective(_token("The minister denounced the appalling attack.", "appalling"))
    # the verb stays
    assert not attributive_adjective(_token("The dockers were striking outside parliament.", "striking"))


def test_an_abstract_subject_is_no_agent() -> None:
    assert "REQUEST" not in _types("The ideas appealed to voters on both sides of the border.")
    assert "REQUEST" in _types("The mayor appealed to voters on both sides of the border on Tuesday.")


def test_an_election_seat_is_won_at_the_polls_not_by_force() -> None:
    assert _words("Labour regained the seat two years later.") == []
    assert _words("The Conservatives won three seats from Labour.") == []
    assert _words("Government forces regained the town of Palmyra.") == ["regained the town"]


def test_idioms_and_status_compounds_are_no_event() -> None:
    assert _words("Labour came to power in 1997.") == []
    assert _words("The council housed the asylum seekers in a hotel.") == []
    assert _words("The home office returned unaccompanied asylum seeking children.") == []
    assert _words("The president came to London for talks.") == ["came to", "talks"]
    assert _words("The dissident sought asylum in Britain.") == ["sought"]


def test_verbs_coordinated_with_an_attack_verb_share_its_abstract_object() -> None:
    s = "The minister pledged money to combat, treat and eradicate the deadliest disease of our time."
    assert abstract_patient(_cand(s, "combat"))
    s = "The militia vowed to attack, loot and burn the border villages."
    assert not abstract_patient(_cand(s, "attack"))
