"""Sentence coding: the PLOVER events one sentence or clause reports (`classify`), from its trigger
hits, with future acts retyped (PLOVER AGREE/CONCEDE/THREATEN), embedded and background events
demoted, and the ACLED sub-type each event may take."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from eventdesk.code import ontology
from eventdesk.code.acled_model import AcledModel, acled_probabilities
from eventdesk.code.acled_rules import _territory
from eventdesk.code.contexts import _contexts
from eventdesk.code.lexicon import Hit, triggers


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


def guess_of_type(
    text: str, etype: str, score: float, acled_sub: str | None, case_label: str | None = None
) -> TypeGuess:
    """A guess of type `etype` with that type's default codes (code/type_choice/retyping.py retypes with it)."""
    return _guess(text, etype, score, None, acled_sub, case_label)


def acled_sub_type(etype: str, hit: Hit, text: str, acled: AcledModel) -> str | None:
    """The ACLED sub-type an event of `etype` carried by `hit` takes (None outside ACLED scope)."""
    return _acled_for(etype, hit, text, None, acled)


def _acled_for(etype: str, hit: Hit, text: str, p: dict[str, float] | None, acled: AcledModel) -> str | None:
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
        p = acled_probabilities(text, None, acled)
    return max(allowed, key=lambda s: p.get(s, 0.0)) if any(s in p for s in allowed) else hit.acled


def _code(
    text: str,
    hits: list[Hit],
    scores: dict[str, tuple[float, Hit]] | None,
    p: dict[str, float] | None,
    acled: AcledModel,
) -> list[TypeGuess]:
    if not hits:
        return []
    scores = scores if scores is not None else _type_scores(hits, text)
    if p is None and any(t in _ACLED_FOR_TYPE for t in scores):
        p = acled_probabilities(text, hits, acled)
    out = [_guess(text, t, sc, h, _acled_for(t, h, text, p, acled)) for t, (sc, h) in scores.items()]
    out.sort(key=lambda g: (-g.score, g.trigger[0] if g.trigger else 0))
    return out


def _as_text(t: Any) -> str:
    return t if isinstance(t, str) else getattr(t, "text", str(t))


def classify_one(text: str, acled: AcledModel) -> list[TypeGuess]:
    """The events of one sentence or clause, best first; [] when it reports none."""
    return _code(text, triggers(text), None, None, acled)


def classify(texts: list[str], acled: AcledModel) -> list[list[TypeGuess]]:
    """For each text (a sentence or clause), the events it reports, best first; [] for a non-event.

    Accepts plain strings or objects with a `.text` (spaCy Span); offsets are into that text.
    `acled`: the ACLED sub-type model (eventdesk.resources.Resources.acled_model).
    """
    return [classify_one(_as_text(t), acled) for t in texts]
