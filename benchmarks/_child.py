"""Run `eventdesk.pipeline.run` in a fresh child process and report its time and peak memory.

A child process, so that peak RSS is the pipeline's own (parent and workers), not the
benchmark's, and the model loads are counted as a user would see them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

_CODE = """
import json, resource, sys, time
from eventdesk.config import load_config
from eventdesk.pipeline import run
from eventdesk.store import open_store
db, path, workers, events = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1"
s = open_store(db)
t = time.perf_counter()
r = run([path], s, load_config(), events=events, workers=workers, progress=False)
# VmHWM, not ru_maxrss: Linux carries ru_maxrss across exec, so it would report the parent's peak
hwm = next(int(x.split()[1]) for x in open("/proc/self/status") if x.startswith("VmHWM:")) / 1024
print(json.dumps({"seconds": time.perf_counter() - t, "articles": r.articles_read, "new": r.new_articles,
                  "events": r.events_new, "coded": r.articles_coded, "rss_main_mb": hwm,
                  "rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def measure_run(path: Path, workers: int, events: bool = True) -> dict[str, Any]:
    """{seconds, articles, new, events, coded, rss_main_mb, rss_worker_mb} of one run into a fresh store."""
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "bench.db")
        p = subprocess.run(
            [sys.executable, "-c", _CODE, db, str(path), str(workers), "1" if events else "0"],
            capture_output=True,
            text=True,
        )
        if p.returncode:
            raise SystemExit(p.stderr[-3000:])
        return json.loads(p.stdout.strip().splitlines()[-1])
