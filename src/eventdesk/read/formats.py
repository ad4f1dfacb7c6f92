"""Format sniffing and one reader per format. Formats are told by content, not only by suffix."""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import re
import zlib
from collections.abc import Iterator
from typing import Any

from eventdesk.read.decode import decode, looks_binary
from eventdesk.records import Document, Problem

GZIP_MAGIC = b"\x1f\x8b"
ZIP_MAGIC = b"PK\x03\x04"


def gunzip(data: bytes, path: str) -> tuple[bytes, Problem | None]:
    """Decompress all gzip members; a truncated or corrupt archive keeps what could be read."""
    try:
        return gzip.decompress(data), None
    except (EOFError, OSError, zlib.error) as e:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            part = d.decompress(data)
        except zlib.error:
            part = b""
        reason = "truncated gzip archive" if isinstance(e, EOFError) else f"corrupt gzip archive ({e})"
        return part, Problem(path, f"{reason}: kept the {len(part):,} bytes that could be decompressed")


def sniff(data: bytes) -> str:
    """'warc', 'html', 'jsonl', 'json', 'feed', 'binary' or 'dump' (plain text)."""
    head = data[:4096]
    if head.startswith(b"WARC/"):
        return "warc"
    if looks_binary(head):
        return "binary"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<!doctype html", b"<html")) or (text.startswith(b"<") and b"<body" in head.lower()):
        return "html"
    if text.startswith(b"<?xml") or text.startswith((b"<rss", b"<feed")):
        if b"<rss" in head.lower() or b"<feed" in head.lower():
            return "feed"
        return "html" if b"<html" in head.lower() else "dump"
    if text.startswith(b"{"):
        return "jsonl"
    if text.startswith(b"["):
        return "json"
    if text.startswith(b"<") and (b"<p" in head.lower() or b"<div" in head.lower()):
        return "html"
    return "dump"


# Field names of common exporters: news-please, trafilatura --json, and plain exports.
TITLE_KEYS = ("title", "headline")
TEXT_KEYS = ("maintext", "text", "body", "content", "raw_text", "article", "description")
DATE_KEYS = ("date_publish", "published", "date", "pubdate", "published_at", "publish_date", "datePublished")
URL_KEYS = ("url", "source_url", "link", "canonical_url")
HTML_KEYS = ("html", "raw_html")


# JSON may spell a lone UTF-16 surrogate (a \\u escape in d800-dfff): a str that cannot be encoded, hashed or stored.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _first(rec: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for k in keys:
        v = rec.get(k)
        if v not in (None, "", []):
            return _SURROGATE.sub("\ufffd", v) if isinstance(v, str) else v
    return None


def record_document(rec: dict[str, Any], path: str, index: int) -> Document | Problem:
    """One JSON object (news-please, trafilatura, or plain {title, text, date, url}) -> Document."""
    if not isinstance(rec, dict):
        return Problem(path, f"expected a JSON object, found {type(rec).__name__}", index)
    url = _first(rec, URL_KEYS)
    url = url if isinstance(url, str) else None
    published = _first(rec, DATE_KEYS)
    published = str(published) if published is not None else None
    html = _first(rec, HTML_KEYS)
    text = _first(rec, TEXT_KEYS)
    title = _first(rec, TITLE_KEYS)
    if not isinstance(text, str) and isinstance(html, str):
        return Document(
            path=path,
            kind="html",
            text=html,
            index=index,
            url=url,
            published=published,
            title=title if isinstance(title, str) else None,
        )
    if not isinstance(text, str) or not text.strip():
        return Problem(path, "record has no text (looked for " + ", ".join(TEXT_KEYS) + ")", index)
    return Document(
        path=path,
        kind="record",
        text=text,
        index=index,
        title=title if isinstance(title, str) else None,
        url=url,
        published=published,
        meta={
            k: _SURROGATE.sub("\ufffd", v) if isinstance(v := rec[k], str) else v
            for k in ("id", "source", "language")
            if k in rec
        },
    )


def read_jsonl(text: str, path: str) -> Iterator[Document | Problem]:
    """One record per line; a broken line is reported by number and skipped."""
    for i, line in enumerate(text.splitlines()):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as e:
            reason = str(e) if isinstance(e, json.JSONDecodeError) else "nested too deeply"
            yield Problem(path, f"line {i + 1}: not valid JSON ({reason}); line skipped", i)
            continue
        yield record_document(rec, path, i)


