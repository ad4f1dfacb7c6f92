"""`eventdesk serve`: the web dashboard (map, timeline, actor network, event cards) and JSON API."""

from __future__ import annotations

import argparse
import os
import secrets
import sys

from eventdesk.cli._common import add_store_args

NAME = "serve"
HELP = "web dashboard and JSON API over the store (offline: no CDN, no tile server)"
DESCRIPTION = """\
Start the dashboard: a map of located events, a timeline of counts by type, an actor network,
filters that drive them all, and event cards showing the evidence sentence in its article.
The JSON API it uses is documented at /docs. Everything is served from this machine: it works
with no internet connection. The store is opened read-only, so `eventdesk run` may keep adding
to it meanwhile.

By default it listens on 127.0.0.1 (this machine only). To share it on a network, bind another
address and protect it with --token (or EVENTDESK_TOKEN); readers then open the printed URL
once (the token is kept in a cookie) or send `Authorization: Bearer TOKEN` to the API.
"""
EPILOG = """\
examples:
  eventdesk serve                               http://127.0.0.1:8000
  eventdesk serve --db crawl.db --port 8080
  eventdesk serve --host 0.0.0.0 --token auto   shared: prints a URL with a fresh token
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s)")
    p.add_argument("--port", type=int, default=8000, help="default: %(default)s")
    p.add_argument(
        "--token",
        default=os.environ.get("EVENTDESK_TOKEN"),
        metavar="TOKEN|auto",
        help="require this token of every request ('auto': a random one); default: $EVENTDESK_TOKEN",
    )
    p.add_argument(
        "--log-level", default="warning", choices=["critical", "error", "warning", "info", "debug"]
    )
    add_store_args(p)


def main(args: argparse.Namespace) -> int:
    import uvicorn

    from eventdesk.serve.app import create_app, is_loopback

    if not args.db.startswith(("postgresql://", "postgres://")) and not os.path.exists(args.db):
        raise SystemExit(
            f"eventdesk serve: no store at {args.db}: run `eventdesk run <files>` first, or pass --db PATH"
        )
    token = secrets.token_urlsafe(18) if args.token == "auto" else args.token
    if not is_loopback(args.host):
        print(
            f"eventdesk serve: WARNING: listening on {args.host}, not 127.0.0.1: other machines can reach "
            "this dashboard.",
            file=sys.stderr,
        )
        if not token:
            print(
                "eventdesk serve: WARNING: no --token: anyone who can reach it reads the whole store. "
                "Use --token auto (or EVENTDESK_TOKEN) for a shared deployment.",
                file=sys.stderr,
            )
    app = create_app(args.db, token=token)
    shown = "127.0.0.1" if args.host in ("0.0.0.0", "::") else args.host
    url = f"http://{shown}:{args.port}/" + (f"?token={token}" if token else "")
    print(f"eventdesk dashboard on {url}  (API docs: /docs; Ctrl-C to stop)", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level)
    return 0
