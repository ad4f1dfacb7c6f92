"""`eventdesk check`: verify a store (SQLite's integrity check plus eventdesk's own invariants)."""

from __future__ import annotations

import argparse
import json
import os
import sys

NAME = "check"
HELP = (
    "verify a store: database integrity and eventdesk's invariants; exit 1 with what to do if any fails, "
    "4 if it is sound but read-only"
)
DESCRIPTION = """\
Verify a store after a crash, a disk problem or a copy: SQLite's own integrity check, then the
rules eventdesk keeps (every event's article exists, every article has a source, the search and
map indexes match the rows, every article has its dedup signature, the files table matches the
sources). Read-only by default, so it is safe while a run or the dashboard uses the store.
"""
EPILOG = """\
examples:
  eventdesk check                      the store in ./eventdesk.db
  eventdesk check --db crawl.db --full also ask the search indexes to check themselves (needs write access)
  eventdesk check --json               one JSON object per rule

exit status:
  0  the store is sound: every rule holds
  1  the store is damaged: a rule fails, or the file is not a readable database (what, and what
     to do, is printed)
  2  usage error: a bad option, or no store at the path given
  4  the store is sound but read-only (its file, folder or disk): reading commands work on it,
     `run` cannot write to it until it is made writable or copied to a writable place
  5  the store could not be checked: it cannot be opened (no permission, an unreachable server);
     not damage, the message says what to do
"""
# exit statuses (documented in EPILOG; tests/store/test_check.py)
SOUND, DAMAGED, USAGE, READ_ONLY, UNCHECKED = 0, 1, 2, 4, 5


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        default=None,
        metavar="PATH|URL",
        help="the store: SQLite file or postgresql://user@host/db (default: [store] db of the "
        "settings, else eventdesk.db)",
    )
    p.add_argument(
        "--full",
        action="store_true",
        help="also run the FTS5 indexes' own integrity check (opens the store for writing, "
        "waits for a running ingest)",
    )
    p.add_argument("--json", action="store_true", help="results as JSON lines")


def main(args: argparse.Namespace) -> int:
    import sqlite3

    from eventdesk.store import open_store

    db = args.db
    if not db.startswith(("postgresql://", "postgres://")) and not os.path.exists(
        db[len("sqlite:///") :] if db.startswith("sqlite:///") else db
    ):
        print(f"eventdesk check: no store at {db}; give the right --db PATH", file=sys.stderr)
        return USAGE
    from eventdesk.store import StoreError

    try:
        store = open_store(db, readonly=not args.full)
    except StoreError as e:  # read-only, no permission, disk full: not damage (issue 15)
        print(f"eventdesk check: {e}", file=sys.stderr)
        return UNCHECKED
    except (sqlite3.DatabaseError, OSError) as e:
        print(
            f"eventdesk check: {db}: cannot open the store ({e}). If it is not an eventdesk store, give the "
            "right --db; if it is, the file is damaged: restore a backup or rebuild it with "
            "`eventdesk run <your inputs> --db fresh.db`.",
            file=sys.stderr,
        )
        return DAMAGED
    try:
        try:
            results = store.check()
            read_only = store.read_only_reason()
        except NotImplementedError as e:
            print(f"eventdesk check: {e}", file=sys.stderr)
            return UNCHECKED
        except StoreError as e:  # no permission to read: nothing was checked
            print(f"eventdesk check: {e}", file=sys.stderr)
            return UNCHECKED
        except sqlite3.DatabaseError as e:  # e.g. "file is not a database" on the first read
            print(
                f"eventdesk check: {db}: cannot read the store ({e}); restore a backup or rebuild it with "
                "`eventdesk run <your inputs> --db fresh.db`.",
                file=sys.stderr,
            )
            return DAMAGED
    finally:
        store.close()
    sound = all(r.ok for r in results)
    if args.json:
        for r in results:
            print(json.dumps(r.__dict__, ensure_ascii=False))
    else:
        print(report(db, results))
    if not sound:
        return DAMAGED
    if read_only:
        print(f"eventdesk check: {read_only}", file=sys.stderr)
        return READ_ONLY
    return SOUND


def report(db: str, results: list) -> str:
    """Readable report: one line per rule, then what is wrong and what to do."""
    bad = [r for r in results if not r.ok]
    lines = [f"store {db}: {len(results) - len(bad)} of {len(results)} checks passed"]
    for r in results:
        lines.append(f"  {'ok  ' if r.ok else 'FAIL'}  {r.name}" + ("" if r.ok else f": {r.count} found"))
    fixes: list[str] = []
    for r in bad:
        lines.append("")
        lines.append(f"{r.name}: {r.count} found" + (", for example:" if r.examples else ""))
        lines += [f"    {e}" for e in r.examples]
        if r.fix not in fixes:
            fixes.append(r.fix)
    if bad:
        lines.append("")
        lines.append("what to do:")
        lines += [f"  - {f.replace('DB', db)}" for f in fixes]
    else:
        lines.append("the store is sound.")
    return "\n".join(lines)
