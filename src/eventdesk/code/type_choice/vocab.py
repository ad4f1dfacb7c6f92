"""Which word lists a token belongs to: the lists of data/ontology/type_words.tsv, matched through a
word's inflections (the coder's parse runs without a lemmatizer), and the lexicon's other hits in a sentence.
Every other module of the type decision asks its word questions here, so a list is read once and matched one
way.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from eventdesk.code.lexicon import triggers
from eventdesk.data import lines


@cache
def words(name: str) -> frozenset[str]:
    """One word list of data/ontology/type_words.tsv (lower case; sector codes as written)."""
    lists: dict[str, frozenset[str]] = {}
    for ln in lines("ontology/type_words.tsv")[1:]:  # the first entry line names the columns
        key, _, vals = ln.partition("\t")
        lists[key.strip()] = frozenset(vals.split())
    if name not in lists:
        raise KeyError(f"data/ontology/type_words.tsv has no list {name!r}")
    return lists[name]


def _forms(word: str) -> set[str]:
    """A word and the stems it may inflect ("seized" -> seize, "calls" -> call, "carried" -> carry):
    the coder's parse runs without a lemmatizer, so word lists are matched through these."""
    w = word.lower()
    out = {w}
    for suf in ("s", "d", "es", "ed", "ing", "ment", "ion"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            stem = w[: -len(suf)]
            out |= {stem, stem + "e"}
            if len(stem) >= 4 and stem[-1] == stem[-2]:  # "stopped" -> stop
                out.add(stem[:-1])
    for suf in ("ies", "ied"):
        if w.endswith(suf):
            out.add(w[:-3] + "y")
    return out


def _is(tok: Any, name: str) -> bool:
    """Whether `tok` is an inflection of a word of list `name`."""
    return bool(_forms(tok.lower_) & words(name))


def _other_hit(tok: Any, etype: str) -> bool:
    """Whether the sentence holds another trigger word of type `etype` than `tok` ("attacking Syria's chemical weapons
    capabilities"): the sentence classifier keeps one trigger a type, so the record of that type stands for it."""
    sent = tok.sent
    off = tok.idx - sent.start_char
    return any(h.event_type == etype and not (h.start <= off < h.end) for h in triggers(sent.text))


@cache
def definite_determiners() -> frozenset[str]:
    """The definite determiners ("the", "this", ...; data/actors/definite_determiners.txt, Quirk et al. 1985): a
    definite mention may name a discrete event told elsewhere."""
    return frozenset(lines("actors/definite_determiners.txt"))
