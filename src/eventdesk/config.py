"""Settings: every tunable of every stage, declared by the stage, overridable by a TOML file.

Each stage declares its settings next to the code that reads them, in a small `settings.py` of its
package (`code/settings.py`, `geo/settings.py`, ...; the run loop's in `pipeline_settings.py`): a
`Setting` gives the name, the default, the type, a help line and, where they apply, the allowed
values. That declaration is the one source of the default: `DEFAULTS` and `load_config` are built
from it, and stages read a value with `setting(config, "section.name")`, which falls back to it.

`eventdesk --config my.toml run ...` or an `eventdesk.toml` in the current folder overrides any of
them, by section (the stage's name); `eventdesk config` prints the settings in effect and where each
value came from, and docs/SETTINGS.md lists them all (`eventdesk config --markdown` writes it).
"""

from __future__ import annotations

import copy
import difflib
import importlib.util
import os
import sys
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Setting:
    """One tunable: `key` is its place in eventdesk.toml ("code.min_confidence" is `min_confidence`
    under `[code]`; "code.coref.max_km" is `max_km` under `[code.coref]`)."""

    key: str
    default: Any
    help: str
    type: type | None = None  # bool, int, float, str or list (of strings); None: the default's type
    choices: tuple[str, ...] = ()
    min: float | None = None
    max: float | None = None

    @property
    def kind(self) -> type:
        return self.type or type(self.default)

    @property
    def section(self) -> str:
        return self.key.rsplit(".", 1)[0]

    @property
    def name(self) -> str:
        return self.key.rsplit(".", 1)[1]

    def expects(self) -> str:
        """What a value must be, in words: 'a number from 0 to 1', 'one of "rules", "senter"'."""
        if self.choices:
            return "one of " + ", ".join(f'"{c}"' for c in self.choices)
        words = {bool: "true or false", int: "a whole number", float: "a number", str: "a string"}
        if self.kind is list:
            return "a list of strings" + (f", e.g. {toml_value(self.default)}" if self.default else "")
        text = words.get(self.kind, self.kind.__name__)
        if self.min is not None and self.max is not None:
            return f"{text} from {self.min:g} to {self.max:g}"
        if self.min is not None:
            return f"{text} of at least {self.min:g}"
        if self.max is not None:
            return f"{text} of at most {self.max:g}"
        return text

    def problem(self, value: Any) -> str | None:
        """Why `value` is not a valid value of this setting (None: it is)."""
        if value is None and self.default is None:  # not set: the stage's own fallback applies
            return None
        kind = self.kind
        if kind is bool:
            ok = isinstance(value, bool)
        elif kind is int:
            ok = isinstance(value, int) and not isinstance(value, bool)
        elif kind is float:
            ok = isinstance(value, int | float) and not isinstance(value, bool)
        elif kind is list:
            ok = isinstance(value, list) and all(isinstance(x, str) for x in value)
        else:
            ok = isinstance(value, kind)
        if ok and self.choices:
            ok = value in self.choices
        if ok and self.min is not None:
            ok = value >= self.min
        if ok and self.max is not None:
            ok = value <= self.max
        return None if ok else f"{self.key} must be {self.expects()}, not {toml_value(value)}"


# Where each section is declared, in pipeline order (the order of `eventdesk config` and the docs).
# The files are loaded without importing their packages, whose __init__ pulls in models and
# libraries: a stage's settings.py imports nothing but this module.
DECLARED_IN = (
    "store/settings.py",
    "read/settings.py",
    "dedup/settings.py",
    "annotate/settings.py",
    "code/settings.py",
    "relevance/settings.py",
    "geo/settings.py",
    "dates/settings.py",
    "merge/settings.py",
    "watch/settings.py",
    "serve/settings.py",
    "pipeline_settings.py",
)


def _declarations() -> dict[str, Setting]:
    here = os.path.dirname(os.path.abspath(__file__))
    out: dict[str, Setting] = {}
    for rel in DECLARED_IN:
        name = "eventdesk." + rel.removesuffix(".py").replace("/", ".")
        mod = sys.modules.get(name)
        if mod is None:
            spec = importlib.util.spec_from_file_location(name, os.path.join(here, rel))
            assert spec is not None and spec.loader is not None
            mod = importlib.util.module_from_spec(spec)
            sys.modules[name] = mod
            spec.loader.exec_module(mod)
        for s in mod.SETTINGS:
            if s.key in out:
                raise ValueError(f"setting {s.key} declared twice ({rel})")
            out[s.key] = s
            DECLARED_AT[s.key] = "src/eventdesk/" + rel
    return out


DECLARED_AT: dict[str, str] = {}  # setting -> the file that declares it


def _nest(settings: Iterable[Setting]) -> dict[str, Any]:
    tree: dict[str, Any] = {}
    for s in settings:
        node = tree
        for part in s.section.split("."):
            node = node.setdefault(part, {})
        node[s.name] = copy.deepcopy(s.default)
    return tree


