"""`eventdesk events`: list the stored events that match filters, as a table, CSV or JSON."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from typing import Any

from eventdesk.cli._common import add_store_args, count_arg

NAME = "events"
HELP = "list events (filters: type, actor, country, place, dates, modality, confidence, text)"
DESCRIPTION = """\
List the events in the store, oldest first: date, type, who -> whom, place, modality,
confidence and the evidence sentence. Filters combine (AND); list options take several values
separated by commas. Dates are inclusive and may be a year, a month or a day.
"""
EPILOG = """\
examples:
  eventdesk events --type ASSAULT --country SDN
  eventdesk events --actor "rapid support" --from 2025-01 --to 2025-03
  eventdesk events --modality asserted,claimed --min-confidence 0.7 --text refinery
  eventdesk events --format csv > events.csv
  eventdesk events --format json --limit 10 | jq '.[].evidence.sentence'
"""


def add_filter_arguments(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("filters (events)")
    g.add_argument(
        "--type",
        "-t",
        metavar="TYPE[,TYPE]",
        help="PLOVER event type(s), e.g. ASSAULT,PROTEST (unknown ones are refused with the list)",
    )
    g.add_argument("--mode", metavar="MODE[,MODE]", help="PLOVER mode(s), e.g. aerial")
    g.add_argument("--actor", "-a", metavar="TEXT", help="actor or recipient name contains TEXT")
    g.add_argument(
        "--country",
        "-c",
        metavar="ISO3",
        help="place or actor country (ISO alpha-3, e.g. SDN, or a name: Sudan)",
    )
    g.add_argument("--place", "-p", metavar="TEXT", help="place name contains TEXT")
    g.add_argument("--from", dest="since", metavar="DATE", help="on or after (YYYY, YYYY-MM or YYYY-MM-DD)")
    g.add_argument("--to", dest="until", metavar="DATE", help="on or before (inclusive)")
    g.add_argument(
        "--include-undated",
        action="store_true",
        help="with --from/--to: list events without a date too (they are counted either way)",
    )
    g.add_argument(
        "--modality", "-m", metavar="M[,M]", help="asserted, claimed, negated, hypothetical, historical"
    )
    g.add_argument("--min-confidence", type=float, metavar="X", help="confidence >= X (0..1)")
    g.add_argument("--text", metavar="WORDS", help="words in the evidence sentence (full-text)")
    g.add_argument("--article", metavar="ID", help="events reported by this article")


# The command-line option of each filter, for error messages.
OPTION = {"since": "--from", "until": "--to", "min_confidence": "--min-confidence"}


def filter_from_args(args: argparse.Namespace, limit: int | None = None, offset: int = 0):
    """The filter of the options; a bad value stops with exit status 2 naming the option."""
    from eventdesk.api import FilterError

    try:
        return _make(args, limit, offset)
    except FilterError as e:
        raise SystemExit(f"{OPTION.get(e.field, '--' + e.field)}: {e.message}") from e


def _make(args: argparse.Namespace, limit: int | None, offset: int):
    from eventdesk.api import make_filter

    return make_filter(
        type=args.type,
        mode=args.mode,
        actor=args.actor,
        country=args.country,
        place=args.place,
        since=args.since,
        until=args.until,
        modality=args.modality,
        min_confidence=args.min_confidence,
        text=args.text,
        article=args.article,
        limit=limit,
        offset=offset,
        include_undated=getattr(args, "include_undated", False),
    )


def undated_note(store, flt) -> str | None:
    """With date bounds: how many undated events match the other filters (left out unless
    --include-undated), so an empty answer does not hide them."""
    import dataclasses

    if not (flt.date_from or flt.date_to) or flt.include_undated:
        return None
    n = store.count_events(
        dataclasses.replace(flt, date_from=None, date_to=None, undated=True, limit=None, offset=0)
    )
    if not n:
        return None
    return (
        f"{n} undated event(s) also match the other filters (their articles carry no date): "
        "--include-undated lists them; `eventdesk recode --undated --published DATE` dates them"
    )


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_filter_arguments(p)
    o = p.add_argument_group("output")
    o.add_argument(
        "--format",
        "-f",
        default="table",
        choices=["table", "csv", "json", "jsonl"],
        help="default: %(default)s",
    )
    o.add_argument(
        "--limit",
        "-n",
        type=count_arg,
        default=None,
        metavar="N",
        help="at most N events (table default: 50; csv/json: all)",
    )
    o.add_argument("--offset", type=count_arg, default=0, metavar="N", help="skip the first N")
    add_store_args(p)


# -- table -------------------------------------------------------------------------------
_CONTROL = dict.fromkeys([*range(0, 32), 127, *range(128, 160)], " ")


def printable(s: str) -> str:
    """Text safe for a terminal: control characters (ESC sequences from hostile articles too) blanked."""
    return (s or "").translate(_CONTROL)


def _clip(s: str, width: int) -> str:
    s = " ".join(printable(s).split())  # one line per row
    return s if len(s) <= width else s[: max(0, width - 1)] + "…"


def _names(actors: list[Any]) -> str:
    return ", ".join(a.name for a in actors) or "?"


def _style(on: bool):
    def st(text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if on else text

    return st


def render_table(events: list[Any], total: int, width: int | None = None, color: bool = False) -> str:
    """Events as a fixed-width table; the evidence takes whatever width is left."""
    width = width or shutil.get_terminal_size((120, 24)).columns
    st = _style(color)
    cols = [("date", 10), ("type", 9), ("who -> whom", 34), ("place", 16), ("modality", 12), ("conf", 4)]
    fixed = sum(w for _, w in cols) + 2 * len(cols)
    ev_w = max(20, width - fixed)
    head = "  ".join(n.ljust(w) for n, w in cols) + "  " + "evidence"
    lines = [st(head, "1"), st("-" * min(width, fixed + ev_w), "2")]
    for e in events:
        loc = e.location
        place = (loc.name + ("" if loc.precision == 1 else f" ~{loc.precision}")) if loc else "-"
        who = _names(e.actors) + (" -> " + _names(e.recipients) if e.recipients else "")
        cells = [
            _clip(e.date or "-", 10),
            _clip(e.event_type, 9),
            _clip(who, 34),
            _clip(place, 16),
            _clip(e.modality, 12),
            f"{e.confidence:.2f}"[:4],
        ]
        row = "  ".join(c.ljust(w) for c, (_, w) in zip(cells, cols, strict=True))
        lines.append(row + "  " + _clip(e.evidence.sentence, ev_w))
    shown = len(events)
    if total > shown:
        lines.append(st(f"{shown} of {total} events shown (--limit, --offset, or --format csv for all)", "2"))
    else:
        lines.append(st(f"{total} event(s)", "2"))
    return "\n".join(lines)


def _color() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def main(args: argparse.Namespace) -> int:
    from eventdesk.cli.serve import store_exists
    from eventdesk.export import event_rows, flat_event, write_csv, write_jsonl
    from eventdesk.store import open_store

    limit = args.limit if args.limit is not None else (50 if args.format == "table" else None)
    if limit is not None and limit < 0 or args.offset < 0:
        raise SystemExit("--limit and --offset must be >= 0")
    flt = filter_from_args(args, limit=limit, offset=args.offset)
    store_exists(args.db, "events")
    with open_store(args.db, readonly=True) as store:
        note = undated_note(store, flt)
        if note:
            print(f"eventdesk events: {note}", file=sys.stderr)
        if args.format == "table":
            events = list(store.iter_events(flt))
            total = store.count_events(filter_from_args(args))
            print(render_table(events, total, color=_color()))
        elif args.format == "json":
            json.dump([e.to_dict() for e in store.iter_events(flt)], sys.stdout, ensure_ascii=False, indent=1)
            sys.stdout.write("\n")
        elif args.format == "jsonl":
            write_jsonl(event_rows(store.iter_events(flt)), sys.stdout)
        else:
            header = list(flat_event(_EMPTY_EVENT()))
            write_csv((flat_event(r) for r in event_rows(store.iter_events(flt))), sys.stdout, header)
    return 0


def _EMPTY_EVENT() -> dict[str, Any]:  # noqa: N802 - a constant made on demand
    """An event dict with every field, for the CSV header of an empty answer."""
    from eventdesk.records import Event, Evidence

    return Event(article_id="", event_type="", evidence=Evidence("", 0, 0)).to_dict()
