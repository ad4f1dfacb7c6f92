"""`eventdesk recode`: code stored articles again with the current dictionaries, model and settings."""

from __future__ import annotations

import argparse
import sys

from eventdesk.cli._common import add_store_args, print_problem

NAME = "recode"
HELP = "code stored articles again (after changing actor files, model or settings, or to date them)"
DESCRIPTION = """\
Drop the events of the selected stored articles and code them again with what is installed and
configured now: edited actor files, another spaCy model, changed settings, a newer eventdesk.
Articles are not read again. Without a selection every article is re-coded. An event that
several articles reported is rebuilt from all of them, so those articles are re-coded too.

--published gives the selected articles that have no publication date one, so their events
get dates (the text dumps of a day, notes without metadata).
"""
EPILOG = """\
examples:
  eventdesk recode                                       everything, e.g. after editing my_actors.jsonl
  eventdesk recode --title "Sudan army" --published 2025-01-26
  eventdesk recode --undated --published 2025-06-03       date what has no date, code it again
  eventdesk recode --article 1f0c2a9e5b7d4c13 --dry-run  what would be re-coded
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    w = p.add_argument_group("which articles (combined with AND; none: all)")
    w.add_argument("--article", action="append", metavar="ID", help="this article (repeat for several)")
    w.add_argument("--file", metavar="TEXT", help="articles read from a file whose path contains TEXT")
    w.add_argument("--title", metavar="TEXT", help="articles whose title contains TEXT (any case)")
    w.add_argument(
        "--undated",
        action="store_true",
        help="articles without a publication date (nor a dateline or dated caption)",
    )
    w.add_argument("--failed", action="store_true", help="articles the coder failed on (still uncoded)")
    p.add_argument(
        "--published", metavar="DATE", help="publication date (YYYY-MM-DD) for selected undated articles"
    )
    p.add_argument(
        "--dry-run", action="store_true", help="say how many articles would be re-coded, change nothing"
    )
    p.add_argument(
        "--workers", "-w", type=int, default=1, metavar="N", help="worker processes (0: one per core)"
    )
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar, no summary")
    add_store_args(p)


def select(store, args: argparse.Namespace) -> list[str]:
    """Ids of the stored articles the options pick, in store order."""
    wanted = set(args.article or [])
    out = []
    for a in store.iter_articles():
        if wanted and a.id not in wanted:
            continue
        if args.file and not any(args.file in s.path for s in a.sources):
            continue
        if args.title and args.title.lower() not in (a.title or "").lower():
            continue
        if args.undated and (a.published or a.date_hints):
            continue
        out.append(a.id)
    if args.failed:
        uncoded = {a.id for a in store.uncoded_articles(limit=10**9)}
        out = [i for i in out if i in uncoded]
    missing = wanted - {a.id for a in store.iter_articles(list(wanted))} if wanted else set()
    if missing:
        raise SystemExit(f"no article {', '.join(sorted(missing))} in {store.url}")
    return out


def main(args: argparse.Namespace) -> int:
    import os

    from eventdesk.cli.run import date_settings
    from eventdesk.cli.serve import store_exists
    from eventdesk.config import load_config
    from eventdesk.pipeline import run
    from eventdesk.store import open_store

    store_exists(args.db, "recode")
    over = date_settings(args)
    published = over.get("run", {}).get("published")
    config = load_config(args.config)
    with open_store(args.db) as store:
        ids = select(store, args)
        if args.dry_run:
            print(f"{len(ids)} article(s) would be re-coded (plus any that share an event with them)")
            return 0
        if not ids:
            print("no stored article matches: nothing re-coded", file=sys.stderr)
            return 0
        with store.transaction():
            reset = store.reset_coding(ids, published=published)
        workers = args.workers if args.workers > 0 else (os.cpu_count() or 1)
        progress = None if not args.quiet else False
        report = run([], store, config, progress=progress, on_problem=print_problem, workers=workers)
        if not args.quiet:
            st = store.stats()
            print(
                f"re-coded {report.articles_coded} of {len(reset)} article(s) in {report.seconds:.1f} s: "
                f"{report.events_new} events ({report.events_merged} merged into others)"
                + (f"; {published} given to the undated ones" if published else "")
            )
            if report.articles_failed:
                print(f"{report.articles_failed} article(s) failed and stay uncoded: `eventdesk problems`")
            print(f"store {st['store']}: {st['articles']} articles, {st['events']} events")
    return 3 if report.partial else 0
