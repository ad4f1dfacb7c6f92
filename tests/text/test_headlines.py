"""The headline test shared by read (where to cut a long dump) and segment (where an article opens),
on lines written for these tests."""

from __future__ import annotations

import pytest

from eventdesk.text.headlines import headline_like


@pytest.mark.parametrize(
    "line",
    [
        "Army Retakes Two Villages Near the Border",
        "'We Will Not Leave': Farmers Block the Highway",
        "2,000 Displaced as Floods Reach the Capital",
        "洪水逼近首都 两千人撤离",  # a script without letter case: any letter may open a headline
    ],
)
def test_headline_shapes(line):
    assert headline_like(line)


@pytest.mark.parametrize(
    "line",
    [
        "",
        "The army said it retook two villages.",  # ends like a sentence
        "Residents were told to leave:",  # ends like a lead-in
        "Protesters gathered at dawn. Police arrived later",  # two sentences on one line
        "- road closures in the north",  # a list item
        "3) road closures in the north",
        "army retakes two villages",  # no capital at the start
        " ".join(["Word"] * 26),  # too long for a headline
        "洪水逼近首都，",  # ends with a CJK full-width comma
    ],
)
def test_not_headlines(line):
    assert not headline_like(line)
