"""Where a trigger stands in its sentence's dependency parse: the predicate it belongs to, who its
subject and patient are, whether it is the content of another clause, and the clause it sits in.

Helpers of the frame builder (code/frames.py), the coder (code/assemble.py) and the eventness gate
(code/eventness/, through `clause_role`). They read spaCy tokens only; the word classes they test
are data files under data/frames/ and data/actors/, each with its source.
"""

from __future__ import annotations

from typing import Any

from eventdesk.code import type_choice
from eventdesk.code.actors.words import is_non_actor_noun, word_list
from eventdesk.data import lines


def frame_words(name: str) -> frozenset[str]:
    """A lower-case word list from data/frames (first line: its source)."""
    return frozenset(w.lower() for w in lines(f"frames/{name}"))


# Word classes of the frame rules (each file's first line says where it comes from). The parse has no
# lemmas, so every list holds each inflected form.
SPEECH = frame_words("speech_verbs.txt")
ACCUSE_VERBS = frame_words("accuse_verbs.txt")
DENY = frame_words("denial_verbs.txt")
FAIL = frame_words("failure_verbs.txt")
MODAL = frame_words("modal_auxiliaries.txt")
PLAN = frame_words("plan_words.txt")
PLAN_NOUNS = frame_words("plan_nouns.txt")
CONTROL_NOUNS = frame_words("control_nouns.txt")
# verbs whose object noun is the event itself: "launched airstrikes", "staged a protest"
LIGHT = frame_words("light_verbs.txt")
WEAPONS = frame_words("weapon_nouns.txt")
RECIP_PREPS = frame_words("recipient_prepositions.txt")
PLACE_NOUNS = frame_words("place_nouns.txt")
# Prepositions of the issue of an act ("concerned about", "resigned over"): a party only when the
# issue is one or belongs to one
TOPIC_PREPS = frozenset({"about", "over"})


def possessor(h: Any, mentions: list[Any]) -> Any | None:
    """The possessor of a noun that names an act, plan or attribute ("Turkey's offensive", "Trump's
    idea"): who the noun belongs to; None for other nouns or no possessor."""
    if h.pos_ != "NOUN" or any(m.start <= h.i < m.end for m in mentions):
        return None
    if not is_non_actor_noun(h):
        return None
    # "Turkey's offensive"; "Trump's Syria decision" (the possessive sometimes parsed as nmod)
    poss = [
        c
        for c in h.children
        if c.dep_ == "poss"
        or (c.dep_ == "nmod" and c.pos_ == "PROPN" and any(x.dep_ == "case" for x in c.children))
    ]
    return poss[0] if poss else None


def conjuncts(t: Any) -> list[Any]:
    out = [t]
    for c in t.children:
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON"):
            out += conjuncts(c)
    return out


