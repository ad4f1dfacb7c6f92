"""Evidence that two event reports, from two articles, are the same real event.

A *report* is one coded event of one article, reduced to what identity needs: type and mode,
modality, date and its precision, place, named participants, casualty figure, and the distinctive
words (proper names, ages) of its mention sentences and of its article's headline. Reports are
stored with the merged event (`extra["merge"]["reports"]`), so a later report is compared with
every article's own account of the event, never with a blend of them: the decision for a pair
depends on the pair alone, which makes merging independent of input order.

`compare(a, b)` is symmetric. Type must agree and neither report may be a non-event (negated or
hypothetical); time, place and casualties that disagree count against; the same place and day
alone never decide (two shootings in one city in one week): some shared content (a name, an age,
the same sentence, the same named actor) must be there too.
"""

from __future__ import annotations

import json
import math
import re
from datetime import date, timedelta
from functools import cache
from typing import Any

from eventdesk.data import data_path, lines, rows
from eventdesk.records import Article, Event, normalise

# the headline and the article's opening: the report's context (who, where) -- most outlets put
# their page furniture (bylines, share buttons, copyright) after it
LEAD_CHARS = 800
# modalities that report no event that happened: never a reason to merge
NON_EVENTS = ("negated", "hypothetical")

_CAP_RUN = re.compile(r"(?:[A-Z][\w'’.-]*[\w])(?:\s+(?:[A-Z][\w'’.-]*[\w]))*")
_AGE = re.compile(r"\b(\d{1,3})[- ]years?[- ]old\b|,\s(\d{1,2}),\s", re.I)
_NUM = re.compile(r"\b(\d[\d,]{2,})\b")
_SENT_START = re.compile(r"(?:^|[.!?]\s+|\n)[\"'“‘(]*$")


@cache
def _countries() -> tuple[dict, ...]:
    """The actor dictionary's countries (data/actors/countries.jsonl), read once."""
    text = data_path("actors/countries.jsonl").read_text(encoding="utf-8")
    return tuple(json.loads(line) for line in text.splitlines() if line.strip())


@cache
def common_capitals() -> frozenset[str]:
    """Capitalised words that identify nothing (data/merge/common_capitals.txt + actor nouns/titles)."""
    words: set[str] = set()
    for name in ("common_capitals.txt", "page_furniture.txt"):
        words.update(w.casefold() for w in lines(f"merge/{name}"))
    # country names and demonyms: the place and the actors' countries are compared on their own,
    # and "Syrian" or "Russia" in two reports of a war says nothing about one event
    for c in _countries():
        for n in c.get("names", []) + c.get("demonyms", []):
            for w in n.casefold().split():
                words.update((w, w + "'s", w + "’s"))
    for name in ("offices.tsv", "sectors.tsv"):
        for row in rows(f"actors/{name}"):
            words.update(w.casefold() for w in row[0].split())
    return frozenset(words)


@cache
def street_suffixes() -> frozenset[str]:
    """Street-type words and their abbreviations (data/geo/context/street_suffixes.txt, from USPS
    Publication 28): "Ave", "St" name no street by themselves, only with the name before them."""
    return frozenset(w.casefold() for w in lines("geo/context/street_suffixes.txt"))


_WEB = re.compile(r"\.(?:com|org|net|gov|edu|co|tv|us|uk|info)\b|^www\.|https?:|@")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_LOWER = re.compile(r"\b[a-z][\w'’-]*")


def names(text: str, context: str | None = None) -> set[str]:
    """Distinctive words of a text: capitalised names (each word and the whole run, common words
    dropped; a run that opens a sentence needs two words), ages and numbers of three digits or more.

    A capitalised word that `context` (the whole article) also writes in lower case is an ordinary
    word capitalised by position ("Shot", "Follow"), not a name."""
    out: set[str] = set()
    common = common_capitals()
    streets = street_suffixes()
    lower = set(_LOWER.findall(context if context is not None else text or ""))
    for m in _CAP_RUN.finditer(text or ""):
        words = [w.strip(".'’").casefold() for w in m.group(0).split()]
        at_start = m.start() == 0 or bool(_SENT_START.search(text[max(0, m.start() - 6) : m.start()]))
        # a web address ("cbsmiami.com") names the outlet, not the event
        kept = [w for w in words if w not in common and len(w) > 1 and not w.isdigit() and not _WEB.search(w)]
        if at_start and len(words) == 1:
            continue
        for w in kept:
            # a street suffix alone ("Ave" of "117th St. near 97th Ave.") names no street
            if w not in lower and w not in streets:
                out.add(w)
        if len(kept) >= 2:
            out.add(" ".join(kept))
    for m in _AGE.finditer(text or ""):
        out.add("age:" + (m.group(1) or m.group(2)))
    for m in _NUM.finditer(text or ""):
        n = m.group(1).replace(",", "")
        if not (len(n) == 4 and n[:2] in ("19", "20")):  # a year says little; dates are compared apart
            out.add("num:" + n)
    return out


