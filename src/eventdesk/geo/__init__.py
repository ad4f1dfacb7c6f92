"""Place: an offline gazetteer (GeoNames data from pip packages + our curated aliases), toponym
detection, resolution with document context, and event location.

Public functions:
- `resolve(text, spans)`: a place (or None) for each given name span;
- `parse(text)`: every place name found in a text, resolved (Place.start/end set);
- `locate(events, articles, config)`: sets `event.location` from the event's sentence or the article;
- `info(config)`: which gazetteer is in use (packaged data or the user's GeoNames import), how many places.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from eventdesk.geo.gazetteer import Gazetteer, get, info
from eventdesk.geo.location import locate
from eventdesk.geo.toponyms import parse
from eventdesk.records import Place

if TYPE_CHECKING:
    from eventdesk.resources import Resources

__all__ = ["Gazetteer", "get", "info", "locate", "parse", "resolve"]


def resolve(
    text: str,
    spans: list[tuple[int, int]] | list[list[int]],
    config: dict[str, Any] | None = None,
    res: Resources | None = None,
) -> list[Place | None]:
    """A place for each [start, end) span of `text` (None where the gazetteer has nothing).
    `res`: the gazetteer's owner (eventdesk.resources; this process's for `config` when None)."""
    from eventdesk.geo.resolver import resolve_mentions, to_place

    gaz = res.gazetteer if res is not None else get(config)
    ms = resolve_mentions(gaz, text, [(int(s), int(e)) for s, e in spans])
    return [to_place(gaz, m) for m in ms]
