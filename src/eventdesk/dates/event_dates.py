"""Event dates: which words of the evidence sentence date the event, read against the reporting date.

The reporting date (the anchor) is the publication date when known, else the latest dated hint
the segmenter found in a caption or dateline (a "FILE PHOTO" caption is dated when the photo was
taken, not when the article was written, so it never anchors). With no anchor, relative words
("on Tuesday") keep their `date_text` and get no date: null, never a guess. Explicit dates
("On 5 January 2022") need no anchor.

Background events (a date clearly before the reporting window: an earlier month or year, more
than a week before the anchor) are marked `modality = "historical"`. A background event with no
date expression takes the year its sentence writes ("the 2016 Berlin attack"), else no date:
never the reporting date. A past-tense event with no date of its own, and none in the sentence
before, goes on in the episode the narrative last dated (the last date before it, when that is a
past day of the reporting window). With no anchor, the latest
date the article itself mentions is a lower bound of its publication date, which is enough to
call "a coup in 2021" background in an article with a photo from September 2024.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime
from functools import cache
from typing import Any

from eventdesk.config import section
from eventdesk.data import lines
from eventdesk.records import Article, Event
from eventdesk.text.dates import Expr, Resolved, find_dates, is_future, is_past, resolve, scan


def _reporting(gap: str) -> re.Pattern[str]:
    """A verb of saying (data/dates/reporting_verbs.txt) followed by `gap` and the end of the text."""
    verbs = "|".join(r"\s+".join(map(re.escape, v.split())) for v in lines("dates/reporting_verbs.txt"))
    return re.compile(rf"\b(?:{verbs}){gap}\s*,?\s*$", re.I)


# Speech verbs: "the army said on Tuesday it killed..." dates the saying, not the killing.
_SPEECH = _reporting(r"(?:\s+\w+){0,3}")
# The same verbs with a date right after them (one word between at most: "told reporters on
# Thursday"): the date is the saying's
_SAYING = _reporting(r"(?:\s+\w+)?")
# How far back (characters) a sentence with no date words looks for one in its paragraph.
INHERIT_CHARS = 400
_SENT_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
_FILE_PHOTO = re.compile(
    r"\b(?:file\s+photo|file\s+picture|archive\s+(?:photo|picture|image)|\(file\))", re.I
)


def parse_date(value: Any) -> date | None:
    """A date from an ISO date/datetime string, an RFC 2822 string, a date or a datetime; else None."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    s = str(value).strip()
    if not s:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", s)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(s).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    days = [v for _, _, v, p in find_dates(s) if p == "day"]
    return date.fromisoformat(days[0]) if days else None


def reporting_date(article: Article) -> tuple[date | None, str | None]:
    """The anchor for relative dates and where it came from ("published" or "hint"), or (None, None)."""
    pub = parse_date(article.published)
    if pub is not None:
        return pub, "published"
    hints = [d for d in (parse_date(h) for h in article.date_hints or []) if d is not None]
    if not hints:
        return None, None
    # A hint that only a file photo's caption gives dates the photo, not the article.
    file_only = set()
    if article.captions:
        dated: dict[date, list[bool]] = {}
        for cap in article.captions:
            is_file = bool(_FILE_PHOTO.search(cap))
            for _, _, v, p in find_dates(cap):
                if p == "day":
                    dated.setdefault(date.fromisoformat(v), []).append(is_file)
        file_only = {d for d, flags in dated.items() if all(flags)}
    good = [d for d in hints if d not in file_only]
    if not good:
        return None, None
    return max(good), "hint"


def lower_bound(article: Article) -> date | None:
    """The latest date the article names as past (captions, hints, body): it was written no earlier."""
    best: date | None = None
    texts = list(article.captions or []) + [article.body or ""]
    for h in article.date_hints or []:
        d = parse_date(h)
        if d and (best is None or d > best):
            best = d
    for text in texts:
        for ex in _scan_cached(text):
            if ex.kind not in ("abs", "month_abs", "year") or is_future(text, ex):
                continue
            r = resolve(ex, None)
            if r is not None and (best is None or r.first > best):
                best = r.first
    return best


