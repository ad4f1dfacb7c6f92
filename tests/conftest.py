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
