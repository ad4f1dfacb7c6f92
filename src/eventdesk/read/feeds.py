"""RSS 2.0 and Atom feeds -> plain records. Stdlib XML (expat guards against entity expansion)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from typing import Any

_TAG = re.compile(r"<[^>]+>")
_XML_ENCODING = re.compile(r"""^(\ufeff?\s*<\?xml[^>]*?)\s+encoding\s*=\s*["'][^"']*["']""")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _text(el: ET.Element | None) -> str:
    return "".join(el.itertext()).strip() if el is not None else ""


def _iso(value: str) -> str | None:
    value = value.strip()
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).isoformat()  # RSS: RFC 822 dates
    except (TypeError, ValueError):
        return value  # Atom: already ISO 8601


def _plain(html_or_text: str) -> str:
    """Feed descriptions are often HTML: keep paragraph breaks, drop tags."""
    s = re.sub(r"(?i)</p\s*>|<br\s*/?>", "\n\n", html_or_text)
    s = _TAG.sub("", s)
    import html

    return html.unescape(s).strip()


def parse_feed(text: str) -> list[dict[str, Any]]:
    """Items of an RSS or Atom feed as {title, text, published, url, id}, in feed order."""
    if isinstance(text, str):  # already decoded: a declared encoding (UTF-16...) no longer applies
        text = _XML_ENCODING.sub(r"\1", text, count=1)
    try:
        root = ET.fromstring(text.encode("utf-8") if isinstance(text, str) else text)
    except ET.ParseError as e:
        raise ValueError(f"not well-formed XML ({e})") from e
    items: list[dict[str, Any]] = []
    for el in root.iter():
        name = _local(el.tag)
        if name not in ("item", "entry"):
            continue
        rec: dict[str, Any] = {}
        for child in el:
            c = _local(child.tag)
            if c == "title":
                rec["title"] = _text(child)
            elif c in ("description", "summary") and "text" not in rec:
                rec["text"] = _plain(_text(child))
            elif c in ("encoded", "content"):
                rec["text"] = _plain(_text(child))  # full content wins over a summary
            elif c in ("pubDate", "published", "updated", "date") and "published" not in rec:
                rec["published"] = _iso(_text(child))
            elif c == "link":
                href = child.get("href")
                if href and child.get("rel", "alternate") == "alternate":
                    rec["url"] = href
                elif not href and _text(child):
                    rec["url"] = _text(child)
            elif c in ("guid", "id"):
                rec["id"] = _text(child)
        items.append(rec)
    return items
