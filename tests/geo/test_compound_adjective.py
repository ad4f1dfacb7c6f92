"""geo parse: a name that is the first element of a hyphenated compound adjective ("New York-based",
"Kansas City-area") is read whole, not as its last word. Texts written for these tests."""

from __future__ import annotations

from tests.support.geoparse import found as _found


def test_a_name_of_several_words_before_based_is_read_whole(parse_cfg):
    found = _found("Agents of a New York-based squad met the officer in London in 2010.", parse_cfg)
    assert "New York" in found and "York" not in found, found
    assert found["New York"].admin1 == "New York", found


def test_a_city_before_area_is_not_its_state(parse_cfg):
    found = _found("He was born in Kansas City-area suburbs.", parse_cfg)
    assert "Kansas City" in found and "Kansas" not in found, found


def test_a_name_whose_last_part_is_capitalised_stays_whole(parse_cfg):
    found = _found("A London-born singer played in Stratford-upon-Avon on Friday.", parse_cfg)
    assert "Stratford-upon-Avon" in found and "London" in found, found
