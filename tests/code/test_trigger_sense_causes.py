"""Trigger words used in another sense or with no political participant (issue 11 point 2, session 16), on
sentences written here: a natural hazard, disease or accident is a Cause, not an actor (FrameNet Killing);
"meet" a target satisfies it (WordNet meet v. "satisfy"); "threaten" a state of affairs endangers it (WordNet
threaten v. "pose a threat to"); animals slaughtered are no political recipient; "plead guilty" answers a charge
and "give one's life" tells a death, a court strikes down a law, one takes over from a predecessor, a number falls
to a level (WordNet fall v. "decrease") (data/ontology/other_senses.tsv)."""

from __future__ import annotations

from typing import Any

from eventdesk.code.lexicon import triggers
from eventdesk.code.trigger_sense import (
    animal_patient,
    endangered_state,
    fell_to_a_quantity,
    natural_cause,
    other_sense,
    requirement_met,
    talks_as_speech,
)
from eventdesk.resources import Resources
from tests.support.article import types_after_fill as _types


def _token(sentence: str, word: str) -> Any:
    doc = Resources.shared({}).nlp(sentence)
    return next(t for t in doc if t.text == word)


def _words(text: str) -> list[str]:
    return [text[h.start : h.end] for h in triggers(text)]


def test_a_natural_hazard_or_disease_is_a_cause_not_an_actor() -> None:
    assert natural_cause(
        _token("Dozens of families lost their tents in the storms that hit the camp.", "storms")
    )
    assert natural_cause(_token("The earthquake killed more than 300 people in the mountains.", "killed"))
    assert natural_cause(_token("Four soldiers were killed in floods near the border on Monday.", "killed"))
    # an armed actor's act stays
    assert not natural_cause(_token("Gunmen killed four soldiers near the border on Monday.", "killed"))
    assert not natural_cause(_token("Four soldiers were killed in an ambush near the border.", "killed"))
    assert not natural_cause(_token("Special forces stormed the compound before dawn.", "stormed"))


def test_weather_and_accidents_code_no_assault_in_an_article() -> None:
    assert "ASSAULT" not in _types(
        "Thousands of displaced families lost their shelters in heavy storms last week."
    )
    assert "ASSAULT" not in _types(
        "Three police officers were killed in a road accident outside the capital on Friday."
    )
    assert "ASSAULT" in _types("Militants killed three police officers outside the capital on Friday.")


def test_meeting_a_target_is_no_meeting() -> None:
    assert requirement_met(_token("The ministry said it had met the targets for new housing.", "met"))
    assert requirement_met(_token("The council failed to meet the deadline set by the court.", "meet"))
    assert not requirement_met(_token("The foreign minister met his Turkish counterpart in Ankara.", "met"))
    assert not requirement_met(_token("The envoy will meet rebel leaders in Geneva.", "meet"))


def test_threatening_a_state_of_affairs_is_a_danger_not_a_threat() -> None:
    assert endangered_state(
        _token("The renewed fighting has threatened the fragile ceasefire.", "threatened")
    )
    assert endangered_state(_token("The stability of the region was threatened.", "threatened"))
    # a threat of an act, or of a person, stays
    assert not endangered_state(
        _token("The militia threatened to attack the ceasefire monitors.", "threatened")
    )
    assert not endangered_state(_token("The militia threatened the monitors with reprisals.", "threatened"))
    assert not endangered_state(_token("Gunmen threatened the journalists outside the court.", "threatened"))


def test_animals_are_no_recipient_of_an_assault() -> None:
    tok = _token("The outbreak led to the slaughter of thousands of sheep and cattle.", "slaughter")
    assert animal_patient(tok)
    assert other_sense(tok, "ASSAULT")
    # the type decides: animals given as aid are what is given, not whom
    assert not other_sense(_token("The agency donated sheep and goats to the villagers.", "donated"), "AID")
    assert not animal_patient(_token("The militia slaughtered dozens of villagers.", "slaughtered"))


def test_a_plea_in_court_and_a_life_given_are_no_request_or_offer() -> None:
    assert _words("The two men pleaded not guilty at the Old Bailey.") == []
    assert _words("She pleads her innocence.") == []
    assert _words("He protested his innocence throughout the trial.") == []
    assert _words("Many fighters offered their lives to defeat the group.") == []
    # the appeal and the offer to someone stay
    assert _words("The mayor pleaded with the army to open the road.") == ["pleaded"]
    assert "offered" in _words("The government offered an amnesty to the rebels.")


def test_a_court_striking_down_a_law_and_a_successor_taking_over_are_no_assault() -> None:
    assert _words("The supreme court struck down the ban on Tuesday.") == []
    assert _words("A judge struck down most of the government's new asylum policy.") == []
    assert _words("She took over from the outgoing chairman in March.") == []
    assert _words("He took over as party leader after the election.") == []
    assert _words("Her second film stole the show.") == []
    # control seized by force, and a strike on a place, stay
    assert _words("Rebels took over the town on Monday.") == ["took over"]
    assert "struck" in _words("Jets struck the town on Monday.")[0]


def test_a_number_falling_to_a_level_is_no_capture() -> None:
    assert fell_to_a_quantity(_token("Turnout fell to 59% at the last election.", "fell"))
    assert fell_to_a_quantity(_token("Support for the party fell to a record low.", "fell"))
    assert not fell_to_a_quantity(_token("The town fell to the rebels on Sunday.", "fell"))
    assert "ASSAULT" not in _types(
        "Voter turnout in the northern districts fell to 41% in the local elections."
    )


def test_talks_as_a_verb_of_speaking_is_no_negotiation() -> None:
    assert talks_as_speech(_token("In the song he talks of his hopes for the country.", "talks"))
    assert not talks_as_speech(_token("The talks in Geneva ended on Friday without a deal.", "talks"))
    assert not talks_as_speech(_token("The envoy talks with rebel leaders every week.", "talks"))
