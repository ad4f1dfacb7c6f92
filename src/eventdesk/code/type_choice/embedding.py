"""Where the trigger's clause sits: inside a description of a noun, an adjective's complement, a
comparative clause, a "without" adjunct, or under a verb of saying. A clause that only describes, measures or
is disposed to an act is not the event its sentence reports (clause hierarchy; Quirk et al. 1985).
"""

from __future__ import annotations

from typing import Any

from eventdesk.code.type_choice.vocab import _is


def describes_a_noun(tok: Any) -> bool:
    """Whether the trigger's clause is a description inside a noun phrase: a relative or participle
    clause that modifies a participant or thing ("westerners imprisoned by Isis", "a summit held two weeks ago when the leaders clashed", "towns due to
    be handed over"). Such a restrictive clause tells who or what the noun is, not what the sentence reports
    (clause hierarchy: it is a dependent of a noun, not of the sentence's predication). A clause
    describing a message ("a leaflet calling for...") is the verbal act itself, not a description."""
    t = tok
    while t.head.i != t.i:
        if (
            t.dep_ in ("relcl", "acl")
            and t.pos_ in ("VERB", "AUX")
            and t.head.pos_ in ("NOUN", "PROPN", "PRON")
            and _restrictive(t)
            and not _is(t.head, "message_nouns")
        ):
            return True
        t = t.head
    return False


def _restrictive(clause: Any) -> bool:
    """A restrictive modifier identifies its noun ("the towns to be handed over", "westerners
    imprisoned by Isis"); a non-restrictive one, set off by a comma, dash or bracket ("Russia, which
    had granted Turkey permission, ...") adds an assertion of its own (appositive relatives are
    asserted, not presupposed), so its event is reported."""
    first = clause.left_edge
    before = clause.doc[first.i - 1] if first.i > 0 else None
    return not (
        (before is not None and before.text in (",", "(", "-", "\u2013", "\u2014"))
        or first.text in (",", "(")
    )


def disposition(tok: Any) -> bool:
    """Whether the trigger's clause is the complement of an adjective ("happy to discuss", "ready
    to talk", "willing to cooperate"): an adjective's to-complement names an act one is disposed
    to, not one done (irrealis; PLOVER codes acts)."""
    t = tok
    while t.head.i != t.i:
        if (
            t.dep_ == "xcomp"
            and t.head.pos_ == "ADJ"
            and any(x.dep_ == "aux" and x.lower_ == "to" for x in t.children)
        ):
            return True
        t = t.head
    return False


def side_trigger(tok: Any, others: list[Any]) -> bool:
    """A trigger that is not the event its sentence reports while another trigger of the sentence
    (`others`, their tokens) is: it sits in a description of a noun (`describes_a_noun`) or in an
    adjective's complement (`disposition`), and some other trigger sits in neither. Alone in its
    sentence such a trigger is left to the eventness gate."""
    if not (describes_a_noun(tok) or disposition(tok)):
        return False
    return any(
        o.sent.start == tok.sent.start and not describes_a_noun(o) and not disposition(o) for o in others
    )


def comparative(tok: Any) -> bool:
    """Whether the trigger sits in a comparative clause ("he sent fewer soldiers than Trump demanded", "more
    troops than the government had requested"): a clause introduced by "than" is the standard a degree is measured
    against (Quirk et al. 1985, 15.63-15.66), a description of an amount, not the event its sentence reports."""
    t = tok
    while t.pos_ in ("VERB", "AUX"):
        if any(c.dep_ == "mark" and c.lower_ == "than" for c in t.children):
            return True
        # up through the verbs of the same clause only ("than Trump had wanted to send"), not out of a noun
        # phrase that the parse hung on the comparison ("a shorter than expected battle to retake it")
        if t.dep_ not in ("xcomp", "ccomp", "conj") or t.head.i == t.i:
            return False
        t = t.head
    return False


def _without(tok: Any) -> bool:
    """ "did so without seeking UN consent": an act named in a "without" adjunct is one not done."""
    return tok.dep_ == "pcomp" and tok.head.lower_ == "without"


def _said(tok: Any) -> bool:
    """Whether the trigger's clause is what a verb of saying above it reports ("Russia said it was ready to talk")."""
    t = tok
    while t.head.i != t.i:
        t = t.head
        if t.pos_ == "VERB" and _is(t, "saying_verbs"):
            return True
    return False
