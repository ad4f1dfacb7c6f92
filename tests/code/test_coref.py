"""Within-article event coreference, actor resolution and background dates on texts written for
these tests (code/coref.py, code/actors/, dates/event_dates.py)."""

from __future__ import annotations

import pytest

from eventdesk.config import load_config
from eventdesk.pipeline import extract_events
from eventdesk.records import Actor, Article, Event, Evidence, Place


@pytest.fixture(scope="module")
def events_of():
    cfg = load_config()

    def run(title: str, published: str, body: str) -> tuple[Article, list[Event]]:
        art = Article(title=title, body=body, published=published)
        return art, extract_events([art], cfg)

    return run


def test_three_mentions_of_one_attack_are_one_event(events_of):
    art, evs = events_of(
        "Militants attack police station",
        "2024-03-06",
        "Al-Shabaab militants attacked a police station in Mandera, Kenya, on Tuesday, killing four "
        "officers.\n\nThe attack began shortly after midnight, a local official said.\n\n"
        "Witnesses said the attack lasted two hours before the gunmen fled into the bush.",
    )
    attacks = [e for e in evs if e.event_type == "ASSAULT"]
    assert len(attacks) == 1
    ev = attacks[0]
    assert len(ev.mentions) == 3
    for m in ev.mentions:
        assert art.body[m.start : m.end] == m.sentence and m.article_id == art.id
    assert {m.sentence.split()[0] for m in ev.mentions} == {"Al-Shabaab", "The", "Witnesses"}
    # fields from the most informative mention: the named group, the town, the stated day
    assert ev.actors[0].name == "Al-Shabaab"
    assert ev.location is not None and ev.location.name == "Mandera"
    assert ev.date == "2024-03-05"


def test_two_attacks_in_different_towns_stay_two(events_of):
    _, evs = events_of(
        "Two attacks in Kenya",
        "2024-03-07",
        "Al-Shabaab militants attacked a police station in Mandera on Tuesday, killing four officers.\n\n"
        "In a separate incident, gunmen attacked a bus near Lamu on Wednesday, wounding six passengers.",
    )
    attacks = [e for e in evs if e.event_type == "ASSAULT"]
    assert len(attacks) == 2
    assert {e.location.name for e in attacks if e.location} == {"Mandera", "Lamu"}
    assert all(len(e.mentions) == 1 for e in attacks)


def test_group_description_and_pronoun_resolve_to_the_named_entity(events_of):
    _, evs = events_of(
        "Islamic State claims attack",
        "2019-05-02",
        "Islamic State fighters ambushed an Iraqi army patrol near Kirkuk on Wednesday, the army said.\n\n"
        "The group also attacked a checkpoint in the same province, killing two soldiers.",
    )
    attacks = [e for e in evs if e.event_type == "ASSAULT"]
    # "also": a second attack, by the group the article named
    assert len(attacks) == 2
    assert all(e.actors[0].name == "Islamic State" for e in attacks)
    _, evs = events_of(
        "Minister visits",
        "2025-06-04",
        "Iranian Foreign Minister Abbas Araqchi met Lebanese President Joseph Aoun in Beirut on Tuesday.\n\n"
        "He later accused Israel of violating the ceasefire.",
    )
    accuse = next(e for e in evs if e.event_type == "ACCUSE")
    assert accuse.actors[0].name == "Abbas Araqchi"  # the subject before, not the last name read


def test_non_entities_are_never_actors(events_of):
    _, evs = events_of(
        "Attack",
        "2019-01-17",
        "A suicide bombing claimed by the Islamic State killed four Americans in Manbij on Wednesday.\n\n"
        "Today's attack shows the group can still strike, officials said. Blame fell on the militants.",
    )
    names = {a.name.lower() for e in evs for a in e.actors + e.recipients}
    assert not names & {"today", "blame", "manbij"}
    # "claimed by the Islamic State": the perpetrator is named, not an unidentified group
    bombing = next(e for e in evs if e.event_type == "ASSAULT" and "suicide" in e.evidence.sentence)
    assert bombing.actors[0].name == "Islamic State"


def test_background_event_is_historical_with_its_own_year(events_of):
    _, evs = events_of(
        "Police arrest suspect",
        "2017-12-20",
        "German police arrested a man in Berlin on Monday over a plot to attack a Christmas market.\n\n"
        "The 2016 Berlin attack, in which a truck was driven into a crowd, killed 12 people.",
    )
    old = [e for e in evs if "2016" in e.evidence.sentence and e.event_type == "ASSAULT"]
    assert len(old) == 1
    assert old[0].modality == "historical" and old[0].date == "2016"
    arrest = next(e for e in evs if e.event_type == "COERCE")
    assert arrest.modality == "asserted" and arrest.date == "2017-12-18"


