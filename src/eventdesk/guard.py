"""Per-document limits, so no single document can hang or crash a run (issue 7).

`time_limit(seconds)` raises `DocumentTimeout` in the block when the time is up (SIGALRM, so it
works in the main thread of a process: the CLI and every worker of a process pool). The
`*_guarded` functions wrap the pipeline stages one document (or article) at a time and turn a
timeout, a too-deep structure, memory exhaustion or an unexpected error into a `Problem` naming
the document, so the run goes on and the summary counts it.

Settings (declared in read/settings.py and code/settings.py, defaults in docs/SETTINGS.md; 0 or
None turns a time limit off):
  read.file_timeout_s       seconds to read and parse one input file
  read.document_timeout_s   seconds to segment one document into articles
  code.article_timeout_s    seconds to extract the events of one article
  read.max_document_chars   longer article texts are cut after extraction (reported; a dump is read in pieces)

Limits of the mechanism: the alarm is delivered between Python bytecodes, so a single long C
call (one lxml parse, one regex search is fine: `re` checks for signals) ends before the
timeout is raised. Outside the main thread (a thread pool, a web server) signals cannot be
used: the limit is not applied and a warning says so once.
"""

from __future__ import annotations

import math
import os
import signal
import sys
import threading
import time
import traceback
import warnings
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from eventdesk.config import setting
from eventdesk.records import Article, Document, Event, Problem

# set to 1 to print the whole traceback of an unexpected error to stderr (workers inherit it)
TRACEBACK_ENV = "EVENTDESK_TRACEBACK"


class DocumentTimeout(Exception):
    """One document took longer than its limit."""

    def __init__(self, seconds: float, what: str = "document") -> None:
        super().__init__(f"{what} took longer than {seconds:g} s")
        self.seconds = seconds
        self.what = what


_warned = False


def _can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def limit(config: dict[str, Any] | None, section: str, key: str) -> float | None:
    """A time limit from the config (or its default); None when switched off (0, None, negative)."""
    value = setting(config, f"{section}.{key}")
    try:
        value = float(value) if value is not None else None
    except (TypeError, ValueError):
        return None
    return value if value and value > 0 and math.isfinite(value) else None


@contextmanager
def time_limit(seconds: float | None, what: str = "document") -> Iterator[None]:
    """Raise DocumentTimeout inside the block after `seconds` (None or <= 0: no limit).

    Nests: an inner limit never outlives an outer one, and the outer timer is re-armed with
    what is left of it on the way out. Not in the main thread: no limit, one warning.
    """
    global _warned
    if not seconds or seconds <= 0:
        yield
        return
    if not _can_alarm():
        if not _warned:
            warnings.warn(
                "eventdesk: per-document time limits need the main thread of a process; "
                "running without them here",
                RuntimeWarning,
                stacklevel=3,
            )
            _warned = True
        yield
        return
    start = time.monotonic()
    deadline = start + seconds
    old_handler = signal.getsignal(signal.SIGALRM)
    old_left, _ = signal.getitimer(signal.ITIMER_REAL)

    def on_alarm(signum: int, frame: Any) -> None:
        if time.monotonic() >= deadline - 0.005:
            raise DocumentTimeout(seconds, what)
        if callable(old_handler):  # the outer limit's alarm, earlier than ours
            old_handler(signum, frame)

    signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, min(seconds, old_left) if old_left else seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old_handler)
        if old_left:  # give the outer limit back what is left of it (at once if it is spent)
            signal.setitimer(signal.ITIMER_REAL, max(old_left - (time.monotonic() - start), 1e-4))


def _failure(exc: BaseException, seconds: float | None, key: str) -> str:
    if isinstance(exc, DocumentTimeout):
        return f"took longer than {seconds:g} s ({key}); skipped"
    if isinstance(exc, RecursionError):
        return "nested too deeply to process; skipped"
    if isinstance(exc, MemoryError):
        return "not enough memory to process; skipped"
    # a bug report needs the place, not only the message: the stored problem names the innermost
    # frame of our own code; the whole traceback is printed on request
    if os.environ.get(TRACEBACK_ENV, "") not in ("", "0"):
        traceback.print_exception(exc, file=sys.stderr)
        how = ""
    else:
        how = f" ({TRACEBACK_ENV}=1 prints the traceback)"
    where = _where(exc)
    at = f" at {where}" if where else ""
    return (
        f"could not be processed ({type(exc).__name__}: {exc}{at}); skipped, please report this as a bug{how}"
    )


def _where(exc: BaseException) -> str:
    """`eventdesk/code/actors/resolve.py:123 in resolve`: the innermost frame of eventdesk that raised."""
    package = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(package)
    found = ""
    for frame in traceback.extract_tb(exc.__traceback__):
        path = os.path.abspath(frame.filename)
        if path.startswith(package + os.sep):
            found = f"{os.path.relpath(path, root)}:{frame.lineno} in {frame.name}"
    return found


