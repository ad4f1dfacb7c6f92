"""Place names used as places, the article's scene, the event's own site (issue 12).

Texts written for these tests; each asserts what eventdesk returns on them."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdesk import geo
from eventdesk.geo import build as gbuild
from eventdesk.geo.gazetteer import km
from eventdesk.records import Actor, Article, Event, Evidence, Mention


@pytest.fixture(scope="module")
def gaz_path() -> Path:
    return gbuild.ensure(None)


@pytest.fixture(scope="module")
def cfg(gaz_path: Path) -> dict:
    return {"geo": {"gazetteer": str(gaz_path), "ner": False}}


def near(p, lat: float, lon: float, within_km: float = 30.0) -> bool:
    return p is not None and km(p.lat, p.lon, lat, lon) <= within_km


def _event(
    article: Article, sentence: str, etype: str = "ASSAULT", actors: list[Actor] | None = None
) -> Event:
    i = article.body.index(sentence)
    return Event(
        article_id=article.id,
        event_type=etype,
        actors=actors or [],
        evidence=Evidence(sentence, i, i + len(sentence)),
    )


# ------------------------------------------------------------------ geo parse


def test_parse_returns_no_demonyms_unless_asked(cfg):
    t = "Sudanese troops and Iranian advisers were seen in Kassala on Monday."
    found = {p.text: p for p in geo.parse(t, cfg)}
    assert "Kassala" in found and found["Kassala"].country == "SDN"
    assert "Sudanese" not in found and "Iranian" not in found
    asked = {p.text for p in geo.parse(t, {"geo": {**cfg["geo"], "parse_demonyms": True}})}
    assert {"Sudanese", "Kassala"} <= asked


def test_short_capitals_match_only_abbreviations(cfg):
    t = "EU and UN envoys met in Brussels to discuss ID theft. The UK sent a minister."
    found = {p.text: p for p in geo.parse(t, cfg)}
    assert "EU" not in found and "UN" not in found and "ID" not in found  # not Eu (France), Idaho
    assert found["Brussels"].country == "BEL" and found["UK"].country == "GBR"


def test_country_resolves_to_its_own_entry(cfg):
    for name, a3 in (("Georgia", "GEO"), ("Lebanon", "LBN"), ("Mexico", "MEX"), ("Jordan", "JOR")):
        (p,) = geo.resolve(f"Talks were held in {name}.", [(19, 19 + len(name))], cfg)
        assert p.country == a3 and p.precision == 3 and p.feature.startswith("PCL"), name


def test_ner_reads_people_works_and_organisations_as_no_places(gaz_path: Path):
    pytest.importorskip("spacy")
    c = {"geo": {"gazetteer": str(gaz_path)}}
    t = (
        "Tony Blair and Michael Howard clashed in the Commons on Wednesday. Mr Blair said the "
        "Liberal Democrats had no plan, and Howard said Google should pay more tax. "
        "Later the British prime minister visited Manchester."
    )
    found = {t[p.start : p.end]: p for p in geo.parse(t, c)}
    assert "Manchester" in found and found["Manchester"].country == "GBR"
    assert not {"Blair", "Howard", "Liberal", "Google"} & set(found)
    # a locative word still makes a surname-like name a place
    t2 = "Tony Blair spoke to farmers in Howard, Wisconsin."
    assert "Howard" in {t2[p.start : p.end] for p in geo.parse(t2, c)}


# ------------------------------------------------------------------ event location


def test_event_in_a_country_takes_the_articles_scene_inside_it(cfg):
    body = (
        "Turkish jets bombed Kurdish positions around Afrin on Sunday. "
        "Turkey has resumed shelling a Kurdish enclave inside Syria on the third day of its campaign. "
        "The United Nations called for restraint."
    )
    art = Article(title="Turkey pounds Afrin", body=body)
    ev = _event(
        art, "Turkey has resumed shelling a Kurdish enclave inside Syria on the third day of its campaign."
    )
    geo.locate([ev], {art.id: art}, cfg)
    assert ev.location is not None and ev.location.country == "SYR" and near(ev.location, 36.51, 36.87, 5)


def test_sea_named_with_a_port_is_the_port(cfg):
    body = "Houthi forces attacked a tanker in the Red Sea off Hodeidah on Monday, the coalition said."
    art = Article(title="", body=body)
    ev = _event(art, body)
    geo.locate([ev], {art.id: art}, cfg)
    assert ev.location is not None and ev.location.country == "YEM" and near(ev.location, 14.80, 42.95, 30)


def test_government_statement_without_a_site_is_at_the_capital(cfg):
    body = "The government of Iran condemned the new sanctions on Tuesday."
    art = Article(title="", body=body)
    iran = Actor(text="government of Iran", name="Iran", country="IRN", sector="GOV")
    said = _event(art, body, "ACCUSE", [iran])
    geo.locate([said], {art.id: art}, cfg)
    assert said.location is not None and said.location.name == "Tehran" and said.location.precision == 1
    # fighting is not moved to the capital
    body = "Forces of Iran shelled villages on Tuesday."
    art = Article(title="", body=body)
    hit = _event(
        art, body, "ASSAULT", [Actor(text="Forces of Iran", name="Iran", country="IRN", sector="MIL")]
    )
    geo.locate([hit], {art.id: art}, cfg)
    assert hit.location is not None and hit.location.name == "Iran" and hit.location.precision == 3


def test_event_takes_the_site_named_in_its_other_mentions(cfg):
    body = (
        "Missiles struck an air defence base in the coastal city of Latakia overnight. "
        "Pictures showed huge explosions, and residents reported damage. "
        "The army said it had intercepted most of them."
    )
    art = Article(title="", body=body)
    s2 = "Pictures showed huge explosions, and residents reported damage."
    ev = _event(art, s2)
    i = body.index("Missiles")
    first = "Missiles struck an air defence base in the coastal city of Latakia overnight."
    ev.mentions = [
        Mention(art.id, s2, body.index(s2), body.index(s2) + len(s2)),
        Mention(art.id, first, i, i + len(first)),
    ]
    geo.locate([ev], {art.id: art}, cfg)
    assert ev.location is not None and ev.location.name == "Latakia"


def test_place_naming_the_topic_or_a_backer_is_not_the_site(cfg):
    body = "The prime minister defended the Iraq war before MPs on Tuesday."
    art = Article(title="", body=body)
    ev = _event(
        art,
        body,
        "REJECT",
        [Actor(text="The prime minister", name="UK Government", country="GBR", sector="GOV")],
    )
    geo.locate([ev], {art.id: art}, cfg)
    assert ev.location is None or ev.location.country == "GBR"
    body = "A bomb exploded near the US-backed military council headquarters in Manbij, northern Syria."
    art = Article(title="", body=body)
    ev = _event(art, body)
    geo.locate([ev], {art.id: art}, cfg)
    assert ev.location is not None and ev.location.country == "SYR" and near(ev.location, 36.53, 37.95, 10)
