"""Event coding (issue 3): turn article bodies into records.Event.

Submodules:
- classify / ontology / fatalities: "what happened" (event type, mode, fatalities).
- actors: actor dictionary and actor/recipient resolution.
- assemble: per-sentence coding, `code(articles, config) -> list[Event]`.
"""

from eventdesk.code.assemble import code

__all__ = ["code"]
