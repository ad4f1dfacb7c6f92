"""Actor dictionary and actor resolution: noun phrase in a parsed sentence -> records.Actor.

Data (src/eventdesk/data/actors/, written by us; users add their own with
config["code"]["actor_files"], same TSV columns or JSONL {"name", "aliases", "country", "sector",
"countries"}):
- countries.jsonl: every ISO 3166-1 country with names, demonyms and capital (metonym for the
  government: "Tehran said ...").
- groups.tsv / igos.tsv: named organisations (armed groups, parties, state bodies known by name,
  IGOs, NGOs, media) with home country, PLOVER sector and the countries they operate in.
- sectors.tsv: kind-of-actor nouns ("army", "foreign ministry", "protesters") -> sector.
- offices.tsv: titles ("Foreign Minister", "parliament speaker") -> sector.
- places.txt: place names fed to the entity ruler so NER stops calling them people.

Resolution combines what the phrase holds: a named group, a country (name, demonym, capital or
possessive "Lebanon's"), an institution noun or an office title, a PERSON name. Later mentions of
a person in the same article (surname, "the top Iranian diplomat", "he") resolve to the same
actor through `ArticleContext`.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from eventdesk.data import lines
from eventdesk.records import Actor

DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data", "actors")

# Sectors that are not a state's: an IGO/NGO/media actor takes no country from a modifier.
NON_STATE = {"IGO", "UNO", "NGO", "MED"}
STATE = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
# "US-led", "Tehran-backed": the country modifies the backer, not the actor.
_BACKER = {"led", "backed", "allied", "aligned", "funded", "sponsored", "supported", "armed", "trained"}
_PRONOUNS_PERSON = {"he", "she", "him", "her", "his", "hers"}
# English indefinite pronouns (Quirk et al. 1985, 6.45): they name no one the text told before
_INDEFINITE = frozenset(
    {"nobody", "no-one", "none", "someone", "somebody", "anyone", "anybody", "everyone", "everybody", "one"}
)
_PRONOUNS_GROUP = {"it", "its", "they", "them", "their", "we", "our"}
_PRONOUNS_PLURAL = {"they", "them", "their"}
_PRONOUNS_SINGULAR = {"it", "its"}
# third-person pronouns that refer to a group: their antecedent is chosen by number and recency only
GROUP_PRONOUNS = frozenset(_PRONOUNS_PLURAL | _PRONOUNS_SINGULAR)
# Heads that only count or group what follows: "dozens of protesters", "members of the party".
_QUANT_HEADS = {
    "dozens",
    "hundreds",
    "thousands",
    "scores",
    "number",
    "group",
    "groups",
    "members",
    "member",
    "some",
    "many",
    "most",
    "majority",
    "part",
    "one",
    "two",
    "three",
    "several",
    "couple",
    "handful",
    "team",
    "band",
    "contingent",
    "delegation",
    "crowd",
    "supporters",
    "elements",
    "remnants",
    "fighters",
    "units",
    "unit",
    "militants",
}
# Heads that stand for their possessor: "Kadhimi's media office", "Salam's office".
_PROXY_HEADS = {
    "office",
    "offices",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "aides",
    "camp",
    "team",
    "media office",
    "press office",
    "administration",
    "government",
    "forces",
    "fighters",
    "militia",
    "men",
    "supporters",
    "loyalists",
    "regime",
}
ROLE_NOUNS = {
    "diplomat",
    "minister",
    "president",
    "premier",
    "envoy",
    "leader",
    "commander",
    "official",
    "spokesman",
    "spokesperson",
    "ambassador",
    "chief",
    "king",
    "emir",
    "prince",
    "general",
    "speaker",
    "governor",
}


@dataclass(frozen=True)
class Entry:
    name: str
    country: str | None
    sector: str | None
    kind: str  # group | igo | user
    countries: tuple[str, ...] = ()


@dataclass
class Mention:
    start: int  # token indices in the doc
    end: int
    kind: str  # group | country | demonym | capital | sector | office
    value: Any  # Entry, ISO3, (sector, generic) or sector


@cache
def word_list(name: str) -> frozenset[str]:
    """A lower-case word list from data/actors (first line: its source; '#' lines are comments)."""
    return frozenset(w.lower() for w in lines(f"actors/{name}"))


@cache
def _event_nouns() -> frozenset[str]:
    """Nouns of agreements and meetings (data/actors/agreement_nouns.txt, meeting_nouns.txt)."""
    return word_list("agreement_nouns.txt") | word_list("meeting_nouns.txt")


@cache
def non_actor_nouns() -> frozenset[str]:
    """Heads that never name an actor or recipient: time words, abstract nouns, objects."""
    return word_list("temporal_nouns.txt") | word_list("abstract_nouns.txt") | word_list("object_nouns.txt")


def singulars(word: str) -> set[str]:
    """A noun and the singulars its plural may have ("operations" -> operation, "casualties" ->
    casualty, "boxes" -> box): the coder's parse runs without spaCy's lemmatizer (see annotate),
    so noun lists are matched through these regular English plural endings."""
    w = word.lower()
    out = {w}
    if w.endswith("ies") and len(w) > 4:
        out.add(w[:-3] + "y")
    if w.endswith("es") and len(w) > 3:
        out.add(w[:-2])
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        out.add(w[:-1])
    return out


def is_non_actor_noun(tok: Any) -> bool:
    """Whether token `tok` is (an inflection of) a word of non_actor_nouns()."""
    return bool(singulars(tok.lower_) & non_actor_nouns())


def _split(s: str) -> list[str]:
    return [x.strip() for x in (s or "").split("|") if x.strip()]


class ActorDictionary:
    """Every name we know, and spaCy matchers built from them (per vocab, cached)."""

    def __init__(self, extra_files: list[str] | tuple[str, ...] = ()) -> None:
        self.entries: list[Entry] = []
        self.aliases: dict[str, Entry] = {}  # exact case
        self.country_names: dict[str, str] = {}
        self.demonyms: dict[str, str] = {}
        self.capitals: dict[str, str] = {}
        self.country_label: dict[str, str] = {}
        self.sectors: dict[str, tuple[str, bool]] = {}
        self.offices: dict[str, str] = {}
        self.places: list[str] = []
        self._load_countries(os.path.join(DATA, "countries.jsonl"))
        for fn, kind in (("groups.tsv", "group"), ("igos.tsv", "igo")):
            self._load_entries(os.path.join(DATA, fn), kind)
        for path in extra_files or ():
            self._load_entries(path, "user")
        # office holders by name (people.tsv): looked up for a person the text gives no country,
        # not matched in running text like the groups (a surname alone is no mention of a party)
        self.people: dict[str, Entry] = {}
        self._load_table(os.path.join(DATA, "people.tsv"), self._add_person)
        self._load_table(os.path.join(DATA, "sectors.tsv"), self._add_sector)
        self._load_table(os.path.join(DATA, "offices.tsv"), self._add_office)
        self.places = list(lines("actors/places.txt"))
        self._matchers: dict[int, Any] = {}
        self.by_name = {e.name: e for e in self.entries}

    # ---- loading
    def _load_countries(self, path: str) -> None:
        with open(path, encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                iso = r["country"]
                self.country_label[iso] = r["name"]
                for n in r["names"]:
                    self.country_names.setdefault(n, iso)
                    if n.lower().startswith("the "):
                        self.country_names.setdefault(n[4:], iso)
                for n in r["demonyms"]:
                    self.demonyms.setdefault(n, iso)
                for n in r["capitals"]:
                    self.capitals.setdefault(n, iso)

    def _load_entries(self, path: str, kind: str) -> None:
        if path.endswith((".jsonl", ".json")):
            with open(path, encoding="utf-8") as f:
                rows = [json.loads(ln) for ln in f if ln.strip()]
            for r in rows:
                self.add_entry(
                    r["name"],
                    r.get("aliases") or [],
                    r.get("country"),
                    r.get("sector"),
                    r.get("countries") or [],
                    kind,
                )
            return
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                cols = (line.rstrip("\n").split("\t") + [""] * 5)[:5]
                name, aliases, country, sector, countries = (c.strip() for c in cols)
                self.add_entry(
                    name, _split(aliases), country or None, sector or None, _split(countries), kind
                )

    def add_entry(
        self,
        name: str,
        aliases: list[str],
        country: str | None,
        sector: str | None,
        countries: list[str],
        kind: str,
    ) -> Entry:
        e = Entry(name, country or None, sector or None, kind, tuple(countries))
        self.entries.append(e)
        for a in [name, *aliases]:
            # user files override ours; ours keep the first spelling
            if kind == "user" or a not in self.aliases:
                self.aliases[a] = e
            if a[:1].islower():  # "coalition" also at the start of a sentence
                self.aliases.setdefault(a[:1].upper() + a[1:], e)
        return e

    @staticmethod
    def _load_table(path: str, add: Any) -> None:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                add(line.rstrip("\n").split("\t"))

    def _add_person(self, cols: list[str]) -> None:
        cols = (cols + [""] * 4)[:4]
        name, aliases, country, sector = (c.strip() for c in cols)
        e = Entry(name, country or None, sector or None, "person", ())
        for a in [name, *_split(aliases)]:
            self.people.setdefault(a, e)

    def person_entry(self, full: str) -> Entry | None:
        """The office holder a person name is (people.tsv): the whole name, else its last words
        ("Donald J Trump" -> "J Trump" -> "Trump"); None for a person we do not know."""
        words = full.split()
        for i in range(len(words)):
            e = self.people.get(" ".join(words[i:]))
            if e is not None:
                return e
        return None

    def _add_sector(self, cols: list[str]) -> None:
        self.sectors[cols[0].strip().lower()] = (cols[1].strip(), len(cols) > 2 and cols[2].strip() == "1")

    def _add_office(self, cols: list[str]) -> None:
        self.offices[cols[0].strip().lower()] = cols[1].strip()

    # ---- spaCy hooks
    def ruler_patterns(self) -> list[dict[str, Any]]:
        """Entity-ruler patterns: organisations as ORG, countries/capitals/places as GPE."""
        pats: list[dict[str, Any]] = []
        for a in self.aliases:
            if a[:1].isupper() or a[:1].isdigit():
                pats.append({"label": "ORG", "pattern": a})
        for a in list(self.country_names) + list(self.capitals) + self.places:
            if a[:1].isupper():
                pats.append({"label": "GPE", "pattern": a})
        return pats

    def _matcher(self, vocab: Any) -> tuple[Any, Any, dict[int, tuple[str, Any]]]:
        m = self._matchers.get(id(vocab))
        if m is not None:
            return m
        from spacy.lang.en import English
        from spacy.matcher import PhraseMatcher

        tok = English(vocab=vocab).tokenizer
        exact = PhraseMatcher(vocab, attr="ORTH")
        lower = PhraseMatcher(vocab, attr="LOWER")
        keys: dict[int, tuple[str, Any]] = {}

        def add(matcher: Any, kind: str, value: Any, label: str, names: list[str]) -> None:
            key = f"{kind}:{label}"
            keys[vocab.strings.add(key)] = (kind, value)
            matcher.add(key, [tok(n) for n in names])

        by_entry: dict[int, list[str]] = {}
        idx = {id(e): i for i, e in enumerate(self.entries)}
        for a, e in self.aliases.items():
            by_entry.setdefault(idx[id(e)], []).append(a)
        for i, names in by_entry.items():
            add(exact, "group", self.entries[i], str(i), names)
        for kind, table in (
            ("country", self.country_names),
            ("demonym", self.demonyms),
            ("capital", self.capitals),
        ):
            inv: dict[str, list[str]] = {}
            for n, iso in table.items():
                inv.setdefault(iso, []).append(n)
            for iso, names in inv.items():
                add(exact, kind, iso, iso, names)
        for n, v in self.sectors.items():
            add(lower, "sector", (n, *v), n, [n])
        for n, v in self.offices.items():
            add(lower, "office", v, n, [n])
        m = (exact, lower, keys)
        self._matchers[id(vocab)] = m
        return m

    def mentions(self, doc: Any) -> list[Mention]:
        """Dictionary mentions in a Doc, longest first, never overlapping."""
        exact, lower, keys = self._matcher(doc.vocab)
        found = [(s, e, *keys[k]) for k, s, e in list(exact(doc)) + list(lower(doc))]
        found.sort(key=lambda x: (-(x[1] - x[0]), x[0]))
        taken = [False] * len(doc)
        out = []
        for s, e, kind, value in found:
            if any(taken[s:e]):
                continue
            for i in range(s, e):
                taken[i] = True
            out.append(Mention(s, e, kind, value))
        out.sort(key=lambda m: m.start)
        return out


# ---------------------------------------------------------------- resolution in a parsed sentence


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
        want = "pl" if pronoun in _PRONOUNS_PLURAL else "sg" if pronoun in _PRONOUNS_SINGULAR else None
        if want is None:
            return self.last_group
        for actor, number in reversed(self.groups):
            if number in (want, "?"):
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
            if len(parts) >= 2 and parts[-2].lower() in {"al", "el", "abu", "bin", "ibn", "van", "de"}:
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


def number(tok: Any, proper: str = "?") -> str:
    """Grammatical number of a noun phrase by its head's tag (Penn: NNS/NNPS plural, NN singular).
    A proper name's number is unknown ("Isis say", "the SDF said they"): `proper` gives it where
    the caller knows the name (a country is one)."""
    if tok.tag_ in ("NNS", "NNPS"):
        return "pl"
    if tok.tag_ == "NN":
        return "sg"
    return proper


def title_country(ent: Any, mentions: list[Mention]) -> str | None:
    """The country (ISO alpha-3) of the title a person's name is given with: its premodifiers
    ("US President Donald Trump"), the noun it stands in apposition to ("the US secretary of state,
    Rex Tillerson", "his Turkish counterpart, Recep Tayyip Erdogan") or an appositive title ("Vladimir
    Putin, the Russian president"). An appositive and its anchor name one referent (Quirk et al.
    17.65-17.73), so the title's country is the person's. None when no title names one; a
    relative clause about the person ("who resigned over the Iraq war") is no title."""
    root = ent.root
    spans = []
    if root.left_edge.i < ent.start:  # premodifiers of the name
        spans.append((root.left_edge.i, ent.start))
    if root.dep_ == "appos" and root.head.ent_type_ != "PERSON":
        # the title the name is in apposition to: its words up to the name
        spans.append((root.head.left_edge.i, root.left_edge.i))
    for c in root.children:
        if c.dep_ == "appos" and c.ent_type_ != "PERSON" and c.i > root.i:
            spans.append((c.left_edge.i, c.right_edge.i + 1))
    doc = ent.doc
    for lo, hi in spans:
        for m in mentions:
            # "an Iran-backed militia leader" is no Iranian
            backer = m.end + 1 < len(doc) and doc[m.end].text == "-" and doc[m.end + 1].lower_ in _BACKER
            if lo <= m.start and m.end <= hi and m.kind in ("country", "demonym", "capital") and not backer:
                return m.value
    return None


def _clean_text(tokens: list[Any]) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    s, e = tokens[0].i, tokens[-1].i + 1
    while s < e and (doc[s].dep_ in ("det", "punct", "cc") or doc[s].lower_ in ("the", "a", "an")):
        s += 1
    while e > s and ((doc[e - 1].is_punct and doc[e - 1].text not in (")",)) or doc[e - 1].dep_ == "case"):
        e -= 1
    return doc[s:e].text if s < e else ""


def _plural_subject_before(pron: Any) -> Any:
    """ "Israeli analysts have indicated that they believe ...", "families were delayed after they
    were forced ...": the nearest plural subject before a plural pronoun in its sentence, of
    another clause than the pronoun's (binding principle B: not its own clause's subject)."""
    own = pron.head
    for tok in reversed(list(pron.sent[: pron.i - pron.sent.start])):
        if (
            tok.dep_ in ("nsubj", "nsubjpass")
            and tok.tag_ in ("NNS", "NNPS")
            and tok.head.i != own.i
            and not is_non_actor_noun(tok)
        ):
            return tok
    return None


# A populated place this large is a town an article may name as a venue ("the Sochi agreement");
# the GeoNames "cities15000" extract draws the line for a city in the same place.
VENUE_MIN_POP = 15000


class Resolver:
    """Turns a head token of a parsed sentence into a records.Actor."""

    def __init__(self, dictionary: ActorDictionary, gazetteer: Any = None) -> None:
        self.d = dictionary
        self.gazetteer = gazetteer  # the gazetteer (Resources.gazetteer): tells a town's name from a party's

    def venue(self, tok: Any, mentions: list[Mention]) -> bool:
        """Does the premodifier `tok` of an event noun name a town, not a party? A proper noun of
        location sense before an event or meeting noun says where it happens: "the Sochi
        agreement", "the Minsk deal" (Quirk et al. 1985, 17.108-17.109), even where NER tags the
        name ORG. A country, demonym, group or IGO the dictionary knows names a party ("the US
        deal", "the Turkish-Russian agreement"); a capital is a town; any other town is told by the
        gazetteer: a primary name of a city or province of at least VENUE_MIN_POP people that no
        country shares."""
        if tok.pos_ != "PROPN" or tok.dep_ == "poss":
            return False
        if any(m.start <= tok.i < m.end and m.kind != "capital" for m in mentions):
            return False
        if any(m.start <= tok.i < m.end for m in mentions):
            return True  # a capital as a premodifier: the seat of the talks, not the state
        if self.gazetteer is None:
            return False
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        name = ent.text if ent is not None and ent.end <= tok.head.i else tok.text
        cands = self.gazetteer.named(name)
        if any(c.entry.kind == "country" for c in cands):
            return False
        return any(
            c.type == "p" and c.entry.kind in ("city", "adm1", "adm2") and c.entry.pop >= VENUE_MIN_POP
            for c in cands
        )

    def _venue_only(self, head: Any, toks: list[Any], mentions: list[Mention]) -> bool:
        """ "the Minsk deal", "the Astana talks": an agreement or meeting noun (data/actors/
        agreement_nouns.txt, meeting_nouns.txt) whose only proper nouns are the towns where it was
        made names no party: an agreement is no actor, and its town is not the state."""
        if not singulars(head.lower_) & _event_nouns():
            return False
        proper = [t for t in toks if t.i != head.i and (t.pos_ == "PROPN" or t.ent_type_)]
        return bool(proper) and all(
            t.i < head.i and t.dep_ in ("compound", "nmod") and t.head.i == head.i and self.venue(t, mentions)
            for t in proper
        )

    def _is_office_holder(self, actor: Actor) -> bool:
        """Whether the phrase naming an actor ends in a title of office ("the Danish foreign
        minister"): one person, not a body ("the army") or a country."""
        words = actor.text.lower().split()
        return any(" ".join(words[-n:]) in self.d.offices for n in (1, 2, 3) if len(words) >= n)

    def _one_person(self, actor: Actor, ctx: ArticleContext) -> bool:
        """Whether a speaker is one person: a person the article named, a title of office ("the
        foreign minister"), or a singular common noun that names no body, group, country or thing
        ("a Labour donor", "her lawyer")."""
        if self._is_office_holder(actor) or ctx.person(actor.name) is not None:
            return True
        words = actor.text.split()
        if not words or not words[-1].isalpha() or not words[-1].islower():
            return False
        low = words[-1]
        return not (
            low.endswith("s")
            or low in self.d.sectors
            or low in self.d.aliases
            or low in word_list("group_descriptions.txt")
            or low in non_actor_nouns()
        )

    def phrase(self, head: Any) -> list[Any]:
        """The tokens naming the actor: the head with its left modifiers, "of" phrases, acronyms."""
        keep = []
        for t in head.subtree:
            # stop at clauses and loose attachments: relative clauses, participles, long appositions
            anc = t
            drop = False
            while anc.i != head.i:
                if anc.dep_ in ("relcl", "advcl") or (
                    anc.dep_ == "acl" and anc.lower_ not in ("led", "headed", "commanded")
                ):
                    drop = True
                    break
                if anc.dep_ in ("cc", "conj", "punct", "prep") and anc.head.i == head.i:
                    if anc.dep_ == "prep" and anc.lower_ == "of":
                        anc = anc.head
                        continue
                    drop = True
                    break
                if anc.dep_ == "appos" and len(list(anc.subtree)) > 3:
                    drop = True
                    break
                anc = anc.head
            if not drop:
                keep.append(t)
        keep.sort(key=lambda t: t.i)
        # keep it contiguous around the head
        lo = hi = head.i
        ids = {t.i for t in keep}
        while lo - 1 in ids:
            lo -= 1
        while hi + 1 in ids:
            hi += 1
        doc = head.doc
        return [doc[i] for i in range(lo, hi + 1)]

    def resolve(
        self, head: Any, mentions: list[Mention], ctx: ArticleContext, speaker: Actor | None = None
    ) -> Actor | None:
        """Actor for the noun phrase headed by `head` (None for an empty or pronoun-without-antecedent)."""
        low = head.lower_
        if head.pos_ == "PRON" or low in _PRONOUNS_PERSON | _PRONOUNS_GROUP:
            if low in _PRONOUNS_PERSON:
                # "prompted a Labour donor to say he will refuse": the subject pronoun of what one
                # person says refers to that person (logophoric reading of reported speech)
                if head.dep_ == "nsubj" and speaker is not None and self._one_person(speaker, ctx):
                    return speaker
                # "Putin said he ...": the nearest person named before it in the sentence, else the
                # latest person the article named
                here = [
                    e
                    for e in head.doc.ents
                    if e.label_ == "PERSON" and e.end <= head.i and e.start >= head.sent.start
                ]
                if here:
                    prior = ctx.person(here[-1].text)
                    return prior or Actor(text=here[-1].text, name=here[-1].text)
                if head.dep_ in ("nsubj", "nsubjpass") and ctx.subject_person:
                    prior = ctx.person(ctx.subject_person)
                    if prior is not None:
                        return prior
                # a person this sentence names after the pronoun is not its antecedent, though
                # coding the sentence may have noted them already ('"...," he said before a meeting
                # with X'): a pronoun cannot corefer with a name it c-commands (binding principle C,
                # Chomsky 1981), and a pronoun refers back (anaphora, not cataphora, in a main clause)
                later = frozenset(
                    k
                    for e in head.doc.ents
                    if e.label_ == "PERSON" and e.start > head.i and e.end <= head.sent.end
                    for k in (e.text.lower(), e.text.lower().split()[-1])
                )
                return ctx.last_person(exclude=later)
            if (
                low in ("each", "other", "who", "which", "that", "what", "itself", "themselves")
                or low in _INDEFINITE
            ):
                return None  # indefinite pronouns ("nobody", "someone") refer to no one named
            if speaker is not None:
                return speaker
            if low in _PRONOUNS_PLURAL:
                near = _plural_subject_before(head)
                if near is not None:
                    return self.resolve(near, mentions, ctx)
            return ctx.group_for(low)
        # "dozens of protesters", "a number of terrorists": the counted noun is the actor
        if low in _QUANT_HEADS or head.ent_type_ == "CARDINAL" or head.like_num:
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    objs = [o for o in c.children if o.dep_ == "pobj"]
                    if objs:
                        inner = self.resolve(objs[0], mentions, ctx, speaker)
                        if inner is not None:
                            toks = self.phrase(head)
                            inner.text = _clean_text(toks) or inner.text
                            return inner
        # "Official spokesperson for OIR, Colonel Myles Caggins": the named person
        for c in head.children:
            if c.dep_ == "appos" and c.ent_type_ == "PERSON" and head.ent_type_ != "PERSON":
                inner = self.resolve(c, mentions, ctx, speaker)
                if inner is not None:
                    return inner
        toks = self.phrase(head)
        text = _clean_text(toks)
        if not text:
            return None
        if self._venue_only(head, toks, mentions):
            return None
        lo_, hi_ = toks[0].i, toks[-1].i + 1
        known = any(m.start >= lo_ and m.end <= hi_ and m.kind != "office" for m in mentions) or any(
            t.ent_type_ in ("PERSON", "ORG", "NORP") for t in toks
        )
        # a time word, an abstract noun or an object is no party ("last month", "blame", "the vehicle")
        if not known and is_non_actor_noun(head):
            return None
        definite = any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in head.children
        )
        proper = any(t.pos_ == "PROPN" for t in toks)
        if (
            definite
            and not proper
            and not any(m.start >= lo_ and m.end <= hi_ and m.kind != "sector" for m in mentions)
        ):
            # "the group", "the militia": the organisation the article named; "the pair": its people
            if (singulars(head.lower_) & word_list("group_descriptions.txt")) and (
                ctx.last_group is not None and ctx.last_group.sector not in STATE
            ):
                g = ctx.last_group
                return Actor(text=text, name=g.name, country=g.country, sector=g.sector, wikidata=g.wikidata)
            if low in word_list("person_descriptions.txt"):
                prior = ctx.last_person()
                if prior is not None:
                    return Actor(text=text, name=prior.name, country=prior.country, sector=prior.sector)
        # a later mention by surname ("Araqchi", "Araqchi's trip") even where NER misses the name
        if head.pos_ == "PROPN" and not any(
            m.start <= head.i < m.end and m.kind != "office" for m in mentions
        ):
            prior = ctx.person(head.text)
            if prior is not None:
                return Actor(text=text, name=prior.name, country=prior.country, sector=prior.sector)
        lo, hi = toks[0].i, toks[-1].i + 1
        inside = [m for m in mentions if m.start >= lo and m.end <= hi]
        doc = head.doc

        def backer(m: Mention) -> bool:  # "US-led", "Tehran-backed"
            j = m.end
            return j + 1 < len(doc) and doc[j].text == "-" and doc[j + 1].lower_ in _BACKER

        inside = [m for m in inside if not backer(m)]
        group = next((m for m in inside if m.kind == "group"), None)
        countries = [m for m in inside if m.kind in ("country", "demonym", "capital")]
        office = next((m for m in inside if m.kind == "office"), None)
        sector_m = [m for m in inside if m.kind == "sector"]
        # the sector noun nearest the head names the actor ("Iraqi Armed Forces spokesperson")
        sector_m.sort(key=lambda m: abs(m.end - 1 - head.i))
        sect = sector_m[0] if sector_m else None
        country = countries[-1].value if countries else None
        person = None
        for ent in doc.ents:
            if (
                ent.label_ == "PERSON"
                and ent.start >= lo
                and ent.end <= hi
                and ent.start <= head.i < ent.end + 1
            ):
                person = ent
        if person is None and head.ent_type_ == "PERSON":
            person = next((e for e in doc.ents if e.start <= head.i < e.end), None)

        # possessor standing for the actor: "Kadhimi's media office", "Salam's office"
        poss = [c for c in head.children if c.dep_ == "poss"]
        if (
            poss
            and person is None
            and group is None
            and (low in _PROXY_HEADS or text.lower().endswith("office"))
        ):
            inner = self.resolve(poss[0], mentions, ctx, speaker)
            if inner is not None:
                return Actor(text=text, name=inner.name, country=inner.country, sector=inner.sector)

        # "Turkey's foreign minister ... the foreign minister": a definite title names the holder the
        # article introduced with it (definite description anaphora), so its country is remembered
        office_key = "office:" + doc[office.start : office.end].text.lower() if office is not None else None

        if person is not None:
            full = re.sub(r"\s*['’]s$", "", person.text)  # NER may keep the possessive ending
            prior = ctx.person(full)
            sector = office.value if office else None
            if sector is None and group is not None:
                sector = group.value.sector
            if country is None and group is not None:
                country = group.value.country
            if country is None:
                country = title_country(person, mentions)
            if prior is not None:
                country = country or prior.country
                sector = sector or prior.sector
                full = prior.name if len(prior.name) >= len(full) else full
            known = self.d.person_entry(full) if country is None else None
            if known is not None and known.country:
                # an office holder the text names without a country ("Netanyahu warned")
                country, sector = known.country, sector or known.sector
            actor = Actor(text=text, name=full, country=country, sector=sector)
            ctx.add_person(actor, full)
            if office_key and country:
                ctx.by_head[office_key] = actor
            return actor

        if group is not None:
            e: Entry = group.value
            c = e.country
            if country and e.sector not in NON_STATE:
                c = country
            actor = Actor(text=text, name=e.name, country=c, sector=e.sector)
            if e.sector not in STATE:
                ctx.note_group(actor, number(doc[group.end - 1]))
            return actor

        # role noun without a name: "the top Iranian diplomat" -> the Iranian official named earlier
        role = office.value if office else None
        head_role = low in ROLE_NOUNS or (office is not None and office.end - 1 == head.i)
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)
        if head_role and definite and head.ent_type_ != "PERSON":
            known_holder = ctx.by_head.get(office_key) if office_key and country is None else None
            if known_holder is not None:
                h = known_holder
                return Actor(text=text, name=h.name, country=h.country, sector=h.sector, wikidata=h.wikidata)
            prior = ctx.last_person(country=country, sector=role if role in STATE else None)
            if prior is not None and (country is None or prior.country == country):
                return Actor(text=text, name=prior.name, country=prior.country, sector=prior.sector)

        if sect is not None or office is not None:
            sector = (
                office.value
                if office is not None and (sect is None or office.end > sect.end)
                else sect.value[1]
            )
            noun = sect.value[0] if sect is not None else None
            if country is None and noun:
                prior = ctx.by_head.get(noun)
                if prior is not None:
                    country = prior.country
            name = (
                text
                if country is None
                else f"{self.d.country_label.get(country, country)} {noun or ''}".strip()
            )
            actor = Actor(text=text, name=name, country=country, sector=sector)
            if noun and country:
                ctx.by_head[noun] = actor
            if office_key and country:
                ctx.by_head[office_key] = actor
            if sector not in STATE and sector not in ("CVL",):
                ctx.note_group(actor, number(head))
            return actor

        if countries:
            m = countries[-1]
            label = self.d.country_label.get(m.value, m.value)
            # "Israelis" (people) vs "Israel"/"Tehran" (the state)
            sector = (
                "CVL"
                if m.kind == "demonym" and doc[m.end - 1].text.endswith("s") and m.end - 1 == head.i
                else "GOV"
            )
            actor = Actor(text=text, name=label, country=m.value, sector=sector)
            # "Turkey", "Tehran": a state by its name is one ("it"); "Israelis" are many
            ctx.note_group(actor, number(head, proper="sg"))
            return actor

        if head.ent_type_ in ("ORG", "NORP", "GPE") or head.pos_ == "PROPN":
            actor = Actor(text=text, name=text, country=None, sector=None)
            if head.ent_type_ == "ORG":
                ctx.note_group(actor, number(head))
            return actor
        # a common noun we do not know (a target such as "the refinery", or "the operation")
        return Actor(text=text, name=text, country=None, sector=None)

    def entry_for(self, actor: Actor) -> Entry | None:
        return self.d.by_name.get(actor.name)


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
