"""The type code/type_choice/ gives one trigger of a sentence, as the coder would call it (tests only)."""

from __future__ import annotations

from typing import Any

from eventdesk.annotate import annotate
from eventdesk.code.lexicon import triggers
from eventdesk.code.type_choice import choose
from eventdesk.resources import Resources


def trigger_and_others(text: str, word: str) -> tuple[Any, list[tuple[str, Any]]]:
    """The token `word` of `text` (parsed as the coder parses it) and the sentence's other lexicon
    hits as (event type, head token) pairs."""
    (doc,) = annotate([text], {}, Resources.shared({}).nlp)
    tok = next(t for t in doc if t.text == word)
    others = []
    for h in triggers(text):
        span = doc.char_span(h.start, h.end, alignment_mode="expand")
        if span is not None and span.root.i != tok.i:
            others.append((h.event_type, span.root))
    return tok, others


def decide(text: str, word: str, etype: str) -> str | None:
    """The type `choose` gives the trigger `word` of `text`, with the sentence's other lexicon hits as
    the other coded triggers."""
    tok, others = trigger_and_others(text, word)
    return choose(tok, etype, others)
