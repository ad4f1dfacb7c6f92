"""The event's own site from where its place hangs in the parse (issue 12 point 3).

Texts written for these tests; each asserts what eventdesk's locate returns with the coder's parse
of the sentence (annotate.KnownEntities, as the pipeline hands it over)."""

from __future__ import annotations

import pytest

from eventdesk import geo
from eventdesk.annotate import KnownEntities, annotate
from eventdesk.geo import build as gbuild
from eventdesk.geo.gazetteer import km
from eventdesk.records import Actor, Article, Event, Evidence
from eventdesk.resources import Resources

pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def cfg() -> dict:
    return {"geo": {"gazetteer": str(gbuild.ensure(None)), "ner": False}}


def _locate(
    cfg: dict, body: str, trigger: str, etype: str, actors: list[Actor], sentence: str | None = None
) -> Event:
    """Locate one event of `body` whose word is `trigger` in `sentence` (default: the whole body),
    with the body parsed."""
    res = Resources.shared(cfg)
    art = Article(title="", body=body)
    known = KnownEntities()
    known.add(art.id, 0, len(body), annotate([body], cfg, res.nlp)[0])
    sentence = sentence or body
    s = body.index(sentence)
    t = body.index(trigger, s)
    ev = Event(
        article_id=art.id,
        event_type=etype,
        actors=actors,
        evidence=Evidence(sentence, s, s + len(sentence)),
        extra={"trigger": [t, t + len(trigger)]},
    )
    geo.locate([ev], {art.id: art}, cfg, res, known)
    return ev


def near(ev: Event, lat: float, lon: float, within_km: float = 30.0) -> bool:
    p = ev.location
    return p is not None and km(p.lat, p.lon, lat, lon) <= within_km


TURKEY = Actor(text="Turkey", name="Turkey", country="TUR", sector="GOV")
RUSSIA = Actor(text="Russia", name="Russia", country="RUS", sector="GOV")


def test_topic_of_a_statement_is_not_its_site(cfg):
    # what a government warns about happens elsewhere: the warning is at its seat
    body = "Turkey warned on Tuesday of a new war in Syria after clashes near the border."
    ev = _locate(cfg, body, "warned", "THREATEN", [TURKEY])
    assert near(ev, 39.92, 32.85), ev.location


def test_phrase_of_place_on_a_statement_is_its_site(cfg):
    body = "Speaking at a news conference in Moscow, Russia denied any role in the attack on Douma."
    ev = _locate(cfg, body, "denied", "REJECT", [RUSSIA])
    assert near(ev, 55.75, 37.62), ev.location
    # "the resort of Sochi": the appositive "of" is part of the place phrase
    body = "The plan was agreed by Russia and Turkey at a summit in the Black Sea resort of Sochi."
    ev = _locate(cfg, body, "agreed", "AGREE", [RUSSIA, TURKEY])
    assert near(ev, 43.60, 39.73), ev.location


def test_object_of_a_material_act_is_its_site(cfg):
    # the place of the act's object, not the capital of the party named in the same sentence
    body = "Syrian government forces took control of Aleppo after talks with Russia in Damascus failed."
    army = Actor(text="Syrian government forces", name="Syria", country="SYR", sector="MIL")
    ev = _locate(cfg, body, "took", "ASSAULT", [army])
    assert near(ev, 36.20, 37.16), ev.location


def test_where_a_speaker_reports_fighting_is_not_where_it_happened(cfg):
    body = "A spokesman said in London that rebels had shelled Raqqa overnight."
    rebels = Actor(text="rebels", name="Rebels", country="SYR", sector="REB")
    ev = _locate(cfg, body, "shelled", "ASSAULT", [rebels])
    assert near(ev, 35.95, 39.01), ev.location


def test_country_classifying_a_noun_and_a_capital_acting_are_no_site(cfg):
    # "US journalists": a nationality, like "American journalists"; the killing is where the sentence
    # puts it
    body = "Fighting went on in Raqqa. Militants beheaded two US journalists on Monday."
    militants = Actor(text="Militants", name="Militants", country=None, sector="REB")
    ev = _locate(
        cfg, body, "beheaded", "ASSAULT", [militants], "Militants beheaded two US journalists on Monday."
    )
    assert near(ev, 35.95, 39.01), ev.location
    # "Tehran" standing for Iran's government is the party, not where its fighters are sent
    body = "Fighting went on in Aleppo. Tehran deployed more fighters on Tuesday."
    iran = Actor(text="Tehran", name="Iran", country="IRN", sector="GOV")
    ev = _locate(cfg, body, "deployed", "MOBILIZE", [iran], "Tehran deployed more fighters on Tuesday.")
    assert near(ev, 36.20, 37.16), ev.location