def _trigger_offset(event: Event, sent_start: int, sent_len: int, sentence: str) -> int | None:
    """Where the event's trigger word sits in its sentence, if the coder said (Event.extra["trigger"]).

    Accepted: {"start": int, "end": int} or [start, end] (body offsets), an int (body offset), or
    the trigger's text (first occurrence in the sentence).
    """
    t = (getattr(event, "extra", None) or {}).get("trigger")
    if t is None:
        return None
    pos: int | None = None
    if isinstance(t, dict):
        if isinstance(t.get("start"), int):
            pos = t["start"] - sent_start
        elif isinstance(t.get("text"), str):
            t = t["text"]
    elif isinstance(t, (list, tuple)) and t and isinstance(t[0], int):
        pos = t[0] - sent_start
    elif isinstance(t, int) and not isinstance(t, bool):
        pos = t - sent_start
    if pos is None and isinstance(t, str) and t.strip():
        i = sentence.lower().find(t.strip().lower())
        pos = i if i >= 0 else None
    if pos is None or not 0 <= pos <= sent_len:
        return None
    return pos


def choose(
    sentence: str, exprs: list[Expr], trigger: int | None = None, focus: int | None = None
) -> Expr | None:
    """The expression that dates the event of `sentence`.

    With a trigger offset (the event's verb or noun, from the coder): the nearest expression in
    the trigger's clause, else the nearest one (one before the trigger counts a little closer:
    "In February, Iran blocked..."). Without: drop expressions that merely date a speech verb
    ("the army said on Tuesday it killed..."), then take the one nearest `focus` (where the
    event's recipient is named) when there is one, else the first.
    """
    if not exprs:
        return None
    if trigger is not None:
        return _nearest(sentence, exprs, trigger)
    if len(exprs) > 1:
        kept = [e for e in exprs if not _SPEECH.search(sentence[max(0, e.start - 60) : e.start])]
        exprs = kept or exprs
    if len(exprs) > 1 and focus is not None:
        return _nearest(sentence, exprs, focus)
    return exprs[0]


def _nearest(sentence: str, exprs: list[Expr], pos: int) -> Expr:
    bounds = [0] + [m.end() for m in re.finditer(r"[,;:()—–]|\s-\s", sentence)] + [len(sentence)]
    lo = max(b for b in bounds if b <= pos)
    hi = min((b for b in bounds if b > pos), default=len(sentence))

    def dist(e: Expr) -> tuple[int, float]:
        same = 0 if lo <= e.start and e.end <= hi + 1 else 1
        d = pos - e.end if e.end <= pos else (e.start - pos) * 1.2
        return same, max(d, 0)

    return min(exprs, key=dist)


def _focus(ev: Event, sentence: str) -> int | None:
    """Where the event's recipient (else a non-initial actor) is named in the sentence."""
    low = sentence.lower()
    for group in (ev.recipients, ev.actors):
        for a in group:
            t = (a.text or "").strip().lower()
            if len(t) >= 2:
                m = re.search(r"\b" + re.escape(t) + r"\b", low)
                if m and (group is ev.recipients or m.start() > 0):
                    return m.start()
    return None


def _historical(r: Resolved, ref: date, days: int) -> bool:
    """Is period `r` wholly before the reporting window that ends at `ref`?"""
    if r.precision == "year":
        return r.last.year < ref.year
    if r.precision == "month":
        return (r.last.year, r.last.month) < (ref.year, ref.month)
    return r.last < ref - timedelta(days=days)


def resolve_dates(events: list[Event], articles: dict[str, Article], config: dict[str, Any]) -> None:
    """Set date, date_precision, date_text (and historical/hypothetical modality) on each event."""
    opts = section(config, "dates")  # declared in dates/settings.py
    days = int(opts["historical_days"])
    cache: dict[str, tuple[date | None, date | None]] = {}
    for ev in events:
        art = articles.get(ev.article_id)
        if art is None:
            continue
        if art.id not in cache:
            anchor, _ = reporting_date(art)
            cache[art.id] = (anchor, None if anchor else lower_bound(art))
        anchor, bound = cache[art.id]
        date_event(
            ev,
            art,
            anchor,
            bound,
            days,
            bool(opts["inherit_in_paragraph"]),
            bool(opts["future_is_hypothetical"]),
        )


_CACHE: dict[str, list[Expr]] = {}


