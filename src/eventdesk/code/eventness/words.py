"""The words and clause spans the eventness gate's features and text rules share.

Tokens; the closed-class words the gate tests (determiners, modals, pronouns, verbs of saying...:
data/eventness/function_words.tsv, from the word classes of Quirk et al. 1985); the date
expressions that make a sentence specific (a dated act is a specific event); quotation marks; the
stretch of the trigger's own clause before and after it; and the word lists of data/eventness/ as
regular expressions (stance.txt, boilerplate.txt, furniture.txt, domains.tsv and the rules' lists).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from eventdesk.code.eventness.view import Candidate
from eventdesk.data import lines, rows


@cache
def _function_words(kind: str) -> frozenset[str]:
    """One class of data/eventness/function_words.tsv (class, word)."""
    return frozenset(row[1] for row in rows("eventness/function_words.tsv") if row[0] == kind)


_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?|\d+")
_TOKEN = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?|\d+|[^\sA-Za-z\d]")  # words, numbers and punctuation marks
_STOP = _function_words("stop")
_FIRST_PERSON = _function_words("first_person")
_SAY = _function_words("say")
_QUOTES = '"“”'
# when: a day, a date, a month or a year, "last week", "on Tuesday" (a specific event is dated)
_WHEN = re.compile(
    r"\b(?:(?:on|last|this|next|since|by|until|from|early|late) (?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|week|weekend|month|year|night|morning|evening)|yesterday|today|tonight|overnight|"
    r"earlier this (?:week|month|year)|(?:in|since|on|by|until|early|late|mid-?) ?(?:january|february|march|april|"
    r"may|june|july|august|september|october|november|december)|(?:19|20)\d\d|\d+ (?:days|weeks|months|years) ago)\b",
    re.I,
)
# the trigger used as a noun: a determiner or possessive right before it
_DETERMINERS = _function_words("determiner")
_MODALS = _function_words("modal")
_PERFECT = _function_words("perfect")
_PRONOUNS = _function_words("pronoun")


def _lines(name: str) -> tuple[str, ...]:
    return lines(f"eventness/{name}")


def _alternatives(phrases: Iterable[str]) -> str:
    """The phrases as the body of a case-blind regex alternation, longest first, a space matching any run of
    white space."""
    alts = sorted({re.escape(p.lower()).replace(r"\ ", r"\s+") for p in phrases}, key=len, reverse=True)
    return "|".join(alts)


def _alternation(phrases: Sequence[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + _alternatives(phrases) + r")(?![\w-])", re.I)


@cache
def _word_set(name: str) -> frozenset[str]:
    """A data/eventness word list, lower-cased."""
    return frozenset(w.lower() for w in _lines(name))


@cache
def _lists() -> dict[str, re.Pattern[str]]:
    boiler = _lines("boilerplate.txt") + _lines("furniture.txt")
    out = {"stance": _alternation(_lines("stance.txt")), "boiler": _alternation(boiler)}
    domains: dict[str, list[str]] = {}
    for ln in _lines("domains.tsv"):
        dom, _, phrase = ln.partition("\t")
        domains.setdefault(dom, []).append(phrase)
    out |= {"dom:" + d: _alternation(ps) for d, ps in domains.items()}
    return out


@cache
def _phrases(name: str) -> re.Pattern[str]:
    return _alternation(_lines(name))


def _in_quote(s: str, a: int) -> bool:
    """Offset `a` of sentence `s` lies inside a quotation (an odd number of quote marks before it,
    or the sentence opens one that has not closed by then)."""
    opened = sum(s[:a].count(q) for q in _QUOTES)
    return opened % 2 == 1 or (s[:1] in _QUOTES and not any(q in s[1:a] for q in _QUOTES))


# where a clause ends, looking back from a trigger: punctuation, quotation marks and "that" (a complement clause)
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]\"“”–—]|\s-\s|\bthat\b", re.I)


def _clause_before(c: Candidate) -> str:
    """The words of the trigger's own clause that come before it (after the last clause break)."""
    if not c.trigger:
        return ""
    before = c.sentence[: max(0, c.trigger[0] - c.sentence_start)]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    return before[breaks[-1].end() :] if breaks else before


def _after_trigger(c: Candidate) -> str:
    return c.sentence[max(0, c.trigger[1] - c.sentence_start) :] if c.trigger else ""
