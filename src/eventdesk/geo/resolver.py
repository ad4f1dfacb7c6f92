"""Toponym resolution with document context.

Each mention gets gazetteer candidates and a prior (population, feature type, how the name matched:
primary name, alias or mere alternate spelling). Then the document votes, a few rounds:
- the country most places of the article are in, and other countries it names;
- provinces/states it names (a town in a named state beats a bigger namesake elsewhere);
- local patterns: "X, Y", "X in Y", "X (Y)", "Town, Minn." (Y contains X);
- closeness to the other places of the article.
One sense per discourse: every mention of the same name in a document gets the same place.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np

from eventdesk.geo.gazetteer import Candidate, Entry, Gazetteer, km
from eventdesk.geo.normalize import key
from eventdesk.records import Place

KIND_BONUS = {"country": 4.5, "cont": 4.0, "adm1": 1.0, "region": 2.5, "site": 3.0, "adm2": -0.5, "city": 0.0}
CAPITAL_BONUS = 2.5  # national capitals stand for their governments in news: "Washington said"
TYPE_BONUS = {"p": 1.0, "a": 0.8, "d": 0.8, "u": 0.8, "w": 0.0}
MAX_CANDS = 40
MAIN_CC_BONUS = 4.0  # times the share of the article's places in its main country
NAMED_CC_BONUS = 1.0  # a place in another country the article names
# Closeness vote: each other name of the article supports a candidate by its most plausible reading's
# closeness 1 / (1 + (d / NEAR_KM)^2); the sum (capped) is weighted.
COHERENCE_K = 12
NEAR_KM = 150.0
NEAR_WEIGHT = 3.0
NEAR_CAP = 2.0
CONTAINS_BONUS = 3.0  # a container name whose reading holds the place written before it
# ACLED geo_precision by kind: 1 the town itself, 2 part of a region / near a town, 3 a large region.
PRECISION = {"city": 1, "site": 1, "adm2": 2, "adm1": 3, "country": 3, "cont": 3, "region": 2}

_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(?:['\u2019]s|['\u2019])$")
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|as|ad|ar|an|ash|at|az)\s+")
_GENERIC_TAIL = re.compile(
    r"\s+(?:province|governorate|county|district|region|state|city|desert|area|areas|countryside|"
    r"outskirts|suburbs|refinery|camp|base|valley|oblast|prefecture|municipality|town|village)$",
    re.I,
)
_NEAR_BEFORE = re.compile(
    r"(?:\bnear|\boutside(?: of)?|\boutskirts of|\bsuburbs? of|\bvicinity of|\baround|\bdeserts? of|"
    r"\bcountryside of|\bareas? of|\bwest of|\beast of|\bnorth of|\bsouth of|\b(?:north|south)(?:east|west)(?:ern)? of|"
    r"\b(?:north|south|east|west)ern (?:part|parts|areas?|outskirts|suburbs|countryside) of|\bkm (?:from|of)|"
    r"\bkilometers? (?:from|of)|\bmiles? (?:from|of))\s+(?:the\s+)?$",
    re.I,
)
_NEAR_AFTER = re.compile(r"^\s+(?:desert|outskirts|countryside|area|areas|suburbs|region|vicinity)\b", re.I)
_CITY_AFTER = re.compile(r"^\s+(?:city|town|village|township|neighbou?rhood)\b", re.I)
_CONTAINER_AFTER = re.compile(
    r"^(?:\s+(?:village|town|city|district|area|region|camp|neighbou?rhood|hill|locality|axis|"
    r"sub-?district|county|commune|department|LGA|woreda|kebele|zone))?"
    r"(?:\s*,\s*(?:in\s+)?|\s+in\s+(?:the\s+)?|\s*\(\s*)"
    # "Manbij, northern Syria", "Kidal in north-eastern Mali": a direction word before the container
    r"(?:(?:far\s+)?(?:north|south|east|west|central)(?:[\s-]?(?:east|west))?(?:ern)?\s+)?"
)
# a settlement or district word right after a name says what the name is: "Qanawat town",
# "Harad city", "Abs district" (GeoNames often has no population for such seats, and the small NER
# model calls many of them ORG)
_KIND_WORD_AFTER = re.compile(
    r"\s+(?:city|town|village|township|district|sub-?district|governorate|province|"
    r"county|locality|municipality|neighbou?rhood|LGA|woreda)\b",
    re.I,
)
_SCENE_BEFORE = re.compile(
    r"\b(?:in|inside|into|across|throughout|within|northern|southern|eastern|western|north-eastern|"
    r"north-western|south-eastern|south-western|central)\s+(?:the\s+)?$",
    re.I,
)
_SLOT_BEFORE = re.compile(r"\w\s*\((?:[^()]{0,60},\s*)?$")
_CAP_WORDS = re.compile(r"^((?:[A-Z][\w.'\u2019-]*\.?)(?:\s+(?:[A-Z][\w.'\u2019-]*\.?|of|de|al|el)){0,3})")


@dataclass
class Mention:
    start: int
    end: int
    text: str
    key: str = ""
    cands: list[Candidate] = field(default_factory=list)
    priors: list[float] = field(default_factory=list)
    near: bool = False
    containers: list[Entry] = field(default_factory=list)  # places named right after: "X, Y" / "X in Y"
    container_of: list[Mention] = field(default_factory=list)  # mentions this one is written as container of
    fallback: Entry | None = None  # the stated container, when this name's reading lies outside it
    scene: bool = False  # after a locative preposition ("in Syria"): a country named as a scene, not a party
    slot: bool = False  # written where a container goes, "Harodi (Anderamboukane, Menaka)", or named
    # as a place by the word after it, "Abs district": the text vouches that it is a place
    best: int = -1
    score: float = 0.0


def candidates(gaz: Gazetteer, surface: str) -> tuple[str, list[Candidate], bool]:
    """(key, candidates, near) for a surface string, trying the spelling variants news use."""
    s = _POSSESSIVE.sub("", _ARTICLE.sub("", surface.strip())).strip(" .,;:\"'()")
    caps = s.replace(".", "").replace(" ", "").isupper()
    # "Minn.", "S.C." written as a place of its own; a bare two-letter code ("ID", "OK", "IN") is
    # read only as a container ("Boise, ID": see _containers_after), it is too often a word
    if surface.strip() in gaz.us_abbr and ("." in surface or len(surface.strip()) > 2):
        e = gaz.entry(gaz.us_abbr[surface.strip()])
        if e:
            return key(e.name), [Candidate(e, "a")], False
    k = key(s)
    tries: list[tuple[str, bool]] = [(k, False)]
    m = _ARABIC_ARTICLE.match(k)
    tries.append((k[m.end() :] if m else "al " + k, False))
    t = _GENERIC_TAIL.search(s)
    if t:
        area = t.group(0).strip().lower() in (
            "desert",
            "area",
            "areas",
            "countryside",
            "outskirts",
            "suburbs",
        )
        tries.append((key(s[: t.start()]), area))
    plural = k[:-1] if k.endswith("s") and len(k) > 4 else None
    if plural:
        tries.append((plural, False))
    # a short name written in capitals is an abbreviation ("EU", "UN", "ID"): it matches only the
    # abbreviations the gazetteer holds as such, not a place called "Eu" or "Un"
    abbr = caps and len(s.replace(".", "").replace(" ", "")) <= 3
    for kk, near in tries:
        if not kk:
            continue
        cs = [c for c in gaz.lookup(kk) if (c.type == "u" if abbr else c.type != "u" or caps)]
        if kk == plural and kk != k:
            # a plural names the people of a place ("Canadians"), never the place itself: "the
            # Falcons" is a team, not Falcon state
            cs = [c for c in cs if c.type == "d"]
        if cs:
            return kk, cs, near
    return k, [], False


def prior(c: Candidate, surface: str) -> float:
    e = c.entry
    p = math.log10(e.pop + 1) + KIND_BONUS.get(e.kind, 0.0) + TYPE_BONUS[c.type]
    if e.feature == "PPLC":
        p += CAPITAL_BONUS
    if e.kind == "adm2" and c.type == "w":
        p -= 1.0  # "DeKalb" alone is the town more often than DeKalb County
    if surface == e.name:
        p += 0.3
    return p


def contains(y: Entry, e: Entry) -> bool:
    """True when place e lies in place y (country, province, county) or right next to it (towns)."""
    if y.id == e.id:
        return False
    if y.kind == "country":
        return e.cc == y.cc and e.kind != "country"
    if y.kind == "adm1":
        return e.adm1 == y.id
    if y.kind == "adm2":
        return e.adm2 == y.id
    if y.kind in ("city", "site", "region"):
        return e.kind in ("city", "site") and km(y.lat, y.lon, e.lat, e.lon) < 40
    return False


def _container_positions(text: str, m: Mention) -> list[int]:
    """Where the places written as the container of a mention start: "X, Y" / "X in Y" give one;
    an ACLED-style list "X (District, Province)" gives each item, most specific first."""
    tail = text[m.end : m.end + 80]
    g = _CONTAINER_AFTER.match(tail)
    if not g:
        return []
    pos = m.end + g.end()
    if not g.group(0).rstrip().endswith("("):
        return [pos]
    close = text.find(")", pos, pos + 120)
    if close < 0:
        return [pos]
    out, i = [], pos
    for item in text[pos:close].split(","):
        lead = len(item) - len(item.lstrip())
        if item.strip():
            out.append(i + lead)
        i += len(item) + 1
    return out


def _containers_after(gaz: Gazetteer, text: str, m: Mention, by_start: dict[int, Mention]) -> list[Entry]:
    """Places written right after a mention as its container: "Duluth, Minn.", "Baabda, east of Beirut",
    "Basma (Barsalogho, Sanmatenga)"."""
    out: list[Entry] = []
    for pos in _container_positions(text, m):
        nxt = by_start.get(pos)
        if nxt is not None:
            out += [c.entry for c in nxt.cands]
        w = _CAP_WORDS.match(text[pos : pos + 60])
        if w:
            word = w.group(1)
            for cut in (word, word.split(" ")[0], word.rstrip(".,")):
                if cut in gaz.us_abbr:
                    e = gaz.entry(gaz.us_abbr[cut])
                    if e:
                        out.append(e)
                    break
            if nxt is None:
                _, cs, _ = candidates(gaz, word.rstrip(".,"))
                out += [c.entry for c in cs if c.type != "w" and c.entry.kind in ("country", "adm1", "adm2")]
    return out


def resolve_mentions(
    gaz: Gazetteer,
    text: str,
    spans: list[tuple[int, int]],
    hint_ccs: Counter | None = None,
    found: bool = False,
) -> list[Mention]:
    """Candidates and context-aware choice for each span; `best` is -1 when nothing matched.

    `found` says the spans were found by our own matcher, not given as known place names: then a
    minor reading in a country nothing else in the text supports is dropped (see `_outliers`).

    `hint_ccs` (ISO alpha-2 -> weight) are countries the text is about by other evidence, e.g.
    the home countries of the event's actors ("Al Shabaab" -> Somalia): they count like places
    of the article when the main country is weighed. Short notes often name no country at all.
    """
    ms = []
    for s, e in spans:
        surface = text[s:e]
        k, cs, near = candidates(gaz, surface)
        pri = [prior(c, surface) for c in cs]
        order = sorted(range(len(cs)), key=lambda i: -pri[i])[:MAX_CANDS]
        m = Mention(s, e, surface, k, [cs[i] for i in order], [pri[i] for i in order])
        m.near = (
            near
            or bool(_NEAR_BEFORE.search(text[max(0, s - 40) : s]))
            or bool(_NEAR_AFTER.match(text[e : e + 20]))
        )
        m.scene = bool(_SCENE_BEFORE.search(text[max(0, s - 30) : s]))
        m.slot = bool(_SLOT_BEFORE.search(text[max(0, s - 80) : s]) or _KIND_WORD_AFTER.match(text, e))
        if _CITY_AFTER.match(text[e : e + 25]):  # "Amara city", "Kadikoy town": a populated place
            m.priors = [
                p + (3.0 if c.entry.kind == "city" else 0.0) for c, p in zip(m.cands, m.priors, strict=True)
            ]
        ms.append(m)
    by_start = {m.start: m for m in ms}
    for m in ms:
        if m.cands:
            m.containers = _containers_after(gaz, text, m, by_start)
            for pos in _container_positions(text, m):
                nxt = by_start.get(pos)
                if nxt is not None and nxt is not m:
                    nxt.container_of.append(m)
    # one sense per discourse: the mentions of a name with the same candidates are read alike, also
    # where their priors order those candidates differently (the dateline "MANSFIELD" earns no
    # exact-spelling bonus that "Mansfield" does); each takes the first mention's order
    groups: dict[tuple, list[Mention]] = defaultdict(list)
    for m in ms:
        if m.cands:
            groups[(m.key, frozenset(c.entry.id for c in m.cands))].append(m)
    glist = list(groups.values())
    for grp in glist:
        rank = {c.entry.id: i for i, c in enumerate(grp[0].cands)}
        for m in grp[1:]:
            order = sorted(range(len(m.cands)), key=lambda i, m=m: rank[m.cands[i].entry.id])
            m.cands = [m.cands[i] for i in order]
            m.priors = [m.priors[i] for i in order]
    for grp in glist:
        for m in grp:
            m.best = 0
    _county_focus(glist)
    # Coherence: candidate coordinates of every group (top COHERENCE_K), for the closeness vote.
    K = COHERENCE_K
    idx = [
        (gi, ci)
        for gi, grp in enumerate(glist)
        for ci, c in enumerate(grp[0].cands[:K])
        if c.entry.kind not in ("country", "cont")
    ]
    if len(idx) > 1 and len(glist) > 1:
        gi_arr = np.array([g for g, _ in idx])
        lat = np.radians([glist[g][0].cands[c].entry.lat for g, c in idx])
        lon = np.radians([glist[g][0].cands[c].entry.lon for g, c in idx])
        dlat = lat[:, None] - lat[None, :]
        dlon = lon[:, None] - lon[None, :]
        h = np.sin(dlat / 2) ** 2 + np.cos(lat)[:, None] * np.cos(lat)[None, :] * np.sin(dlon / 2) ** 2
        dist = 2 * 6371.0088 * np.arcsin(np.sqrt(np.clip(h, 0, 1)))
        close = 1.0 / (1.0 + (dist / NEAR_KM) ** 2)
        same = gi_arr[:, None] == gi_arr[None, :]
        close[same] = 0.0
    else:
        close = None
    scores_by_group: list[list[float]] = [list(grp[0].priors) for grp in glist]
    for _round in range(3):
        ctx = _context(ms)
        if hint_ccs:
            ctx.cc_w.update(hint_ccs)
        support = None
        if close is not None:
            # weight of each candidate: how plausible it is now, relative to the best of its group
            w = np.array(
                [math.exp(min(0.0, scores_by_group[g][c] - max(scores_by_group[g]))) for g, c in idx]
            )
            wc = close * w[None, :]
            support = np.zeros(len(idx))
            for g in range(len(glist)):
                cols = gi_arr == g
                if cols.any():
                    support += wc[:, cols].max(axis=1)
            sup_of = {ic: float(v) for ic, v in zip(idx, support, strict=True)}
        for gi, grp in enumerate(glist):
            m0 = grp[0]
            containers = [y for m in grp for y in m.containers]
            view = ctx.without(m0.cands[m0.best].entry if m0.best >= 0 else None, len(grp))
            scores = []
            inner = [x.cands[x.best].entry for m in grp for x in m.container_of if x.best >= 0]
            for ci, (c, p) in enumerate(zip(m0.cands, m0.priors, strict=True)):
                sc = p + _bonus(c.entry, containers, view)
                if inner and any(contains(c.entry, e) for e in inner):
                    sc += CONTAINS_BONUS  # "Bourzanga, Bam": the Bam that holds Bourzanga
                if support is not None:
                    sc += NEAR_WEIGHT * min(sup_of.get((gi, ci), 0.0), NEAR_CAP)
                scores.append(sc)
            scores_by_group[gi] = scores
            b = max(range(len(scores)), key=scores.__getitem__)
            b = _prefer_city(m0.cands, b, m0.text)
            for m in grp:
                m.best, m.score = b, scores[b]
    # 3. A name read outside the place the text says holds it ("Goba village (Djugu, Ituri)" read as
    # Juba, South Sudan): the text's container is the better answer, one level less precise.
    for m in ms:
        if m.best < 0 or not m.containers or m.cands[m.best].entry.kind not in ("city", "site"):
            continue
        if _listed(text, m, by_start):
            continue
        outer = [
            y.cands[y.best].entry
            for y in (by_start.get(x) for x in _container_positions(text, m))
            if y is not None and y is not m and y.best >= 0
        ]
        outer = [y for y in outer if y.kind in ("country", "adm1", "adm2", "city")]
        e = m.cands[m.best].entry
        # consistent with the text: inside the container, or in the same province as a container
        # city ("Ras al-Ain town in Al Hasakeh countryside": the city names its governorate)
        if outer and not any(
            contains(y, e) or (y.kind == "city" and y.adm1 and y.adm1 == e.adm1) for y in outer
        ):
            m.fallback = outer[0]  # the most specific place the text puts it in
    if found:
        _outliers(ms)
    return ms


def _county_focus(glist: list[list[Mention]]) -> None:
    """A local report's county (Lieberman et al. 2010, a local paper's lexicon): where a county the
    text names ("Douglas County", not a county's bare name) has a reading that holds a reading of
    another name of the text ("north of Alexandria"), and no other county reading holds as many,
    that county is the one the article is about: its reading and every reading inside it gain what
    a written container gives the place it holds (CONTAINS_BONUS, "Bourzanga, Bam"), so its towns
    win over same-named larger places elsewhere (Alexandria, Virginia or Egypt)."""
    inside: dict[int, set[int]] = defaultdict(set)  # county id -> groups with a reading in it
    for gi, grp in enumerate(glist):
        for c in grp[0].cands:
            if c.entry.kind in ("city", "site") and c.entry.adm2 is not None:
                inside[c.entry.adm2].add(gi)
    best_n, best_ids = 0, set()
    for gi, grp in enumerate(glist):
        for c in grp[0].cands:
            if c.entry.kind != "adm2" or c.type == "w":
                continue
            n = len(inside.get(c.entry.id, set()) - {gi})
            if n > best_n:
                best_n, best_ids = n, {c.entry.id}
            elif n == best_n and n:
                best_ids.add(c.entry.id)
    if len(best_ids) != 1:
        return  # no county holds another name, or two hold as many: no one county is the article's
    (cid,) = best_ids
    for grp in glist:
        m0 = grp[0]
        m0.priors = [
            p + (CONTAINS_BONUS if c.entry.id == cid or c.entry.adm2 == cid else 0.0)
            for c, p in zip(m0.cands, m0.priors, strict=True)
        ]


# a list goes on after a name: ", Douglas", " and Wilkin"
_LIST_GOES_ON = re.compile(r"\s*,\s*(?:and\s+|or\s+)?[A-Z]|\s+(?:and|or|&)\s+[A-Z]")


def _listed(text: str, m: Mention, by_start: dict[int, Mention]) -> bool:
    """ "Becker, Clay, Douglas and Wilkin counties": the name after the comma is the next item of a
    list that goes on, not the place that holds the name before it."""
    nxt = by_start.get(m.end + len(text[m.end :]) - len(text[m.end :].lstrip(", ")))
    return (
        nxt is not None
        and text[m.end : nxt.start].strip() == ","
        and bool(_LIST_GOES_ON.match(text, nxt.end))
    )


OUTLIER_POP = 100_000  # a found name read as a smaller place than this abroad needs support


def _outliers(ms: list[Mention]) -> None:
    """A found name whose reading lies in a country no other place of the text is in is often not a
    place at all ("Red Cross", "Green Zone", "Shell staff") or the foreign namesake of a village the
    gazetteer lacks ("Mahad IDP camp" read as Mahad, India). Where another reading lies in a country
    the text supports, take it ("Nord-Ouest" of Cameroon, not of Haiti); then, unless the reading is
    a country, a region, a capital or a large city, drop the name.

    Only places support a country: country names and demonyms mostly name parties ("Turkish forces
    shelled Tawileh"), so they neither support nor get dropped here.
    """

    def support_of(m: Mention) -> set[str]:
        out: set[str] = set()
        for x in ms:
            if x.key == m.key or x.best < 0:
                continue
            c = x.cands[x.best]
            if c.type != "d" and (c.entry.kind not in ("country", "cont") or x.scene) and c.entry.cc:
                out.add(c.entry.cc)
        return out

    def unsupported(m: Mention) -> set[str] | None:
        if m.best < 0:
            return None
        c = m.cands[m.best]
        if c.type == "d" or c.entry.kind in ("country", "cont") or not c.entry.cc:
            return None
        sup = support_of(m)
        return sup if sup and c.entry.cc not in sup else None

    def minor(c: Candidate) -> bool:
        e = c.entry
        return (
            e.kind not in ("region", "adm1")
            and e.feature != "PPLC"
            and (c.type == "w" or e.pop < OUTLIER_POP)
        )

    for m in ms:  # 1. a reading in a supported country, when the name has one of about equal weight
        sup = unsupported(m)
        if sup:
            alt = [i for i, c in enumerate(m.cands) if c.entry.cc in sup and c.type != "w"]
            if alt:
                i = max(alt, key=lambda i: m.priors[i])
                if minor(m.cands[m.best]) or m.priors[i] >= m.priors[m.best] - 1.0:
                    m.best, m.fallback = i, None
    # 2. minor readings still alone in their country, one at a time, smallest first, so that one
    # wrong reading cannot take a right one with it ("Sayda town in Dara countryside" read in
    # Lebanon). Names in a written containment ("X (District, Province)", "X, Y", "X in Y": both
    # sides) and names in a container slot are kept: the text itself vouches that they are places.
    anchored = {x.key for m in ms for x in m.container_of} | {m.key for m in ms if m.container_of or m.slot}
    order = sorted(
        (m for m in ms if m.best >= 0 and m.key not in anchored),
        key=lambda m: m.cands[m.best].entry.pop * (0.1 if m.cands[m.best].type == "w" else 1.0),
    )
    for m in order:
        if unsupported(m) and minor(m.cands[m.best]):
            m.best = -1


@dataclass
class _Ctx:
    """What the rest of the article says: counts of countries, named countries/provinces/counties."""

    cc_w: Counter
    ccs: Counter
    adm1s: Counter
    adm2s: Counter

    def without(self, e: Entry | None, n: int) -> tuple[str | None, float, set, set, set]:
        """The context minus one group's own current reading (a name must not vote for itself)."""
        cc_w, ccs, adm1s, adm2s = (
            Counter(self.cc_w),
            Counter(self.ccs),
            Counter(self.adm1s),
            Counter(self.adm2s),
        )
        if e is not None:
            for c, k in (
                (cc_w, e.cc),
                (ccs, e.cc if e.kind == "country" else None),
                (adm1s, e.id if e.kind == "adm1" else e.adm1 if e.kind == "adm2" else None),
                (adm2s, e.id if e.kind == "adm2" else None),
            ):
                if k is not None:
                    c[k] -= n
        cc_w = +cc_w
        main, share = None, 0.0
        if cc_w:
            main, top = cc_w.most_common(1)[0]
            share = top / sum(cc_w.values())
        return main, share, set(+ccs), set(+adm1s), set(+adm2s)


def _context(ms: list[Mention]) -> _Ctx:
    cc_w: Counter = Counter()
    ccs: Counter = Counter()
    adm1s: Counter = Counter()
    adm2s: Counter = Counter()
    for m in ms:
        if m.best < 0:
            continue
        e = m.cands[m.best].entry
        if e.cc:
            cc_w[e.cc] += 1
        if e.kind == "country":
            ccs[e.cc] += 1
        elif e.kind == "adm1":
            adm1s[e.id] += 1
        elif e.kind == "adm2":
            adm2s[e.id] += 1
            if e.adm1:
                adm1s[e.adm1] += 1
    return _Ctx(cc_w, ccs, adm1s, adm2s)


def _bonus(e: Entry, containers: list[Entry], view: tuple[str | None, float, set, set, set]) -> float:
    main_cc, share, ccs, adm1s, adm2s = view
    b = 0.0
    if e.cc and e.cc == main_cc:
        b += MAIN_CC_BONUS * share
    elif e.cc in ccs:
        b += NAMED_CC_BONUS
    if e.kind != "adm1" and e.adm1 in adm1s:
        b += 2.5
    if e.kind == "city" and e.adm2 in adm2s:
        b += 1.0
    if any(contains(y, e) for y in containers):
        b += 6.0
    return b


def _prefer_city(cands: list[Candidate], b: int, surface: str) -> int:
    """'Kirkuk', 'Baghdad': a province named after its main city means the city, unless the text says
    'province'/'governorate'/'state' (then the key had that word and the city is no candidate). The
    city may match only by one of its alternate spellings ("Hama" for Ḩamāh, a weak name): where it bears
    the province's own primary name, the province is still named after it."""
    e = cands[b].entry
    if e.kind != "adm1":
        return b
    for i, c in enumerate(cands):
        ce = c.entry
        named = c.type in ("p", "a") or key(ce.name) == key(e.name)
        if ce.kind == "city" and ce.adm1 == e.id and named and ce.pop >= 0.2 * max(e.pop, 1):
            return i
    return b


def to_place(gaz: Gazetteer, m: Mention, spans: bool = False) -> Place | None:
    if m.best < 0:
        return None
    if m.fallback is not None:
        # the stated container stands in for a name read outside it: never the town itself
        e = m.fallback
        prec = max(2, PRECISION.get(e.kind, 2))
    else:
        e = m.cands[m.best].entry
        prec = PRECISION.get(e.kind, 2)
        if e.kind == "region" and e.pop >= 1_000_000:
            prec = 3
        if m.near:
            prec = max(prec, 2)
    adm1 = gaz.entry(e.adm1).name if e.adm1 else (e.name if e.kind == "adm1" else None)
    return Place(
        text=m.text,
        name=e.name,
        lat=e.lat,
        lon=e.lon,
        country=gaz.alpha3.get(e.cc or "", None) if e.cc else None,
        admin1=adm1,
        geonameid=e.gid,
        feature=e.feature,
        precision=prec,
        start=m.start if spans else None,
        end=m.end if spans else None,
    )
