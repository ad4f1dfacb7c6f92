"""The noun phrase a head token stands for: its tokens, its text, its grammatical number, what the
dictionary and NER found in it, and the title a person's name is given with."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from eventdesk.code.actors.dictionary import Mention
from eventdesk.code.actors.words import ARTICLES, BACKER_PARTICIPLES, LEADER_PARTICIPLES, is_non_actor_noun


def noun_phrase(head: Any) -> list[Any]:
    """The tokens naming the actor: the head with its left modifiers, "of" phrases, acronyms."""
    keep = []
    for t in head.subtree:
        # stop at clauses and loose attachments: relative clauses, participles, long appositions
        anc = t
        drop = False
        while anc.i != head.i:
            if anc.dep_ in ("relcl", "advcl") or (anc.dep_ == "acl" and anc.lower_ not in LEADER_PARTICIPLES):
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


def clean_text(tokens: list[Any]) -> str:
    """The text of a phrase without leading determiners and trailing punctuation or "'s"."""
    if not tokens:
        return ""
    doc = tokens[0].doc
    s, e = tokens[0].i, tokens[-1].i + 1
    while s < e and (doc[s].dep_ in ("det", "punct", "cc") or doc[s].lower_ in ARTICLES):
        s += 1
    while e > s and ((doc[e - 1].is_punct and doc[e - 1].text not in (")",)) or doc[e - 1].dep_ == "case"):
        e -= 1
    return doc[s:e].text if s < e else ""


def number(tok: Any, proper: str = "?") -> str:
    """Grammatical number of a noun phrase by its head's tag (Penn: NNS/NNPS plural, NN singular).
    A proper name's number is unknown ("Isis say", "the SDF said they"): `proper` gives it where
    the caller knows the name (a country is one)."""
    if tok.tag_ in ("NNS", "NNPS"):
        return "pl"
    if tok.tag_ == "NN":
        return "sg"
    return proper


def backs(m: Mention, doc: Any) -> bool:
    """Whether a mention is the backer in "US-led", "Tehran-backed": not the actor's own country."""
    j = m.end
    return j + 1 < len(doc) and doc[j].text == "-" and doc[j + 1].lower_ in BACKER_PARTICIPLES


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
            if (
                lo <= m.start
                and m.end <= hi
                and m.kind in ("country", "demonym", "capital")
                and not backs(m, doc)
            ):
                return m.value
    return None


@dataclass
class PhraseParts:
    """What a noun phrase holds: dictionary mentions inside it and the PERSON name it gives."""

    group: Mention | None
    countries: list[Mention]  # country names, demonyms, capitals, in text order
    office: Mention | None
    sector: Mention | None  # the sector noun nearest the head
    person: Any  # a PERSON span of the doc, or None
    office_key: str | None  # "office:foreign minister", the key of a title in ArticleContext.by_head

    @property
    def country(self) -> str | None:
        """The country the phrase names (the last one: "Turkish-backed Syrian forces" are Syrian)."""
        return self.countries[-1].value if self.countries else None


def read_parts(head: Any, toks: list[Any], mentions: list[Mention]) -> PhraseParts:
    """The mentions inside the phrase `toks` headed by `head` (a backer's country, "US-led", is
    left out) and the person it names."""
    lo, hi = toks[0].i, toks[-1].i + 1
    doc = head.doc
    inside = [m for m in mentions if m.start >= lo and m.end <= hi and not backs(m, doc)]
    group = next((m for m in inside if m.kind == "group"), None)
    countries = [m for m in inside if m.kind in ("country", "demonym", "capital")]
    office = next((m for m in inside if m.kind == "office"), None)
    sector_m = [m for m in inside if m.kind == "sector"]
    # the sector noun nearest the head names the actor ("Iraqi Armed Forces spokesperson")
    sector_m.sort(key=lambda m: abs(m.end - 1 - head.i))
    person = None
    for ent in doc.ents:
        if ent.label_ == "PERSON" and ent.start >= lo and ent.end <= hi and ent.start <= head.i < ent.end + 1:
            person = ent
    if person is None and head.ent_type_ == "PERSON":
        person = next((e for e in doc.ents if e.start <= head.i < e.end), None)
    office_key = "office:" + doc[office.start : office.end].text.lower() if office is not None else None
    return PhraseParts(group, countries, office, sector_m[0] if sector_m else None, person, office_key)


def plural_subject_before(pron: Any) -> Any:
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
