"""Bits shared by several subcommands: store/config arguments, JSONL in/out, problem printing."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import IO, Any

from eventdesk.records import Problem

EXIT_STATUS = """\
exit status: 0 done; 3 done, but some input was bad (each problem named on stderr, the rest
processed); 2 usage error: a bad option or value, a missing file or store, bad settings
(nothing done); 130 interrupted (what was committed is kept).
"""


def add_store_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        default=None,
        metavar="PATH|URL",
        help="the store: SQLite file or postgresql://user@host/db (default: [store] db of the "
        "settings, else eventdesk.db)",
    )
    p.add_argument("--config", metavar="TOML", help="settings file (default: ./eventdesk.toml if present)")


def count_arg(text: str) -> int:
    """argparse type of --limit/--offset: a whole number from 0 to 2**31-1 (a larger one is an error
    message, not an overflow deep in SQLite)."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 0 <= n <= 2**31 - 1:
        raise argparse.ArgumentTypeError(f"{n} is out of range: give a number from 0 to {2**31 - 1}")
    return n


def print_problem(p: Problem) -> None:
    # the reason says what happened to the input (skipped, cut short, kept in part)
    print(f"eventdesk: {p}", file=sys.stderr)


def open_input(path: str) -> IO[str]:
    if path == "-":
        return sys.stdin
    try:
        return open(path, encoding="utf-8", errors="replace")
    except OSError as e:
        raise SystemExit(f"cannot open {path}: {e.strerror}") from e


def open_output(path: str | None) -> IO[str]:
    if not path or path == "-":
        return sys.stdout
    try:
        return open(path, "w", encoding="utf-8")
    except OSError as e:
        raise SystemExit(f"cannot write {path}: {e.strerror}") from e


def read_jsonl(
    path: str, required: tuple[str, ...] = ("id",), skipped: list[int] | None = None
) -> Iterator[dict[str, Any]]:
    """JSON objects, one per line, from a file or stdin (`-`).

    A broken line, or one missing a required field, is reported on stderr with its number and
    skipped (its number appended to `skipped`, so callers can set a partial exit status).
    """
    with open_input(path) as f:
        for n, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except (json.JSONDecodeError, RecursionError) as e:
                why = e.msg if isinstance(e, json.JSONDecodeError) else "nested too deeply"
                print(f"eventdesk: {path}: line {n}: not valid JSON ({why}); skipped", file=sys.stderr)
                if skipped is not None:
                    skipped.append(n)
                continue
            missing = [k for k in required if not isinstance(rec, dict) or rec.get(k) is None]
            if missing:
                print(
                    f"eventdesk: {path}: line {n}: missing field(s) {', '.join(missing)}; skipped",
                    file=sys.stderr,
                )
                if skipped is not None:
                    skipped.append(n)
                continue
            yield rec


def write_jsonl(out: IO[str], rec: dict[str, Any]) -> None:
    out.write(json.dumps(rec, ensure_ascii=False) + "\n")