def test_statement_by_a_seat_of_government_is_at_that_capital(cfg):
    # "Downing Street" names the British government by its seat: the statement is made in London,
    # not in Syria, which it is about; the speaker has no country the coder knows
    body = "Downing Street said on Monday that it had warned Turkey against an offensive in Syria."
    ev = _locate(cfg, body, "warned", "THREATEN", [Actor(text="it", name="it", country=None, sector=None)])
    assert near(ev, 51.51, -0.13), ev.location


def test_meeting_of_an_international_body_is_at_its_headquarters(cfg):
    # the Security Council meets in New York, whoever convenes it and whatever it discusses
    france = Actor(text="France", name="France", country="FRA", sector="GOV")
    body = "France called an emergency meeting of the UN Security Council on the fighting in Idlib."
    ev = _locate(cfg, body, "meeting", "CONSULT", [france])
    assert near(ev, 40.71, -74.01), ev.location
    # "the UN" alone is the headquarters only after "at": what the UN says elsewhere stays put
    envoy = Actor(text="Jane Smith", name="Jane Smith", country=None, sector=None)
    body = "Jane Smith, the British envoy at the UN, accused Russia of shielding Syria."
    ev = _locate(cfg, body, "accused", "ACCUSE", [envoy])
    assert near(ev, 40.71, -74.01), ev.location
    body = "The UN said that the fighting near Aleppo had driven out 20,000 people."
    ev = _locate(cfg, body, "said", "ACCUSE", [Actor(text="The UN", name="UN", country=None, sector="IGO")])
    assert not near(ev, 40.71, -74.01, 500), ev.location


def test_site_of_a_statement_beats_the_seat_of_the_body(cfg):
    body = "Speaking in Brussels, a Downing Street spokesman condemned the attack on Afrin."
    spokesman = Actor(text="a Downing Street spokesman", name="spokesman", country="GBR", sector="GOV")
    ev = _locate(cfg, body, "condemned", "ACCUSE", [spokesman])
    assert near(ev, 50.85, 4.35), ev.location


def test_coordinated_countries_classifying_a_noun_are_no_site(cfg):
    # "US and UK citizens": both countries say whose citizens, not where they were killed
    body = "Fighting went on in Raqqa. Militants killed dozens of US and UK citizens last year."
    militants = Actor(text="Militants", name="Militants", country=None, sector="REB")
    sentence = "Militants killed dozens of US and UK citizens last year."
    ev = _locate(cfg, body, "killed", "ASSAULT", [militants], sentence)
    assert near(ev, 35.95, 39.01), ev.location


def _locate_all(cfg: dict, body: str, wanted: list[tuple[str, str, str, list[Actor]]]) -> list[Event]:
    """Locate several events of `body` together: (sentence, trigger, type, actors) each."""
    res = Resources.shared(cfg)
    art = Article(title="", body=body)
    known = KnownEntities()
    known.add(art.id, 0, len(body), annotate([body], cfg, res.nlp)[0])
    evs = []
    for sentence, trigger, etype, actors in wanted:
        s = body.index(sentence)
        t = body.index(trigger, s)
        evs.append(
            Event(
                article_id=art.id,
                event_type=etype,
                actors=actors,
                evidence=Evidence(sentence, s, s + len(sentence)),
                extra={"trigger": [t, t + len(trigger)]},
            )
        )
    geo.locate(evs, {art.id: art}, cfg, res, known)
    return evs


def test_statements_of_one_occasion_share_its_site(cfg):
    # the speaker's country is not known; the next sentence says where he spoke
    first = "The secretary said on Monday he was concerned about the offensive in northern Syria."
    second = "He made the remarks ahead of a meeting in London with the foreign secretary."
    far = "Elsewhere, the envoy warned that the fighting in Idlib could spread."
    body = " ".join([first, second, "Turkish troops advanced.", "Rebels fell back.", "Aid was cut.", far])
    who = Actor(text="The secretary", name="The secretary", country=None, sector=None)
    envoy = Actor(text="the envoy", name="the envoy", country=None, sector=None)
    evs = _locate_all(
        cfg,
        body,
        [
            (first, "said", "ACCUSE", [who]),
            (second, "meeting", "CONSULT", [who]),
            (far, "warned", "THREATEN", [envoy]),
        ],
    )
    assert near(evs[0], 51.51, -0.13), evs[0].location
    assert near(evs[1], 51.51, -0.13), evs[1].location
    # four sentences on, a statement is no longer told as part of that occasion
    from eventdesk.geo.location import _occasion

    london = evs[1].location
    assert _occasion(body, [(body.index(second), london)], body.index(first)) is not None
    assert _occasion(body, [(body.index(second), london)], body.index(far)) is None


