"""The relevance gate's lead check (relevance/lead.py): a local report in which police act is coded
whatever its topic; a sports or business story, or a crime report with no political actor, is not.
Texts written for these tests."""

from __future__ import annotations

from eventdesk.records import Article
from eventdesk.relevance import in_scope, judge
from eventdesk.relevance.lead import lead, reports_political_violence
from eventdesk.resources import Resources

RES = Resources.from_config({})  # the language and topic models, loaded on first use

TRAFFIC_STOP = (
    "Man wounded in traffic stop on Elm Street",
    "A county deputy shot a 34-year-old man during a traffic stop on Elm Street late on Tuesday. "
    "The man was taken to hospital in a stable condition. Neighbours said they heard three shots. "
    "The sheriff's office has opened an internal review, as it does after every such incident.",
)
ACCIDENT = (
    "Boy, 6, hurt in accident at home",
    "A six-year-old boy was shot in the leg at his grandparents' home on Sunday when a rifle fell "
    "from a cupboard, police said. He is expected to recover. A police spokesman said no charges "
    "would be brought.",
)
MATCH = (
    "United edge a tense derby",
    "United's attack finally broke through in the 88th minute when the winger shot low past the "
    "keeper. The visitors, whose army of travelling fans filled the away end, had killed the game "
    "in midfield for most of the afternoon.",
)
ARREST = (
    "Dairy bosses held over tainted milk",
    "Police have arrested three executives of a dairy company after tainted milk made dozens of "
    "children ill, state media reported. Shares in the firm were suspended.",
)


def _article(title: str, body: str) -> Article:
    return Article(id="x", title=title, body=body, published="2024-05-01")


def test_police_as_participant_passes_a_crime_or_business_lead():
    assert reports_political_violence(*TRAFFIC_STOP)
    assert reports_political_violence(*ARREST)


def test_police_as_the_source_or_no_political_actor_does_not():
    # "police said" / "a police spokesman": the source of the report, not a participant
    assert not reports_political_violence(*ACCIDENT)
    # "attack", "shot", "army", "killed" in their sports senses, each far from any actor it could have
    assert not reports_political_violence(*MATCH)


def test_only_the_lead_counts():
    late = (
        "Council approves new park",
        "The council approved plans for a new park. " * 4
        + "Years ago, soldiers killed two men near the site.",
    )
    assert len(lead(*late)) == 4
    assert not reports_political_violence(*late)


def test_gate_codes_a_police_shooting_report_and_can_be_switched_off():
    # no topic and no score lets anything through: only the lead check can
    strict = {"code_topics": [], "min_score": 1.0}
    a = judge([_article(*TRAFFIC_STOP)], res=RES)[0]
    assert in_scope(a, {"relevance": strict})
    assert not in_scope(a, {"relevance": {**strict, "lead_events": False}})
    accident = judge([_article(*ACCIDENT)], res=RES)[0]
    assert not in_scope(accident, {"relevance": strict})
    sport = judge([_article(*MATCH)], res=RES)[0]
    assert not in_scope(sport, {"relevance": strict})
