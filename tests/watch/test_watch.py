"""`eventdesk watch`: a feed served from 127.0.0.1 grows, only its new items are processed; folders too.

All traffic stays on the loopback interface: a http.server in a thread on a free port.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from eventdesk.config import load_config
from eventdesk.store import open_store
from eventdesk.watch import FetchError, item_index, watch
from eventdesk.watch.fetch import fetch

PLACES = ["Khartoum", "Kirkuk", "Mosul", "Goma", "Aleppo", "Kharkiv", "Sanaa", "Bamako"]


def item(n: int) -> dict:
    place = PLACES[n % len(PLACES)]
    when = datetime(2025, 3, 1, 12, tzinfo=UTC) + timedelta(days=n)
    text = (
        f"<p>Government forces shelled rebel positions near {place} on Monday, killing {n + 2} fighters, "
        f"officials said in report number {n}.</p><p>Protesters gathered in {place} on Tuesday to demand "
        "an end to the fighting and the release of detained journalists.</p>"
    )
    return {
        "title": f"Fighting near {place} (report {n})",
        "text": text,
        "guid": f"urn:test:item:{n}",
        "link": f"http://127.0.0.1/news/{n}",
        "date": format_datetime(when),
    }


def rss(items: list[dict]) -> bytes:
    out = ['<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Test feed</title>']
    for it in items:
        out.append(
            f"<item><title>{escape(it['title'])}</title><link>{it['link']}</link>"
            f"<guid>{it['guid']}</guid><pubDate>{it['date']}</pubDate>"
            f"<description>{escape(it['text'])}</description></item>"
        )
    out.append("</channel></rss>")
    return "".join(out).encode("utf-8")


class FeedServer:
    """Serves `self.feed` at /feed.xml with an ETag; a few broken URLs for the error paths."""

    def __init__(self) -> None:
        self.feed = b""
        self.hits: list[tuple[str, int]] = []  # (path, status)
        srv = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *a) -> None:  # quiet
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                if self.path == "/feed.xml":
                    body = srv.feed
                    tag = '"' + hashlib.sha1(body).hexdigest() + '"'
                    if self.headers.get("If-None-Match") == tag:
                        return self._send(304, b"", tag)
                    return self._send(200, body, tag, "application/rss+xml")
                if self.path == "/page.html":
                    return self._send(
                        200, b"<!doctype html><html><body><p>hello</p></body></html>", None, "text/html"
                    )
                if self.path == "/home.html":  # a news site's page that announces its feed
                    return self._send(
                        200,
                        b'<!doctype html><html><head><link rel="alternate" type="application/rss+xml" '
                        b'title="News" href="/feed.xml"></head><body><p>news</p></body></html>',
                        None,
                        "text/html",
                    )
                if self.path == "/big.xml":
                    return self._send(200, b"<rss>" + b" " * 5000 + b"</rss>", None, "application/rss+xml")
                if self.path == "/slow.xml":
                    time.sleep(2)
                    return self._send(200, srv.feed, None)
                if self.path == "/to-file":
                    self.send_response(302)
                    self.send_header("Location", "ftp://127.0.0.1/feed.xml")  # urllib would follow ftp
                    self.end_headers()
                    srv.hits.append((self.path, 302))
                    return None
                return self._send(404, b"not here", None)

            def _send(self, status: int, body: bytes, etag: str | None, ctype: str = "text/plain") -> None:
                srv.hits.append((self.path, status))
                self.send_response(status)
                if etag:
                    self.send_header("ETag", etag)
                if status != 304:
                    self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if status != 304:
                    self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> FeedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    with FeedServer() as s:
        yield s


def fake_extract(calls: list[list[str]]):
    """One event per article, recorded: which articles reach event extraction, and how often."""
    from eventdesk.records import Event, Evidence

    def extract(articles, config):
        calls.append([a.id for a in articles])
        return [
            Event(
                article_id=a.id,
                event_type="ASSAULT",
                evidence=Evidence(a.body[:40], 0, 40),
                date=a.published[:10] if a.published else None,
            )
            for a in articles
        ]

    return extract


def test_feed_grows_by_three_only_new_items_processed(server: FeedServer, tmp_path: Path, monkeypatch):
    import eventdesk.pipeline

    calls: list[list[str]] = []
    monkeypatch.setattr(eventdesk.pipeline, "extract_events", fake_extract(calls))
    url = server.base + "/feed.xml"
    cfg = load_config(None)
    lines: list[str] = []
    server.feed = rss([item(i) for i in (1, 0)])  # newest first, as feeds are
    with open_store(str(tmp_path / "w.db")) as store:
        r1 = watch([url], store, cfg, interval=1, once=True, say=lines.append)
        assert (r1.total("items_new"), r1.total("items_old"), r1.total("new_articles")) == (2, 0, 2)
        assert r1.total("events_new") == store.stats()["events"] == 2
        first = {i for c in calls for i in c}
        # three new items at the top: the old ones move down and keep their identity (guid)
        server.feed = rss([item(i) for i in (4, 3, 2, 1, 0)])
        r2 = watch([url], store, cfg, interval=1, once=True, say=lines.append)
        assert (r2.total("items_seen"), r2.total("items_new"), r2.total("items_old")) == (5, 3, 2)
        assert r2.total("new_articles") == 3 and r2.total("exact_duplicates") == 0
        assert r2.total("events_new") == 3
        coded = [i for c in calls for i in c]
        assert len(coded) == 5 and len(set(coded)) == 5 and first <= set(coded)  # nothing coded twice
        st = store.stats()
        assert (st["articles"], st["sources"], st["events"]) == (5, 5, 5)
        assert not r1.problems and not r2.problems
        # a new watch over the same feed: every item is recognised as stored, nothing processed
        r3 = watch([url], store, cfg, interval=1, once=True, say=lines.append)
        assert (r3.total("items_old"), r3.total("items_new"), r3.total("new_articles")) == (5, 0, 0)
        assert len([i for c in calls for i in c]) == 5
        # stored articles carry the feed URL, the item link and a stable index
        arts = list(store.iter_articles())
        assert {s.path for a in arts for s in a.sources} == {url}
        assert {s.url for a in arts for s in a.sources} == {item(i)["link"] for i in range(5)}
        assert {s.index for a in arts for s in a.sources} == {
            item_index({"id": item(i)["guid"]}) for i in range(5)
        }
        assert arts[0].published.startswith("2025-03-0")
        # the feed is in the files table with its articles counted, so the store check holds
        assert store.file_state(url).n_articles == 5
        assert [c.name for c in store.check() if not c.ok] == []
    assert any("2 new item(s) -> 2 new article(s)" in x and "2 new event(s)" in x for x in lines)
    assert any("3 new item(s) -> 3 new article(s)" in x for x in lines)


@pytest.mark.postgres
def test_watch_into_postgres(server: FeedServer, pg_url: str, monkeypatch):
    import eventdesk.pipeline

    calls: list[list[str]] = []
    monkeypatch.setattr(eventdesk.pipeline, "extract_events", fake_extract(calls))
    url = server.base + "/feed.xml"
    with open_store(pg_url) as store:
        server.feed = rss([item(i) for i in (1, 0)])
        assert watch([url], store, load_config(None), once=True).total("new_articles") == 2
        server.feed = rss([item(i) for i in (4, 3, 2, 1, 0)])
        r = watch([url], store, load_config(None), once=True)
        assert (r.total("items_new"), r.total("items_old"), r.total("new_articles")) == (3, 2, 3)
        assert sum(len(c) for c in calls) == 5 and store.stats()["articles"] == 5
        assert [c.name for c in store.check() if not c.ok] == []


def test_feed_items_get_real_events(server: FeedServer, tmp_path: Path):
    """The real event coding (spaCy, PLOVER coder, geo, dates) on feed items, as for files."""
    try:
        from eventdesk.code import code  # noqa: F401
    except ImportError:
        pytest.skip("event coding (eventdesk.code.code) is not in this tree yet")
    server.feed = rss([item(i) for i in (1, 0)])
    with open_store(str(tmp_path / "w.db")) as store:
        r = watch([server.base + "/feed.xml"], store, load_config(None), interval=1, once=True)
        assert r.total("new_articles") == 2 and not r.problems
        assert r.total("events_new") == store.stats()["events"] > 0
        ev = next(store.iter_events())
        assert ev.evidence.sentence and ev.article_id in {a.id for a in store.iter_articles()}


def test_loop_with_stop_event_and_conditional_get(server: FeedServer, tmp_path: Path):
    url = server.base + "/feed.xml"
    server.feed = rss([item(0)])
    stop = threading.Event()
    polls = []
    with open_store(str(tmp_path / "w.db")) as store:

        def grow_then_stop(p) -> None:
            polls.append(p)
            if len(polls) == 2:
                server.feed = rss([item(i) for i in (3, 2, 1, 0)])
            if sum(x.new_articles for x in polls) >= 4 and len(polls) >= 5:
                stop.set()

        t = threading.Thread(
            target=watch,
            args=([url], store, load_config(None)),
            kwargs={"interval": 0.05, "stop_event": stop, "events": False, "on_poll": grow_then_stop},
        )
        t0 = time.time()
        t.start()
        t.join(20)
        assert not t.is_alive(), "watch did not stop on its stop event"
        assert time.time() - t0 < 20
        assert [p.items_new for p in polls[:4]] == [1, 0, 3, 0]
        assert sum(p.items_new for p in polls) == 4  # never an old item again
        assert store.stats()["articles"] == 4
    statuses = [s for path, s in server.hits if path == "/feed.xml"]
    assert statuses.count(200) == 2 and statuses.count(304) == len(statuses) - 2


def test_folder_new_files_only(tmp_path: Path, examples: Path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    first = sorted(examples.iterdir())[0]
    (inbox / first.name).write_bytes(first.read_bytes())
    cfg = load_config(None, {"watch": {"settle_seconds": 0}})
    with open_store(str(tmp_path / "w.db")) as store:
        r1 = watch([str(inbox)], store, cfg, interval=1, once=True, events=False)
        assert r1.total("files_read") == 1 and r1.total("new_articles") == 2
        r2 = watch([str(inbox)], store, cfg, interval=1, once=True, events=False)
        assert r2.total("files_read") == 0 and r2.total("new_articles") == 0
        # a loop: the second poll sees only the file added meanwhile
        stop, polls = threading.Event(), []
        second = sorted(examples.iterdir())[1]

        def on_poll(p) -> None:
            polls.append(p)
            if len(polls) == 1:
                (inbox / second.name).write_bytes(second.read_bytes())
            elif len(polls) >= 2:
                stop.set()

        watch([str(inbox)], store, cfg, interval=0.05, stop_event=stop, events=False, on_poll=on_poll)
        assert [p.files_read for p in polls[:2]] == [0, 1]
        assert store.stats()["articles"] == 3 and store.stats()["files"] == 2


def test_fetch_errors_name_the_url(server: FeedServer, tmp_path: Path):
    with pytest.raises(FetchError, match=r"^file:///etc/passwd: only http and https"):
        fetch("file:///etc/passwd")
    with pytest.raises(FetchError, match=r"/missing.xml: HTTP 404"):
        fetch(server.base + "/missing.xml")
    with pytest.raises(FetchError, match=r"/big.xml: feed is .* over the"):
        fetch(server.base + "/big.xml", max_bytes=1000)
    with pytest.raises(FetchError, match=r"/slow.xml: no answer within 0.3 s"):
        fetch(server.base + "/slow.xml", timeout=0.3)
    with pytest.raises(FetchError, match=r"/to-file: redirected to a URL that is not http"):
        fetch(server.base + "/to-file")
    with pytest.raises(FetchError, match=r"127.0.0.1:1/x.xml: cannot fetch"):
        fetch("http://127.0.0.1:1/x.xml", timeout=2)
    # in a watch: each bad feed is a problem naming it, once; the good feed is still read
    server.feed = rss([item(7)])
    probs = []
    urls = [server.base + "/missing.xml", server.base + "/page.html", server.base + "/feed.xml"]
    with open_store(str(tmp_path / "w.db")) as store:
        r = watch(urls, store, load_config(None), once=True, events=False, on_problem=probs.append)
        assert r.total("new_articles") == 1
    assert [(p.path, p.reason) for p in probs] == [
        (urls[0], "HTTP 404 Not Found"),
        (urls[1], "not an RSS or Atom feed (and no feed link in it, if a web page)"),
    ]
    with pytest.raises(FetchError, match="only http and https"), open_store(str(tmp_path / "x.db")) as store:
        watch(["ftp://127.0.0.1/feed.xml"], store, load_config(None), once=True)


def test_cli_watch_ctrl_c_stops_cleanly(server: FeedServer, tmp_path: Path):
    server.feed = rss([item(i) for i in (2, 1, 0)])
    db = tmp_path / "w.db"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "eventdesk",
            "watch",
            server.base + "/feed.xml",
            "--db",
            str(db),
            "--interval",
            "0.2",
            "--no-events",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # generous: the loop ends as soon as a second poll is seen; on a loaded machine starting the
        # CLI (spaCy import) alone can take tens of seconds, and Ctrl-C before the first poll is another test
        deadline = time.time() + 120
        while time.time() < deadline:
            time.sleep(0.2)
            if [p for p, s in server.hits if p == "/feed.xml" and s == 304]:
                break  # the first poll is done and a later one has run
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "3 new item(s) -> 3 new article(s)" in err
    assert "stopped (Ctrl-C)" in err and "Traceback" not in err
    with open_store(str(db)) as store:
        assert store.stats()["articles"] == 3
    p = subprocess.run(
        [
            sys.executable,
            "-m",
            "eventdesk",
            "watch",
            server.base + "/feed.xml",
            "--db",
            str(db),
            "--once",
            "--no-events",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert p.returncode == 0 and "0 new article(s)" in p.stderr, p.stderr
    assert os.path.exists(db)


def test_atom_feed_and_item_identity(server: FeedServer, tmp_path: Path):
    """Atom entries are identified by <id>; items without a guid by their link, else their text."""
    entries = "".join(
        f"<entry><id>tag:test,2025:{n}</id><title>Talks in Doha, round {n}</title>"
        f'<link rel="alternate" href="http://127.0.0.1/a/{n}"/><updated>2025-04-0{n}T10:00:00Z</updated>'
        f'<content type="html">&lt;p&gt;Negotiators met in Doha for round {n} of ceasefire talks, '
        f"mediators said on Sunday.&lt;/p&gt;</content></entry>"
        for n in (1, 2)
    )
    server.feed = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>t</title>{entries}</feed>"
    ).encode()
    with open_store(str(tmp_path / "w.db")) as store:
        r = watch([server.base + "/feed.xml"], store, load_config(None), once=True, events=False)
        assert r.total("new_articles") == 2 and not r.problems
        a = next(store.iter_articles())
        assert a.url.startswith("http://127.0.0.1/a/") and a.published.startswith("2025-04-0")
        assert a.body.startswith("Negotiators met in Doha")
    assert item_index({"id": "x", "url": "u1"}) == item_index({"id": "x", "url": "u2"})  # guid wins
    assert item_index({"url": "u1", "title": "a"}) == item_index({"url": "u1", "title": "b"})  # then the link
    assert item_index({"title": "a", "text": "b"}) != item_index({"title": "a", "text": "c"})  # then the text
    assert 0 <= item_index({"id": "x"}) < 2**63


def test_web_page_given_to_watch_leads_to_its_feed(server: FeedServer, tmp_path: Path):
    """`watch https://site/` (a page, not a feed) follows the feed the page announces."""
    server.feed = rss([item(i) for i in (1, 0)])
    said: list[str] = []
    with open_store(str(tmp_path / "w.db")) as store:
        r = watch(
            [server.base + "/home.html"], store, load_config(None), once=True, events=False, say=said.append
        )
        assert r.total("new_articles") == 2 and not r.problems
    assert any("following its feed " + server.base + "/feed.xml" in s for s in said), said
    # a page without a feed link is still refused, saying so
    with open_store(str(tmp_path / "x.db")) as store:
        r = watch([server.base + "/page.html"], store, load_config(None), once=True, events=False)
        assert r.problems and "no feed link" in r.problems[0].reason
