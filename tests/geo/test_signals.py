"""The article's country from the national bodies it names (issue 12, point 2).

Texts written for these tests; each asserts what eventdesk returns on them."""

from __future__ import annotations

import pytest

from eventdesk import geo
from eventdesk.geo import build as gbuild
from eventdesk.geo.signals import BodyNames, body_names, country_signals
from eventdesk.records import Article, Event, Evidence
from eventdesk.resources import Resources


@pytest.fixture(scope="module")
def cfg() -> dict:
    return {"geo": {"gazetteer": str(gbuild.ensure(None)), "ner": False}}


@pytest.fixture(scope="module")
def names() -> BodyNames:
    return BodyNames()


def test_bodies_of_one_country_count_for_it(names):
    t = "The home secretary told the Commons that Downing Street had not been consulted."
    assert country_signals(t, names) == {"GBR": 4.5}  # three mentions in the lede, 1.5 each


def test_a_name_several_countries_use_counts_only_with_support(names):
    # "Labour" alone: Britain, Australia, New Zealand or Ireland; nothing says which
    assert country_signals("Labour won the vote on Tuesday.", names) == {}
    # with "the Tories" (Britain or Canada) the two have Britain in common
    got = country_signals("Labour and the Tories traded blows over the budget.", names)
    assert set(got) == {"GBR"} and got["GBR"] == pytest.approx(3.0)  # lede mentions weigh 1.5
    # backed by a name only Britain uses, "Labour" counts for Britain too
    t = "Labour MPs met the chancellor of the exchequer on Monday."
    assert set(country_signals(t, names)) == {"GBR"}


def test_headline_and_lede_weigh_more(names):
    body = "x" * 500 + " The Bundestag voted."
    assert country_signals("Bundestag vote\n\n" + body, names, title_end=14)["DEU"] == pytest.approx(3.0)


def test_longest_name_wins_and_words_must_be_whole(names):
    # "Liberal Democrats" is one British party, not the US "Democrats"
    assert set(country_signals("The Liberal Democrats said no.", names)) == {"GBR"}
    assert country_signals("Labourers and Dailies", names) == {}


def test_dictionary_groups_with_a_home_country_count_media_do_not(cfg):
    names = body_names(Resources.shared(cfg))
    assert set(country_signals("Hezbollah fired rockets, Reuters and CNN reported.", names)) == {"LBN"}


def test_a_uk_politics_story_keeps_its_towns_in_britain(cfg):
    body = (
        "The Conservatives accused Labour in the Commons of failing pupils. "
        "An Australian education expert told MPs the figures were worrying. "
        "The home secretary later opened a school in Newcastle."
    )
    art = Article(id="uk1", title="Tories attack Labour over schools", body=body)
    sentence = "The home secretary later opened a school in Newcastle."
    i = body.index(sentence)

    def place(config: dict) -> tuple[str | None, str | None]:
        ev = Event(article_id="uk1", event_type="CONSULT", evidence=Evidence(sentence, i, i + len(sentence)))
        geo.locate([ev], {art.id: art}, config, Resources.shared(config))
        return ev.location.country if ev.location else None, ev.location.name if ev.location else None

    assert place(cfg)[0] == "GBR"
    # without the parties' evidence the one demonym takes the town to Australia
    off = {"geo": {**cfg["geo"], "body_signal_weight": 0.0}}
    assert place(off)[0] == "AUS"
