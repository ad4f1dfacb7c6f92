"""What earlier sentences of an article told, for coreference: the persons it named (with their
country and office), the groups it named (with their number), the office holders by title."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from eventdesk.code.actors.dictionary import STATE, Mention
from eventdesk.code.actors.phrase import number, title_country
from eventdesk.code.actors.words import NAME_PARTICLES, PLURAL_PRONOUNS, SINGULAR_PRONOUNS
from eventdesk.records import Actor


@dataclass
class _Person:
    actor: Actor
    keys: set[str]


@dataclass
class ArticleContext:
    """What earlier sentences of the same article told us, for coreference."""

    persons: list[_Person] = field(default_factory=list)
    by_head: dict[str, Actor] = field(default_factory=dict)  # "army" -> the Sudanese army
    # office holders by name (ActorDictionary.person_entry): a person the article names without a
    # country ("Mr Trump threatened") is remembered with the one the list gives
    people: Any = None
    # the groups named so far with their grammatical number ("sg", "pl", "?": a name, either), latest
    # last: "they" takes a plural antecedent, "it" a singular one (Lee et al. 2013, number agreement)
    groups: list[tuple[Actor, str]] = field(default_factory=list)
    # the person last named as a clause's subject: the preferred antecedent of a subject "he"/"she"
    # (centering theory, Grosz, Joshi & Weinstein 1995)
    subject_person: str | None = None
    # who speaks a quotation left open at the end of a coded sentence ('X said: "... . Y must ...'),
    # and whether the sentence being coded continues it
    quote_speaker: Actor | None = None
    in_quote: bool = False

    @property
    def last_group(self) -> Actor | None:
        """The group named last, of any number."""
        return self.groups[-1][0] if self.groups else None

    def note_group(self, actor: Actor, number: str = "?") -> None:
        self.groups.append((actor, number))

    def group_for(self, pronoun: str) -> Actor | None:
        """The latest group a pronoun can refer to: of its number, or a name of either."""
        want = "pl" if pronoun in PLURAL_PRONOUNS else "sg" if pronoun in SINGULAR_PRONOUNS else None
        if want is None:
            return self.last_group
        for actor, num in reversed(self.groups):
            if num in (want, "?"):
                return actor
        return None

    def add_person(self, actor: Actor, full: str) -> None:
        if actor.country is None and self.people is not None:
            known = self.people(full)
            if known is not None and known.country:
                actor = Actor(
                    text=actor.text,
                    name=actor.name,
                    country=known.country,
                    sector=actor.sector or known.sector,
                    wikidata=actor.wikidata,
                )
        parts = [p for p in re.split(r"[\s]+", full) if p]
        keys = {full.lower()}
        if parts:
            keys.add(parts[-1].lower())
            if len(parts) >= 2 and parts[-2].lower() in NAME_PARTICLES:
                keys.add(" ".join(parts[-2:]).lower())
        for p in self.persons:
            if p.keys & keys:
                p.actor = actor
                p.keys |= keys
                self.persons.remove(p)
                self.persons.append(p)
                return
        self.persons.append(_Person(actor, keys))

    def note_person(self, full: str, country: str | None = None) -> None:
        """A person the text names (in any parsed sentence): the latest one for "he"/"she". A person
        already known keeps what we know of them and only becomes the latest; `country`: what the
        title they are named with says ("US President Donald Trump"), kept for later
        mentions by name when nothing was known."""
        low = full.lower()
        parts = low.split()
        for p in self.persons:
            if low in p.keys or (parts and parts[-1] in p.keys):
                if p.actor.country is None and country is not None:
                    p.actor = Actor(
                        text=p.actor.text, name=p.actor.name, country=country, sector=p.actor.sector
                    )
                self.persons.remove(p)
                self.persons.append(p)
                return
        self.add_person(Actor(text=full, name=full, country=country), full)

    def note_names(self, doc: Any, mentions: list[Mention]) -> None:
        """Persons and armed groups or organisations a parsed sentence names, in text order."""
        items: list[tuple[int, Any]] = [(e.start, e) for e in doc.ents if e.label_ == "PERSON"]
        items += [(m.start, m) for m in mentions if m.kind == "group"]
        for _, it in sorted(items, key=lambda x: x[0]):
            if isinstance(it, Mention):
                e = it.value
                if e.sector not in STATE:
                    text = doc[it.start : it.end].text
                    self.note_group(
                        Actor(text=text, name=e.name, country=e.country, sector=e.sector),
                        number(doc[it.end - 1]),
                    )
            else:
                self.note_person(it.text, title_country(it, mentions))
                if it.root.dep_ in ("nsubj", "nsubjpass"):
                    self.subject_person = it.text

    def person(self, name: str) -> Actor | None:
        low = name.lower()
        last = low.split()[-1] if low.split() else low
        for p in reversed(self.persons):
            if low in p.keys or last in p.keys:
                return p.actor
        return None

    def last_person(
        self, country: str | None = None, sector: str | None = None, exclude: frozenset[str] = frozenset()
    ) -> Actor | None:
        """The person named latest (of `country`, `sector`); none known by a name in `exclude`."""
        for p in reversed(self.persons):
            if country and p.actor.country != country:
                continue
            if sector and p.actor.sector != sector:
                continue
            if p.keys & exclude:
                continue
            return p.actor
        return None