def read_json(text: str, path: str) -> Iterator[Document | Problem]:
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as e:
        # Maybe JSONL whose first line starts with "[": let the line reader report precisely.
        if "\n" in text.strip():
            yield from read_jsonl(text, path)
        else:
            yield Problem(
                path, f"not valid JSON ({e if isinstance(e, json.JSONDecodeError) else 'too deep'})"
            )
        return
    items = data if isinstance(data, list) else [data]
    for i, rec in enumerate(items):
        yield record_document(rec, path, i)


def read_warc(data: bytes, path: str) -> Iterator[Document | Problem]:
    """HTML response records of a WARC (plain or .gz); a truncated archive keeps its whole records.

    warcio stops quietly at a cut-off record, so completeness is checked here: the gzip stream
    must end cleanly, and a record must hold as many bytes as its Content-Length says.
    """
    from warcio.archiveiterator import ArchiveIterator

    if data.startswith(GZIP_MAGIC):
        _, problem = gunzip(data, path)
        if problem:
            yield Problem(
                path, f"damaged WARC archive: {problem.reason.split(':')[0]}; complete records kept"
            )
    n = 0
    try:
        for rec in ArchiveIterator(io.BytesIO(data)):
            if rec.rec_type != "response":
                continue
            ctype = (rec.http_headers.get_header("Content-Type") or "") if rec.http_headers else ""
            url = rec.rec_headers.get_header("WARC-Target-URI")
            payload = rec.content_stream().read()
            encoded = rec.http_headers and (
                rec.http_headers.get_header("Content-Encoding")
                or rec.http_headers.get_header("Transfer-Encoding")
            )
            if (
                rec.http_headers
                and not encoded
                and rec.length
                and len(payload) + len(rec.http_headers.to_bytes()) < rec.length
            ):
                yield Problem(path, f"WARC record {n} ({url}) is cut short; skipped", n)
                n += 1
                continue
            if ctype and "html" not in ctype.lower() and "xml" not in ctype.lower():
                n += 1
                continue
            yield Document(
                path=path,
                kind="html",
                text=decode(payload),
                index=n,
                url=url,
                meta={"crawled": rec.rec_headers.get_header("WARC-Date")},
            )
            n += 1
    except Exception as e:  # noqa: BLE001 - warcio raises many types on damaged archives
        yield Problem(
            path,
            f"damaged WARC archive after {n} response records ({type(e).__name__}: {e}); "
            "the complete records before it were kept",
        )


def read_feed(text: str, path: str) -> Iterator[Document | Problem]:
    """RSS 2.0 / Atom items -> records (title, description/content, pubDate, link)."""
    from eventdesk.read.feeds import parse_feed

    try:
        items = parse_feed(text)
    except ValueError as e:
        yield Problem(path, f"unreadable feed: {e}")
        return
    for i, it in enumerate(items):
        yield record_document(it, path, i)


def read_bytes(data: bytes, path: str, depth: int = 0) -> Iterator[Document | Problem]:
    """Dispatch on content. Gzip is opened and sniffed again (a .jsonl.gz, .warc.gz, .html.gz...)."""
    if data.startswith(GZIP_MAGIC):
        head = b""
        with contextlib.suppress(zlib.error):
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:65536], 16)
        if head.startswith(b"WARC/"):
            yield from read_warc(data, path)  # warcio reads gzip members record by record
            return
        if depth > 2:
            yield Problem(path, "gzip nested more than twice; skipped")
            return
        inner, problem = gunzip(data, path)
        if problem:
            yield problem
        if inner:
            yield from read_bytes(inner, path, depth + 1)
        return
    if data.startswith(ZIP_MAGIC):
        yield Problem(path, "zip archives are not read: unzip it and give the folder instead")
        return
    kind = sniff(data)
    if kind == "binary":
        yield Problem(path, "binary file, not text, HTML, JSON or WARC; skipped")
        return
    if kind == "warc":
        yield from read_warc(data, path)
        return
    text = decode(data)
    if kind == "jsonl":
        yield from read_jsonl(text, path)
    elif kind == "json":
        yield from read_json(text, path)
    elif kind == "feed":
        yield from read_feed(text, path)
    elif kind == "html":
        yield Document(path=path, kind="html", text=text, index=0)
    elif not text.strip():
        yield Problem(path, "empty file (no text)")
    else:
        yield Document(path=path, kind="dump", text=text, index=0)
