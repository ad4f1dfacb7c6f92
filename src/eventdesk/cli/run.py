"""`eventdesk run`: the main job."""

from __future__ import annotations

import argparse
import os
import re
from contextlib import nullcontext

from eventdesk.cli._common import add_store_args, print_problem

NAME = "run"
HELP = "read news files, clean, deduplicate, code events, store them, print a summary"
DESCRIPTION = """\
Read news files and build (or grow) the store: articles split out of dumps, HTML, JSONL, RSS
and WARC files; exact and near duplicates merged; events coded with their actors, place, date
and evidence sentence. Running it again on the same input adds nothing; on a grown folder it
reads only the new or changed files. A killed run loses nothing it committed: run it again.
"""
EPILOG = """\
examples:
  eventdesk run examples/                       the two sample dumps that ship with eventdesk
  eventdesk run 'news/**/*.html' feeds.jsonl    globs and several inputs
  cat dump.txt | eventdesk run -                standard input
  eventdesk run crawl.warc.gz --db crawl.db     a separate store
  eventdesk run notes/ --published 2025-03-14   undated texts: take this publication date
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help="files, folders (read recursively), globs, or - for stdin; none: only code stored "
        "articles that still lack events",
    )
    add_store_args(p)
    p.add_argument("--no-events", action="store_true", help="stop after storing articles (same as `ingest`)")
    p.add_argument(
        "--workers",
        "-w",
        type=int,
        default=1,
        metavar="N",
        help="worker processes for reading, cleaning and event coding (default 1; "
        "0 = one per CPU core). The store is written by this process only, in input "
        "order, so the result is the same for any N",
    )
    p.add_argument(
        "--engine",
        choices=["local", "ray"],
        default="local",
        help="local processes (default) or a Ray cluster (`pip install 'eventdesk[ray]'`; "
        "uses RAY_ADDRESS if set, else starts a local one)",
    )
    d = p.add_argument_group("undated input")
    d.add_argument(
        "--published",
        metavar="DATE",
        help="publication date (YYYY-MM-DD) for articles that carry none, so their events get dates "
        "(a dump of one day, notes of one report)",
    )
    d.add_argument(
        "--date-from",
        choices=["filename", "mtime"],
        help="publication date of undated articles from their file: a date in its name "
        "(2025-03-14, 20250314) or the day it was last modified. Never guessed unless asked",
    )
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar, no summary")


def summary(report, store, events: bool) -> str:
    st = store.stats()
    r = report
    lines = [
        f"read {r.files_read} file(s)"
        + (f", {r.files_unchanged} unchanged since the last run" if r.files_unchanged else "")
        + f" in {r.seconds:.1f} s",
        f"articles: {r.articles_read} read -> {r.new_articles} new, {r.exact_duplicates} exact duplicate(s) "
        f"merged as extra sources, {r.near_duplicates} near-duplicate(s), {r.stories_joined} joined an existing story",
    ]
    if events:
        lines.append(f"events: {r.events_new} new, {r.events_merged} merged into events already reported")
        if r.articles_gated:
            lines.append(
                f"relevance: {r.articles_gated} of {r.articles_coded} article(s) out of scope (another language, "
                "or not political/conflict news): stored and searchable, no events coded ([relevance] in config)"
            )
    lines.append(
        f"store {st['store']}: {st['articles']} articles from {st['sources']} sources, "
        f"{st['stories']} stories, {st['events']} events ({st['located_events']} located)"
    )
    if st["events_by_type"]:
        lines.append("  by type: " + ", ".join(f"{k} {v}" for k, v in st["events_by_type"].items()))
    bad = [p for p in r.problems if not p.notice]
    if bad:
        lines.append(f"{len(bad)} input problem(s), listed above; the rest was stored (exit status 3)")
    if len(bad) < len(r.problems):
        lines.append(
            f"{len(r.problems) - len(bad)} notice(s) (encodings guessed, documentation files left out), listed above"
        )
    if getattr(r, "articles_failed", 0):
        lines.append(
            f"{r.articles_failed} article(s) could not be coded (see `eventdesk problems`); they stay "
            "uncoded and the next run tries them again"
        )
    if getattr(r, "undated_articles", 0):
        lines.append(
            f"{r.undated_articles} new article(s) carry no publication date, so their events are undated "
            "(date filters leave them out): give one with --published DATE or --date-from filename|mtime, "
            "or later with `eventdesk recode --undated --published DATE`"
        )
    lines.append("next (one command per line):")
    lines.extend("  " + c for c in next_commands(st["store"]))
    return "\n".join(lines)


def next_commands(store: str) -> list[str]:
    """What to try after a run, each a command that can be pasted as it is."""
    import shlex

    db = "" if store == "eventdesk.db" else f" --db {shlex.quote(store)}"
    return [
        f"eventdesk stats{db}",
        f"eventdesk events{db}",
        f"eventdesk export articles{db} --format jsonl -o articles.jsonl",
        f"eventdesk serve{db}",
    ]


def check_inputs(inputs: list[str], command: str) -> None:
    """A URL is not a file: say which command reads the web."""
    urls = [i for i in inputs if re.match(r"^[a-z][a-z0-9+.-]*://", i, re.IGNORECASE)]
    if urls:
        raise SystemExit(
            f"eventdesk {command}: {urls[0]} is a web address; `{command}` reads files and folders. "
            f"To follow a feed or page use: eventdesk watch {urls[0]}   (or save the page and run it as a file)"
        )


def date_settings(args: argparse.Namespace) -> dict:
    """run.published / run.date_from from the options, the date checked."""
    from eventdesk.api import FilterError, check_date

    over: dict = {}
    if getattr(args, "published", None):
        try:
            v = check_date(args.published, "published")
        except FilterError as e:
            raise SystemExit(f"--published: {e.message}") from e
        if len(v or "") != 10:
            raise SystemExit(f"--published: {args.published!r} must be a day (YYYY-MM-DD)")
        over["published"] = v
    if getattr(args, "date_from", None):
        over["date_from"] = args.date_from
    return {"run": over} if over else {}


def execute(args: argparse.Namespace, events: bool) -> int:
    from eventdesk.config import load_config
    from eventdesk.pipeline import run
    from eventdesk.store import open_store

    if not args.inputs and not events:
        raise SystemExit("eventdesk ingest: give at least one INPUT (file, folder, glob or -)")
    check_inputs(args.inputs, "run" if events else "ingest")
    config = load_config(args.config, date_settings(args))
    with open_store(args.db) as store:
        workers = args.workers if args.workers > 0 else (os.cpu_count() or 1)
        progress = None if not args.quiet else False
        executor = None
        if args.engine == "ray":
            from eventdesk.engines.ray import RayExecutor

            executor = RayExecutor(workers, config)
        with executor or nullcontext():
            report = run(
                args.inputs,
                store,
                config,
                events=events,
                progress=progress,
                on_problem=print_problem,
                workers=workers,
                executor=executor,
            )
        if not args.quiet:
            print(summary(report, store, events))
    return 3 if report.partial else 0


def main(args: argparse.Namespace) -> int:
    return execute(args, events=not args.no_events)
