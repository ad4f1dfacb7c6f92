"""Temporal expressions in English news text: find them, then resolve them against an anchor date.

Two steps, kept apart so the scanner never guesses: `scan(text)` finds expressions and says what
they are ("a weekday", "a month without a year", "N years ago"...), `resolve(expr, anchor)` turns
one into a calendar period given the reporting date; `find_dates(text, anchor)` does both for a
whole text, reading each expression's clause for tense (`is_future`, `is_past`). Only stdlib `re`
and `datetime`: dateparser is far too slow for the hot path (thousands of sentences a second) and
guesses too eagerly.

Precision and the value written for it:
  day   "2025-06-03"
  week  "2025-05-26" (a day in that week: the Monday for "last week", the day given for ACLED's
        "Around 9 March 2022 (week of)")
  month "2025-04"
  year  "2024"
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "a couple of": 2,
    "a dozen": 12,
}

# Month names are matched case-sensitively (Title or UPPER case) so that the verb "may" and the
# noun "march" are never read as months.
_FULL = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTH_FULL = "|".join(_FULL + [m.upper() for m in _FULL])
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)\.?"
MONTH = rf"(?P<month>{_MONTH_FULL}|{_MONTH_ABBR})(?![A-Za-z])"
MONTH_FULL_ONLY = rf"(?P<month>{_MONTH_FULL})(?![A-Za-z])"
_WD = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WEEKDAY_FULL = "|".join(_WD + [w.upper() for w in _WD])
_WD_ABBR = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?"
DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
YEAR = r"(?P<year>1[89]\d\d|2[01]\d\d)(?![\d])"


# Words that may stand before an expression and belong to its text ("on Tuesday", "since 2021").
# They are looked up backwards from a match, so every pattern starts on a date word: scanning
# stays fast (no optional case-insensitive prefix to try at every position).
def _words(words: str) -> str:
    return rf"(?i:\b(?:{words}))[\s-]+"


_GEN = _words(
    r"on|in|since|during|from|until|till|by|around|about|circa|approximately|as of|before|after|"
    r"throughout|through|over|between|at|as early as|as late as|of|dated|early on|late on|earlier on|later on"
)
# Early/late/mid modify a month or year: precision stays the month/year.
_PART = _words(
    r"early|late|mid|the end of|the beginning of|the start of|the middle of|the first half of|"
    r"the second half of"
)
_WDP = rf"(?:(?:{WEEKDAY_FULL}|{_WD_ABBR}),?\s+)"
_MONTH_CTX = _words(
    r"in|since|during|from|until|till|by|before|after|through|throughout|between|of|earlier in|later in|"
    r"as early as|as late as|as of"
)
_YEAR_CTX = _words(
    r"in|since|during|from|until|till|by|throughout|before|after|around|between|as early as|"
    r"earlier in|later in|the year|as of"
)
_SEASON = r"(?i:(?:the\s+)?(?:summer|winter|spring|autumn|fall)\s+of)\s+"


def _back(p: str) -> re.Pattern[str]:
    return re.compile(p + "$")


_ABS_BACK = _back(rf"(?:{_GEN})?(?P<wdp>{_WDP})?(?:(?i:the)\s+)?")
_MONTH_YEAR_BACK = _back(rf"(?:{_GEN})?(?:{_PART})?")
_MONTH_BACK = _back(rf"(?:{_MONTH_CTX})?(?:(?i:\b(?:last|this|next))\s+)?(?:{_PART})?")
_YEAR_BACK = _back(rf"(?:{_YEAR_CTX})?(?:{_PART})?(?:{_SEASON})?")
_WEEKDAY_BACK = _back(
    _words(
        r"(?:(?:late|early|earlier|later)\s+)?(?:on|since|until|till|by|from|before|after|last|next|this|"
        r"over|during)|late|early|earlier|later"
    )
)
_REL_DAY_BACK = _back(_words(r"(?:early|late|earlier|later)(?:\s+on)?|since|until|by|from"))
_REL_PERIOD_BACK = _back(
    _words(
        r"(?:(?:since|until|by|during|in|over|at|for|from)\s+)?(?:earlier|later|early|late|mid|the end of|"
        r"the start of|the beginning of|the middle of|at the end of|at the start of|at the beginning of)"
        r"|since|until|by|during|in|over|for|from"
    )
)
_WEEKEND_BACK = _back(_words(r"over|at|during|on"))
_AGO_BACK = _back(
    _words(
        r"about|almost|nearly|some|around|roughly|approximately|more than|over|less than|just over|"
        r"just under|barely|only|exactly|since|until"
    )
)

_NOT_TODAY = re.compile(r"\s+(?:programme|program|show|newspaper)\b")
# Leading words that make a weekday a named occasion, not a date.
_NOT_WEEKDAY = re.compile(r"(?:Good|Black|Ash|Holy|Easter|Palm|Super|Bloody|Cyber|Maundy|Shrove|Orange)\s+$")


@dataclass
class Expr:
    """One temporal expression found in a text."""

    start: int  # span of the whole expression, prepositions included ("on Tuesday")
    end: int
    text: str
    kind: str  # abs | month_abs | numeric | md | month | year | weekday | rel_day | rel_period | ago
    core_start: int = 0  # span of the date words alone ("Tuesday")
    prefix: str = ""  # the preposition, lower case ("since", "on"...)
    fields: dict = field(default_factory=dict)

    @property
    def since(self) -> bool:
        return self.prefix == "since"


def _month_num(s: str) -> int:
    return MONTHS[s.rstrip(".").lower()]


def _num(s: str) -> int | None:
    s = s.lower().strip()
    if s.isdigit():
        return int(s)
    return NUMBERS.get(s)


_RY = r"(?P<ry>,?\s+(?i:last|this|next)\s+year)?(?![A-Za-z])"

# (kind, pattern, look-back for the words before it, look-back required): every pattern starts on
# a date word; what may stand before it ("on", "Tuesday,", "early", "the summer of") is looked up
# backwards from the match, which keeps scanning fast.
_PATTERNS: list[tuple[str, re.Pattern[str], re.Pattern[str], bool]] = [
    # "Tuesday, June 3, 2025", "5 January 2022", "the 5th of January, 2022"
    ("abs_dmy", re.compile(rf"{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR}"), _ABS_BACK, False),
    ("abs_mdy", re.compile(rf"{MONTH}\s+{DAY},?\s+{YEAR}"), _ABS_BACK, False),
    # ISO 8601 (also as the date part of a datetime) and 2025/06/03
    (
        "iso",
        re.compile(
            r"(?<![\d/.-])(?P<year>1[89]\d\d|2[01]\d\d)(?P<sep>[-/])(?P<m>0[1-9]|1[0-2])(?P=sep)"
            r"(?P<d>0[1-9]|[12]\d|3[01])(?![\d/])"
        ),
        _ABS_BACK,
        False,
    ),
    # 5/1/2022, 05.01.2022, 1-5-2022: day-first or month-first, decided in resolve()
    (
        "numeric",
        re.compile(
            r"(?<![\d/.-])(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)(?P<year>1[89]\d\d|2[01]\d\d)"
            r"(?![\d/.-]\d|\d)"
        ),
        _ABS_BACK,
        False,
    ),
    # "May 2021", "early March, 2020"
    ("month_year", re.compile(rf"{MONTH},?\s+(?:of\s+)?{YEAR}"), _MONTH_YEAR_BACK, False),
    # "June 3", "Jan. 5", "5 January", "Tuesday, June 3" (no year)
    # "21 December last year" is a full date
    ("md", re.compile(rf"{MONTH}\s+{DAY}(?!,?\s*\d){_RY}"), _ABS_BACK, False),
    ("md", re.compile(rf"{DAY}\s+(?:of\s+)?{MONTH}(?!,?\s*\d){_RY}"), _ABS_BACK, False),
    # "in April", "since February", "early last March": a month alone needs a word before it
    ("month", re.compile(rf"{MONTH_FULL_ONLY}(?!\s*\d){_RY}"), _MONTH_BACK, True),
    # "in 2021", "since 2019", "early 2020", "the summer of 2021"
    (
        "year",
        re.compile(
            rf"(?<![\d,.$£€-]){YEAR}(?:'s)?"
            r"(?![\d%]|\s*(?:-|–|/)\s*\d|\s+(?i:people|persons|civilians|troops|soldiers|deaths|dead|killed|"
            r"cases|households|families|km|kilometres|kilometers|metres|meters|tons|tonnes|dollars|euros|"
            r"pounds|votes|members|fighters|homes|houses|children|women|men|refugees|migrants)\b)"
        ),
        _YEAR_BACK,
        True,
    ),
    # "Tuesday", "Tuesday's attack", "Sunday night" (with "on", "last", "late on" looked up before)
    (
        "weekday",
        re.compile(
            rf"(?P<wd>{WEEKDAY_FULL})(?:'s|’s)?(?:\s+(?i:morning|afternoon|evening|night))?(?![A-Za-z])"
        ),
        _WEEKDAY_BACK,
        False,
    ),
    # today, yesterday, this morning, last night, tomorrow
    (
        "rel_day",
        re.compile(
            r"(?<![A-Za-z])(?i:(?P<rd>the day before yesterday|the day after tomorrow|today|tonight|this morning|"
            r"this afternoon|this evening|last night|yesterday|tomorrow)(?:\s+(?:morning|afternoon|evening|night))?)"
            r"(?![A-Za-z])"
        ),
        _REL_DAY_BACK,
        False,
    ),
    # this/last/next week, earlier this month, the past week, late last year
    (
        "rel_period",
        re.compile(
            r"(?<![A-Za-z])(?i:(?P<rel>this|last|next|the past|past|the previous|previous|the coming|the current|"
            r"the same)\s+(?P<unit>week|weekend|month|year))(?![A-Za-z])"
        ),
        _REL_PERIOD_BACK,
        False,
    ),
    # over the weekend
    ("weekend", re.compile(r"(?<![A-Za-z])(?i:the\s+weekend)(?![A-Za-z])"), _WEEKEND_BACK, True),
    # two years ago, almost a month ago
    (
        "ago",
        re.compile(
            r"(?<![A-Za-z0-9])(?i:(?P<n>\d{1,3}|a couple of|a dozen|a|an|one|two|three|four|five|six|seven|eight|"
            r"nine|ten|eleven|twelve|fifteen|twenty|thirty)\s+(?P<unit>days?|weeks?|months?|years?|decades?)\s+ago)"
            r"(?![A-Za-z])"
        ),
        _AGO_BACK,
        False,
    ),
]

_WEEK_OF = re.compile(r"\s*\((?i:week of)\)")

# Cheap gates: which words a text has decides which patterns can match at all (most sentences
# have no date, and most dated ones only one kind of date).
_GATES = {
    "digit": re.compile(r"\d"),
    "month": re.compile(rf"{_MONTH_FULL}|{_MONTH_ABBR}"),
    "weekday": re.compile(WEEKDAY_FULL),
    "rel_day": re.compile(
        r"(?i:today|tonight|yesterday|tomorrow|this morning|this afternoon|this evening|last night)"
    ),
    "period": re.compile(r"(?i:week|month|year)"),
    "ago": re.compile(r"(?i:\bago\b)"),
}
_NEEDS = {
    "abs_dmy": ("digit", "month"),
    "abs_mdy": ("digit", "month"),
    "iso": ("digit",),
    "numeric": ("digit",),
    "month_year": ("digit", "month"),
    "md": ("digit", "month"),
    "month": ("month",),
    "year": ("digit",),
    "weekday": ("weekday",),
    "rel_day": ("rel_day",),
    "rel_period": ("period",),
    "weekend": ("period",),
    "ago": ("ago",),
}


def scan(text: str) -> list[Expr]:
    """All temporal expressions in `text`, left to right, never overlapping (longest wins)."""
    if not text:
        return []
    has = {name: gate.search(text) is not None for name, gate in _GATES.items()}
    cands: list[tuple[int, int, str, re.Match[str], str, int]] = []
    for kind, pat, back, required in _PATTERNS:
        if not all(has[n] for n in _NEEDS[kind]):
            continue
        for m in pat.finditer(text):
            if m.end() == m.start():
                continue
            start, prefix, core = m.start(), "", m.start()
            pm = back.search(text, max(0, start - 48), start)
            if pm and pm.start() < start:
                start, prefix = pm.start(), pm.group(0)
                if "wdp" in pm.re.groupindex and pm.start("wdp") >= 0:
                    core = pm.start("wdp")  # "Tuesday, June 3, 2025" is all date words
            elif required and not m.groupdict().get("ry"):
                continue
            cands.append((start, m.end(), kind, m, prefix, core))
    if not cands:
        return []
    # Longest first, then leftmost: "Tuesday, June 3, 2025" beats "Tuesday" and "June 3".
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken: list[tuple[int, int]] = []
    out: list[Expr] = []
    for start, end, kind, m, prefix, core in cands:
        if any(start < e and s < end for s, e in taken):
            continue
        ex = _build(kind, m, text, start, prefix)
        if ex is None:
            if kind in ("abs_dmy", "abs_mdy", "iso", "numeric"):
                taken.append((start, end))  # "31 February 2022" is no date, and "February 2022" no month
            continue
        ex.core_start = core
        taken.append((start, end))
        out.append(ex)
    out.sort(key=lambda e: e.start)
    nums = [e for e in out if e.kind == "numeric"]
    if nums:
        # One text writes numeric dates one way: 13/1/2022 elsewhere makes 5/1/2022 day-first.
        dayfirst = any(e.fields["a"] > 12 for e in nums)
        monthfirst = any(e.fields["b"] > 12 for e in nums)
        if dayfirst != monthfirst:
            for e in nums:
                e.fields["order"] = "dmy" if dayfirst else "mdy"
    return out


def _build(kind: str, m: re.Match[str], text: str, start: int, prefix_text: str) -> Expr | None:
    g = m.groupdict()
    words = prefix_text.lower().split()
    core_start = m.start()
    f: dict = {}
    end = m.end()
    if kind in ("abs_dmy", "abs_mdy"):
        y, mo, d = int(g["year"]), _month_num(g["month"]), int(g["day"])
        if not _valid(y, mo, d):
            return None
        kind, f = "abs", {"y": y, "m": mo, "d": d}
        if _WEEK_OF.match(text, end):  # ACLED "Around 9 March 2022 (week of)": time precision 2
            f["week"] = True
    elif kind == "iso":
        y, mo, d = int(g["year"]), int(g["m"]), int(g["d"])
        if not _valid(y, mo, d):
            return None
        kind, f = "abs", {"y": y, "m": mo, "d": d}
    elif kind == "numeric":
        f = {"a": int(g["a"]), "b": int(g["b"]), "y": int(g["year"])}
        if not (_valid(f["y"], f["b"], f["a"]) or _valid(f["y"], f["a"], f["b"])):
            return None
    elif kind == "month_year":
        kind, f = "month_abs", {"y": int(g["year"]), "m": _month_num(g["month"])}
    elif kind == "md":
        f = {"m": _month_num(g["month"]), "d": int(g["day"]), "ry": _ry(g)}
        if not _valid(2000, f["m"], f["d"]):  # 2000 is a leap year: Feb 29 allowed
            return None
    elif kind == "month":
        f = {
            "m": _month_num(g["month"]),
            "rel": next((w for w in ("last", "this", "next") if w in words), ""),
            "ry": _ry(g),
        }
    elif kind == "year":
        f = {"y": int(g["year"])}
    elif kind == "weekday":
        if _NOT_WEEKDAY.search(text, max(0, m.start() - 12), m.start()):
            return None
        rel = next((w for w in ("last", "next", "this") if w in words), "")
        f = {"wd": WEEKDAYS[g["wd"].lower()], "rel": rel}
    elif kind == "rel_day":
        rd = " ".join(g["rd"].lower().split())
        if _NOT_TODAY.match(text, m.end()) or (
            rd == "today" and text[max(0, m.start() - 2) : m.start()] in ("'s", "’s")
        ):
            return None  # BBC Radio 4's Today programme
        f = {
            "offset": {
                "the day before yesterday": -2,
                "the day after tomorrow": 2,
                "yesterday": -1,
                "last night": -1,
                "tomorrow": 1,
            }.get(rd, 0)
        }
    elif kind == "rel_period":
        raw = " ".join(g["rel"].lower().split())
        rel = raw.replace("the ", "")
        if (
            rel == "same"
            or raw == "the previous"
            or (raw == "next" and text[max(0, m.start() - 4) : m.start()].lower() == "the ")
        ):
            return None  # "the same month", "the next year": relative to another date in the text
        rel = {"past": "last", "previous": "last", "coming": "next", "current": "this"}.get(rel, rel)
        f = {"rel": rel, "unit": g["unit"].lower()}
        if raw in ("the past", "past") and f["unit"] != "weekend":
            f["span"] = True  # "over the past week": a stretch up to now, not the previous week
    elif kind == "weekend":
        kind, f = "rel_period", {"rel": "", "unit": "weekend"}
    elif kind == "ago":
        n = _num(g["n"])
        if n is None or n > 200:
            return None
        f = {"n": n, "unit": g["unit"].lower().rstrip("s")}
    # The preposition: the first word before the date ("since early 2020" -> "since").
    lead = words[0] if words else ""
    return Expr(
        start=start, end=end, text=text[start:end], kind=kind, core_start=core_start, prefix=lead, fields=f
    )


def _ry(g: dict) -> int | None:
    """Year offset of "last year" / "this year" / "next year" after a month or day."""
    ry = (g.get("ry") or "").lower()
    return -1 if "last" in ry else 1 if "next" in ry else 0 if "this" in ry else None


def _valid(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


# ---------------------------------------------------------------- resolution


@dataclass
class Resolved:
    """A calendar period: its first and last day, and the precision to report it at."""

    first: date
    last: date
    precision: str  # day | week | month | year
    value: str  # ISO, truncated to the precision


def _month_period(y: int, m: int) -> Resolved:
    return Resolved(date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1]), "month", f"{y:04d}-{m:02d}")


def _year_period(y: int) -> Resolved:
    return Resolved(date(y, 1, 1), date(y, 12, 31), "year", f"{y:04d}")


def _day(d: date) -> Resolved:
    return Resolved(d, d, "day", d.isoformat())


def _week(monday: date, shown: date | None = None) -> Resolved:
    shown = shown or monday
    return Resolved(monday, monday + timedelta(days=6), "week", shown.isoformat())


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def resolve(ex: Expr, anchor: date | None, future: bool = False, past: bool = False) -> Resolved | None:
    """The period `ex` names, read from `anchor` (the reporting date); None when it can't be known.

    `future` says the expression sits in a forward-looking clause ("will meet on Friday"), so
    weekdays, months and yearless dates resolve forward instead of to the last one on/before;
    `past` says it dates a verb in the past tense ("was killed on 20 January"), which only
    matters for a day and month without a year.
    """
    f = ex.fields
    try:
        return _resolve(ex.kind, f, anchor, future, past)
    except (ValueError, OverflowError):  # dates out of range near year 1 or 9999
        return None


def _resolve(kind: str, f: dict, anchor: date | None, future: bool, past: bool) -> Resolved | None:
    if kind == "abs":
        d = date(f["y"], f["m"], f["d"])
        if f.get("week"):
            return _week(d - timedelta(days=d.weekday()), d)
        return _day(d)
    if kind == "numeric":
        a, b, y = f["a"], f["b"], f["y"]
        dayfirst = date(y, b, a) if _valid(y, b, a) else None
        monthfirst = date(y, a, b) if _valid(y, a, b) else None
        if dayfirst and monthfirst and dayfirst != monthfirst:
            # 5/1/2022: 5 January or May 1? The text's other numeric dates may tell (see scan);
            # else only an anchor can: the reading on or shortly before it. Otherwise don't guess.
            if f.get("order"):
                return _day(dayfirst if f["order"] == "dmy" else monthfirst)
            if anchor is None:
                return None
            near = [d for d in (dayfirst, monthfirst) if timedelta(0) <= anchor - d <= timedelta(days=31)]
            return _day(near[0]) if len(near) == 1 else None
        return _day(dayfirst or monthfirst)  # type: ignore[arg-type]
    if kind == "month_abs":
        return _month_period(f["y"], f["m"])
    if kind == "year":
        return _year_period(f["y"])
    if anchor is None:
        return None
    if kind == "md":
        m, d = f["m"], f["d"]
        if f.get("ry") is not None:
            y = anchor.year + f["ry"]
            return _day(date(y, m, d)) if _valid(y, m, d) else None
        cands = [date(y, m, d) for y in (anchor.year - 1, anchor.year, anchor.year + 1) if _valid(y, m, d)]
        if future:
            after = [c for c in cands if c >= anchor]
            return _day(min(after)) if after else None
        if past:
            # A day or two ahead of the anchor is still "this year": time zones, late publication dates.
            before = [c for c in cands if c <= anchor + timedelta(days=2)]
            return _day(max(before)) if before else None
        # No tense to go by: the nearest one, a past date counting three times closer (news
        # mostly reports what happened; "on 1 March" written on 14 February is still this year).
        return _day(min(cands, key=lambda c: (anchor - c).days if c <= anchor else 3 * (c - anchor).days))
    if kind == "month":
        m, rel = f["m"], f["rel"]
        ym = (anchor.year, anchor.month)
        if f.get("ry") is not None:
            return _month_period(anchor.year + f["ry"], m)
        if rel == "this":
            return _month_period(anchor.year, m)
        if rel == "next" or (future and not rel):
            y = (
                anchor.year
                if (anchor.year, m) > ym or (not rel and (anchor.year, m) == ym)
                else anchor.year + 1
            )
            return _month_period(y, m)
        if rel == "last":
            y = anchor.year if (anchor.year, m) < ym else anchor.year - 1
            return _month_period(y, m)
        # "in April": the most recent April on or before the reporting month
        y = anchor.year if (anchor.year, m) <= ym else anchor.year - 1
        return _month_period(y, m)
    if kind == "weekday":
        wd, rel = f["wd"], f["rel"]
        back = (anchor.weekday() - wd) % 7
        if rel == "last":
            return _day(anchor - timedelta(days=back or 7))
        if rel == "next":
            return _day(anchor + timedelta(days=(wd - anchor.weekday()) % 7 or 7))
        if future:  # "due to speak on Thursday", written on a Thursday: that day
            return _day(anchor + timedelta(days=(wd - anchor.weekday()) % 7))
        return _day(anchor - timedelta(days=back))
    if kind == "rel_day":
        return _day(anchor + timedelta(days=f["offset"]))
    if kind == "rel_period":
        rel, unit = f["rel"], f["unit"]
        k = {"this": 0, "last": -1, "next": 1, "": 0}[rel]
        if unit == "week":
            if f.get("span"):  # "the past week": the seven days up to the anchor
                return Resolved(
                    anchor - timedelta(days=6), anchor, "week", (anchor - timedelta(days=6)).isoformat()
                )
            monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=k)
            return _week(monday)
        if unit == "weekend":
            if rel == "next" or (future and not rel):
                sat = anchor + timedelta(days=(5 - anchor.weekday()) % 7 or 7)
            else:
                sat = anchor - timedelta(days=(anchor.weekday() - 5) % 7)
                if rel == "last" and sat == anchor - timedelta(days=0):
                    sat -= timedelta(days=7)
            return Resolved(sat, sat + timedelta(days=1), "week", sat.isoformat())
        if unit == "month":
            if f.get("span"):
                return Resolved(
                    anchor - timedelta(days=30), anchor, "month", f"{anchor.year:04d}-{anchor.month:02d}"
                )
            y, m = _add_months(anchor.year, anchor.month, k)
            return _month_period(y, m)
        if unit == "year":
            if f.get("span"):
                return Resolved(anchor - timedelta(days=365), anchor, "year", f"{anchor.year:04d}")
            return _year_period(anchor.year + k)
    if kind == "ago":
        n, unit = f["n"], f["unit"]
        if unit == "day":
            return _day(anchor - timedelta(days=n))
        if unit == "week":
            d = anchor - timedelta(weeks=n)
            return _week(d - timedelta(days=d.weekday()))
        if unit == "month":
            y, m = _add_months(anchor.year, anchor.month, -n)
            return _month_period(y, m)
        if unit == "year":
            return _year_period(anchor.year - n)
        if unit == "decade":
            return _year_period(anchor.year - 10 * n)
    return None


# Forward-looking words: "will meet on Friday", "elections scheduled for April".
_FUTURE = re.compile(
    r"\b(?:will|won't|shall|would|'ll|scheduled|planned|plans?\s+to|due\s+to|is\s+due|are\s+due|"
    r"set\s+to|expected\s+to|going\s+to|is\s+to|are\s+to|upcoming)\b",
    re.I,
)
# Past-tense auxiliaries and common irregular verbs only: a bare -ed word is too often a
# participle ("polls called for 24 June").
_PAST = re.compile(
    r"\b(?:was|were|had|did|died|fled|left|met|fought|took|began|shot|struck|won|lost|"
    r"stole|fell|broke|came|went|ran|hit|seized|killed|arrested|attacked)\b",
    re.I,
)
# Where a clause ends, looking back from an expression: a future word before these is not its own.
_CLAUSE = re.compile(
    r"[,;:()\"“”]|\b(?:said|says|told|announced|stated|added|reported|that|when|after|"
    r"before|while|as|and|but|which|who)\b",
    re.I,
)


def _clause_before(text: str, ex: Expr) -> str:
    before = text[max(0, ex.start - 100) : ex.start]
    cut = 0
    for m in _CLAUSE.finditer(before):
        cut = m.end()
    return before[cut:]


def is_future(text: str, ex: Expr) -> bool:
    """Is `ex` in a forward-looking clause? Looks back from it to the start of its clause."""
    if ex.fields.get("rel") == "next" or ex.kind == "rel_day" and ex.fields.get("offset", 0) > 0:
        return True
    return bool(_FUTURE.search(_clause_before(text, ex)))


def is_past(text: str, ex: Expr) -> bool:
    """Does `ex` date a verb in the past tense ("was killed on 20 January")? Rough: -ed/was/had."""
    return bool(_PAST.search(_clause_before(text, ex)))


def find_dates(text: str, anchor: date | None = None) -> list[tuple[int, int, str, str]]:
    """Dates written in `text`: (start, end, ISO value, precision) of each, left to right.

    Without `anchor` only dates that stand on their own are returned ("Tuesday, June 3, 2025",
    "2022-01-05", "May 2021", "in 2021"); with it, relative ones too ("on Tuesday", "last year").
    Spans cover the date words, without the preposition. Safe on any text.
    """
    out = []
    for ex in scan(text or ""):
        fut = is_future(text, ex)
        r = resolve(ex, anchor, fut, not fut and is_past(text, ex))
        if r is not None:
            out.append((ex.core_start, ex.end, r.value, r.precision))
    return out
