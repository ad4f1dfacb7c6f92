"""Which events a sentence with several triggers yields (code/type_choice.py; issue 11 point 2), by definitions:
an act under a deontic modal is the content of a demand (Quirk et al. 1985 4.54-4.58). Sentences written for these
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
