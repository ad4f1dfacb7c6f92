"""The README, pasted: every command of its ```bash blocks (and its Python example), in order, on a
fresh clone of this repository, each exiting 0 with a non-empty result on examples/.

A fresh clone, not this working tree: what a newcomer gets is what is committed. The clone reuses
the virtual environment running this test instead of installing one (`bash scripts/setup` would
download and install every pinned package, and .ci/run already runs the README's test command
verbatim on a fresh clone): its `.venv` is a link to this environment and PYTHONPATH points at the
clone's `src/`, so the clone's own code runs. `bash scripts/setup && ` before Quickstart command 1
is therefore not run here; the command after it is, as written. Quickstart command 2 (`bash
scripts/test`, the whole suite) is CI's own first step and is only checked to be in the README.

`eventdesk serve` runs until stopped: it is started on a free port (`--port` added), must answer
/api/stats with the store's figures, and is then stopped.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT, SHARED

# slow: a fresh clone and every README command; each command may take up to 600 s on a busy machine
pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]

QUICKSTART = ["bash scripts/setup && .venv/bin/eventdesk run examples/", "bash scripts/test"]


def blocks(readme: str, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", readme, flags=re.DOTALL)


def commands(block: str) -> list[str]:
    """The commands of a bash block: one per line, comments and blank lines dropped."""
    out = []
    for line in block.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        # a trailing comment starts at a '#' after two spaces (none of the commands quote one)
        out.append(re.split(r"\s{2,}#", line, maxsplit=1)[0].strip())
    return out


def output_file(cmd: str) -> str | None:
    """The file a command writes its result to (`> FILE` or `-o FILE`), if any."""
    m = re.search(r"(?:^|\s)(?:>|-o)\s+(\S+)", cmd)
    return m.group(1) if m else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout to clone")
    base = tmp_path_factory.mktemp("fresh")
    dst = base / "eventdesk"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(dst)], check=True)
    (dst / ".venv").symlink_to(Path(sys.prefix))  # this environment, not a new install
    if SHARED.is_dir():
        (base / "shared").symlink_to(SHARED)
    return dst


def shell(clone: Path, script: str, timeout: float = 600) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONHOME")}
    env["PYTHONPATH"] = str(clone / "src")
    env["PATH"] = "/usr/local/bin:/usr/bin:/bin"  # as on a fresh machine: no eventdesk on it
    env.pop("EVENTDESK_TOKEN", None)
    return subprocess.run(
        ["bash", "-c", script], cwd=clone, env=env, capture_output=True, text=True, timeout=timeout
    )


def test_every_readme_command_works_in_order(clone: Path):
    readme = (clone / "README.md").read_text(encoding="utf-8")
    bash = blocks(readme, "bash")
    assert commands(bash[0]) == QUICKSTART, "the Quickstart must stay these two commands"
    steps = [QUICKSTART[0].split("&& ", 1)[1]]
    for block in bash[1:]:
        steps += commands(block)
    assert any(s.startswith("source .venv/bin/activate") for s in steps)
    # One shell for every step (so `source` carries over); each step's status and output saved.
    script = ["set -u"]
    serve_port = free_port()
    for i, cmd in enumerate(steps):
        if cmd.startswith("eventdesk serve"):
            script.append(
                f"{cmd} --port {serve_port} > .step{i}.out 2> .step{i}.err & echo $! > .serve.pid; "
                f"echo 0 > .step{i}.rc"
            )
            continue
        script.append(f"{{ {cmd} ; }} > .step{i}.out 2> .step{i}.err; echo $? > .step{i}.rc")
        if output_file(cmd) and ">" in cmd:
            script[-1] = f"{cmd} 2> .step{i}.err; echo $? > .step{i}.rc"
    p = shell(clone, "\n".join(script))
    assert p.returncode == 0, p.stderr
    try:
        failures = []
        for i, cmd in enumerate(steps):
            if cmd.startswith("eventdesk serve"):  # running in the background: ask it first
                failures += check_dashboard(serve_port, clone)
            rc = int((clone / f".step{i}.rc").read_text().strip() or "-1")
            out = (clone / f".step{i}.out").read_text() if (clone / f".step{i}.out").exists() else ""
            err = (clone / f".step{i}.err").read_text()
            target = output_file(cmd)
            result = (clone / target).read_bytes() if target else (out + err).encode()
            if cmd.startswith("source "):
                result = b"(no output expected)"
            if rc != 0 or not result.strip():
                failures.append(f"{cmd!r}: exit {rc}, output {len(result)} bytes\n{out[-800:]}\n{err[-800:]}")
        assert not failures, "\n\n".join(failures)
    finally:
        stop_server(clone)
    # what the steps are there to show
    q = shell(
        clone,
        "source .venv/bin/activate; eventdesk events --type ASSAULT --country SDN --from 2025-01 "
        "--to 2025-03 --format json",
    )
    assert len(json.loads(q.stdout)) >= 2, q.stderr
    rsf = (clone / "rsf.csv").read_text().splitlines()
    assert rsf[0].startswith("id,") and len(rsf) >= 2 and all("Rapid Support" in r for r in rsf[1:])


def check_dashboard(port: int, clone: Path) -> list[str]:
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats", timeout=5) as r:
                stats = json.loads(r.read())
            return [] if stats["events"] > 0 else [f"serve: the dashboard shows no events: {stats}"]
        except OSError:
            time.sleep(0.5)
    return [f"serve: nothing answered on port {port} within 60 s"]


def stop_server(clone: Path) -> None:
    pid_file = clone / ".serve.pid"
    if pid_file.exists():
        with contextlib.suppress(ProcessLookupError, ValueError):
            os.kill(int(pid_file.read_text().strip()), signal.SIGTERM)


def test_readme_python_example_runs(clone: Path):
    # needs the store of the previous test (module order): the Quickstart's eventdesk.db
    if not (clone / "eventdesk.db").exists():
        pytest.skip("runs after test_every_readme_command_works_in_order")
    code = blocks((clone / "README.md").read_text(encoding="utf-8"), "python")[0]
    p = shell(clone, f".venv/bin/python -c {shlex.quote(code)}")
    assert p.returncode == 0, p.stderr
    assert "ASSAULT" in p.stdout and p.stdout.strip()
