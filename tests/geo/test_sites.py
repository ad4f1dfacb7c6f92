"""One record per site (geo/sites.py): an attack told at a list of towns is one event per town (ACLED,
realnews GUIDE.md); a range, a source or one town stays one record. Texts written for these tests."""

from __future__ import annotations

from typing import Any

from eventdesk import geo
from eventdesk.annotate import KnownEntities
from eventdesk.code import code
from eventdesk.config import load_config
from eventdesk.geo.sites import split_sites
from eventdesk.pipeline import extract_events
from eventdesk.records import Article
from eventdesk.resources import Resources

LEAD = (
    "Fighting in northern Syria has displaced tens of thousands of people this month, aid agencies said, "
    "and the United Nations has called for a halt to the violence."
)


def _assaults(sentence: str) -> list:
    art = Article(title="", body=LEAD + "\n\n" + sentence, published="2018-09-18")
    evs = extract_events([art], load_config())
    return [e for e in evs if e.event_type == "ASSAULT" and e.evidence.start > len(LEAD)]


def test_missiles_fired_at_a_list_of_towns_are_one_attack_per_town():
    evs = _assaults(
        "Israeli missiles were fired at several Syrian locations on Monday, including the coastal city "
        "of Latakia, Homs and Aleppo, according to Syrian state media."
    )
    assert sorted(e.location.name for e in evs) == ["Aleppo", "Homs", "Latakia"]
    assert len({e.id for e in evs}) == 3
    assert all(e.actors and e.actors[0].name == "Israel" for e in evs)


def test_a_front_between_two_towns_is_one_event():
    evs = _assaults(
        "Government forces captured large swaths of territory on Tuesday, stretching between Deir ez-Zor "
        "and Mayadeen."
    )
    assert len(evs) == 1


def test_shelling_from_two_provinces_is_one_event_at_its_target():
    evs = _assaults("Turkish artillery shelled Afrin on Sunday from the border provinces of Kilis and Hatay.")
    assert len(evs) == 1


# An article about Ontario: its "London" and "Paris" are the Ontario towns, which the names alone are not
ONTARIO = Article(
    title="Farmers rally across southwestern Ontario",
    body=(
        "Ontario Provincial Police said on Sunday that rallies had been peaceful across southwestern "
        "Ontario.\n\nHundreds of farmers protested in London and Paris on Saturday against the new tax, "
        "organisers said."
    ),
    published="2018-09-18",
)


def test_each_town_of_the_list_is_the_place_the_article_means():
    body = ONTARIO.body
    names = [(body.index(n), body.index(n) + len(n)) for n in ("London", "Paris")]
    # read alone, the two names are the capitals; the article's reading (its focus, its other places)
    # is the Ontario towns, and so is each record of the split
    alone = geo.resolve(body, names, Resources.shared(load_config()))
    assert [p.country for p in alone] == ["GBR", "FRA"]
    evs = [e for e in extract_events([ONTARIO], load_config()) if e.event_type == "PROTEST"]
    assert sorted((e.location.name, e.location.admin1, e.location.country) for e in evs) == [
        ("London", "Ontario", "CAN"),
        ("Paris", "Ontario", "CAN"),
    ]


class _CountingGazetteer:
    """The gazetteer, counting every use of it."""

    def __init__(self, gaz: Any) -> None:
        self.gaz, self.uses = gaz, 0

    def __getattr__(self, name: str) -> Any:
        self.uses += 1
        return getattr(self.gaz, name)


def _split_with_counting_gazetteer(located: bool) -> tuple[list, int]:
    """The split of ONTARIO's protests after the coder (and the geo stage when `located`), with a
    gazetteer that counts its uses handed to the split through the resources."""
    cfg = load_config()
    res = Resources.shared(cfg)
    by_id = {ONTARIO.id: ONTARIO}
    entities = KnownEntities()
    events = code([ONTARIO], cfg, res, bare_mentions=True, entities=entities)
    if located:
        geo.locate(events, by_id, cfg, res, entities)
    counting = Resources(cfg)
    counting.gazetteer = _CountingGazetteer(res.gazetteer)
    out = split_sites(events, by_id, counting, entities)
    listed = ONTARIO.body.index("Hundreds")
    return [
        e for e in out if e.event_type == "PROTEST" and e.evidence.start >= listed
    ], counting.gazetteer.uses


def test_the_split_reuses_the_geo_stage_reading_and_looks_nothing_up():
    evs, uses = _split_with_counting_gazetteer(located=True)
    assert sorted(e.location.name for e in evs) == ["London", "Paris"]
    assert uses == 0
    # without the geo stage's reading the split looks the names up itself (the counter counts)
    evs, uses = _split_with_counting_gazetteer(located=False)
    assert len(evs) == 2 and uses > 0


def test_a_place_and_where_it_lies_is_one_site():
    # "Town, Province" and ACLED's "Town (District, Province)" say where one site lies: no "and" joins
    # the names, though the parse reads them as conjuncts
    for sentence in (
        "Traders held a protest in Kumasi (Kumasi, Ashanti) on Monday against new market fees.",
        "Residents barricaded roads in Marikana (Rustenburg, Bojanala, North West) on Monday over a lack "
        "of water.",
        "Students staged a protest in Kadikoy, Istanbul on Monday against the new rector.",
    ):
        art = Article(title="", body=sentence, published="2022-06-07")
        evs = [e for e in extract_events([art], load_config()) if e.event_type == "PROTEST"]
        assert len(evs) == 1, (sentence, [e.location.name for e in evs])
