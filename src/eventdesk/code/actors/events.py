"""Actor fixes on whole coded events: who the actor of a protest is, and the country of actors the
text names without one (from the event's location, after geocoding)."""

from __future__ import annotations

from typing import Any

from eventdesk.code.actors.dictionary import ActorDictionary

# security forces: in a PROTEST they police the protest (PLOVER manual: the actor of PROTEST is who protests)
_SECURITY = {"COP", "MIL"}


def protest_roles(ev: Any) -> None:
    """Police or soldiers are not the actor of a PROTEST: they become its recipients, and the
    protesters (named by the caller's default, see assemble._unidentified) its actor."""
    if ev.event_type != "PROTEST" or not ev.actors:
        return
    if all(a.sector in _SECURITY for a in ev.actors):
        moved = [a for a in ev.actors if a.name not in {r.name for r in ev.recipients}]
        ev.recipients = list(ev.recipients) + moved
        ev.actors = []


def fill_countries(events: list[Any], dictionary: ActorDictionary) -> None:
    """After geocoding: actors without a country of their own take the event location's country.

    ACLED practice: protesters, police, "the army" or an unidentified armed group named without a
    country belong to the country where the event happened; a group active in several countries
    (IS, PKK, Wagner) is coded to the one it acted in when that is one of them. Media keep none.
    """
    d = dictionary
    for ev in events:
        loc = getattr(ev, "location", None)
        where = getattr(loc, "country", None) if loc is not None else None
        if not where:
            continue
        for a in list(ev.actors) + list(ev.recipients):
            entry = d.by_name.get(a.name)
            if entry is not None and entry.countries:
                # a group is coded to the country it acted in only when it operates there
                if where in entry.countries:
                    a.country = where
                elif a.country is None:
                    a.country = entry.countries[0]
            elif a.country is None and a.sector != "MED":
                a.country = where
