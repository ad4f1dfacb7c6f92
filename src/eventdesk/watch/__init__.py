"""`eventdesk watch`: follow folders and RSS/Atom feeds, adding new articles and events as they arrive.

Each poll processes only what is new:

Both are sources of the pipeline's one Runner (eventdesk.pipeline): `Files` and `Documents`.

- folders and files: the Runner, which skips files already read (same size and
  mtime, or same content hash); after the first poll only new or changed files are handed to it,
  and a file still being written (modified in the last `settle_seconds`) waits for the next poll.
- feeds (http/https URLs): fetched with a conditional GET (ETag / Last-Modified: an unchanged
  feed costs a 304 and no parsing); each item is remembered in the store as a source
  (path = the feed URL, index = a hash of the item's guid, else its link, else its text), so an
  item already stored is never processed again, by this watch or a later one. New items become
  records and go through the same pipeline as files (segment, dedup, store, events).

`watch(...)` returns a WatchReport; `once=True` polls once. A `stop_event` (threading.Event) or
Ctrl-C stops it between two polls or in the middle of one: what was committed stays, and the
next watch carries on from there.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from eventdesk.config import section
from eventdesk.pipeline import Documents, Files, Runner, RunReport
from eventdesk.read import STDIN, decode, expand, gunzip, is_gzip, parse_feed, record_document, sniff
from eventdesk.records import Document, Problem, Source
from eventdesk.store.base import FileState, Store
from eventdesk.watch.fetch import Fetched, FetchError, check_url, fetch, is_url

__all__ = ["FetchError", "PollReport", "WatchReport", "item_index", "watch"]

log = logging.getLogger("eventdesk.watch")


@dataclass
class PollReport:
    """What one poll did. `items_new` counts feed items handed to the pipeline, `items_old` those
    skipped because they were already stored."""

    files_read: int = 0
    feeds_fetched: int = 0
    feeds_unchanged: int = 0  # the server answered 304 Not Modified
    items_seen: int = 0
    items_old: int = 0
    items_new: int = 0
    new_articles: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0
    events_new: int = 0
    events_merged: int = 0
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0

    def add_run(self, r: RunReport) -> None:
        self.new_articles += r.new_articles
        self.exact_duplicates += r.exact_duplicates
        self.near_duplicates += r.near_duplicates
        self.events_new += r.events_new
        self.events_merged += r.events_merged


@dataclass
class WatchReport:
    polls: list[PollReport] = field(default_factory=list)

    def total(self, name: str) -> int:
        return sum(getattr(p, name) for p in self.polls)

    @property
    def problems(self) -> list[Problem]:
        return [x for p in self.polls for x in p.problems]


def _norm(s: Any) -> str:
    return " ".join(str(s or "").split()).casefold()


def item_index(item: dict[str, Any]) -> int:
    """A stable number for a feed item (its place in the feed changes as the feed grows): a hash of
    its guid, else its link, else its title and text. 60 bits, so it fits the store's integers."""
    key = item.get("id") or item.get("url") or "\x1f".join(str(item.get(k) or "") for k in ("title", "text"))
    return int(hashlib.sha1(str(key).strip().encode("utf-8", "surrogatepass")).hexdigest()[:15], 16)


@dataclass
class _Feed:
    url: str
    etag: str | None = None
    modified: str | None = None
    failing: str | None = None  # the last error, so a feed that stays down is not logged every poll
    rejected: set[int] = field(default_factory=set)  # items that gave only problems: not retried
    discovered_from: str | None = None  # the web page this feed's URL was found in


_FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+xml",
    "application/xml",
    "text/xml",
)


def discover_feeds(html: str, base: str) -> list[str]:
    """Feed URLs a web page announces (<link rel="alternate" type="application/rss+xml" href=...>,
    the RSS autodiscovery convention), absolute, in page order."""
    from urllib.parse import urljoin

    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    out: list[str] = []
    for link in root.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().split(";")[0].strip()
        href = (link.get("href") or "").strip()
        if "alternate" in rel and kind in _FEED_TYPES and href:
            url = urljoin(base, href)
            if url.startswith(("http://", "https://")) and url not in out:
                out.append(url)
    return out


