"""A throwaway PostgreSQL server for the tests (Debian's binaries), or the one EVENTDESK_TEST_PG_URL names.

`PgServer.start()` runs initdb into a temporary folder and starts the server on a unix socket in
that folder only (no TCP port, so nothing clashes with another server or another test run). As
root, initdb and the server run as the `postgres` user (PostgreSQL refuses to run as root).
Each test gets its own schema (`fresh_url()`), dropped afterwards: cheaper than a database each.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from urllib.parse import quote

import psycopg

PG_ENV = "EVENTDESK_TEST_PG_URL"


class Unavailable(Exception):
    """No server can be had here; the message says why and what to do."""


def _bindir() -> str:
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0,
    )
    if not found:
        raise Unavailable(
            "no PostgreSQL server here: `apt-get install postgresql postgresql-postgis` "
            f"(Debian), or set {PG_ENV}=postgresql://user@host/db"
        )
    return os.path.dirname(found[-1])


def with_option(url: str, key: str, value: str) -> str:
    return url + ("&" if "?" in url else "?") + f"{key}={quote(value, safe='')}"


class PgServer:
    def __init__(self) -> None:
        self.url = ""
        self.tmp: str | None = None
        self._as: list[str] = []
        self._bin = ""
        self.schemas: list[str] = []

    def start(self) -> PgServer:
        if os.environ.get(PG_ENV):
            self.url = os.environ[PG_ENV]
        else:
            self._start_local()
        try:
            with psycopg.connect(self.url, autocommit=True, connect_timeout=10) as c:
                for ext in ("unaccent", "postgis"):  # where the server has them; the store falls back
                    if c.execute("SELECT 1 FROM pg_available_extensions WHERE name=%s", (ext,)).fetchone():
                        with contextlib.suppress(psycopg.Error):
                            c.execute(f"CREATE EXTENSION IF NOT EXISTS {ext}")
                self.extensions = {r[0] for r in c.execute("SELECT extname FROM pg_extension")}
        except psycopg.OperationalError as e:
            self.stop()
            raise Unavailable(f"cannot connect to the test server {self.url}: {e}") from e
        return self

    def _start_local(self) -> None:
        self._bin = _bindir()
        if os.geteuid() == 0:
            try:
                pwd.getpwnam("postgres")
            except KeyError as e:
                raise Unavailable(
                    "running as root and there is no `postgres` user to run the server as"
                ) from e
            runuser = shutil.which("runuser")
            self._as = (
                [runuser, "-u", "postgres", "--"] if runuser else ["su", "postgres", "-s", "/bin/sh", "-c"]
            )
        # Short path: a unix socket path must stay under ~100 bytes.
        self.tmp = tempfile.mkdtemp(prefix="edpg", dir="/tmp")
        if self._as:
            shutil.chown(self.tmp, "postgres", "postgres")
        data = os.path.join(self.tmp, "data")
        self._run(
            "initdb",
            "-D",
            data,
            "-U",
            "eventdesk",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "-N",
        )
        opts = (
            f"-c listen_addresses='' -k {self.tmp} -p 5432 -c fsync=off -c synchronous_commit=off "
            "-c full_page_writes=off -c max_connections=40"
        )
        self._run(
            "pg_ctl", "-D", data, "-l", os.path.join(self.tmp, "log"), "-o", opts, "-w", "-t", "60", "start"
        )
        self.url = f"postgresql://eventdesk@/postgres?host={quote(self.tmp, safe='')}&port=5432"

    def _run(self, prog: str, *args: str) -> None:
        cmd = [os.path.join(self._bin, prog), *args]
        if self._as and self._as[0] == "su":
            import shlex

            cmd = [*self._as, shlex.join(cmd)]
        else:
            cmd = [*self._as, *cmd]
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if p.returncode:
            log = ""
            if self.tmp and os.path.exists(os.path.join(self.tmp, "log")):
                with open(os.path.join(self.tmp, "log")) as f:
                    log = f.read()[-2000:]
            raise Unavailable(
                f"{prog} failed ({p.returncode}): {p.stderr.strip() or p.stdout.strip()}\n{log}"
            )

    def fresh_url(self) -> str:
        """A new empty schema on the server: the URL of a store that sees only it (and public)."""
        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.url, autocommit=True) as c:
            c.execute(f"CREATE SCHEMA {name}")
        self.schemas.append(name)
        return with_option(self.url, "options", f"-csearch_path={name},public")

    def drop(self, url: str) -> None:
        name = url.rsplit("search_path%3D", 1)[-1].split("%2C", 1)[0]
        if name in self.schemas:
            with psycopg.connect(self.url, autocommit=True) as c:
                c.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")
            self.schemas.remove(name)

    def stop(self) -> None:
        if self.tmp:
            data = os.path.join(self.tmp, "data")
            if os.path.exists(os.path.join(data, "postmaster.pid")):
                with contextlib.suppress(Unavailable):
                    self._run("pg_ctl", "-D", data, "-m", "immediate", "-w", "stop")
            shutil.rmtree(self.tmp, ignore_errors=True)
            self.tmp = None
        elif self.url:
            for name in list(self.schemas):
                self.drop(with_option(self.url, "options", f"-csearch_path={name},public"))
