"""The type once the actor is known: a visit needs an official party, an 'arrest' by armed groups
outside the state is an abduction (ASSAULT), the support of a military is material (AID).
"""

from __future__ import annotations

from typing import Any

from eventdesk.code.type_choice.vocab import _is, words


def official_visit(tok: Any, etype: str, actor_sectors: list[str | None]) -> bool:
    """A CONSULT told by a verb of movement ("arrived in", "travelled to") is a visit only when an
    official party moves (PLOVER CONSULT: visits between political actors); refugees arriving in
    Germany or a volunteer travelling to Syria consult no one."""
    if etype != "CONSULT" or not _is(tok, "movement_verbs"):
        return True
    return any(s in words("official_sectors") for s in actor_sectors)


def by_actor(etype: str, mode: str | None, actor_sectors: list[str | None]) -> tuple[str, str | None]:
    """The type once the actor is known: an 'arrest' by armed groups outside the state is an
    abduction (PLOVER ASSAULT 'abduct'; ACLED Abduction/forced disappearance); the support of a
    military is material (PLOVER AID: "military and police assistance")."""
    if etype == "SUPPORT" and actor_sectors and all(s == "MIL" for s in actor_sectors):
        return "AID", None
    if (
        etype == "COERCE"
        and mode == "arrest"
        and actor_sectors
        and all(s in words("nonstate_armed_sectors") for s in actor_sectors)
    ):
        return "ASSAULT", "abduct"
    return etype, mode
