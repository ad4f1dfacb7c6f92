"""Regenerate countries.jsonl: ISO 3166-1 names from pycountry + our demonyms/capitals/aliases.

    python src/eventdesk/data/actors/generate_countries.py

pycountry (LGPL-2.1, data from Debian iso-codes) is needed only to run this script; the product
reads the generated countries.jsonl. country_extras.tsv (demonyms, capitals, common names) is
written by us.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata

import pycountry

HERE = os.path.dirname(os.path.abspath(__file__))


def ascii_fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def clean(name: str) -> list[str]:
    """'Bolivia, Plurinational State of' -> ['Bolivia']; 'Iran, Islamic Republic of' -> ['Iran']."""
    out = []
    base = re.split(r",| \(", name)[0].strip()
    for n in {name, base, ascii_fold(base)}:
        if "," not in n and "(" not in n:
            out.append(n)
    return sorted(set(out))


def main() -> None:
    extras: dict[str, tuple[list[str], list[str], list[str]]] = {}
    with open(os.path.join(HERE, "country_extras.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = (line.rstrip("\n").split("\t") + ["", "", "", ""])[:4]
            iso, dem, cap, names = cols
            split = lambda s: [x.strip() for x in s.split("|") if x.strip()]  # noqa: E731
            extras[iso] = (split(dem), split(cap), split(names))
    rows = []
    for c in pycountry.countries:
        names: list[str] = []
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v:
                names += clean(v)
        dem, cap, more = extras.get(c.alpha_3, ([], [], []))
        names = sorted(set(names + more), key=lambda s: (-len(s), s))
        rows.append(
            {
                "country": c.alpha_3,
                "name": getattr(c, "common_name", None) or clean(c.name)[0],
                "names": names,
                "demonyms": dem,
                "capitals": cap,
            }
        )
    # A short form shared by two countries ("Congo", "Korea") names neither, unless it is the
    # ISO short name of one of them (Congo = COG) or one of our extras gives it explicitly.
    owners: dict[str, set[str]] = {}
    for r in rows:
        for n in r["names"]:
            owners.setdefault(n, set()).add(r["country"])
    iso_name = {c.alpha_3: c.name for c in pycountry.countries}
    for r in rows:
        r["names"] = [
            n
            for n in r["names"]
            if len(owners[n]) == 1
            or iso_name.get(r["country"]) == n
            or n in extras.get(r["country"], ([], [], []))[2]
        ]
        if r["name"] not in r["names"] and r["names"]:
            r["name"] = min(r["names"], key=len)
    known = {r["country"] for r in rows}
    for iso, (dem, cap, more) in extras.items():  # e.g. Kosovo (XKX) is not in ISO 3166-1
        if iso not in known:
            rows.append(
                {
                    "country": iso,
                    "name": more[0] if more else iso,
                    "names": more,
                    "demonyms": dem,
                    "capitals": cap,
                }
            )
    rows.sort(key=lambda r: r["country"])
    with open(os.path.join(HERE, "countries.jsonl"), "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} countries")


if __name__ == "__main__":
    main()