def place_words(*place_names: str | None) -> set[str]:
    """The words (and whole names) of a place's names as `names` writes them ("baton", "rouge",
    "baton rouge")."""
    out: set[str] = set()
    for n in place_names:
        words = [w.strip(".'’").casefold() for w in (n or "").replace(",", " ").split()]
        words = [w for w in words if w]
        out.update(words)
        if len(words) >= 2:
            out.add(" ".join(words))
    return out


@cache
def legal_stages() -> dict[str, str]:
    """Word form -> stage of the criminal justice process (data/merge/legal_stages.tsv)."""
    out: dict[str, str] = {}
    for stage, forms in rows("merge/legal_stages.tsv"):
        out.update((f.strip().casefold(), stage.strip()) for f in forms.split("|") if f.strip())
    return out


def legal_stage(ev: Event, article: Article | None) -> str | None:
    """The stage of the justice process the event's own word names ("indicted": indictment,
    "sentenced": sentence), from the coder's trigger span; None when it names none."""
    t = (ev.extra or {}).get("trigger")
    if article is None or not (
        isinstance(t, (list, tuple)) and len(t) == 2 and all(isinstance(x, int) for x in t)
    ):
        return None
    word = article.body[t[0] : t[1]].strip().casefold()
    return legal_stages().get(word)


def _identifies(text: str) -> bool:
    """A participant's words name someone: a proper name, or a description with an age ("a
    14-year-old girl": one person); a numeral, a pronoun or a count ("one", "170,000 people",
    "12 magazines") is no key to one event."""
    return any(not w.startswith("num:") for w in names(text))


def report(ev: Event, article: Article | None = None) -> dict[str, Any]:
    """The compact account of one article's event that merging compares (JSON-ready)."""
    loc = ev.location
    mention_text = " ".join(m.sentence for m in ev.mentions if m.article_id == ev.article_id)
    mention_text = mention_text or ev.evidence.sentence
    body = article.body if article is not None else mention_text
    lead = (article.title + ".\n" + article.body[: int(LEAD_CHARS)]) if article is not None else ""
    # participants that identify: a dictionary id, or a name (not "police", "a gunman", "one")
    ids = sorted(
        {
            a.wikidata or normalise(a.name)
            for a in ev.actors + ev.recipients
            if a.wikidata or _identifies(a.text)
        }
    )
    return {
        "id": ev.id,
        "article_id": ev.article_id,
        "type": ev.event_type,
        "mode": ev.mode,
        "modality": ev.modality,
        "date": ev.date,
        "date_precision": ev.date_precision,
        # the date comes from the text's own words ("five years ago", "on June 3"), not the
        # publication date
        "dated_by_text": bool(ev.date and ev.date_text),
        "stage": legal_stage(ev, article),
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "country": loc.country if loc else None,
        "admin1": loc.admin1 if loc else None,
        "geonameid": loc.geonameid if loc else None,
        "precision": loc.precision if loc else None,
        "actors": ids,
        # named people the text gives an office or a body (a spokesman, a minister, a sheriff):
        # public figures who speak in many events
        "public": sorted(
            {
                normalise(a.name)
                for a in ev.actors + ev.recipients
                if a.sector and not a.wikidata and _identifies(a.text)
            }
        ),
        "fatalities": ev.fatalities,
        "words": sorted(names(mention_text, body)),
        "headline": sorted(names(lead, body)),
        "sentence": normalise(ev.evidence.sentence)[:300],
        "published": article.published[:10] if article is not None and article.published else None,
        # years the opening names (datelines, "in 2008"): the time of an undated report
        "years": sorted(set(_YEAR.findall(lead))),
        # the words naming the event's place: place evidence, compared through the coordinates, not
        # participants ("Baton Rouge" in two reports of two shootings there says nothing more)
        "places": sorted(place_words(loc.text, loc.name, loc.admin1) if loc else ()),
        "place_name": normalise(loc.name) if loc else None,
    }


