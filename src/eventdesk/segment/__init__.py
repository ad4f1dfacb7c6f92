"""Stage 2, segment/clean: documents -> clean articles (title once, captions once, body paragraphs).

`segment(batch)` turns each reader `Document` into zero or more `Article`s: a text dump may hold
several, an HTML page or a JSONL record one. Each article remembers where it was read from
(`Source(path, index)`, index = its position inside that file).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from eventdesk.records import Article, Document, Problem, Source
from eventdesk.segment.dump import is_furniture, split_dump
from eventdesk.segment.html import date_from_url, extract_html
from eventdesk.text.dates import find_dates

__all__ = ["extract_html", "segment", "segment_document", "split_dump"]

_FILE_PHOTO = re.compile(r"\bfile\s+photo\b", re.IGNORECASE)


def _paragraphs(text: str) -> str:
    """Free text (JSONL field, feed item) -> paragraphs joined by a blank line, furniture dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    parts = re.split(r"\n\s*\n", text) if re.search(r"\n\s*\n", text) else text.split("\n")
    paras = [" ".join(p.split()) for p in parts]
    return "\n\n".join(p for p in paras if p and not is_furniture(p))


def _date_hints(captions: list[str], paragraphs: list[str]) -> list[str]:
    """Dates printed in captions or a dateline: anchors for "on Tuesday" when no metadata date.

    A FILE PHOTO caption dates the photo, not the report, so it is not a hint.
    """
    hints: list[str] = []
    texts = [c for c in captions if not _FILE_PHOTO.search(c)] + paragraphs[:1]
    for t in texts:
        for _s, _e, value, precision in find_dates(t):
            if precision == "day" and value not in hints:
                hints.append(value)
    return hints


def segment_document(doc: Document) -> list[Article | Problem]:
    if doc.kind == "dump":
        out: list[Article | Problem] = []
        for i, d in enumerate(split_dump(doc.text)):
            out.append(
                Article(
                    title=d.title,
                    captions=d.captions,
                    body="\n\n".join(d.paragraphs),
                    sources=[Source(doc.path, i, doc.url)],
                    date_hints=_date_hints(d.captions, d.paragraphs),
                )
            )
        if not out:
            out.append(Problem(doc.path, "no article found in this text (no paragraph after a headline)"))
        return out
    if doc.kind == "html":
        ex = extract_html(doc.text, doc.url)
        if not ex.body.strip():
            return [Problem(doc.path, "HTML page without article text", doc.index)]
        return [
            Article(
                title=doc.title or ex.title or "",
                body=ex.body,
                url=ex.url or doc.url,
                published=doc.published or ex.published,
                sources=[Source(doc.path, doc.index, ex.url)],
            )
        ]
    if doc.kind == "record":
        body = _paragraphs(doc.text)
        title = " ".join((doc.title or "").split())
        if not body:
            return [Problem(doc.path, "record with empty text", doc.index)]
        return [
            Article(
                title=title,
                body=body,
                url=doc.url,
                published=doc.published or date_from_url(doc.url),
                sources=[Source(doc.path, doc.index, doc.url)],
            )
        ]
    return [Problem(doc.path, f"unknown document kind {doc.kind!r}", doc.index)]


def segment(batch: Iterable[Document]) -> list[Article | Problem]:
    """Public entry point over a batch of documents."""
    out: list[Article | Problem] = []
    for doc in batch:
        try:
            out.extend(segment_document(doc))
        except RecursionError:
            out.append(Problem(doc.path, "document nested too deeply to segment", doc.index))
    return out
