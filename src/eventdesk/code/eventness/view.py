"""What the eventness gate sees of one coded event: a Candidate.

Its type, sentence, trigger, modality, the coder's score, its participants with their sectors, and
where it sits: in the article, in its sentence among the other candidates (a sentence reports one
main event; further triggers are often its content or circumstances), in the sentence's syntax
(code/syntax.clause_role), and in an article of which genre. Built from a records.Event or its
exported JSON object, so training (scripts/train_eventness.py) and the run see the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class Candidate:
    """What the gate sees of one coded event: its type, words and participants, and where it sits."""

    event_type: str
    sentence: str
    sentence_start: int  # offset of the sentence in the body
    trigger: tuple[int, int] | None  # offsets of the trigger words in the body
    modality: str
    confidence: float
    actors: list[tuple[str, str, str | None]]  # (text, name, sector)
    recipients: list[tuple[str, str, str | None]]
    acled_sub_event_type: str | None
    body_length: int
    # the other candidates of the same sentence: how many, and how many are stronger than this one
    # (a sentence reports one main event; further triggers are often its content or circumstances)
    in_sentence: int = 1
    stronger_in_sentence: int = 0
    earlier_in_sentence: int = 0
    # the trigger's place in the sentence's syntax (code/syntax.clause_role), "" when unknown
    clause_role: str = ""
    # the article's genre as relevance judged it (news, analysis, opinion; "" when unknown)
    genre: str = ""


def _get(x: Any, key: str, default: Any = None) -> Any:
    return x.get(key, default) if isinstance(x, dict) else getattr(x, key, default)


def candidates(events: list[Any], body_length: int, genre: str | None = None) -> list[Candidate]:
    """Candidates of one article's events, each knowing the other candidates of its sentence and
    the article's `genre`."""
    cs = [candidate(e, body_length) for e in events]
    for c in cs:
        c.genre = genre or ""
    by_sentence: dict[int, list[Candidate]] = {}
    for c in cs:
        by_sentence.setdefault(c.sentence_start, []).append(c)
    for c in cs:
        same = by_sentence[c.sentence_start]
        c.in_sentence = len({(o.trigger, o.event_type) for o in same})
        c.stronger_in_sentence = len({(o.trigger, o.event_type) for o in same if o.confidence > c.confidence})
        if c.trigger:
            c.earlier_in_sentence = len(
                {o.trigger for o in same if o.trigger and o.trigger[0] < c.trigger[0]}
            )
    return cs


def candidate(event: Any, body_length: int) -> Candidate:
    """A Candidate from a records.Event or its exported JSON object (the same field names)."""
    ev = _get(event, "evidence")
    trig = _get(event, "trigger") or (_get(event, "extra") or {}).get("trigger")

    def parties(xs: Any) -> list[tuple[str, str, str | None]]:
        return [(_get(a, "text") or "", _get(a, "name") or "", _get(a, "sector")) for a in xs or []]

    return Candidate(
        event_type=_get(event, "event_type"),
        sentence=_get(ev, "sentence") or "",
        sentence_start=int(_get(ev, "start") or 0),
        trigger=(int(trig[0]), int(trig[1])) if trig else None,
        modality=_get(event, "modality") or "asserted",
        # the frame coder's score (the gate stores the calibrated probability in `confidence`)
        confidence=float(
            (_get(event, "extra") or {}).get("coder_score")
            or _get(event, "coder_score")
            or _get(event, "confidence")
            or 0.0
        ),
        actors=parties(_get(event, "actors")),
        recipients=parties(_get(event, "recipients")),
        acled_sub_event_type=_get(event, "acled_sub_event_type"),
        body_length=max(1, body_length),
        clause_role=_get(event, "clause_role") or (_get(event, "extra") or {}).get("clause_role") or "",
    )
