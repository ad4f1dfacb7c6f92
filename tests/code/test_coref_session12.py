"""Within-article coreference, session 12: which mention a joined record shows as its evidence
(code/coref.py `join`), on records built for these tests."""

from __future__ import annotations

from eventdesk.code.coref import join
from eventdesk.records import Actor, Event, Evidence, Place

LONDON = Place("London", "London", 51.51, -0.13, "GBR", precision=1)


def _record(start: int, sentence: str, modality: str, actors: list[Actor], **kw) -> Event:
    return Event(
        article_id="a12",
        event_type="ASSAULT",
        evidence=Evidence(sentence, start, start + len(sentence)),
        actors=actors,
        recipients=[],
        modality=modality,
        location=kw.pop("location", None),
        **kw,
    )


def test_the_evidence_tells_the_event_as_having_happened():
    cell = Actor(text="the Harbour cell", name="Harbour cell", country="GBR", sector="REB")
    # the plan names the group, the town and a day; the report of the attack itself names none
    plan = _record(
        0,
        "The Harbour cell planned to bomb a depot in London on Friday, police believe.",
        "hypothetical",
        [cell],
        location=LONDON,
        date="2024-05-03",
        date_precision="day",
        date_text="on Friday",
    )
    done = _record(120, "A bomb went off at a depot early on Saturday.", "asserted", [])
    joined = join([plan, done], plan)
    assert joined.evidence.sentence.startswith("A bomb went off")
    assert [m.start for m in joined.mentions] == [120, 0]
    # the fields still come from the most informative mention
    assert joined.actors[0].name == "Harbour cell" and joined.location is LONDON
    assert joined.modality == "asserted"
    # with no mention telling it as fact, the most informative one stays the evidence
    # (join writes into the record it keeps: a fresh plan)
    plan = _record(
        0, "The Harbour cell planned to bomb a depot in London.", "hypothetical", [cell], location=LONDON
    )
    rumour = _record(120, "A bomb may go off at a depot.", "hypothetical", [])
    again = join([plan, rumour], plan)
    assert again.evidence.sentence.startswith("The Harbour cell")
    assert again.modality == "hypothetical"
