"""Which type a trigger carries in its clause (code/type_choice/; issue 11), session 13 families, by definitions:
a verb in a comparative clause measures an amount (Quirk et al. 1985, 15.63); "asked how / whether" inquires (WordNet
ask v.1), it requests nothing; "appeal to" with a policy as subject attracts (appeal v.2); "threaten" with a state or an
event as subject tells a danger (threaten v.2/v.3), no party's threat; a stative verb of cognition under "should" is a
desirable state, no demand; a speech to a conference addresses an audience, no consultation; "welcomed the targets"
approves (SUPPORT), it hosts no one. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.support.article import types_after_fill
from tests.support.type_choice import decide


@pytest.mark.parametrize(
    ("text", "word", "etype", "expected"),
    [
        ("The army deployed more troops than the government had requested.", "requested", "REQUEST", None),
        (
            "He sent fewer soldiers than the president demanded and kept the rest at home.",
            "demanded",
            "REQUEST",
            None,
        ),
        ("Britain sent fewer troops than Washington had wanted to deploy.", "deploy", "MOBILIZE", None),
        ("The president demanded that Mexico pay for the wall.", "demanded", "REQUEST", "REQUEST"),
        # a comparison hung on a noun phrase by the parse leaves the noun's own clause alone
        (
            "The town was won by Iraqi forces this month after a much shorter than expected battle to retake it.",
            "retake",
            "ASSAULT",
            "ASSAULT",
        ),
    ],
)
def test_a_comparative_clause_is_no_event(text: str, word: str, etype: str, expected: str | None) -> None:
    assert decide(text, word, etype) == expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        (
            "The MP said ministers had invented a new offence and asked how police were supposed to enforce it.",
            "asked",
            None,
        ),
        ("The minister asked whether Britain would join the talks.", "asked", None),
        ("Asked if this amounted to a new strategy, the party chairman said it did not.", "Asked", None),
        ("The minister asked the council to delay the vote.", "asked", "REQUEST"),
        ("Kurdish leaders asked Washington for help.", "asked", "REQUEST"),
    ],
)
def test_an_indirect_question_requests_nothing(text: str, word: str, expected: str | None) -> None:
    assert decide(text, word, "REQUEST") == expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        (
            "The party's policies on tuition fees appealed to all sides of the political spectrum, he insisted.",
            "appealed",
            None,
        ),
        ("The approach is particularly designed to appeal to women voters, he said.", "appeal", None),
        ("Kurdish fighters appealed to the Syrian government for help.", "appealed", "REQUEST"),
        ("The opposition appealed to Nato to intervene.", "appealed", "REQUEST"),
    ],
)
def test_appeal_to_as_attraction_is_no_request(text: str, word: str, expected: str | None) -> None:
    assert decide(text, word, "REQUEST") == expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        (
            "The tensions between the two countries threaten to lead to a military escalation, he said.",
            "threaten",
            None,
        ),
        (
            "He told MPs there remains a public emergency threatening the life of the nation.",
            "threatening",
            None,
        ),
        (
            "The worst-affected office will be the department where 2,000 jobs are threatened.",
            "threatened",
            None,
        ),
        ("Turkey threatened to invade the enclave.", "threatened", "THREATEN"),
        ("The union threatened strikes over pensions.", "threatened", "THREATEN"),
        ("Journalists were threatened by militants.", "threatened", "THREATEN"),
    ],
)
def test_a_danger_is_no_threat(text: str, word: str, expected: str | None) -> None:
    assert decide(text, word, "THREATEN") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The president should know that the attorney general is a woman, said the spokeswoman.", None),
        (
            "International relations should not depend on the mood of one person, the deputy prime minister said.",
            None,
        ),
        ("The minister should resign, the opposition leader said.", "REQUEST"),
        ("The commission says the spending limits should cover the four months before the poll.", "REQUEST"),
    ],
)
def test_a_desirable_state_of_mind_is_no_demand(text: str, expected: str | None) -> None:
    assert decide(text, "should", "REQUEST") == expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        (
            "In an upbeat speech to his party's spring conference, he said the party's tactics were working.",
            "conference",
            None,
        ),
        (
            "It is the flow of foreign fighters, said the general, speaking to a conference on countering extremism.",
            "speaking",
            None,
        ),
        ("The prime minister told the party conference that the party would win.", "conference", None),
        ("The foreign secretary spoke to his French counterpart on Tuesday.", "spoke", "CONSULT"),
        ("Ministers from 40 countries attended the conference in Paris.", "conference", "CONSULT"),
    ],
)
def test_an_audience_addressed_is_no_consultation(text: str, word: str, expected: str | None) -> None:
    assert decide(text, word, "CONSULT") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The doctors' leader welcomed the new targets to make faster progress on waiting lists.", "SUPPORT"),
        ("The president welcomed the Chinese delegation to Washington.", "CONSULT"),
    ],
)
def test_welcoming_a_decision_approves_it(text: str, expected: str) -> None:
    assert decide(text, "welcomed", "CONSULT") == expected


def test_the_sentence_codes_no_request_from_its_comparison() -> None:
    """End to end: the comparison's demand is no record of its own."""
    assert "REQUEST" not in types_after_fill(
        "The defence secretary sent fewer soldiers to the border than the president demanded last month."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the writer's reading of a party's disposition: commentary, no meeting
        ("It seems the western powers are happy to discuss punishing Russia for the attack.", None),
        # the party's own word: an offer to meet (PLOVER AGREE)
        ("The minister said Britain was happy to discuss sanctions with its allies.", "AGREE"),
        ("The ministers discussed sanctions in Brussels.", "CONSULT"),
    ],
)
def test_a_meeting_one_is_disposed_to_is_none_held(text: str, expected: str | None) -> None:
    word = "discussed" if "discussed" in text else "discuss"
    assert decide(text, word, "CONSULT") == expected


@pytest.mark.parametrize(
    ("text", "word", "etype", "expected"),
    [
        (
            "The minister said Britain was ready to help the refugees with food and shelter.",
            "help",
            "AID",
            "AGREE",
        ),
        ("Russia said it was willing to cooperate with the inquiry.", "cooperate", "COOPERATE", "AGREE"),
        ("It seems the allies are happy to support the plan.", "support", "SUPPORT", None),
        ("Britain helped the refugees with food and shelter.", "helped", "AID", "AID"),
    ],
)
def test_cooperation_one_is_disposed_to_is_an_offer(
    text: str, word: str, etype: str, expected: str | None
) -> None:
    assert decide(text, word, etype) == expected
