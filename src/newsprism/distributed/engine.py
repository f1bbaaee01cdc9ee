"""The engine: a dask.distributed client, on a local cluster by default or on the cluster
at an address, with the models loaded once in every worker.

Dask is an optional extra (``pip install 'newsprism[distributed]'``); this module imports it
when an engine is started, never at import, so that nothing else in newsprism needs it.

Workers load spaCy and MiniLM from their PyPI packages (installed with newsprism on every
worker), never from a hub: `ModelsPlugin` loads them when a worker starts, also a worker
started again after one died, and the loaders of `newsprism.nlp.models` keep them for the
life of the worker process.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newsprism.config import Settings
from newsprism.errors import NewsprismError

if TYPE_CHECKING:
    from distributed import Client

# A task that failed on this many workers that died under it is given up (dask's own
# default is 3); a worker killed by the machine's memory limit is the usual cause.
ALLOWED_FAILURES = 3


def require_dask() -> None:
    """Stop with how to install the extra when dask.distributed is missing."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise NewsprismError(
            "this needs newsprism's distributed extra (dask.distributed is not installed): "
            "pip install 'newsprism[distributed]'"
        ) from None


def _load_models(settings: Settings) -> None:
    from newsprism.nlp import sentence_encoder, spacy_pipeline

    spacy_pipeline(settings.spacy_model)
    sentence_encoder(settings.embedding_package)


def models_plugin(settings: Settings) -> Any:
    """A worker plugin that loads the models as each worker starts (see the module doc)."""
    from distributed import WorkerPlugin

    class ModelsPlugin(WorkerPlugin):  # type: ignore[misc]
        name = "newsprism-models"

        def setup(self, worker: Any) -> None:
            _load_models(settings)

    return ModelsPlugin()


@dataclass(frozen=True)
class EngineSpec:
    """Where to run: ``address`` of a running scheduler (``tcp://host:8786``), else a local
    cluster of ``workers`` processes (default: one per core)."""

    address: str | None = None
    workers: int | None = None

    def describe(self) -> str:
        if self.address:
            return f"the cluster at {self.address}"
        n = self.workers or local_workers()
        return f"a local cluster of {n} worker{'s' if n != 1 else ''}"


def local_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


@contextmanager
def engine(spec: EngineSpec, settings: Settings, *, load_models: bool = True) -> Iterator[Client]:
    """A connected client; a local cluster is started for the block and stopped after it."""
    require_dask()
    import dask

    from distributed import Client, LocalCluster

    if spec.workers is not None and spec.workers < 1:
        raise NewsprismError(f"--workers {spec.workers}: give at least 1")
    # Each worker process runs one task at a time: spaCy and torch are not shared between
    # threads, and one thread per process gives the cores to the processes.
    with dask.config.set({"distributed.scheduler.allowed-failures": ALLOWED_FAILURES}):
        if spec.address:
            try:
                client = Client(spec.address, timeout="20s")
            except (OSError, TimeoutError) as error:
                raise NewsprismError(f"--address {spec.address}: {error}") from None
            cluster = None
        else:
            cluster = LocalCluster(
                n_workers=spec.workers or local_workers(),
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=":0",  # the HTTP server on a free port, never 8787 taken
                silence_logs=40,  # errors only: the command reports progress itself
            )
            client = Client(cluster)
        try:
            if load_models:
                client.register_plugin(models_plugin(settings))
            yield client
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


def run_all(
    client: Client,
    work: Callable[..., Any],
    tasks: Iterable[tuple[str, tuple[Any, ...]]],
    on_done: Callable[[str, Any], None],
    on_error: Callable[[str, BaseException], None],
) -> None:
    """Submit ``work(*args)`` for every ``(key, args)`` and hand each result to ``on_done``
    as it completes (in completion order); a task that raised goes to ``on_error``.

    A worker that dies takes its running task with it: the scheduler runs the task again on
    another worker (up to `ALLOWED_FAILURES` times), so the run loses nothing.
    """
    from distributed import as_completed

    # Keys unique to this run: a long-lived cluster may still hold another run's tasks.
    run = uuid.uuid4().hex[:8]
    futures = {
        client.submit(work, *args, key=f"{key}-{run}", pure=False): key for key, args in tasks
    }
    for future in as_completed(futures):
        key = futures[future]
        try:
            result = future.result()
        except Exception as error:  # a task's own failure is reported, the others go on
            on_error(key, error)
        else:
            on_done(key, result)
        future.release()
