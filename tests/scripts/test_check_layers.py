"""The import-layer check (scripts/check_layers.py): src/eventdesk passes it, and on small packages
written here it finds each kind of wrong import and each stale exception."""

from __future__ import annotations

import tomllib
from pathlib import Path

from tests.conftest import ROOT
from tests.support.scripts import load_script

check_layers = load_script("check_layers")

CONFIG = {
    "internal": ["store.sqlite"],
    "layer": [
        {"name": "base", "why": "", "units": ["records"]},
        {"name": "read", "why": "", "units": ["read"], "may_import": ["base"]},
        {"name": "code", "why": "", "units": ["code"], "may_import": ["base"]},
        {"name": "geo and dates", "why": "", "units": ["geo", "dates"]},
        {"name": "store", "why": "", "units": ["store"]},
        {"name": "surfaces", "why": "", "units": ["cli", "__init__"]},
    ],
}


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    src = tmp_path / "src"
    files = {"__init__.py": "", "records.py": "", **files}
    for name, text in files.items():
        path = src / "eventdesk" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return src


def _problems(tmp_path: Path, files: dict[str, str], **extra) -> list[str]:
    problems, _ = check_layers.check(_package(tmp_path, files), {**CONFIG, **extra}, root=tmp_path)
    return problems


def test_eventdesk_imports_run_one_way():
    config = tomllib.loads((ROOT / "scripts" / "layers.toml").read_text(encoding="utf-8"))
    problems, found = check_layers.check(ROOT / "src", config)
    assert problems == []
    assert len(found) > 100  # it did read the package's imports


def test_earlier_and_same_layer_imports_pass(tmp_path: Path):
    files = {
        "read/__init__.py": "from eventdesk.records import Article\n",
        "geo/__init__.py": "from eventdesk.dates import find\nfrom eventdesk.code import code\n",
        "dates/__init__.py": "from ..geo import locate\n",  # same layer, relative
        "code/__init__.py": "",
        "store/__init__.py": "from eventdesk.store.sqlite import SQLiteStore\n",  # inside its own package
        "store/sqlite.py": "",
        "cli/__init__.py": "import eventdesk.store\nfrom eventdesk import geo\n",
    }
    assert _problems(tmp_path, files) == []


def test_a_stage_importing_a_later_stage_fails_even_lazily(tmp_path: Path):
    files = {
        "read/__init__.py": "def f():\n    from eventdesk.geo import locate\n",
        "geo/__init__.py": "",
        "dates/__init__.py": "",
    }
    [problem] = _problems(tmp_path, files)
    assert problem.startswith(
        "src/eventdesk/read/__init__.py:2: read (layer 'read') imports geo (later layer"
    )
    assert problem.endswith("[rule layer]")


def test_may_import_limits_a_layer_to_what_it_names(tmp_path: Path):
    files = {"read/__init__.py": "", "code/__init__.py": "from eventdesk import read\n"}
    [problem] = _problems(tmp_path, files)
    assert "code (layer 'code') imports read (layer 'read', not in its may_import)" in problem


def test_type_checking_imports_do_not_count_but_their_else_does(tmp_path: Path):
    text = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from eventdesk.store import Store\n"
        "else:\n    from eventdesk.cli import main\n"
    )
    problems = _problems(tmp_path, {"read/__init__.py": text, "store/__init__.py": "", "cli/__init__.py": ""})
    assert [p.split(": ", 1)[1] for p in problems] == [
        "read (layer 'read') imports cli (later layer 'surfaces') [rule layer]"
    ]


def test_private_names_and_internal_modules_stay_in_their_package(tmp_path: Path):
    files = {
        "store/__init__.py": "",
        "store/sqlite.py": "_connect = None\n",
        "cli/__init__.py": "from eventdesk.store.sqlite import _connect\nfrom eventdesk import __version__\n",
    }
    problems = _problems(tmp_path, files)
    assert [p.split(": ", 1)[1] for p in problems] == [
        "cli imports _connect, private to eventdesk.store [rule private]",
        "cli imports store.sqlite, which only eventdesk.store may import [rule internal]",
    ]


def test_listed_exceptions_pass_and_stale_ones_fail(tmp_path: Path):
    files = {"read/__init__.py": "from eventdesk.geo import locate\n", "geo/__init__.py": ""}
    listed = {"importer": "read", "imported": "geo", "rule": "layer", "issue": 10, "why": "being moved"}
    assert _problems(tmp_path, files, exception=[listed]) == []
    stale = {**listed, "importer": "code"}
    assert _problems(tmp_path, {**files, "code/__init__.py": ""}, exception=[listed, stale]) == [
        "scripts/layers.toml: the exception code -> geo (layer, issue 10) no longer occurs: delete it"
    ]


def test_a_module_in_no_layer_fails(tmp_path: Path):
    [problem] = _problems(tmp_path, {"newstage/__init__.py": ""})
    assert "module eventdesk.newstage is in no layer of scripts/layers.toml" in problem
