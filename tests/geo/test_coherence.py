"""geo parse: a small town's name that nothing but its size could vouch for is kept where the text's
other places lie around it (spatial coherence, Leidner 2008), and never as a word of a longer proper
name (issue 12). Texts written for these tests."""

from __future__ import annotations

import pytest

from eventdesk.geo.toponyms import _in_longer_name
from tests.support.geoparse import found as _found


def test_a_small_town_is_kept_where_the_texts_other_places_lie(parse_cfg):
    t = (
        "Flood waters closed roads near Fargo, North Dakota on Monday. Volunteers said Moorhead "
        "crews worked through the night."
    )
    found = _found(t, parse_cfg)
    assert "Moorhead" in found and found["Moorhead"].admin1 == "Minnesota", found
    t2 = "Volunteers came from Lufkin, Texas and from Crockett to fill sandbags on Monday."
    found2 = _found(t2, parse_cfg)
    assert "Crockett" in found2 and found2["Crockett"].admin1 == "Texas", found2


def test_a_small_town_with_no_place_around_it_is_left_out(parse_cfg):
    # nothing else in the text places it: a word the size floor keeps out stays out
    assert "Crockett" not in _found("Crockett volunteers filled sandbags on Monday.", parse_cfg)
    # the text's places lie an ocean away
    t = "Officials in Paris said Moorhead crews worked through the night."
    assert "Moorhead" not in _found(t, parse_cfg)


def test_a_word_of_a_longer_proper_name_is_no_tentative_town(parse_cfg):
    t = "Officials in Lufkin, Texas said the Crockett Regional Hospital stayed open on Monday."
    assert "Crockett" not in _found(t, parse_cfg)


@pytest.mark.parametrize(
    ("text", "word", "inside"),
    [
        ("He was taken to North Fulton Regional Hospital.", "Fulton", True),
        ("She rode in the Rodeo Gainesville parade.", "Gainesville", True),
        ("a past president of the Ozark Chamber of Commerce and", "Commerce", True),
        ("Repairs closed Mitchell Bridge Road on Friday.", "Mitchell", True),
        ("Boys basketball: Winchester ousted from state tournament.", "Winchester", False),
        ("The Winchester side lost.", "Winchester", False),
        ("Anna, 25, from Marston, brought coats.", "Marston", False),
    ],
)
def test_in_longer_name(text: str, word: str, inside: bool):
    s = text.index(word)
    assert _in_longer_name(text, s, s + len(word)) is inside
