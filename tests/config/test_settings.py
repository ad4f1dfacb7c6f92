"""The settings registry: declarations, one source of defaults, checks, `eventdesk config`, the docs.

In the spirit of Datasette's tests/test_docs.py: a setting without help, or a docs/SETTINGS.md that
no longer matches the declarations, fails here.
"""

from __future__ import annotations

import ast
import json
import re
import tomllib
from pathlib import Path

import pytest

from eventdesk.cli import main
from eventdesk.config import (
    DECLARED_AT,
    DEFAULTS,
    SETTINGS,
    check_config,
    load_config,
    load_settings,
    markdown,
    section,
    setting,
)
from eventdesk.resources import Resources
from tests.conftest import ROOT

SRC = ROOT / "src" / "eventdesk"


@pytest.mark.parametrize("key", sorted(SETTINGS))
def test_every_setting_is_declared_with_help_type_and_a_valid_default(key: str):
    s = SETTINGS[key]
    assert len(s.help.split()) >= 3 and s.help.rstrip().endswith((".", ")")), f"{key}: write a help line"
    assert s.kind in (bool, int, float, str, list), f"{key}: type must be bool, int, float, str or list"
    assert s.problem(s.default) is None, f"{key}: the default {s.default!r} is not {s.expects()}"
    assert all(isinstance(c, str) for c in s.choices)
    assert DECLARED_AT[key].endswith("settings.py")
    # declared by the stage whose name is its section (the run loop's in pipeline_settings.py)
    stage = key.split(".")[0]
    assert DECLARED_AT[key] in (f"src/eventdesk/{stage}/settings.py", "src/eventdesk/pipeline_settings.py")


def test_docs_settings_md_is_current():
    doc = (ROOT / "docs" / "SETTINGS.md").read_text(encoding="utf-8")
    assert doc == markdown(), (
        "docs/SETTINGS.md is out of date: eventdesk config --markdown > docs/SETTINGS.md"
    )
    for key, s in SETTINGS.items():
        assert f"## [{s.section}]" in doc and f"| `{s.name}` |" in doc, key


def test_defaults_come_from_the_declarations_only():
    """DEFAULTS, load_config() and setting() on an empty config all give the declared default, and
    no stage restates one (`cfg.get("num_perm", 128)`: read it with setting(config, "dedup.num_perm"))."""
    assert load_config() == DEFAULTS
    for key, s in SETTINGS.items():
        assert setting({}, key) == setting(None, key) == setting(DEFAULTS, key) == s.default
    assert DEFAULTS["code"]["coref"] == {"enabled": True, "max_km": 50.0}
    restated = []
    by_name: dict[str, list] = {}
    for s in SETTINGS.values():
        by_name.setdefault(s.name, []).append(s.default)
    # cfg.get("name", 128) and cfg.get("name") or 128 (a None guard such as `or []` is no restatement)
    call = re.compile(r"""\.get\(\s*["'](\w+)["']\s*(?:,\s*([^()]+?)\s*\)|\)\s+or\s+([-\w."']+))""")
    for path in SRC.rglob("*.py"):
        if path.name in ("config.py", "settings.py", "pipeline_settings.py"):
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for name, given, fallback in call.findall(line):
                try:
                    value = ast.literal_eval(given or fallback)
                except (ValueError, SyntaxError):
                    continue
                if fallback and value in ([], None):
                    continue
                if any(value == d and type(value) is type(d) for d in by_name.get(name, [])):
                    restated.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert not restated, "defaults restated outside their declaration:\n" + "\n".join(restated)


def test_partial_configs_get_the_declared_defaults():
    cfg = {"code": {"coref": {"max_km": 10.0}}, "merge": {"threshold": 5.0}}
    assert section(cfg, "code.coref") == {"enabled": True, "max_km": 10.0}
    assert section(cfg, "merge")["threshold"] == 5.0
    assert section(cfg, "merge")["day_window"] == SETTINGS["merge.day_window"].default
    assert setting(cfg, "code.min_confidence") == 0.4
    assert setting({"code": {"min_confidence": 0.7}}, "code.min_confidence") == 0.7
    with pytest.raises(KeyError):
        setting(cfg, "code.no_such_setting")


def _settings_file(tmp_path: Path, text: str) -> str:
    p = tmp_path / "settings.toml"
    p.write_text(text, encoding="utf-8")
    return str(p)


def test_misspelled_names_are_refused_with_the_closest_known_one(tmp_path, capsys):
    path = _settings_file(
        tmp_path,
        "[code]\nmin_confidense = 0.5\n[dedupe]\nshingle = 4\n[geo]\nmin_confidence = 0.5\n"
        "[code.corefs]\nenabled = false\n",
    )
    assert main(["config", "--config", path]) == 2
    err = capsys.readouterr().err
    assert f"{path}: unknown setting code.min_confidense: did you mean code.min_confidence?" in err
    assert f"{path}: unknown section [dedupe]: did you mean [dedup]?" in err
    assert "unknown setting geo.min_confidence: did you mean code.min_confidence (under [code])?" in err
    assert "unknown setting code.corefs: did you mean code.coref?" in err
    # any command refuses them before doing anything
    assert main(["stats", "--config", path, "--db", str(tmp_path / "none.db")]) == 2
    assert "did you mean code.min_confidence?" in capsys.readouterr().err


