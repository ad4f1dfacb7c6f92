"""Within-article coreference, session 13: the parties of a joint act (CONSULT, AGREE, COOPERATE)
and the antecedent of a definite mention that opens the text (code/coref.py), on records built
for these tests."""

from __future__ import annotations

from eventdesk.code.coref import compatible, corefer
from eventdesk.records import Actor, Article, Event, Evidence

MIRA = Actor(text="Anna Mira", name="Anna Mira", country="FRA", sector="GOV")
OSTEN = Actor(text="Karl Osten", name="Karl Osten", country="DEU", sector="GOV")
BRENN = Actor(text="Lukas Brenn", name="Lukas Brenn", country="AUT", sector="GOV")


def _record(etype: str, start: int, sentence: str, actors: list[Actor], recipients: list[Actor]) -> Event:
    return Event(
        article_id="a13",
        event_type=etype,
        evidence=Evidence(sentence, start, start + len(sentence)),
        actors=actors,
        recipients=recipients,
        modality="asserted",
    )


def test_the_parties_of_a_joint_act_are_one_side():
    # "agreed by Mira and Osten" and "Osten said the agreement ...": the coder put Osten on the
    # recipient side once and on the actor side once; one party of one agreement
    first = _record("AGREE", 0, "The plan was agreed by Anna Mira and Karl Osten.", [MIRA], [OSTEN])
    later = _record("AGREE", 80, "Karl Osten said the agreement would hold.", [OSTEN], [])
    assert compatible(first, later)
    # a one-sided act keeps its sides: Mira accusing Osten is not Osten accusing someone
    accused = _record("ACCUSE", 0, "Anna Mira accused Karl Osten of lying.", [MIRA], [OSTEN])
    accuses = _record("ACCUSE", 80, "Karl Osten accused the press.", [OSTEN], [])
    assert not compatible(accused, accuses)
    # a joint act whose parties the two mentions name apart is two acts: talks with Brenn are not
    # talks Osten held, though one mention has no actor and the other no recipient
    with_brenn = _record("CONSULT", 0, "Talks were held with Lukas Brenn.", [], [BRENN])
    osten_met = _record("CONSULT", 80, "Karl Osten met officials.", [OSTEN], [])
    assert not compatible(with_brenn, osten_met)
    # one visitor meeting two hosts holds two meetings: the visitor alone is no shared group
    with_host = _record("CONSULT", 0, "Karl Osten met Anna Mira in Paris.", [OSTEN], [MIRA])
    with_other = _record("CONSULT", 80, "Karl Osten later met Lukas Brenn.", [OSTEN], [BRENN])
    assert not compatible(with_host, with_other)
    one_sided = _record("ACCUSE", 0, "Accusations were made against Lukas Brenn.", [], [BRENN])
    osten_accused = _record("ACCUSE", 80, "Karl Osten accused officials.", [OSTEN], [])
    assert compatible(one_sided, osten_accused)


def test_a_definite_mention_opening_the_text_joins_the_first_event_told_after_it():
    body = (
        "The bombing of the depot shocked the town.\n\n"
        "Rebels bombed the Harbour depot on Friday, police said.\n\n"
        "In 2019, rebels had bombed a bridge outside the town."
    )
    art = Article(title="", body=body, published="2024-05-06")
    s1, s2, s3 = body.split("\n\n")
    rebels = Actor(text="Rebels", name="Rebels", country=None, sector="REB")
    bare = _record("ASSAULT", 0, s1, [], [])
    bare.article_id = art.id
    bare.extra.update({"mention_only": True, "trigger": [4, 11], "anaphoric": True})
    depot = _record("ASSAULT", body.index(s2), s2, [rebels], [])
    depot.article_id = art.id
    depot.date, depot.date_precision, depot.date_text = "2024-05-03", "day", "on Friday"
    depot.extra["trigger"] = [body.index("bombed the Harbour"), body.index("bombed the Harbour") + 6]
    bridge = _record("ASSAULT", body.index(s3), s3, [rebels], [])
    bridge.article_id = art.id
    bridge.modality = "historical"
    bridge.date, bridge.date_precision, bridge.date_text = "2019", "year", "In 2019"
    out = corefer([depot, bridge, bare], {art.id: art})
    assert len(out) == 2
    joined = next(e for e in out if e.evidence.sentence == s2)
    assert sorted(m.start for m in joined.mentions) == [0, body.index(s2)]


def test_a_denial_joins_the_event_only_through_a_named_party_it_shares():
    body = (
        "Karl Osten did not attack the convoy on Monday, his office said.\n\n"
        "Witnesses said Karl Osten attacked the convoy on Monday.\n\n"
        "Nobody attacked the depot, police said."
    )
    art = Article(title="", body=body, published="2024-05-07")
    s1, s2, s3 = body.split("\n\n")

    def rec(sentence: str, actors: list[Actor], modality: str) -> Event:
        e = _record("ASSAULT", body.index(sentence), sentence, actors, [])
        e.article_id, e.modality = art.id, modality
        e.date, e.date_precision, e.date_text = "2024-05-06", "day", "on Monday"
        return e

    denied = rec(s1, [OSTEN], "negated")
    told = rec(s2, [OSTEN], "claimed")
    nobody = rec(s3, [], "negated")
    nobody.date, nobody.date_text = "2024-05-07", None
    out = corefer([denied, told, nobody], {art.id: art})
    # the denial and the report name one party, day and type: one event, told as claimed
    assert len(out) == 2
    joined = out[0]
    assert sorted(m.start for m in joined.mentions) == [0, body.index(s2)]
    assert joined.modality == "claimed" and joined.evidence.sentence == s2
    # a denial that names no party is no mention of the reported attack
    assert out[1].evidence.sentence == s3 and out[1].modality == "negated"


def test_a_definite_description_refers_back_where_a_bare_one_is_a_new_party():
    donor = Actor(text="Duncan Bannatyne", name="Duncan Bannatyne", country="GBR")
    first = _record("ACCUSE", 0, "Duncan Bannatyne attacked the government over its policy.", [donor], [])
    man = Actor(text="businessman", name="businessman", country="GBR")
    later = _record("ACCUSE", 300, "The businessman voiced concern about the violence.", [man], [])
    (one,) = corefer([first, later], {})
    assert sorted(m.start for m in one.mentions) == [0, 300] and one.actors[0].name == "Duncan Bannatyne"
    # "critics" names a party of its own: another accusation
    first = _record("ACCUSE", 0, "Duncan Bannatyne attacked the government over its policy.", [donor], [])
    critics = Actor(text="critics", name="critics", country="GBR")
    other = _record("ACCUSE", 300, "Critics voiced concern about the violence.", [critics], [])
    assert len(corefer([first, other], {})) == 2
    # in a joint act the description stands for the group that met: "the pair" held its own talks
    met = _record("CONSULT", 0, "Anna Mira met Lukas Brenn in Paris.", [MIRA], [BRENN])
    pair = Actor(text="pair", name="pair", country="FRA")
    talks = _record("CONSULT", 300, "The pair had a frank discussion, her office said.", [pair], [])
    assert len(corefer([met, talks], {})) == 2
