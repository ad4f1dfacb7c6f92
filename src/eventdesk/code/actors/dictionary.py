"""The actor dictionary: every name we know (countries, named groups, sector nouns, office titles,
office holders) and where a parsed sentence mentions one.

Files in src/eventdesk/data/actors/ (see the package's docstring); users add their own named
groups with config["code"]["actor_files"].
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Any

from eventdesk.data import data_path, lines

DATA = str(data_path("actors"))

# PLOVER sectors that are not a state's: an IGO/NGO/media actor takes no country from a modifier.
NON_STATE = {"IGO", "UNO", "NGO", "MED"}
# PLOVER sectors of a state's bodies: they are the state acting, not a group to refer back to.
STATE = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}


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
