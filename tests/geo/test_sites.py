"""One record per site (geo/sites.py): an attack told at a list of towns is one event per town (ACLED,
realnews GUIDE.md); a range, a source or one town stays one record. Texts written for these tests."""

from __future__ import annotations

from eventdesk.config import load_config
from eventdesk.pipeline import extract_events
from eventdesk.records import Article

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
