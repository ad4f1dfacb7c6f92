"""Dates of events: the reporting date, dates written in text, and each event's date and precision.

from eventdesk.dates import resolve_dates, reporting_date, find_dates
"""

from __future__ import annotations

from eventdesk.dates.event_dates import (
    choose,
    date_event,
    lower_bound,
    parse_date,
    reporting_date,
    resolve_dates,
)

# The expression scanner and find_dates live in the base layer (segment reads datelines with
# them too); re-exported here as the dates stage's own vocabulary.
from eventdesk.text.dates import Expr, Resolved, find_dates, resolve, scan

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
