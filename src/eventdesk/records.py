"""Records shared by every pipeline stage.

One data class per thing the pipeline passes along: what a reader found (`Document`), a clean
article (`Article`), and the event record with its actors and place. Field names follow
../SCHEMA.md (PLOVER and ACLED names), so `to_dict()` *is* the export format.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

# Typographic variants folded before hashing, so the same text typed with curly or straight
# quotes gets the same id on every machine.
_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u200b": "",
    }
)
_WS = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Text as compared for identity: NFKC, quotes/dashes folded, whitespace collapsed, casefolded."""
    text = unicodedata.normalize("NFKC", text or "").translate(_FOLD)
    return _WS.sub(" ", text).strip().casefold()


def stable_id(*parts: str, prefix: str = "", length: int = 16) -> str:
    """A short hex id that depends only on the normalised parts."""
    h = hashlib.sha1("\x1f".join(normalise(p) for p in parts).encode("utf-8")).hexdigest()
    return prefix + h[:length]


@dataclass
class Source:
    """One place an article was read from. `index` is the article's position inside that file."""

    path: str
    index: int
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"path": self.path, "index": self.index}
        if self.url:
            d["url"] = self.url
        return d


@dataclass
class Document:
    """What a reader yields: one unit of input before segmentation.

    `kind` says how to turn it into articles: "dump" (plain text, maybe several articles),
    "html" (one page), "record" (already split: title/body from JSONL or similar).
    """

    path: str
    kind: str
    text: str = ""
    index: int = 0  # position of this document inside its file (JSONL line, WARC record)
    title: str | None = None
    url: str | None = None
    published: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Article:
    """A clean article (SCHEMA.md "Articles")."""

    title: str
    body: str
    captions: list[str] = field(default_factory=list)
    published: str | None = None
    url: str | None = None
    sources: list[Source] = field(default_factory=list)
    duplicate_of: str | None = None
    story_id: str | None = None
    # Dated hints found in the text (captions, datelines) that did not set `published`.
    date_hints: list[str] = field(default_factory=list)
    id: str = ""
    # What the article is (eventdesk.relevance): ISO 639-1 language and {"topic", "genre", "score"}.
    language: str | None = None
    relevance: dict[str, Any] | None = None

    def __post_init__(self) -> None:
        if not self.id:
            self.id = article_id(self.title, self.body)

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.body.split("\n\n") if p.strip()]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "captions": list(self.captions),
            "body": self.body,
            "published": self.published,
            "url": self.url,
            "sources": [s.to_dict() for s in self.sources],
            "duplicate_of": self.duplicate_of,
            "story_id": self.story_id or self.id,
            "language": self.language,
            "relevance": dict(self.relevance) if self.relevance else None,
            "date_hints": list(self.date_hints),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        return cls(
            id=d.get("id") or "",
            title=d.get("title") or "",
            body=d.get("body") or "",
            captions=list(d.get("captions") or []),
            published=d.get("published"),
            url=d.get("url"),
            sources=[Source(s["path"], int(s["index"]), s.get("url")) for s in d.get("sources") or []],
            duplicate_of=d.get("duplicate_of"),
            story_id=d.get("story_id"),
            date_hints=list(d.get("date_hints") or []),
            language=d.get("language"),
            relevance=d.get("relevance"),
        )


def article_id(title: str, body: str) -> str:
    """SCHEMA.md: hash of the normalised title+body (same text => same id everywhere)."""
    return stable_id(title, body, prefix="a")


@dataclass
class Actor:
    """SCHEMA.md actor: who acted, or to whom."""

    text: str
    name: str
    country: str | None = None  # ISO 3166-1 alpha-3
    sector: str | None = None  # PLOVER sector (GOV MIL REB COP ...) or IGO/NGO/UNO
    wikidata: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Actor:
        return cls(
            d.get("text") or "", d.get("name") or "", d.get("country"), d.get("sector"), d.get("wikidata")
        )


@dataclass
class Place:
    """SCHEMA.md place. `precision` is ACLED geo_precision (1 town, 2 near/part, 3 region)."""

    text: str
    name: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None = None
    geonameid: int | None = None
    feature: str | None = None
    precision: int = 1
    start: int | None = None  # span in the text it was read from, when known
    end: int | None = None
    # what the text names, where `geo parse` says it: "place", or "demonym" for a people's name
    # ("Sudanese") that refers to its country without naming a place; None elsewhere (an event's
    # location is always a place) and then left out of the dict
    kind: str | None = None

    def to_dict(self, spans: bool = False) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        if not spans:
            d.pop("start")
            d.pop("end")
        if d["kind"] is None:
            d.pop("kind")
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Place:
        return cls(
            text=d.get("text") or "",
            name=d.get("name") or "",
            lat=float(d["lat"]),
            lon=float(d["lon"]),
            country=d.get("country"),
            admin1=d.get("admin1"),
            geonameid=d.get("geonameid"),
            feature=d.get("feature"),
            precision=int(d.get("precision") or 1),
            start=d.get("start"),
            end=d.get("end"),
            kind=d.get("kind"),
        )


@dataclass
class Evidence:
    sentence: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"sentence": self.sentence, "start": self.start, "end": self.end}


