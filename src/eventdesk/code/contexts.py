"""PLOVER contexts of a text: topic words, plus the contexts its CAMEO code carries."""

from __future__ import annotations

import re

from eventdesk.code import ontology

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