def _scan_cached(sentence: str) -> list[Expr]:
    """scan() with a small memo: a sentence often carries several events. Callers don't mutate."""
    got = _CACHE.get(sentence)
    if got is None:
        if len(_CACHE) > 4096:
            _CACHE.clear()
        got = _CACHE[sentence] = scan(sentence)
    return got


def _sentence_of(ev: Event, art: Article) -> tuple[str, int]:
    body = art.body or ""
    s, e = ev.evidence.start, ev.evidence.end
    if 0 <= s < e <= len(body):
        return body[s:e], s
    sent = ev.evidence.sentence or ""
    i = body.find(sent) if sent else -1
    return sent, (i if i >= 0 else -1)


_YEAR_WORD = re.compile(r"(?<![\w-])(1[89]\d\d|20\d\d)(?![\w-])")


def _own_year(ev: Event, sentence: str, trigger: int | None, ref: date | None) -> None:
    """A background event's year as its sentence writes it ("the 2016 attack"): the year before
    the reporting one nearest the event word. None when the sentence names no such year."""
    years = [m for m in _YEAR_WORD.finditer(sentence) if ref is None or int(m.group(1)) < ref.year]
    if not years:
        return
    pos = trigger if trigger is not None else 0
    m = min(years, key=lambda m: abs(m.start() - pos))
    ev.date, ev.date_precision, ev.date_text = m.group(1), "year", m.group(1)


@cache
def _word_list(name: str) -> frozenset[str]:
    """A word list of data/dates, lower case."""
    return frozenset(w.lower() for w in lines(f"dates/{name}"))


def _clause_start(sentence: str, pos: int) -> int:
    """Where the clause holding `pos` starts: after the last punctuation mark before it."""
    return max([0] + [m.end() for m in _CLAUSE_MARK.finditer(sentence, 0, pos)])


_CLAUSE_MARK = re.compile(r"[,;:()—–]|\s-\s")


def _narrative_past(ev: Event, sentence: str, trigger: int | None) -> bool:
    """Is the event told in the past tense: a past-tense clause verb (the coder's clause_role
    tag VBD), or a participle after a past auxiliary (data/dates/past_auxiliaries.txt)?"""
    parts = str((ev.extra or {}).get("clause_role") or "").split("|")
    tag = parts[2] if len(parts) > 2 else ""
    if tag == "VBD":
        return True
    if tag != "VBN" or trigger is None:
        return False
    words = sentence[_clause_start(sentence, trigger) : trigger].replace("’", "'").lower().split()[-3:]
    return any(w in _word_list("past_auxiliaries.txt") for w in words)


_QUOTE = re.compile(r"“[^”]*”|\"[^\"]*\"")


def _narrative_date(body: str, start: int, anchor: date, days: int) -> Expr | None:
    """The last date written before `start` (outside quotations), when it tells a past day of the
    reporting window (Webber 1988, "Tense as discourse anaphor": a past tense with no date of its
    own refers back to the reference time the narrative last set). A last date that is background,
    future or after the report sets no such time: None."""
    # A date inside a quotation is the speaker's ("She told me today"), not the narrative's.
    quoted = [(m.start(), m.end()) for m in _QUOTE.finditer(body, 0, start)]
    exprs = [
        e for e in _scan_cached(body[:start]) if not e.since and not any(a <= e.start < b for a, b in quoted)
    ]
    if not exprs:
        return None
    e = exprs[-1]
    if is_future(body, e):
        return None
    r = resolve(e, anchor, False, is_past(body, e))
    if r is None or r.last > anchor or _historical(r, anchor, days):
        return None
    return e


def _deadline(sentence: str, ex: Expr, anchor: date | None, trigger: int | None) -> bool:
    """Is `ex` a deadline in what a speech act says ("demanded that they leave by Friday", "will be
    in place by 15 October, the leaders agreed", "no later than Saturday")? A date after a word of
    data/dates/deadline_words.txt is the end point of a span (Quirk et al. 1985, 9.36-9.40); it
    is the deadline of the act said when it follows the verb that says it (the content comes after
    its verb), when its clause looks forward, or when it falls after the reporting date. Tense
    is not asked: reported speech backshifts it ("threatened to strike if they were not gone by
    30 November", Quirk et al. 1985, 14.31). "By Tuesday the sides had agreed" bounds the act."""
    before = " ".join(sentence[max(0, ex.start - 24) : ex.core_start].lower().split())
    lead = ex.prefix or ""
    words = _word_list("deadline_words.txt")
    if lead not in words and not any(before == w or before.endswith(" " + w) for w in words):
        return False
    if (trigger is not None and ex.start > trigger) or is_future(sentence, ex):
        return True
    r = resolve(ex, anchor, False, False) if anchor is not None else None
    return r is not None and anchor is not None and r.first > anchor