def test_a_governments_statement_is_at_its_occasion_before_its_capital(cfg):
    # the minister's government is known (its capital would be the default), but the report puts
    # the statements of this paragraph at a meeting in Nairobi: that is their site
    first = "The Norwegian foreign minister said on Monday she was alarmed by the fighting in Darfur."
    second = "She spoke ahead of talks in Nairobi with the Kenyan president."
    body = " ".join([first, second])
    minister = Actor(text="The Norwegian foreign minister", name="Norway", country="NOR", sector="GOV")
    evs = _locate_all(
        cfg, body, [(first, "said", "ACCUSE", [minister]), (second, "talks", "CONSULT", [minister])]
    )
    assert near(evs[0], -1.28, 36.82), evs[0].location
    # with no occasion named, the statement is at the government's seat
    alone = _locate_all(cfg, first, [(first, "said", "ACCUSE", [minister])])
    assert near(alone[0], 59.91, 10.75), alone[0].location


US = Actor(text="Washington", name="United States", country="USA", sector="GOV")


def test_withdrawal_is_where_the_troops_leave_from(cfg):
    # an announced withdrawal from a country is sited there, not at the announcing government's seat
    body = "The president announced a full withdrawal of his troops from Afghanistan on Friday."
    ev = _locate(cfg, body, "announced", "CONCEDE", [US])
    assert ev.location is not None and ev.location.country == "AFG", ev.location
    # the statement itself, with nothing withdrawn, stays at the seat
    body = "The president announced new sanctions on Friday, officials said."
    ev = _locate(cfg, body, "announced", "CONCEDE", [US])
    assert near(ev, 38.90, -77.04), ev.location


def test_capital_that_acts_is_a_party_not_a_scene(cfg):
    # "armed by Washington" names the US government; the scene is the region the relative clause is in
    body = (
        "Several fighters fled to north-eastern Syria, where they were detained by militias armed by "
        "Washington."
    )
    kurds = Actor(text="militias", name="Militia", country="SYR", sector="REB")
    ev = _locate(cfg, body, "detained", "COERCE", [kurds])
    assert ev.location is not None and ev.location.country == "SYR", ev.location


def test_anaphoric_description_takes_the_place_referred_to(cfg):
    # "the town" refers back to the town named before, not to the capital the article also names
    body = (
        "Government officials in Damascus said the army had surrounded Saraqib on Monday. "
        "Heavy shelling hit the town's outskirts overnight, residents said."
    )
    army = Actor(text="the army", name="Syria", country="SYR", sector="MIL")
    ev = _locate(
        cfg,
        body,
        "shelling",
        "ASSAULT",
        [army],
        "Heavy shelling hit the town's outskirts overnight, residents said.",
    )
    assert near(ev, 35.86, 36.80), ev.location
    # "the town of X" names its own place
    body = "Officials in Damascus said rebels shelled the town of Saraqib on Monday."
    ev = _locate(cfg, body, "shelled", "ASSAULT", [army])
    assert near(ev, 35.86, 36.80), ev.location


def test_resignation_is_at_the_seat_of_the_office(cfg):
    # leaving an office is done where the office is: a national minister's at the capital, not at the
    # war the article is about
    body = "The fighting around Mosul went on. The British defence minister, John Hale, resigned on Friday."
    res = Resources.shared(cfg)
    art = Article(title="", body=body)
    known = KnownEntities()
    known.add(art.id, 0, len(body), annotate([body], cfg, res.nlp)[0])
    s = body.index("The British")
    t = body.index("resigned")
    ev = Event(
        article_id=art.id,
        event_type="RETREAT",
        mode="resign",
        actors=[Actor(text="John Hale", name="John Hale", country="GBR")],
        evidence=Evidence(body[s:], s, len(body)),
        extra={"trigger": [t, t + len("resigned")]},
    )
    geo.locate([ev], {art.id: art}, cfg, res, known)
    assert near(ev, 51.51, -0.13), ev.location
