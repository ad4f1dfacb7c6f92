"""Statements that are beliefs, opinions or figures, not acts: a poll's share, a state said to be
desirable, a belief asserted or shared. PLOVER codes interactions; the realnews GUIDE puts opinions and
statistics outside them.
"""

from __future__ import annotations

from typing import Any

from eventdesk.code.type_choice.vocab import _is, words


def poll_share(tok: Any) -> bool:
    """Whether the trigger's subject is a share of respondents ("63% supported a hunting ban", "40 per cent
    opposed it"): a poll's finding, a statistic, not an act of a party (realnews GUIDE: statistics and polls are
    no events)."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and (c.ent_type_ == "PERCENT" or c.lower_ in words("percent_words"))
        for c in tok.children
    )


def desired_state(tok: Any) -> bool:
    """Whether a deontic modal read as a demand ("must", "should") governs a copula with a subject ("places should
    be there for those who want them", "the survivors should be a priority"): a state said to be desirable is an
    opinion (realnews GUIDE), not a demand that a party do something (PLOVER REQUEST: requests, demands and orders).
    "He should be sacked" (a passive: an act) and "there must be an inquiry" (an existential: something to be
    done) stay demands. A stative verb under the modal says the same ("Trump should know that...", "relations
    should not depend on one man's mood": Quirk et al. 1985, 4.28-4.33, verbs of state, relation and cognition)."""
    if _is(tok, "deontic_modals") and tok.dep_ == "aux":
        verbs = [tok.head]
    else:  # the saying verb of "said ... should": the clause it reports
        verbs = [
            c
            for c in tok.children
            if c.dep_ == "ccomp" and any(x.dep_ == "aux" and _is(x, "deontic_modals") for x in c.children)
        ]
    return bool(verbs) and all(
        (v.lower_ == "be" or (_is(v, "stative_verbs") and v.pos_ == "VERB"))
        and any(c.dep_ == "nsubj" for c in v.children)
        and not any(c.dep_ == "expl" for c in v.children)
        for v in verbs
    )


def _asserts(tok: Any) -> bool:
    """ "suggested that X had done Y", "suggested Mr Brown would meet the rule", "suggestions there
    will be a giveaway": the complement is indicative (a finite verb, or a modal of prediction or
    possibility), so the word reports a belief instead of proposing an act. A proposal takes
    'should'/'must' or the bare subjunctive ("suggested that talks be held")."""
    for c in tok.children:
        if c.dep_ != "ccomp" and not (
            tok.pos_ == "NOUN" and c.dep_ in ("acl", "relcl") and c.pos_ in ("VERB", "AUX")
        ):
            continue
        auxes = [x for x in c.children if x.dep_ in ("aux", "auxpass")]
        if any(x.lower_ in words("mandative_modals") for x in auxes):
            return False
        if c.tag_ in ("VBD", "VBZ", "VBP") or any(x.tag_ in ("VBD", "VBZ", "VBP", "MD") for x in auxes):
            return True
    return False


def _believed(tok: Any) -> bool:
    """ "The cabinet agreed that the Assad regime has a track record of ...": agreeing that something is or was
    so (an indicative complement with no modal) shares a belief; PLOVER AGREE is "willingness or commitment to
    cooperate" ("agreed that troops would withdraw", "agreed that talks should resume" still commit)."""
    for c in tok.children:
        if c.dep_ != "ccomp":
            continue
        auxes = [x for x in c.children if x.dep_ in ("aux", "auxpass")]
        if any(x.tag_ == "MD" or x.lower_ == "to" for x in auxes):
            continue
        if c.tag_ in ("VBD", "VBZ", "VBP") or any(x.tag_ in ("VBD", "VBZ", "VBP") for x in auxes):
            return True
    return False
