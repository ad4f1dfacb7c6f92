"""Which countries an article is about, from the parties it names rather than its places.

A UK politics story names few places but many national bodies: "Labour", "the Tories", "the
Commons", "Downing Street", "the home secretary". Nothing in the gazetteer ties those to Britain,
so one stray "Australian" could steer every ambiguous place name ("Brighton", "Newcastle") to
Australia. These names count for their country the way a place of that country does: each mention
weighs by its position (headline 2, lede 1.5, elsewhere 1, as `location.focus` weighs places).

Sources: data/actors/national_bodies.tsv (legislatures, seats of government, parties, offices
few countries have) and the actor dictionary's named groups with a home country (code.actor_files
included; news media are left out: the BBC's own name says where the report comes from, not what
it is about). A name several countries use ("Labour": Britain, Australia, New Zealand, Ireland)
counts for the one of them the article's other such names support, else for none of them.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from eventdesk.resources import Resources

LEDE_CHARS = 400  # the same lede as location.focus: news put the scene in the first sentences
HEADLINE_WEIGHT, LEDE_WEIGHT, BODY_WEIGHT = 2.0, 1.5, 1.0
# sectors whose names say who reports or hosts, not which country the story is about (PLOVER MED)
_NOT_A_SIGNAL_SECTORS = frozenset(("MED",))


def _read_bodies() -> list[tuple[list[str], tuple[str, ...], bool]]:
    """(names, countries, any case) rows of data/actors/national_bodies.tsv."""
    path = resources.files("eventdesk") / "data" / "actors" / "national_bodies.tsv"
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 2 or not cols[1].strip():
            raise ValueError(f"{path}: line {n}: expected names<TAB>countries[<TAB>any], got {line!r}")
        names = [x.strip() for x in cols[0].split("|") if x.strip()]
        ccs = tuple(c.strip() for c in cols[1].split("|") if c.strip())
        rows.append((names, ccs, len(cols) > 2 and cols[2].strip() == "any"))
    return rows


class BodyNames:
    """Compiled matchers over the national bodies and the dictionary's groups with a home country."""

    def __init__(self, groups: dict[str, tuple[str, ...]] | None = None) -> None:
        exact: dict[str, set[str]] = {}
        folded: dict[str, set[str]] = {}
        for names, ccs, any_case in _read_bodies():
            for nm in names:
                (folded if any_case else exact).setdefault(nm.lower() if any_case else nm, set()).update(ccs)
        for nm, ccs in (groups or {}).items():
            exact.setdefault(nm, set()).update(ccs)
        self.exact = {k: tuple(sorted(v)) for k, v in exact.items()}
        self.folded = {k: tuple(sorted(v)) for k, v in folded.items()}
        self._exact_re = _alternation(self.exact, 0)
        self._folded_re = _alternation(self.folded, re.I)

    def find(self, text: str) -> list[tuple[int, int, tuple[str, ...]]]:
        """(start, end, countries) of each name, leftmost-longest, not overlapping one another."""
        hits: list[tuple[int, int, tuple[str, ...]]] = []
        if self._exact_re is not None:
            hits += [(m.start(), m.end(), self.exact[m.group(0)]) for m in self._exact_re.finditer(text)]
        if self._folded_re is not None:
            hits += [
                (m.start(), m.end(), self.folded[m.group(0).lower()]) for m in self._folded_re.finditer(text)
            ]
        hits.sort(key=lambda h: (h[0], -h[1]))
        out: list[tuple[int, int, tuple[str, ...]]] = []
        for h in hits:
            if not out or h[0] >= out[-1][1]:
                out.append(h)
        return out


def _alternation(names: dict[str, tuple[str, ...]], flags: int) -> re.Pattern[str] | None:
    if not names:
        return None
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    # whole words; a name right before "-" or after it is part of a compound ("anti-Labour" still counts)
    return re.compile(rf"(?<![\w.]){'(?:' + alts + ')'}(?![\w]|'s\w)", flags)


