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


def test_a_quoted_statement_is_made_at_the_occasion_its_own_sentence_names():
    from eventdesk.config import load_config
    from eventdesk.pipeline import extract_events
    from eventdesk.records import Article

    body = (
        "Kenyan troops have pushed deeper into southern Somalia, where fighting with al-Shabaab militants "
        "near Kismayo has forced thousands of families from their homes.\n\n"
        "The French foreign minister, Anne Moreau, said on Tuesday she was “deeply concerned” about "
        "Kenya’s offensive in southern Somalia. “We have worked with the Somali army for years, so we are "
        "concerned about the Kenyan operations in southern Somalia,” she said ahead of a meeting in "
        "Brussels with the Belgian prime minister."
    )
    art = Article(title="Kenya pushes into Somalia", body=body, published="2024-03-06")
    evs = extract_events([art], load_config())
    # the quote's concern is made where its sentence's meeting is, not at the war it is about: one
    # criticism by the minister that day, told twice
    (concern,) = [e for e in evs if e.event_type == "ACCUSE"]
    assert len(concern.mentions) == 2
    assert concern.actors[0].name == "Anne Moreau"
    assert concern.location is not None and concern.location.name == "Brussels"
    (meeting,) = [e for e in evs if e.event_type == "CONSULT"]
    assert meeting.location is not None and meeting.location.name == "Brussels"


def test_the_trigger_travels_with_the_evidence_sentence():
    cell = Actor(text="the Harbour cell", name="Harbour cell", country="GBR", sector="REB")
    plan = _record(0, "The Harbour cell planned to bomb a depot in London.", "hypothetical", [cell])
    plan.extra = {"trigger": [31, 35], "clause_role": "xcomp|VERB|VB|nosubj|VERB"}
    done = _record(120, "A bomb went off at a depot early on Saturday.", "asserted", [])
    done.extra = {"trigger": [122, 126], "clause_role": "nsubj|NOUN|NN|nosubj|VERB"}
    joined = join([plan, done], plan)
    # the record kept is the plan's, but its evidence is the report of the bombing: the trigger
    # offsets point into that sentence, not into the plan's
    start, end = joined.extra["trigger"]
    assert joined.evidence.start <= start < end <= joined.evidence.end
    assert joined.extra["clause_role"].startswith("nsubj")
