"""Clauses outside what a PLOVER event is: not part of the report, not politics, no interaction.

A PLOVER event is a specific interaction of one of the 16 types between political participants
(PLOVER 2.0 manual, "actor" and "recipient"; realnews GUIDE.md). Ruled out here: page furniture and
author notes (data/eventness/furniture.txt); a sentence in the vocabulary of sport, finance,
medicine, entertainment or tech with no political participant (domains.tsv: the trigger is in that
field's sense); a record that names no participant; and two public-statement categories of CAMEO
that PLOVER 2.0 eliminated: a refusal to comment (CAMEO 011, declined_comment.txt) and a press
conference told as a meeting (CAMEO 01, press_conferences.txt).
"""

from __future__ import annotations

import re
from functools import cache

from eventdesk.code.eventness.view import Candidate
from eventdesk.code.eventness.words import _WHEN, _WORD, _alternation, _lines, _lists, _phrases

# PLOVER sectors of political participants (GUIDE.md: states, officials, forces, armed groups, parties,
# unions, IGOs/NGOs); civilians, business, media, sport... are not political on their own
POLITICAL_SECTORS = frozenset(
    {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "REB", "UAF", "PTY", "OPP", "LAB", "IGO", "UNO", "NGO"}
)


@cache
def _furniture() -> re.Pattern[str]:
    return _alternation(_lines("furniture.txt"))


def page_furniture(c: Candidate) -> bool:
    """A newsletter prompt, photo credit, byline or author note (data/eventness/furniture.txt) that
    dates no event: not part of the report."""
    return bool(_furniture().search(c.sentence)) and not _WHEN.search(c.sentence)


def other_field(c: Candidate) -> str | None:
    """The field (sport, finance...) a sentence is about when its words say so (two or more words of
    one field's vocabulary) and no participant is political: its trigger is in that field's sense."""
    if any(p[2] in POLITICAL_SECTORS for p in c.actors + c.recipients if p[0]):
        return None
    for name, rx in _lists().items():
        if name.startswith("dom:") and len({m.lower() for m in rx.findall(c.sentence)}) >= 2:
            return name[4:]
    return None


def no_participant(c: Candidate) -> bool:
    """No actor and no recipient: a PLOVER event is an interaction initiated by an actor (manual,
    "actor" and "recipient"), and the coder already names the unidentified armed group where ACLED
    does; a record that names nobody ("talks will take place", "the threatened holocaust") is a
    topic, not an event."""
    return not c.actors and not c.recipients


# a refusal (the REJECT trigger's word) and the word "to" before the verb it governs
_REFUSAL = re.compile(r"^(?:refus|declin)\w*$", re.I)


@cache
def _comment_verbs() -> re.Pattern[str]:
    return re.compile(r"^\s*(?:to\s+)?" + _alternation(_lines("declined_comment.txt")).pattern, re.I)


def declined_comment(c: Candidate) -> bool:
    """A refusal to comment ("declined to comment", "refused to confirm whether..."): CAMEO 011
    "Decline comment", a public-statement category PLOVER 2.0 eliminated; no REJECT of aid, change,
    concessions or talks (data/eventness/declined_comment.txt)."""
    if c.event_type != "REJECT" or not c.trigger:
        return False
    a, b = c.trigger[0] - c.sentence_start, c.trigger[1] - c.sentence_start
    words = _WORD.findall(c.sentence[max(0, a) : max(0, b)])
    if not words or not _REFUSAL.match(words[0]):
        return False
    # the trigger is "refused" or "declined to": what follows it (after "to") is the refused act
    return bool(_comment_verbs().match(c.sentence[max(0, b) :]))


@cache
def _press_conferences() -> re.Pattern[str]:
    # the phrase must end where the trigger ends ("his monthly news [conference]")
    return re.compile(_phrases("press_conferences.txt").pattern + r"$", re.I)


def press_conference(c: Candidate) -> bool:
    """A CONSULT told by "press conference", "news briefing"...: a statement to the media (CAMEO 01,
    eliminated by PLOVER 2.0), not a meeting or visit between actors (data/eventness/press_conferences.txt)."""
    if c.event_type != "CONSULT" or not c.trigger:
        return False
    b = c.trigger[1] - c.sentence_start
    return bool(_press_conferences().search(c.sentence[max(0, b - 40) : max(0, b)]))
