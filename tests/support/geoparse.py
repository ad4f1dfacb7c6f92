"""What `geo.parse` finds in a text written for a test, keyed by the text of each place name."""

from __future__ import annotations

from eventdesk import geo
from eventdesk.resources import Resources


def found(text: str, config: dict) -> dict:
    """Each place `geo.parse` finds, keyed by its surface text."""
    return {text[p.start : p.end]: p for p in geo.parse(text, config, Resources.shared(config))}
