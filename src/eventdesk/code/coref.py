"""Within-article event coreference: one record per real event of an article.

A news article names its main event in the lead, then again in later sentences ("the attack",
"the bombing", "Tuesday's strike"). The sentence coder makes one record per mention; this stage
joins the records of one article that report the same event, the way an ACLED or PLOVER coder
does (ACLED codebook: one event = one type, one actor pair, one location, one day):

- same PLOVER type, and compatible participants, place, day and modality (a field that one
  mention leaves unknown is compatible with any value; a different named actor pair, a town
  far away, another explicit day, or "X and Y accused each other" keep records apart). Only a
  name the mention's own sentence words keeps it apart: a description ("other European
  allies", "the sides") or a party read from a pronoun does not;
- and a sign that the later mention refers back: a definite or possessive event noun ("the
  attack", "today's attack"), the same sentence, or the same named actor pair. A cue that a
  new event starts ("another attack", "a second strike", "separately") keeps it apart.

The joined record lists every sentence in `mentions` (text order) and takes each field from
the most informative mention: a named actor over an unnamed one, a town over a country, a date
the text states over the publication date, and the largest death toll the article restates. It
keeps the id, and the place in the article's list, of its first record in that list, so ids
stay stable and a short report's main event stays first.

Runs after place and date are known (pipeline.extract_events).
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta
from functools import cache
from typing import Any

from eventdesk.config import SETTINGS, section
from eventdesk.data import lines
from eventdesk.records import Actor, Article, Event, Evidence, Mention, Place

FACTUAL = {"asserted", "claimed"}
# actors a coder puts in when the text names nobody: never evidence of who the actor is
GENERIC_ACTORS = {"Unidentified armed group", "Protesters"}


def _words(name: str) -> list[str]:
    """A word list from data/coref (first line: its source, '#' lines are comments)."""
    return [w.lower() for w in lines(f"coref/{name}")]


@cache
def _cue_rx(name: str) -> re.Pattern[str]:
    cues = sorted(_words(name), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(c) for c in cues) + r")(?!\w)", re.I)


# ------------------------------------------------------------------------------ compatibility


def _entity(a: Actor) -> bool:
    """A party the text names: a dictionary actor (its sector known) or a proper name; a common
    noun the coder could not place ("sides", "the two leaders") tells nothing. A country alone is
    no sign: actors.fill_countries gives every actor without one the event place's country.
    A proper name has a proper noun as its head, the last word of an English noun phrase ("Hoda
    Muthana", "Syrian Democratic Forces"); a capitalised modifier before a common-noun head
    ("other European allies", "British aid workers") makes a description, not a name."""
    if not a.name or a.name in GENERIC_ACTORS:
        return False
    if a.sector:
        return True
    words = re.findall(r"[\w'’-]+", (a.text or a.name).strip())
    # a capital on a determiner or numeral ("Five unions") comes from the sentence start, not a name
    if words and words[0].lower() in _closed_class():
        words = words[1:]
    head = re.sub(r"['’]s?$", "", words[-1]) if words else ""
    return head[:1].isupper()


@cache
def _closed_class() -> frozenset[str]:
    return frozenset(_words("closed_class_words.txt"))


def _named(actors: list[Actor]) -> list[Actor]:
    return [a for a in actors if _entity(a)]


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", (s or "").strip().lower())


def _same_actor(a: Actor, b: Actor) -> bool:
    na, nb = _norm(a.name), _norm(b.name)
    if not na or not nb:
        return False
    if na == nb:
        return True
    # "Isis" / "Isis fighters", "Trump" / "Donald Trump": one name inside the other, as words
    short, long_ = (na, nb) if len(na) <= len(nb) else (nb, na)
    if len(short) >= 3 and re.search(r"(?<!\w)" + re.escape(short) + r"(?!\w)", long_) is not None:
        return True
    # "the five unions" / "Five public sector unions": the same head noun, and every content word
    # of the shorter inside the longer (Lee et al. 2013, deterministic coreference: strict head
    # match with word inclusion)
    ws, wl = _content_words(short), _content_words(long_)
    return bool(ws) and ws[-1] == wl[-1] and set(ws) <= set(wl)


def _content_words(name: str) -> list[str]:
    return [w for w in re.findall(r"\w+", name) if w not in _closed_class()]


def _definite_np(a: Actor, sentence: str) -> bool:
    """Is the party told with a definite description in its sentence ("the businessman", "these
    men")? The determiner marks the referent as one the reader can identify, in news very often from
    the text before (Prince 1981; Poesio & Vieira 1998), so it is no sign of a new party; a bare
    noun ("critics", "opposition lawmakers") introduces one."""
    t = (a.text or "").strip()
    if not t:
        return False
    i = sentence.lower().find(t.lower())
    if i < 0:
        return False
    before = re.findall(r"[\w'’]+", sentence[:i])
    words = t.lower().split()
    return bool(before and before[-1].lower() in _definite()) or words[0] in _definite()


def _new_party(xs: list[Actor], ys: list[Actor]) -> bool:
    """Does a mention describe a party of its own ("critics", "the police") that none of the
    event's parties so far is? A description with the head noun of one of them ("the five unions")
    or with no content word ("they", "both") refers back to them; an event told without a party
    ("talks will take place") takes the one a later mention names."""
    xs, ys = [x for x in _described(xs) if not _general(x)], _described(ys)
    return bool(ys) and any(not any(_same_actor(x, y) for y in ys) for x in xs)


@cache
def _general_nouns() -> frozenset[str]:
    return frozenset(_words("general_party_nouns.txt"))


def _general(a: Actor) -> bool:
    """A description headed by a general noun ("the sides", "the two leaders") and no name: it
    refers back to parties already named (data/coref/general_party_nouns.txt)."""
    words = _content_words(_norm(a.text or a.name))
    return bool(words) and not _entity(a) and words[-1] in _general_nouns()


def _described(actors: list[Actor]) -> list[Actor]:
    return [a for a in actors if a.name not in GENERIC_ACTORS and _content_words(_norm(a.text or a.name))]


def _overlap(xs: list[Actor], ys: list[Actor]) -> bool:
    return any(_same_actor(x, y) for x in xs for y in ys)


def _own(actors: list[Actor], e: Event) -> list[Actor]:
    """The parties a mention's own sentence words: a word of the party's text or name is in it.
    One read from a pronoun or from the sentences before ("They then opened fire", '"...," he
    said') is the resolver's guess at an antecedent: it does not keep two mentions apart (it
    still links them when it is a party of the event, see _link_strength)."""
    words = set(re.findall(r"\w+", (e.evidence.sentence or "").lower()))
    return [a for a in actors if words & set(_content_words(_norm(a.text)) + _content_words(_norm(a.name)))]


def _of_description(a: Actor) -> bool:
    """Is the party told by a common noun postmodified by an of-phrase ("the leader of the British
    National Party", "a member of parliament")? The head of an English noun phrase comes before its
    postmodifiers (Quirk et al. 1985, 17.2, 17.37), so the phrase describes a person or part of the
    body the of-phrase names, not that body, whatever sector the dictionary read from the name
    inside: like any description it keeps no two mentions apart ("Nick Griffin was arrested"). A
    partitive head ("a number of terrorists", "remnants of Isis"; data/actors/quantity_heads.txt)
    only counts or groups what its of-phrase names: that phrase names the party."""
    from eventdesk.code.actors.words import QUANTITY_HEADS

    words = re.findall(r"[\w'’-]+", a.text or "")
    while words and words[0].lower() in _closed_class():
        words = words[1:]
    return (
        len(words) >= 3
        and words[1].lower() == "of"
        and words[0][:1].islower()
        and words[0].lower() not in QUANTITY_HEADS
    )


def _side_compatible(xs: list[Actor], ys: list[Actor]) -> bool:
    """Two mentions' actors (or recipients) may be the same party: one side unnamed, a shared name,
    or different wordings of one state's forces (same country and sector). A description ("the
    leader of the party", see _of_description) is no name."""
    xs = [x for x in _named(xs) if not _of_description(x)]
    ys = [y for y in _named(ys) if not _of_description(y)]
    if not xs or not ys or _overlap(xs, ys):
        return True
    return any(
        x.country and x.country == y.country and (x.sector or "") == (y.sector or "") for x in xs for y in ys
    )


def _one_party(x: Actor, y: Actor) -> bool:
    return _same_actor(x, y) or bool(
        x.country and x.country == y.country and (x.sector or "") == (y.sector or "")
    )


def _group_compatible(xs: list[Actor], ys: list[Actor]) -> bool:
    """The parties of two mentions of a joint act may be one group: one mention names none, or every
    party one names is among the other's ("Putin and Erdogan agreed" / "Erdogan said the agreement").
    Two meetings of one visitor with different hosts share a party but are two acts."""
    xs, ys = _named(xs), _named(ys)
    if not xs or not ys:
        return True
    return all(any(_one_party(x, y) for y in ys) for x in xs) or all(
        any(_one_party(y, x) for x in xs) for y in ys
    )


def _km(a: Place, b: Place) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _place_compatible(a: Place | None, b: Place | None, max_km: float) -> bool:
    """Two towns far apart are two events. A place known only to its country is often the
    country of a party ("US-backed", "Turkish shelling"), not the scene: it keeps nothing apart."""
    if a is None or b is None:
        return True
    if a.precision <= 2 and b.precision <= 2:
        return _km(a, b) <= max_km
    return True


def _explicit_date(e: Event) -> bool:
    return bool(e.date and e.date_text)


def _period(e: Event) -> tuple[date, date] | None:
    """The days an event's date covers (a day, a week, a month or a year)."""
    v, p = e.date or "", e.date_precision or "day"
    try:
        if p == "year" or len(v) == 4:
            y = int(v[:4])
            return date(y, 1, 1), date(y, 12, 31)
        if p == "month" or len(v) == 7:
            y, m = int(v[:4]), int(v[5:7])
            nxt = date(y + (m == 12), m % 12 + 1, 1)
            return date(y, m, 1), nxt - timedelta(days=1)
        d = date.fromisoformat(v[:10])
    except ValueError:
        return None
    return (d, d + timedelta(days=6)) if p == "week" else (d, d)


# a stated day this close before the reporting day may be the day the report itself is about
NEWS_DAYS = 7


def _date_compatible(a: Event, b: Event) -> bool:
    """Different stated days are different events. A date that only comes from the reporting day
    (no date words) stands for the days just before it; a coarser period holds a finer one."""
    pa, pb = _period(a), _period(b)
    if pa is None or pb is None:
        return True
    if not _explicit_date(a) and not _explicit_date(b):
        return True
    if not _explicit_date(a):
        pa = (pa[0] - timedelta(days=NEWS_DAYS), pa[1])
    if not _explicit_date(b):
        pb = (pb[0] - timedelta(days=NEWS_DAYS), pb[1])
    if _explicit_date(a) and _explicit_date(b):
        # both stated: one period must hold the other ("on 5 May" and "in May")
        return (pa[0] <= pb[0] and pb[1] <= pa[1]) or (pb[0] <= pa[0] and pa[1] <= pb[1])
    return pa[0] <= pb[1] and pb[0] <= pa[1]


def _modality_compatible(a: Event, b: Event) -> bool:
    """Modality is how a mention tells the event, not the event: the lead asserts it, a later
    sentence cites a source, a third puts it in its year (historical) or tells what it will bring
    (hypothetical). A denial ("did not attack") tells of another event than an affirmation unless
    the two share a named party (see _link_strength)."""
    return (a.modality == "negated") == (b.modality == "negated")


def _reciprocal(a: Event, b: Event) -> bool:
    """X -> Y and Y -> X ("accused each other"): two events."""
    an, bn = _named(a.actors), _named(b.actors)
    return bool(
        an
        and bn
        and not _overlap(an, bn)
        and _overlap(an, _named(b.recipients))
        and _overlap(bn, a.recipients)
    )


@cache
def _meansless() -> frozenset[str]:
    return frozenset(_words("meansless_fighting_words.txt"))


def _mode(e: Event) -> str | None:
    """The PLOVER mode a mention tells: none when its trigger names fighting but not its means
    ("the fighting", "clashes"; data/coref/meansless_fighting_words.txt)."""
    t = (e.extra or {}).get("trigger")
    if e.mode and isinstance(t, (list, tuple)) and len(t) == 2 and isinstance(t[0], int):
        off = t[0] - e.evidence.start
        sentence = e.evidence.sentence or ""
        if 0 <= off < len(sentence):
            words = sentence[off : off + t[1] - t[0]].lower().split()
            if words and words[-1] in _meansless():
                return None
    return e.mode


@cache
def _joint_types() -> frozenset[str]:
    return frozenset(w.upper() for w in _words("joint_types.txt"))


def _parties_compatible(a: Event, b: Event) -> bool:
    """Actors with actors, recipients with recipients; but a joint act ("Putin and Erdogan agreed",
    "the two leaders met") has its parties on one side (PLOVER manual, reciprocal events: all the
    entities are the actor), and a coder splits them into actor and recipient by word order, so
    "agreed by Putin and his counterpart Erdogan" and "Erdogan said the agreement" share a party
    (data/coref/joint_types.txt)."""
    if a.event_type in _joint_types():
        return _group_compatible(_own(a.actors + a.recipients, a), _own(b.actors + b.recipients, b))
    return _side_compatible(_own(a.actors, a), _own(b.actors, b)) and _side_compatible(
        _own(a.recipients, a), _own(b.recipients, b)
    )


def compatible(
    a: Event, b: Event, max_km: float = SETTINGS["code.coref.max_km"].default, polarity: bool = True
) -> bool:
    """May records `a` and `b` of one article report the same event? `polarity=False`: a denial
    and an affirmation may too (the caller asks for a stronger link)."""
    return (
        a.event_type == b.event_type
        # PLOVER modes are kinds of the event ("visit", "air strike"): two known modes differ
        and (not _mode(a) or not _mode(b) or _mode(a) == _mode(b))
        and (not polarity or _modality_compatible(a, b))
        and not _reciprocal(a, b)
        and _parties_compatible(a, b)
        and _place_compatible(a.location, b.location, max_km)
        and _date_compatible(a, b)
    )


# ------------------------------------------------------------------------------ linking


def _trigger_start(e: Event) -> int | None:
    t = (e.extra or {}).get("trigger")
    if isinstance(t, (list, tuple)) and t and isinstance(t[0], int):
        return t[0]
    return None


def _new_event_cue(e: Event, body: str) -> bool:
    """'another attack', 'a second strike', 'in a separate incident': the mention starts a new event
    (data/coref/new_event_cues.txt). An additive adverb ('The group also attacked a checkpoint';
    data/coref/additive_cues.txt) makes the act its clause tells a further one, but not a definite
    or possessive event noun ("today's attack", "the bombing"), which refers back to an event
    already told whatever else its clause adds ("There have also been signs ..., as typified by
    today's attack")."""
    t = _trigger_start(e)
    start = e.evidence.start
    if t is None or not start <= t <= len(body):
        before = e.evidence.sentence
    else:
        before = body[start:t]
    if _cue_rx("new_event_cues.txt").search(before) is not None:
        return True
    return not _refers_back(e) and _cue_rx("additive_cues.txt").search(before) is not None


@cache
def _definite() -> frozenset[str]:
    return frozenset(_words("definite_determiners.txt"))


def anaphoric(tok: Any) -> bool:
    """Is the trigger token (spaCy) a definite event noun: "the attack", "this bombing", "its
    offensive", "Tuesday's strike"? Such a noun refers back to an event already told. A name's
    possessive ("Araqchi's trip") introduces an event as often as it repeats one: not counted."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    from eventdesk.code.actors.words import word_list

    for c in tok.children:
        if c.dep_ == "det" and c.lower_ in _definite():
            return True
        if c.dep_ == "poss" and (c.pos_ == "PRON" or c.lower_ in word_list("temporal_nouns.txt")):
            return True
    return False


def _refers_back(e: Event) -> bool:
    """Set by the sentence coder: the trigger is a definite or possessive event noun."""
    return bool((e.extra or {}).get("anaphoric"))


def lead_end(events: list[Event], body: str) -> int:
    """End offset of the article's lead: the first paragraph that reports any event. News writing
    puts the main event in the lead and elaborates it below (the inverted pyramid)."""
    if not events:
        return -1
    first = min(e.evidence.start for e in events)
    end = body.find("\n\n", first)
    return len(body) if end < 0 else end


def _link_strength(c: list[Event], e: Event, body: str, max_km: float, lead: int = -1) -> int:
    """0: no link; else how strongly `e` joins cluster `c` (higher is stronger). A mention that
    denies what the others affirm ("was not fighting but ... was hit by a surprise attack") joins
    them only through its own sentence or a named party they share: factuality belongs to a
    mention and its source, not to the event (Sauri & Pustejovsky 2009, FactBank), so a denial
    with the event's parties, place and day is one more mention of it, not another event."""
    if not all(compatible(x, e, max_km, polarity=False) for x in c):
        return 0
    # an event any mention affirms is affirmed; a denial of it, or an affirmation of one only denied
    # so far, must share a sentence or a named party with it
    denied = all(x.modality == "negated" for x in c)
    if denied != (e.modality == "negated") and not _shares_party(c, e):
        return 0
    return _link(c, e, body, lead)


def _shares_party(c: list[Event], e: Event) -> bool:
    """Does `e` come from a sentence of the cluster, or name a party (actor or recipient) one of its
    mentions names?"""
    if any(x.evidence.start == e.evidence.start for x in c):
        return True
    mine = _named(e.actors) + _named(e.recipients)
    return any(_overlap(mine, _named(x.actors) + _named(x.recipients)) for x in c)


def _link(c: list[Event], e: Event, body: str, lead: int) -> int:
    """How strongly compatible `e` joins cluster `c` (0: not at all)."""
    same_sentence = any(x.evidence.start == e.evidence.start for x in c)
    if same_sentence:
        return 4
    if _new_event_cue(e, body):
        return 0
    named_e = _named(e.actors)
    if named_e and any(_overlap(named_e, _named(x.actors)) and x.mode == e.mode for x in c):
        # the same named actor, same type, same place and day: ACLED's one event
        rec_e = _named(e.recipients)
        if not rec_e or any(not _named(x.recipients) or _overlap(rec_e, _named(x.recipients)) for x in c):
            return 3
    # the same named party, once as actor and once as recipient ("Mattis's resignation", "the
    # resignation of Mattis"), with nothing else apart: one event
    if named_e or _named(e.recipients):
        mine = named_e + _named(e.recipients)
        if any(_overlap(mine, _named(x.actors) + _named(x.recipients)) and x.mode == e.mode for x in c):
            return 2
    # "the attack" most often means the article's main event, told in its lead (the most salient)
    in_lead = any(x.evidence.start < lead for x in c)
    if _refers_back(e):
        return 1 + in_lead
    # a later mention that names no party of its own elaborates an event of that type told before
    # (the lead's first); nothing in it (party, place, day, mode) tells of another event. A group
    # read from "they"/"it" in an earlier sentence ("They then opened fire") is the resolver's guess
    # by number and recency, not a party the mention names (Cybulska & Vossen 2014: a participant
    # slot filled only by a pronoun is no conflict)
    own_e = _told_actors(e)
    # a definite description with no name ("The businessman voiced concern") refers back to a party
    # already told: no party of its own. Not for a joint act: there the description stands for the
    # group that met or agreed ("the pair had a frank discussion"), which tells one meeting from another
    if e.event_type not in _joint_types():
        own_e = [a for a in own_e if _entity(a) or not _definite_np(a, e.evidence.sentence or "")]
    if not _named(own_e) and not _new_party(own_e, [a for x in c for a in x.actors]):
        return 1 + in_lead
    # the converse: an event told first with no party ("expects the election to be called", "talks
    # will take place", or only a default actor; no named recipient either: "the withdrawal of US
    # troops" names who withdraws) takes the one a later mention names: a participant
    # slot left unfilled is no conflict (Cybulska & Vossen 2014, ECB+ slots), and nothing else (type,
    # mode, place, day, recipients: compatible above) tells of another event
    if not _described([a for x in c for a in x.actors]) and not any(_named(x.recipients) for x in c):
        return 1 + in_lead
    return 0


# ------------------------------------------------------------------------------ the joined record


def _told_actors(e: Event) -> list[Actor]:
    """The mention's actors, but none where the coder read them from "they"/"it" with an antecedent
    in an earlier sentence (Event.extra["pronoun_actor"]): that is the resolver's guess."""
    return [] if (e.extra or {}).get("pronoun_actor") else e.actors


def _actor_info(actors: list[Actor]) -> int:
    """How much a mention's actors tell: none < generic < a common noun < a known party."""
    named = _named(actors)
    if not named:
        return 1 if actors else 0
    best = 0
    for a in named:
        score = 2 + bool(a.sector) + bool(a.country) + bool(a.text and a.text[:1].isupper())
        best = max(best, score)
    return best


def _place_info(e: Event) -> int:
    loc = e.location
    if loc is None:
        return 0
    own = bool(loc.text) and loc.text.lower() in (e.evidence.sentence or "").lower()
    return (4 - min(loc.precision, 3)) * 2 + own


_PRECISION_RANK = {"day": 3, "week": 2, "month": 1, "year": 0}


def _date_info(e: Event) -> int:
    if not e.date:
        return 0
    return 1 + 4 * _explicit_date(e) + _PRECISION_RANK.get(e.date_precision or "", 0)


def _best(c: list[Event], key: Any) -> Event:
    """The member with the highest `key`; ties go to the earliest in the text."""
    return max(c, key=lambda x: (key(x), -x.evidence.start))


# a short report (an ACLED note, a wire brief; as code.assemble reads it) is about its main event:
# the main record's place and toll, read from the whole text, stand
SHORT_REPORT = 1500


def join(c: list[Event], keep: Event, short: bool = False) -> Event:
    """One record for cluster `c`; `keep` gives its id (and place in the article's list)."""
    # a party the text names wins over one guessed from a pronoun ("They then opened fire")
    who = _best(c, lambda x: (not _mention_only(x), _actor_info(_told_actors(x)), _actor_info(x.recipients)))
    whom = _best(c, lambda x: _actor_info(x.recipients))
    where = _best(c, _place_info)
    when = _best(c, _date_info)
    # the evidence sentence first (a reader of one mention reads the most informative), then text order
    mentions: dict[tuple[str, int, int], Mention] = {}
    # the evidence: a full mention (not "its assaults", not a bare "the attack") that tells the event
    # as having happened (asserted or claimed: realnews GUIDE, required events are "reported as having
    # happened"; a plan, a denial or a background aside tells it as something else), telling the most
    evidence = _best(
        c,
        lambda x: (
            not _mention_only(x),
            x.modality in FACTUAL,
            not _refers_back(x),
            _actor_info(_told_actors(x)) + _place_info(x) // 2 + 2 * _explicit_date(x),
        ),
    )
    for x in [evidence] + sorted(c, key=lambda x: x.evidence.start):
        for m in x.mentions:
            mentions.setdefault((m.article_id, m.start, m.end), m)
    fatal = [x.fatalities for x in c if x.fatalities is not None]
    modalities = {x.modality for x in c if not _mention_only(x)}
    out = keep
    out.evidence = Evidence(evidence.evidence.sentence, evidence.evidence.start, evidence.evidence.end)
    # the trigger and its clause role describe the evidence sentence's word, so they travel with it
    # (merge reads the legal stage from the trigger; a reader sees it inside the evidence)
    for k in ("trigger", "clause_role"):
        if k in (evidence.extra or {}):
            out.extra[k] = evidence.extra[k]
    out.actors = list(who.actors)
    out.recipients = list(who.recipients) if _named(who.recipients) else list(whom.recipients)
    if not (short and keep.location is not None):
        out.location = where.location
    out.date, out.date_precision, out.date_text = when.date, when.date_precision, when.date_text
    # a fact stated by the journalist in one mention is asserted, however another mention cites it;
    # a record first told as denied takes the modality of the mention that tells it as having happened
    if "asserted" in modalities:
        out.modality = "asserted"
    elif out.modality == "negated" and evidence.modality in FACTUAL:
        out.modality = evidence.modality
    # one article restating one toll names parts of it ("four Americans" among "as many as 16
    # killed"): its largest figure, as fatalities() reads one text; ACLED's lowest figure is for
    # differing reports of separate sources (merge/)
    if not (short and keep.fatalities is not None):
        out.fatalities = max(fatal) if fatal else None
    if who.acled_event_type and not out.acled_event_type:
        out.acled_event_type, out.acled_sub_event_type = who.acled_event_type, who.acled_sub_event_type
    out.confidence = max(x.confidence for x in c)
    out.mentions = list(mentions.values())
    if len(c) > 1:
        out.extra["coref"] = len(c)
    return out


def _mention_only(e: Event) -> bool:
    return bool((e.extra or {}).get("mention_only"))


def _standalone(e: Event, body: str) -> bool:
    """A bare definite mention that joined nothing is kept only as a background event whose noun
    phrase carries its own date ("the 2016 Berlin attack", "the October 1991 massacre")."""
    t = _trigger_start(e)
    if e.modality != "historical" or not e.date_text or t is None:
        return False
    return e.date_text in body[max(e.evidence.start, t - 30) : t]


def corefer(
    events: list[Event], articles: dict[str, Article], config: dict[str, Any] | None = None
) -> list[Event]:
    """Join the records of each article that report one event; order and ids of the rest kept."""
    opts = section(config, "code.coref")  # declared in code/settings.py
    if not opts["enabled"]:
        return [
            e
            for e in events
            if not _mention_only(e)
            or _standalone(e, articles[e.article_id].body if e.article_id in articles else "")
        ]
    max_km = float(opts["max_km"])
    by_article: dict[str, list[int]] = {}
    for i, e in enumerate(events):
        by_article.setdefault(e.article_id, []).append(i)
    drop: set[int] = set()
    for aid, idx in by_article.items():
        art = articles.get(aid)
        body = art.body if art is not None else ""
        # read the article in text order: a mention refers back to what came before it
        order = sorted(idx, key=lambda i: (events[i].evidence.start, i))
        lead = lead_end([events[i] for i in idx], body)
        clusters: list[list[int]] = []
        bare: list[int] = []
        for i in order:
            e = events[i]
            if _mention_only(e):
                bare.append(i)
                continue
            best, best_s = None, 0
            for ci in range(len(clusters) - 1, -1, -1):  # latest first: ties go to the nearest
                s = _link_strength([events[j] for j in clusters[ci]], e, body, max_km, lead)
                if s > best_s:
                    best, best_s = ci, s
            if best is None:
                clusters.append([i])
            else:
                clusters[best].append(i)
        # bare definite mentions ("the attack began at midnight") join the nearest event before them
        # that they may be, else any such event of the article
        for i in bare:
            e = events[i]
            fits = [
                ci
                for ci, cl in enumerate(clusters)
                if not _new_event_cue(e, body) and all(compatible(events[j], e, max_km) for j in cl)
            ]
            before = [ci for ci in fits if events[clusters[ci][0]].evidence.start <= e.evidence.start]
            # none before it: the first told after it, the article's main event when the mention opens
            # the text ("The recapture of Raqqa ..." in a lead), not the last aside of its type
            pick = before[-1] if before else (fits[0] if fits else None)
            if pick is not None:
                clusters[pick].append(i)
            elif _standalone(e, body):
                clusters.append([i])
            else:
                drop.add(i)
        for cl in clusters:
            regular = [j for j in cl if not _mention_only(events[j])] or cl
            keep = min(regular)  # first in the article's list: its id and place (a main event stays first)
            if len(cl) > 1:
                join([events[j] for j in cl], events[keep], short=len(body) <= SHORT_REPORT)
                drop |= {j for j in cl if j != keep}
            for j in cl:
                events[j].extra.pop("mention_only", None)
    return [e for i, e in enumerate(events) if i not in drop]
