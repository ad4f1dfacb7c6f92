"""`eventdesk run`: the main job."""

from __future__ import annotations

import argparse
import os

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

exit status: 0 all input read; 3 some input was bad (each bad file is named on stderr and
counted in the summary; everything else was stored).
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
    lines.append(
        f"store {st['store']}: {st['articles']} articles from {st['sources']} sources, "
        f"{st['stories']} stories, {st['events']} events ({st['located_events']} located)"
    )
    if st["events_by_type"]:
        lines.append("  by type: " + ", ".join(f"{k} {v}" for k, v in st["events_by_type"].items()))
    if r.problems:
        lines.append(f"{len(r.problems)} input problem(s), listed above; the rest was stored (exit status 3)")
    db = "" if st["store"] == "eventdesk.db" else f" --db {st['store']}"
    lines.append(
        "next: eventdesk stats%s | eventdesk events%s | eventdesk export articles%s --format jsonl"
        " | eventdesk serve%s" % (db, db, db, db)
    )
    return "\n".join(lines)


def execute(args: argparse.Namespace, events: bool) -> int:
    from eventdesk.config import load_config
    from eventdesk.pipeline import run
    from eventdesk.store import open_store

    if not args.inputs and not events:
        raise SystemExit("eventdesk ingest: give at least one INPUT (file, folder, glob or -)")
    config = load_config(args.config)
    with open_store(args.db) as store:
        workers = args.workers if args.workers > 0 else (os.cpu_count() or 1)
        progress = None if not args.quiet else False
        if args.engine == "ray":
            from eventdesk.engines.ray import run_ray

            report = run_ray(
                args.inputs,
                store,
                config,
                events=events,
                progress=progress,
                on_problem=print_problem,
                workers=workers,
            )
        else:
            report = run(
                args.inputs,
                store,
                config,
                events=events,
                progress=progress,
                on_problem=print_problem,
                workers=workers,
            )
        if not args.quiet:
            print(summary(report, store, events))
    return 3 if report.partial else 0


def main(args: argparse.Namespace) -> int:
    return execute(args, events=not args.no_events)