def quality(ev: Event) -> tuple:
    """How well informed a report is (higher first): the merged event takes its fields from the best."""
    loc = ev.location
    return (
        ev.modality == "asserted",
        {"day": 3, "month": 2, "year": 1}.get(ev.date_precision or "", 0),
        0 if loc is None else 4 - min(3, loc.precision or 3),
        len(ev.actors) + len(ev.recipients),
        ev.fatalities is not None,
        ev.mode is not None,
        ev.confidence,
    )


def interval(d: str | None) -> tuple[date, date] | None:
    """First and last day a stored date ("2025", "2025-06", "2025-06-03...") can mean."""
    if not d:
        return None
    try:
        if len(d) >= 10:
            x = date.fromisoformat(d[:10])
            return x, x
        if len(d) == 7:
            first = date.fromisoformat(d + "-01")
            nxt = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
            return first, nxt - timedelta(days=1)
        if len(d) == 4:
            return date(int(d), 1, 1), date(int(d), 12, 31)
    except ValueError:
        return None
    return None


def km(a: dict[str, Any], b: dict[str, Any]) -> float | None:
    if a.get("lat") is None or b.get("lat") is None:
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


@cache
def institution_nouns() -> frozenset[str]:
    """Head nouns of institutions' names (data/merge/institution_nouns.txt)."""
    return frozenset(w.casefold() for w in lines("merge/institution_nouns.txt"))


def _person_names(words: set[str]) -> set[str]:
    """The full names (two words or more) among shared words that name no institution: the same
    participants, which the openings of two reports of one event name."""
    heads = institution_nouns()
    return {w for w in words if " " in w and not heads & set(w.split())}


@cache
def _dictionary_names() -> frozenset[str]:
    """Names of states (countries, their demonyms) and of the dictionary's organisations
    (data/actors: countries.jsonl, groups.tsv, igos.tsv), normalised."""
    out: set[str] = set()
    for c in _countries():
        out.update(normalise(n) for n in c.get("names", []) + c.get("demonyms", []) + [c.get("name", "")])
    for name in ("groups.tsv", "igos.tsv"):
        for cols in rows(f"actors/{name}"):
            out.add(normalise(cols[0]))
            if len(cols) > 1:
                out.update(normalise(x) for x in cols[1].split("|") if x.strip())
    return frozenset(out)


def participant_weight(pid: str) -> float:
    """How much one shared participant says about one event. A state, or an organisation the
    dictionary knows (a party to many events: "Russia", "Islamic State", "United Nations"), is
    weak evidence; the full name of a private person or of a small named group, which few events
    share, is strong (ACLED and GDELT actor coding: a named individual identifies an event, a state
    is a party to thousands). A named office-holder (`report`'s "public") counts at most 0.5 in
    `compare`: a minister or a police spokesman speaks in many events."""
    words = pid.split()
    known = _dictionary_names()
    if pid in known or (words and words[0] in known and len(words) <= 3 and not _person_names({pid})):
        return 0.25  # "russia", "russian federation forces", "islamic state"
    if len(words) >= 2 and _person_names({pid}):
        return 1.5  # "kyle carney": a full name holding no institution's head noun
    return 1.0


def _weight(word: str) -> float:
    """A full name says more than one word of it; an age less than a name."""
    if word.startswith("age:"):
        return 0.75
    return 1.5 if " " in word else 1.0


