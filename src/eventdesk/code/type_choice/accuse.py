"""ACCUSE: accusations, criticism and allegations (PLOVER 2.0). The deed an accusation names is what
the accuser says, not an act reported; opposing an act is a REJECT, a formal charge an indictment (COERCE), and
"charged with ensuring order" assigns a duty.
"""

from __future__ import annotations

from typing import Any

from eventdesk.code.type_choice.tree import PARTY_ENTITIES, dominates
from eventdesk.code.type_choice.vocab import _is, _other_hit


def accused_deed(verb: Any, tok: Any, etype: str) -> bool:
    """ "Saudi Arabia accuses Iran of backing the Houthis", "blamed Mr Blair for misleading voters": a deed told in
    the "of" / "for" complement of an accusation that names its accuser is what the accuser says, the content of the
    ACCUSE (PLOVER ACCUSE: accuse, allege), not a deed the report asserts. A deed named by a noun ("blamed Isis for
    the bombing") may be an event the article reports, and is left to the other rules; so is one whose type another
    word of the sentence carries (the record of that type stands for both)."""
    if tok.pos_ != "VERB" or not any(c.dep_ == "nsubj" for c in verb.children) or _other_hit(tok, etype):
        return False
    return any(
        c.dep_ == "prep" and c.lower_ in ("of", "for") and c.left_edge.i <= tok.i <= c.right_edge.i
        for c in verb.children
    )


def passive_allegation(pred: Any) -> bool:
    """ "X is accused of beheading...": an allegation with no accuser named (passive, no agent)."""
    return (
        _is(pred, "allegation_verbs")
        and any(c.dep_ in ("nsubjpass", "auxpass") for c in pred.children)
        and not any(c.dep_ == "agent" for c in pred.children)
    )


def _charged(tok: Any) -> bool:
    """ "He has been charged with being a member of Isis", "was indicted on terrorism charges": a person
    formally charged, the indictment of the realnews GUIDE's COERCE ("a sentence/indictment by a court"),
    not an accusation between parties ("accused Russia of...")."""
    return (
        tok.pos_ == "VERB"
        and _is(tok, "indictment_verbs")
        and any(
            c.dep_ == "nsubjpass" or (c.dep_ == "nsubj" and _is(c, "prosecuting_bodies"))
            for c in tok.children
        )
    )


def _opposes_act(tok: Any) -> bool:
    """ "opposes the attendance of the Kurds", "is opposed to French mediation", "opposed extending it": what
    is opposed is an act or a proposal, not a party (a named party, a pronoun)."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "xcomp", "ccomp")]
    objs += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children]
    return bool(objs) and not any(o.ent_type_ in PARTY_ENTITIES or o.pos_ in ("PRON", "PROPN") for o in objs)


def entrusted(tok: Any) -> bool:
    """ "The Speaker is charged with ensuring order": charge v. 'assign a duty or responsibility to' (WordNet 3.1)
    when what it is charged with is a task (a verb of running, keeping or carrying out: duty_verbs), not a crime
    ("charged with murdering", "charged with terrorism offences")."""
    if not _is(tok, "indictment_verbs"):
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ == "with"
        and any(p.dep_ == "pcomp" and p.tag_ == "VBG" and _is(p, "duty_verbs") for p in c.children)
        for c in tok.children
    )


def accuse_type(tok: Any, forms: set[str], others: list[tuple[str, Any]]) -> str | None:
    """ACCUSE: opposing an act is a REJECT, a duty assigned no charge, a formal charge COERCE, and an allegation with
    no accuser over the alleged act leaves that act as the event."""
    if _is(tok, "opposing_words") and _opposes_act(tok):
        return "REJECT"  # refusing an act or a proposal (PLOVER REJECT: "all rejections and refusals")
    if entrusted(tok):
        return None
    if _charged(tok):
        return "COERCE"
    if passive_allegation(tok) and any(dominates(tok, o) for t, o in others if t != "ACCUSE"):
        # the alleged act is the event; the allegation has no actor of its own
        return None
    return "ACCUSE"
