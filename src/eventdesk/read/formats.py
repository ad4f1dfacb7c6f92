"""Format sniffing and one reader per format. Formats are told by content, not only by suffix."""

from __future__ import annotations

import contextlib
import io
import json
import re
import unicodedata
import zlib
from collections.abc import Iterator
from typing import Any

from eventdesk.config import SETTINGS
from eventdesk.read.decode import decode, looks_binary
from eventdesk.records import Document, Problem

GZIP_MAGIC = b"\x1f\x8b"
ZIP_MAGIC = b"PK\x03\x04"


# Decompression limits (issue 15), settable under [read] (read/settings.py); the readers set them
# from the config of the run (`set_limits`), the feed fetcher passes its own.
LIMITS = {k: SETTINGS[f"read.{k}"].default for k in ("max_decompressed_bytes", "max_compression_ratio")}
_RATIO_FLOOR = 10_000_000  # below this output, any ratio is fine (a small, very repetitive file)
_CHUNK = 1 << 20


def set_limits(config: dict[str, Any] | None) -> None:
    read = (config or {}).get("read") or {}
    for k in LIMITS:
        if read.get(k) is not None:
            LIMITS[k] = int(read[k])


class TooLarge(ValueError):
    """Decompressed output over a limit: the input is reported, not read."""


def inflate(data: bytes, path: str, max_out: int | None = None, ratio: int | None = None, keep: bool = True):
    """Stream-decompress every gzip member, a chunk at a time, never holding more than the limits.

    Returns (output or b"" when keep is False, Problem or None). Over `max_out` bytes out, or more
    than `ratio` times the compressed size once past 10 MB, raises TooLarge naming the limit.
    """
    max_out = LIMITS["max_decompressed_bytes"] if max_out is None else max_out
    ratio = LIMITS["max_compression_ratio"] if ratio is None else ratio
    out = bytearray()
    total = consumed = 0
    rest = data
    problem = None
    while rest:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        buf = rest
        try:
            while buf and not d.eof:
                piece = d.decompress(buf, _CHUNK)
                consumed_now = len(buf) - len(d.unconsumed_tail)
                consumed += consumed_now
                buf = d.unconsumed_tail
                total += len(piece)
                if keep:
                    out += piece
                _check_size(total, consumed, max_out, ratio)
            while not d.eof:  # input used up: flush what is buffered, a chunk at a time
                piece = d.decompress(b"", _CHUNK)
                if not piece:
                    break
                total += len(piece)
                if keep:
                    out += piece
                _check_size(total, consumed, max_out, ratio)
        except zlib.error as e:
            problem = Problem(
                path, f"corrupt gzip archive ({e}): kept the {total:,} bytes that could be decompressed"
            )
            break
        if not d.eof:
            problem = Problem(
                path, f"truncated gzip archive: kept the {total:,} bytes that could be decompressed"
            )
            break
        rest = d.unused_data.lstrip(b"\x00")  # next member (NUL padding after a member is allowed)
        if rest and not rest.startswith(GZIP_MAGIC):
            break  # trailing garbage after the last member: ignored, as gzip does
    return bytes(out), problem


def _check_size(total: int, consumed: int, max_out: int, ratio: int) -> None:
    if max_out and total > max_out:
        raise TooLarge(
            f"decompresses to over {max_out / 1e6:,.0f} MB (read.max_decompressed_bytes); not read. "
            "Raise the limit in eventdesk.toml if the file is genuine"
        )
    if ratio and total > _RATIO_FLOOR and total > ratio * max(consumed, 1):
        raise TooLarge(
            f"decompresses to over {ratio} times its size (read.max_compression_ratio): a decompression "
            "bomb, or very repetitive data; not read"
        )


def gunzip(data: bytes, path: str, max_out: int | None = None, ratio: int | None = None):
    """Decompress all gzip members within the limits; a truncated or corrupt archive keeps what could
    be read; an over-limit one gives (b"", Problem)."""
    try:
        return inflate(data, path, max_out, ratio)
    except TooLarge as e:
        return b"", Problem(path, str(e))


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
    if not isinstance(text, str) or not visible(text):
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


_CONTENT_LENGTH = re.compile(rb"(?im)^content-length:[ \t]*(\d+)")


def _record_fits(raw: bytes) -> bool | None:
    """Does a WARC record's Content-Length match where the record really ends? `raw` starts at the
    record's "WARC/" line and runs on past it. True: the block is followed by the CRLF CRLF
    separator and then the next record or the end; False: it is not (the length is wrong, so the
    block is cut or runs into the next record); None: cannot tell."""
    head_end = raw.find(b"\r\n\r\n", 0, 65536)
    m = _CONTENT_LENGTH.search(raw, 0, head_end if head_end > 0 else 0)
    if head_end < 0 or m is None:
        return None
    end = head_end + 4 + int(m.group(1))
    after = raw[end : end + 64]
    if len(after) == 0:
        return end <= len(raw)
    rest = after.lstrip(b"\r\n")
    return after.startswith(b"\r\n") and (rest == b"" or rest.startswith(b"WARC/"))


