"""Place: an offline gazetteer (GeoNames data from pip packages + our curated aliases), toponym
detection, resolution with document context, and event location.

Public functions:
- `resolve(text, spans, res)`: a place (or None) for each given name span;
- `parse(text, config, res)`: every place name found in a text, resolved (Place.start/end set; kind
  "place", or "demonym" for a people's name referring to its country: geo.parse_demonyms);
- `parse_with_demonyms(text, config, res)`: (places, demonyms): with geo.parse_demonyms = false,
  peoples' names apart from places;
- `locate(events, articles, config, res)`: sets `event.location` from the event's sentence or the article;
- `info(gazetteer)`: which gazetteer is in use (packaged data or the user's GeoNames import), how many places.

`res` is the process's eventdesk.resources.Resources: the gazetteer (`open_gazetteer(config)`), the
actor dictionary and the NER pipeline come from it, never from a cache here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventdesk.geo.gazetteer import Gazetteer, info, open_gazetteer
from eventdesk.geo.location import locate
from eventdesk.geo.toponyms import parse, parse_with_demonyms
from eventdesk.records import Place

if TYPE_CHECKING:
    from eventdesk.resources import Resources

__all__ = ["Gazetteer", "info", "locate", "open_gazetteer", "parse", "parse_with_demonyms", "resolve"]


def resolve(text: str, spans: list[tuple[int, int]] | list[list[int]], res: Resources) -> list[Place | None]:
    """A place for each [start, end) span of `text` (None where the gazetteer has nothing).
    `res`: the gazetteer's owner (eventdesk.resources)."""
    from eventdesk.geo.resolver import resolve_mentions, to_place

    gaz = res.gazetteer
    ms = resolve_mentions(gaz, text, [(int(s), int(e)) for s, e in spans])
    return [to_place(gaz, m) for m in ms]
