"""Event location: the place of the event's own clause or sentence, else the article's focus place."""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from eventdesk.config import setting
from eventdesk.data import rows
from eventdesk.geo.resolver import Mention, to_place
from eventdesk.geo.signals import (
    body_names,
    country_signals,
    home_country,
    inside_body_names,
    position_weight,
)
from eventdesk.geo.toponyms import parse_mentions
from eventdesk.records import Article, Event, Place

if TYPE_CHECKING:
    from eventdesk.annotate import KnownEntities, Token
    from eventdesk.geo.gazetteer import Gazetteer
    from eventdesk.resources import Resources

# a place introduced by one of these is where something happened ("clashes in Kirkuk")
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|outside|inside|around|into|across|on|from|throughout|within|"
    r"of|outskirts of|east of|west of|north of|south of)\s+(?:the\s+)?(?:city of\s+|town of\s+|"
    r"village of\s+|province of\s+|state of\s+|(?:far\s+)?(?:north|south|east|west|central|"
    r"north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?$",
    re.I,
)
# a part of a country by compass point: "northern Syria", "the far east of Syria", "north-east Syria",
# "the eastern parts of Ukraine" (group 1: "far"; group 2: the point)
_DIRECTION_BEFORE = re.compile(
    r"\b(?:(far|extreme)\s+)?(north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
    r"(?:ern)?(?:\s+(?:part|parts|region|regions|area|areas)\s+of|\s+of)?\s+(?:the\s+)?$",
    re.I,
)


_POSSESSIVE = re.compile(r"^['’]s?\b")
# ACLED-style notes say where an event was placed when the scene itself is not on the map:
# "Kitalima village (coded as Kitchanga)", "location not found, coded to Metema (West Gondar)"
_CODED_TO = re.compile(
    r"\bcoded (?:to|as)\s+(?:the\s+)?(?:(?:zone|district|woreda) capital,?\s+|admin(?:istrative)? "
    r"cent(?:er|re),?\s+)?$",
    re.I,
)
# "IS Sahel militants", "a Niger militia", "Kirkuk police": the name qualifies a party, not a scene
_PARTY_NOUN = re.compile(
    r"^\s+(?:communal\s+|state\s+|regional\s+|local\s+)?(?:militias?|militants?|forces|"
    r"fighters|army|police|rebels|soldiers|troops|gunmen|authorities|government|"
    r"officials|protesters|residents|security|special\s+forces)\b",
    re.I,
)
_PARTY_ADJ = re.compile(
    r"-(?:backed|led|funded|allied|aligned|supported|sponsored|trained|brokered|owned|run|controlled)\b"
)
# a place name modifying one of these nouns names what is talked about, not where: "the Iraq war"
# debated in Westminster, "the Europe question", "Iraq policy" (noun-noun compounds: the first noun
# classifies the head)
_TOPIC_NOUN = re.compile(
    r"\s+(?:war|wars|conflict|policy|policies|inquiry|issue|debate|crisis|dossier|question|vote|"
    r"invasion|occupation|strategy|referendum|treaty|constitution|rebate|budget|file|deal|row|question)\b",
    re.I,
)
_BASED = re.compile(r"-based\b")
# "Syria, where they were rounded up": the relative adverb of place takes the name as a place
# (Quirk et al. 17.12), so the name is a scene, not a party
_WHERE_AFTER = re.compile(r",?\s+where\b", re.I)
# "Mehmet Aksoy, 32, from London, was...", "a man from Luton": where a person comes from describes
# the person (like a demonym: "a Londoner"), not where the event happened
_ORIGIN_BEFORE = re.compile(
    r"(?:,\s*(?:aged\s+)?(?:\d{1,3}\s*,\s*)?|\b(?:man|woman|boy|girl|men|women|boys|girls|teenager|"
    r"person|people|family|families|resident|residents|native|couple|mother|father|son|daughter)\s+)"
    r"(?:originally\s+)?from\s+(?:the\s+)?$",
    re.I,
)
_COUNTRY = ("PCLI", "PCL", "PCLD", "PCLF", "PCLS", "PCLIX", "TERR")


@dataclass
class _Found:
    start: int  # offsets in the body; title mentions have start < 0
    end: int
    place: Place
    demonym: bool
    locative: bool
    possessive: bool = False
    coded: bool = False  # the text says the event was placed here ("coded to X")
    framing: bool = False  # a sea, border or region named to locate another place: "the Red Sea off Hodeidah"
    topic: bool = False  # names what is talked about, not where: "the Iraq war"
    direction: tuple[float, float] | None = None  # "northern Syria": (dlat, dlon) toward that part

    @property
    def actor_like(self) -> bool:
        """Names a party rather than a scene: "the Sudanese army", "Iran's ties", "Iran wanted ..."."""
        if self.demonym or self.possessive:
            return True
        # "north-eastern Syria" names a part of the country's territory, which no party is
        return self.place.feature in _COUNTRY and not self.locative and self.direction is None


def _actor_countries(events: list[Event], gaz_a2: dict[str, str], res: Resources) -> Counter:
    """Home countries of the article's actors (alpha-2), a prior for which country it is about."""
    a2 = {v: k for k, v in gaz_a2.items()}
    groups = res.dictionary.by_name  # built-in actors + code.actor_files
    out: Counter = Counter()
    for ev in events:
        for a in ev.actors + ev.recipients:
            entry = groups.get(a.name)
            # a group active in several countries (JNIM: Mali, Burkina Faso, Niger...) hints at each
            for cc in ([a.country] if a.country else []) + list(getattr(entry, "countries", None) or []):
                if cc in a2:
                    out[a2[cc]] += 1
    return Counter({k: min(v, 2) for k, v in out.items()})  # a hint, not a vote that drowns the text


