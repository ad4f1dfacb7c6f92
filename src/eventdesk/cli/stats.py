"""`eventdesk stats`: what the store holds."""

from __future__ import annotations

import argparse
import json

from eventdesk.cli._common import add_store_args

NAME = "stats"
HELP = "what the store holds: files, articles, duplicates, stories, events by type, problems"
EPILOG = """\
examples:
  eventdesk stats
  eventdesk stats --json | jq .events_by_type
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_store_args(p)
    p.add_argument("--json", action="store_true", help="machine-readable output")


def main(args: argparse.Namespace) -> int:
    from eventdesk.cli.serve import store_exists
    from eventdesk.store import open_store

    store_exists(args.db, "stats")
    with open_store(args.db, readonly=True) as store:
        st = store.stats()
    if args.json:
        print(json.dumps(st, indent=1))
        return 0
    width = max(len(k) for k in st)
    for k, v in st.items():
        if isinstance(v, dict):
            print(f"{k:<{width}}")
            for kk, vv in v.items():
                print(f"  {kk:<{width - 2}}  {vv}")
        else:
            print(f"{k:<{width}}  {v}")
    if st.get("problems"):
        print(
            f"(`eventdesk problems{'' if args.db == 'eventdesk.db' else ' --db ' + args.db}` lists the problems)"
        )
    return 0
