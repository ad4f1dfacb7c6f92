"""Code a sentence written for a test as part of a whole article.

A neutral paragraph comes first so that the text is coded as an article (the article rules apply:
the gate, side triggers, coreference), not as a short report; only events whose evidence lies after
that paragraph are returned.
"""

from __future__ import annotations

from eventdesk.code import code
from eventdesk.records import Article, Event
from eventdesk.resources import Resources

FILL = " ".join(["The weather in the region was mild and the shops were quiet for most of that week."] * 20)


def events_after_fill(text: str) -> list[Event]:
    """The events coded from `text` when it follows the neutral paragraph."""
    body = FILL + " " + text
    evs = code([Article(title="", body=body, published="2024-05-01")], {}, Resources.shared({}))
    return [e for e in evs if e.evidence.start > len(FILL)]


def types_after_fill(text: str) -> list[str]:
    """The sorted event types coded from `text` (see `events_after_fill`)."""
    return sorted(e.event_type for e in events_after_fill(text))
