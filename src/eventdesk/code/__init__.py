"""Event coding (issue 3): turn article bodies into records.Event.

Submodules:
- classify / ontology / fatalities: "what happened" (event type, mode, fatalities).
- actors: actor dictionary and actor/recipient resolution.
- syntax: where a trigger stands in the dependency parse (predicate, subject, clause role); its
  word classes are data/frames/.
- frames: who did it to whom and how it is reported, for one trigger (`SentenceCoder`).
- type_choice / eventness / coref: which type a trigger carries, which clauses are events, and which
  records are one event.
- assemble: per-sentence coding, `code(articles, config) -> list[Event]`.
"""

from eventdesk.code.assemble import code

__all__ = ["code"]
