"""Acts announced, not done: what a promise promises (an act of force is a THREATEN, a withdrawal a
RETREAT, a refusal a REJECT; PLOVER AGREE is willingness to cooperate) and force foretold in a vow or by its
doer's own side (a THREATEN).
"""

from __future__ import annotations

from typing import Any

from eventdesk.code.type_choice.tree import _inside, _with_conjuncts
from eventdesk.code.type_choice.vocab import _is, words

# types of force and coercion: promised or foretold by its doer's side, such an act is a threat
FORCE_TYPES = ("ASSAULT", "COERCE", "SANCTION", "THREATEN")


def promised_type(tok: Any, others: list[tuple[str, Any]]) -> str | None:
    """What an intent word ("vowed to", "ready to", "his promise to", "intends to") promises, when that sets
    another type than AGREE: THREATEN for an act of force or coercion ("vowed to exterminate them",
    "ready to launch a new military operation", "promised a strong response"; PLOVER AGREE is willingness
    to cooperate, THREATEN "all threats"), RETREAT for a withdrawal ("intends to withdraw the troops":
    future RETREAT does not reduce to AGREE), REJECT for a refusal ("pledged to oppose the bill"). None: the promise
    is an AGREE."""
    if not _is(tok, "intent_words"):
        return None
    # the promised act is typed by the chooser, which calls this module: imported here, not at the top
    from eventdesk.code.type_choice.chooser import choose

    comps = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp", "acl")]
    if tok.pos_ == "NOUN":  # "his promise of an imminent missile strike"
        comps += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
    for c in comps:
        # the promised act itself (with its conjuncts and object: "to launch an offensive"), not an act
        # told further down ("vowed to ask its allies to surrender weapons" promises a request)
        acts = _with_conjuncts(c)
        near = {a.i for a in acts} | {
            x.i for a in acts for x in a.children if x.dep_ in ("dobj", "nsubjpass")
        }
        inner = [(t, o) for t, o in others if o.i in near and o.i != tok.i]
        # the promised act's own type, by these same rules ("launched an offensive" is force)
        kinds = {choose(o, t, [x for x in others if x[1].i != o.i and _inside(c, x[1])]) for t, o in inner}
        if kinds & set(FORCE_TYPES) or any(a.pos_ == "VERB" and _is(a, "forceful_acts") for a in acts):
            return "THREATEN"
        # "his promise of an imminent missile strike": the act promised is named by a noun of force (the sentence
        # coder keeps one trigger a type, so "strike" need not be among the other triggers)
        if tok.pos_ == "NOUN" and c.dep_ == "pobj" and any(_is(a, "forceful_nouns") for a in acts):
            return "THREATEN"
        if "RETREAT" in kinds:
            return "RETREAT"
        # "pledged to oppose the bill": a refusal announced is a REJECT (PLOVER REJECT: "all rejections and
        # refusals"), not the willingness to cooperate that AGREE is
        if "REJECT" in kinds:
            return "REJECT"
    if any(c.dep_ == "dobj" and _is(c, "forceful_nouns") for c in tok.children):
        return "THREATEN"
    return None


def foretold_force(tok: Any) -> bool:
    """ "Russia would shoot down incoming missiles and attack their launching platforms", "Assad said his
    troops would liberate every inch", "vowed the US will expel every last Iranian boot": an act of force in
    a future or conditional clause that a vow introduces, or a statement whose speaker's own side is its
    doer, is announced, not done: the statement is a threat (PLOVER THREATEN). A statement about what
    another party will do stays that party's (hypothetical) act."""
    v = tok
    while v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX"):
        v = v.head
    if tok.pos_ != "VERB" or v.dep_ != "ccomp" or not _is(v.head, "saying_verbs"):
        return False
    aux = [x for x in v.children if x.dep_ == "aux"]
    if not any(_is(x, "future_auxiliaries") for x in aux) or any(x.dep_ == "neg" for x in v.children):
        return False
    speech = v.head
    if _is(speech, "vowing_verbs"):
        return True
    speaker = [x for c in speech.children if c.dep_ == "nsubj" for x in c.subtree]
    names = {x.lower_ for x in speaker if x.pos_ == "PROPN"}
    for s in (c for c in v.children if c.dep_ == "nsubj"):
        if s.lower_ in words("speaker_pronouns") or s.lower_ == "it":
            return True
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in s.children):  # "his troops"
            return True
        if any(x.pos_ == "PROPN" and x.lower_ in names for x in s.subtree):
            return True
    return False


def foretold_or(tok: Any, etype: str) -> str:
    """`etype` (an act of force or coercion), or THREATEN when the act is foretold by a vow or by its doer's own
    side (`foretold_force`): announced, not done."""
    return "THREATEN" if foretold_force(tok) else etype
