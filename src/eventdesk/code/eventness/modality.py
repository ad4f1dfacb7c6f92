"""Acts that are not asserted to have happened: conditions, wishes, promises, judgements.

The trigger stands in an if/unless clause or a whether-question (a condition or an open question;
data/eventness/conditional_markers.txt); it is the object of a verb of wanting or intending with
no addressee (the subject's own wish, no request to and no cooperation with another actor;
desire_verbs.txt); an AGREE told by a verb of promising made to no one (the speaker's own policy,
PLOVER AGREE needs willingness to cooperate; promise_verbs.txt); the verb of an infinitive
judged by an extraposed adjective ("it would be wrong to attack..."; Quirk et al. 1985
16.69-16.70; extraposed_adjectives.txt); or the verb of a verb group opened by a modal of root
possibility or obligation or by hypothetical "would" ("anyone convicted can be jailed"; Quirk et
al. 1985 4.49-4.62; root_modals.txt); the infinitive of a noun of modality ("the inability to agree", "a right to criticise";
modal_nouns.txt); or the -ing or "whether to" object of a verb of deliberating ("is considering suspending its
aid"; deliberation_verbs.txt). realnews GUIDE.md: forecasts, hypotheticals, generic statements and policy
described are no events.
"""

from __future__ import annotations

import re
from functools import cache

from eventdesk.code.eventness.view import Candidate
from eventdesk.code.eventness.words import (
    _DETERMINERS,
    _SAY,
    _WORD,
    _alternatives,
    _clause_before,
    _lines,
    _phrases,
    _word_set,
)


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
    (PLOVER AGREE: willingness to cooperate; data/eventness/promise_verbs.txt). A recipient that is the promised
    thing ("pledging higher pensions") is no one it is made to. The noun after a determiner or possessive ("his
    promise") is left to the model."""
    if c.event_type != "AGREE" or not c.trigger or any(_addressee(p) for p in c.recipients):
        return False
    a = max(0, c.trigger[0] - c.sentence_start)
    before = _WORD.findall(c.sentence[:a])
    p1 = before[-1].lower() if before else ""
    if p1 in _DETERMINERS or p1.endswith(("'s", "’s")):
        return False
    return bool(_phrases("promise_verbs.txt").match(c.sentence, a))


def _addressee(party: tuple[str, str, str | None]) -> bool:
    """A recipient that can be a promise's addressee names a participant: it has a sector or a proper name. The
    coder also gives the promised thing as recipient ("pledging higher pensions"), which is no one."""
    text, _, sector = party
    return bool(sector) or any(w[:1].isupper() for w in _WORD.findall(text))


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


@cache
def _root_modal_group() -> re.Pattern[str]:
    table = [ln.split("\t") for ln in _lines("root_modals.txt")]
    modals = _alternatives(w for k, w in table if k == "modal")
    semis = _alternatives(w for k, w in table if k == "semi")
    # modal (n't / not) (one adverb) (passive or perfect auxiliary, or a semi-modal) right before the trigger
    return re.compile(
        r"\b(?:" + modals + r")(?:n['’]t)?\s+(?:not\s+)?(?:\w+ly\s+|then\s+|also\s+|still\s+|even\s+)?"
        r"(?:have\s+been\s+|have\s+|be\s+|(?:" + semis + r")\s+(?:be\s+)?)?$",
        re.I,
    )


# epistemic modal + perfect: a past act told with the speaker's doubt ("the strike may have killed 20"), which
# GUIDE.md codes as claimed; only hypothetical "would have" is counterfactual (Quirk et al. 1985 4.58, 14.23)
_EPISTEMIC_PAST = re.compile(r"\b(?:may|might|could|must)(?:n['’]t)?\s+(?:not\s+)?have\s+(?:been\s+)?$", re.I)


# "would" of reported speech is the backshifted "will" of a planned act ("Uganda said it would reopen the border",
# Quirk et al. 1985 14.31), and "would not" of volition is a refusal ("it would not act on Kenya's call", 4.60)
_BACKSHIFT = re.compile(r"^would(?:n['’]t|\s+not)?\b", re.I)
_VOLITION_NEGATED = re.compile(r"^would(?:n['’]t|\s+not)\b", re.I)


def root_modal(c: Candidate) -> bool:
    """The trigger verb's verb group opens with a modal of root possibility, permission or obligation or with
    hypothetical "would" ("anyone convicted can be jailed", "local communities would be asked to...", "those
    diagnosed would then need to seek treatment"; data/eventness/root_modals.txt): an act permitted, required or
    imagined, a policy described or a poll's hypothesis, not one that happened (Quirk et al. 1985 4.49-4.62).
    A THREATEN keeps its threatened act (PLOVER codes the threat; GUIDE.md), and an epistemic modal with the
    perfect tells a past act with doubt ("may have killed"), which stays; so do "would" in a sentence with a verb
    of saying (the backshifted "will" of a plan reported) and "would not" (a refusal)."""
    if not c.trigger or c.event_type == "THREATEN":
        return False
    before = c.sentence[: max(0, c.trigger[0] - c.sentence_start)]
    m = _root_modal_group().search(before)
    if not m or _EPISTEMIC_PAST.search(before):
        return False
    if _VOLITION_NEGATED.match(m.group(0)):
        return False
    return not (_BACKSHIFT.match(m.group(0)) and any(w.lower() in _SAY for w in _WORD.findall(c.sentence)))


def modal_noun_infinitive(c: Candidate) -> bool:
    """The trigger is the verb of a to-infinitive that completes a noun of ability, opportunity, permission,
    obligation or volition ("the inability to agree on a leadership", "Kilroy-Silk had a right to criticise Arab
    states", "a chance to arrest the slide"; data/eventness/modal_nouns.txt): like the verb after a modal, an act
    possible, permitted, required or wanted, not one that happened (Biber et al. 1999; Quirk et al. 1985
    17.30-17.37)."""
    if not c.trigger:
        return False
    words = _WORD.findall(c.sentence[: max(0, c.trigger[0] - c.sentence_start)])
    return len(words) >= 2 and words[-1].lower() == "to" and words[-2].lower() in _word_set("modal_nouns.txt")


def undecided_act(c: Candidate) -> bool:
    """The trigger is the -ing object of a verb of deliberating right before it ("Germany is considering suspending
    its aid", "the government was considering scrapping the retirement age") or the verb of its "whether to" or
    "how to" complement ("weighing whether to impose sanctions"; data/eventness/deliberation_verbs.txt): an act not
    decided, neither done nor planned (Karttunen 1971: the complement of a non-implicative verb is not entailed)."""
    if not c.trigger:
        return False
    a, b = max(0, c.trigger[0] - c.sentence_start), max(0, c.trigger[1] - c.sentence_start)
    words = [w.lower() for w in _WORD.findall(c.sentence[:a])]
    verbs = _word_set("deliberation_verbs.txt")
    if words and words[-1] in verbs and c.sentence[a:b].lower().endswith("ing"):
        return True
    return len(words) >= 3 and words[-1] == "to" and words[-2] in ("whether", "how") and words[-3] in verbs
