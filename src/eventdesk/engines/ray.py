"""Ray executor: the Runner's batch functions on Ray actors, on one machine or a cluster.

`eventdesk run --engine ray` (or `with RayExecutor(workers, config) as ex: pipeline.run(...,
executor=ex)`) uses the one Runner of
eventdesk.pipeline with this executor in place of the local process pool: `workers` actors, each
set up once by the same worker initialiser as a pool process (so models load once per actor), run
the read and coding batches. As with the pool, the Runner keeps at most `window` batches in flight
and takes their results in submission order, so memory stays flat however large the input, and
the driver (this process) makes every dedup decision and store write in input order: the results
are exactly those of a local run on the same input.

Install with `pip install 'eventdesk[ray]'`. RAY_ADDRESS selects a cluster; without it a local
one starts with `workers` CPUs.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from eventdesk.pipeline import Executor, Task, init_worker

__all__ = ["RayExecutor"]


def _ray() -> Any:
    try:
        import ray
    except ImportError as e:
        raise SystemExit("--engine ray needs Ray: pip install 'eventdesk[ray]'") from e
    return ray


class _Worker:
    """A Ray actor: one worker process, set up once, that runs batch functions in turn."""

    def __init__(self, initializer: Callable[..., None] | None, initargs: tuple[Any, ...]) -> None:
        if initializer is not None:
            initializer(*initargs)

    def call(self, fn: Callable[..., Any], *args: Any) -> Any:
        return fn(*args)


class _RayTask(Task):
    def __init__(self, executor: RayExecutor, actor: int, ref: Any) -> None:
        self.executor, self.actor, self.ref = executor, actor, ref

    def get(self) -> Any:
        try:
            return self.executor.ray.get(self.ref)
        finally:
            self.executor.load[self.actor] -= 1
            self.ref = None  # the result leaves Ray's object store once taken


class RayExecutor(Executor):
    """`workers` Ray actors, each set up by the pipeline's `init_worker(config)` as a pool process
    is; a task goes to the actor with the fewest tasks not yet taken."""

    def __init__(
        self,
        workers: int = 2,
        config: dict[str, Any] | None = None,
    ) -> None:
        ray = self.ray = _ray()
        self.started = False
        if not ray.is_initialized():
            kw: dict[str, Any] = {
                "include_dashboard": False,
                "log_to_driver": False,
                "logging_level": "ERROR",
            }
            if os.environ.get("RAY_ADDRESS"):
                ray.init(address=os.environ["RAY_ADDRESS"], **kw)
            else:
                ray.init(num_cpus=max(1, workers), **kw)
            self.started = True
        self.workers = max(1, workers)
        self.window = 2 * self.workers + 1  # as the local pool: a few batches queued per actor
        actor = ray.remote(num_cpus=1)(_Worker)
        self.actors = [actor.remote(init_worker, (config,)) for _ in range(self.workers)]
        self.load = [0] * self.workers

    def submit(self, fn: Callable[..., Any], *args: Any) -> Task:
        i = min(range(self.workers), key=self.load.__getitem__)
        self.load[i] += 1
        return _RayTask(self, i, self.actors[i].call.remote(fn, *args))

    def describe(self) -> dict[str, Any]:
        return {"engine": "ray"}

    def close(self) -> None:
        self.terminate()

    def terminate(self) -> None:
        for a in self.actors:
            self.ray.kill(a)
        self.actors = []
        if self.started:  # a Ray we started ends with the run; one the caller started is theirs
            self.ray.shutdown()
