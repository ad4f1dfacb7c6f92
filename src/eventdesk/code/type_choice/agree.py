"""AGREE: "willingness or commitment to cooperate" (PLOVER 2.0). An offer of no act, a target met, an
expression offered (praise is SUPPORT), a belief shared and a commitment to a party are none; a promise is
coded by what it promises.
"""

from __future__ import annotations

from typing import Any

from eventdesk.code.type_choice.opinion import _believed
from eventdesk.code.type_choice.promises import promised_type
from eventdesk.code.type_choice.tree import PARTY_ENTITIES, _objects
from eventdesk.code.type_choice.vocab import _is, words


def _committed_to_party(tok: Any) -> bool:
    """ "Washington remained committed to its allies", "its commitment to Nato": what one is committed to is a
    party, not an act: support for it (PLOVER SUPPORT), not a promise to do something (AGREE)."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "to":
            objs = [p for p in c.children if p.dep_ == "pobj"]
            return bool(objs) and all(
                p.ent_type_ in PARTY_ENTITIES or p.pos_ == "PROPN" or _is(p, "party_nouns") for p in objs
            )
    return False


def agree_type(tok: Any, forms: set[str], others: list[tuple[str, Any]]) -> str | None:
    """AGREE: offers of no act, meeting a target, expressions offered, beliefs shared and commitments to a party are
    no agreement; a promise is what it promises (`promised_type`)."""
    if forms & {"offer"} and any(_is(o, "offered_chances") for o in _objects(tok)):
        return None
    # "he would meet his fiscal rule", "set to meet local demand": meet in its sense 'satisfy' (met_senses),
    # no future meeting
    if forms & {"meet"} and tok.pos_ == "VERB" and any(_is(o, "met_senses") for o in _objects(tok)):
        return None
    # "offered his congratulations", "offered condolences": the offer is the expression itself, done as
    # it is said (CAMEO 051 praise: SUPPORT; CAMEO 018 empathy: no PLOVER type), not a promise
    if forms & words("conveying_verbs"):
        objs = [o for o in _objects(tok) if o.dep_ == "dobj"]
        if any(_is(o, "praise_nouns") for o in objs):
            return "SUPPORT"
        if any(_is(o, "empathy_nouns") for o in objs):
            return None
    if forms & {"agree", "agreed"} and tok.pos_ == "VERB" and _believed(tok):
        return None
    if forms & words("committing_words") and _committed_to_party(tok):
        return "SUPPORT"
    promised = promised_type(tok, others)
    if promised is not None:
        return promised
    return "AGREE"
