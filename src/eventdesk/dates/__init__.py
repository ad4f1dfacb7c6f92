"""Dates of events: the reporting date, dates written in text, and each event's date and precision.

from eventdesk.dates import resolve_dates, reporting_date, find_dates
"""

from __future__ import annotations

from eventdesk.dates.event_dates import (
    choose,
    date_event,
    find_dates,
    lower_bound,
    parse_date,
    reporting_date,
    resolve_dates,
)
from eventdesk.dates.expressions import Expr, Resolved, resolve, scan

__all__ = [
    "Expr",
    "Resolved",
    "choose",
    "date_event",
    "find_dates",
    "lower_bound",
    "parse_date",
    "reporting_date",
    "resolve",
    "resolve_dates",
    "scan",
]
