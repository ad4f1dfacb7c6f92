"""`eventdesk export articles|events`."""

from __future__ import annotations

import argparse
import sys

from eventdesk.cli._common import add_store_args

NAME = "export"
HELP = "write articles or events as JSONL, CSV or Parquet"
DESCRIPTION = """\
Write what the store holds. JSONL follows SCHEMA.md field for field (nested actors, location,
evidence); CSV flattens it to one row per record for spreadsheets; Parquet keeps the nesting
with types, for pandas, R (arrow) and DuckDB.
"""
EPILOG = """\
examples:
  eventdesk export articles --format jsonl > articles.jsonl
  eventdesk export events --format csv -o events.csv
  eventdesk export events --format parquet -o events.parquet
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    from eventdesk.export import FORMATS

    p.add_argument("what", choices=["articles", "events"], help="which records")
    p.add_argument("--format", "-f", default="jsonl", choices=FORMATS, help="default: %(default)s")
    p.add_argument("--output", "-o", metavar="FILE", help="default: standard output")
    add_store_args(p)


def main(args: argparse.Namespace) -> int:
    from eventdesk.export import export
    from eventdesk.store import open_store

    with open_store(args.db, readonly=True) as store:
        records = store.iter_articles() if args.what == "articles" else store.iter_events()
        try:
            n = export(args.what, records, args.format, args.output)
        except ValueError as e:
            raise SystemExit(f"eventdesk export: {e}") from e
    if args.output and args.output != "-":
        print(f"wrote {n} {args.what} to {args.output}", file=sys.stderr)
    return 0