def compare(a: dict[str, Any], b: dict[str, Any], cfg: dict[str, Any]) -> tuple[float, list[str]]:
    """Score for "same real event" of two reports, and the fields that matched (or disagreed, "-field").

    Symmetric: compare(a, b) == compare(b, a). A score of -inf means "cannot be the same event".
    """
    if a["type"] != b["type"] or a["article_id"] == b["article_id"]:
        return -math.inf, []
    if a["modality"] in NON_EVENTS or b["modality"] in NON_EVENTS:
        return -math.inf, []
    sa, sb = a.get("stage"), b.get("stage")
    if sa and sb and sa != sb:
        # an arrest, an indictment, a conviction, a sentence: separate acts of one case (data/merge/legal_stages.tsv)
        return -math.inf, ["-stage"]
    ia, ib = interval(a["date"]), interval(b["date"])
    gap = max(0, (max(ia[0], ib[0]) - min(ia[1], ib[1])).days) if ia and ib else 0
    if a.get("dated_by_text") and b.get("dated_by_text") and gap > int(cfg["follow_up_days"]):
        # both texts date their act, and the dates are over a month apart: two events (ACLED
        # codes one event per day and place; a background act is not the news of the day)
        return -math.inf, ["-date"]
    score = 0.0
    why: list[str] = ["type"]
    content = 0.0  # evidence beyond type, time and place
    if a["sentence"] and a["sentence"] == b["sentence"]:
        score += 3.0
        content += 3.0
        why.append("sentence")
    # distinctive words of the mentions, then of the headlines; the words naming either report's
    # place are place evidence (the coordinates below), not content
    places = set(a.get("places") or ()) | set(b.get("places") or ())
    shared = set(a["words"]) & set(b["words"]) - places
    if shared:
        w = min(4.0, sum(_weight(s) for s in shared))
        score += w
        content += w
        why.append("words:" + ",".join(sorted(shared)[:6]))
    head = (set(a["headline"]) | set(a["words"])) & (set(b["headline"]) | set(b["words"])) - shared - places
    if head:
        w = min(3.0, 0.5 * sum(_weight(s) for s in head))
        score += w
        content += w
        why.append("headline:" + ",".join(sorted(head)[:6]))
    actors = set(a["actors"]) & set(b["actors"])
    if actors:
        public = set(a.get("public") or ()) | set(b.get("public") or ())
        w = min(
            2.0,
            sum(min(0.5, participant_weight(x)) if x in public else participant_weight(x) for x in actors),
        )
        score += w
        content += w
        why.append("actors:" + ",".join(sorted(actors)[:4]))
    # time
    if ia and ib:
        both_days = ia[0] == ia[1] and ib[0] == ib[1]
        window = int(cfg["day_window"]) if both_days else int(cfg["wide_window"])
        if gap == 0:
            score += 1.0 if both_days else 0.2
            why.append("date")
        elif gap <= window:
            score += 0.5 if both_days else 0.0
            why.append("date~")
        else:  # a later report may date a follow-up; far apart is strong evidence of two events
            score -= 1.0 if gap <= int(cfg["follow_up_days"]) else 2.5
            why.append("-date")
    # place
    d = km(a, b)
    if d is not None:
        if a["country"] and b["country"] and a["country"] != b["country"]:
            score -= 1.0
            why.append("-country")
        elif d <= float(cfg["near_km"]):
            score += 1.0
            why.append("place")
        elif a["admin1"] and a["admin1"] == b["admin1"]:
            score += 0.3
            why.append("admin1")
        elif d > float(cfg["far_km"]) and (a["precision"] or 3) == 1 and (b["precision"] or 3) == 1:
            if a.get("place_name") and a.get("place_name") == b.get("place_name"):
                # one town name read as two places ("Madison": Wisconsin or Alabama): the
                # gazetteer's choice, not the reports, differs; no evidence either way
                why.append("place?")
            else:
                score -= 1.0
                why.append("-place")
    # mode and casualties
    if a["mode"] and b["mode"]:
        if a["mode"] == b["mode"]:
            score += 0.2
            why.append("mode")
        else:
            score -= 0.5
            why.append("-mode")
    fa, fb = a["fatalities"], b["fatalities"]
    if fa is not None and fb is not None:
        if fa == fb and fa > 0:
            score += 0.5
            why.append("fatalities")
        elif abs(fa - fb) > max(1, 0.5 * max(fa, fb)):
            score -= 0.5
            why.append("-fatalities")
    threshold = float(cfg["threshold"])
    if content < float(cfg["min_content"]):
        return min(score, threshold - 0.01), why  # place and day alone never merge
    if not shared and not actors and "sentence" not in why and any(w.startswith("-") for w in why):
        # Names only the openings share tell the story (one article reports several events of it),
        # not which of its events: they merge two reports only when nothing else disagrees.
        return min(score, threshold - 0.01), why
    if not (ia and ib):
        # Content alone (a date unknown): the same place at another time looks the same, so the
        # mentions themselves must share a name and the bar is higher.
        if not shared and "sentence" not in why and not (head and _person_names(head)):
            return min(score, threshold - 0.01), why
        score -= float(cfg["undated_margin"])
        why.append("undated")
        ya, yb = set(a.get("years") or ()), set(b.get("years") or ())
        if ya and yb and not ya & yb:
            score -= 2.0  # the openings name different years
            why.append("-year")
        elif ya & yb:
            # the openings name the same year: the time is known to the year, as for two reports
            # dated to the year, which pay no margin
            score += float(cfg["undated_margin"])
            why.append("year")
    return round(score, 3), why
