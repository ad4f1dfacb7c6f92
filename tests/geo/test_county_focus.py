"""geo parse: a local report's county (the county the text names that holds another of its names)
makes its towns win over same-named larger places elsewhere (issue 12). Texts written for these tests."""

from __future__ import annotations

from tests.support.geoparse import found as _found


def test_the_named_county_holds_the_town_of_the_same_report(parse_cfg):
    t = (
        "Douglas County engineer Tom Berg said the road north of Alexandria is closed. A culvert "
        "northeast of Kensington washed out."
    )
    found = _found(t, parse_cfg)
    assert found["Douglas County"].admin1 == "Minnesota", found
    assert found["Alexandria"].admin1 == "Minnesota", found


def test_a_town_alone_keeps_its_larger_namesake(parse_cfg):
    # no county named: nothing makes the small Alexandria the report's
    found = _found("Alexandria police closed a road on Monday after the thaw.", parse_cfg)
    assert found["Alexandria"].country == "EGY", found
