"""Issue 7: property-based tests of the readers: any bytes in, documents and problems out.

The JSONL reader (read_jsonl / record_document) and the whole read_bytes dispatch (gzip, WARC,
HTML, JSON, feeds, dumps) never raise, never hang (each example runs under a 5 s guard.time_limit)
and give strings that can be stored (valid UTF-8). The documents then go through the segmenter
(its own properties are in tests/segment/test_segment.py): no exception there either.
"""

from __future__ import annotations

import gzip
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventdesk.guard import time_limit
from eventdesk.read.formats import TEXT_KEYS, read_bytes, read_jsonl, record_document
from eventdesk.records import Article, Document, Problem
from eventdesk.segment import segment
from tests.support.budget import scaled

SETTINGS = settings(max_examples=scaled(1000), deadline=None, suppress_health_check=[HealthCheck.too_slow])
KEYS = list(TEXT_KEYS) + [
    "title",
    "headline",
    "url",
    "link",
    "date",
    "published",
    "date_publish",
    "html",
    "raw_html",
    "id",
    "source",
    "language",
    "x",
]

json_leaf = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=80),
    st.sampled_from(
        ["", " ", "\n\n", "<p>x</p>", "\ud800", "\x00", "2025-06-03", "https://e.org/2025/06/03/a"]
    ),
)
json_value = st.recursive(
    json_leaf,
    lambda kids: st.one_of(
        st.lists(kids, max_size=4),
        st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=5), kids, max_size=6),
    ),
    max_leaves=20,
)
records = st.dictionaries(st.sampled_from(KEYS), json_value, max_size=8)


def storable(s: object) -> None:
    if isinstance(s, str):
        s.encode("utf-8")  # raises on a lone surrogate: the store could not take it


def check_items(items: list, path: str) -> list[Document]:
    docs = []
    for it in items:
        assert isinstance(it, (Document, Problem)), it
        assert it.path == path
        if isinstance(it, Document):
            assert isinstance(it.text, str)
            for s in (it.text, it.title, it.url, it.published, *it.meta.values()):
                storable(s)
            docs.append(it)
        else:
            assert it.reason
    return docs


def check_segment(docs: list[Document]) -> None:
    for a in segment(docs):
        assert isinstance(a, (Article, Problem))
        if isinstance(a, Article):
            for s in (a.title, a.body, a.published, a.url, *a.captions):
                storable(s)


@SETTINGS
@given(records)
def test_record_document_any_record(rec: dict):
    with time_limit(5):
        out = record_document(rec, "r.jsonl", 3)
    assert isinstance(out, (Document, Problem)) and out.index == 3
    if isinstance(out, Document):
        assert out.kind == "html" or out.text.strip()  # a blank HTML field: the segmenter reports it
        check_items([out], "r.jsonl")
        check_segment([out])


@SETTINGS
@given(
    st.lists(
        st.one_of(
            records.map(lambda r: json.dumps(r, allow_nan=True)),
            json_value.map(json.dumps),
            st.text(max_size=60),
            st.sampled_from(["{", "}", '{"text": "a', "[]", "null", "\ufeff{}"]),
        ),
        max_size=12,
    ),
    st.sampled_from(["\n", "\r\n", "\r", "\u2028"]),
)
def test_read_jsonl_one_item_per_line_never_raises(lines: list[str], sep: str):
    text = sep.join(lines)
    with time_limit(5):
        items = list(read_jsonl(text, "f.jsonl"))
    check_items(items, "f.jsonl")
    n_lines = len([x for x in text.splitlines() if x.strip()])
    assert len(items) == n_lines  # each non-blank line: a document or a problem naming it
    assert all(it.index is not None and 0 <= it.index < max(1, len(text.splitlines())) for it in items)
    with time_limit(20):
        check_segment([d for d in items if isinstance(d, Document)])


PREFIXES = [
    b"",
    b"\x1f\x8b",
    b"\x1f\x8b\x08\x00",
    b"WARC/1.0\r\n",
    b"WARC/1.1\r\nWARC-Type: response\r\n",
    b"PK\x03\x04",
    b"<!DOCTYPE html><html><body>",
    b"<html>",
    b"<div><p>",
    b"<?xml version='1.0'?><rss>",
    b"<feed xmlns='http://www.w3.org/2005/Atom'><entry>",
    b"{",
    b"[",
    b'{"text": "',
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xfe\xff",
    b"Headline\n\n",
    b"TT\n\n20\n\n",
]
any_bytes = st.one_of(
    st.binary(max_size=2000),
    st.builds(lambda p, b: p + b, st.sampled_from(PREFIXES), st.binary(max_size=1500)),
    st.builds(
        lambda p, t: p + t.encode("utf-8", "surrogatepass"), st.sampled_from(PREFIXES), st.text(max_size=800)
    ),
    st.builds(
        lambda p, t, cut: gzip.compress(p + t.encode("utf-8", "surrogatepass"))[:cut],
        st.sampled_from(PREFIXES),
        st.text(max_size=500),
        st.integers(0, 600),
    ),
    st.builds(
        lambda t, enc: t.encode(enc, "replace"),
        st.text(max_size=500),
        st.sampled_from(["utf-8", "cp1252", "latin-1", "utf-16", "utf-16-le", "utf-32", "shift_jis"]),
    ),
)


@SETTINGS
@given(any_bytes)
def test_read_bytes_any_bytes_never_raises(data: bytes):
    with time_limit(5):
        items = list(read_bytes(data, "in.dat"))
    docs = check_items(items, "in.dat")
    with time_limit(20):
        check_segment([d for d in docs if d.kind != "html"])  # HTML extraction: see the test below


@settings(max_examples=scaled(200), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                "<div>",
                "</div>",
                "<p>",
                "</p>",
                "<b>",
                "<script>",
                "</script>",
                "<table><tr><td>",
                "<!--",
                "-->",
                "<![CDATA[",
                "]]>",
                "&amp;",
                "&#0;",
                "&#xffffff;",
                "<br/>",
                "<h1>",
                "</h1>",
                "<meta charset='x'>",
                "<title>",
                "</title>",
                "\x00",
                "\ud800",
                "words and more ",
                "The army said on Tuesday it had retaken the town. ",
            ]
        ),
        max_size=300,
    )
)
def test_html_documents_segment_without_error(parts: list[str]):
    html = "<html><body>" + "".join(parts)
    with time_limit(10):
        items = list(read_bytes(html.encode("utf-8", "surrogatepass"), "p.html"))
        check_segment(check_items(items, "p.html"))
