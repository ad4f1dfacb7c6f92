"""Expand what the user typed (files, folders, globs, `-`) into a sorted list of input files."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator
from functools import cache

from eventdesk.data import lines
from eventdesk.records import Problem

STDIN = "-"
# Never read our own store or editor/VCS litter when a whole folder is given.
SKIP_SUFFIXES = (".db", ".db-wal", ".db-shm", ".sqlite", ".pyc", ".swp", ".lock")
SKIP_DIRS = {".git", ".hg", ".svn", "__pycache__", ".venv", "node_modules", ".ipynb_checkpoints"}


DOC_SUFFIXES = ("", ".txt", ".md", ".rst")


@cache
def documentation_names() -> frozenset[str]:
    """Names of a folder's documentation files (data/read/documentation_files.txt), upper case."""
    return frozenset(w.upper() for w in lines("read/documentation_files.txt"))


def is_documentation(name: str) -> bool:
    """A corpus's README or LICENSE (BBC's README.TXT, say) describes the files beside it and is no
    article: known by its conventional name, with no extension or a plain-text one."""
    stem, dot, ext = name.partition(".")
    return stem.upper() in documentation_names() and (dot + ext).lower() in DOC_SUFFIXES


def canonical_path(path: str) -> str:
    """One spelling per file (issue 15): `a.txt`, `./a.txt`, `d/../a.txt` and `/abs/a.txt` are one
    source. Inside the current folder a path is kept relative (stores stay movable with their
    inputs); outside it, absolute."""
    ap = os.path.abspath(path)
    cwd = os.getcwd()
    if ap == cwd:
        return "."
    if ap.startswith(cwd.rstrip(os.sep) + os.sep):
        return os.path.relpath(ap, cwd)
    return ap


def bad_name(path: str) -> Problem | None:
    """A name that is not valid UTF-8 (os keeps its bytes as surrogates) cannot be stored: say so."""
    try:
        path.encode("utf-8")
        return None
    except UnicodeEncodeError:
        shown = os.fsencode(path).decode("utf-8", "backslashreplace")
        return Problem(
            shown,
            "file or folder name is not valid UTF-8; rename it (e.g. `convmv -f latin1 "
            "-t utf8 --notest`) to read it",
        )


def expand(paths: list[str]) -> Iterator[str | Problem]:
    """Yield input files in a stable order; a Problem for anything that cannot be walked.

    Folders are walked recursively in sorted order (so two runs see files in the same order,
    which keeps dedup decisions reproducible); symlink loops are detected, not followed forever.
    """
    for p in paths:
        if p == STDIN:
            yield STDIN
            continue
        matches = sorted(glob.glob(p, recursive=True)) if glob.has_magic(p) else [p]
        if not matches:
            yield Problem(p, "no file matches this pattern")
            continue
        for m in matches:
            if bad := bad_name(m):
                yield bad
            elif os.path.isdir(m):
                yield from _walk(canonical_path(m))
            elif os.path.lexists(m) and not os.path.exists(m):
                yield Problem(m, "broken symbolic link (its target does not exist)")
            elif not os.path.exists(m):
                yield Problem(m, "no such file or folder")
            else:
                yield canonical_path(m)


def _walk(root: str) -> Iterator[str | Problem]:
    seen: set[tuple[int, int]] = set()

    def walk(d: str) -> Iterator[str | Problem]:
        try:
            st = os.stat(d)
        except OSError as e:
            yield Problem(d, f"cannot open folder: {e.strerror}")
            return
        key = (st.st_dev, st.st_ino)
        if key in seen:
            yield Problem(d, "symbolic link loop: this folder was already visited; skipped")
            return
        seen.add(key)
        try:
            entries = sorted(os.scandir(d), key=lambda e: e.name)
        except OSError as e:
            yield Problem(d, f"cannot list folder: {e.strerror}")
            return
        for e in entries:
            if e.name.startswith(".") and e.name in SKIP_DIRS | {".DS_Store"}:
                continue
            path = os.path.normpath(e.path)
            if bad := bad_name(path):
                yield bad
                continue
            try:
                is_dir = e.is_dir(follow_symlinks=True)
            except OSError:
                is_dir = False
            if is_dir:
                if e.name in SKIP_DIRS:
                    continue
                yield from walk(path)
            elif e.is_symlink() and not os.path.exists(path):
                yield Problem(path, "broken symbolic link (its target does not exist)")
            elif e.name.endswith(SKIP_SUFFIXES) or e.name.startswith("."):
                continue
            elif is_documentation(e.name):
                yield Problem(
                    path,
                    "the folder's documentation file (by its name), not an article: not read; give its "
                    "path on its own to read it",
                    notice=True,
                )
            else:
                yield path

    yield from walk(root)
