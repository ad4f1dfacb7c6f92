"""Does an article's lead report a violent or coercive interaction involving a political actor?

The topic model says what an article is *about*; a local crime report ("Officer shoots man during
traffic stop") reads as neither politics nor conflict news, yet by the definitions eventdesk codes
(issue 11: an event needs a participant who is a political actor, police included; PLOVER ASSAULT and
COERCE include force and arrest by police) it reports an event. This check lets such an article
through the relevance gate on evidence from its own text, before the parse: in the title or the
first sentences, a role noun of a state-security or armed actor (police, officer, soldiers, militants,
protesters ...) within a few words of a word of violence or coercion (shot, killed, arrested ...),
where the actor is not only the source of the report ("police said", "a police spokesman").

Word lists: data/relevance/lead_event_cues.txt (with their source).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

CUES = Path(__file__).resolve().parents[1] / "data" / "relevance" / "lead_event_cues.txt"
LEAD_SENTENCES = 3  # title + the first sentences: where news reports put the event they report
WINDOW = 8  # words between the actor and the act: one clause, not the whole sentence
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019]?\s+(?=[\"'\u201c\u2018]?[A-Z0-9])|\n\s*\n")


@lru_cache(maxsize=1)
def _cues() -> tuple[frozenset[str], tuple[tuple[str, ...], ...], frozenset[str]]:
    actors: set[str] = set()
    acts: set[tuple[str, ...]] = set()
    say: set[str] = set()
    for n, line in enumerate(CUES.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, _, words = line.partition("\t")
        if kind == "actor":
            actors.add(words.strip())
        elif kind == "act":
            acts.add(tuple(words.split()))
        elif kind == "say":
            say.add(words.strip())
        else:
            raise ValueError(f"{CUES}:{n}: unknown kind {kind!r} (actor, act or say)")
    return frozenset(actors), tuple(sorted(acts, key=len, reverse=True)), frozenset(say)


def lead(title: str, body: str, sentences: int = LEAD_SENTENCES) -> list[str]:
    """The title and the first `sentences` sentences of the body."""
    parts = [p for p in _SENTENCE_END.split(body[:2000]) if p and p.strip()]
    return ([title] if title else []) + parts[:sentences]


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower().replace("\u2019", "'"))


def reports_political_violence(title: str, body: str) -> bool:
    """Whether the lead reports a violent or coercive interaction with a state-security or armed
    actor as a participant (see the module doc)."""
    actors, acts, say = _cues()
    for sentence in lead(title, body):
        toks = _tokens(sentence)
        # an actor followed by a verb of saying is the source of the report ("police said")
        actor_at = [
            i for i, t in enumerate(toks) if t in actors and not (i + 1 < len(toks) and toks[i + 1] in say)
        ]
        if not actor_at:
            continue
        for j in range(len(toks)):
            if any(tuple(toks[j : j + len(a)]) == a for a in acts) and any(
                abs(i - j) <= WINDOW for i in actor_at
            ):
                return True
    return False
