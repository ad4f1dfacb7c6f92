#!/usr/bin/env python3
"""Check that src/eventdesk imports run one way: no stage imports a later stage.

    python scripts/check_layers.py               # exit 1 and one line per problem, else 0
    python scripts/check_layers.py --graph       # also print each unit's imports of other units

The layers, the rules and the known exceptions are in scripts/layers.toml (read it first). Imports
are read with `ast`, so nothing is imported or run. Fails on an import that breaks a rule and is not
listed, on a listed exception that no longer occurs (delete it: the list only shrinks), and on a
module that belongs to no layer.
"""

from __future__ import annotations

import argparse
import ast
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "eventdesk"


@dataclass(frozen=True)
class Import:
    importer: str  # module name relative to the package: "segment", "store.sqlite", "__init__"
    imported: str
    name: str | None  # the imported name for `from X import name`, else None
    file: str
    line: int


@dataclass(frozen=True)
class Violation:
    rule: str  # "layer", "private" or "internal"
    importer: str
    imported: str
    where: str
    why: str


def module_names(src: Path) -> dict[str, Path]:
    """Relative module name -> file, for every .py file of the package."""
    pkg = src / PACKAGE
    out: dict[str, Path] = {}
    for path in sorted(pkg.rglob("*.py")):
        parts = list(path.relative_to(pkg).with_suffix("").parts)
        if parts[-1] == "__init__" and len(parts) > 1:
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _walk_runtime(node: ast.AST):
    """ast.walk, skipping the bodies of `if TYPE_CHECKING:` (their else branch still runs)."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child.test):
            for other in child.orelse:
                yield other
                yield from _walk_runtime(other)
            continue
        yield child
        yield from _walk_runtime(child)


def _relative(absolute: str) -> str | None:
    if absolute == PACKAGE:
        return "__init__"
    if absolute.startswith(PACKAGE + "."):
        return absolute[len(PACKAGE) + 1 :]
    return None


def imports_of(module: str, path: Path, modules: dict[str, Path], root: Path) -> list[Import]:
    """The package-internal imports of one module (at any depth, not under TYPE_CHECKING)."""
    tree = ast.parse(path.read_bytes(), filename=str(path))
    is_pkg = path.name == "__init__.py"
    dotted = PACKAGE if module == "__init__" else f"{PACKAGE}.{module}"
    package = dotted if is_pkg else dotted.rpartition(".")[0]
    file = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
    out: list[Import] = []
    for node in _walk_runtime(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                rel = _relative(alias.name)
                if rel is not None:
                    out.append(Import(module, rel, None, file, node.lineno))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                absolute = ".".join(base + ([node.module] if node.module else []))
            else:
                absolute = node.module or ""
            rel = _relative(absolute)
            if rel is None:
                continue
            for alias in node.names:
                # `from eventdesk.store import base` imports the module store.base
                sub = alias.name if rel == "__init__" else f"{rel}.{alias.name}"
                if sub in modules:
                    out.append(Import(module, sub, None, file, node.lineno))
                else:
                    out.append(Import(module, rel, alias.name, file, node.lineno))
    return out


class Layers:
    def __init__(self, config: dict):
        self.layers: list[dict] = config["layer"]
        self.rank: dict[str, int] = {}
        names = [layer["name"] for layer in self.layers]
        # layer index -> the indexes it may import (its own and every earlier one unless `may_import`)
        self.allowed: dict[int, set[int]] = {}
        for i, layer in enumerate(self.layers):
            if "may_import" in layer:
                unknown = [n for n in layer["may_import"] if n not in names[:i]]
                if unknown:
                    raise ValueError(
                        f"layers.toml: layer {layer['name']!r} may_import {unknown}: no earlier layer"
                    )
                self.allowed[i] = {i} | {names.index(n) for n in layer["may_import"]}
            else:
                self.allowed[i] = set(range(i + 1))
            for unit in layer["units"]:
                if unit in self.rank:
                    raise ValueError(f"layers.toml: unit {unit!r} is in two layers")
                self.rank[unit] = i
        self.internal: list[str] = config.get("internal", [])
        self.exceptions: list[dict] = config.get("exception", [])
        for e in self.exceptions:
            missing = {"importer", "imported", "rule", "issue", "why"} - e.keys()
            if missing:
                raise ValueError(f"layers.toml: exception {e} lacks {', '.join(sorted(missing))}")

    def unit(self, module: str) -> str | None:
        """The unit with the longest name that is the module or a package above it."""
        parts = module.split(".")
        for n in range(len(parts), 0, -1):
            candidate = ".".join(parts[:n])
            if candidate in self.rank:
                return candidate
        return None

    def layer_name(self, unit: str) -> str:
        return self.layers[self.rank[unit]]["name"]


def _top(module: str) -> str:
    return module.split(".")[0]


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def check(src: Path, config: dict, root: Path = ROOT) -> tuple[list[str], list[Import]]:
    """Problems (one line each) and every package-internal import found."""
    layers = Layers(config)
    modules = module_names(src)
    problems: list[str] = []
    found: list[Import] = []
    for module, path in modules.items():
        if layers.unit(module) is None:
            problems.append(
                f"{path.relative_to(root) if path.is_relative_to(root) else path}: module {PACKAGE}.{module} "
                "is in no layer of scripts/layers.toml: add it to the layer it belongs to"
            )
            continue
        found.extend(imports_of(module, path, modules, root))

    violations: list[Violation] = []
    for imp in found:
        a, b = layers.unit(imp.importer), layers.unit(imp.imported)
        where = f"{imp.file}:{imp.line}"
        if a is None or b is None:
            continue
        if layers.rank[b] not in layers.allowed[layers.rank[a]]:
            later = "later layer" if layers.rank[b] > layers.rank[a] else "layer"
            violations.append(
                Violation(
                    "layer",
                    imp.importer,
                    imp.imported,
                    where,
                    f"{imp.importer} (layer {layers.layer_name(a)!r}) imports {imp.imported} "
                    f"({later} {layers.layer_name(b)!r}"
                    + (", not in its may_import)" if later == "layer" else ")"),
                )
            )
        if _top(imp.importer) != _top(imp.imported):
            private = [p for p in imp.imported.split(".") if _private(p)]
            if imp.name and _private(imp.name):
                private.append(imp.name)
            if private:
                violations.append(
                    Violation(
                        "private",
                        imp.importer,
                        imp.imported,
                        where,
                        f"{imp.importer} imports {', '.join(private)}, private to {PACKAGE}.{_top(imp.imported)}",
                    )
                )
            for internal in layers.internal:
                if imp.imported == internal or imp.imported.startswith(internal + "."):
                    violations.append(
                        Violation(
                            "internal",
                            imp.importer,
                            imp.imported,
                            where,
                            f"{imp.importer} imports {imp.imported}, which only {PACKAGE}.{_top(internal)} "
                            "may import",
                        )
                    )

    violations = list(dict.fromkeys(violations))  # `from x import a, b`: one line, not two

    def key(importer: str, imported: str, rule: str) -> tuple[str, str, str]:
        return (importer, imported, rule)

    allowed = {key(e["importer"], e["imported"], e["rule"]): e for e in layers.exceptions}
    seen: set[tuple[str, str, str]] = set()
    for v in violations:
        k = key(v.importer, v.imported, v.rule)
        if k in allowed:
            seen.add(k)
            continue
        problems.append(f"{v.where}: {v.why} [rule {v.rule}]")
    for k, e in allowed.items():
        if k not in seen:
            problems.append(
                f"scripts/layers.toml: the exception {e['importer']} -> {e['imported']} ({e['rule']}, issue "
                f"{e['issue']}) no longer occurs: delete it"
            )
    return problems, found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--src", type=Path, default=ROOT / "src", help="the folder that holds eventdesk/")
    ap.add_argument("--layers", type=Path, default=ROOT / "scripts" / "layers.toml")
    ap.add_argument("--graph", action="store_true", help="print each unit's imports of other units")
    args = ap.parse_args(argv)
    config = tomllib.loads(args.layers.read_text(encoding="utf-8"))
    problems, found = check(args.src, config)
    if args.graph:
        layers = Layers(config)
        edges: dict[str, set[str]] = {}
        for imp in found:
            a, b = layers.unit(imp.importer), layers.unit(imp.imported)
            if a and b and a != b:
                edges.setdefault(a, set()).add(b)
        for unit in sorted(edges, key=lambda u: (layers.rank[u], u)):
            print(f"{unit} -> {', '.join(sorted(edges[unit], key=lambda u: (layers.rank[u], u)))}")
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(
            f"check_layers: {len(problems)} problem(s); the layers and rules are in scripts/layers.toml",
            file=sys.stderr,
        )
        return 1
    print(f"check_layers: {len(found)} imports inside {PACKAGE}, all in order", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
