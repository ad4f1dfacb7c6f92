#!/usr/bin/env python3
"""Where `eventdesk geo parse` loses its acc_161km (issue 12): each gold toponym of the study half
sorted into one kind of error, so a change is aimed at the errors that are there.

    python scripts/geo_errors.py [--inputs ../shared/eval/geo/parse_inputs.jsonl]
                                 [--gold ../shared/eval/geo/gold.jsonl] [--show]

Documents are split by md5(document id), last hex digit 0-7 study, 8-f held; only the study half
is read (the held half is for scoring alone: score_geo.py on the split files). Each gold toponym is
matched to a found place by the largest character overlap, one to one, as score_geo.py --parse
does, and put in one kind:
- ok: found, read within 161 km;
- missed/candidate: not found, though the gazetteer reads the gold span within 161 km;
- missed/other_places: not found; the gazetteer has the name, but no reading within 161 km;
- missed/no_name: not found; the gazetteer has no place of that name;
- wrong/same_place_other_point: read as the gold's own GeoNames place, whose point differs;
- wrong/candidate_context_N: a reading within 161 km was among the candidates; N is how many other
  names of the article have a sub-national reading (0, 1, 2+): 0 leaves only the population prior;
- wrong/no_candidate: no candidate within 161 km (the gazetteer lacks the place, or the span differs).
A wrong reading that the resolver gets right from the gold spans (`geo resolve`) is also counted as
`wrong_but_right_on_gold_spans`: the other names found in the text misled it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from eventdesk.config import load_config
from eventdesk.geo.gazetteer import km
from eventdesk.geo.normalize import key
from eventdesk.geo.resolver import Mention, resolve_mentions
from eventdesk.geo.toponyms import _words_kept, parse_mentions
from eventdesk.resources import Resources

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval" / "geo"
NEAR_KM = 161.0  # the scorer's acc_161km radius


def study(doc_id: str) -> bool:
    """md5(document id), last hex digit 0-7: the study half."""
    return hashlib.md5(doc_id.encode()).hexdigest()[-1] in "01234567"


def _point(m: Mention) -> Any:
    return m.fallback or m.cands[m.best].entry


def _overlap(m: Mention, g: dict[str, Any]) -> int:
    return min(m.end, g["end"]) - max(m.start, g["start"])


def _context(found: list[Mention], name: str) -> str:
    """How many other names of the article have a sub-national reading: "0", "1" or "2+"."""
    keys = {
        m.key
        for m in found
        if m.cands[m.best].entry.kind not in ("country", "cont") and m.cands[m.best].type != "d"
    } - {key(name)}
    return "2+" if len(keys) > 1 else str(len(keys))


def classify(
    text: str, gold: list[dict[str, Any]], config: dict[str, Any], res: Resources
) -> list[tuple[str, str]]:
    """(kind, detail) for each gold place ({"name", "lat", "lon", "start", "end", "geonameid"}) of `text`."""
    gaz, ms = parse_mentions(
        text, config, res, span_filter=lambda t, s: _words_kept(res.gazetteer, t, s), coherent=True
    )
    found = [m for m in ms if m.best >= 0]
    on_spans = resolve_mentions(gaz, text, [(g["start"], g["end"]) for g in gold])
    pairs = sorted(
        ((_overlap(m, g), i, j) for i, m in enumerate(found) for j, g in enumerate(gold)), reverse=True
    )
    match: dict[int, Mention] = {}
    used: set[int] = set()
    for o, i, j in pairs:
        if o > 0 and i not in used and j not in match:
            used.add(i)
            match[j] = found[i]
    out: list[tuple[str, str]] = []
    for j, g in enumerate(gold):
        gm = on_spans[j]

        def near(e: Any, g: dict[str, Any] = g) -> bool:
            return km(e.lat, e.lon, g["lat"], g["lon"]) <= NEAR_KM

        m = match.get(j)
        if m is None:
            if any(near(c.entry) for c in gm.cands):
                kind = "missed/candidate"
            else:
                kind = "missed/other_places" if gm.cands else "missed/no_name"
            out.append((kind, f"{g['name']!r} not found"))
            continue
        e = _point(m)
        if near(e):
            out.append(("ok", g["name"]))
            continue
        detail = f"{g['name']!r} read as {e.name} ({e.cc}, {e.kind}, pop {e.pop}, {m.cands[m.best].type})"
        if g.get("geonameid") is not None and e.gid == g["geonameid"]:
            kind = "wrong/same_place_other_point"
        elif any(near(c.entry) for c in m.cands):
            kind = "wrong/candidate_context_" + _context(found, g["name"])
        else:
            kind = "wrong/no_candidate"
        if gm.best >= 0 and near(_point(gm)):
            detail += "; right on gold spans"
            out.append(("wrong_but_right_on_gold_spans", detail))
        out.append((kind, detail))
    return out


def _jsonl(path: str) -> list[dict[str, Any]]:
    # by "\n" only: texts hold U+2028, which str.splitlines would break on
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--inputs", default=str(EVAL / "parse_inputs.jsonl"))
    ap.add_argument("--gold", default=str(EVAL / "gold.jsonl"))
    ap.add_argument("--show", action="store_true", help="list every error with its article id")
    args = ap.parse_args(argv)
    gold = {d["id"]: d for d in _jsonl(args.gold) if study(d["id"])}
    config = load_config()
    res = Resources.from_config(config)
    counts: Counter = Counter()
    n = 0
    for d in _jsonl(args.inputs):
        if d["id"] not in gold:
            continue
        for kind, detail in classify(d["text"], gold[d["id"]]["places"], config, res):
            counts[kind] += 1
            n += kind != "wrong_but_right_on_gold_spans"
            if args.show and kind != "ok":
                print(f"{kind}\t{d['id']}\t{detail}")
    print(f"study toponyms={n} acc_161km={counts['ok'] / max(n, 1):.4f}")
    for kind, c in sorted(counts.items()):
        print(f"{kind}\t{c}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
