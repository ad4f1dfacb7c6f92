"""One record per site: an attack or protest told at a list of towns is one event per town.

ACLED codes one event per location, day and actor pair (codebook, "event definition"), and the
realnews guide says the same ("Different actor pair, type, place or day => separate records"): "missiles
were fired at several locations, including Latakia, Homs and Hama" reports three events. `split_sites`
copies such a record once for each further town of the list, each copy located there. A list counts
when its names are coordinated by "and" ("X, Y and Z"; "X, Y" is a place and where it lies), each a
town (or province) in the geo stage's reading of the whole article (ACLED geo_precision 1-3; `locate`
resolves every name once, with the article's focus and other places, and leaves its places in
KnownEntities), and it is the site of the event's own trigger: it hangs on the trigger through a
preposition of position (data/geo/site_prepositions.txt), never through "from", "to" or "between" (a
source, goal or range, as "stretching between Deir ez-Zor and Mayadeen" is one front).
"""

from __future__ import annotations

import copy
from functools import cache
from typing import TYPE_CHECKING

from eventdesk.data import lines
from eventdesk.records import Article, Event, Mention, Place, stable_id

if TYPE_CHECKING:
    from eventdesk.annotate import KnownEntities, Token
    from eventdesk.resources import Resources

# physical events at a site, which ACLED records per location (not statements, which are made once)
SITE_TYPES = frozenset({"ASSAULT", "PROTEST"})
_FACTUAL = frozenset({"asserted", "claimed"})
# the additive coordinator: "or" offers alternatives (one site of the two), "and" adds one to another
_AND = "and"
# a site ACLED can place: a town, or a province or district when that is all the name gives (geo_precision
# 1-3); a country is no site of its own (several countries are several parties or a region)
_SITE = (
    "PPL",
    "PPLA",
    "PPLA2",
    "PPLA3",
    "PPLA4",
    "PPLC",
    "PPLG",
    "PPLL",
    "PPLS",
    "PPLX",
    "ADM1",
    "ADM2",
    "ADM3",
)


@cache
def _site_preps() -> frozenset[str]:
    return frozenset(lines("geo/site_prepositions.txt"))


@cache
def _settlement_nouns() -> frozenset[str]:
    return frozenset(lines("geo/settlement_nouns.txt"))


def _of_settlement(tokens: dict[int, Token], of: Token | None) -> bool:
    """Is `of` the "of" of "the city of X" (the name its object is the place the head noun names)?"""
    return (
        of is not None
        and of.lower == "of"
        and of.head in tokens
        and tokens[of.head].lower in _settlement_nouns()
    )


def _root(tokens: dict[int, Token], start: int, end: int) -> Token | None:
    """The word of a name whose head lies outside it."""
    inside = [t for a, t in tokens.items() if start <= a < end]
    for t in inside:
        if not (start <= t.head < end) or t.head == t.start:
            return t
    return None


def _site_of(tokens: dict[int, Token], name: Token, trigger: int) -> bool:
    """Does the name hang on the trigger word (or the verb it is the object or subject of) through a
    preposition of position?"""
    t, prep = name, False
    for _ in range(7):
        if t.head == t.start or t.head not in tokens:
            return False
        h = tokens[t.head]
        if t.dep == "pobj":
            if h.lower in _site_preps():
                prep = True
            elif not _of_settlement(tokens, h):
                return False
        if h.start == trigger:
            return prep
        t = h
    return False


