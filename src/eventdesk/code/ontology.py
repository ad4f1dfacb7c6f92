"""Event ontologies and the mappings between them: PLOVER 2.0, CAMEO (+ Goldstein), ACLED, CASE 2021.

Data files live in eventdesk/data/ontology/ (sources and licences in their headers):
- plover.json: PLOVER types, modes, contexts and conflict-cooperation scores (PLOVER manual, CC BY-SA 4.0)
- cameo2plover.tsv: CAMEO code -> PLOVER type/mode/contexts (PLOVER CAMEO2PLOVER-2021, CC BY-SA 4.0)
- cameo_goldstein.csv: CAMEO code -> Goldstein score (Phoenix pipeline, MIT)
- acled_plover.tsv: ACLED event/sub-event type -> PLOVER type, mode, CAMEO code, CASE label (ours)

Everything is loaded once, lazily, and read-only afterwards.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from eventdesk.records import PLOVER_TYPES

__all__ = [
    "PLOVER_TYPES",
    "AcledType",
    "CameoEntry",
    "acled_types",
    "acled_by_sub",
    "acled_event_type_of",
    "cameo",
    "cameo_root",
    "goldstein",
    "plover",
    "plover_contexts",
    "plover_modes",
    "plover_score",
    "CASE_NON_ACLED",
]

# CASE 2021 labels that have no ACLED sub-type (the `case_label` override).
CASE_NON_ACLED = ("DIPLO", "ATTRIB", "ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER")


def _text(name: str) -> str:
    return resources.files("eventdesk").joinpath("data", "ontology", name).read_text(encoding="utf-8")


def _rows(name: str, delimiter: str) -> list[dict[str, str]]:
    lines = [ln for ln in _text(name).splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter=delimiter))


@cache
def plover() -> dict:
    """The PLOVER definition: {"types": {TYPE: {quad, score, cameo_roots, modes}}, "mode_scores", "contexts"}."""
    return json.loads(_text("plover.json"))


def plover_modes(event_type: str) -> list[str]:
    return list(plover()["types"].get(event_type, {}).get("modes", []))


def plover_contexts() -> list[str]:
    return list(plover()["contexts"])


def plover_score(event_type: str, mode: str | None = None) -> float | None:
    """PLOVER conflict-cooperation score of a type (and mode when the manual gives one)."""
    p = plover()
    if mode and f"{event_type}:{mode}" in p["mode_scores"]:
        return float(p["mode_scores"][f"{event_type}:{mode}"])
    t = p["types"].get(event_type)
    return float(t["score"]) if t else None


@dataclass(frozen=True)
class CameoEntry:
    code: str
    event_type: str
    mode: str | None
    contexts: tuple[str, ...]
    description: str


@cache
def _cameo_table() -> dict[str, CameoEntry]:
    out = {}
    for r in _rows("cameo2plover.tsv", "\t"):
        ctx = tuple(c for c in (r["contexts"] or "").split(";") if c)
        out[r["code"]] = CameoEntry(r["code"], r["type"], r["mode"] or None, ctx, r["description"] or "")
    return out


def cameo(code: str) -> CameoEntry | None:
    """PLOVER reading of a CAMEO code; falls back to the closest parent code (1822 -> 182 -> 18x)."""
    table = _cameo_table()
    c = (code or "").strip()
    while c:
        if c in table:
            return table[c]
        if len(c) == 2 and c + "0" in table:
            return table[c + "0"]
        c = c[:-1]
    return None


def cameo_root(code: str | None) -> str | None:
    """CAMEO root ("01".."20") of a code."""
    return code[:2] if code and len(code) >= 2 and code[:2].isdigit() else None


@cache
def _goldstein_table() -> dict[str, float]:
    return {r["cameo_code"]: float(r["goldstein"]) for r in _rows("cameo_goldstein.csv", ",")}


def goldstein(code: str | None) -> float | None:
    """Goldstein score of a CAMEO code, from the code itself or its closest parent."""
    table = _goldstein_table()
    c = (code or "").strip()
    while c:
        if c in table:
            return table[c]
        c = c[:-1]
    return None


@dataclass(frozen=True)
class AcledType:
    event_type: str
    sub_event_type: str
    plover_type: str
    mode: str | None
    cameo: str
    case_label: str


@cache
def acled_types() -> tuple[AcledType, ...]:
    """All ACLED (event_type, sub_event_type) pairs we know, with their PLOVER/CAMEO/CASE readings."""
    return tuple(
        AcledType(
            r["event_type"],
            r["sub_event_type"],
            r["plover_type"],
            r["mode"] or None,
            r["cameo"],
            r["case_label"],
        )
        for r in _rows("acled_plover.tsv", "\t")
    )


@cache
def acled_by_sub() -> dict[str, AcledType]:
    return {a.sub_event_type: a for a in acled_types()}


def acled_event_type_of(sub_event_type: str) -> str | None:
    a = acled_by_sub().get(sub_event_type)
    return a.event_type if a else None