def _dates_saying(sentence: str, ex: Expr, trigger: int) -> bool:
    """Does `ex` date a verb of saying whose content holds the event's trigger? A date right after
    the reporting verb ("said on Thursday", "told reporters on Thursday") is the time of the speech
    event; the event reported is only anchored to it (before it, backshifted: Reichenbach 1947;
    TimeML's reporting events, Pustejovsky et al. 2003), not dated by it. When the trigger is the
    verb of saying itself, or sits between that verb and the date ("said the attack on Tuesday"),
    the date is the event's."""
    verb = _saying_before(sentence, ex)
    if verb is None or verb <= trigger <= ex.end:
        return False
    if trigger > ex.end:
        # what comes after the date is what was said, unless a time clause opens between them
        between = " " + " ".join(sentence[ex.end : trigger].lower().split()) + " "
        return not any(f" {w} " in between for w in _word_list("temporal_subordinators.txt"))
    return True


_RELATIVE = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, lines("dates/relative_pronouns.txt")))) + r")\b", re.I
)


def _in_other_relative(sentence: str, ex: Expr, trigger: int) -> bool:
    """Is `ex` inside a relative clause (from a wh-relative pronoun, data/dates/relative_pronouns.txt,
    to the next clause mark) that does not hold the trigger? Such a clause postmodifies a noun
    (Quirk et al. 1985, 17.9): its time adverbials date its own verb, not the event told around it."""
    start = _clause_start(sentence, ex.start)
    rel = [m for m in _RELATIVE.finditer(sentence, start, ex.start)]
    if not rel:
        return False
    lo = rel[-1].start()
    m = _CLAUSE_MARK.search(sentence, ex.end)
    hi = m.start() if m else len(sentence)
    return not lo <= trigger < hi


def _saying_before(text: str, ex: Expr, lo: int = 0) -> int | None:
    """Where the verb of saying that `ex` follows starts ("said on Thursday", "told reporters on
    Thursday": at most one word between), else None."""
    start = max(lo, ex.start - 60)
    m = _SAYING.search(text[start : ex.start])
    return None if m is None else start + m.start()


def _coordinated(text: str, ex: Expr, pool: list[Expr]) -> Expr | None:
    """The day `ex` is coordinated with ("last Wednesday and Thursday", "on 3 or 4 May"): two day
    words of one kind joined by a coordinator (data/dates/coordinators.txt) name one span."""
    words = _word_list("coordinators.txt")
    for o in pool:
        if o is ex or o.kind != ex.kind:
            continue
        a, b = sorted((ex, o), key=lambda x: x.start)
        if 0 <= b.start - a.end <= 8 and text[a.end : b.start].strip().lower() in words:
            return o
    return None