def _analyse(
    article: Article,
    config: dict[str, Any],
    res: Resources,
    events: list[Event] | None = None,
    entities: KnownEntities | None = None,
) -> tuple[list[_Found], Counter]:
    """Places of title + body, resolved together (the headline gives the body context and back), and
    the countries the article is about (ISO alpha-3 -> weight: its places, parties, demonyms, national
    bodies and actors' home countries). `entities`: the coder's NER of the event sentences, reused
    instead of a second pass."""
    title = article.title or ""
    sep = "\n\n" if title else ""
    text = title + sep + (article.body or "")
    off = len(title) + len(sep)
    hints = _actor_countries(events or [], res.gazetteer.alpha3, res) if events else Counter()
    # the national bodies the article names ("Labour", "the Commons"): the article's country like its places
    weight = float(setting(config, "geo.body_signal_weight"))
    if weight > 0:
        a2 = {v: k for k, v in res.gazetteer.alpha3.items()}
        for cc, w in country_signals(text, body_names(res), len(title)).items():
            if cc in a2:
                hints[a2[cc]] += weight * w
    regions = known = None
    if events:  # NER only where events are told (mostly done already by the coder: see `known`)
        spans = sorted(
            {
                (off + ev.evidence.start, off + ev.evidence.end)
                for ev in events
                if 0 <= ev.evidence.start < ev.evidence.end <= len(article.body)
            }
        )
        regions = ([(0, len(title))] if title else []) + spans
        # the coder's NER of these sentences, in body offsets
        ranges, ents = entities.get(article.id) if entities is not None else ([], [])
        known = ([(a + off, b + off) for a, b in ranges], [(a + off, b + off, lab) for a, b, lab in ents])
        # The rest of the article goes through NER too: the article's focus is read from every
        # sentence, and a surname there ("Blair", "Howard") must not become a town.
        regions = ([(0, len(title))] if title else []) + _cover(
            sorted(set(known[0]) | set(spans)), off, len(text)
        )
    # a name inside a national body's name is part of that name: "Liberal" of "Liberal Democrat
    # leader", "Wales" of "National Assembly for Wales" (the body itself counts for its country above)
    gaz, ms = parse_mentions(text, config, res, hints, regions, known, span_filter=inside_body_names)
    out = []
    weights = Counter({gaz.alpha3[a2]: w for a2, w in hints.items() if a2 in gaz.alpha3})
    for m in ms:
        p = to_place(gaz, m)
        if p is None:
            continue
        demonym = m.cands[m.best].type == "d"
        loc = bool(_LOCATIVE.search(text[max(0, m.start - 40) : m.start]))
        s = m.start - off if m.start >= off else -1 - m.start
        # "US-backed", "Saudi-led": the name qualifies a party; "Sanaa-based attackers": a site
        based = bool(_BASED.match(text, m.end))
        loc = loc or based or bool(_WHERE_AFTER.match(text, m.end))
        # "US forces in Afghanistan", "half of US troops": a country premodifying a party noun names
        # the party even after "of"/"in" (a town keeps its locative reading: "in Kirkuk police raids")
        party_noun = bool(_PARTY_NOUN.match(text[m.end : m.end + 40])) and not based
        poss = (
            bool(_POSSESSIVE.match(text[m.end : m.end + 3]))
            or bool(_PARTY_ADJ.match(text, m.end))
            or (party_noun and (not loc or p.feature in _COUNTRY))
            or bool(_ORIGIN_BEFORE.search(text[max(0, m.start - 40) : m.start]))
        )
        coded = bool(_CODED_TO.search(text[max(0, m.start - 60) : m.start]))
        f = _Found(s, m.end - off if m.start >= off else -1, p, demonym, loc or coded, poss, coded)
        f.topic = bool(_TOPIC_NOUN.match(text, m.end)) and not coded
        if p.feature in _COUNTRY:
            f.direction = _direction(text[max(0, m.start - 40) : m.start])
        # "the Red Sea off Hodeidah", "the border near Rafah": the second name is the site
        g = _FRAMED_BY.match(text, m.end)
        f.framing = bool(g) and any(x.start == g.end() and x is not m and x.best >= 0 for x in ms)
        out.append(f)
        # every mention counts for its country here, parties and demonyms too ("the UK", "British"):
        # which country an article is about is not only where its scenes are
        if p.country and not f.topic:
            weights[p.country] += position_weight(m.start, len(title))
    return out, weights


# a name followed by one of these and another place name frames that place (sea, coast, border,
# region): the event is at the place named after it
_FRAMED_BY = re.compile(
    r"(?:\s+(?:coast|border|frontier|waters|region|area))?(?:,)?\s+(?:off|off the coast of|near|"
    r"close to|opposite|along the border (?:with|near))\s+(?:the\s+)?(?:port (?:city )?of\s+|town of\s+|city of\s+)?"
)


