"""Within-article coreference, session 15: an additive adverb ("also") before a definite event noun
does not make it a new event (data/coref/additive_cues.txt), and a description postmodified by an
of-phrase ("the leader of the party") is no name of the body it names (code/coref.py), on records
built for these tests."""

from __future__ import annotations

from eventdesk.code.coref import compatible, corefer
from eventdesk.records import Actor, Article, Event, Evidence

REBELS = Actor(text="Rebels", name="Rebels", country=None, sector="REB")


def _record(art: Article, sentence: str, trigger: str, actors: list[Actor], anaphoric: bool) -> Event:
    start = art.body.index(sentence)
    t = art.body.index(trigger, start)
    ev = Event(
        article_id=art.id,
        event_type="ASSAULT",
        evidence=Evidence(sentence, start, start + len(sentence)),
        actors=actors,
        recipients=[],
        modality="asserted",
    )
    ev.extra["trigger"] = [t, t + len(trigger)]
    if anaphoric:
        ev.extra["anaphoric"] = True
    return ev


def _article(*sentences: str) -> Article:
    return Article(title="", body="\n\n".join(sentences), published="2024-05-06")


def test_also_in_the_clause_of_a_definite_event_noun_keeps_it_one_event():
    lead = "Rebels bombed the Harbour depot on Friday, police said."
    later = (
        "There have also been warnings for months that the rebels could strike, as shown by Friday's bombing."
    )
    art = _article(lead, later)
    first = _record(art, lead, "bombed", [REBELS], anaphoric=False)
    again = _record(art, later, "bombing", [], anaphoric=True)
    out = corefer([first, again], {art.id: art})
    assert len(out) == 1
    assert sorted(m.start for m in out[0].mentions) == [0, art.body.index(later)]


def test_also_before_the_verb_of_an_act_still_tells_a_further_act():
    lead = "Rebels bombed the Harbour depot on Friday, police said."
    later = "The rebels also bombed a bridge outside the town."
    art = _article(lead, later)
    first = _record(art, lead, "bombed", [REBELS], anaphoric=False)
    further = _record(art, later, "bombed a bridge", [], anaphoric=False)
    further.extra["trigger"][1] = further.extra["trigger"][0] + len("bombed")
    assert len(corefer([first, further], {art.id: art})) == 2


def test_a_non_identity_cue_still_separates_a_definite_noun():
    # "a separate" (data/coref/new_event_cues.txt) marks another event even before a possessive noun
    lead = "Rebels bombed the Harbour depot on Friday, police said."
    later = "In a separate incident, its bombing of a bridge was reported."
    art = _article(lead, later)
    first = _record(art, lead, "bombed", [REBELS], anaphoric=False)
    other = _record(art, later, "bombing", [], anaphoric=True)
    assert len(corefer([first, other], {art.id: art})) == 2


def test_a_description_postmodified_by_of_is_no_name_of_the_body():
    # "the leader of the Harbour Party" describes a person of the party, not the party the dictionary
    # reads inside it: the later mention that names the person may be the same arrest
    body = (
        "The leader of the Harbour Party has been arrested.\n\nKarl Osten was arrested on suspicion of fraud."
    )
    art = _article(*body.split("\n\n"))
    s1, s2 = body.split("\n\n")
    first = _record(art, s1, "arrested", [], anaphoric=False)
    first.event_type = "COERCE"
    first.recipients = [
        Actor(text="leader of the Harbour Party", name="Harbour Party", country="GBR", sector="PTY")
    ]
    later = _record(art, s2, "arrested", [], anaphoric=False)
    later.event_type = "COERCE"
    later.recipients = [Actor(text="Karl Osten", name="Karl Osten", country="GBR", sector=None)]
    assert compatible(first, later)
    # the party named as such is a name: a person arrested is not the party "banned"
    party = Actor(text="the Harbour Party", name="Harbour Party", country="GBR", sector="PTY")
    first.recipients = [party]
    assert not compatible(first, later)
    # a name whose first word is capitalised ("Bank of England") stays a name
    bank = Actor(text="Bank of England", name="Bank of England", country="GBR", sector="BUS")
    first.recipients = [bank]
    assert not compatible(first, later)


def test_a_partitive_head_names_the_party_of_its_of_phrase():
    # "a number of militants" are militants (data/actors/quantity_heads.txt), not the soldiers the other
    # mention names: two different recipients
    s1, s2 = "The army killed a number of militants.", "The army killed soldiers who had deserted."
    art = _article(s1, s2)
    first = _record(art, s1, "killed", [], anaphoric=False)
    first.recipients = [Actor(text="a number of militants", name="militants", country="GBR", sector="REB")]
    later = _record(art, s2, "killed", [], anaphoric=False)
    later.recipients = [Actor(text="soldiers", name="soldiers", country="GBR", sector="MIL")]
    assert not compatible(first, later)
