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


def test_a_party_name_is_no_place(cfg):
    # "Liberal" (Kansas) alone and inside "Liberal Democrat" is part of a party's name
    t = "Liberal Democrat leaders met in Harrogate on Friday. A former Liberal MP chaired the meeting."
    assert "Liberal" in {p.text for p in geo.parse(t, cfg, Resources.shared(cfg))}  # a place to the matcher
    art = Article(id="lib1", title="", body=t)
    sentence = "A former Liberal MP chaired the meeting."
    i = t.index(sentence)
    ev = Event(article_id="lib1", event_type="CONSULT", evidence=Evidence(sentence, i, i + len(sentence)))
    geo.locate([ev], {art.id: art}, cfg, Resources.shared(cfg))
    # the scene of the sentence before, not Liberal, Kansas
    assert ev.location is not None and (ev.location.name, ev.location.country) == ("Harrogate", "GBR")


def test_english_regions_are_in_the_gazetteer(cfg):
    t = "Flooding hit Yorkshire and the Midlands, and rail lines in the North East of England were closed."
    found = {p.text: p for p in geo.parse(t, cfg, Resources.shared(cfg))}
    assert {found[n].country for n in ("Yorkshire", "Midlands", "North East of England")} == {"GBR"}
    assert found["Midlands"].precision == 3  # a region of millions is placed as a large area


def test_a_locative_before_a_party_name_does_not_make_its_words_places(cfg):
    t = "Turnout fell in Liberal Democrat seats, the party said."
    art = Article(id="lib2", title="", body=t)
    ev = Event(article_id="lib2", event_type="DISAPPROVE", evidence=Evidence(t, 0, len(t)))
    geo.locate([ev], {art.id: art}, cfg, Resources.shared(cfg))
    assert ev.location is None or ev.location.country != "USA"  # not Liberal, Kansas


def test_home_country_must_outweigh_the_scene_country():
    from collections import Counter

    from eventdesk.geo.signals import home_country

    w = Counter({"GBR": 9.0, "CHN": 2.5})
    assert home_country(w, "CHN", 3.0) == "GBR"
    assert home_country(w, "CHN", 4.0) is None  # 9 < 4 x 2.5: the scene's country holds
    assert home_country(w, "GBR", 3.0) is None  # the scene is already in it
    assert home_country(w, None, 3.0) == "GBR"  # no scene at all
    assert home_country(w, "CHN", 0.0) is None  # turned off


def _locate_one(
    cfg: dict, title: str, body: str, sentence: str, event_type: str
) -> tuple[str | None, str | None]:
    art = Article(id="h1", title=title, body=body)
    i = body.index(sentence)
    ev = Event(article_id="h1", event_type=event_type, evidence=Evidence(sentence, i, i + len(sentence)))
    geo.locate([ev], {art.id: art}, cfg, Resources.shared(cfg))
    return (ev.location.country, ev.location.name) if ev.location else (None, None)


# a Westminster row about China: the one place named as a scene is Beijing, the parties are British
_ROW = (
    "Labour and the Tories clashed in the Commons over arms sales. "
    "The shadow foreign secretary said a deal signed in Beijing last year broke British rules. "
    "The home secretary told MPs that Downing Street would publish the export figures. "
    "Labour backbenchers want a vote before the summer. "
    "The Tory leader will raise the issue at prime minister's questions. "
    "The Liberal Democrats condemned the delay."
)


def test_a_statement_with_no_place_of_its_own_is_made_where_the_article_parties_are(cfg):
    got = _locate_one(
        cfg,
        "Tories attack Labour over arms sales",
        _ROW,
        "The Liberal Democrats condemned the delay.",
        "ACCUSE",
    )
    assert got[0] == "GBR"
    # turned off, the statement goes to the article's only scene
    off = {"geo": {**cfg["geo"], "home_country_ratio": 0.0}}
    assert (
        _locate_one(
            off,
            "Tories attack Labour over arms sales",
            _ROW,
            "The Liberal Democrats condemned the delay.",
            "ACCUSE",
        )[0]
        == "CHN"
    )


def test_fighting_with_no_place_of_its_own_keeps_the_article_scene(cfg):
    # the same article weights, but a material act (an attack) is where the report's scene is
    body = _ROW + " Protesters were attacked by police."
    got = _locate_one(
        cfg, "Tories attack Labour over arms sales", body, "Protesters were attacked by police.", "ASSAULT"
    )
    assert got[0] == "CHN"
