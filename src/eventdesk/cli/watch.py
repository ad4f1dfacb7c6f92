"""`eventdesk watch`: follow folders and RSS/Atom feeds, adding new articles and events as they arrive."""

from __future__ import annotations

import argparse
import sys
import time

from eventdesk.cli._common import add_store_args, print_problem

NAME = "watch"
HELP = "follow folders and RSS/Atom feed URLs; add new articles and events as they arrive"
DESCRIPTION = """\
Poll folders, files and feed URLs every --interval seconds and run what is new through the
pipeline (clean, dedup, code events, store). Files already read are skipped (same size and
time, or same content); feed items already stored are never processed again, also by a later
watch: each item is remembered by its guid (else its link). Unchanged feeds cost one
conditional request. Ctrl-C stops it; everything committed is kept.
"""
EPILOG = """\
examples:
  eventdesk watch incoming/                                 a folder that files are dropped into
  eventdesk watch https://example.org/news.rss incoming/    a feed and a folder, every 5 minutes
  eventdesk watch https://example.org/atom.xml --interval 60 --db team.db
  eventdesk watch feeds/ --once                             one poll, then exit (for cron)

only http:// and https:// feed URLs are fetched. Settings in eventdesk.toml, section [watch]:
timeout_seconds, max_feed_bytes, settle_seconds (`eventdesk config watch -v` shows them).

exit status: 0; 3 when --once met bad input (each named on stderr).
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="folders, files, globs, or http(s) feed URLs")
    add_store_args(p)
    p.add_argument(
        "--interval",
        type=float,
        default=300.0,
        metavar="SECONDS",
        help="time between two polls (default: %(default)g)",
    )
    p.add_argument("--once", action="store_true", help="poll once and exit")
    p.add_argument("--no-events", action="store_true", help="store articles only (events later with `run`)")
    p.add_argument(
        "--quiet", "-q", action="store_true", help="no progress lines (problems are still printed)"
    )


def main(args: argparse.Namespace) -> int:
    from eventdesk.config import load_config
    from eventdesk.store import open_store
    from eventdesk.watch import FetchError, PollReport, watch

    if not args.once and not args.interval > 0:
        raise SystemExit("eventdesk watch: --interval must be more than 0 seconds")
    config = load_config(args.config)

    def say(line: str) -> None:
        if not args.quiet:
            print(f"{time.strftime('%H:%M:%S')} {line}", file=sys.stderr, flush=True)

    polls: list[PollReport] = []
    with open_store(args.db) as store:
        what = ", ".join(args.inputs)
        say(
            f"watching {what} "
            + ("once" if args.once else f"every {args.interval:g} s (Ctrl-C to stop)")
            + f"; store {store.url}"
        )
        try:
            watch(
                args.inputs,
                store,
                config,
                interval=args.interval,
                once=args.once,
                events=not args.no_events,
                say=say,
                on_problem=print_problem,
                on_poll=polls.append,
            )
        except (FetchError, ValueError) as e:
            raise SystemExit(f"eventdesk watch: {e}") from e
        except KeyboardInterrupt:
            say("stopped (Ctrl-C); everything added so far is stored")
        added = sum(p.new_articles for p in polls)
        events = sum(p.events_new for p in polls)
        say(
            f"{len(polls)} poll(s): {added} new article(s)"
            + ("" if args.no_events else f", {events} new event(s)")
            + f"; store now holds {store.stats()['articles']} articles"
        )
    if args.once and any(p.problems for p in polls):
        return 3
    return 0
