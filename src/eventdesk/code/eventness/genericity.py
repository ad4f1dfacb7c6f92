"""Generic and habitual statements: what happens in general or again and again, not one act.

A PLOVER event is one specific interaction; a generic sentence ("anyone convicted can be jailed"),
a habit ("the prime minister has regular meetings with both") or a commentator's present-simple
claim ("Western powers view a withdrawal as...") reports none (Krifka et al. 1995, "Genericity: an
introduction"; Bell 1991: news narrates in the past and dates; realnews GUIDE.md: commentary,
analysis and generic statements are not events). Word lists: data/eventness/habitual.txt,
generic_subjects.txt.
"""

from __future__ import annotations

from eventdesk.code.eventness.view import Candidate
from eventdesk.code.eventness.words import (
    _SAY,
    _WHEN,
    _WORD,
    _after_trigger,
    _clause_before,
    _in_quote,
    _phrases,
)

# genres in which the author argues rather than reports (relevance/genre.py: opinion and analysis)
COMMENTARY_GENRES = frozenset({"analysis", "opinion"})
# Penn tags of the present simple (code/syntax.clause_role's third field: the clause verb's tag)
_PRESENT_SIMPLE = frozenset({"VBZ", "VBP"})
# dependency relations of a clause's verb (Universal/ClearNLP labels as spaCy gives them); a "verb" in a
# nominal relation (nsubj, dobj, pobj...) is a noun the tagger misread ("airstrikes ... have killed")
_CLAUSE_RELATIONS = frozenset(
    {"ROOT", "ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "pcomp"}
)


def attributed(c: Candidate) -> bool:
    """The trigger stands inside a quotation or its sentence has a verb of saying: someone else's
    words, not the author's."""
    a = max(0, min((c.trigger[0] - c.sentence_start) if c.trigger else 0, len(c.sentence)))
    return _in_quote(c.sentence, a) or any(w.lower() in _SAY for w in _WORD.findall(c.sentence))


def generic_commentary(c: Candidate) -> bool:
    """In an opinion or analysis piece, the author's own clause in the present simple with no time:
    a generic or habitual statement ("Western powers view a withdrawal as..."), not one dated act
    (Krifka et al. 1995, genericity: the present simple of an eventive verb is habitual or generic
    unless it reports; news narrates in the past and dates, Bell 1991). GUIDE.md: commentary and
    analysis are not events. News keeps its present-tense headlines and leads."""
    if c.genre not in COMMENTARY_GENRES or not c.clause_role:
        return False
    dep, _, tag = (c.clause_role.split("|") + ["", "", ""])[:3]
    return (
        dep in _CLAUSE_RELATIONS
        and tag in _PRESENT_SIMPLE
        and not attributed(c)
        and not _WHEN.search(c.sentence)
    )


# a frequency adverb modifies the trigger's verb when it stands among the few words before it ("has regular
# meetings", "also frequently offer", "tended to defy") or right after it ("meet regularly"); further on in
# its clause it as often belongs to another verb
_HABIT_REACH = 4
# a universal pronoun within this many words before the trigger can be its clause's subject. 6 was written, but in
# the single module this rule came from, a later constant of the same name (hypothetical_nominal's 25) replaced it
# before any call, so 25 is what shipped; kept here so that the split changes no output (a change to 6 is a change
# of behaviour, to be measured on its own)
_SUBJECT_REACH = 25


def generic_or_habitual(c: Candidate) -> bool:
    """A habit or a statement about anyone at all, not one act: a frequency adverb at the trigger's verb
    (data/eventness/habitual.txt) or a universal or free-relative subject in its clause ("anyone convicted can
    be jailed"; data/eventness/generic_subjects.txt). Krifka et al. 1995; realnews GUIDE.md."""
    words = _WORD.findall(_clause_before(c))
    habit = _phrases("habitual.txt")
    if habit.search(" ".join(words[-_HABIT_REACH:])) or habit.match(_after_trigger(c).lstrip()):
        return True
    # the quantified phrase is the clause's subject: no actor was found, or the actor is that phrase
    # ("every American wants", not "he made every effort to negotiate")
    window = " ".join(words[-_SUBJECT_REACH:])
    for m in _phrases("generic_subjects.txt").finditer(window):
        rest = window[m.end() :].lstrip().lower()
        if not c.actors or any(
            t and (t.lower() == m.group(0).lower() or rest.startswith(t.lower())) for t, _, _ in c.actors
        ):
            return True
    return False
