"""A judgement predicated of an act or an actor: who judges it and whose act it is (PLOVER ACCUSE).

"Syria said the US plan was a blatant attack on its sovereignty", "the Kremlin called the sanctions a
mistake", "Moscow described the US move as provocative": an evaluative word (data/frames/
evaluative_words.txt) as the complement of "be" (a subject complement, Quirk et al. 1985 10.8) or of a
judging verb (an object complement, 16.43-16.46) condemns what the subject or the object names. PLOVER
codes the one who condemns as the source and the party responsible for the act as the target (ACCUSE:
"condemn, decry a policy or an action"; "criticize ... responsible parties"); the clause's subject is the
thing judged, no actor. Who judges is the judging verb's subject or the speaker the clause is reported
from; with neither, the words are the journalist's, commentary (realnews GUIDE), and this shape gives way.
"""

from __future__ import annotations

from typing import Any

from eventdesk.code.actors.words import word_list
from eventdesk.code.syntax import frame_words

EVALUATIVE = frame_words("evaluative_words.txt")
# verbs of breaking a rule, a truce or a law: someone's allegation against the one who broke it
WRONGDOING = frame_words("wrongdoing_verbs.txt")
# forms of "be" (the parse has no lemmas): the copula of a subject complement
_BE = frozenset({"be", "is", "are", "was", "were", "been", "being", "'s", "'re"})


def evaluative_predicate(trig: Any) -> Any | None:
    """The evaluative word a trigger predicates ("was a disgrace" -> disgrace; "provocative and
    unilateral" -> provocative), or None when the trigger is no such predicate."""
    t = trig
    if t.pos_ == "AUX" and t.lower_ in _BE:
        comps = [c for c in t.children if c.dep_ in ("attr", "acomp")]
        if not comps:
            return None
        t = comps[0]
    while t.dep_ == "conj" and t.head.i != t.i:  # the first conjunct carries the relation
        t = t.head
    return t if t.lower_ in EVALUATIVE else None


def judged(word: Any) -> tuple[Any | None, Any | None]:
    """(the judging verb or None, the head of what is judged or None) for an evaluative predicate:
    the copula's subject ("the plan was a mistake"), or the object of a judging verb the word
    complements ("called the sanctions a mistake", "described the move as provocative")."""
    if word.dep_ in ("attr", "acomp") and word.head.lower_ in _BE:
        subj = [c for c in word.head.children if c.dep_ == "nsubj"]
        return None, (subj[0] if subj else None)
    judging = word_list("judging_verbs.txt")
    t = word
    for _ in range(3):
        if t.head.i == t.i:
            break
        t = t.head
        if t.lower_ in judging and t.pos_ == "VERB":
            obj = [c for c in t.children if c.dep_ == "dobj"]
            return t, (obj[0] if obj else None)
        if t.dep_ == "dobj" and t.head.lower_ in judging:
            return t.head, t  # "described the US move as provocative" with "as" parsed under the object
        if t.pos_ in ("VERB", "AUX"):
            break
    return None, None


def parties_of(thing: Any, mentions: list[Any]) -> list[Any]:
    """The words naming whose act a judged noun is, when it names none itself: its possessor is read by
    the frame's recipient rule; here the party that modifies it ("the US move", "the American decision",
    "the Houthi attack") or its "by" agent ("the decision by Washington")."""
    out = [
        c
        for c in thing.children
        if c.dep_ in ("amod", "compound", "nmod")
        and any(
            m.start <= c.i < m.end and m.kind in ("demonym", "country", "capital", "group", "igo")
            for m in mentions
        )
    ]
    out += [
        o
        for c in thing.children
        if c.dep_ == "prep" and c.lower_ == "by"
        for o in c.children
        if o.dep_ == "pobj"
    ]
    return out


def alleged_breach(trig: Any) -> bool:
    """Whether the trigger is a verb of breaking a rule, a truce or a law ("Turkey had violated the
    ceasefire"): PLOVER codes who says so as accusing who broke it (ACCUSE 'allege')."""
    return trig.pos_ == "VERB" and trig.lower_ in WRONGDOING


# verbs that assert a claim against doubt (FrameNet Statement, Reasoning; Judgment_communication "charge")
ALLEGING = frame_words("allegation_verbs.txt")
# acts whose doer, told as another party's claim, stands accused (PLOVER ACCUSE 'allege': wrongdoing)
WRONGFUL_TYPES = frozenset({"ASSAULT", "COERCE"})
# "its jets", "our forces": in a speaker's own clause most often the speaker's
POSSESSIVE = frame_words("possessive_determiners.txt")


def alleging_verb(pred: Any) -> Any | None:
    """The verb of alleging whose content clause the predicate is ("Ankara insisted the militias had
    shelled its positions" -> insisted), or None. The first conjunct carries the relation ("had
    harassed and targeted")."""
    t = pred
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ == "ccomp" and t.head.pos_ == "VERB" and t.head.lower_ in ALLEGING:
        return t.head
    return None
