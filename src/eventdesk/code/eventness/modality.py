"""Acts that are not asserted to have happened: conditions, wishes, promises, judgements.

The trigger stands in an if/unless clause or a whether-question (a condition or an open question;
data/eventness/conditional_markers.txt); it is the object of a verb of wanting or intending with
no addressee (the subject's own wish, no request to and no cooperation with another actor;
desire_verbs.txt); an AGREE told by a verb of promising made to no one (the speaker's own policy,
PLOVER AGREE needs willingness to cooperate; promise_verbs.txt); or the verb of an infinitive
judged by an extraposed adjective ("it would be wrong to attack..."; Quirk et al. 1985
16.69-16.70; extraposed_adjectives.txt). realnews GUIDE.md: forecasts and hypotheticals are no
events.
"""

from __future__ import annotations

import re
from functools import cache

from eventdesk.code.eventness.view import Candidate
from eventdesk.code.eventness.words import _DETERMINERS, _WORD, _clause_before, _lines, _phrases


def wish_without_addressee(c: Candidate) -> bool:
    """A verb of wanting or intending with no one it is addressed to ("ministers had hoped to get 900m", "he
    wanted to tell their stories"): the subject's own wish, no request to and no cooperation with another actor
    (data/eventness/desire_verbs.txt)."""
    if not c.trigger or c.recipients:
        return False
    return bool(_phrases("desire_verbs.txt").match(c.sentence, max(0, c.trigger[0] - c.sentence_start)))


# a protasis or dependent question is short: its subordinator stands at most this many words before the trigger
_CONDITION_REACH = 8


def conditional_clause(c: Candidate) -> bool:
    """The trigger stands in an if/unless clause or a whether-question of its own clause ("if we reject this
    treaty", "deciding whether to recommend"): a condition or an open question, no act that happened
    (data/eventness/conditional_markers.txt)."""
    clause = _clause_before(c)
    marks = list(_phrases("conditional_markers.txt").finditer(clause))
    return bool(marks) and len(_WORD.findall(clause[marks[-1].end() :])) <= _CONDITION_REACH


def promise_to_no_one(c: Candidate) -> bool:
    """An AGREE told by a verb of promising that names no one it is made to or shared with ("the chancellor
    promised to end teenage unemployment"): the speaker's own policy announced, no cooperation between actors
    (PLOVER AGREE: willingness to cooperate; data/eventness/promise_verbs.txt). The noun after a determiner or
    possessive ("his promise") is left to the model."""
    if c.event_type != "AGREE" or not c.trigger or c.recipients:
        return False
    a = max(0, c.trigger[0] - c.sentence_start)
    before = _WORD.findall(c.sentence[:a])
    p1 = before[-1].lower() if before else ""
    if p1 in _DETERMINERS or p1.endswith(("'s", "’s")):
        return False
    return bool(_phrases("promise_verbs.txt").match(c.sentence, a))


@cache
def _extraposed() -> re.Pattern[str]:
    adjectives = "|".join(sorted(re.escape(w.lower()) for w in _lines("extraposed_adjectives.txt")))
    # "it is (not) (so / very) possible (for the government) to" right before the trigger
    return re.compile(
        r"\bit(?:\s+|['’])(?:is|was|s|would\s+be|will\s+be|could\s+be|might\s+be|may\s+be|seems|seemed|remains|"
        r"has\s+been|had\s+been)\s+(?:not\s+)?(?:\w+ly\s+|so\s+|too\s+|very\s+|more\s+|less\s+)?(?:"
        + adjectives
        + r")\s+(?:for\s+(?:\S+\s+){1,4}?)?to\s+$",
        re.I,
    )


def extraposed_judgement(c: Candidate) -> bool:
    """The trigger is the verb of an extraposed infinitive after an adjective of possibility, necessity or
    evaluation ("it is possible to disagree with...", "it would be wrong to attack..."; data/eventness/
    extraposed_adjectives.txt): an act judged, not one that happened (Quirk et al. 1985 16.69-16.70)."""
    if not c.trigger:
        return False
    return bool(_extraposed().search(c.sentence[: max(0, c.trigger[0] - c.sentence_start)]))