def _ev(start: int, actors: list[str], recipients: list[str], modality: str = "asserted") -> Event:
    def act(n: str) -> Actor:
        return Actor(text=n, name=n, country=None, sector="GOV")

    ev = Event(
        article_id="a1",
        event_type="ACCUSE",
        evidence=Evidence(f"{' and '.join(actors)} accused {' and '.join(recipients)}.", start, start + 1),
        actors=[act(n) for n in actors],
        recipients=[act(n) for n in recipients],
        modality=modality,
        location=Place("Ankara", "Ankara", 39.9, 32.9, "TUR"),
        date="2018-01-22",
        date_precision="day",
        date_text="on Monday",
    )
    return ev


def test_reciprocal_accusations_stay_two():
    from eventdesk.code.coref import compatible, corefer

    a, b = _ev(0, ["Turkey"], ["Russia"]), _ev(0, ["Russia"], ["Turkey"])
    assert not compatible(a, b)
    assert len(corefer([a, b], {})) == 2
    # the same pair twice in one sentence is one event
    c, d = _ev(10, ["Turkey"], ["Russia"]), _ev(10, ["Turkey"], ["Russia"])
    assert compatible(c, d) and len(corefer([c, d], {})) == 1


def test_coref_can_be_switched_off(events_of):
    cfg = load_config(overrides={"code": {"coref": {"enabled": False}}})
    art = Article(
        title="t",
        published="2024-03-06",
        body="Al-Shabaab militants attacked a police station in Mandera, Kenya, on Tuesday.\n\n"
        "Witnesses said the attack lasted two hours.",
    )
    evs = extract_events([art], cfg)
    assert all(len(e.mentions) == 1 for e in evs)
    assert not any(e.extra.get("mention_only") for e in evs)


def _mention(start: int, actors: list[Actor], recipients: list[Actor], modality: str, **kw) -> Event:
    # the sentence names the parties unless a test gives it
    sentence = kw.pop("sentence", " ".join(a.text for a in actors + recipients) or "x")
    return Event(
        article_id="a2",
        event_type=kw.pop("event_type", "CONSULT"),
        evidence=Evidence(sentence, start, start + 1),
        actors=actors,
        recipients=recipients,
        modality=modality,
        location=Place("Gateshead", "Gateshead", 54.95, -1.6, "GBR"),
        **kw,
    )


def test_a_planned_and_an_asserted_mention_of_one_meeting_are_one_event():
    from eventdesk.code.coref import compatible, corefer

    # "Talks will take place this weekend." ... "Five unions will hold private talks with the minister."
    unions = Actor(
        text="Five public sector unions", name="Five public sector unions", country=None, sector=None
    )
    minister = Actor(text="John Prescott", name="John Prescott", country="GBR", sector="GOV")
    a = _mention(0, [], [], "asserted")
    b = _mention(200, [unions], [minister], "hypothetical")
    assert compatible(a, b)
    (one,) = corefer([a, b], {})
    assert len(one.mentions) == 2 and one.actors[0].name == "Five public sector unions"
    # a denial tells of another event than an affirmation
    assert not compatible(a, _mention(300, [], [], "negated"))


def test_a_capitalised_determiner_or_numeral_is_no_name():
    from eventdesk.code.coref import _entity

    assert not _entity(Actor(text="Five public sector unions", name="Five public sector unions"))
    assert not _entity(Actor(text="Some officials", name="Some officials"))
    assert _entity(Actor(text="Dave Prentis", name="Dave Prentis"))
    assert _entity(Actor(text="The Kurdish militia", name="The Kurdish militia", sector="REB"))


def test_a_capitalised_modifier_before_a_common_noun_head_is_no_name():
    from eventdesk.code.coref import _entity

    # a name has a proper-noun head; "European" or "Kurdish" only qualifies a description
    assert not _entity(Actor(text="other European allies", name="other European allies"))
    assert not _entity(Actor(text="The Kurdish militia", name="The Kurdish militia"))
    assert _entity(Actor(text="Syrian Democratic Forces", name="Syrian Democratic Forces"))
    assert _entity(Actor(text="Hoda Muthana's", name="Hoda Muthana"))


