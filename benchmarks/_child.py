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
import json, os, resource, sys, threading, time
from eventdesk.config import load_config
from eventdesk.pipeline import run
from eventdesk.store import open_store
db, path, workers, events, engine = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1", sys.argv[5]

def status_kb(pid, key):
    try:
        with open(f"/proc/{pid}/status") as fh:
            return next((int(x.split()[1]) for x in fh if x.startswith(key)), 0)
    except OSError:
        return 0

def descendants(root):
    kids = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as fh:
                    kids.setdefault(int(fh.read().rsplit(")", 1)[1].split()[1]), []).append(int(d))
            except (OSError, IndexError, ValueError):
                pass
    out, todo = [], [root]
    while todo:
        for c in kids.get(todo.pop(), []):
            out.append(c)
            todo.append(c)
    return out

# Ray's workers are not this process's children (its raylet starts them), so getrusage cannot see
# them: every process below this one is sampled for its own peak (VmHWM) twice a second.
peaks, done = {}, threading.Event()
def sample():
    while not done.wait(0.5):
        for p in descendants(os.getpid()):
            peaks[p] = max(peaks.get(p, 0), status_kb(p, "VmHWM:"))
threading.Thread(target=sample, daemon=True).start()
s = open_store(db)
t = time.perf_counter()
config = load_config()
if engine == "ray":
    from eventdesk.engines.ray import RayExecutor
    with RayExecutor(workers, config) as ex:
        r = run([path], s, config, events=events, workers=workers, progress=False, executor=ex)
else:
    r = run([path], s, config, events=events, workers=workers, progress=False)
seconds = time.perf_counter() - t
done.set()
# VmHWM, not ru_maxrss: Linux carries ru_maxrss across exec, so it would report the parent's peak
hwm = status_kb(os.getpid(), "VmHWM:") / 1024
worker = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, *peaks.values(), 0) / 1024
# CPU seconds of this process and of its reaped children (the pool's workers): what the run cost,
# whatever else the machine was doing (wall time on a loaded machine is not)
cpu = sum(getattr(resource.getrusage(w), f) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
          for f in ("ru_utime", "ru_stime"))
print(json.dumps({"seconds": seconds, "articles": r.articles_read, "new": r.new_articles,
                  "events": r.events_new, "coded": r.articles_coded, "rss_main_mb": hwm,
                  "rss_worker_mb": worker, "cpu_s": cpu}))
"""


def measure_run(
    path: Path, workers: int, events: bool = True, engine: str = "local", db: str | None = None
) -> dict[str, Any]:
    """{seconds, articles, new, events, coded, rss_main_mb, rss_worker_mb, cpu_s} of one run into a
    fresh store (cpu_s: CPU seconds of the run's process and its reaped workers; not Ray's).

    `rss_worker_mb` is the peak of the largest process below the run (a pool worker; with Ray, an
    actor or Ray's own raylet / object store)."""
    with tempfile.TemporaryDirectory() as tmp:
        db = db or os.path.join(tmp, "bench.db")  # a given path: the store is kept (it must not exist)
        p = subprocess.run(
            [sys.executable, "-c", _CODE, db, str(path), str(workers), "1" if events else "0", engine],
            capture_output=True,
            text=True,
        )
        if p.returncode:
            raise SystemExit(p.stderr[-3000:])
        return json.loads(p.stdout.strip().splitlines()[-1])
