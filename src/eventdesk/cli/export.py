"""`eventdesk export articles|events`."""

from __future__ import annotations

import argparse
import sys

from eventdesk.cli._common import add_store_args

NAME = "export"
HELP = "write articles or events as JSONL, CSV, Parquet or ACLED-style CSV"
DESCRIPTION = """\
Write what the store holds. JSONL follows docs/SCHEMA.md field for field (nested actors, location,
evidence); CSV flattens it to one row per record for spreadsheets; Parquet keeps the nesting
with types, for pandas, R (arrow) and DuckDB. `acled` writes events with ACLED's column names
and conventions (event_id_cnty, event_date, inter1, interaction, iso, region, geo_precision...)
so notebooks written for ACLED data run on eventdesk's; events outside ACLED's scope (e.g.
CONSULT, ACCUSE) are left out unless --all. Filters select which events are written.
"""
EPILOG = """\
examples:
  eventdesk export articles --format jsonl > articles.jsonl
  eventdesk export events --format csv -o events.csv
  eventdesk export events --format parquet -o events.parquet
  eventdesk export events --format acled -o acled.csv --country SDN --from 2025-01
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    from eventdesk.export import FORMATS

    p.add_argument("what", choices=["articles", "events"], help="which records")
    p.add_argument("--format", "-f", default="jsonl", choices=FORMATS, help="default: %(default)s")
    p.add_argument("--output", "-o", metavar="FILE", help="default: standard output")
    p.add_argument("--all", action="store_true", help="acled: keep events outside ACLED's scope too")
    from eventdesk.cli.events import add_filter_arguments

    add_filter_arguments(p)
    add_store_args(p)


def main(args: argparse.Namespace) -> int:
    from eventdesk.cli.events import filter_from_args
    from eventdesk.cli.serve import store_exists
    from eventdesk.export import export
    from eventdesk.store import open_store

    flt = filter_from_args(args)
    store_exists(args.db, "export")
    report: dict = {}
    with open_store(args.db, readonly=True) as store:
        if args.what == "events":
            from eventdesk.cli.events import undated_note

            note = undated_note(store, flt)
            if note:
                print(f"eventdesk export: {note}", file=sys.stderr)
        records = store.iter_articles() if args.what == "articles" else store.iter_events(flt)
        try:
            n = export(
                args.what, records, args.format, args.output, store=store, include_all=args.all, report=report
            )
        except ValueError as e:
            raise SystemExit(f"eventdesk export: {e}") from e
    if report.get("skipped"):
        print(
            f"eventdesk export: {report['skipped']} event(s) outside ACLED's scope or with no date at all "
            "left out (--all keeps those outside its scope)",
            file=sys.stderr,
        )
    if args.output and args.output != "-":
        print(f"wrote {n} {args.what} to {args.output}", file=sys.stderr)
    return 0
