"""RETREAT and SANCTION: what is left or let go. Forces pulled out of a place retreat (RETREAT
'withdraw'), a treaty or a body left is SANCTION 'withdraw', an armed group expelled loses territory (ASSAULT),
'release' is of captives, and a court's verdict is COERCE (PLOVER 2.0; realnews GUIDE).
"""

from __future__ import annotations

from typing import Any

from eventdesk.code.type_choice.embedding import _said
from eventdesk.code.type_choice.force import _taken_land
from eventdesk.code.type_choice.promises import foretold_or
from eventdesk.code.type_choice.tree import _objects
from eventdesk.code.type_choice.vocab import _is, words


def _retreat_from_place(tok: Any) -> bool:
    """ "American forces would pull out of Syria", "pulled its troops out of Basra": forces or a place left
    (PLOVER RETREAT 'withdraw': "retreat from territory or withdraw forces from an area"), not a treaty,
    talks or a body ("pulled out of the treaty": SANCTION 'withdraw', "withdraw oneself ... from a group,
    mediation activity, organization")."""
    for c in tok.children:
        if c.dep_ in ("nsubj", "dobj") and _is(c, "force_nouns"):
            return True
    preps = [c for c in tok.children if c.dep_ in ("prep", "prt")]
    preps += [g for c in preps for g in c.children if g.dep_ == "prep"]  # "out" -> "of"
    for p in preps:
        for o in p.children:
            if o.dep_ == "pobj" and (o.ent_type_ in ("GPE", "LOC") or _is(o, "territory_nouns")):
                return True
    return False


def _fighters_driven_out(tok: Any) -> bool:
    """ "Kurdish forces expelled Isis from Raqqa", "the militants were expelled from the town": an armed
    group driven out of a place is territory taken by force (ASSAULT; ACLED "Government regains territory"),
    not the expulsion of diplomats or members (SANCTION 'expel') or of individuals (COERCE 'deport')."""
    who = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    armed = any(c.ent_type_ == "ORG" or _is(c, "armed_group_nouns") for c in who)
    return armed and _retreat_from_place(tok)


def retreat_type(tok: Any, forms: set[str], others: list[tuple[str, Any]]) -> str | None:
    """RETREAT: 'release' is of captives ("released its budget" is none); a place freed is taken by force."""
    if forms & {"release"} and any(_is(o, "released_things") for o in _objects(tok)):
        return None
    # "Mosul was freed from Isis control", "an operation to free the east": land taken by force
    # (ACLED "... regains territory"), not captives released (RETREAT 'release')
    if _is(tok, "liberation_verbs") and _taken_land(tok):
        return "ASSAULT"
    return "RETREAT"


def sanction_type(tok: Any, forms: set[str], others: list[tuple[str, Any]]) -> str | None:
    """SANCTION: forces pulled out of a place and an office quit are a RETREAT, fighters expelled from a place an
    ASSAULT, a conviction or sentence by a court COERCE; a treaty or a body left stays SANCTION 'withdraw'."""
    # "US sanctions were lifted on several Turkish citizens", "agreed to ease the sanctions": restrictions eased are a
    # concession (CAMEO 081 "Ease administrative sanctions" -> PLOVER CONCEDE), not sanctions imposed
    if (
        tok.pos_ == "NOUN"
        and forms & {"sanction", "sanctions", "embargo", "restriction", "restrictions"}
        and tok.dep_ in ("dobj", "nsubjpass")
        and _is(tok.head, "easing_verbs")
    ):
        return "CONCEDE"
    if forms & words("pulling_out_verbs") and _retreat_from_place(tok):
        return "RETREAT"
    if forms & {"quit"} and any(_is(o, "office_nouns") for o in _objects(tok)):
        # "quit the cabinet": a resignation (PLOVER SANCTION 'withdraw' excludes them: RETREAT)
        return "RETREAT"
    if forms & words("expelling_words") and _fighters_driven_out(tok):
        return "ASSAULT"  # "expelled Isis from Raqqa": land taken by force, not relations reduced
    if forms & words("court_verdict_verbs") and tok.pos_ == "VERB":
        # a conviction or sentence by a court (realnews GUIDE: "a sentence/indictment by a court
        # (COERCE)"; PLOVER SANCTION 'convict': sentences with imprisonment are COERCE 'arrest' too)
        return "COERCE"
    # "Stewart said converts who fight for Isis were guilty of horrific acts": guilt predicated in a party's words
    # (be guilty, not "found guilty" or "pleaded guilty", a court's verdict or a plea) is what that party alleges
    # (PLOVER ACCUSE: "accuse, allege"; CAMEO 112 "Accuse"), no conviction (SANCTION 'convict' is a court's)
    if forms & {"guilty"} and tok.pos_ == "ADJ" and tok.head.lower_ in words("copulas") and _said(tok):
        return "ACCUSE"
    return foretold_or(tok, "SANCTION")
