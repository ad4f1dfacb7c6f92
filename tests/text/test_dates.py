"""The temporal-expression reader shared by segment (datelines) and dates (event dates), on
sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from eventdesk.text.dates import find_dates, is_future, is_past, scan

THU = date(2023, 11, 16)  # a Thursday


def test_find_dates_spans_and_values():
    text = "Lebanese president shakes hands with the minister in Baabda, Lebanon, Tuesday, June 3, 2025. (AP)"
    [(s, e, v, p)] = find_dates(text)
    assert (text[s:e], v, p) == ("Tuesday, June 3, 2025", "2025-06-03", "day")
    assert find_dates("Talks resumed on Tuesday.") == []  # relative: needs an anchor
    [(s, e, v, p)] = find_dates("Talks resumed on Tuesday.", anchor=THU)
    assert (v, p) == ("2023-11-14", "day")
    assert [v for *_, v, _p in find_dates("BEIRUT, 2025-06-03T08:15:00Z and 13.03.2024")] == [
        "2025-06-03",
        "2024-03-13",
    ]
    assert find_dates("a form dated 12.03.2024") == []  # 12 March or December 3: no guess


@pytest.mark.parametrize(
    "text",
    [
        "May God protect them, she said.",
        "The march began at noon.",
        "2021 people were displaced.",
        "The Good Friday agreement holds.",
        "Resolution 2334 was adopted.",
        "He scored 2019 points.",
        "The 30/40/2022 form is invalid, as is 31 February 2022.",
    ],
)
def test_not_dates(text):
    assert find_dates(text, anchor=THU) == []


def test_scan_is_left_to_right_and_disjoint():
    ex = scan("On Monday, a year after the 2022 vote and two weeks ago, in March 2021 and since early 2020.")
    spans = [(e.start, e.end) for e in ex]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert [e.text for e in ex] == ["On Monday", "two weeks ago", "in March 2021", "since early 2020"]


def test_tense_of_the_clause_that_holds_the_date():
    [ex] = scan("The ministers will meet on Friday.")
    assert is_future("The ministers will meet on Friday.", ex)
    text = "Police said the suspect was arrested on Friday."
    [ex] = scan(text)
    assert is_past(text, ex) and not is_future(text, ex)
    # "said" closes the clause: the future word before it does not reach the date.
    text = "Officials who will testify said talks ended on Friday."
    [ex] = scan(text)
    assert not is_future(text, ex)
    # The tense decides which Friday an anchor gives: the one after, or the one before.
    assert [v for *_, v, _p in find_dates("The ministers will meet on Friday.", anchor=THU)] == ["2023-11-17"]
    assert [v for *_, v, _p in find_dates("The suspect was arrested on Friday.", anchor=THU)] == [
        "2023-11-10"
    ]