SETTINGS: dict[str, Setting] = _declarations()
# Tables (sections and sub-tables such as code.coref) and the defaults, nested as in the TOML file.
TABLES: frozenset[str] = frozenset(
    ".".join(s.section.split(".")[: i + 1])
    for s in SETTINGS.values()
    for i in range(s.section.count(".") + 1)
)
DEFAULTS: dict[str, Any] = _nest(SETTINGS.values())


def setting(config: Mapping[str, Any] | None, key: str) -> Any:
    """The value of one setting in this config, else its declared default.

    Stages read settings this way so a partial config (tests, the Python API) gets the same
    defaults as a loaded one. An undeclared key raises KeyError: declare it in the stage's
    settings.py first.
    """
    decl = SETTINGS[key]
    node: Any = config or {}
    for part in decl.section.split("."):
        node = node.get(part) if isinstance(node, Mapping) else None
        if node is None:
            return copy.deepcopy(decl.default)
    if isinstance(node, Mapping) and decl.name in node:
        return node[decl.name]
    return copy.deepcopy(decl.default)


def section(config: Mapping[str, Any] | None, name: str) -> dict[str, Any]:
    """One table of settings ("merge", "code.coref"): the declared defaults with this config's
    values over them."""
    if name not in TABLES:
        raise KeyError(name)
    out: dict[str, Any] = copy.deepcopy(DEFAULTS)
    node: Any = config or {}
    for part in name.split("."):
        out = out[part]
        node = node.get(part) if isinstance(node, Mapping) else None
    if isinstance(node, Mapping):
        _merge(out, dict(node))
    return out