@dataclass
class Mention:
    """One sentence, in one article, that reports an event (SCHEMA.md `mentions`); offsets into that body."""

    article_id: str
    sentence: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Mention:
        return cls(d["article_id"], d.get("sentence") or "", int(d.get("start") or 0), int(d.get("end") or 0))


MODALITIES = ("asserted", "claimed", "negated", "hypothetical", "historical")
PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


@dataclass
class Event:
    """SCHEMA.md event: who did what to whom, where, when, how sure, and the sentence it came from."""

    article_id: str
    event_type: str
    evidence: Evidence
    mode: str | None = None
    contexts: list[str] = field(default_factory=list)
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    cameo_root: str | None = None
    goldstein: float | None = None
    actors: list[Actor] = field(default_factory=list)
    recipients: list[Actor] = field(default_factory=list)
    location: Place | None = None
    date: str | None = None
    date_precision: str | None = None
    date_text: str | None = None
    modality: str = "asserted"
    fatalities: int | None = None
    confidence: float = 0.5
    sources: list[str] = field(default_factory=list)
    # every sentence, in every article, that reports this event; `evidence` is the most informative one
    mentions: list[Mention] = field(default_factory=list)
    # Fields beyond SCHEMA.md (SCHEMA allows extras), e.g. "case_label", "trigger", "sentence_index".
    extra: dict[str, Any] = field(default_factory=dict)
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            # Stable: same article, same sentence span, same type and actor pair => same id.
            self.id = stable_id(
                self.article_id,
                str(self.evidence.start),
                self.event_type,
                "|".join(a.name for a in self.actors),
                "|".join(a.name for a in self.recipients),
                prefix="e",
            )
        if not self.sources:
            self.sources = [self.article_id]
        if not self.mentions:
            ev = self.evidence
            self.mentions = [Mention(self.article_id, ev.sentence, ev.start, ev.end)]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "event_type": self.event_type,
            "mode": self.mode,
            "contexts": list(self.contexts),
            "acled_event_type": self.acled_event_type,
            "acled_sub_event_type": self.acled_sub_event_type,
            "cameo_root": self.cameo_root,
            "goldstein": self.goldstein,
            "actors": [a.to_dict() for a in self.actors],
            "recipients": [a.to_dict() for a in self.recipients],
            "location": self.location.to_dict() if self.location else None,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "modality": self.modality,
            "fatalities": self.fatalities,
            "evidence": self.evidence.to_dict(),
            "confidence": self.confidence,
            "sources": list(self.sources),
            "mentions": [m.to_dict() for m in self.mentions],
            **{k: v for k, v in self.extra.items() if k not in _EVENT_FIELDS},
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        ev = d.get("evidence") or {}
        return cls(
            id=d.get("id") or "",
            article_id=d["article_id"],
            event_type=d["event_type"],
            evidence=Evidence(ev.get("sentence") or "", int(ev.get("start") or 0), int(ev.get("end") or 0)),
            mode=d.get("mode"),
            contexts=list(d.get("contexts") or []),
            acled_event_type=d.get("acled_event_type"),
            acled_sub_event_type=d.get("acled_sub_event_type"),
            cameo_root=d.get("cameo_root"),
            goldstein=d.get("goldstein"),
            actors=[Actor.from_dict(a) for a in d.get("actors") or []],
            recipients=[Actor.from_dict(a) for a in d.get("recipients") or []],
            location=Place.from_dict(d["location"]) if d.get("location") else None,
            date=d.get("date"),
            date_precision=d.get("date_precision"),
            date_text=d.get("date_text"),
            modality=d.get("modality") or "asserted",
            fatalities=d.get("fatalities"),
            confidence=float(d.get("confidence") if d.get("confidence") is not None else 0.5),
            sources=list(d.get("sources") or []),
            mentions=[Mention.from_dict(m) for m in d.get("mentions") or []],
            extra={k: v for k, v in d.items() if k not in _EVENT_FIELDS},
        )


_EVENT_FIELDS = frozenset(
    {
        "id",
        "article_id",
        "event_type",
        "mode",
        "contexts",
        "acled_event_type",
        "acled_sub_event_type",
        "cameo_root",
        "goldstein",
        "actors",
        "recipients",
        "location",
        "date",
        "date_precision",
        "date_text",
        "modality",
        "fatalities",
        "evidence",
        "confidence",
        "sources",
        "mentions",
        "extra",
    }
)


@dataclass
class Problem:
    """A bad input, reported by name and reason; the run goes on."""

    path: str
    reason: str
    index: int | None = None
    # a notice, not bad input (an encoding that had to be guessed, a README left out of a folder):
    # reported and stored like any problem, but it does not make a run partial (exit status 3)
    notice: bool = False

    def __str__(self) -> str:
        where = self.path if self.index is None else f"{self.path}#{self.index}"
        return printable(f"{where}: {self.reason}")


def printable(text: str) -> str:
    """Text for a terminal or a log line: control and bidi/format characters (a file name can hold an
    escape sequence, a newline or a right-to-left override) written as escapes, never acted on."""
    if text.isprintable():
        return text
    return "".join(
        c if c.isprintable() or c == " " else c.encode("unicode_escape").decode("ascii") for c in text
    )
