"""The `eventdesk` command line.

Each subcommand is a module in this package that defines `NAME`, `HELP`, `add_arguments(parser)`
and `main(args) -> int`. Modules are found by name, so a new stage adds its command by adding a
file here, without touching this one.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sqlite3
import sys
from collections.abc import Sequence

from eventdesk.cli._common import EXIT_STATUS

EPILOG = (
    """\
typical use:
  eventdesk run examples/                 read, clean, dedup, code events, store in eventdesk.db
  eventdesk stats                         what the store holds
  eventdesk events --type ASSAULT         list events
  eventdesk export articles --format jsonl > articles.jsonl
  eventdesk doctor                        check the installation
  eventdesk config                        the settings in effect, and where each comes from
  eventdesk <command> --help              options and examples of one command

The store is an SQLite file (eventdesk.db in the current folder unless --db or the settings
file's [store] db say otherwise). Every command reads ./eventdesk.toml or --config FILE.

"""
    + EXIT_STATUS
)

# Order in which commands are listed in --help; modules not named here follow alphabetically.
ORDER = [
    "run",
    "ingest",
    "recode",
    "events",
    "search",
    "export",
    "stats",
    "problems",
    "check",
    "doctor",
    "config",
    "serve",
    "watch",
    "extract",
    "code",
    "geo",
    "eval",
]


def _commands() -> list:
    mods = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        mod = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(mod, "NAME") and hasattr(mod, "main"):
            mods.append(mod)
    rank = {n: i for i, n in enumerate(ORDER)}
    return sorted(mods, key=lambda m: (rank.get(m.NAME, len(ORDER)), m.NAME))


def _epilog(text: str | None) -> str:
    """A command's examples, then the exit statuses (unless it states its own)."""
    text = text or ""
    return text if "exit status" in text else text + "\n" + EXIT_STATUS


def build_parser() -> argparse.ArgumentParser:
    from eventdesk import __version__

    parser = argparse.ArgumentParser(
        prog="eventdesk",
        description="Turn raw news into a deduplicated, searchable record of political and conflict "
        "events: who did what to whom, where, when, how sure, and the sentence it came from.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"eventdesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for mod in _commands():
        p = sub.add_parser(
            mod.NAME,
            help=mod.HELP,
            description=getattr(mod, "DESCRIPTION", mod.HELP),
            epilog=_epilog(getattr(mod, "EPILOG", None)),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        mod.add_arguments(p)
        if not any(a.dest == "config" for a in p._actions):  # every command reads the settings
            p.add_argument(
                "--config", metavar="TOML", help="settings file (default: ./eventdesk.toml if present)"
            )
        p.set_defaults(_main=mod.main)
    return parser


def _settings(args: argparse.Namespace) -> None:
    """Load and check the settings before any work (exit 2 naming what is wrong), and take the
    store from them when --db is not given."""
    from eventdesk.config import check_config, config_source, load_settings

    source = config_source(getattr(args, "config", None))
    cfg, origin = load_settings(source)
    errors = check_config(cfg, source, origin)
    if errors:
        raise SystemExit("bad settings:\n  " + "\n  ".join(errors))
    if hasattr(args, "db") and args.db is None:
        args.db = cfg["store"]["db"]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_main", None):
        parser.print_help()
        return 2
    try:
        _settings(args)
        return int(args._main(args) or 0)
    except SystemExit as e:
        # A command that stops with a message: bad option value, missing file or store, bad
        # settings. Exit status 2 (usage), the message on stderr.
        if isinstance(e.code, str):
            msg = e.code if e.code.startswith("eventdesk") else f"eventdesk {args.command}: {e.code}"
            print(msg, file=sys.stderr)
            return 2
        raise
    except KeyboardInterrupt:
        print(
            "interrupted: everything committed so far is kept; run the same command again to finish.",
            file=sys.stderr,
        )
        return 130
    except BrokenPipeError:  # `eventdesk export ... | head`
        return 0
    except (sqlite3.OperationalError, OSError) as e:
        # disk full, read-only store or disk, no permission: one line saying what to do (issue 15)
        import errno

        from eventdesk.store import StoreError, store_error_message

        known = (errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EPERM, errno.EDQUOT)
        words = ("full", "readonly", "read-only", "unable to open", "disk i/o", "locked")
        if isinstance(e, sqlite3.OperationalError):
            if not isinstance(e, StoreError) and not any(w in str(e).lower() for w in words):
                raise
        elif getattr(e, "errno", None) not in known:
            raise
        if isinstance(e, StoreError):
            msg = str(e)
        elif isinstance(e, OSError) and e.filename:
            msg = store_error_message(str(e.filename), e)
        else:
            msg = store_error_message(getattr(args, "db", None) or "the store", e)
        print(f"eventdesk {args.command}: {msg}", file=sys.stderr)
        return 1
