"""Who did it: pronouns, speakers of verbal acts, participants of meetings and passive participles.
Sentences written for these tests."""

from __future__ import annotations

from eventdesk.code import code
from eventdesk.records import Article
from eventdesk.resources import Resources

# a paragraph with no event, so the texts below are coded sentence by sentence as in a whole article
_PAD = "\n\n" + " ".join(["The weather in the valley was mild for the season and the market was busy."] * 20)


def _events(text: str, etype: str):
    art = Article(title="", body=text + _PAD, published="2024-05-01")
    return [e for e in code([art], {}, Resources.shared({})) if e.event_type == etype]


def test_pronoun_takes_the_subject_of_the_sentence_before_even_without_an_event():
    (e,) = _events(
        "Emmanuel Macron has not commented on Ms Lagarde's report. On Friday, he condemned the "
        "bombing of the hospital in Aden.",
        "ACCUSE",
    )
    assert e.actors[0].name == "Emmanuel Macron"


def test_speaker_is_the_actor_of_a_verbal_act_told_as_what_he_says():
    (e,) = _events("Conditions in the camps near Goma were a grave concern, Antonio Guterres said.", "ACCUSE")
    assert e.actors[0].name == "Antonio Guterres"


def test_who_travels_for_talks_is_the_one_who_meets():
    evs = _events("The Kenyan foreign minister will travel to Addis Ababa for talks on Tuesday.", "CONSULT")
    assert evs and evs[0].actors[0].country == "KEN"


def test_agent_of_a_passive_participle_acts_on_its_noun():
    evs = _events("Local militias, backed by the Ethiopian army, are fighting to retake the town.", "AID")
    assert evs and evs[0].actors[0].country == "ETH"
    assert evs[0].recipients and "militias" in evs[0].recipients[0].text


def test_subject_pronoun_of_what_an_office_holder_says_is_that_person():
    evs = _events(
        "The Ghanaian interior minister said on Tuesday he was concerned about the verdict against the opposition leader.",
        "ACCUSE",
    )
    assert evs and evs[0].actors[0].country == "GHA"


def test_subject_pronoun_of_what_a_body_says_is_not_the_body():
    evs = _events(
        "The army said on Tuesday he attacked a checkpoint near the border with grenades.", "ASSAULT"
    )
    assert all(a.text.lower() != "army" for e in evs for a in e.actors)


def test_a_definite_title_names_the_holder_the_article_introduced():
    evs = _events(
        "Kenya's foreign minister has warned Somalia over the border dispute. The foreign minister "
        "also criticised the Ugandan president on Tuesday.",
        "ACCUSE",
    )
    assert evs and evs[0].actors[0].country == "KEN"


def test_an_object_that_cannot_act_does_not_control_the_infinitive():
    evs = _events(
        "The Chilean president used a televised address on Sunday to condemn Peru.",
        "ACCUSE",
    )
    assert evs and evs[0].actors[0].country == "CHL"
    assert all("address" not in a.text for e in evs for a in e.actors)
