"""Who an event is done to, and who does it, in constructions the subject/object rules miss: whose
act an issue is, relative pronouns, joint acts, infinitive complements,
shared objects, specifying copulas and reported speech. Sentences written for these tests."""

from __future__ import annotations

from eventdesk.code import code
from eventdesk.records import Article
from eventdesk.resources import Resources

# a paragraph with no event, so the texts below are coded sentence by sentence as in a whole article
_PAD = "\n\n" + " ".join(["The weather in the valley was mild for the season and the market was busy."] * 20)


def _events(text: str, etype: str):
    art = Article(title="", body=text + _PAD, published="2024-05-01")
    return [e for e in code([art], {}, Resources.shared({})) if e.event_type == etype]


def _one(text: str, etype: str):
    evs = _events(text, etype)
    assert len(evs) == 1, [(e.actors, e.recipients) for e in evs]
    return evs[0]


def test_whose_act_an_issue_is_receives_the_event():
    e = _one("The Chilean foreign minister strongly criticised Peru's new border policy on Monday.", "ACCUSE")
    assert [r.country for r in e.recipients] == ["PER"]
    e = _one(
        "The minister objected to the plan, and also to Uganda's decision to close the border.", "ACCUSE"
    )
    assert [r.country for r in e.recipients] == ["UGA"]


def test_an_act_with_no_owner_is_no_recipient():
    e = _one("The Chilean foreign minister strongly criticised the new border policy on Monday.", "ACCUSE")
    assert e.recipients == []


def test_a_joint_meeting_has_one_party_as_source_and_the_other_as_target():
    e = _one("The Kenyan president and the Ugandan president met in Kampala on Monday.", "CONSULT")
    assert [a.country for a in e.actors] == ["KEN"]
    assert [r.country for r in e.recipients] == ["UGA"]


def test_a_meeting_is_no_recipient_and_travel_names_the_host():
    e = _one("The Danish foreign minister will travel to Nairobi for talks on Tuesday.", "CONSULT")
    assert [(a.country, r.country) for a in e.actors for r in e.recipients] == [("DNK", "KEN")]


def test_the_subject_of_an_infinitive_complement_is_who_is_asked():
    e = _one("The unions want the Danish government to withdraw the pension reform.", "REQUEST")
    assert [r.country for r in e.recipients] == ["DNK"]


def test_coordinated_verbs_share_the_object():
    e = _one("Since January the junta has been arresting or torturing journalists.", "COERCE")
    assert [r.text for r in e.recipients] == ["journalists"]


def test_a_specifying_copula_names_the_actor():
    e = _one("One of the first to condemn the attack was the Kenyan president, William Ruto.", "ACCUSE")
    assert e.actors[0].name == "William Ruto"


def test_he_in_what_a_person_says_is_that_person_not_a_name_before():
    e = _one(
        "The feud between Raila Odinga and William Ruto has prompted a Kenyan businessman to say he will "
        "refuse to fund the party.",
        "REJECT",
    )
    assert e.actors[0].text == "Kenyan businessman"


def test_a_perpetrator_participle_after_the_of_complement():
    e = _one(
        "The remarks fell short of the criticism of Ugandan policy voiced by the Kenyan foreign minister, "
        "Alfred Mutua.",
        "ACCUSE",
    )
    assert e.actors[0].name == "Alfred Mutua"
