"""Stage 1, read: files, folders, globs and `-` (stdin) -> documents, one `InputFile` at a time.

Formats are told by content: seed-style text dumps, HTML, JSONL/JSON (news-please, trafilatura,
plain), RSS/Atom, WARC and gzip of any of these. A bad file becomes a `Problem` naming it and
what is wrong; it never stops the run.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from eventdesk.config import setting
from eventdesk.read.decode import decode
from eventdesk.read.feeds import parse_feed
from eventdesk.read.files import STDIN, canonical_path, expand
from eventdesk.read.formats import GZIP_MAGIC, gunzip, read_bytes, record_document, set_limits, sniff
from eventdesk.records import Document, Problem
from eventdesk.text.headlines import headline_like

# The public API of this stage: what other stages and surfaces (watch) may use. The submodules
# (decode, feeds, files, formats) are its internals.
__all__ = [
    "STDIN",
    "InputFile",
    "canonical_path",
    "decode",
    "expand",
    "gunzip",
    "is_gzip",
    "parse_feed",
    "read",
    "read_file",
    "record_document",
    "sniff",
]


def is_gzip(data: bytes) -> bool:
    """Do these bytes start a gzip stream (to be opened with `gunzip` first)?"""
    return data.startswith(GZIP_MAGIC)


@dataclass
class InputFile:
    path: str
    size: int = 0
    mtime: float = 0.0
    digest: str = ""
    documents: list[Document] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: bool = False  # already in the store, unchanged


def read_file(
    path: str,
    config: dict[str, Any] | None = None,
    skip: Callable[[str, int, float, str | None], bool] | None = None,
) -> InputFile:
    """Read one file (or stdin) completely into documents and problems.

    `skip(path, size, mtime, digest)` lets the caller skip unchanged files: it is asked first
    with digest None (cheap: no read), then with the content hash.
    """
    max_bytes = int(setting(config, "read.max_file_bytes"))
    max_chars = int(setting(config, "read.max_document_chars"))
    f = InputFile(path)
    try:
        if path == STDIN:
            data = sys.stdin.buffer.read(max_bytes + 1)
            f.path = path = "<stdin>"
        else:
            st = os.stat(path)
            f.size, f.mtime = st.st_size, st.st_mtime
            if skip and skip(path, f.size, f.mtime, None):
                f.skipped = True
                return f
            if not stat.S_ISREG(st.st_mode):  # opening a FIFO or a device would block or never end
                f.problems.append(Problem(path, "not a regular file (a pipe, socket or device); skipped"))
                return f
            if st.st_size > max_bytes:
                f.problems.append(
                    Problem(
                        path,
                        f"file is {st.st_size / 1e6:,.0f} MB, over the "
                        f"{max_bytes / 1e6:,.0f} MB limit; raise read.max_file_bytes "
                        "in eventdesk.toml or split the file",
                    )
                )
                return f
            with open(path, "rb") as fh:
                data = fh.read(max_bytes + 1)
    except PermissionError:
        f.problems.append(Problem(path, "permission denied: cannot read this file"))
        return f
    except IsADirectoryError:
        f.problems.append(Problem(path, "is a folder"))
        return f
    except OSError as e:
        f.problems.append(Problem(path, f"cannot read: {e.strerror or e}"))
        return f
    if len(data) > max_bytes:
        f.problems.append(Problem(path, f"input over the {max_bytes / 1e6:,.0f} MB limit; skipped"))
        return f
    f.digest = hashlib.sha1(data).hexdigest()
    if path != "<stdin>" and skip and skip(path, f.size, f.mtime, f.digest):
        f.skipped = True
        return f
    if not data:
        f.problems.append(Problem(path, "empty file (0 bytes)"))
        return f
    max_markup = int(setting(config, "read.max_markup_chars"))
    set_limits(config)
    try:
        for item in read_bytes(data, path):
            if isinstance(item, Problem):
                f.problems.append(item)
                continue
            # Limits apply to what matters (issue 15): a dump is split into pieces at article gaps
            # (segmenting renumbers their articles), an HTML page loses its inline data: URIs (base64
            # images) and is limited as markup; article text is limited after extraction (guard.py).
            if item.kind == "dump" and len(item.text) > max_chars:
                pieces, cut = dump_pieces(item, max_chars)
                f.documents.extend(pieces)
                f.problems.extend(cut)
                continue
            if item.kind == "html":
                item.text = strip_data_uris(item.text)
                if len(item.text) > max_markup:
                    f.problems.append(
                        Problem(
                            path,
                            f"HTML page of {len(item.text):,} characters of markup, over read.max_markup_chars "
                            f"({max_markup:,}); skipped",
                            item.index,
                        )
                    )
                    continue
            elif len(item.text) > max_chars:
                f.problems.append(
                    Problem(
                        path,
                        f"text of {len(item.text):,} characters cut to the first "
                        f"{max_chars:,} (read.max_document_chars)",
                        item.index,
                    )
                )
                item.text = item.text[:max_chars]
            f.documents.append(item)
    except RecursionError:
        f.problems.append(Problem(path, "structure nested too deeply to read; skipped"))
    except MemoryError:
        f.problems.append(Problem(path, "not enough memory to read this file; skipped"))
    if not f.documents and not f.problems:  # never drop a file without a word (a WARC of images, `[]`)
        kind = "gzip" if data.startswith(b"\x1f\x8b") else sniff(data)
        f.problems.append(Problem(path, f"no document found in this file (read as {kind})"))
    return f


_DATA_URI = re.compile(r"data:[\w.+/-]*(?:;[\w=.-]+)*,[^\"'\s)>]{256,}")


def strip_data_uris(html: str) -> str:
    """Inline images and fonts (`src="data:image/png;base64,..."`) carry no text: drop their bytes,
    so a page's size is the size of what can be read."""
    return _DATA_URI.sub("data:,", html) if "data:" in html else html


