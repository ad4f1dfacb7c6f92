"""Fetch a feed over HTTP(S) with urllib: timeouts, a size limit, conditional GET, clear errors.

Only http and https are fetched (also after a redirect): a watch list must not be a way to read
local files (file://) or other schemes.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from eventdesk import __version__

SCHEMES = ("http", "https")
ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"


class FetchError(Exception):
    """A feed could not be fetched; the message names the URL and says why."""


def is_url(s: str) -> bool:
    return "://" in s and urlsplit(s).scheme.lower() != ""


def check_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme.lower() not in SCHEMES:
        raise FetchError(f"{url}: only http and https feed URLs can be watched (not {parts.scheme}://)")
    if not parts.hostname:
        raise FetchError(f"{url}: no host name in this URL")
    return url


@dataclass
class Fetched:
    url: str
    status: int  # 200, or 304 when the server says nothing changed since the last fetch
    data: bytes = b""
    etag: str | None = None
    modified: str | None = None


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001, ANN201 - urllib's API
        try:
            check_url(newurl)
        except FetchError as e:
            raise FetchError(f"{req.full_url}: redirected to a URL that is not http(s): {newurl}") from e
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _deadline_opener(sockets: list[socket.socket], expired: threading.Event) -> urllib.request.OpenerDirector:
    """An opener whose connections register their sockets, so a timer can cut them at the deadline
    (urllib's own timeout is per socket operation: a server sending a byte every few seconds would
    hold a fetch for ever)."""

    def tracked(base: type) -> type:
        class Conn(base):  # type: ignore[misc, valid-type]
            def connect(self) -> None:
                if expired.is_set():
                    raise TimeoutError("deadline passed")
                super().connect()
                sockets.append(self.sock)

        return Conn

    http_conn, https_conn = tracked(http.client.HTTPConnection), tracked(http.client.HTTPSConnection)

    class Http(urllib.request.HTTPHandler):
        def http_open(self, req):  # noqa: ANN001, ANN201 - urllib's API
            return self.do_open(http_conn, req)

    class Https(urllib.request.HTTPSHandler):
        def https_open(self, req):  # noqa: ANN001, ANN201 - urllib's API
            return self.do_open(https_conn, req, context=getattr(self, "_context", None))

    return urllib.request.build_opener(_HttpOnlyRedirects, Http, Https)


def fetch(
    url: str,
    timeout: float = 20.0,
    max_bytes: int = 20_000_000,
    etag: str | None = None,
    modified: str | None = None,
) -> Fetched:
    """GET `url`; 304 (not modified) when `etag`/`modified` from the last fetch still hold.

    `timeout` bounds the whole fetch (connect, headers, redirects, body), not each read: at the
    deadline the connection is cut and the fetch fails with a message (issue 15)."""
    check_url(url)
    req = urllib.request.Request(
        url, headers={"User-Agent": f"eventdesk/{__version__} (feed watch)", "Accept": ACCEPT}
    )
    if etag:
        req.add_header("If-None-Match", etag)
    if modified:
        req.add_header("If-Modified-Since", modified)
    sockets: list[socket.socket] = []
    expired = threading.Event()

    def cut() -> None:
        expired.set()
        for s in list(sockets):
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)

    timer = threading.Timer(timeout, cut)
    timer.daemon = True
    timer.start()
    too_slow = f"{url}: no answer within {timeout:g} s (the whole fetch: watch.timeout_seconds)"
    try:
        with _deadline_opener(sockets, expired).open(req, timeout=timeout) as resp:
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(
                    f"{url}: feed is {int(length) / 1e6:,.1f} MB, over the {max_bytes / 1e6:,.1f} MB "
                    "limit (watch.max_feed_bytes)"
                )
            chunks: list[bytes] = []
            size = 0
            while True:
                piece = resp.read1(65536) if hasattr(resp, "read1") else resp.read(65536)
                if expired.is_set():
                    raise FetchError(too_slow)
                if not piece:
                    break
                chunks.append(piece)
                size += len(piece)
                if size > max_bytes:
                    raise FetchError(
                        f"{url}: feed is over the {max_bytes / 1e6:,.1f} MB limit (watch.max_feed_bytes)"
                    )
            return Fetched(
                url,
                resp.status,
                b"".join(chunks),
                resp.headers.get("ETag"),
                resp.headers.get("Last-Modified"),
            )
    except FetchError:
        raise
    except urllib.error.HTTPError as e:
        if e.code == 304:
            return Fetched(url, 304, b"", etag, modified)
        raise FetchError(f"{url}: HTTP {e.code} {e.reason}") from e
    except Exception as e:
        if expired.is_set():
            raise FetchError(too_slow) from e
        if isinstance(e, urllib.error.URLError):
            reason = e.reason
            if isinstance(reason, (TimeoutError, socket.timeout)):
                raise FetchError(f"{url}: no answer within {timeout:g} s") from e
            raise FetchError(f"{url}: cannot fetch ({reason})") from e
        if isinstance(e, TimeoutError):
            raise FetchError(f"{url}: no answer within {timeout:g} s") from e
        if isinstance(e, (OSError, ValueError, http.client.HTTPException)):  # reset mid-body, bad URL...
            raise FetchError(f"{url}: cannot fetch ({type(e).__name__}: {e})") from e
        raise
    finally:
        timer.cancel()