def _lists(
    tokens: dict[int, Token], names: list[tuple[int, int, Token]]
) -> list[list[tuple[int, int, Token]]]:
    """The names joined by coordination with "and" ("Latakia, Homs and Hama"), in text order, two or
    more."""
    group = {n[2].start: i for i, n in enumerate(names)}
    for i, (_s, _e, r) in enumerate(names):
        # "the city of Latakia, Homs and Hama": the noun the first name complements heads the list
        of = tokens.get(r.head)
        if r.dep == "pobj" and _of_settlement(tokens, of):
            group.setdefault(of.head, i)
    parent = list(range(len(names)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, (_s, _e, r) in enumerate(names):
        if r.dep == "conj" and r.head in group:
            parent[find(i)] = find(group[r.head])
    out: dict[int, list[tuple[int, int, Token]]] = {}
    for i, n in enumerate(names):
        out.setdefault(find(i), []).append(n)
    # a list of sites is joined by "and" (additive coordination, Quirk et al. 1985 ch. 13); names put
    # side by side with commas alone are a place and where it lies ("Besiktas, Istanbul", ACLED's
    # "Kisima (Ruwenzori, Beni, Nord-Kivu)"), which the parse also reads as conjuncts
    joined = {t.head for t in tokens.values() if t.dep == "cc" and t.lower == _AND}
    return [
        sorted(g, key=lambda n: n[0])
        for g in out.values()
        if len(g) >= 2 and any(r.start in joined for _s, _e, r in g)
    ]


def _read_at(read: dict[tuple[int, int], Place], start: int, end: int, head: int) -> Place | None:
    """The place the article-level reading gave the name [start, end): the one read at exactly that
    span, else the one whose span holds the name's head word (the gazetteer's span may be longer or
    shorter than NER's: "Homs province" for NER's "Homs")."""
    p = read.get((start, end))
    if p is None:
        p = next((q for (a, b), q in read.items() if a <= head < b), None)
    return p


def _places(
    body: str, group: list[tuple[int, int, Token]], read: dict[tuple[int, int], Place] | None, res: Resources
) -> list[Place | None]:
    """The place of each name of a list: the one the geo stage (`locate`) resolved it to, reading the
    whole article at once (its focus, its other places, spatial coherence), so a town of the list is
    the place the article means and the work is not done twice. A name that reading did not resolve
    (the geo stage did not read the article, or its span holds no name it read) falls back to a lookup
    of those names alone, which knows nothing of the rest of the article."""
    out = [_read_at(read, a, b, r.start) if read is not None else None for a, b, r in group]
    missing = [i for i, p in enumerate(out) if p is None]
    if missing:
        from eventdesk.geo import resolve

        for i, p in zip(missing, resolve(body, [group[i][:2] for i in missing], res), strict=True):
            out[i] = p
    return out


def split_sites(
    events: list[Event], articles: dict[str, Article], res: Resources, entities: KnownEntities | None
) -> list[Event]:
    """`events` with a copy of each attack or protest for every further town of the list of sites its
    trigger names (module doc); the record keeps the first town (or its own place when listed)."""
    if entities is None:
        return events
    out: list[Event] = []
    for ev in events:
        out.append(ev)
        art = articles.get(ev.article_id)
        trig = ev.extra.get("trigger")
        if ev.event_type not in SITE_TYPES or ev.modality not in _FACTUAL or art is None or not trig:
            continue
        tokens = entities.tokens(art.id)
        if trig[0] not in tokens:
            continue
        s, e = ev.evidence.start, ev.evidence.end
        _ranges, ents = entities.get(art.id)
        names = [
            (a, b, r)
            for a, b, label in ents
            if label in ("GPE", "LOC") and s <= a < b <= e
            for r in [_root(tokens, a, b)]
            if r is not None
        ]
        for group in _lists(tokens, names):
            if not _site_of(tokens, group[0][2], trig[0]):
                continue
            places = _places(art.body or "", group, entities.places(art.id), res)
            if any(p is None or p.feature not in _SITE for p in places):
                continue
            towns: list[Place] = []
            for p in places:
                if p is not None and p.geonameid not in {q.geonameid for q in towns}:
                    towns.append(copy.copy(p))  # the record's own, not the article reading's object
            if len(towns) < 2:
                continue
            own = ev.location.geonameid if ev.location is not None else None
            if own not in {p.geonameid for p in towns}:
                ev.location = towns[0]
            for p in towns:
                if p.geonameid == ev.location.geonameid:
                    continue
                c = copy.deepcopy(ev)
                c.location = p
                # a death toll told for the whole list stays with the first record: summed over the
                # copies it would count the same dead once per town
                c.fatalities = None
                c.id = stable_id(ev.id, str(p.geonameid), prefix="e")
                c.mentions = [Mention(ev.article_id, ev.evidence.sentence, s, e)]
                c.extra["site_of"] = ev.id
                out.append(c)
            break
    return out
