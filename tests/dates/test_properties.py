"""Property-based tests for eventdesk.dates (issue 7): thousands of generated inputs, no exception,
no hang, and the calendar facts that must hold whatever the input."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventdesk.dates import find_dates, parse_date, reporting_date, resolve_dates, scan
from eventdesk.records import MODALITIES, Article, Event, Evidence
from tests.support.budget import scaled

MONTHS = list(calendar.month_name)[1:]  # the standard library's, not the module's own list
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# Words that drive the scanner's patterns, mixed with noise so the regexes see near-misses.
TOKENS = (
    MONTHS
    + WEEKDAYS
    + [m[:3] + "." for m in MONTHS]
    + [w.upper() for w in WEEKDAYS]
    + [
        "on",
        "in",
        "since",
        "early",
        "late",
        "mid-",
        "last",
        "next",
        "this",
        "the",
        "of",
        "week",
        "month",
        "year",
        "weekend",
        "ago",
        "two",
        "a",
        "yesterday",
        "today",
        "tomorrow",
        "morning",
        "night",
        "earlier",
        "(week of)",
        "2021",
        "1999",
        "2025",
        "31",
        "29",
        "5th",
        "13/1/2022",
        "5/1/2022",
        "2022-02-30",
        "2024-02-29",
        "12.03.2024",
        ",",
        ".",
        "-",
        "/",
        "(",
        ")",
        "'s",
        "said",
        "will",
        "Good",
        "people",
        "  ",
        "\n\n",
        "0",
        "99999",
    ]
)
anchors = st.dates(min_value=date(1900, 3, 1), max_value=date(2098, 10, 1))
texty = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=4)), max_size=40).map(" ".join),
    st.lists(st.sampled_from(TOKENS), max_size=60).map("".join),
)
FORMAT = {
    "day": r"\d{4}-\d{2}-\d{2}",
    "week": r"\d{4}-\d{2}-\d{2}",
    "month": r"\d{4}-\d{2}",
    "year": r"\d{4}",
}
FAST = settings(max_examples=scaled(700), deadline=1000, suppress_health_check=[HealthCheck.too_slow])


def _check_found(text: str, found: list) -> None:
    last_end = 0
    for s, e, value, prec in found:
        assert 0 <= s < e <= len(text)
        assert s >= last_end  # left to right, disjoint
        last_end = e
        assert re.fullmatch(FORMAT[prec], value), (value, prec)
        parse_date(value + "-01-01"[len(value) - 4 :] if prec in ("month", "year") else value)


@FAST
@given(texty)
def test_find_dates_never_fails_without_anchor(text):
    _check_found(text, find_dates(text))


@FAST
@given(texty, anchors)
def test_find_dates_never_fails_with_anchor(text, anchor):
    _check_found(text, find_dates(text, anchor=anchor))


@settings(max_examples=scaled(800), deadline=1000)
@given(
    st.dates(min_value=date(1800, 1, 1), max_value=date(2199, 12, 31)),
    st.sampled_from(
        [
            "{d} {M} {y}",
            "{M} {d}, {y}",
            "{W}, {M} {d}, {y}",
            "on the {d}th of {M} {y}",
            "{y}-{m:02d}-{d:02d}",
            "On {d} {Mb} {y}",
            "{M} {d} {y}",
        ]
    ),
    st.text(alphabet="abc ,.", max_size=10),
)
def test_written_dates_are_read_back(d, fmt, pad):
    written = fmt.format(
        d=d.day,
        m=d.month,
        y=d.year,
        M=MONTHS[d.month - 1],
        Mb=MONTHS[d.month - 1][:3] + ("" if d.month == 5 else "."),
        W=WEEKDAYS[d.weekday()],
    )
    text = f"Officials said {written}{pad}"
    found = find_dates(text)
    assert [(v, p) for _, _, v, p in found] == [(d.isoformat(), "day")], (text, found)


@settings(max_examples=scaled(800), deadline=1000)
@given(anchors, st.integers(0, 6), st.sampled_from(["on {W}", "{W}", "late on {W} night", "{W}'s"]))
def test_weekday_is_the_last_one_on_or_before_the_anchor(anchor, wd, fmt):
    text = "Rebels struck the base " + fmt.format(W=WEEKDAYS[wd]) + ", officials said."
    [(_, _, value, prec)] = find_dates(text, anchor=anchor)
    got = date.fromisoformat(value)
    assert prec == "day"
    assert got.weekday() == wd
    assert anchor - timedelta(days=6) <= got <= anchor


@settings(max_examples=scaled(800), deadline=1000)
@given(anchors, st.integers(1, 12), st.sampled_from(["in {M}", "since {M}", "early {M}", "in late {M}"]))
def test_month_is_the_last_one_on_or_before_the_anchor_month(anchor, m, fmt):
    text = "The ministry summoned the ambassador " + fmt.format(M=MONTHS[m - 1]) + "."
    [(_, _, value, prec)] = find_dates(text, anchor=anchor)
    y, mm = map(int, value.split("-"))
    assert prec == "month" and mm == m
    months_back = (anchor.year - y) * 12 + anchor.month - mm
    assert 0 <= months_back < 12


@settings(max_examples=scaled(500), deadline=1000)
@given(anchors, st.integers(1, 40), st.sampled_from(["years", "months", "weeks", "days"]))
def test_ago_is_before_the_anchor(anchor, n, unit):
    found = find_dates(f"The two sides signed a truce {n} {unit} ago.", anchor=anchor)
    [(_, _, value, _prec)] = found
    assert value <= anchor.isoformat()


def _events(text: str, cuts: list[int], published, hints, modality):
    a = Article(title="t", body=text, published=published, date_hints=hints)
    evs = []
    for i in range(0, len(cuts) - 1, 2):
        s, e = sorted((cuts[i], cuts[i + 1]))
        evs.append(
            Event(
                article_id=a.id, event_type="ASSAULT", evidence=Evidence(text[s:e], s, e), modality=modality
            )
        )
    evs.append(
        Event(article_id=a.id, event_type="ASSAULT", evidence=Evidence(text, 0, len(text)), modality=modality)
    )
    return a, evs


@FAST
@given(
    texty,
    st.lists(st.integers(-5, 400), max_size=6),
    st.one_of(st.none(), anchors.map(date.isoformat), st.text(max_size=30)),
    st.lists(st.one_of(anchors.map(date.isoformat), st.text(max_size=12)), max_size=3),
    st.sampled_from(MODALITIES),
)
def test_resolve_dates_never_fails(text, cuts, published, hints, modality):
    a, evs = _events(text, cuts, published, hints, modality)
    resolve_dates(evs, {a.id: a}, {})
    anchor, _ = reporting_date(a)
    for ev in evs:
        assert ev.modality in MODALITIES
        if modality in ("negated", "hypothetical"):
            assert ev.modality == modality  # never overridden
        if ev.date is not None:
            assert ev.date_precision in FORMAT
            assert re.fullmatch(FORMAT[ev.date_precision], ev.date)
        if ev.date_text is not None:
            assert ev.date_text.strip() == ev.date_text and ev.date_text
            assert ev.date_text in a.body or ev.date_text in ev.evidence.sentence
        if ev.date is None and anchor is not None and ev.modality != "historical":
            # with an anchor, only unreadable words leave no date; a background event without a date
            # of its own has none (never the reporting date)
            assert ev.date_text is not None


# A hang here would be catastrophic backtracking: pytest-timeout fails the test instead of waiting.
@pytest.mark.timeout(120)
def test_pathological_inputs_finish():
    # Long runs of the tokens the patterns start and end on: no catastrophic backtracking, and the
    # answers stay well-formed (in the text, left to right, disjoint, in the precision's format).
    anchor = date(2024, 1, 1)  # a Monday
    not_dates = {"on ", "5 ", "the ", "- ", "early ", "a ", "ago "}  # none is a date on its own
    for chunk in ["on ", "5 ", "May ", "2021 ", "the ", "- ", "Monday, ", "early ", "1/1/", "a ", "ago "]:
        text = chunk * 2000
        exprs = scan(text)
        last_end = 0
        for x in exprs:
            assert last_end <= x.start < x.end <= len(text) and text[x.start : x.end] == x.text, (chunk, x)
            last_end = x.end
        found = find_dates(text, anchor=anchor)
        _check_found(text, found)
        if chunk in not_dates:
            assert exprs == [] and found == [], chunk
        # each of the 2000 Mondays is read as the anchor itself (the last Monday on or before it)
        if chunk == "Monday, ":
            assert len(found) == 2000 and {(v, p) for _, _, v, p in found} == {("2024-01-01", "day")}
