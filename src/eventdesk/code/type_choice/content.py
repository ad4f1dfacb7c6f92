"""Acts that are another act's content: the topic of a deliberation ("discussed new sanctions"), the
object of a request ("seeking an investigation") or of a desire ("wants Russia's backing"), an act demanded
under a deontic modal. What is discussed,
requested or demanded is not done (PLOVER CONSULT, REQUEST); the talk or the demand is the event.
"""

from __future__ import annotations

from typing import Any

from eventdesk.code.type_choice.tree import dominates
from eventdesk.code.type_choice.vocab import _is, definite_determiners, words


def deliberated(tok: Any) -> bool:
    """ "EU ministers discussed new sanctions", "talks on a ceasefire", "he was reviewing his donations": an act
    named as the topic of a deliberation (the object of a verb of discussing or weighing, or after "on",
    "about", "over" with one) is what is deliberated, not an act done (PLOVER CONSULT "discussions",
    "negotiations"; like the topic of a protest, no separate event). A definite mention ("discussed the
    attack", "the withdrawal") may name a discrete event told elsewhere, and is left as it is."""
    if tok.pos_ != "NOUN" or tok.dep_ not in ("dobj", "pobj"):
        return False
    if any(c.dep_ == "det" and c.lower_ in definite_determiners() for c in tok.children):
        return False
    if tok.dep_ == "dobj":
        gov = tok.head
    elif tok.head.lower_ in ("on", "about", "over") and tok.head.dep_ == "prep":
        gov = tok.head.head
    else:
        return False
    return gov.i != tok.i and _is(gov, "deliberation_words")


def desired(tok: Any) -> bool:
    """ "Turkey wants Russia's backing for its plan", "the rebels lack support": an act named as the object of a verb
    of desire or lack is wanted, not done (WordNet want v.1, need v.1, lack v.1); a party that says it wants another's
    act asks for it, which the lexicon's directive want ("want the government to withdraw") codes as a REQUEST."""
    return tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.i != tok.i and _is(tok.head, "desire_verbs")


def _requested(tok: Any, others: list[tuple[str, Any]]) -> bool:
    """ "is seeking a UN-led investigation", "called for sanctions": an act named as the object of a request is
    what is requested, the content of the REQUEST (PLOVER REQUEST), not an act done."""
    if tok.pos_ != "NOUN":
        return False
    gov = tok.head
    if tok.dep_ == "pobj" and gov.lower_ == "for" and gov.dep_ == "prep":
        gov = gov.head
    elif tok.dep_ != "dobj":
        return False
    return any(t == "REQUEST" and o.i == gov.i for t, o in others)


def demanded(tok: Any, others: list[tuple[str, Any]]) -> bool:
    """Whether the trigger is an act under a deontic modal ("a judge should look into it, the Lib Dems say",
    "yes, he should apologise") whose demand is coded as a REQUEST of its sentence (the modal itself, or the
    saying verb above it): what is demanded is not done, the demand is the event. An epistemic "must have"
    ("they must have killed him") infers an act done and stays."""
    modals = [c for c in tok.children if c.dep_ == "aux" and _is(c, "deontic_modals")]
    if not modals or any(
        c.dep_ == "aux" and c.lower_ in words("modal_perfect_auxiliaries") for c in tok.children
    ):
        return False
    return any(
        t == "REQUEST" and o.i != tok.i and (any(o.i == m.i for m in modals) or dominates(o, tok))
        for t, o in others
    )


def ordered(tok: Any) -> bool:
    """ "the administration instructed the Kurds to surrender a town", "ordered the rebels to hand over their weapons":
    an act in the infinitive of a verb of ordering, whose object (the addressee, the infinitive's understood subject:
    Quirk et al. 1985 16.52, object control) is another party, is what that party is told to do, not done: the order is
    the event (PLOVER REQUEST: "all requests, demands, and orders"), and the act's own clause does not name who orders,
    so the act codes nothing. Troops or forces ordered ("ordered the troops to withdraw") are the orderer's own: the
    order moves them (a RETREAT, a MOBILIZE)."""
    if tok.pos_ != "VERB" or tok.dep_ != "xcomp" or not _is(tok.head, "ordering_verbs"):
        return False
    addressees = [c for c in tok.head.children if c.dep_ == "dobj"]
    return bool(addressees) and all(
        (a.ent_type_ in ("NORP", "ORG", "GPE") or a.pos_ == "PROPN" or _is(a, "armed_group_nouns"))
        and not _is(a, "force_nouns")
        for a in addressees
    )
