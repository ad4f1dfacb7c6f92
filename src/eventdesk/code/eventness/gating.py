"""The eventness gate: the model's probability, or 0 for what the text rules out; the cut.

`ruled_out` gathers the text rules (scope.py, genericity.py, modality.py, reference.py, aggregate.py) in the
order the gate has always tried them; `gate` gives each coded event the model's calibrated
probability (model.py) and keeps those at or above the threshold.
"""

from __future__ import annotations

from typing import Any

from eventdesk.code.eventness.aggregate import continuing_since, poll_finding
from eventdesk.code.eventness.genericity import generic_commentary, generic_or_habitual
from eventdesk.code.eventness.modality import (
    conditional_clause,
    extraposed_judgement,
    modal_noun_infinitive,
    promise_to_no_one,
    root_modal,
    undecided_act,
    wish_without_addressee,
)
from eventdesk.code.eventness.model import EventnessModel
from eventdesk.code.eventness.reference import (
    abstract_patient,
    characterizing,
    hypothetical_nominal,
    predicative_description,
)
from eventdesk.code.eventness.scope import (
    declined_comment,
    no_participant,
    other_field,
    page_furniture,
    press_conference,
)
from eventdesk.code.eventness.view import Candidate, candidates


def ruled_out(c: Candidate) -> bool:
    """What the text rules out whatever the model says (the gate gives it probability 0)."""
    return bool(
        other_field(c)
        or page_furniture(c)
        or no_participant(c)
        or generic_commentary(c)
        or declined_comment(c)
        or wish_without_addressee(c)
        or conditional_clause(c)
        or generic_or_habitual(c)
        or promise_to_no_one(c)
        or press_conference(c)
        or abstract_patient(c)
        or extraposed_judgement(c)
        or characterizing(c)
        or hypothetical_nominal(c)
        or root_modal(c)
        or modal_noun_infinitive(c)
        or undecided_act(c)
        or continuing_since(c)
        or poll_finding(c)
        or predicative_description(c)
    )


def gate(
    events: list[Any],
    body: str,
    config: dict[str, Any] | None = None,
    keep: Any = None,
    model: EventnessModel | None = None,
    genre: str | None = None,
) -> list[Any]:
    """The events the model judges to be events; `keep` (a document's main event) always stays.

    Each kept event's `confidence` becomes the model's calibrated probability that it is a real
    event of its type (0 for what the text rules out: another field's sense, page furniture, no
    participant, an author's generic statement in commentary, a refusal to comment, a wish with no
    addressee, an act in a condition, a habit or generic statement, a promise to no one, a press
    conference, an ASSAULT on something abstract, an act judged ("it is possible to..."), a characterizing statement about a person, a
    nonspecific event noun under a modal, the infinitive of a noun of modality, an act under deliberation, a state
    or series continuing since a year or a long period, a poll's findings, a participle describing a predicative noun phrase), so a cut at 0.7 keeps records of which about 70% or more are events (measured on the labels' hold-out;
    scripts/train_eventness.py); the frame coder's own score stays in `extra["coder_score"]`.
    `model`: the shipped weights (EventnessModel.shipped(), kept by
    eventdesk.resources.Resources.eventness). No model: nothing changes. code.eventness_threshold
    < 0: nothing is dropped, confidence is still the model's. `genre`: the article's genre as
    relevance judged it (Article.relevance["genre"]).
    """
    if model is None or not events:
        return events
    threshold = (config or {}).get("code", {}).get("eventness_threshold")
    threshold = model.threshold if threshold is None else float(threshold)
    out = []
    for ev, c in zip(events, candidates(events, len(body), genre), strict=True):
        p = 0.0 if ruled_out(c) else model.probability(c)
        if threshold < 0 or p >= threshold or ev is keep:
            ev.extra["coder_score"] = ev.confidence
            ev.confidence = round(p, 4)
            out.append(ev)
    return out