@lru_cache(maxsize=8)
def _cached(groups: tuple[tuple[str, tuple[str, ...]], ...]) -> BodyNames:
    return BodyNames(dict(groups))


def body_names(res: Resources | None) -> BodyNames:
    """The matchers for this process's actor dictionary (built once per dictionary)."""
    groups: dict[str, tuple[str, ...]] = {}
    if res is not None:
        d = res.dictionary
        for alias, e in d.aliases.items():
            if e.kind in ("group", "user") and e.country and e.sector not in _NOT_A_SIGNAL_SECTORS:
                groups[alias] = (e.country,)
    return _cached(tuple(sorted(groups.items())))


def country_signals(text: str, names: BodyNames, title_end: int = 0) -> Counter:
    """ISO alpha-3 -> weight of the national bodies `text` names. `title_end`: where the headline
    ends (0: no headline); the lede is the LEDE_CHARS after it."""
    sure: Counter = Counter()
    shared: list[tuple[float, tuple[str, ...]]] = []
    for s, _e, ccs in names.find(text):
        w = position_weight(s, title_end)
        if len(ccs) == 1:
            sure[ccs[0]] += w
        else:
            shared.append((w, ccs))
    # a shared name counts for the country the sure names back most; without any, for the one the
    # shared names have most in common ("Labour" and "Tory": Britain), never for a tie
    among: Counter = Counter()
    for w, ccs in shared:
        among.update(dict.fromkeys(ccs, w))
    out = Counter(sure)
    for w, ccs in shared:
        for tally in (sure, among):
            ranked = sorted(ccs, key=lambda c: -tally[c])
            if tally[ranked[0]] > 0 and (len(ranked) == 1 or tally[ranked[0]] > tally[ranked[1]]):
                out[ranked[0]] += w
                break
    return out


def position_weight(start: int, title_end: int) -> float:
    """Headline 2, lede 1.5, elsewhere 1 (`start` in the text's offsets; the headline ends at title_end)."""
    return (
        HEADLINE_WEIGHT
        if start < title_end
        else LEDE_WEIGHT
        if start < title_end + LEDE_CHARS
        else BODY_WEIGHT
    )


def home_country(weights: Counter, scene_country: str | None, ratio: float) -> str | None:
    """The country an article is about, when it outweighs the country of the article's main scene
    `ratio` times (`weights`: country -> weight of every place, party and demonym mention and every
    national body the article names). A UK politics story names few British places but many British
    bodies and parties ("the Tories", "the Commons"); its one "China" or "Brussels" is where a
    debate is about, not where the statements it reports were made. None when no country dominates
    that much (an offensive in Afrin reported with many mentions of Turkey keeps its Syrian scene
    unless Turkey outweighs Syria `ratio` times)."""
    if ratio <= 0 or not weights:
        return None
    top, w = weights.most_common(1)[0]
    if top == scene_country or w <= 0:
        return None
    return top if scene_country is None or w >= ratio * weights.get(scene_country, 0.0) else None


# a locative word before a body's name makes it a place ("in the Palace of Westminster")
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|inside|outside|near|into|from)\s+(?:the\s+)?$", re.I)


def inside_body_names(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` less those inside or equal to a name of a national body (data/actors/national_bodies.tsv):
    such a name is an organisation's, not a place's ("Liberal Democrats", "Pakistan Muslim League",
    "a Liberal MP"), unless a locative word before a name that is the whole body's name makes it a
    place ("in Whitehall")."""
    bodies = [
        (a, b, bool(_LOCATIVE_BEFORE.search(text[max(0, a - 12) : a]))) for a, b, _ in _cached(()).find(text)
    ]
    if not bodies:
        return spans
    # a locative word keeps only a name that is the whole body's name: "in Liberal Democrat seats"
    # is still the party's
    return [
        (s, e)
        for s, e in spans
        if not any(a <= s and e <= b and (not loc or b - a > e - s) for a, b, loc in bodies)
    ]


__all__ = [
    "BodyNames",
    "body_names",
    "country_signals",
    "home_country",
    "inside_body_names",
    "position_weight",
]
