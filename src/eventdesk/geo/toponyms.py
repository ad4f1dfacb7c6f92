"""Toponym detection: a gazetteer matcher over capitalised token runs, optionally checked by spaCy NER.

The matcher does not depend on NER: it looks every capitalised run of up to MAX_TOKENS words
(connectors such as "of", "al", "de" allowed inside) up in the gazetteer, longest first. Filters:
- a stop-list of words GeoNames knows as places but English uses otherwise ("Mobile", "Best");
- a word that also appears in lower case in the same text is a common word there ("Reading");
- names matched only through an alternate spelling must be big places;
- with NER on (config geo.ner, default on when the model loads): a single name inside a PERSON
  entity is dropped ("Jordan Henderson"), and GPE/LOC/FAC entities the matcher missed are added
  when the gazetteer knows them.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from eventdesk.config import setting
from eventdesk.data import lines
from eventdesk.geo.gazetteer import Gazetteer, km
from eventdesk.geo.normalize import key
from eventdesk.geo.resolver import (
    _KIND_WORD_AFTER,
    _NEAR_BEFORE,
    _SLOT_BEFORE,
    Mention,
    _containers_after,
    candidates,
    contains,
    resolve_mentions,
    to_place,
)
from eventdesk.records import Place

if TYPE_CHECKING:
    from eventdesk.resources import Resources

MAX_TOKENS = 6
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_](?:\w|['\u2019\-](?=\w))*\.?")
CONNECTORS = {
    "of",
    "de",
    "del",
    "al",
    "el",
    "la",
    "le",
    "upon",
    "on",
    "du",
    "des",
    "da",
    "do",
    "and",
    "ad",
    "as",
    "ash",
    "ar",
    "an",
    "bin",
    "ibn",
    "the",
    "ez",
    "es",
    "y",
    "am",
    "der",
    "sur",
}
_SENT_START = re.compile(r"(?:^|[.!?:;\"\u201c\u2018(]\s*|\n\s*)$")
_TAIL = re.compile(
    r"\s+(?:oil\s+)?(?:refinery|desert|governorate|province|state|district|region|crossing|"
    r"air\s+base|airbase|base|camp|oil\s+field|dam|airport|port|valley|plain|plains)\b"
)
_POSS = re.compile(r"['\u2019]s?$")
MIN_WEAK_POP = 100_000
LOCATIVE_POP = 10_000  # the same, for a name right after a locative preposition
STRONG_POP = 50_000  # a one-word name NER does not call a place must be at least this big  # a name matched only as an alternate spelling must be at least this big


@functools.lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """English function and very common words (jusText's English stoplist, a pinned dependency via
    trafilatura): "Most", "Western", "Over" written with a capital are such words far more often
    than the places GeoNames knows by them. The list also holds "London", "British": names of
    countries, demonyms and cities of a million are exempt where it is used. Empty when jusText is
    missing."""
    try:
        import justext

        return frozenset(key(w) for w in justext.get_stoplist("English"))
    except Exception:  # jusText absent or its data unreadable: the curated stop-list still applies
        return frozenset()


def _data_lines(relpath: str) -> list[str]:
    """The stripped entries of a word-list file under the geo data folder (blank lines and
    # comments left out)."""
    return list(lines(f"geo/{relpath}"))


@functools.lru_cache(maxsize=1)
def lowercase_words() -> frozenset[str]:
    """Place names that running news writes mostly in lower case (data/geo/lowercase_words.txt,
    counted by scripts/lowercase_words.py): "Free", "Ten" with a capital are a heading's, a name's
    or a title's word far more often than a place."""
    return frozenset(key(w) for w in _data_lines("lowercase_words.txt"))


@functools.lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(key(w) for w in _data_lines("stopwords.txt"))


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper() or (len(tok) > 3 and tok[:3].lower() in ("al-", "el-") and tok[3:4].isupper())


def find_spans(gaz: Gazetteer, text: str) -> list[tuple[int, int]]:
    """Character spans of place names found by the gazetteer matcher (no NER)."""
    toks = [_name_part(m.start(), m.group(0)) for m in _TOKEN.finditer(text)]
    lower_words = {t[2].lower() for t in toks if t[2][:1].islower()}
    titled = titled_names(text)
    stop = stopwords()
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        if not _is_cap(toks[i][2]) or toks[i][2] in ("The", "THE"):
            i += 1
            continue
        found = 0
        if i > 0 and _tail_of_longer_name(text, toks[i - 1], toks[i][0], out):
            i += 1
            continue
        for n in range(min(MAX_TOKENS, len(toks) - i), 0, -1):
            seg = toks[i : i + n]
            if not _is_cap(seg[-1][2]):
                continue
            if any(not _is_cap(t[2]) and t[2].lower() not in CONNECTORS for t in seg[1:-1]):
                continue
            # a run may not cross a sentence or clause boundary
            if any(
                re.search(r"[,;:()\"\u201c\u201d\n]|\.\s", text[a[1] : b[0]])
                for a, b in zip(seg, seg[1:], strict=False)
            ):
                continue
            s, e = seg[0][0], seg[-1][1]
            if (
                text[e - 1] == "."
                and not re.fullmatch(r"(?:[A-Z]\.)+", seg[-1][2])
                and text[s:e] not in gaz.us_abbr
            ):
                # sentence full stop, not an abbreviation; an AP state abbreviation keeps its stop
                # ("Orlando, Fla."): without it "Fla" is read as Flå, Norway
                e -= 1
            poss = _POSS.search(text, s, e)
            if poss:
                e = poss.start()  # "Sudan's" -> "Sudan"
            # "Khartoum refinery", "Tikrit desert", "Salaheddine governorate": the generic word
            # belongs to the name when the gazetteer knows the longer name or its bare form
            x = None if poss else _TAIL.match(text, e)
            if x and candidates(gaz, text[s : x.end()])[1] and key(text[x.start() : x.end()]) not in stop:
                found = n
                out.append((s, x.end()))
                break
            if _accept(gaz, text, s, text[s:e], n, lower_words, stop, titled):
                found = n
                out.append((s, e))
                break
        if not found and "-" in toks[i][2]:
            out += _hyphen_parts(gaz, text, toks[i], lower_words, stop, titled)
        i += found or 1
    return out


# the lower-case head of a compound adjective whose first element is a name: "New York-based",
# "London-born", "Kansas City-area" (Quirk et al. 1985, I.50-I.52: noun + participle or noun, hyphenated)
_COMPOUND_HEAD = re.compile(r"-[a-z]+$")


def _name_part(start: int, tok: str) -> tuple[int, int, str]:
    """A token less the lower-case head of the compound adjective it ends in ("York-based" -> "York"),
    so that the name joins the capitalised words before it ("New York", not York); a name whose last
    part is capitalised ("Stratford-upon-Avon") stays whole."""
    m = _COMPOUND_HEAD.search(tok) if "-" in tok else None
    if m and m.start() > 0 and _is_cap(tok):
        tok = tok[: m.start()]
    return start, start + len(tok), tok


def _tail_of_longer_name(text: str, prev: tuple[int, int, str], s: int, out: list[tuple[int, int]]) -> bool:
    """The capitalised word at `s` continues a proper name begun by the capitalised word before it
    that is no place itself: "Glacier Ridge" (a school), "Chevy Durango", "Elizabeth Fairfield",
    "Pattie A. Clay". A proper name's head is its last word (a compound's head is on the right): the
    place the gazetteer knows by that word is not what the longer name names. Not after a sentence's
    first word that is a common word ("In Paris"), a direction or a generic first word of a longer
    place name ("North Caucasus", "New Haven"), or a word read as a place itself."""
    a, b, w = prev
    if not re.fullmatch(r"[ \t]+", text[b:s]):
        return False  # punctuation, a line break or a hyphen between: another phrase
    if _POSS.search(w):
        return False  # "Warren County's Hamilton Township": a possessive ends its own noun phrase
    if w.endswith(".") and not re.fullmatch(r"[A-Z]\.", w):
        return False  # "Sen. Casey", "St. Paul": titles and abbreviations are dealt with elsewhere
    if not w[:1].isupper() or w.isupper():
        return False  # lower case, or capitals (an acronym, a heading)
    if out and out[-1][1] >= b:
        return False  # the word before is part of a place name ("Kansas City Kansas")
    k = key(w.rstrip("."))
    return not (k in common_words() or k in stopwords() or k in _NAME_HEADS)


def _hyphen_parts(
    gaz: Gazetteer,
    text: str,
    tok: tuple[int, int, str],
    lower_words: set[str],
    stop: frozenset[str],
    titled: frozenset[str],
) -> list[tuple[int, int]]:
    """A hyphenated compound the gazetteer does not know whole joins names ("Fargo-Moorhead",
    "Wisconsin-Milwaukee", "Watertown-Mayer"): each capitalised part is looked at as a name of its
    own, under the same tests as any other word."""
    out = []
    pos = tok[0]
    for part in tok[2].split("-"):
        word = part.rstrip(".")
        if (
            len(word) > 2
            and _is_cap(word)
            and not word.isupper()
            and _accept(gaz, text, pos, word, 1, lower_words, stop, titled)
        ):
            out.append((pos, pos + len(word)))
        pos += len(part) + 1
    return out


_NAME_HEADS = frozenset(
    (
        "ras",
        "wadi",
        "bani",
        "beni",
        "dar",
        "jabal",
        "jebel",
        "tell",
        "tall",
        "tal",
        "bir",
        "ain",
        "kafr",
        "deir",
        "khan",
        "abu",
        "umm",
        "bab",
        "beit",
        "qasr",
        "wad",
        "hay",
        "jadid",
        "mina",
        "sidi",
        "bou",
        "ait",
        "ouled",
        "hai",
        "souk",
        "suq",
        "birkat",
        "nahr",
        "jisr",
        # "Western Maliha", "Middle Shabelle", "Lower Juba": a direction or rank word
        # starts a longer name, it is not the province "Western" of some other country
        "western",
        "eastern",
        "northern",
        "southern",
        "central",
        "upper",
        "lower",
        "middle",
        "north",
        "south",
        "east",
        "west",
        # the intercardinal points too ("Northeast Georgia", "Southwest Ontario")
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "north east",
        "north west",
        "south east",
        "south west",
        "new",
        "old",
        "greater",
        "little",
        "great",
    )
)
_NEXT_NAME_WORD = re.compile(r"[\s-]+(?:[A-Z]|(?:al|el|an|as|ash|ad|ar|at|az|ul|ed|es|bin|ibn)[\s-]+[A-Z])")


def _accept(
    gaz: Gazetteer,
    text: str,
    s: int,
    surface: str,
    n: int,
    lower_words: set[str],
    stop: frozenset[str],
    titled: frozenset[str] = frozenset(),
) -> bool:
    k, cs, _ = candidates(gaz, surface)
    if not cs:
        return False
    if _after_title(text, s) and not _national(cs):
        return False  # "Mr Brown", "coach Ripley": a person's name
    if k in stop or key(surface) in stop:
        # "Mobile, Alabama": a stop-listed word is a place when its container follows it
        m = Mention(s, s + len(surface), surface, k, list(cs))
        ys = _containers_after(gaz, text, m, {})
        return any(contains(y, c.entry) for y in ys for c in cs)
    if _named_as_place(text, s + len(surface), cs) and not (n == 1 and key(surface) in common_words()):
        # "Azaz city", "Abs district": the text itself says what the name is (a function word
        # before such a noun is still a word: "But town police...")
        return True
    if (
        _street_named(text, s + len(surface))
        and not _DIVISION_END.search(surface)
        and not any(c.entry.kind in ("country", "adm1", "adm2") and c.type != "w" for c in cs)
    ):
        # "Cooper Street": a street's name; a state's or county's "Highway Patrol", "County Road 5"
        # and "Oxford Road 5" are the division's own
        return False
    # "Swift and Wilkin counties": a kind word over the list vouches for a name the gazetteer holds
    # only as a weak alias (a county's bare name), whatever its size
    listed_kind = _kind_named(text, s, s + len(surface))
    strong = [
        c
        for c in cs
        if c.type != "w" or c.entry.pop >= MIN_WEAK_POP or (listed_kind and c.entry.kind in _SETTLEMENT_KINDS)
    ]
    if not strong:
        return False
    first = surface.split()[0] if n > 1 else ""
    if first in ("As", "An", "At", "Ad", "Ar", "Ash") and not gaz.lookup(key(surface)):
        # "As Liberal Democrat leader...": an English word before a name, not the Arabic article of
        # "As Suwayda" (whose full name the gazetteer holds)
        return False
    if n == 1:
        word = surface.rstrip(".")
        # "Ras al-Ain", "Wadi Bardi", "Bani an Namri": a generic first word of a longer name the
        # gazetteer does not know is not the place "Ras" (India) or "Bani" (Dominican Republic)
        if key(word) in _NAME_HEADS and _NEXT_NAME_WORD.match(text, s + len(surface)):
            return False
        # what the text says about the name ("Reading police", "CROMWELL —", "in X and Clay")
        said = _licensed(gaz, text, s, s + len(surface), cs) or _locative_at(text, s)
        if word.lower() in lower_words and not word.isupper() and not said:
            return False  # "Reading", "Mobile" used as ordinary words in this very text
        if key(word) in titled and not said and not _national(cs):
            return False  # "Mr Blair" elsewhere in the text: "Blair" is his name here too
        if (
            key(word) in common_words()
            and not any(
                c.type == "d" or c.entry.kind in ("country", "cont") or c.entry.pop >= 1_000_000 for c in cs
            )
            and not (
                _dateline(text, s, s + len(surface))
                or _locative_at(text, s)
                or _SLOT_BEFORE.search(text[max(0, s - 80) : s])
            )
        ):
            # "Most MPs", "Western governments", "But town police": a common English word, not a
            # place; a noun after it ("town") does not make a function word a place's name
            return False
        if len(word) <= 2 and not word.isupper():
            return False
        # a state's or province's postal code ("ID", "NY", "KS") is a place only where a place goes:
        # "Boise, ID" is read through the container patterns; "ID theft" and "the NY Times" are not
        if all(c.type == "u" and c.entry.kind in ("adm1", "adm2") for c in cs) and not (
            _AFTER_LOCATIVE.search(text[max(0, s - 25) : s]) or _SLOT_BEFORE.search(text[max(0, s - 80) : s])
        ):
            return False
        # "(" opens a sentence-like start ("(Reuters)"), but not a container slot: "Tall Rasho (Lattakia)"
        at_start = bool(_SENT_START.search(text[max(0, s - 3) : s])) and not _SLOT_BEFORE.search(
            text[max(0, s - 80) : s]
        )
        if (
            at_start
            and not said
            and not any(
                c.type in ("p", "a", "d", "u")
                and c.entry.kind in ("country", "adm1", "city")
                and c.entry.pop >= 10_000
                for c in cs
            )
        ):
            return False
    return True


_SETTLEMENT_KINDS = ("city", "adm2", "adm1", "site")


def _named_as_place(text: str, end: int, cs: Any) -> bool:
    return bool(_KIND_WORD_AFTER.match(text, end)) and any(c.entry.kind in _SETTLEMENT_KINDS for c in cs)


def ner_entities(
    text: str,
    config: dict[str, Any] | None,
    res: Resources,
    regions: list[tuple[int, int]] | None = None,
    known: tuple[list[tuple[int, int]], list[tuple[int, int, str]]] | None = None,
) -> list[tuple[int, int, str]] | None:
    """(start, end, label) of spaCy entities, or None when NER is off or the model cannot load.

    With `regions`, only those parts of the text are run through NER (offsets still refer to the
    whole text): NER costs more than everything else here, and an event needs it only where the
    event is told. `known` = (ranges, entities) already found by an earlier stage over parts of
    the text; regions inside those ranges are not run again. The pipeline is `res.ner_nlp`: the
    annotate model (with our entity ruler) unless geo.ner_model names another.
    """
    geo = (config or {}).get("geo") or {}
    if geo.get("ner") is False:
        return None
    try:
        nlp = res.ner_nlp
    except Exception:  # no model installed: the gazetteer matcher alone
        return None
    # NER only (the ruler before it); a geo.ner_model is loaded without the other pipes
    off = [p for p in nlp.pipe_names if p in ("parser", "tagger", "lemmatizer", "attribute_ruler", "senter")]
    if regions is None:
        doc = next(iter(nlp.pipe([text], disable=off)))
        return [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    out: list[tuple[int, int, str]] = []
    todo = list(regions)
    if known is not None and known[0]:
        ranges, ents = known
        done = [r for r in todo if any(a <= r[0] and r[1] <= b for a, b in ranges)]
        todo = [r for r in todo if r not in done]
        out += [x for x in ents if any(a <= x[0] and x[1] <= b for a, b in done)]
    for (a, _b), doc in zip(todo, nlp.pipe((text[a:b] for a, b in todo), disable=off), strict=True):
        out += [(a + e.start_char, a + e.end_char, e.label_) for e in doc.ents]
    return out


def detect(
    gaz: Gazetteer,
    text: str,
    config: dict[str, Any] | None,
    res: Resources,
    regions: list[tuple[int, int]] | None = None,
    known: tuple[list[tuple[int, int]], list[tuple[int, int, str]]] | None = None,
    tentative: set[tuple[int, int]] | None = None,
) -> list[tuple[int, int]]:
    """Gazetteer matches, refined by NER (res.ner_nlp) when available (only inside `regions` when given).
    With `tentative` (a set), also the one-word names of towns below the size floor that nothing
    else vouches for, added to that set: the caller keeps them only where the rest of the text
    places them (see `_coherent`)."""
    spans = find_spans(gaz, text)
    ents = ner_entities(text, config, res, regions, known)
    if ents is None:
        return spans
    if regions is not None:  # outside the NER'd regions the matcher's own answer stands
        inside = [(s, e) for s, e in spans if any(a <= s and e <= b for a, b in regions)]
        outside = [(s, e) for s, e in spans if (s, e) not in set(inside)]
        return sorted(set(_refine(gaz, text, inside, ents, tentative)) | set(outside))
    return _refine(gaz, text, spans, ents, tentative)


# prepositions that take a place as often as anything else: enough to keep NER from overruling the
# gazetteer ("a resident of Tabriz", "on her way to Edmonton"), not enough to make a small town of a word
_PLACE_PREP = re.compile(r"\b(?:of|to|for|via|through|across|between)\s+(?:the\s+)?$")
# "in Baalbek", "near Tyre": a gazetteer name right after a locative preposition is a place even
# when the small NER model misses it (it misses many Middle East and African towns)
_AFTER_LOCATIVE = re.compile(
    r"\b(?:in|near|at|outside|inside|around|towards?|from|into|outskirts of|"
    r"[Vv]illage of|[Tt]own of|[Cc]ity of|[Tt]ownship of|[Bb]orough of)\s+(?:the\s+)?$"
)
# ... and so is a name in a container slot (_SLOT_BEFORE): "Younine town (Baalbek)", "Bagare (Bagare, Passore)"


# Entity labels (spaCy's OntoNotes scheme) of things that are not places. A place name that is, or
# is part of, a person, a work, a product, an event or a law is no place ("Blair", "Batman film",
# "Morsi"); one that is a whole organisation or nationality entity neither ("Google", "Brits").
# A place name that merely starts an organisation's name stays a place: "Fargo police", "Douglas
# County Sheriff's Office" say where (the event stage reads those as parties, see location.py).
_NOT_A_PLACE_INSIDE = frozenset(
    ("PERSON", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "LANGUAGE", "DATE", "TIME", "MONEY", "QUANTITY")
)
_NOT_A_PLACE_WHOLE = frozenset(("ORG", "NORP"))
# A whole ORG/NORP entity this big under its own name keeps its place reading: the small model often
# labels a city ORG when it stands for its people or authorities ("Fargo tried to speed up...").
NER_OVERRULE_POP = 100_000
# A one-word name below those floors, down to this share of them (a town of 10,000 alone, of 2,000
# after "in"), is kept tentatively in `geo parse`: only where the text's other places support it
# (`_coherent`). Chosen on the study half of the geo set (0.5, 0.2 and 0.1 tried; 0.2 kept).
TENTATIVE_SHARE = 0.2
# An article right before a name: English names of towns and cities take the zero article (Quirk et al.
# 1985, 5.65-5.66); "the X" with X a town's name is something named after it (a car, a hotel, a team)
_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)\s+$", re.I)


def _refine(
    gaz: Gazetteer,
    text: str,
    spans: list[tuple[int, int]],
    ents: list[tuple[int, int, str]],
    tentative: set[tuple[int, int]] | None = None,
) -> list[tuple[int, int]]:
    # an entity's possessive clitic is no part of its name: "Glen Carbon's" (PERSON) is the whole
    # entity "Glen Carbon", not a longer person's name around the place
    ents = [
        (s, s + len(_POSS.sub("", text[s:e])) if _POSS.search(text[s:e]) else e, lab) for s, e, lab in ents
    ]
    persons = [(s, e) for s, e, lab in ents if lab == "PERSON"]
    person_whole = set(persons)
    inside_of = [(s, e) for s, e, lab in ents if lab in _NOT_A_PLACE_INSIDE]
    whole_of = {(s, e) for s, e, lab in ents if lab in _NOT_A_PLACE_WHOLE}
    # political groups and peoples (OntoNotes NORP): a name inside a longer one is part of it
    norps = [(s, e) for s, e, lab in ents if lab == "NORP"]
    # surnames of people named in the text: "Steele" after "Christopher Steele"
    person_words = {key(w) for s, e in persons for w in text[s:e].split()[1:]}
    placey = [(s, e) for s, e, lab in ents if lab in ("GPE", "LOC", "FAC")]
    norp = [(s, e) for s, e, lab in ents if lab == "NORP"]
    titled = titled_names(text)
    kept = []
    # names kept on the text's word, not on size or NER alone: the sources of one sense per discourse
    attested: list[tuple[int, int]] = []
    for s, e in spans:
        surface = text[s:e]
        _, cs, _ = candidates(gaz, surface)
        # the text says so otherwise: "Laconia police", "CROMWELL —", "Jackson and Barrow counties"
        said = _licensed(gaz, text, s, e, cs)
        # part of a longer person's name ("Jordan Henderson"), unless the text says it is a place:
        # the small model reads "Huntsville Fire Chief Tom Grisham" as one person
        if not said and any(ps <= s and e <= pe and (pe - ps) > (e - s) for ps, pe in persons):
            continue
        locative = bool(_AFTER_LOCATIVE.search(text[max(0, s - 25) : s])) or bool(
            _SLOT_BEFORE.search(text[max(0, s - 80) : s])
        )
        ner_place = any(a < e and s < b for a, b in placey)
        # a later item of a list the preposition governs ("in Hamilton and Middletown")
        listed = not locative and _locative_at(text, s)
        # nothing in the text says it is a place ("in X", "a man of X", "X district", a GPE entity)
        free = (
            not locative
            and not listed
            and not said
            and not ner_place
            and not _named_as_place(text, e, cs)
            and not _PLACE_PREP.search(text[max(0, s - 12) : s])
        )
        # NER reads it as (part of) a person, work, product...: not a place
        # A name that is by itself the whole PERSON entity keeps its place reading when it is a big
        # place (the bar of ORG/NORP entities below) and the text uses it as no one's name (no
        # "Mr X", no "Christopher X"): the small model calls many a lone town a person ("A
        # Gainesville restaurant was robbed")
        lone = (s, e) in person_whole and key(surface) not in person_words and key(surface) not in titled
        if (
            free
            and any(a <= s and e <= b for a, b in inside_of)
            and not _ner_overruled(gaz, surface, NER_OVERRULE_POP if lone else 0)
        ):
            continue
        # ... or as a whole organisation or nationality; a nationality written as one ("Georgian") is
        # a demonym reading, which the resolver knows
        if (
            free
            and (s, e) in whole_of
            and not any(c.type == "d" for c in cs)
            and not _ner_overruled(
                gaz, surface, 0 if _ARTICLE_BEFORE.search(text, 0, s) else NER_OVERRULE_POP
            )
        ):
            # a big town the model calls an organisation keeps its place reading ("Fargo tried to
            # speed up..."), but not after an article: a town's name takes none, so "the Toyota",
            # "the Duma" name a car and a parliament
            continue
        # part of a party's or a people's longer name: "from Liberal Democrat ranks" (a locative
        # word before it says nothing then), unless the text makes it a place or it is big
        # enough to stand for its authorities. (Organisations keep their place names: "Litchfield
        # Superior Court", "Columbia County Detention Center" say where.)
        if (
            not said
            and not ner_place
            and any(a <= s and e <= b and b - a > e - s for a, b in norps)
            and not any(c.type == "d" for c in cs)
            and not _ner_overruled(gaz, surface, NER_OVERRULE_POP)
        ):
            continue
        # a nationality entity supports a demonym reading only: "Liberal Democrats" (NORP) is no place
        if any(a < e and s < b for a, b in norp) and any(c.type == "d" for c in cs):
            ner_place = True
        if (
            " " not in surface.strip()
            and _head_key(surface) in person_words
            and not (locative or listed or said or _national(cs))
        ):
            # "Elizabeth Fairfield ... Fairfield could spend 98 years in prison": the text named
            # someone so; a bare mention of the word is that person (one sense per discourse), even
            # where the small model calls it a place
            continue
        if " " not in surface.strip() and not ner_place:
            # one word NER does not call a place: only countries, provinces, big cities, demonyms;
            # after "in/near/at ..." a town of some size too ("in Baalbek": the small model misses it)
            slot = bool(_SLOT_BEFORE.search(text[max(0, s - 80) : s]))
            floor = LOCATIVE_POP if locative or listed else STRONG_POP
            # in a container slot a district is as good as a province: "(Waza, Logone-et-Chari)"
            kinds = ("country", "adm1", "cont", "region", "site") + (("adm2",) if slot else ())
            if (_head_key(surface) in person_words and not locative) or not (
                _named_as_place(text, e, cs)
                or said
                or any(
                    c.type != "w" and (c.entry.kind in kinds or c.type == "d" or c.entry.pop >= floor)
                    for c in cs
                )
            ):
                if (
                    tentative is None
                    or _head_key(surface) in person_words
                    or _in_longer_name(text, s, e)
                    or not any(c.type != "w" and c.entry.pop >= floor * TENTATIVE_SHARE for c in cs)
                ):
                    continue
                tentative.add((s, e))
        if " " in surface.strip() and _head_key(surface) in person_words and not locative:
            continue  # "the Brown camp": a person's camp, not Brown County
        kept.append((s, e))
        if not free and (locative or listed or said or _named_as_place(text, e, cs)):
            attested.append((s, e))
    kept += _same_name_again(text, spans, kept, attested, persons, person_words, titled)
    for s, e, lab in ents:
        if lab not in ("GPE", "LOC", "FAC"):
            continue
        if any(a < e and s < b for a, b in kept):
            continue
        surface = text[s:e]
        k, cs, _ = candidates(gaz, surface)
        if not cs or k in stopwords() or all(c.type == "w" for c in cs):
            continue
        # a common English word that NER calls a place ("But", "Most") needs what the matcher asks
        # of it: a locative word or a container slot before it, unless it is a country, a demonym
        # or a city of a million
        if (
            " " not in surface.strip()
            and key(surface) in common_words()
            and not any(
                c.type == "d" or c.entry.kind in ("country", "cont") or c.entry.pop >= 1_000_000 for c in cs
            )
            and not _AFTER_LOCATIVE.search(text[max(0, s - 25) : s])
            and not _SLOT_BEFORE.search(text[max(0, s - 80) : s])
        ):
            continue
        # "coach Ripley", "Mr Blair ... Blair said": the text uses it as a person's name
        if not _national(cs) and (_after_title(text, s) or (" " not in surface and k in titled)):
            continue
        # "Northeast Georgia": a generic first word of a longer name, as in the matcher
        if key(surface) in _NAME_HEADS and _NEXT_NAME_WORD.match(text, e):
            continue
        # "Elizabeth Fairfield ... Fairfield declined to plead": a surname of the text's people
        if (
            " " not in surface
            and _head_key(surface) in person_words
            and not _national(cs)
            and not (_locative_at(text, s) or _licensed(gaz, text, s, e, cs))
        ):
            continue
        kept.append((s, e))
    return sorted(kept)


# a capitalised word after a name on the same line: the name begins a longer proper name
_NEXT_PROPER_WORD = re.compile(r"[ \t]+[A-Z][a-z]")


def _same_name_again(
    text: str,
    spans: list[tuple[int, int]],
    kept: list[tuple[int, int]],
    attested: list[tuple[int, int]],
    persons: list[tuple[int, int]],
    person_words: set[str],
    titled: frozenset[str],
) -> list[tuple[int, int]]:
    """Other mentions of a name the text already uses as a place: one sense per discourse (Gale,
    Church & Yarowsky 1992) - a text that says "a fire in Millbrook, Alabama" means the town by
    "Millbrook students" too, where the name alone is too small a town to stand and the small NER
    model reads a team or an office. Not a mention the text gives a person's reading: part of a
    longer person's name, after a title, or a word the text uses as someone's surname; nor one that
    starts a longer proper name. The source mention must be one the text itself makes a place (a
    locative, a list it governs, a containment, a kind word), not one kept on size or NER alone."""
    placed = {key(text[s:e]) for s, e in attested}
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if (s, e) in kept or any(a < e and s < b for a, b in kept):
            continue
        k = key(text[s:e])
        if k not in placed or k in person_words or k in titled or _after_title(text, s):
            continue
        if any(ps <= s and e <= pe and (pe - ps) > (e - s) for ps, pe in persons):
            continue
        if _NEXT_PROPER_WORD.match(text, e):
            continue  # it starts a longer proper name ("the Scott West Panthers"): that name's own referent
        out.append((s, e))
    return out


# --- what the text says about a name: licences that make a name a place whatever NER called it ---

# a list item: ", X", " and X", ", and X", " or X"
_LIST_SEP_END = re.compile(r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)$")
_LIST_SEP_START = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+")
_NAME_WORDS = r"[A-Z][\w.'\u2019-]*(?:\s+(?:[A-Z][\w.'\u2019-]*|of|de|al|el)){0,3}"
_NAME_END = re.compile(_NAME_WORDS + r"$")
_NAME_START = re.compile(_NAME_WORDS)
# "the cities of X, Y and Z": a plural kind word names every item of the list after it
_KINDS_OF = re.compile(
    r"\b(?:cities|towns|villages|counties|communities|municipalities|districts|provinces|states|"
    r"governorates|regions|parishes|townships)\s+of\s+(?:the\s+)?$",
    re.I,
)
# "Jackson and Barrow counties": ... and so does one after the list
_KINDS_AFTER = re.compile(
    r"\s+(?:cities|towns|villages|counties|municipalities|districts|provinces|states|governorates|"
    r"regions|parishes|townships|oblasts|prefectures)\b",
    re.I,
)
LIST_MAX = 12  # items of a coordination followed back or forth


def _list_start(text: str, s: int) -> int:
    """Where the coordination that ends with the name at `s` starts: "in Barrow, Jackson and
    Madison" -> the offset of "Barrow" (s itself when the name is not a list's later item)."""
    pos = s
    for _ in range(LIST_MAX):
        w = text[max(0, pos - 60) : pos]
        sep = _LIST_SEP_END.search(w)
        if not sep:
            break
        name = _NAME_END.search(w[: sep.start()])
        if not name:
            break
        pos = pos - len(w) + name.start()
    return pos


def _list_end(text: str, e: int) -> int:
    """Where the coordination that starts with the name ending at `e` ends."""
    pos = e
    for _ in range(LIST_MAX):
        sep = _LIST_SEP_START.match(text, pos)
        if not sep:
            break
        name = _NAME_START.match(text, sep.end())
        if not name:
            break
        pos = name.end()
    return pos


def _locative_at(text: str, s: int) -> bool:
    """The name at `s` follows a locative preposition, itself or as a later item of a coordination
    the preposition governs ("in Hamilton and Middletown": both)."""
    if _AFTER_LOCATIVE.search(text[max(0, s - 25) : s]):
        return True
    a = _list_start(text, s)
    return a < s and bool(_AFTER_LOCATIVE.search(text[max(0, a - 25) : a]))


def _kind_named(text: str, s: int, e: int) -> bool:
    """A plural kind word names the list the name is in: "the towns of Bantam and Litchfield",
    "Harvey, Harper and Kingman counties"."""
    a = _list_start(text, s)
    return bool(
        _KINDS_OF.search(text[max(0, a - 40) : a])
        or _KINDS_AFTER.match(text, _list_end(text, e))
        or _county_in_full(text, s, e)
    )


_COUNTY_WORD = re.compile(r"[ \t]+(?:County|Parish)\b")


def _county_in_full(text: str, s: int, e: int) -> bool:
    """The text names the county in full elsewhere ("the Clarke County Board of Education ... While
    Clarke and Oconee update their policies"): the bare word is that county's name shortened, as a
    later mention of a name is its reduced form (one sense per discourse, Gale, Church & Yarowsky
    1992). Not the full name itself, nor the first word of another name ("the Scott West Panthers")."""
    word = text[s:e]
    if " " in word or _COUNTY_WORD.match(text, e) or _NEXT_PROPER_WORD.match(text, e):
        return False
    return word in _counties_in_full(text)


_WORD_BEFORE_COUNTY = re.compile(r"\b(\w[\w'\u2019.-]*)(?=[ \t]+(?:County|Parish)\b)")


@functools.lru_cache(maxsize=8)
def _counties_in_full(text: str) -> frozenset[str]:
    """The words the text writes right before "County" or "Parish" (one pass per text: the matcher
    asks this of every name it looks at)."""
    return frozenset(m.group(1) for m in _WORD_BEFORE_COUNTY.finditer(text))


@functools.lru_cache(maxsize=1)
def _locative_heads() -> re.Pattern[str]:
    """The head nouns of data/geo/context/locative_heads.txt, as a pattern for the words after a name."""
    words = [w.lower() for w in _data_lines("context/locative_heads.txt")]
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\s+(?:{alt})s?\b", re.I)


def _premodifies(text: str, e: int) -> bool:
    """The name premodifies a local institution or a resident noun: "Laconia police", "the Rock
    Hill school district", "a Goose Creek man" (a locative noun-noun compound)."""
    return bool(_locative_heads().match(text, e))


@functools.lru_cache(maxsize=1)
def _street_suffixes() -> re.Pattern[str]:
    """Capitalised street suffixes after a name (data/geo/context/street_suffixes.txt)."""
    words = _data_lines("context/street_suffixes.txt")
    alt = "|".join(f"{w[:1].upper()}(?i:{re.escape(w[1:])})" for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"[ \t]+(?:{alt})\b\.?(?![\w-])")


def _street_named(text: str, e: int) -> bool:
    return bool(_street_suffixes().match(text, e))


_DIVISION_END = re.compile(r"\b(?:County|Parish|Township|State|Province|District|Borough)$", re.I)

# A news dateline: the place the report was filed from opens the story in capitals, before a dash
# or the agency's name ("CROMWELL — The third...", "CHATTANOOGA (AP) — ...", "ROSWELL - A man...")
_DATELINE_BEFORE = re.compile(r"(?:^|[.!?]\s+|\n\s*)$")
_DATELINE_AFTER = re.compile(
    r"(?:,\s*[A-Z][A-Za-z.]{1,12})?\s*(?:\([A-Z][A-Za-z]{1,12}\)\s*)?(?:\u2014|\u2013|--|\s-)"
)


def _dateline(text: str, s: int, e: int) -> bool:
    surface = text[s:e]
    return (
        len(surface) > 2
        and surface.isupper()
        and bool(_DATELINE_BEFORE.search(text[max(0, s - 3) : s]))
        and bool(_DATELINE_AFTER.match(text, e))
    )


@functools.lru_cache(maxsize=1)
def _title_pattern() -> re.Pattern[str]:
    """A personal title or kinship noun right before a capitalised word (data/geo/context/person_titles.txt):
    "Mr Brown", "Sen. Casey", "coach Ripley", "his son Adrian". Group 1 is the name's first word."""
    from eventdesk.geo.build import data_dir

    cap: list[str] = []
    anycase: list[str] = []
    into = cap
    for line in (data_dir() / "context" / "person_titles.txt").read_text(encoding="utf-8").splitlines():
        w = line.strip()
        if not w or w.startswith("#"):
            continue
        if w.startswith("["):
            into = anycase if w == "[any case]" else cap
            continue
        into.append(w)

    def esc(w: str) -> str:
        return re.escape(w).replace(r"\ ", r"\s+")

    # a capitalised title: first letter upper case, the rest in any case ("Mr", "MR", "Prime Minister");
    # only an abbreviation (up to 4 letters: "Sen.", "Capt.") takes a full stop: after "Judge." a
    # sentence ends
    def caps(ws: list[str]) -> str:
        return "|".join(f"{w[:1].upper()}(?i:{esc(w[1:])})" for w in sorted(ws, key=len, reverse=True))

    short = caps([w for w in cap if len(w) <= 4 or "." in w])
    long = caps([w for w in cap if not (len(w) <= 4 or "." in w)])
    lower = "|".join(f"(?i:{esc(w)})" for w in sorted(anycase, key=len, reverse=True))
    name = r"\s+([A-Z][\w'\u2019-]*)"
    return re.compile(rf"\b(?:(?:{short})\.?|{long}|{lower}){name}")


def _after_title(text: str, s: int) -> bool:
    """A personal title or kinship noun stands right before the name at `s`."""
    return any(m.start(1) == s for m in _title_pattern().finditer(text, max(0, s - 30), s + 1))


def titled_names(text: str) -> frozenset[str]:
    """Keys of the words written after a personal title anywhere in the text ("Mr Blair" -> "blair"):
    the text itself uses them as people's names; and the words of a vehicle's make and model ("a red
    Dodge Durango" -> "dodge", "durango"): the text uses them as a vehicle's name."""
    return frozenset(key(m.group(1)) for m in _title_pattern().finditer(text)) | vehicle_names(text)


@functools.lru_cache(maxsize=1)
def _vehicle_pattern() -> re.Pattern[str]:
    """An article or model year, a make (data/geo/context/vehicle_makes.txt), then the model's
    capitalised words: "a red Dodge Durango", "A 1992 Toyota Corolla". Group 1 make, group 2 model."""
    makes = "|".join(
        re.escape(w) for w in sorted(_data_lines("context/vehicle_makes.txt"), key=len, reverse=True)
    )
    return re.compile(
        r"(?:\b(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[a-z]+\s+)?(?:(?:19|20)\d\d\s+)?|\b(?:19|20)\d\d\s+)"
        r"(" + makes + r")\s+([A-Z][\w-]*(?:\s+[A-Z][a-z][\w-]*)?)"
    )


def vehicle_names(text: str) -> frozenset[str]:
    """Keys of the make, the model and each model word of the vehicles the text names."""
    out: set[str] = set()
    for m in _vehicle_pattern().finditer(text):
        model = m.group(2)
        out |= {key(m.group(1)), key(model)} | {key(w) for w in model.split()}
    return frozenset(out)


def _national(cs: Any) -> bool:
    """A demonym or a country: after a title it qualifies the title ("the deputy Russian foreign
    minister"), it is no person's name."""
    return any(c.type == "d" or c.entry.kind in ("country", "cont") for c in cs)


def _licensed(gaz: Gazetteer, text: str, s: int, e: int, cs: Any) -> bool:
    """The text says the name is a place: a dateline, a locative premodifier, a plural kind word
    over its list, "X-based", or a written containment ("Sioux Falls, S.D.")."""
    if _dateline(text, s, e) or _premodifies(text, e) or _kind_named(text, s, e):
        return True
    if text.startswith("-based", e):
        return True
    if not cs:
        return False
    m = Mention(s, e, text[s:e], "", list(cs))
    return any(contains(y, c.entry) for y in _containers_after(gaz, text, m, {}) for c in cs)


def _head_key(surface: str) -> str:
    """The key of a name without a generic word after it: "Brown camp" -> "brown"."""
    t = _TAIL.search(" " + surface)
    return key(surface[: t.start() - 1] if t and t.end() == len(surface) + 1 else surface)


def _ner_overruled(gaz: Gazetteer, surface: str, min_pop: int) -> bool:
    """True when the name is a country or a province under its own name or alias (or, with min_pop,
    a place of that many people): then it stays a place whatever label NER gave it."""
    _, cs, _ = candidates(gaz, surface)
    return any(
        c.type in ("p", "a", "u")
        and (c.entry.kind in ("country", "adm1", "cont") or (min_pop and c.entry.pop >= min_pop))
        for c in cs
    )


def parse_mentions(
    text: str,
    config: dict[str, Any] | None,
    res: Resources,
    hint_ccs: Counter | None = None,
    ner_regions: list[tuple[int, int]] | None = None,
    known: tuple[list[tuple[int, int]], list[tuple[int, int, str]]] | None = None,
    span_filter: Callable[[str, list[tuple[int, int]]], list[tuple[int, int]]] | None = None,
    coherent: bool = False,
) -> tuple[Gazetteer, list[Mention]]:
    """Place names found in `text` and resolved together. `span_filter(text, spans)`: the caller's
    last word on which found names are places (location.py drops those inside a party's name).
    `coherent`: also the names of smaller towns that only the other places of the text support
    (detect's `tentative`, kept by `_coherent`)."""
    gaz = res.gazetteer
    tentative: set[tuple[int, int]] | None = set() if coherent else None
    spans = detect(gaz, text, config, res, ner_regions, known, tentative)
    if span_filter is not None:
        spans = span_filter(text, spans)
    ms = resolve_mentions(gaz, text, spans, hint_ccs, found=True)
    if tentative:
        _coherent(ms, tentative)
    return gaz, ms


# a capitalised word right before a name on its line; "X of" right before it
_PREV_CAPITAL = re.compile(r"[A-Z][\w'.-]*[ \t]+$")
_PREV_NAME_OF = re.compile(r"[A-Z][\w'.-]*[ \t]+of[ \t]+$")


def _in_longer_name(text: str, s: int, e: int) -> bool:
    """The name is a word of a longer proper name: a capitalised word follows it on its line ("Butler
    Tech", "Mitchell Bridge Road"), or one that does not open a sentence comes right before it
    ("North Fulton Regional Hospital"), or "X of" does ("Chamber of Commerce"). That name has its own
    referent; a small town's name in it is no evidence of the town."""
    if _NEXT_PROPER_WORD.match(text, e):
        return True
    before = text[max(0, s - 60) : s]
    if _PREV_NAME_OF.search(before):
        return True
    m = _PREV_CAPITAL.search(before)
    if not m:
        return False
    lead = before[: m.start()].rstrip(" \t")
    return bool(lead) and lead[-1] not in '.!?:\n"\u201c(-\u2014'


COHERENT_KM = 161.0  # "near" as the geoparsing literature scores it (Leidner 2008: 100 miles)


def _coherent(ms: list[Mention], tentative: set[tuple[int, int]]) -> None:
    """Spatial coherence as evidence of a name (Leidner 2008: the places of a text lie together): a
    small town's name that nothing in the text marks as a place stays a place only where its reading
    lies within COHERENT_KM of, or in the province of, a place the text names on firmer evidence."""
    firm = [
        m.cands[m.best].entry
        for m in ms
        if m.best >= 0
        and (m.start, m.end) not in tentative
        and m.cands[m.best].type != "d"
        and m.cands[m.best].entry.kind not in ("country", "cont")
    ]
    for m in ms:
        if m.best < 0 or (m.start, m.end) not in tentative:
            continue
        e = m.cands[m.best].entry
        if not any(
            (f.kind == "adm1" and e.adm1 == f.id)
            or (e.adm1 is not None and e.adm1 == f.adm1)
            or km(e.lat, e.lon, f.lat, f.lon) <= COHERENT_KM
            for f in firm
            if f.id != e.id
        ):
            m.best = -1


def parse(text: str, config: dict[str, Any] | None, res: Resources) -> list[Place]:
    """Every place name found in `text`, resolved in the context of the whole text (start/end set),
    with the demonyms among them marked `kind="demonym"` (see `parse_with_demonyms`).
    `res`: the gazetteer and the NER pipeline (eventdesk.resources)."""
    return parse_with_demonyms(text, config, res)[0]


def parse_with_demonyms(
    text: str, config: dict[str, Any] | None, res: Resources
) -> tuple[list[Place], list[Place]]:
    """(places, demonyms) found in `text`, each with its `kind`. A demonym ("Sudanese", "Iranian")
    names a people, not a place (issue 12): it is given as a reference to its country's own entry,
    `kind="demonym"`, never `kind="place"`, so a user tells the two apart; the event stage never
    takes one for an event's site (location.py: a demonym names a party). With geo.parse_demonyms on
    (the default) demonyms are listed among the places, in text order, the convention of gold sets
    that annotate adjectival toponyms (LGL, TR-News); off, they come apart in the second list."""
    gaz, ms = parse_mentions(
        text,
        config,
        res,
        span_filter=lambda t, spans: _words_kept(res.gazetteer, t, spans),
        coherent=True,
    )
    together = bool(setting(config, "geo.parse_demonyms"))
    places: list[Place] = []
    demonyms: list[Place] = []
    for m in ms:
        p = to_place(gaz, m, spans=True)
        if p is None:
            continue
        if m.best >= 0 and m.cands[m.best].type == "d":
            p.kind = "demonym"  # a people; it still steered the other names' resolution
            (places if together else demonyms).append(p)
        else:
            p.kind = "place"
            places.append(p)
    return places, demonyms


def _words_kept(gaz: Gazetteer, text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The found names less the one-word names news write mostly in lower case ("Parent Free Zone",
    "Ten years ago") where the text gives them no place context: no locative before them ("in X",
    "southeast of X", a container slot), no "X police"/"X, Kansas"/kind word, no country or demonym
    reading. For `geo parse` only: an event's site comes from place contexts already."""
    out = []
    for s, e in spans:
        surface = text[s:e]
        if _dedication(text, s, e):
            continue  # "St. Mary's High School": the saint's institution, not a town
        if " " not in surface.strip() and key(surface) in lowercase_words():
            _, cs, _ = candidates(gaz, surface)
            if not (
                _national(cs)
                or _locative_at(text, s)
                or _licensed(gaz, text, s, e, cs)
                or _named_as_place(text, e, cs)
                or _SLOT_BEFORE.search(text[max(0, s - 80) : s])
                or _NEAR_BEFORE.search(text[max(0, s - 40) : s])
            ):
                continue
        out.append((s, e))
    return out


_POSS_AFTER = re.compile("['\u2019]s[ \t]+[A-Z]")  # "St. Mary's High School", not "St. Paul's mayor"


@functools.lru_cache(maxsize=1)
def _saint_titles() -> frozenset[str]:
    return frozenset(w.lower() for w in _data_lines("context/dedications.txt"))


def _dedication(text: str, s: int, e: int) -> bool:
    """A saint's title and name in the genitive before the rest of a proper name, "St. Michael's
    Catholic School" (data/geo/context/dedications.txt): a church, school or hospital dedicated to
    the saint. A city's genitive before a common noun ("St. Paul's mayor") stays."""
    words = text[s:e].split()
    return len(words) > 1 and words[0].lower() in _saint_titles() and bool(_POSS_AFTER.match(text, e))