def _record_raw(data: bytes, offset: int, gzipped: bool, need: int) -> bytes:
    """The bytes of a record from its offset (its gzip member decompressed), up to `need` + a little."""
    if not gzipped:
        return data[offset : offset + need + 70_000]
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(data[offset:], need + 70_000)
    except zlib.error:
        return b""
    if d.eof and d.unused_data:  # the next member's start: is it a record?
        with contextlib.suppress(zlib.error):
            out += zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(d.unused_data[:4096], 8)
    return out


def read_warc(data: bytes, path: str) -> Iterator[Document | Problem]:
    """HTML response records of a WARC (plain or .gz); a truncated archive keeps its whole records.

    warcio stops quietly at a cut-off record and skips over bytes it cannot parse, so completeness
    is checked here: the gzip stream must end cleanly, and each record's Content-Length must land
    on the record separator (a length too large cuts the record at the end of the file; one too
    small cuts it mid-word and leaves the rest as garbage before the next record). Payloads are read
    within read.max_decompressed_bytes.
    """
    from warcio.archiveiterator import ArchiveIterator

    gzipped = data.startswith(GZIP_MAGIC)
    if gzipped:
        try:
            _, problem = inflate(data, path, keep=False)
        except TooLarge as e:
            yield Problem(path, str(e))
            return
        if problem:
            yield Problem(
                path, f"damaged WARC archive: {problem.reason.split(':')[0]}; complete records kept"
            )
    max_out = LIMITS["max_decompressed_bytes"]
    n = 0
    try:
        it = ArchiveIterator(io.BytesIO(data))
        for rec in it:
            length = int(rec.rec_headers.get_header("Content-Length") or 0)
            if rec.rec_type != "response":
                offset = it.get_record_offset()
                if _record_fits(_record_raw(data, offset, gzipped, min(length, max_out))) is False:
                    yield Problem(
                        path, f"WARC record at byte {offset:,}: its Content-Length does not match its size"
                    )
                continue
            ctype = (rec.http_headers.get_header("Content-Type") or "") if rec.http_headers else ""
            url = rec.rec_headers.get_header("WARC-Target-URI")
            payload = rec.content_stream().read(max_out + 1)
            offset = it.get_record_offset()  # (reads the record to its end: after the payload)
            fits = _record_fits(_record_raw(data, offset, gzipped, min(length, max_out)))
            if len(payload) > max_out:
                yield Problem(
                    path,
                    f"WARC record {n} ({url}) is over {max_out / 1e6:,.0f} MB (read.max_decompressed_bytes); skipped",
                    n,
                )
                n += 1
                continue
            encoded = rec.http_headers and (
                rec.http_headers.get_header("Content-Encoding")
                or rec.http_headers.get_header("Transfer-Encoding")
            )
            if fits is False or (
                rec.http_headers
                and not encoded
                and rec.length
                and len(payload) + len(rec.http_headers.to_bytes()) < rec.length
            ):
                yield Problem(
                    path,
                    f"WARC record {n} ({url}): its Content-Length ({length:,}) does not match the record "
                    "(cut short or running into the next one); skipped",
                    n,
                )
                n += 1
                continue
            if ctype and "html" not in ctype.lower() and "xml" not in ctype.lower():
                n += 1
                continue
            text = decode(payload)
            if text.guess:
                yield Problem(
                    path,
                    f"WARC record {n} ({url}): encoding not declared, read as {text.guess}",
                    n,
                    notice=True,
                )
            yield Document(
                path=path,
                kind="html",
                text=text,
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


def visible(text: str) -> bool:
    """Has the text a character a reader can see? (Not only spaces, zero-width or control marks.)"""
    return any(
        not c.isspace() and unicodedata.category(c) not in ("Cf", "Cc", "Zs", "Zl", "Zp") for c in text
    )


def read_bytes(data: bytes, path: str, depth: int = 0) -> Iterator[Document | Problem]:
    """Dispatch on content. Gzip is opened and sniffed again (a .jsonl.gz, .warc.gz, .html.gz...).

    Text in any encoding is decoded first (decode.py) and sniffed as text, so a UTF-16 or UTF-32
    HTML page is read as HTML; an encoding that had to be guessed is reported."""
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
    if text.encoding not in ("utf-8",):  # sniff the decoded text: UTF-16/32 bytes hide their markup
        kind = sniff(text[:4096].encode("utf-8", "replace"))
    if text.guess:
        yield Problem(
            path,
            f"encoding not declared: read as {text.guess}; check the text if it looks wrong",
            notice=True,
        )
    if kind == "jsonl":
        yield from read_jsonl(text, path)
    elif kind == "json":
        yield from read_json(text, path)
    elif kind == "feed":
        yield from read_feed(text, path)
    elif kind == "html":
        yield Document(path=path, kind="html", text=text, index=0)
    elif not visible(text):
        yield Problem(
            path, "empty file (no visible text: only spaces, zero-width or control characters); skipped"
        )
    else:
        yield Document(path=path, kind="dump", text=text, index=0)
