"""`eventdesk search "words"`: full-text search over articles, with highlighted snippets."""

from __future__ import annotations

import argparse
import json
import sys

from eventdesk.cli._common import add_store_args, count_arg

NAME = "search"
HELP = "full-text search over article titles and text, with highlighted snippets"
DESCRIPTION = """\
Search the stored articles (SQLite FTS5: words are matched whole, diacritics ignored; every word
must occur; a trailing * matches a prefix: `refin*`). Best matches first, each with its id,
date, title and the passage where the words occur (bold in a terminal, [bracketed] otherwise).
"""
EPILOG = """\
examples:
  eventdesk search refinery
  eventdesk search "rapid support forces" --limit 5
  eventdesk search "airstrik*" --format json
  eventdesk events --article ID        the events coded from a hit
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", nargs="+", help="words to find (quoted or not)")
    p.add_argument("--limit", "-n", type=count_arg, default=10, metavar="N", help="default: %(default)s")
    p.add_argument("--offset", type=count_arg, default=0, metavar="N", help="skip the first N hits")
    p.add_argument("--format", "-f", choices=["text", "json"], default="text", help="default: %(default)s")
    add_store_args(p)


def render_hits(hits: list, color: bool) -> str:
    from eventdesk.cli.events import printable

    lines = []
    for i, h in enumerate(hits, start=1):
        title = " ".join(printable(h.title).split())
        head = f"{i}. {title}"
        lines.append(f"\x1b[1m{head}\x1b[0m" if color else head)
        lines.append(f"   {h.id}  {h.published or 'date unknown'}  score {h.score:.2f}")
        parts = []
        for text, hit in h.snippet:
            text = " ".join(printable(text).split(" ")).replace("  ", " ")
            parts.append((f"\x1b[1;33m{text}\x1b[0m" if color else f"[{text}]") if hit else text)
        lines.append("   " + " ".join("".join(parts).split()))
        lines.append("")
    return "\n".join(lines).rstrip("\n")


def main(args: argparse.Namespace) -> int:
    from eventdesk.api import open_db
    from eventdesk.cli.events import _color
    from eventdesk.cli.serve import store_exists

    query = " ".join(args.query)
    store_exists(args.db, "search")
    with open_db(args.db) as db:
        hits = db.search(query, limit=args.limit, offset=args.offset)
    if args.format == "json":
        json.dump([h.to_dict() for h in hits], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    if not hits:
        print(f"no article matches {query!r}", file=sys.stderr)
        return 0
    print(render_hits(hits, _color()))
    return 0
