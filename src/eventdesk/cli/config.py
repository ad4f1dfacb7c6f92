"""`eventdesk config`: the settings in effect, and where each value came from."""

from __future__ import annotations

import argparse
import json
from typing import Any

NAME = "config"
HELP = "the settings in effect and where each value came from (--markdown: all of them documented)"
DESCRIPTION = """\
Print every setting in effect, as eventdesk.toml would write it, each with where its value came
from: "default" (declared by the stage that reads it), the settings file, or the command line.

Where settings come from, later ones winning:
  1. the defaults, declared by each stage next to the code that reads them
     (src/eventdesk/<stage>/settings.py; the run loop's in src/eventdesk/pipeline_settings.py)
  2. the settings file: --config FILE, else ./eventdesk.toml if there is one
  3. command-line options of a command, e.g. --db (store.db), run --published (run.published)

The file is TOML with one table per stage; a setting missing from it keeps its default:

  [code]
  min_confidence = 0.5          # propose no clause whose frame score (coder_score) is lower
  [code.coref]
  max_km = 30.0

Every command checks the settings before it starts: an unknown section or setting (with the
closest known name: "did you mean code.min_confidence?") or a value of the wrong type stops it
with the file and the setting to fix (exit status 2). docs/SETTINGS.md documents every setting;
`eventdesk config --markdown` writes it.
"""
EPILOG = """\
examples:
  eventdesk config                          every setting in effect, with its source
  eventdesk config code geo.province_point  one section, one setting
  eventdesk config --config crawl.toml -v   another settings file; with each setting's help
  eventdesk config --json                   {"code.min_confidence": {"value", "default", "source", ...}}
  eventdesk config --markdown > docs/SETTINGS.md

exit status: 0 printed; 2 bad settings or an unknown name (the message says which).
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "names",
        nargs="*",
        metavar="NAME",
        help="only these sections (code), tables (code.coref) or settings (code.min_confidence)",
    )
    p.add_argument("--config", metavar="TOML", help="settings file (default: ./eventdesk.toml if present)")
    p.add_argument(
        "--db",
        dest="db_option",
        metavar="PATH|URL",
        help="as the store commands' --db: shown as store.db, from the command line",
    )
    p.add_argument("-v", "--verbose", action="store_true", help="each setting's help line too")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="one JSON object: setting -> value, default, source")
    out.add_argument(
        "--markdown",
        action="store_true",
        help="the reference of every setting (defaults, types, help) as docs/SETTINGS.md has it",
    )


def _selected(names: list[str]) -> list[str]:
    from eventdesk.config import SETTINGS, TABLES, did_you_mean

    if not names:
        return list(SETTINGS)
    keys: list[str] = []
    for name in names:
        name = name.strip("[]")
        if name in SETTINGS:
            keys.append(name)
        elif name in TABLES:
            keys += [k for k in SETTINGS if k.startswith(name + ".")]
        else:
            hint = did_you_mean(name, [*TABLES, *SETTINGS])
            raise SystemExit(f"no setting or section {name!r}: {hint}(`eventdesk config` lists them all)")
    return list(dict.fromkeys(keys))


def main(args: argparse.Namespace) -> int:
    from eventdesk.config import SETTINGS, config_source, load_settings, markdown, toml_value

    if args.markdown:
        print(markdown(), end="")
        return 0
    source = config_source(args.config)
    over: dict[str, Any] = {"store": {"db": args.db_option}} if args.db_option else {}
    cfg, origin = load_settings(source, over, overrides_from="command line (--db)")
    keys = _selected(args.names)

    def value(key: str) -> Any:
        node: Any = cfg
        for part in key.split("."):
            node = node[part]
        return node

    if args.json:
        out = {
            k: {
                "value": value(k),
                "default": SETTINGS[k].default,
                "source": origin[k],
                "type": SETTINGS[k].kind.__name__,
                "help": SETTINGS[k].help,
            }
            for k in keys
        }
        print(json.dumps(out, indent=1, ensure_ascii=False))
        return 0
    read = [source] if source else []
    print(f"# settings in effect: the defaults{''.join(', then ' + r for r in read)}", end="")
    print(", then the command line" if over else "")
    table = None
    for k in keys:
        s = SETTINGS[k]
        if s.section != table:
            table = s.section
            print(f"\n[{table}]")
        if args.verbose:
            print(f"# {s.help}")
        v = value(k)
        where = origin[k] if origin[k] == "default" else f"{origin[k]} (default {toml_value(s.default)})"
        if v is None:
            print(f"# {s.name} = (not set)  # {where}")
        else:
            print(f"{s.name} = {toml_value(v)}  # {where}")
    return 0
