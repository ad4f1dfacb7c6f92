"""Walks of the dependency parse the type rules share: dominance, conjuncts, what a verb acts on, its
subject, and whether a noun names a party. They decide nothing about types; they say where in the clause a
word stands.
"""

from __future__ import annotations

from typing import Any

from eventdesk.code.type_choice.vocab import _is


def dominates(a: Any, b: Any) -> bool:
    """Whether token `a` is an ancestor of token `b` in the dependency tree."""
    t = b
    while t.head.i != t.i:
        t = t.head
        if t.i == a.i:
            return True
    return False


def _with_conjuncts(tok: Any) -> list[Any]:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out += _with_conjuncts(c)
    return out


def _inside(c: Any, o: Any) -> bool:
    return c.left_edge.i <= o.i <= c.right_edge.i


def _objects(tok: Any) -> list[Any]:
    """What a verb acts on: its direct object (with conjuncts), or the subject of its passive, or
    the object of a particle verb ("killed off any challenge")."""
    out = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    if tok.pos_ == "NOUN":  # "the release of the report"
        out += [
            p
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj"
        ]
    return [x for o in out for x in _with_conjuncts(o)]


def _subject(tok: Any) -> Any | None:
    """The subject of a verb: its own, or the noun a relative or participle clause modifies ("an emergency
    threatening the nation", "the tensions that threaten...")."""
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    if subj:
        s = subj[0]
        if s.tag_ in ("WDT", "WP") and tok.dep_ == "relcl":
            return tok.head
        return s
    if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN"):
        return tok.head
    return None


def _doer(tok: Any) -> Any | None:
    """Who does what a verb tells: its subject, or, for a to-infinitive or participle with none ("troops are making
    plans to attack X", "troops moved in to attack X"), the subject of the clause it complements, up to two clauses
    up (Quirk et al. 1985 16.37: the understood subject of a non-finite clause is controlled from the clause above)."""
    t = tok
    for _ in range(3):
        subj = _subject(t) if t.dep_ != "acl" else None
        subj = subj or next((c for c in t.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return subj
        if t.dep_ in ("xcomp", "advcl", "conj"):
            t = t.head
        elif t.dep_ == "acl" and t.head.pos_ == "NOUN" and t.head.dep_ in ("dobj", "attr"):
            t = t.head.head  # "making plans to attack": the planner
        else:
            return None
    return None


# named-entity kinds that name a party (a number, "thousands of families", names none)
PARTY_ENTITIES = ("PERSON", "ORG", "GPE", "NORP")


def _party(tok: Any) -> bool:
    """Whether a noun names a party: a name, a pronoun, or a party noun ("allies", "the regime")."""
    return (
        tok.ent_type_ in PARTY_ENTITIES
        or tok.pos_ in ("PROPN", "PRON")
        or _is(tok, "party_nouns")
        or _is(tok, "armed_group_nouns")
    )