_GAP_THEN_LINE = re.compile(r"\n[ \t]*\n[ \t]*([^\n]{1,220})\n")


def _cut_point(text: str, lo: int, hi: int) -> int | None:
    """Where to end a piece between lo and hi: before the last headline-like line that follows a
    blank line (where an article starts), else at the last blank line, else the last line end."""
    best = None
    for m in _GAP_THEN_LINE.finditer(text, lo, hi):
        if headline_like(m.group(1).strip()):
            best = m.start(1)
    if best is not None:
        return best
    for gap in ("\n\n", "\n"):
        k = text.rfind(gap, lo, hi)
        if k >= 0:
            return k + len(gap)
    return None


def dump_pieces(doc: Document, max_chars: int) -> tuple[list[Document], list[Problem]]:
    """A dump longer than max_chars as consecutive pieces of at most max_chars, each ending, in its
    last quarter, where an article starts (a headline after a blank line) or at a blank line. Only a
    line longer than that can be cut, and that is reported."""
    pieces: list[Document] = []
    problems: list[Problem] = []
    text = doc.text
    start = 0
    while start < len(text):
        end = min(len(text), start + max_chars)
        if end < len(text):
            cut = _cut_point(text, start + max_chars * 3 // 4, end)
            if cut is None or cut <= start:
                problems.append(
                    Problem(
                        doc.path,
                        f"a line of over {max_chars // 4:,} characters cut at character {end:,} "
                        "(read.max_document_chars): the text around it may be split",
                    )
                )
            else:
                end = cut
        pieces.append(
            Document(path=doc.path, kind="dump", text=text[start:end], index=len(pieces), url=doc.url)
        )
        start = end
    return pieces, problems


def read(
    paths: list[str],
    config: dict[str, Any] | None = None,
    skip: Callable[[str, int, float, str | None], bool] | None = None,
) -> Iterator[InputFile]:
    """Every input file in a stable order, each read completely (documents + problems)."""
    for item in expand(paths):
        if isinstance(item, Problem):
            yield InputFile(item.path, problems=[item])
        else:
            yield read_file(item, config, skip)