def test_wrong_types_name_the_setting_what_it_must_be_and_the_file(tmp_path):
    path = _settings_file(
        tmp_path,
        '[code]\nactor_files = "mine.jsonl"\n[code.coref]\nmax_km = "far"\n'
        '[geo]\nprovince_point = "center"\n[run]\nbatch_files = 0\n[dates]\nhistorical_days = 2.5\n'
        "[watch]\nsettle_seconds = true\n[merge]\ncell_degrees = {x = 1}\n",
    )
    cfg, origin = load_settings(path)
    errors = check_config(cfg, path, origin)
    want = [
        'code.actor_files must be a list of strings, not "mine.jsonl"',
        'code.coref.max_km must be a number of at least 0, not "far"',
        'geo.province_point must be one of "capital", "centre", not "center"',
        "run.batch_files must be a whole number of at least 1, not 0",
        "dates.historical_days must be a whole number, not 2.5",
        "watch.settle_seconds must be a number, not true",
        "merge.cell_degrees must be a number of at least 0, not a table",
    ]
    for w in want:
        assert f"{path}: {w}" in errors, (w, errors)
    assert len(errors) == len(want)
    # an override names the command line, not the file
    cfg, origin = load_settings(None, {"store": {"db": 5}})
    assert check_config(cfg, None, origin) == ["command line: store.db must be a string, not 5"]


def test_config_command_prints_values_and_where_they_came_from(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = _settings_file(tmp_path, "[code]\nmin_confidence = 0.5\n[code.coref]\nmax_km = 30.0\n")
    assert main(["config", "--config", path, "--db", "other.db"]) == 0
    out = capsys.readouterr().out
    assert f"min_confidence = 0.5  # {path} (default 0.4)" in out
    assert f"max_km = 30.0  # {path} (default 50.0)" in out
    assert 'db = "other.db"  # command line (--db) (default "eventdesk.db")' in out
    assert "max_file_bytes = 200_000_000  # default" in out
    assert "# eventness_threshold = (not set)  # default" in out
    # what it prints is a settings file that gives the same settings back
    again = _settings_file(tmp_path, out)
    assert tomllib.loads(out)["code"]["min_confidence"] == 0.5
    assert load_config(again) == load_config(path, {"store": {"db": "other.db"}})

    assert main(["config", "code.coref", "--config", path, "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert set(got) == {"code.coref.enabled", "code.coref.max_km"}
    assert got["code.coref.max_km"] == {
        "value": 30.0,
        "default": 50.0,
        "source": path,
        "type": "float",
        "help": SETTINGS["code.coref.max_km"].help,
    }
    # ./eventdesk.toml is read when there is no --config
    (tmp_path / "eventdesk.toml").write_text('[annotate]\nsentencer = "senter"\n')
    assert main(["config", "annotate.sentencer", "-v"]) == 0
    out = capsys.readouterr().out
    assert 'sentencer = "senter"  # eventdesk.toml (default "rules")' in out
    assert SETTINGS["annotate.sentencer"].help in out
    assert main(["config", "code.min_conf"]) == 2
    assert "did you mean code.min_confidence?" in capsys.readouterr().err


def test_min_confidence_is_the_one_bar_for_coded_events():
    """code.min_confidence used to be 0.0 while a hard-coded 0.4 applied: now the setting is the
    bar, 0.4 by default, and moving it either way changes what is coded. It bars the frame coder's
    score (kept as `coder_score`; `confidence` is the eventness model's calibrated probability)."""
    from eventdesk.code import code
    from eventdesk.records import Article

    text = (
        "Police arrested twelve protesters in Nairobi on Tuesday. The government said it might "
        "consider talks with the opposition next year. Officials did not deny that soldiers had fired "
        "on the crowd."
    )

    def coded(cfg):
        evs = code([Article(title="", body=text, published="2024-05-01")], cfg, Resources.shared(cfg))
        return sorted((e.event_type, e.modality, e.extra["coder_score"]) for e in evs)

    assert setting(load_config(), "code.min_confidence") == 0.4
    default = coded({})
    assert default and min(c for *_, c in default) >= 0.4
    lower = coded({"code": {"min_confidence": 0.0}})
    assert set(default) < set(lower) and any(c < 0.4 for *_, c in lower)
    higher = coded({"code": {"min_confidence": 0.6}})
    assert set(higher) < set(default) and all(c >= 0.6 for *_, c in higher)


def test_store_setting_reaches_check(tmp_path, capsys, monkeypatch):
    """`eventdesk check` had its own --db default, so [store] db never reached it."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "eventdesk.toml").write_text('[store]\ndb = "mine.db"\n')
    assert main(["check"]) == 2  # no store there: a usage error
    assert "no store at mine.db" in capsys.readouterr().err