def reciprocal_parties(noun: Any) -> list[Any]:
    """The parties a "between" (or "among") phrase of an event noun names, in text order ("talks
    between Damascus and the opposition" -> [Damascus, opposition]); [] when it has none."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("between", "among", "amongst"):
            objs = [o for o in c.children if o.dep_ == "pobj"]
            if objs:
                return conjuncts(objs[0])
    return []


def is_reciprocal(pred: Any) -> bool:
    for t in pred.subtree:
        if t.lower_ in ("other", "another") and any(c.lower_ in ("each", "one") for c in t.children):
            return True
        if t.lower_ == "other" and t.i > 0 and t.doc[t.i - 1].lower_ == "each":
            return True
    return False


def obliged(t: Any) -> Any | None:
    """The verb of what a party is told it must / should do, when trigger `t` is such a modal
    ("Y should take back ...") or a verb of saying whose content has one ("X said Y must ...")."""
    modals = word_list("deontic_modals.txt")
    if t.lower_ in modals and t.dep_ == "aux" and t.head.pos_ in ("VERB", "AUX"):
        return t.head
    if t.lower_ in SPEECH:
        for c in t.children:
            if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in modals for a in c.children):
                return c
    return None


def find_pred(t: Any) -> tuple[Any, Any | None]:
    """(predicate, event noun or None) for a trigger token."""
    if t.lower_ in word_list("deontic_modals.txt") and t.dep_ == "aux":
        return t.head, None  # the demanded act's clause: what it contains is its content
    if t.pos_ in ("VERB", "AUX"):
        return t, None
    while t.dep_ == "compound" and t.head.pos_ in ("NOUN", "PROPN"):
        t = t.head
    h = t.head
    if t.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and h.pos_ in ("VERB", "AUX") and h.lower_ in LIGHT:
        return h, t
    if t.pos_ in ("VERB",):
        return t, None
    return t, t


def subject_heads(v: Any) -> tuple[list[Any], list[Any]]:
    """(agent heads, patient heads) of a verb, climbing through control, coordination, participles."""
    for _ in range(5):
        subj = [c for c in v.children if c.dep_ in ("nsubj", "csubj")]
        if subj:
            return subj, []
        pas = [c for c in v.children if c.dep_ == "nsubjpass"]
        if pas:
            ag = [o for c in v.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
            return ag, pas
        if v.dep_ == "xcomp" and v.head.lower_ in word_list("raising_verbs.txt"):
            # raising: "forces were reported to have captured X" -> the forces captured X; "he is
            # believed to have been killed by X" -> X killed him
            raised = [c for c in v.head.children if c.dep_ == "nsubjpass"]
            if raised:
                if any(c.dep_ == "auxpass" for c in v.children):
                    ag = [o for c in v.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
                    return ag, raised
                return raised, []
        if v.dep_ == "xcomp":
            # object control ("urged the army to attack"), but an object that cannot act is an
            # instrument of the subject's purpose ("used a televised address to castigate Russia")
            objs = [
                c
                for c in v.head.children
                if c.dep_ in ("dobj",) and not (c.ent_type_ == "" and is_non_actor_noun(c))
            ]
            if objs and v.head.lower_ not in ACCUSE_VERBS:
                return objs, []
            v = v.head
            continue
        if v.dep_ in ("conj", "advcl", "acomp"):
            v = v.head
            continue
        if v.dep_ == "pcomp" and v.head.dep_ == "prep":
            v = v.head.head
            if type_choice.passive_allegation(v):  # "X is accused of beheading Y": X is who did it
                return [c for c in v.children if c.dep_ == "nsubjpass"], []
            continue
        if v.dep_ == "prep":
            v = v.head
            continue
        if v.dep_ == "relcl":
            return [v.head], []
        if v.dep_ == "acl":
            # a participle with its own object is active even when tagged VBN ("forces arrested and
            # interrogated tens of civilians" misparsed as a modifier)
            has_obj = any(
                c.dep_ == "dobj"
                for x in [v, *[c for c in v.children if c.dep_ == "conj"]]
                for c in x.children
            )
            if v.head.lower_ in CONTROL_NOUNS and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in v.children
            ):
                # "troops made plans to attack the town", "Russia's bid to take the city": who makes
                # the plan does the act (subject control of a noun's infinitive, Quirk et al. 17.28)
                owner = [c for c in v.head.children if c.dep_ == "poss"]
                if owner:
                    return owner, []
                if v.head.dep_ == "dobj" and v.head.head.pos_ in ("VERB", "AUX"):
                    v = v.head.head
                    continue
            if v.tag_ == "VBG" or has_obj:
                return [v.head], []
            # "westerners imprisoned by Isis": the agent did it to the noun the participle modifies
            ag = [o for c in v.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
            return ag, [v.head]
        break
    return [], []


def contrasted(h: Any, t: Any) -> bool:
    """Is conjunct `t` joined to `h` by a contrastive coordinator ("not fighting but working")?
    Then the negation of `h` does not reach `t` (data/actors/contrastive_coordinators.txt)."""
    return any(
        c.dep_ == "cc" and h.i < c.i < t.i and c.lower_ in word_list("contrastive_coordinators.txt")
        for c in h.children
    )


def judging_verb(adj: Any) -> Any | None:
    """ "He found the policies abhorrent", "she called it an outrageous decision": the verb whose
    subject passes the judgement (None when no such verb governs the word)."""
    t = adj
    for _ in range(3):
        t = t.head
        if t.lower_ in word_list("judging_verbs.txt") and any(c.dep_ == "nsubj" for c in t.children):
            return t
        if t.pos_ in ("VERB", "AUX") and t.lower_ not in ("be", "is", "was", "are", "were", "been", "being"):
            return None
    return None


def anchor(tok: Any) -> Any:
    """The clause an event sits in: its verb, or the verb governing its event noun."""
    pred, noun = find_pred(tok)
    if (
        noun is not None
        and noun.i == pred.i
        and noun.dep_ in ("dobj", "nsubjpass", "nsubj", "attr")
        and noun.head.pos_ in ("VERB", "AUX")
    ):
        return noun.head
    return pred


def own_clause(pred: Any) -> bool:
    """A finite verb with its own subject in a coordinated or adverbial clause ("..., as he urged
    all sides to", "... and Russia blamed the US"), or in a supplementary relative clause ("angered
    Turkey, which launched an offensive"): not the content of the verb above it. A supplementary
    (non-restrictive) relative, set off by a comma, asserts a proposition of its own (Huddleston &
    Pullum 2002, The Cambridge Grammar of the English Language, ch. 12 §4.1)."""
    if supplementary_relative(pred):
        return True
    return (
        pred.pos_ == "VERB"
        and pred.dep_ in ("advcl", "conj")
        and pred.tag_ in ("VBD", "VBZ", "VBP")
        and any(c.dep_ == "nsubj" for c in pred.children)
        and not any(c.dep_ == "aux" and c.lower_ == "to" for c in pred.children)
    )


def coordinated(a: Any, b: Any) -> bool:
    """Whether verb `b` is joined to verb `a` by "and" / "but" ("shelled the town and arrested dozens"):
    each conjunct of such a coordination is a predication of its own (Huddleston & Pullum 2002, The
    Cambridge Grammar of the English Language, ch. 15), not a part of the first one's content. Joined by
    "or" ("were killing or imprisoning Kurds", "surrendered or been killed") the verbs are alternative
    descriptions of one act, and stay one event."""
    t = b
    while t.dep_ == "conj" and t.head.i != t.i and t.pos_ in ("VERB", "AUX"):
        t = t.head
        if any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in t.children):
            return False
        if t.i == a.i:
            return True
    return False


def supplementary_relative(pred: Any) -> bool:
    """ "..., which launched an offensive", "..., who accused X": a finite relative clause opened by a
    wh-pronoun subject right after a comma (its coordinated verbs too: "which launched ... and threatened")."""
    v = pred
    while v.dep_ == "conj" and v.head.i != v.i:
        v = v.head
    if v.dep_ != "relcl" or v.tag_ not in ("VBD", "VBZ", "VBP"):
        return False
    subj = [c for c in v.children if c.dep_ == "nsubj" and c.lower_ in ("which", "who")]
    return bool(subj) and subj[0].i > 0 and subj[0].nbor(-1).text == ","


def meeting_place(tok: Any) -> bool:
    """A meeting noun as the place or time of a clause: "at a summit", "during talks"."""
    return (
        tok.pos_ == "NOUN"
        and tok.dep_ == "pobj"
        and tok.head.lower_ in ("at", "during")
        and tok.lower_ in word_list("meeting_nouns.txt")
    )


def clause_role(tok: Any) -> str:
    """Where a trigger sits in its sentence's syntax, for the eventness gate: the relation of its
    clause to the rest ("ROOT", "ccomp", "relcl", "advcl", "pobj"...), the part of speech of the
    trigger, the clause verb's tense tag, whether the clause has a subject, and what governs it
    ("say" for a verb of saying, else the governor's part of speech). A reported event is mostly a
    finite main clause or the content of a verb of saying; events nested in a noun phrase, a purpose
    clause or a modifier are mostly circumstances, plans or background."""
    pred = anchor(tok)
    head = pred.head if pred.head.i != pred.i else None
    gov = "none" if head is None else ("say" if head.lower_ in SPEECH else head.pos_)
    subj = any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "agent") for c in pred.children)
    return "|".join((pred.dep_, tok.pos_, pred.tag_, "subj" if subj else "nosubj", gov))
