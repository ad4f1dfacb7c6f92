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
  eventdesk serve --host 0.0.0.0 --token auto --allow-host events.example.org
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
        "--allow-host",
        action="append",
        default=[],
        metavar="NAME",
        help="another name this dashboard is reached by (its DNS name behind a proxy); repeatable. "
        "Requests naming any other Host get 421: a web page cannot read the dashboard through DNS rebinding",
    )
    p.add_argument(
        "--log-level", default="warning", choices=["critical", "error", "warning", "info", "debug"]
    )
    p.add_argument("--open", action="store_true", help="open the dashboard in a web browser")
    add_store_args(p)


def store_exists(db: str, command: str) -> None:
    """Stop with a usage message when the store file is not there (a read command would create it)."""
    if not db.startswith(("postgresql://", "postgres://")) and not os.path.exists(db):
        raise SystemExit(
            f"eventdesk {command}: no store at {db}: run `eventdesk run <files>` first, or pass --db PATH"
        )


def port_free(host: str, port: int) -> str | None:
    """None when host:port can be listened on, else why not (before any banner is printed)."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
        try:
            s.bind((host, port))
        except OSError as e:
            return e.strerror or str(e)
    return None


def served_urls(host: str, port: int) -> list[str]:
    """The addresses the dashboard is really reachable at: for 0.0.0.0 / :: this machine's own
    addresses (the first is the one to share), then the loopback one."""
    import socket

    if host not in ("0.0.0.0", "::", ""):
        shown = f"[{host}]" if ":" in host else host
        return [f"http://{shown}:{port}/"]
    addrs: list[str] = []
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("192.0.2.1", 9))  # no packet is sent: this only picks the outgoing interface
            addrs.append(s.getsockname()[0])
    except OSError:
        pass
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            addrs.append(info[4][0])
    except OSError:
        pass
    own = [a for a in dict.fromkeys(addrs) if not a.startswith("127.")]
    return [f"http://{a}:{port}/" for a in own] + [f"http://127.0.0.1:{port}/"]


def main(args: argparse.Namespace) -> int:
    import uvicorn

    from eventdesk.serve.app import create_app, is_loopback

    store_exists(args.db, "serve")
    why = port_free(args.host, args.port)
    if why:
        raise SystemExit(
            f"eventdesk serve: cannot listen on {args.host}:{args.port}: {why}. "
            f"Another program (or another `eventdesk serve`) uses it: try --port {args.port + 1}"
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
    from urllib.parse import urlsplit

    served = served_urls(args.host, args.port)
    # the Host names this dashboard answers to (issue 15): the addresses it prints, --host, --allow-host
    hosts = [args.host, *args.allow_host, *(urlsplit(u).hostname or "" for u in served)]
    if args.host in ("0.0.0.0", "::"):  # every interface: this machine's own names too
        import socket

        hosts += [socket.gethostname(), socket.getfqdn()]
        print(
            "eventdesk serve: answering to its addresses, localhost and this machine's name "
            f"({socket.gethostname()}); add other names readers use with --allow-host NAME",
            file=sys.stderr,
        )
    app = create_app(args.db, token=token, hosts=hosts)
    q = f"?token={token}" if token else ""
    urls = [u + q for u in served]
    print(f"eventdesk dashboard on {urls[0]}  (API docs: /docs; Ctrl-C to stop)", file=sys.stderr)
    for u in urls[1:]:
        print(f"  also on {u}", file=sys.stderr)
    if args.open:
        import threading
        import webbrowser

        local = [u for u in urls if "127.0.0.1" in u] or urls
        threading.Timer(1.0, webbrowser.open, args=(local[0],)).start()
    # SIGTERM/Ctrl-C: requests in flight get a few seconds (searches stop at their budget anyway)
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level, timeout_graceful_shutdown=3)
    return 0