def read_file_guarded(
    path: str,
    config: dict[str, Any] | None = None,
    skip: Callable[[str, int, float, str | None], bool] | None = None,
):
    """`read.read_file` under read.file_timeout_s; a timeout or crash is a Problem on the file.

    The file gets no digest then, so it is not marked done: the next run tries it again.
    """
    from eventdesk.read import InputFile, read_file

    seconds = limit(config, "read", "file_timeout_s")
    try:
        with time_limit(seconds, f"reading {path}"):
            return read_file(path, config, skip)
    except (DocumentTimeout, RecursionError, MemoryError, Exception) as e:  # noqa: BLE001 - never crash a run
        return InputFile(path, problems=[Problem(path, _failure(e, seconds, "read.file_timeout_s"))])


def segment_guarded(
    documents: Iterable[Document],
    config: dict[str, Any] | None = None,
    segment_one: Callable[[Document], list[Article | Problem]] | None = None,
) -> list[Article | Problem]:
    """`segment.segment` one document at a time under read.document_timeout_s.

    A document that times out or raises becomes a Problem naming its file and index; the other
    documents of the file are segmented as usual.
    """
    if segment_one is None:
        from eventdesk.segment import segment_document as segment_one
    seconds = limit(config, "read", "document_timeout_s")
    max_chars = int(setting(config, "read.max_document_chars"))
    out: list[Article | Problem] = []
    dump_articles: dict[str, int] = {}  # a dump read in pieces: its articles numbered on across them
    for doc in documents:
        try:
            with time_limit(seconds, f"segmenting {doc.path}#{doc.index}"):
                items = segment_one(doc)
        except (DocumentTimeout, RecursionError, MemoryError, Exception) as e:  # noqa: BLE001
            out.append(Problem(doc.path, _failure(e, seconds, "read.document_timeout_s"), doc.index))
            continue
        if doc.kind == "dump":
            offset = dump_articles.get(doc.path, 0)
            n = 0
            for a in items:
                if isinstance(a, Article):
                    for s in a.sources:
                        s.index += offset
                    n += 1
            dump_articles[doc.path] = offset + n
        for a in items:
            if isinstance(a, Article) and len(a.body) > max_chars:  # limit the extracted text (issue 15)
                where = a.sources[0] if a.sources else None
                out.append(
                    Problem(
                        doc.path,
                        f"article text of {len(a.body):,} characters cut to the first {max_chars:,} "
                        "(read.max_document_chars)",
                        where.index if where else doc.index,
                    )
                )
                a.body = (
                    a.body[:max_chars].rsplit("\n\n", 1)[0]
                    if "\n\n" in a.body[:max_chars]
                    else a.body[:max_chars]
                )
                a.id = ""
                a.__post_init__()
        out.extend(items)
    return out


def article_origin(article: Article) -> tuple[str, int | None]:
    """(path, index) an article was read from: its first source, else its id (what a Problem names)."""
    s = article.sources[0] if article.sources else None
    return (s.path, s.index) if s else (f"article {article.id}", None)


def extract_guarded(
    articles: list[Article],
    config: dict[str, Any] | None,
    extract: Callable[[list[Article], dict[str, Any]], list[Event]],
) -> tuple[list[Event], list[Problem]]:
    """Events of a batch of articles, no article able to hang or crash the batch.

    The batch runs under code.article_timeout_s (a normal batch takes a few seconds; a limit that
    grew with the batch would let one hostile article hold it for n times the limit). If it times
    out or raises, each article is retried alone under the same limit; an article that still fails
    gives a Problem (its first source) and no events. The caller marks every article coded, failed
    ones included, so a re-run does not retry them for ever (re-code with a higher limit by
    clearing their mark).
    """
    if not articles:
        return [], []
    cfg = config or {}
    seconds = limit(cfg, "code", "article_timeout_s")
    try:
        with time_limit(seconds, f"coding {len(articles)} articles"):
            return extract(articles, cfg), []
    except (DocumentTimeout, RecursionError, MemoryError, Exception) as e:  # noqa: BLE001 - find the culprit
        if len(articles) == 1:
            return [], [_article_problem(articles[0], e, seconds)]
    events: list[Event] = []
    problems: list[Problem] = []
    for a in articles:
        try:
            with time_limit(seconds, f"coding article {a.id}"):
                events.extend(extract([a], cfg))
        except (DocumentTimeout, RecursionError, MemoryError, Exception) as e:  # noqa: BLE001
            problems.append(_article_problem(a, e, seconds))
    return events, problems


def _article_problem(a: Article, exc: BaseException, seconds: float | None) -> Problem:
    path, index = article_origin(a)
    return Problem(
        path,
        f"events of article {a.id} ({a.title[:60]!r}) " + _failure(exc, seconds, "code.article_timeout_s"),
        index,
    )