def _cover(ranges: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """`ranges` (sorted) plus the gaps between them, so that together they cover [start, end): the
    ranges NER already saw are reused, the gaps run through it once."""
    out: list[tuple[int, int]] = []
    pos = start
    for a, b in ranges:
        if b <= pos:
            continue
        a = max(a, pos)
        if a > pos:
            out.append((pos, a))
        out.append((a, b))
        pos = b
    if pos < end:
        out.append((pos, end))
    return out


def _key(p: Place) -> tuple:
    return (p.geonameid, p.name, round(p.lat, 3), round(p.lon, 3))


LEDE_CHARS = 400  # news put the scene in the first sentences: names there weigh more


def focus(found: list[_Found]) -> Place | None:
    """The article's main place: most mentioned (headline 2, lede 1.5, elsewhere 1), then most
    specific. When that is a country or province and the article names a scene inside it (a town, a
    district), the scene is the focus: "Manbij" rather than "Syria"."""
    found = [f for f in found if not f.topic]  # "the Iraq war" is no scene
    score: dict[tuple, float] = defaultdict(float)
    first: dict[tuple, Place] = {}
    # scenes before parties: "ties with Lebanon" names a party, "a trip to Beirut" a place
    # a continent is no event's scene (ACLED codes a country at most)
    found = [f for f in found if _on_the_map(f.place)]
    pool = [f for f in found if not f.actor_like and not f.framing]
    pool = pool or [f for f in found if not f.demonym] or found
    for f in pool:
        k = _key(f.place)
        score[k] += 2.0 if f.start < 0 else 1.5 if f.start < LEDE_CHARS else 1.0
        first.setdefault(k, f.place)
    if not score:
        return None
    best = max(score, key=lambda k: (score[k], -first[k].precision))
    top = first[best]
    if top.precision >= 3:
        inner = [k for k in score if first[k].precision < top.precision and _within(first[k], top)]
        if inner:
            return first[max(inner, key=lambda k: (score[k], -first[k].precision))]
    return top


def _on_the_map(p: Place) -> bool:
    """A continent or a region that spans countries ("the Caribbean", "the Middle East") is no event's
    site: ACLED codes every event to one country at most (its codebook's location rules)."""
    return p.feature != "CONT" and bool(p.country)


def _scenes(found: list[_Found]) -> list[_Found]:
    """Names used as scenes: not a party, a topic, a frame or a continent."""
    return [f for f in found if not f.actor_like and not f.topic and not f.framing and _on_the_map(f.place)]


def _scene_within(found: list[_Found], outer: Place) -> Place | None:
    """The article's main scene inside a country or province the event is placed in: the most
    mentioned (weighted as in `focus`), then the most specific. None when the article names none."""
    score: dict[tuple, float] = defaultdict(float)
    first: dict[tuple, Place] = {}
    for f in _scenes(found):
        if f.place.precision < outer.precision and _within(f.place, outer):
            k = _key(f.place)
            score[k] += 2.0 if f.start < 0 else 1.5 if f.start < LEDE_CHARS else 1.0
            first.setdefault(k, f.place)
    if not score:
        return None
    return first[max(score, key=lambda k: (score[k], -first[k].precision))]


SENTENCES_BACK = 2  # how many sentences before the event's a report still tells the same scene in
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+|\n\s*\n")


def _preceding_place(found: list[_Found], body: str, start: int) -> Place | None:
    """The scene of the SENTENCES_BACK sentences before `start` (within its paragraph): the last one
    after a locative word, else the last one named."""
    lo = max(0, start - 1500)
    # the last end is where the event's sentence starts; each earlier one starts one more sentence back
    ends = [m.end() for m in _SENTENCE_END.finditer(body, lo, start)]
    a = ends[-SENTENCES_BACK - 1] if len(ends) > SENTENCES_BACK else lo
    a = max(a, body.rfind("\n\n", 0, start))
    near = [f for f in _scenes(found) if f.start >= 0 and a <= f.start < start]
    if not near:
        return None
    loc = [f for f in near if f.locative]
    return (loc or near)[-1].place


@functools.lru_cache(maxsize=1)
def _anaphoric_nouns() -> tuple[re.Pattern[str], dict[str, str]]:
    """data/geo/context/anaphoric_places.tsv as a pattern for "the/this/that NOUN('s)" and noun -> kind."""
    kinds: dict[str, str] = {}
    for row in rows("geo/context/anaphoric_places.tsv"):
        noun, kind = (list(row) + [""])[:2]
        kinds[noun.strip().lower()] = kind.strip()
    alts = "|".join(re.escape(n) for n in sorted(kinds, key=len, reverse=True))
    return re.compile(rf"\b(?:the|this|that)\s+({alts})\b(?!\s+of\b)", re.I), kinds


_ANTECEDENT_FEATURES = {
    "populated": lambda p: (p.feature or "").startswith("PPL"),
    "division": lambda p: (p.feature or "").startswith("ADM"),
    "any": lambda p: p.feature not in _COUNTRY,
}


def _antecedent(found: list[_Found], body: str, start: int, end: int, main: Place | None) -> Place | None:
    """The place an anaphoric description of the sentence [start, end) refers back to ("the
    enclave's outskirts", "those still in the town"), among the scenes named before the sentence
    that are of the kind its noun names: one named with that noun ("the Kurdish enclave of Afrin",
    "Idlib province"), else the last one of the SENTENCES_BACK sentences before (a capital only
    where it is a place, "in Ankara", not the government that acts), else the article's main
    scene `main` when of that kind. None when the sentence has no such description (one followed
    by "of" names its own place: "the town of Hajin") or nothing fits."""
    pat, kinds = _anaphoric_nouns()
    m = pat.search(body, start, end)
    if m is None:
        return None
    noun = m.group(1).lower()
    fits = _ANTECEDENT_FEATURES.get(kinds.get(noun, ""))
    if fits is None:
        return None
    before = [f for f in _scenes(found) if 0 <= f.start < start and fits(f.place)]
    w = re.escape(noun)
    named = [
        f
        for f in before
        if re.search(rf"\b{w}\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?$", body[max(0, f.start - 40) : f.start], re.I)
        or re.match(rf"\s+{w}\b", body[f.end : f.end + 20], re.I)
    ]
    if named:
        return named[-1].place
    lo = max(0, start - 1500)
    ends = [x.end() for x in _SENTENCE_END.finditer(body, lo, start)]
    a = max(ends[-SENTENCES_BACK - 1] if len(ends) > SENTENCES_BACK else lo, body.rfind("\n\n", 0, start))
    near = [f for f in before if f.start >= a and (f.locative or f.place.feature != "PPLC")]
    if near:
        return near[-1].place
    return main if main is not None and fits(main) else None


def _within(p: Place, outer: Place) -> bool:
    """True when place p lies in the country or province `outer` (as the gazetteer records them)."""
    if outer.feature in _COUNTRY:
        return p.country == outer.country and p.feature not in _COUNTRY
    if outer.feature == "ADM1":
        return p.country == outer.country and p.admin1 == outer.name and p.feature != "ADM1"
    return False


@functools.lru_cache(maxsize=1)
def _attachment_words() -> dict[str, frozenset[str]]:
    """Kinds of dependency label and preposition of data/geo/context/site_attachment.tsv."""
    out: dict[str, frozenset[str]] = {}
    for kind, *words in rows("geo/context/site_attachment.tsv"):
        out[kind] = frozenset(w.strip() for w in words if w.strip())
    return out


def _up(tokens: dict[int, Token], start: int) -> list[Token]:
    """The word at `start` and the words it hangs on, up to its sentence's root."""
    path: list[Token] = []
    tok = tokens.get(start)
    while tok is not None and len(path) < 60:
        path.append(tok)
        if tok.head == tok.start:
            break
        tok = tokens.get(tok.head)
    return path


def _place_root(tokens: dict[int, Token], f: _Found) -> Token | None:
    """The word of a place name that hangs outside the name ("Homs" in "Homs province" hangs on
    "province", which is inside the mention "Homs province"...); None when the name was not parsed."""
    words = [t for a, t in tokens.items() if f.start <= a < f.end]
    for t in words:
        if not (f.start <= t.head < f.end) or t.head == t.start:
            return t
    return None


def _attachment(tokens: dict[int, Token], f: _Found, trigger: int, verbal: bool) -> str | None:
    """How a place of the event's sentence hangs on the event's word (issue #12 point 3):
    "own" - its site: in the event clause's own phrases ("bombed a base in Homs province", "the
    Afrin offensive"), or the place a relative clause holding the event hangs on ("Syria, where he
    fought"); for a verbal act (statement, talks) only a phrase of place on the act or on the verb of
    saying that reports it ("said in a speech in Ankara", "met in Moscow");
    "speaker" - no site: it hangs on a verb of saying that reports a material event ("said in London
    that fighters attacked ..."), is the topic of a verbal act ("warned of a war in Syria") or a
    country classifying a noun ("US journalists");
    "party" - a national capital that acts: the subject of a verb or the agent of a passive
    ("Ankara regards them as...", "armed by Washington") names the government (metonymy, place
    for institution), not a scene;
    "other" - another clause of the sentence; None when the parse does not cover both words."""
    words = _attachment_words()
    clause, locative, relative = words["clause"], words["locative"], words["relative"]
    root = _place_root(tokens, f)
    if root is None or trigger not in tokens:
        return None
    if f.place.feature == "PPLC" and (
        root.dep == "nsubj"
        or (root.dep == "pobj" and root.head in tokens and tokens[root.head].dep == "agent")
    ):
        return "party"
    # the first of coordinated premodifiers carries the relation: "US" of "US and UK citizens"
    first = root
    while first.dep == "conj" and first.head in tokens and first.head != first.start:
        first = tokens[first.head]
    if f.place.feature in _COUNTRY and first.dep in ("compound", "nmod") and first.head > first.start:
        # a country premodifying a noun classifies it ("the US journalists", "Syria policy", "US and
        # UK citizens"): a nationality or topic, like a demonym, not a scene (a town there is one:
        # "the Afrin offensive")
        return "speaker"
    up = _up(tokens, root.start)
    ev_up = _up(tokens, trigger)
    ev_starts = [t.start for t in ev_up]
    meet = next((i for i, t in enumerate(up) if t.start in ev_starts), None)
    if meet is None:
        return None
    below = up[:meet]  # the place's words up to (not with) the word both hang on
    j = ev_starts.index(up[meet].start)  # how far above the event's word they meet
    in_clause = any(t.dep in clause for t in below)
    preps = [t for t in below if t.dep == "prep"]
    # "the resort of Sochi", "the town of Hajin": an appositive "of" right on the name (Quirk et al.
    # 17.46) is part of the place phrase
    if preps and preps[0].lower == "of" and below.index(preps[0]) == 1:
        preps = preps[1:]
    # a phrase of place: every preposition on the way is one of place ("in a speech in Ankara",
    # "the minister in Vancouver", "a trip to Beirut"); "of a war in Syria", "about fighting in Idlib"
    # name a topic
    dest = words["destination"]

    source, withdrawal = words["source"], words["withdrawal"]

    def of_place(t: Token) -> bool:
        head = tokens[t.head].lower if t.head in tokens else ""
        # "a withdrawal from Syria", "pull out of Afghanistan": where the withdrawing troops are
        # (the source of a motion, Quirk et al. 9.19) is the withdrawal's site
        return (
            t.lower in locative
            or (t.lower == "to" and head in dest)
            or (t.lower in source and head in withdrawal)
        )

    located = bool(preps) and all(of_place(t) for t in preps) and not in_clause
    # "visited Kabul": the object of a visit
    located = located or (len(below) == 1 and root.dep == "dobj" and tokens[root.head].lower in dest)
    if j == 0:  # the place hangs in the event word's own phrases
        clauses = [t for t in below if t.dep in clause]
        if (
            verbal
            and len(clauses) == 1
            and clauses[0].dep == "advcl"
            and clauses[0].lower in words["circumstance"]
            and preps
            and all(t.lower in locative for t in preps)
        ):
            return "own"  # "Speaking in Brussels, the minister condemned ...": where the act was done
        if in_clause:  # what was said ("saying it could lead to the partition of Syria") or another event
            return "speaker" if verbal else "other"
        return "own" if not verbal or located else "speaker"
    if meet == 0 and j == 1 and ev_up[0].dep in relative:
        return "own"  # "north-eastern Syria, where they were rounded up"
    # they meet above the event's word: a verb of saying that reports it, or another clause
    if verbal and located:
        return "own"  # where the statement was made or the talks held
    reported = any(t.dep in ("ccomp", "parataxis") for t in ev_up[:j])
    return "speaker" if reported else "other"


def _in_sentence(
    found: list[_Found], start: int, end: int, actor_texts: tuple[str, ...]
) -> tuple[list[_Found], list[_Found]]:
    """The places on the map named in the sentence [start, end) (not topics), and those of them that
    name one of its parties."""
    inside = [
        f
        for f in found
        if f.start >= 0 and start <= f.start and f.end <= end and not f.topic and _on_the_map(f.place)
    ]
    # a name inside the acting party's name ("IS Sahel militants", "Kirkuk police") names the party
    # ...and a capital or country the coder read as the acting party itself ("Tehran deployed
    # fighters", "Ankara has been pounding the border towns") is the government by metonymy, not the site
    party = [f for f in inside if any(f.place.text in t for t in actor_texts)]
    return inside, party


def _sentence_place(
    found: list[_Found],
    start: int,
    end: int,
    fallback: Place | None,
    actor_texts: tuple[str, ...] = (),
    trigger: int | None = None,
    tokens: dict[int, Token] | None = None,
    verbal: bool = False,
    home: frozenset[str] = frozenset(),
    own_only: bool = False,
) -> Place | None:
    """The place of the event's sentence [start, end): with the parse (`tokens`), the one attached to
    the event's word (`trigger`); else the best placed one. `verbal`: the event is a statement or
    talks; `home`: the countries of its acting governments (ISO alpha-3); `own_only`: only a place the
    parse attaches to the event's own phrases, else None (a verbal act's seat comes before what it is
    about)."""
    inside, party = _in_sentence(found, start, end, actor_texts)
    places = [f for f in inside if not f.actor_like and f not in party and not f.framing]
    if places and tokens and trigger is not None and trigger in tokens:
        # the parse says where each place hangs: the event's own site first; never what a verbal act
        # is about, nor where the speaker who reports a material event was
        how = {id(f): _attachment(tokens, f, trigger, verbal) for f in places}
        own = [f for f in places if how[id(f)] == "own"]
        if own_only and not own:
            return None
        places = own or [f for f in places if how[id(f)] not in ("speaker", "party")]
    elif own_only:  # no parse to tell a site from a topic
        return None
    if places:
        # a place the clause puts the event in beats one that only describes an actor; then specificity
        # then specificity, then the place after the event's word, nearest first ("nationals living in
        # Antalya staged a protest in Manavgat": Manavgat)
        t = trigger if trigger is not None else start
        best = min(places, key=lambda f: (not f.locative, f.place.precision, f.start < t, abs(f.start - t)))
        return best.place
    if inside:  # only parties' countries ("the Sudanese army", "Lebanon's speaker"): the focus if there
        return _parties_there(inside, party, fallback, verbal, home)
    return None


def _parties_there(
    inside: list[_Found], party: list[_Found], fallback: Place | None, verbal: bool, home: frozenset[str]
) -> Place | None:
    """The focus place `fallback` when it lies in the country of a party the sentence names, else
    None (parties only, "British citizenship": the focus place, else the parties' country)."""
    ccs = {f.place.country for f in inside if f.actor_like or f in party}
    # a government's statement or talks with a party of the article's country ("the Iranian
    # minister told Lebanese officials") are there; in its own country, at its seat (locate)
    if fallback is not None and fallback.country in ccs and not (verbal and fallback.country in home):
        return fallback
    return None


def locate(
    events: list[Event],
    articles: dict[str, Article],
    config: dict[str, Any],
    res: Resources,
    entities: KnownEntities | None = None,
) -> None:
    """Set `event.location` for each event: the place tied to its evidence sentence (offsets into the
    article body), else the article's focus place. Short texts (title "", body = note) work the same.

    `res`: the gazetteer, actor dictionary and NER pipeline (eventdesk.resources); `entities`: the
    coder's NER of the event sentences (pipeline.extract_events)."""
    cache: dict[str, tuple[list[_Found], Place | None, Place | None, list[tuple[int, Place]], list[int]]] = {}
    ratio = float(setting(config, "geo.home_country_ratio"))
    by_article: dict[str, list[Event]] = defaultdict(list)
    for ev in events:
        by_article[ev.article_id].append(ev)
    for ev in events:
        art = articles.get(ev.article_id)
        if art is None:
            continue
        if art.id not in cache:
            found, weights = _analyse(art, config, res, by_article[art.id], entities)
            if entities is not None:  # for the split by site (geo/sites.py): one reading per name
                entities.add_places(art.id, {(f.start, f.end): f.place for f in found if f.start >= 0})
            main = focus(found)
            # statements and talks with no place of their own are made where the article's parties
            # are: a country that outweighs the main scene's many times, at its own main place, else
            # the country itself ("China" in a Westminster debate is what is debated); fighting and
            # protests keep the scene the article reports
            said = main
            home_cc = home_country(weights, main.country if main else None, ratio)
            if home_cc is not None:
                said = focus([f for f in found if f.place.country == home_cc]) or _country(
                    home_cc, res.gazetteer
                )
            cuts = _sentence_starts(art.body or "")
            occasions = _occasions(by_article[art.id], art, found, entities)
            cache[art.id] = (found, main, said, occasions, cuts)
        found, scene, said, occasions, cuts = cache[art.id]
        start, end = ev.evidence.start, ev.evidence.end
        if not (0 <= start < end <= len(art.body)) and ev.evidence.sentence:
            i = art.body.find(ev.evidence.sentence)
            start, end = (i, i + len(ev.evidence.sentence)) if i >= 0 else (-1, -1)
        actor_texts = tuple(a.text for a in ev.actors if a.text)
        tokens = entities.tokens(art.id) if entities is not None else {}
        verbal = _seat_act(ev)
        main = said if verbal else scene
        home = frozenset(a.country for a in ev.actors if a.country and a.sector in _GOVERNMENT_SECTORS)
        args = (found, start, end, main, actor_texts, _trigger(ev), tokens, verbal, home)
        place = _coded_place(found, start, end)
        if place is None and start >= 0 and verbal:
            # a statement, demand or talks: a place of its own phrases ("said in Ankara", "met in
            # Moscow"), else the site that talks or another statement of its own sentence name for
            # themselves ('"...," he said ahead of a meeting in London': one sentence tells one
            # occasion), else the seat of the body it is made at or by ("a meeting of the UN Security
            # Council"), else the occasion the report puts the statements around it at (the
            # sentences before and after): a site of its own, which the capital is only a default
            # for (issue #12 point 3); then the seat of its government ("Downing Street said"); never
            # first a place it is about
            sentence = art.body[start:end]
            inside, party = _in_sentence(found, start, end, actor_texts)
            place = (
                _sentence_place(*args, own_only=True)
                or _same_occasion(occasions, start)
                or _body_seat(sentence, res.gazetteer, international=True)
                or _parties_there(inside, party, main, verbal, home)
                or _occasion(art.body, occasions, start, cuts)
                or _government_seat(ev, res.gazetteer)
                or _body_seat(sentence, res.gazetteer, international=False)
            )
        if place is None and start >= 0:
            place = _sentence_place(*args)
            if place is None or place is main:
                # "along the enclave's outskirts", "those still in the town": the place the
                # description refers back to, not the article's focus
                place = _antecedent(found, art.body, start, end, main) or place
        if place is None or place.precision >= 3:
            # the other sentences that report the same event may name its site
            for mn in ev.mentions:
                if mn.article_id != art.id or (mn.start, mn.end) == (start, end):
                    continue
                p = _sentence_place(found, mn.start, mn.end, None, actor_texts)
                if p is not None and (place is None or p.precision < place.precision):
                    place = p
                    break
        if place is None and start >= 0:
            # no place in the event's sentence: a government's statement is at its seat; anything
            # else at the scene of the sentences just before it, which the report is still telling
            # ("...behind the frontline at Raqqa. YPG fighters fought back")
            place = _government_seat(ev, res.gazetteer) or _preceding_place(found, art.body, start)
        # "a Kurdish enclave inside Syria" in an article about Afrin: the article's scene, which
        # lies in the country (province) the sentence names, is the more precise answer
        if place is not None and place.precision >= 3:
            place = _scene_within(found, place) or place
        place = place or main
        if place is not None and place.feature in _COUNTRY:
            place = _capital_for_statement(ev, place, res.gazetteer) or place
        place = _country_part(found, place, res.gazetteer) if place is not None else None
        ev.location = _province_point(_copy(place), config, res.gazetteer) or _party_country(
            ev, res.gazetteer
        )


SENTENCES_AROUND = 2  # statements a report gives within this many sentences were made at one occasion


def _occasions(
    events: list[Event], art: Article, found: list[_Found], entities: KnownEntities | None
) -> list[tuple[int, Place]]:
    """(sentence start, site) of the article's statements and talks whose own phrases name their
    site ("he said ahead of a meeting in London", "told reporters in Ankara")."""
    tokens = entities.tokens(art.id) if entities is not None else {}
    out = []
    for ev in events:
        start, end = ev.evidence.start, ev.evidence.end
        if ev.event_type not in _verbal_types() or not (0 <= start < end <= len(art.body)):
            continue
        p = _sentence_place(found, start, end, None, (), _trigger(ev), tokens, True, own_only=True)
        if p is not None and p.precision <= 2:
            out.append((start, p))
    return out


def _same_occasion(occasions: list[tuple[int, Place]], start: int) -> Place | None:
    """The site another statement or talks of the same sentence names for itself ('"...," he said
    ahead of a meeting in London'): the sentence tells one occasion, where its statements were made."""
    here = {_key(p): p for s, p in occasions if s == start}
    return next(iter(here.values())) if len(here) == 1 else None


def _sentence_starts(body: str) -> list[int]:
    return [0] + [m.end() for m in _SENTENCE_END.finditer(body)]


def _occasion(
    body: str, occasions: list[tuple[int, Place]], start: int, cuts: list[int] | None = None
) -> Place | None:
    """A statement whose speaker's government and site the report does not give is where the report
    puts the statements around it (SENTENCES_AROUND sentences either way, within the paragraph): a
    reporter tells one occasion at a time ("Tillerson said he was concerned ... he said ahead of a
    meeting in London"); `cuts`: where the body's sentences start (locate finds them once per article).
    None when there is no such site or they disagree."""
    if cuts is None:
        cuts = _sentence_starts(body)
    lo = max(body.rfind("\n\n", 0, start), 0)
    hi = body.find("\n\n", start)
    hi = len(body) if hi < 0 else hi
    me = bisect.bisect_right(cuts, start)
    near = {
        _key(p): p
        for s, p in occasions
        if lo <= s < hi and s != start and abs(bisect.bisect_right(cuts, s) - me) <= SENTENCES_AROUND
    }
    return next(iter(near.values())) if len(near) == 1 else None


def _direction(before: str) -> tuple[float, float] | None:
    """(dlat, dlon) in units of the country's half extent for a compass phrase before a country name:
    "northern" (0.5, 0), "the far east of" (0, 0.8), "north-east" (0.35, 0.35); None without one."""
    m = _DIRECTION_BEFORE.search(before)
    if not m:
        return None
    w = m.group(2).lower().replace("-", "")
    far = 0.8 if m.group(1) else 0.5
    dlat = far if w.startswith("north") else -far if w.startswith("south") else 0.0
    dlon = far if w.endswith("east") else -far if w.endswith("west") else 0.0
    if dlat and dlon:
        dlat, dlon = dlat * 0.7, dlon * 0.7  # a diagonal goes as far from the centre
    return dlat, dlon


COUNTRY_EXTENT_QUANTILE = 0.02  # a country's extent: the 2nd-98th percentiles of its towns' positions


def _country_part(found: list[_Found], place: Place, gaz: Gazetteer) -> Place:
    """A country named with a compass point ("north-east Syria") is placed in that part of it: the
    centre of its towns' extent moved toward the point by half (far: 0.8) of the half extent, with
    precision 2 (part of a region, ACLED's geo_precision 2). Otherwise the place unchanged."""
    if place.feature not in _COUNTRY:
        return place
    d = next((f.direction for f in found if f.place is place and f.direction), None)
    a2 = {v: k for k, v in gaz.alpha3.items()}.get(place.country or "")
    box = _extent(gaz, a2) if d and a2 else None
    if box is None:
        return place
    lat0, lat1, lon0, lon1 = box
    lat = (lat0 + lat1) / 2 + d[0] * (lat1 - lat0) / 2
    lon = (lon0 + lon1) / 2 + d[1] * (lon1 - lon0) / 2
    return Place(place.text, place.name, lat, lon, place.country, None, place.geonameid, place.feature, 2)


_EXTENTS: dict[tuple[str, str], tuple[float, float, float, float] | None] = {}


def _extent(gaz: Gazetteer, a2: str) -> tuple[float, float, float, float] | None:
    """(lat lo, lat hi, lon lo, lon hi): the COUNTRY_EXTENT_QUANTILE and 1 - that percentiles of the
    positions of the country's towns in the gazetteer (overseas outliers fall outside); cached."""
    k = (str(gaz.path), a2)
    if k not in _EXTENTS:
        rows = (
            gaz._con().execute("SELECT lat, lon FROM places WHERE cc = ? AND kind = 'city'", (a2,)).fetchall()
        )
        if len(rows) < 5:
            _EXTENTS[k] = None
        else:
            lats = sorted(r[0] for r in rows)
            lons = sorted(r[1] for r in rows)
            i, j = int(len(rows) * COUNTRY_EXTENT_QUANTILE), int(len(rows) * (1 - COUNTRY_EXTENT_QUANTILE))
            _EXTENTS[k] = (lats[i], lats[j], lons[i], lons[j])
    return _EXTENTS[k]


def _verbal_types() -> frozenset[str]:
    """PLOVER event types whose quad class is verbal (statements, demands, accusations, talks): the
    acts a government performs where it sits (PLOVER manual, restated in data/ontology/plover.json)."""
    import json
    from importlib import resources

    global _VERBAL
    if _VERBAL is None:
        d = json.loads(
            (resources.files("eventdesk") / "data" / "ontology" / "plover.json").read_text("utf-8")
        )
        _VERBAL = frozenset(t for t, v in d["types"].items() if str(v.get("quad", "")).startswith("verbal"))
    return _VERBAL


_VERBAL: frozenset[str] | None = None
# PLOVER RETREAT "resign": leaving an office is an act of the body whose office it is, done at its seat
# like a statement (the PLOVER manual's mode; ACLED places a government's acts at its seat)
_SEAT_MODES = frozenset({("RETREAT", "resign")})


def _seat_act(ev: Event) -> bool:
    """A statement, demand or talks (verbal PLOVER types), or a resignation: acts done at the
    actor's seat when the report gives them no site of their own."""
    return ev.event_type in _verbal_types() or (ev.event_type, ev.mode) in _SEAT_MODES


# actor sectors that make an act a government's (PLOVER/CAMEO sector codes)
_GOVERNMENT_SECTORS = frozenset(("GOV", "HOS", "LEG", "JUD", "DIP"))


def _capital_for_statement(ev: Event, country: Place, gaz: Gazetteer) -> Place | None:
    """A government's statement or talks with no site of their own are placed at its capital
    (ACLED/PLOVER practice); never fighting, strikes or protests, which happen somewhere in the
    country. Only when an acting party is that country's government."""
    if not _seat_act(ev):
        return None
    govs = [
        a
        for a in ev.actors
        if a.country == country.country
        and (
            a.sector in _GOVERNMENT_SECTORS
            or a.name == country.name
            or (ev.mode == "resign" and not a.sector)
        )
    ]
    if not govs:
        return None
    return _capital(country.country or "", country.text, gaz)


def _government_seat(ev: Event, gaz: Gazetteer) -> Place | None:
    """A government's statement, demand or talks whose report names no place at all: its capital,
    when the acting governments are of one country (the same practice as above)."""
    if not _seat_act(ev):
        return None
    # a resignation's actor is the official who leaves office ("Mattis", with no sector of his own)
    resign = ev.event_type not in _verbal_types()
    ccs = {
        a.country
        for a in ev.actors
        if a.country and (a.sector in _GOVERNMENT_SECTORS or (resign and not a.sector))
    }
    return _capital(ccs.pop(), "", gaz) if len(ccs) == 1 else None


@functools.lru_cache(maxsize=1)
def _seat_names() -> tuple[re.Pattern[str] | None, dict[str, tuple[str, str, bool]]]:
    """Names of data/geo/context/seats.tsv as one pattern, and name -> (country alpha-3, seat city or
    "" for the national capital, only after a locative "at the")."""
    seats: dict[str, tuple[str, str, bool]] = {}
    for row in rows("geo/context/seats.tsv"):
        names, a3, city, use = (list(row) + ["", "", ""])[:4]
        for nm in names.split("|"):
            if nm.strip():
                seats[nm.strip()] = (a3.strip(), city.strip(), use.strip() == "at")
    if not seats:
        return None, seats
    alts = "|".join(re.escape(n) for n in sorted(seats, key=len, reverse=True))
    return re.compile(rf"(?<![\w.-])(?:{alts})(?![\w-])"), seats


_AT_THE = re.compile(r"\b(?:at|in|to)\s+(?:the\s+)?$", re.I)


def _body_seat(sentence: str, gaz: Gazetteer, international: bool) -> Place | None:
    """The seat of the body the sentence names (data/geo/context/seats.tsv): an international body's
    headquarters (`international`), else the capital of a government named by its seat or office;
    None when it names none, or bodies with different seats."""
    pat, named = _seat_names()
    seats = set()
    for m in pat.finditer(sentence) if pat is not None else ():
        a3, city, at_only = named[m.group(0)]
        if bool(city) != international:
            continue
        if at_only and not _AT_THE.search(sentence[max(0, m.start() - 12) : m.start()]):
            continue
        seats.add((a3, city))
    if len(seats) != 1:
        return None
    a3, city = seats.pop()
    return _city(a3, city, gaz) if city else _capital(a3, "", gaz)


def _city(alpha3: str, name: str, gaz: Gazetteer) -> Place | None:
    """The most populous city of that name in the country (ISO alpha-3), precision 1; None when unknown."""
    from eventdesk.geo.normalize import key

    a2 = {v: k for k, v in gaz.alpha3.items()}.get(alpha3)
    cands = [c.entry for c in gaz.lookup(key(name)) if c.entry.cc == a2 and c.entry.kind == "city"]
    if not cands:
        return None
    e = max(cands, key=lambda e: e.pop)
    adm1 = gaz.entry(e.adm1)
    return Place(name, e.name, e.lat, e.lon, alpha3, adm1.name if adm1 else None, e.gid, e.feature, 1)


def _capital(alpha3: str, text: str, gaz: Gazetteer) -> Place | None:
    """The national capital of a country (ISO alpha-3) as a place, precision 1; None when unknown."""
    a2 = {v: k for k, v in gaz.alpha3.items()}.get(alpha3)
    cap = gaz.capital(a2) if a2 else None
    if cap is None:
        return None
    adm1 = gaz.entry(cap.adm1)
    return Place(
        text=text,
        name=cap.name,
        lat=cap.lat,
        lon=cap.lon,
        country=alpha3,
        admin1=adm1.name if adm1 else None,
        geonameid=cap.gid,
        feature=cap.feature,
        precision=1,
    )


def _trigger(ev: Event) -> int | None:
    t = (ev.extra or {}).get("trigger")
    return int(t[0]) if isinstance(t, (list, tuple)) and t else None


def _province_point(p: Place | None, config: dict[str, Any], gaz: Gazetteer) -> Place | None:
    """An event known only to a province or district is put at its seat (geo.province_point = "capital"),
    as ACLED codes it; the place keeps the division's name and precision."""
    if p is None or p.feature not in ("ADM1", "ADM2") or p.geonameid is None:
        return p
    if setting(config, "geo.province_point") != "capital":
        return p
    city = gaz.seat(p.geonameid, p.feature.lower())
    if city is not None:
        p.lat, p.lon = city.lat, city.lon
    return p


def _coded_place(found: list[_Found], start: int, end: int) -> Place | None:
    """The place a "coded to X" remark names: the one in the event's sentence, else the article's
    only one (a short note says it once, often after the event's sentence)."""
    coded = [f for f in found if f.coded and f.start >= 0]
    inside = [f for f in coded if start <= f.start < end]
    if inside:
        return inside[0].place
    if len({_key(f.place) for f in coded}) == 1:
        return coded[0].place
    return None


def _party_country(ev: Event, gaz: Gazetteer) -> Place | None:
    """No place named anywhere: the country the event's parties belong to, at its centre, precision 3
    (ACLED's rule for a country-only location), when they agree on one."""
    ccs = {a.country for a in ev.actors + ev.recipients if a.country}
    return _country(ccs.pop(), gaz) if len(ccs) == 1 else None


def _country(alpha3: str, gaz: Gazetteer) -> Place | None:
    """A country (ISO alpha-3) as a place: its centre, precision 3."""
    a2 = {v: k for k, v in gaz.alpha3.items()}.get(alpha3)
    e = gaz.countries.get(a2 or "")
    if e is None:
        return None
    return Place(
        text="",
        name=e.name,
        lat=e.lat,
        lon=e.lon,
        country=gaz.alpha3.get(e.cc or ""),
        admin1=None,
        geonameid=e.gid,
        feature=e.feature,
        precision=3,
    )


def _copy(p: Place | None) -> Place | None:
    if p is None:
        return None
    return Place(p.text, p.name, p.lat, p.lon, p.country, p.admin1, p.geonameid, p.feature, p.precision)


__all__ = ["Mention", "focus", "locate"]