def date_event(
    ev: Event,
    art: Article,
    anchor: date | None,
    bound: date | None,
    days: int = 7,
    inherit: bool = True,
    future_hypothetical: bool = True,
) -> None:
    """Date one event (see resolve_dates); `bound` is used only when there is no anchor."""
    sentence, sent_start = _sentence_of(ev, art)
    exprs = _scan_cached(sentence)
    trig = _trigger_offset(ev, sent_start, len(sentence), sentence)
    if (ev.event_type or "").lower() in _word_list("speech_act_types.txt"):
        # "the two leaders agreed ... will be in place by 15 October": a demand, agreement or threat
        # is made when it is said; the deadline in what is said dates the act that is due
        exprs = [e for e in exprs if not _deadline(sentence, e, anchor, trig)]
    elif trig is not None:
        # "the ministry said on Thursday that gunmen had attacked", "gunmen attacked the post,
        # officials said on Thursday": the day of the saying is not the day of what is said (a
        # demand or accusation is made by saying it: "said Monday he was concerned" keeps it)
        exprs = [e for e in exprs if not _dates_saying(sentence, e, trig)]
    if trig is not None:
        # "Aksoy, who moved to Britain 22 years ago, was killed": a date inside a relative clause
        # that does not hold the trigger dates that clause's verb
        exprs = [e for e in exprs if not _in_other_relative(sentence, e, trig)]
    ex = choose(sentence, exprs, trig, _focus(ev, sentence) if len(exprs) > 1 and trig is None else None)
    ctx = sentence
    inherited = False
    pool = exprs  # the expressions `ex` came from, in `ctx` offsets
    if ex is None and inherit and sent_start >= 0:
        # The sentence just before, in the same paragraph: "On 5 January, militants attacked X.
        # They also killed two civilians." Further back only for a past-tense event (below): a
        # date two sentences up is as likely about something else.
        body = art.body or ""
        para_start = body.rfind("\n\n", 0, sent_start)
        para_start = 0 if para_start < 0 else para_start + 2
        lo = max(para_start, sent_start - INHERIT_CHARS)
        ends = [m.end() for m in _SENT_END.finditer(body, lo, max(lo, sent_start - 1))]
        if ends:
            lo = ends[-1]  # start of the previous sentence
        elif lo > para_start:  # a very long previous sentence: start on a word, not inside one
            sp = body.find(" ", lo, sent_start)
            lo = sp + 1 if sp >= 0 else sent_start
        ctx = body[:sent_start]
        # a date of a saying there ("the ministry said on Thursday") dates that speech, not this event
        prev = [
            e
            for e in _scan_cached(body[lo:sent_start])
            if not e.since and _saying_before(body[lo:sent_start], e) is None
        ]
        if prev:
            pool = [
                replace(e, start=e.start + lo, end=e.end + lo, core_start=e.core_start + lo) for e in prev
            ]
            ex = pool[-1]
            inherited = True
    if (
        ex is None
        and inherit
        and sent_start > 0
        and anchor is not None
        and ev.modality in ("asserted", "claimed")
        and _narrative_past(ev, sentence, trig)
    ):
        # Further back than the sentence before: a past-tense event goes on in the episode the
        # narrative last dated ("... was hit on Tuesday morning. [...] YPG fighters fought back").
        back = _narrative_date(art.body or "", sent_start, anchor, days)
        if back is not None:
            ex, ctx, inherited, pool = back, (art.body or "")[:sent_start], True, []
    ev.date = ev.date_precision = ev.date_text = None
    if ex is None:
        if ev.modality == "historical":
            # background ("the 2016 Berlin attack"): its own year, never the reporting date
            _own_year(ev, sentence, trig, anchor or bound)
            return
        if anchor is not None:
            ev.date, ev.date_precision = anchor.isoformat(), "day"
        return
    ev.date_text = ex.text.strip()
    future = is_future(ctx, ex)
    r = resolve(ex, anchor, future, not future and is_past(ctx, ex))
    if inherited and (future or (r is not None and anchor is not None and r.first > anchor)):
        # A plan in the sentence before does not date this one: back to the reporting date.
        ev.date_text = None
        if anchor is not None:
            ev.date, ev.date_precision = anchor.isoformat(), "day"
        return
    if r is None:
        return
    other = _coordinated(ctx, ex, pool)
    if other is not None:
        # "a clash last Wednesday and Thursday": one event over both days, whichever of the two
        # words a mention is dated by (a span, as a weekend is: its first day, week precision)
        r2 = resolve(other, anchor, future, not future and is_past(ctx, other))
        if r2 is not None and r.precision == r2.precision == "day" and abs((r2.first - r.first).days) <= 6:
            first, last = min(r.first, r2.first), max(r.last, r2.last)
            r = Resolved(first, last, "week", first.isoformat())
            a, b = sorted((ex, other), key=lambda x: x.start)
            ev.date_text = ctx[a.start : b.end].strip()
    ev.date, ev.date_precision = r.value, r.precision
    ref = anchor or bound
    if ref is None:
        return
    if ev.modality in ("asserted", "claimed") and _historical(r, ref, days):
        ev.modality = "historical"
    elif (
        anchor is not None
        and future_hypothetical
        and not inherited
        and ev.modality == "asserted"
        and r.first > anchor
    ):
        ev.modality = "hypothetical"