def load_config(path: str | None = None, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Defaults, then the TOML file (explicit path, else ./eventdesk.toml if present), then overrides."""
    return load_settings(path, overrides)[0]


def load_settings(
    path: str | None = None, overrides: dict[str, Any] | None = None, overrides_from: str = "command line"
) -> tuple[dict[str, Any], dict[str, str]]:
    """load_config, and where each value came from: {"code.min_confidence": "default" | the TOML
    file's path | `overrides_from`} (keys that are no setting are listed too, for the messages)."""
    cfg = copy.deepcopy(DEFAULTS)
    origin = dict.fromkeys(SETTINGS, "default")
    if path is None and os.path.exists("eventdesk.toml"):
        path = "eventdesk.toml"
    if path:
        try:
            with open(path, "rb") as f:
                data = tomllib.load(f)
        except (OSError, tomllib.TOMLDecodeError) as e:
            raise SystemExit(f"cannot read config {path}: {e}") from e
        _merge(cfg, data)
        origin.update(dict.fromkeys(_leaves(data), path))
    if overrides:
        _merge(cfg, overrides)
        origin.update(dict.fromkeys(_leaves(overrides), overrides_from))
    return cfg, origin


def _leaves(tree: Mapping[str, Any], prefix: str = "") -> list[str]:
    """Dotted keys of the values in a nested table (a table where a setting is expected counts as one)."""
    out = []
    for k, v in tree.items():
        key = f"{prefix}{k}"
        if isinstance(v, Mapping) and key in TABLES:
            out += _leaves(v, key + ".")
        else:
            out.append(key)
    return out


def _merge(into: dict[str, Any], new: dict[str, Any]) -> None:
    for k, v in new.items():
        if isinstance(v, dict) and isinstance(into.get(k), dict):
            _merge(into[k], v)
        else:
            into[k] = v


def toml_value(value: Any) -> str:
    """A value as it is written in eventdesk.toml."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, int) and abs(value) >= 10_000:
        return f"{value:_}"  # TOML reads 200_000_000 as written
    return repr(value)


def did_you_mean(word: str, known: Iterable[str]) -> str:
    """'did you mean X? ' for the known name closest to a misspelled one ('' when none is close)."""
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f"did you mean {close[0]}? " if close else ""


def _unknown(key: str, where: str) -> str:
    """'unknown setting code.min_confidense: did you mean code.min_confidence? (known in [code]: ...)'"""
    table, _, name = key.rpartition(".")
    if not table:
        hint = did_you_mean(f"[{key}]", (f"[{t}]" for t in TABLES if "." not in t))
        known = ", ".join(t for t in DEFAULTS)
        return f"{where}unknown section [{key}]: {hint}(known: {known})"
    siblings = [k for k in (*SETTINGS, *TABLES) if k.rpartition(".")[0] == table]
    hint = did_you_mean(key, siblings)
    if not hint:  # the right name in the wrong section: "[geo] min_confidence" -> code.min_confidence
        elsewhere = [k for k in SETTINGS if SETTINGS[k].name == name]
        hint = (
            f"did you mean {elsewhere[0]} (under [{SETTINGS[elsewhere[0]].section}])? " if elsewhere else ""
        )
    known = ", ".join(k.rpartition(".")[2] for k in siblings)
    return f"{where}unknown setting {key}: {hint}(known in [{table}]: {known})"


# Settings that name files the run cannot do without: checked before any work starts.
_FILE_LISTS = ("code.actor_files", "geo.alias_files")


def check_config(
    cfg: dict[str, Any], source: str | None = None, origin: Mapping[str, str] | None = None
) -> list[str]:
    """What is wrong with a loaded config, one sentence each (empty: nothing).

    Unknown sections and keys (a typo would be silently ignored otherwise: the message says which
    known name is closest), values of the wrong type or out of range (naming the setting and what it
    must be), and files named by settings that do not exist or cannot be read. Each message starts
    with where the value came from: `origin` (from load_settings) per key, else `source`.
    """

    def where(key: str) -> str:
        src = (origin or {}).get(key) or source
        return f"{src}: " if src and src != "default" else ""

    errors: list[str] = []

    def walk(tree: Mapping[str, Any], prefix: str) -> None:
        for k, v in tree.items():
            key = f"{prefix}{k}"
            if key in TABLES:
                if isinstance(v, Mapping):
                    walk(v, key + ".")
                else:
                    errors.append(f"{where(key)}[{key}] must be a table of settings, not {toml_value(v)}")
            elif key in SETTINGS:
                why = SETTINGS[key].problem(v)
                if why:
                    errors.append(where(key) + why)
            else:
                errors.append(_unknown(key, where(key)))

    walk(cfg, "")
    for key in _FILE_LISTS:
        files = setting(cfg, key)
        if SETTINGS[key].problem(files):
            continue  # said above
        for f in files or []:
            if not os.path.isfile(f):
                errors.append(f"{where(key)}{key}: no such file {f!r} (paths are relative to {os.getcwd()})")
            elif not os.access(f, os.R_OK):
                errors.append(f"{where(key)}{key}: cannot read {f!r} (permissions)")
            elif key == "code.actor_files":
                errors.extend(f"{where(key)}{e}" for e in actor_file_errors(f))
    return errors


def actor_file_errors(path: str, limit: int = 5) -> list[str]:
    """Lines of a user actor file that the dictionary could not load (docs/ACTORS.md): JSONL lines
    must be objects with a "name"; TSV lines need a name in the first column."""
    import json

    errors: list[str] = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for n, line in enumerate(f, start=1):
            if not line.strip() or (line.startswith("#") and not path.endswith((".jsonl", ".json"))):
                continue
            if path.endswith((".jsonl", ".json")):
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as e:
                    errors.append(f"{path}: line {n}: not valid JSON ({e.msg})")
                    continue
                ok = isinstance(rec, dict) and isinstance(rec.get("name"), str) and rec["name"].strip()
                if not ok:
                    errors.append(f'{path}: line {n}: needs an object with a "name" (docs/ACTORS.md)')
                elif not isinstance(rec.get("aliases", []), list):
                    errors.append(f'{path}: line {n}: "aliases" must be a list of strings')
            elif not line.split("\t")[0].strip():
                errors.append(f"{path}: line {n}: the first column (the actor's name) is empty")
            if len(errors) >= limit:
                break
    return errors


def config_source(path: str | None) -> str | None:
    """The settings file load_config(path) reads, if any."""
    if path:
        return path
    return "eventdesk.toml" if os.path.exists("eventdesk.toml") else None


def markdown() -> str:
    """docs/SETTINGS.md: every setting, by section, with its default, type and help (generated from
    the declarations by `eventdesk config --markdown`; tests/config/test_settings.py keeps it current)."""
    lines = [
        "# Settings",
        "",
        "<!-- Generated from the declarations (src/eventdesk/*/settings.py) by",
        "     `eventdesk config --markdown > docs/SETTINGS.md`; tests/config/test_settings.py fails when it is",
        "     out of date. Edit the declarations, not this file. -->",
        "",
        "Every setting has a default. An `eventdesk.toml` in the current folder (or `--config FILE`)",
        "overrides any of them, by section; command-line options such as `--db` or `run --published`",
        "override both. `eventdesk config` prints the settings in effect and where each value came from.",
        "An unknown section or setting, or a value of the wrong type, stops every command with a message",
        "naming the file, the setting and what it must be (exit status 2).",
        "",
        "```toml",
        "[code]",
        "min_confidence = 0.5",
        "",
        "[code.coref]",
        "max_km = 30.0",
        "```",
    ]
    tables: dict[str, list[Setting]] = {}
    for s in SETTINGS.values():
        tables.setdefault(s.section, []).append(s)
    for table, settings in tables.items():
        files = sorted({DECLARED_AT[s.key] for s in settings})
        lines += ["", f"## [{table}]", "", f"Declared in `{', '.join(files)}`.", ""]
        lines += ["| setting | default | value | what it does |", "|---|---|---|---|"]
        for s in settings:
            default = "not set" if s.default is None else f"`{toml_value(s.default)}`"
            help_text = s.help.replace("|", "\\|")
            lines.append(f"| `{s.name}` | {default} | {s.expects()} | {help_text} |")
    return "\n".join(lines) + "\n"
