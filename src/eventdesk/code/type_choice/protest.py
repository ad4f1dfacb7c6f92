"""PROTEST is collective action (PLOVER 2.0): an act done "in protest" is that act, not a protest."""

from __future__ import annotations

from typing import Any

from eventdesk.code.type_choice.vocab import _is


def protest_type(tok: Any, forms: set[str], others: list[tuple[str, Any]]) -> str | None:
    """PROTEST: "resigned in protest", "quit their roles in protest": the act done in protest is the event (a
    resignation is RETREAT), not a protest of its own; PLOVER PROTEST is collective action."""
    if "protest" in forms and tok.dep_ == "pobj" and tok.head.lower_ == "in":
        gov = tok.head.head
        while gov.pos_ in ("NOUN", "PROPN") and gov.head.i != gov.i:  # "quit their roles in protest"
            gov = gov.head
        if _is(gov, "protest_motive_verbs") or any(t != "PROTEST" and o.i == gov.i for t, o in others):
            return None
    return "PROTEST"