def test_one_party_as_actor_and_as_recipient_of_one_resignation_is_one_event():
    from eventdesk.code.coref import corefer

    # "Mattis's resignation letter on Thursday..." / "...the resignation of the defence secretary,
    # James Mattis, on Thursday"
    mattis = Actor(text="James Mattis", name="James Mattis", country="USA", sector="GOV")
    kw = {
        "event_type": "RETREAT",
        "mode": "resign",
        "date": "2018-12-20",
        "date_precision": "day",
        "date_text": "on Thursday",
    }
    a = _mention(0, [], [mattis], "asserted", **kw)
    b = _mention(400, [mattis], [], "asserted", **kw)
    (one,) = corefer([a, b], {})
    assert len(one.mentions) == 2 and one.actors[0].name == "James Mattis"
    # another party's resignation the same day stays apart
    other = Actor(text="Brett McGurk", name="Brett McGurk", country="USA", sector="GOV")
    c = _mention(0, [mattis], [], "asserted", **kw)
    d = _mention(400, [other], [], "asserted", **kw)
    assert len(corefer([c, d], {})) == 2


def test_a_country_given_by_the_place_makes_no_common_noun_a_name():
    from eventdesk.code.coref import _entity, compatible, corefer

    # actors.fill_countries gives "the sides" the event place's country: still no name
    sides = Actor(text="sides", name="sides", country="SYR", sector=None)
    assert not _entity(sides)
    putin = Actor(text="Vladimir Putin", name="Vladimir Putin", country="RUS", sector=None)
    kw = {"event_type": "AGREE", "date": "2018-09-17", "date_precision": "day"}
    # "The plan was agreed on Monday by Vladimir Putin ..." / "Putin said the sides had agreed ..."
    lead = _mention(0, [putin], [], "asserted", date_text="on Monday", **kw)
    later = _mention(900, [sides], [], "claimed", **kw)
    assert compatible(lead, later)
    # the same with a party the text names in another country stays apart
    erdogan = Actor(text="Recep Tayyip Erdoğan", name="Recep Tayyip Erdoğan", country="TUR", sector=None)
    assert not compatible(lead, _mention(900, [erdogan], [], "claimed", **kw))
    # "... the two leaders agreed": no party of its own, it joins the agreement told before
    leaders = Actor(text="two leaders", name="two leaders", country="SYR", sector=None)
    (one,) = corefer([lead, _mention(400, [], [leaders], "asserted", **kw)], {})
    assert len(one.mentions) == 2 and one.actors[0].name == "Vladimir Putin"


def test_a_shorter_description_with_the_same_head_is_the_same_party():
    from eventdesk.code.coref import _same_actor, corefer

    unions = Actor(
        text="Five public sector unions", name="Five public sector unions", country="GBR", sector="LAB"
    )
    five = Actor(text="five unions", name="five unions", country="GBR", sector="LAB")
    nurses = Actor(text="nurses' unions", name="nurses' unions", country="GBR", sector="LAB")
    assert _same_actor(unions, five)
    assert not _same_actor(unions, nurses)  # "nurses" is not among the first party's words
    assert not _same_actor(unions, Actor(text="public sector employers", name="public sector employers"))
    # "Five public sector unions want the government to withdraw regulations." ... "The five unions
    # want the government to withdraw these regulations."
    a = _mention(0, [unions], [], "asserted", event_type="REQUEST")
    b = _mention(500, [five], [], "asserted", event_type="REQUEST")
    (one,) = corefer([a, b], {})
    assert len(one.mentions) == 2 and one.actors[0].name == "Five public sector unions"


def test_a_later_mention_by_another_described_party_stays_apart():
    from eventdesk.code.coref import corefer

    # "Opposition lawmakers accused the minister of lying." ... "Critics accused the government."
    lawmakers = Actor(text="Opposition lawmakers", name="Opposition lawmakers", country="GBR")
    critics = Actor(text="critics", name="critics", country="GBR")
    a = _mention(0, [lawmakers], [], "asserted", event_type="ACCUSE")
    b = _mention(400, [critics], [], "asserted", event_type="ACCUSE")
    assert len(corefer([a, b], {})) == 2
    # a mention that names nobody ("the accusation was repeated") still joins the event told before
    c = _mention(0, [lawmakers], [], "asserted", event_type="ACCUSE")
    d = _mention(400, [], [], "asserted", event_type="ACCUSE")
    assert len(corefer([c, d], {})) == 1


