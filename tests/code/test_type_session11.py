"""Which events a sentence with several triggers yields (code/type_choice/; issue 11 point 2), by definitions:
an act under a deontic modal is the content of a demand (Quirk et al. 1985 4.54-4.58); a promise to refuse is a
REJECT and a demand or a plan backed is political support (PLOVER 2.0 manual); a poll's share of respondents does
nothing (realnews GUIDE); "meet" in its sense 'satisfy' meets no one (WordNet 3.1). Sentences written for these
tests."""

from __future__ import annotations

import pytest

from tests.support.type_choice import decide


@pytest.mark.parametrize(
    ("text", "word", "etype", "expected"),
    [
        # the act a speaker says someone should or must do is what is demanded: the REQUEST carries it
        ("The senator said an inspector should investigate the ministry.", "investigate", "ACCUSE", None),
        ("The opposition says the envoy must apologise to the families.", "apologise", "CONCEDE", None),
        ("The mayor said the army should withdraw its troops from the town.", "withdraw", "RETREAT", None),
        # an inference with "must have" tells an act done; an act with no modal stays
        ("The minister said the rebels must have attacked the convoy.", "attacked", "ASSAULT", "ASSAULT"),
        ("The minister said the rebels attacked the convoy.", "attacked", "ASSAULT", "ASSAULT"),
    ],
)
def test_an_act_under_a_deontic_modal_is_the_content_of_a_demand(
    text: str, word: str, etype: str, expected: str | None
) -> None:
    assert decide(text, word, etype) == expected


@pytest.mark.parametrize(
    ("text", "word", "etype", "expected"),
    [
        # a promise to oppose is a refusal announced
        ("The Greens have pledged to oppose the bill in parliament.", "pledged", "AGREE", "REJECT"),
        ("The party promised to cooperate with the inquiry.", "promised", "AGREE", "AGREE"),
        # a demand or a plan backed is political support; fighters backed by a state are aided
        ("Their demands were backed by a former police chief.", "backed", "AID", "SUPPORT"),
        ("The rebels, backed by foreign troops, entered the town.", "backed", "AID", "AID"),
        # a poll's share of respondents is a statistic
        ("The survey found that 58% supported the new curfew.", "supported", "SUPPORT", None),
        ("The mayor supported the new curfew.", "supported", "SUPPORT", "SUPPORT"),
        # "meet" as 'satisfy' is no meeting; "would meet" a person is a promised one
        ("The minister insisted he would meet his spending rule next year.", "meet", "AGREE", None),
        ("The president said he would meet the rebel leaders next week.", "meet", "AGREE", "AGREE"),
    ],
)
def test_promises_backing_polls_and_meeting_senses(
    text: str, word: str, etype: str, expected: str | None
) -> None:
    assert decide(text, word, etype) == expected
