"""The actor record from what the dictionary and NER found in its noun phrase: a person, a named
group, a sector noun or office title, a country, or the phrase's own words."""

from __future__ import annotations

import re
from typing import Any

from eventdesk.code.actors.context import ArticleContext
from eventdesk.code.actors.dictionary import NON_STATE, STATE, ActorDictionary, Entry, Mention
from eventdesk.code.actors.phrase import PhraseParts, number, title_country
from eventdesk.records import Actor


def person_actor(
    text: str, parts: PhraseParts, mentions: list[Mention], ctx: ArticleContext, dictionary: ActorDictionary
) -> Actor:
    """A named person, with the country and sector of their title, group or earlier mention."""
    group, office, country = parts.group, parts.office, parts.country
    full = re.sub(r"\s*['’]s$", "", parts.person.text)  # NER may keep the possessive ending
    prior = ctx.person(full)
    sector = office.value if office else None
    if sector is None and group is not None:
        sector = group.value.sector
    if country is None and group is not None:
        country = group.value.country
    if country is None:
        country = title_country(parts.person, mentions)
    if prior is not None:
        country = country or prior.country
        sector = sector or prior.sector
        full = prior.name if len(prior.name) >= len(full) else full
    known = dictionary.person_entry(full) if country is None else None
    if known is not None and known.country:
        # an office holder the text names without a country ("Netanyahu warned")
        country, sector = known.country, sector or known.sector
    actor = Actor(text=text, name=full, country=country, sector=sector)
    ctx.add_person(actor, full)
    if parts.office_key and country:
        ctx.by_head[parts.office_key] = actor
    return actor


def group_actor(text: str, parts: PhraseParts, ctx: ArticleContext, doc: Any) -> Actor:
    """A named group; a state body takes the country the phrase names, an IGO/NGO/media keeps none."""
    assert parts.group is not None
    e: Entry = parts.group.value
    c = e.country
    if parts.country and e.sector not in NON_STATE:
        c = parts.country
    actor = Actor(text=text, name=e.name, country=c, sector=e.sector)
    if e.sector not in STATE:
        ctx.note_group(actor, number(doc[parts.group.end - 1]))
    return actor


def sector_actor(
    head: Any, text: str, parts: PhraseParts, ctx: ArticleContext, dictionary: ActorDictionary
) -> Actor:
    """A kind of actor ("the Nigerian army") or a title ("Kenya's foreign minister") without a name:
    named by its country and noun; "the army" later in the article takes the country it had."""
    sect, office, country = parts.sector, parts.office, parts.country
    if office is not None and (sect is None or office.end > sect.end):
        sector = office.value
    else:
        assert sect is not None
        sector = sect.value[1]
    noun = sect.value[0] if sect is not None else None
    if country is None and noun:
        prior = ctx.by_head.get(noun)
        if prior is not None:
            country = prior.country
    name = (
        text if country is None else f"{dictionary.country_label.get(country, country)} {noun or ''}".strip()
    )
    actor = Actor(text=text, name=name, country=country, sector=sector)
    if noun and country:
        ctx.by_head[noun] = actor
    if parts.office_key and country:
        ctx.by_head[parts.office_key] = actor
    if sector not in STATE and sector not in ("CVL",):
        ctx.note_group(actor, number(head))
    return actor


def country_actor(
    head: Any, text: str, parts: PhraseParts, ctx: ArticleContext, dictionary: ActorDictionary
) -> Actor:
    """A country by its name, capital or demonym: the state, or its people ("Israelis")."""
    m = parts.countries[-1]
    label = dictionary.country_label.get(m.value, m.value)
    # "Israelis" (people) vs "Israel"/"Tehran" (the state)
    plural_demonym = m.kind == "demonym" and head.doc[m.end - 1].text.endswith("s") and m.end - 1 == head.i
    sector = "CVL" if plural_demonym else "GOV"
    actor = Actor(text=text, name=label, country=m.value, sector=sector)
    # "Turkey", "Tehran": a state by its name is one ("it"); "Israelis" are many
    ctx.note_group(actor, number(head, proper="sg"))
    return actor


def name_actor(head: Any, text: str, ctx: ArticleContext) -> Actor:
    """A name or noun the dictionary does not know, as written: an organisation NER found is a
    group later pronouns may refer to; a common noun may be a target ("the refinery")."""
    if head.ent_type_ in ("ORG", "NORP", "GPE") or head.pos_ == "PROPN":
        actor = Actor(text=text, name=text, country=None, sector=None)
        if head.ent_type_ == "ORG":
            ctx.note_group(actor, number(head))
        return actor
    # a common noun we do not know (a target such as "the refinery", or "the operation")
    return Actor(text=text, name=text, country=None, sector=None)