def test_headline_lead_and_a_later_sentence_of_one_attack_are_one_event(events_of):
    art, evs = events_of(
        "x",
        "2024-03-05",
        "Gunmen kill five villagers in attack on Nigerian village\n\n"
        "Gunmen killed five villagers in an attack on Kaura in Kaduna State, Nigeria, on Sunday night, "
        "police said.\n\nResidents said the attack lasted about an hour and the gunmen fled on motorcycles.",
    )
    attacks = [e for e in evs if e.event_type == "ASSAULT"]
    assert len(attacks) == 1
    (ev,) = attacks
    assert sorted(m.start for m in ev.mentions) == [0, 58, art.body.index("Residents")]
    assert ev.location is not None and ev.location.name == "Kaura"
    assert ev.date == "2024-03-03"  # the lead's stated day, not the publication date


def test_two_attacks_on_different_days_in_one_article_stay_two(events_of):
    _, evs = events_of(
        "x",
        "2024-03-08",
        "Gunmen killed five villagers in an attack on Kaura in Kaduna State, Nigeria, on Sunday night.\n\n"
        "Residents of Kaura said the attack lasted about an hour.\n\n"
        "On Wednesday, gunmen attacked a market in Zaria, killing three traders, police said.",
    )
    attacks = sorted((e for e in evs if e.event_type == "ASSAULT"), key=lambda e: e.evidence.start)
    assert len(attacks) == 2
    assert [len(e.mentions) for e in attacks] == [2, 1]
    assert [e.date for e in attacks] == ["2024-03-03", "2024-03-06"]


def test_a_description_beside_named_recipients_of_one_demand_joins_them():
    from eventdesk.code.coref import corefer

    # 'He said Britain, France and other European allies should take back the fighters.': one
    # demand per named recipient; "other European allies" names no party of its own
    trump = Actor(text="Donald Trump", name="Donald Trump", country="USA", sector="GOV")
    sentence = "Trump said Britain, France and other European allies should take back the fighters."
    kw = {"event_type": "REQUEST", "sentence": sentence}
    britain = _mention(0, [trump], [Actor("Britain", "United Kingdom", "GBR", "GOV")], "asserted", **kw)
    france = _mention(0, [trump], [Actor("France", "France", "FRA", "GOV")], "asserted", **kw)
    allies = _mention(0, [trump], [Actor("other European allies", "other European allies")], "asserted", **kw)
    out = corefer([britain, france, allies], {})
    assert sorted(e.recipients[0].name for e in out) == ["France", "United Kingdom"]


def test_the_sides_and_the_two_leaders_refer_back_to_the_named_parties():
    from eventdesk.code.coref import corefer

    putin = Actor(text="Vladimir Putin", name="Vladimir Putin", country="RUS", sector=None)
    kw = {"event_type": "AGREE", "date": "2018-09-17", "date_precision": "day"}
    lead = _mention(0, [putin], [], "asserted", date_text="on Monday", **kw)
    sides = Actor(text="sides", name="sides", country="SYR", sector=None)
    (one,) = corefer([lead, _mention(900, [sides], [], "claimed", **kw)], {})
    assert len(one.mentions) == 2 and one.actors[0].name == "Vladimir Putin"
    # a description with a head of its own is another party: "critics agreed" stays apart
    critics = Actor(text="critics", name="critics", country="SYR", sector=None)
    lead, other = _mention(0, [putin], [], "asserted", **kw), _mention(900, [critics], [], "claimed", **kw)
    assert len(corefer([lead, other], {})) == 2


def test_a_party_read_from_a_pronoun_does_not_keep_two_mentions_apart():
    from eventdesk.code.coref import compatible

    jihadis = Actor(text="Isis", name="Islamic State", country="SYR", sector="REB")
    syria = Actor(text="Syria", name="Syria", country="SYR", sector="GOV")
    kw = {"event_type": "ASSAULT", "date": "2017-09-26", "date_precision": "day"}
    lead = _mention(0, [jihadis], [], "asserted", sentence="Isis fighters drove up to the base.", **kw)
    # "They" resolved to the wrong antecedent: the sentence itself names no one
    later = _mention(300, [syria], [], "asserted", sentence="They then opened fire.", **kw)
    assert compatible(lead, later)
    # the same party named in its own sentence does
    named = _mention(300, [syria], [], "asserted", sentence="Syrian troops then opened fire.", **kw)
    named.actors = [Actor(text="Syrian troops", name="Syria", country="SYR", sector="GOV")]
    assert not compatible(lead, named)