class Watcher:
    def __init__(
        self,
        inputs: list[str],
        store: Store,
        config: dict[str, Any],
        events: bool = True,
        say: Callable[[str], None] | None = None,
        on_problem: Callable[[Problem], None] | None = None,
    ) -> None:
        self.store = store
        self.config = config
        self.events = events
        self.say = say or log.info
        self.on_problem = on_problem
        cfg = section(config, "watch")  # declared in watch/settings.py
        self.timeout = float(cfg["timeout_seconds"])
        self.max_bytes = int(cfg["max_feed_bytes"])
        self.settle = float(cfg["settle_seconds"])
        self.feeds: list[_Feed] = []
        self.paths: list[str] = []
        for s in inputs:
            if s == STDIN:
                raise ValueError("watch follows folders, files and feed URLs, not standard input (-)")
            if is_url(s):
                self.feeds.append(_Feed(check_url(s)))
            else:
                self.paths.append(s)
        self._files: dict[str, tuple[int, float]] = {}  # what this watch has handed to the Runner
        self._first = True
        self._current = PollReport()

    # -- one poll ------------------------------------------------------------------------
    def poll(self, stop: threading.Event | None = None) -> PollReport:
        t0 = time.perf_counter()
        rep = PollReport()
        if self.paths:
            self._poll_files(rep)
        if self.feeds:
            # every feed fetched at once, each within its own deadline (watch.timeout_seconds): a slow
            # or hostile feed does not hold the others (issue 15); the store is written here, in order
            from concurrent.futures import ThreadPoolExecutor

            pool = ThreadPoolExecutor(max_workers=min(8, len(self.feeds)), thread_name_prefix="feed")
            try:
                pending = {id(f): pool.submit(self._fetch, f) for f in self.feeds}
                for feed in self.feeds:
                    if stop is not None and stop.is_set():
                        break
                    self._poll_feed(feed, rep, pending[id(feed)].result())
            finally:
                pool.shutdown(wait=False, cancel_futures=True)
        self._first = False
        rep.seconds = round(time.perf_counter() - t0, 3)
        return rep

    def _run(self, source: Files | Documents) -> RunReport:
        """One run of the pipeline's Runner over what this poll found new."""
        runner = Runner(self.store, self.config, events=self.events, progress=False, on_problem=self._problem)
        return runner.run(source)

    def _problem(self, p: Problem) -> None:
        self._current.problems.append(p)
        if self.on_problem:
            self.on_problem(p)

    def _poll_files(self, rep: PollReport) -> None:
        self._current = rep
        if self._first:
            todo = self.paths  # the Runner walks them, skips what is stored, reports bad paths once
        else:
            todo = []
            now = time.time()
            for item in expand(self.paths):
                if isinstance(item, Problem):
                    continue  # reported at the first poll
                try:
                    st = os.stat(item)
                except OSError:
                    continue
                if self._files.get(item) == (st.st_size, st.st_mtime):
                    continue
                if now - st.st_mtime < self.settle:
                    continue  # still being written, perhaps: next poll
                todo.append(item)
        if not todo:
            return
        r = self._run(Files(todo))
        for item in expand(self.paths) if self._first else todo:
            if isinstance(item, str):
                try:
                    st = os.stat(item)
                    self._files[item] = (st.st_size, st.st_mtime)
                except OSError:
                    pass
        rep.files_read += r.files_read
        rep.add_run(r)
        if r.files_read or r.new_articles:
            self.say(f"files: {r.files_read} read -> {self._added(r)}")

    def _fetch(self, feed: _Feed) -> Fetched | FetchError:
        try:
            return fetch(feed.url, self.timeout, self.max_bytes, feed.etag, feed.modified)
        except FetchError as e:
            return e

    def _poll_feed(self, feed: _Feed, rep: PollReport, got: Fetched | FetchError | None = None) -> None:
        self._current = rep
        try:
            if got is None:
                got = self._fetch(feed)
            if isinstance(got, FetchError):
                raise got
        except FetchError as e:
            if str(e) != feed.failing:
                self._problem(Problem(feed.url, str(e).removeprefix(feed.url + ": ")))
                self.say(f"feed {e} (retrying at each poll)")
            feed.failing = str(e)
            return
        if feed.failing:
            self.say(f"feed {feed.url}: reachable again")
            feed.failing = None
        rep.feeds_fetched += 1
        feed.etag, feed.modified = got.etag, got.modified
        if got.status == 304:
            rep.feeds_unchanged += 1
            return
        data = got.data
        if is_gzip(data):  # streamed, within the feed size limit (a gzip bomb is refused)
            data, problem = gunzip(data, feed.url, max_out=self.max_bytes)
            if problem:
                self._problem(problem)
            if not data:
                return
        if sniff(data) != "feed":
            found = discover_feeds(decode(data), feed.url) if not feed.discovered_from else []
            if not found:
                self._feed_problem(feed, "not an RSS or Atom feed (and no feed link in it, if a web page)")
                return
            # a web page that names its feeds (<link rel="alternate" type="application/rss+xml">):
            # follow the first one instead, and say so
            self.say(
                f"{feed.url} is a web page; following its feed {found[0]}"
                + (
                    f" (it names {len(found)}: {', '.join(found[1:4])}{' ...' if len(found) > 4 else ''})"
                    if len(found) > 1
                    else ""
                )
            )
            try:
                url = check_url(found[0])
            except FetchError as e:
                self._feed_problem(feed, f"its feed link is not usable: {e}")
                return
            feed.discovered_from, feed.url = feed.url, url
            feed.etag = feed.modified = None
            self._poll_feed(feed, rep)
            return
        try:
            items = parse_feed(decode(data))
        except ValueError as e:
            self._feed_problem(feed, f"unreadable feed: {e}")
            return
        rep.items_seen += len(items)
        docs: list[Document] = []
        seen_now: dict[int, dict[str, Any]] = {}
        for it in items:
            idx = item_index(it)
            owner = self.store.source_owner(Source(feed.url, idx))
            if (
                it.get("id")
                and (idx in seen_now or owner)
                and not self._same_item(it, owner, seen_now.get(idx))
            ):
                # another item under a guid already used (feeds should not, some do): kept under its
                # own content, and said (issue 15)
                self._problem(
                    Problem(
                        feed.url,
                        f"item {str(it.get('title') or '')[:60]!r} reuses the guid {str(it['id'])[:80]!r} of "
                        "another item; stored as an item of its own",
                        notice=True,
                    )
                )
                idx = item_index({k: v for k, v in it.items() if k != "id"})
                owner = self.store.source_owner(Source(feed.url, idx))
            if idx in seen_now or idx in feed.rejected or owner:
                rep.items_old += 1
                continue
            seen_now[idx] = it
            doc = record_document(it, feed.url, idx)
            if isinstance(doc, Problem):
                feed.rejected.add(idx)
                self._problem(doc)
                continue
            docs.append(doc)
        rep.items_new += len(docs)
        if not docs:
            return
        # the feed in the files table, like a file: its articles' sources are counted (store check)
        record = FileState(feed.url, len(got.data), time.time(), hashlib.sha1(got.data).hexdigest())
        r = self._run(Documents(docs, name=feed.url, record=record))
        # an item that gave no article (only a problem) is not retried while this watch runs
        for d in docs:
            if not self.store.source_owner(Source(feed.url, d.index)):
                feed.rejected.add(d.index)
        rep.add_run(r)
        self.say(f"feed {feed.url}: {len(docs)} new item(s) -> {self._added(r)}")

    def _same_item(self, it: dict[str, Any], owner: str | None, earlier: dict[str, Any] | None) -> bool:
        """Is this item the one already seen under its guid (same title, or same text)? An item
        whose title is edited keeps its guid and is the same item; a different item is not."""
        if earlier is not None:
            return _norm(earlier.get("title")) == _norm(it.get("title"))
        a = self.store.get_article(owner) if owner else None
        if a is None:
            return True
        return _norm(a.title) == _norm(it.get("title")) or _norm(it.get("text"))[:200] in _norm(a.body)

    def _feed_problem(self, feed: _Feed, reason: str) -> None:
        msg = f"{feed.url}: {reason}"
        if msg != feed.failing:
            self._problem(Problem(feed.url, reason))
            self.say(f"feed {msg}")
        feed.failing = msg

    def _added(self, r: RunReport) -> str:
        parts = [f"{r.new_articles} new article(s)"]
        if r.exact_duplicates:
            parts.append(f"{r.exact_duplicates} already stored (one more source)")
        if r.near_duplicates:
            parts.append(f"{r.near_duplicates} near-duplicate(s)")
        if self.events:
            parts.append(
                f"{r.events_new} new event(s)" + (f", {r.events_merged} merged" if r.events_merged else "")
            )
        if r.problems:
            parts.append(f"{len(r.problems)} problem(s)")
        return ", ".join(parts)


def watch(
    paths_or_urls: list[str],
    store: Store,
    config: dict[str, Any],
    interval: float = 300.0,
    once: bool = False,
    stop_event: threading.Event | None = None,
    events: bool = True,
    say: Callable[[str], None] | None = None,
    on_problem: Callable[[Problem], None] | None = None,
    on_poll: Callable[[PollReport], None] | None = None,
) -> WatchReport:
    """Poll folders/files and feed URLs every `interval` seconds until `stop_event` is set (or
    Ctrl-C), adding what is new; `once`: a single poll. `say` gets one line per addition."""
    if not once and not interval > 0:
        raise ValueError("interval must be > 0 seconds")
    w = Watcher(list(paths_or_urls), store, config, events=events, say=say, on_problem=on_problem)
    stop = stop_event or threading.Event()
    report = WatchReport()
    while not stop.is_set():
        p = w.poll(stop)
        report.polls.append(p)
        if on_poll:
            on_poll(p)
        if once or stop.wait(interval):
            break
    return report
