"""geo parse: a county named in full ("Clarke County") may be named again by its bare word ("Clarke"),
which is then that county; not where the word starts another name. Texts written for these tests."""

from __future__ import annotations

from tests.support.geoparse import found as _found


def test_a_county_named_in_full_is_named_again_by_its_bare_word(parse_cfg):
    t = (
        "The Clarke County school board met on Monday in Athens, Georgia. Clarke will vote on the "
        "plan in May."
    )
    found = _found(t, parse_cfg)
    assert "Clarke" in found, found
    assert found["Clarke"].name == "Clarke County" and found["Clarke"].admin1 == "Georgia", found


def test_the_bare_word_alone_or_starting_another_name_is_no_county(parse_cfg):
    assert "Clarke" not in _found(
        "Clarke will vote on the plan in May, the board said in Athens, Georgia.", parse_cfg
    )
    t = "The Scott County fair opened on Friday. Scott West beat Delano in the final."
    assert "Scott" not in _found(t, parse_cfg)
