"""Shared fixtures: the example corpus, ../shared when present, fresh stores."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = Path(os.environ.get("EVENTDESK_SHARED", ROOT.parent / "shared"))


@pytest.fixture
def examples(tmp_path: Path) -> Path:
    """A copy of examples/ (tests may touch or add files)."""
    dst = tmp_path / "examples"
    shutil.copytree(EXAMPLES, dst)
    return dst


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared not found at {SHARED} (set EVENTDESK_SHARED)")
    return SHARED


@pytest.fixture
def store(tmp_path: Path):
    from eventdesk.store import open_store

    s = open_store(str(tmp_path / "t.db"))
    yield s
    s.close()


def eventdesk(
    *args: str, cwd: Path | None = None, check: bool = True, input: str | None = None, timeout: float = 600
) -> subprocess.CompletedProcess:
    """Run the real CLI in a subprocess (same interpreter, so the same installed package)."""
    p = subprocess.run(
        [sys.executable, "-m", "eventdesk", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        input=input,
        timeout=timeout,
    )
    if check and p.returncode not in (0,):
        raise AssertionError(f"eventdesk {' '.join(args)} exited {p.returncode}\n{p.stdout}\n{p.stderr}")
    return p


def cli(*args: str, cwd: Path | None = None, check: bool = True, input: str | None = None):
    """Run the real CLI in this process: the same parsing, output, messages and exit status as
    `eventdesk(...)`, without starting Python and loading the language model again (seconds per
    call). For tests about what a command does; tests about the process itself (signals, kills,
    worker processes, a pipe closed early) use `eventdesk(...)`."""
    import contextlib
    import io

    from eventdesk.cli import main

    out, err = io.StringIO(), io.StringIO()
    stdin = sys.stdin
    here = os.getcwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        if input is not None:
            sys.stdin = io.TextIOWrapper(io.BytesIO(input.encode("utf-8")), encoding="utf-8")
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                rc = main(list(args))
            except SystemExit as e:  # what the interpreter would do with it
                if isinstance(e.code, int) or e.code is None:
                    rc = e.code or 0
                else:
                    print(e.code, file=sys.stderr)
                    rc = 1
    finally:
        sys.stdin = stdin
        os.chdir(here)
    p = subprocess.CompletedProcess(["eventdesk", *args], rc, out.getvalue(), err.getvalue())
    if check and p.returncode != 0:
        raise AssertionError(f"eventdesk {' '.join(args)} exited {p.returncode}\n{p.stdout}\n{p.stderr}")
    return p


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of examples/ after a full `eventdesk run`, built once per session: copy it (`db_copy`)
    before changing it."""
    db = tmp_path_factory.mktemp("examples_db") / "examples.db"
    cli("run", str(EXAMPLES), "--db", str(db), "-q")
    return db


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The dashboard's demo store (tests/support/sample.py: examples/ through the pipeline, plus the
    hostile article), built once per session: copy it (`db_copy`) before changing it."""
    from tests.support.sample import build_demo_store

    db = tmp_path_factory.mktemp("demo_db") / "demo.db"
    build_demo_store(str(db), str(EXAMPLES))
    return db


def db_copy(db: Path, dst: Path) -> Path:
    """A copy of a closed SQLite store (the main file holds everything once the writer closed it)."""
    shutil.copy(db, dst)
    return dst


# -- PostgreSQL: the store tests run on both backends (tests/support/pg_server.py starts a throwaway server) --
@pytest.fixture(scope="session")
def pg_server():
    pytest.importorskip("psycopg", reason="PostgreSQL tests need `pip install 'eventdesk[postgres]'`")
    from tests.support.pg_server import PgServer, Unavailable

    try:
        srv = PgServer().start()
    except Unavailable as e:
        pytest.skip(f"no PostgreSQL server: {e}")
    yield srv
    srv.stop()


@pytest.fixture
def pg_url(pg_server):
    """postgresql://... of an empty schema of its own, dropped after the test."""
    url = pg_server.fresh_url()
    yield url
    pg_server.drop(url)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_store(request, tmp_path: Path):
    """A fresh store on each backend; the postgres case runs with `-m postgres`."""
    from eventdesk.store import open_store

    s = open_store(str(tmp_path / "t.db") if request.param == "sqlite" else request.getfixturevalue("pg_url"))
    yield s
    s.close()