def test_fighting_that_names_no_means_keeps_no_attack_apart():
    from eventdesk.code.coref import compatible

    def assault(start: int, sentence: str, trigger: str, mode: str) -> Event:
        ev = _mention(start, [], [], "asserted", event_type="ASSAULT", sentence=sentence, mode=mode)
        ev.extra["trigger"] = [
            start + sentence.index(trigger),
            start + sentence.index(trigger) + len(trigger),
        ]
        return ev

    blast = assault(
        300, "Five others were wounded in the roadside bomb blast.", "roadside bomb", "explosives"
    )
    # "fighting" is coded 'firearms' by default: it tells no means, so it keeps nothing apart
    fighting = assault(0, "A soldier has died in the fighting near the town.", "fighting", "firearms")
    assert compatible(fighting, blast)
    # "shot" names the means: a shooting and a bombing stay two
    shot = assault(0, "Gunmen shot two soldiers near the town.", "shot", "firearms")
    assert not compatible(shot, blast)


def test_an_article_restating_a_toll_keeps_its_largest_figure():
    from eventdesk.code.coref import join

    # the lead names the part of the dead that concerns its readers, a later sentence the toll
    group = Actor(text="al-Shabaab", name="Al-Shabaab", country="SOM", sector="REB")
    lead = _mention(0, [group], [], "asserted", event_type="ASSAULT", fatalities=3)
    toll = _mention(400, [], [], "asserted", event_type="ASSAULT", fatalities=11)
    joined = join([lead, toll], lead, short=False)
    assert joined.fatalities == 11 and len(joined.mentions) == 2


def test_an_event_told_first_with_no_party_takes_the_party_a_later_mention_names():
    from eventdesk.code.coref import corefer

    kw = {"event_type": "REQUEST", "date": "2005-03-30", "date_precision": "day"}
    # "Few doubt that the election will be called in April." (no party; a default actor)
    crowd = Actor(text="Protesters", name="Protesters", country="GBR", sector=None)
    first = _mention(0, [crowd], [], "hypothetical", sentence="Few doubt the election will be called.", **kw)
    # "... the prime minister, Alan Hart, will ask the Queen to dissolve Parliament."
    hart = Actor(text="Alan Hart", name="Alan Hart", country="GBR", sector="GOV")
    later = _mention(400, [hart], [], "hypothetical", sentence="Alan Hart will ask the Queen to go.", **kw)
    (one,) = corefer([first, later], {})
    assert len(one.mentions) == 2 and one.actors[0].name == "Alan Hart"
    # a first mention that describes a party of its own ("the unions demanded ...") stays apart
    unions = Actor(text="the unions", name="unions", country="GBR", sector=None)
    first = _mention(0, [unions], [], "asserted", sentence="The unions demanded a vote.", **kw)
    later = _mention(400, [hart], [], "hypothetical", sentence="Alan Hart will ask the Queen to go.", **kw)
    assert len(corefer([first, later], {})) == 2
    # a first mention that names a recipient has a party ("the withdrawal of US troops" ...
    # "Kurdish forces retreated"): two events
    troops = Actor(text="US troops", name="US troops", country="USA", sector="MIL")
    first = _mention(0, [crowd], [troops], "hypothetical", sentence="The withdrawal of US troops.", **kw)
    kurds = Actor(text="Kurdish forces", name="Kurdish forces", country="SYR", sector="REB")
    later = _mention(400, [kurds], [], "asserted", sentence="Kurdish forces pulled back.", **kw)
    assert len(corefer([first, later], {})) == 2
    # and so does a later mention with a new-event cue ("in a separate appeal")
    first = _mention(0, [], [], "asserted", sentence="An appeal was made for calm.", **kw)
    later = _mention(
        400, [hart], [], "asserted", sentence="In a separate appeal, Alan Hart asked for calm.", **kw
    )
    assert len(corefer([first, later], {})) == 2


def test_they_read_from_a_group_named_sentences_before_does_not_start_another_attack(events_of):
    # 'They' has no antecedent in its own or the sentence before; the resolver's guess (the last
    # group named, a union at a rally) is no party the mention names: it elaborates the attack,
    # and the joined record does not take the guess as its actor
    _, evs = events_of(
        "",
        "2025-03-12",
        "Gunmen attacked a police checkpoint in the town of Kandar on Tuesday, killing four officers. "
        "Residents said the Kandar Youth Union had held a rally in the town square a week earlier. "
        "The checkpoint stands at the northern gate of the town. "
        "They then went inside and opened fire, killing two clerks.",
    )
    attacks = [e for e in evs if e.event_type == "ASSAULT"]
    assert len(attacks) == 1
    assert len(attacks[0].mentions) == 2
    assert [a.name for a in attacks[0].actors] != ["Kandar Youth Union"]
