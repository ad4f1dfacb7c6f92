"""`eventdesk problems`: the input problems the store recorded (bad files, lines, articles)."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from eventdesk.cli._common import add_store_args

NAME = "problems"
HELP = "list the input problems stored by earlier runs (what `stats` counts as problems)"
DESCRIPTION = """\
Every bad input a run met (an unreadable or binary file, a broken JSON line, a truncated
archive, an article the coder failed on) is stored with the file, its position and what went
wrong. This lists them, each once, with how many times it was met.
"""
EPILOG = """\
examples:
  eventdesk problems
  eventdesk problems --file feeds/ --json
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--file", metavar="TEXT", help="only problems of files whose path contains TEXT")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    add_store_args(p)


def main(args: argparse.Namespace) -> int:
    from eventdesk.cli.events import printable
    from eventdesk.cli.serve import store_exists
    from eventdesk.store import open_store

    store_exists(args.db, "problems")
    with open_store(args.db, readonly=True) as store:
        found = store.problems()
    seen = Counter((p.path, p.index, p.reason) for p in found if not args.file or args.file in p.path)
    if args.json:
        for (path, index, reason), n in seen.items():
            print(
                json.dumps({"path": path, "index": index, "reason": reason, "times": n}, ensure_ascii=False)
            )
        return 0
    if not seen:
        print("no problems stored" + (f" for files containing {args.file!r}" if args.file else ""))
        return 0
    for (path, index, reason), n in seen.items():
        where = path if index is None else f"{path}#{index}"
        print(printable(f"{where}: {reason}") + (f"  ({n} times)" if n > 1 else ""))
    print(f"{len(seen)} problem(s)", file=sys.stderr)
    return 0
