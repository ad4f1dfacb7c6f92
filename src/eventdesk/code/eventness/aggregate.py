"""Aggregate statements: a state or a series of acts over years up to now, and a poll's findings.

realnews GUIDE.md: statistics and polls are no events; a PLOVER event is one specific interaction.
Two text forms of them: the perfect with a "since" phrase of a long period ("38 journalists have been
murdered since 1992", "the US has supported them since 2014": a situation or a habit leading up to
the present, Quirk et al. 1985 4.21-4.22, Comrie 1976 3.1, the perfect of persistent situation), and a
sentence that reports what a poll or survey found ("British voters would reject the treaty, according
to a poll"). Word list: data/eventness/aggregate.tsv.
"""

from __future__ import annotations

import re
from functools import cache

from eventdesk.code.eventness.view import Candidate
from eventdesk.code.eventness.words import _after_trigger, _alternatives, _clause_before
from eventdesk.data import rows


@cache
def _kinds() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for kind, words in rows("eventness/aggregate.tsv"):
        out.setdefault(kind, []).append(words)
    return {k: tuple(v) for k, v in out.items()}


@cache
def _since() -> re.Pattern[str]:
    k = _kinds()
    # a year ("since 1992", "since the early 2000s"), the start of a long period ("since the beginning of the war")
    # or the period itself ("since the civil war")
    return re.compile(
        r"\bsince\s+(?:(?:the\s+)?(?:early\s+|late\s+|mid-?\s*)?(?:19|20)\d\d(?:s)?\b"
        r"|the\s+(?:"
        + _alternatives(k["onset"])
        + r")\s+of\s+(?:the\s+)?(?:\w+\s+)?(?:"
        + _alternatives(k["period"])
        + r")\b"
        r"|the\s+(?:\w+\s+)?(?:" + _alternatives(k["period"]) + r")\b)",
        re.I,
    )


# the perfect auxiliary of the trigger's verb group, with the adverbs that may stand between
# ("have supported", "has fought on and off", "have already been killed")
_PERFECT_GROUP = re.compile(
    r"\b(?:has|have|had|hasn['’]t|haven['’]t|hadn['’]t|['’]ve|['’]d)\s+(?:not\s+)?"
    r"(?:\w+ly\s+|also\s+|already\s+|long\s+|ever\s+|on\s+and\s+off\s+)*(?:been\s+)?(?:\w+ly\s+)?$",
    re.I,
)
# the trigger's clause after it ends at a punctuation mark
_CLAUSE_END = re.compile(r"[;:()\[\]\"“”–—,.]|\s-\s")


def continuing_since(c: Candidate) -> bool:
    """The trigger's verb is in the perfect and its clause has a "since" phrase of a year or a long period ("have
    been killed since 1992", "has fought with the YPG since 2015", "have supported them since the war"): a state
    or a series of acts continuing up to now, a count or a biography, not one act. "since Tuesday" and "since last
    week" time a recent event and stay."""
    if not c.trigger:
        return False
    before = _clause_before(c)
    if not _PERFECT_GROUP.search(before):
        return False
    after = _after_trigger(c)
    end = _CLAUSE_END.search(after)
    return bool(_since().search(after[: end.start()] if end else after) or _since().search(before))


@cache
def _poll() -> re.Pattern[str]:
    k = _kinds()
    polls = _alternatives(k["poll"])
    return re.compile(
        r"\b(?:" + polls + r")\s+(?:\S+\s+){0,6}?(?:" + _alternatives(k["finding"]) + r")\b"
        r"|\baccording\s+to\s+(?:\S+\s+){0,4}?(?:" + polls + r")\b"
        r"|\bin\s+(?:a|the|this|its|their)\s+(?:\S+\s+){0,3}?(?:" + polls + r")\b"
        r"|\b(?:" + _alternatives(k["polled"]) + r")\b",
        re.I,
    )


def poll_finding(c: Candidate) -> bool:
    """The sentence reports what a poll or survey found ("a poll found", "according to a poll", "in the Countryfile
    survey, 47% said", "64 respondents believed"): its clauses are the answers of the people asked, a statistic,
    not acts (GUIDE.md: polls are no events)."""
    return bool(_poll().search(c.sentence))
