"""SUPPORT and AID: PLOVER SUPPORT is "political, diplomatic, and non-material support", AID material
help. Support with arms is AID, backing of words is SUPPORT, a place defended is held by force, support
withdrawn is a SANCTION.
"""

from __future__ import annotations

from typing import Any

from eventdesk.code.type_choice.tree import _objects, _subject, _with_conjuncts
from eventdesk.code.type_choice.vocab import _is, words


def _material_means(tok: Any) -> bool:
    """ "supported X with airstrikes and arms": the support is material."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "with":
            for p in c.children:
                if p.dep_ == "pobj" and any(_is(x, "material_nouns") for x in _with_conjuncts(p)):
                    return True
    return False


def _backed_words(tok: Any) -> bool:
    """ "their demands have been backed by X", "a plan backed by the UK": what is backed is a demand, a policy or a
    proposal (words), so the backing is political support (PLOVER SUPPORT), not the military backing of fighters
    that the AID line "backed by" is for ("Turkish-backed rebels")."""
    backed = [c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")]
    if tok.dep_ in ("acl", "amod") and tok.head.pos_ in ("NOUN", "PROPN"):
        backed.append(tok.head)
    return any(_is(b, "criticisable_things") or _is(b, "request_nouns") for b in backed)


def _foreign_forces(tok: Any, o: Any) -> bool:
    """ "Turkey, which has supported anti-Assad forces throughout the war": armed forces backed by a state (a country
    names the backer) are given military assistance (PLOVER AID: "military and police assistance"); a politician who
    supports "our troops" backs them in words."""
    backer = _subject(tok)
    return _is(o, "force_nouns") and backer is not None and backer.ent_type_ == "GPE"


def support_type(tok: Any, forms: set[str], others: list[tuple[str, Any]]) -> str | None:
    """SUPPORT: material support is AID, a place defended is held by force (ASSAULT), support withdrawn is a
    SANCTION (a reduction of relations)."""
    if forms & words("backing_verbs") and _material_means(tok):
        return None if any(t == "AID" for t, _ in others) else "AID"
    # "Iran has supported Houthi fighters throughout the war": backing given to fighters in a conflict is military
    # assistance (PLOVER AID: "military and police assistance"), as the lexicon's "Turkish-backed rebels" is AID;
    # backing of a party's words or cause stays SUPPORT
    if (
        tok.pos_ == "VERB"
        and forms & words("backing_verbs")
        and any(_is(o, "armed_group_nouns") or _foreign_forces(tok, o) for o in _objects(tok))
    ):
        return None if any(t == "AID" for t, _ in others) else "AID"
    # "the fighters who defended the town": a place held by force, not words in defence of a party or
    # a policy (CAMEO 052 "defend verbally", PLOVER SUPPORT is non-material)
    if forms & {"defend"} and any(
        o.ent_type_ in ("GPE", "LOC") or _is(o, "territory_nouns") for o in _objects(tok)
    ):
        return "ASSAULT"
    # "withdrew its support for the rebels": existing cooperation reduced (PLOVER SANCTION)
    if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubjpass") and _is(tok.head, "ending_verbs"):
        return "SANCTION"
    return "SUPPORT"


def aid_type(tok: Any, forms: set[str], others: list[tuple[str, Any]]) -> str | None:
    """AID: "backed" with a demand, a policy or a plan as what is backed is political support (SUPPORT)."""
    if forms & {"back", "backed"} and _backed_words(tok):
        return "SUPPORT"
    # "the evacuation of the rebel fighters from Douma", "troops evacuated the base": fighters taken out of an area
    # or a military position left is a withdrawal (PLOVER RETREAT: "a military retreat from, or ceding, territory"),
    # not the humanitarian help (AID) the evacuation of civilians is
    if forms & {"evacuate", "evacuation"} and any(
        _is(x, "force_nouns") or _is(x, "armed_group_nouns") or _is(x, "military_positions")
        for o in _objects(tok)
        for x in _with_conjuncts(o)
    ):
        return "RETREAT"
    return "AID"
