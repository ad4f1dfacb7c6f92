"""The actor of an act the text names through a claim or an announcement of it (ACLED: a claim of
responsibility names the perpetrator; PLOVER: an announced operation is the announcer's), and of an act
someone plans (subject control of "plans to ..."), rather than "Unidentified armed group" or the source
of the report. Sentences written for these tests."""

from __future__ import annotations

from eventdesk.code import code
from eventdesk.records import Article
from eventdesk.resources import Resources

UNIDENTIFIED = "Unidentified armed group"


def _events(text: str, etype: str):
    evs = code([Article(title="", body=text, published="2024-05-01")], {}, Resources.shared({}))
    return [e for e in evs if e.event_type == etype and e.extra.get("from") != "document"]


def _actor_names(text: str, etype: str = "ASSAULT") -> list[list[str]]:
    return [[a.name for a in e.actors] for e in _events(text, etype)]


def test_a_claim_of_responsibility_names_the_perpetrator():
    evs = _events(
        "The Taliban claimed responsibility for an attack on a police checkpoint in Kunduz province.",
        "ASSAULT",
    )
    assert [[a.name for a in e.actors] for e in evs] == [["Taliban"]]
    # the claimant is the actor, not a source reporting someone else's act
    assert evs[0].modality == "asserted"


def test_a_group_claiming_the_act_itself():
    assert _actor_names(
        "The Pakistani Taliban claimed the suicide bombing at a police station in Peshawar."
    ) == [["Tehreek-e-Taliban Pakistan"]]


def test_an_announced_operation_is_the_announcer_s():
    evs = _events(
        "Turkey announced the start of a military operation against Kurdish fighters in northern Syria.",
        "ASSAULT",
    )
    assert [[a.country for a in e.actors] for e in evs] == [["TUR"]]
    # the operation is the event; whom it is against is the recipient
    assert [r.text for r in evs[0].recipients] == ["Kurdish fighters"]
    assert _actor_names("The Nigerian army announced an offensive against Boko Haram in Borno state.") == [
        ["Nigeria army"]
    ]


def test_no_claimant_leaves_the_actor_unidentified():
    for text in (
        "The Taliban denied responsibility for the attack on the checkpoint in Kunduz.",
        "The Taliban did not claim responsibility for the attack on the checkpoint in Kunduz.",
        "No group has claimed responsibility for the bombing of the market in Kabul.",
    ):
        evs = code([Article(title="", body=text, published="2024-05-01")], {}, Resources.shared({}))
        assaults = [e for e in evs if e.event_type == "ASSAULT"]
        assert all(a.name != "Taliban" for e in assaults for a in e.actors), text
        assert all(a.name == UNIDENTIFIED for e in assaults for a in e.actors), text


def test_who_makes_plans_to_act_is_the_actor_not_the_source():
    evs = code(
        [
            Article(
                title="",
                body="Troops were making plans to attack the town, diplomats said.",
                published="2024-05-01",
            )
        ],
        {},
        Resources.shared({}),
    )
    coded = [e for e in evs if e.extra.get("from") != "document"]
    assert coded and all([a.name for a in e.actors] == ["Troops"] for e in coded)


def test_force_from_an_armed_party_is_that_party_s():
    assert _actor_names("The village came under rocket fire from Hezbollah fighters overnight.") == [
        ["Hezbollah"]
    ]
    evs = _events("Civilians in Idlib are enduring a month of airstrikes from Syrian jets.", "ASSAULT")
    assert [[a.country for a in e.actors] for e in evs] == [["SYR"]]


def test_the_place_force_comes_from_is_not_the_actor():
    evs = _events("The town faced heavy shelling from Lebanon on Monday.", "ASSAULT")
    assert [[a.name for a in e.actors] for e in evs] == [[UNIDENTIFIED]]


def test_what_is_seized_from_a_party_keeps_that_party_as_recipient():
    evs = _events("Turkish troops seized the town from Kurdish militias in 2018.", "ASSAULT")
    assert evs and all(a.country == "TUR" for e in evs for a in e.actors)
    assert all("Kurdish militias" in [r.text for r in e.recipients] for e in evs)
