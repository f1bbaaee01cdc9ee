"""`batch annotate`: read a corpus, split it into partitions in stream order, annotate each
partition on a worker (light level and story features, optionally the full level too), and
write each as a Parquet file as it comes back.

Inputs are read by the client with the ingest readers, as `newsprism cluster` reads them
(copies of one text kept once); workers only compute, and the client writes, so workers need
no shared file system. Partitions already written by an earlier run are skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from newsprism.config import Settings
from newsprism.distributed.corpus import (
    MANIFEST,
    Manifest,
    Partition,
    partition_name,
    read_manifest,
    write_manifest,
)
from newsprism.distributed.engine import run_all
from newsprism.errors import NewsprismError, Problem
from newsprism.ingest import Sources
from newsprism.model import Article
from newsprism.stories import collect_stream, stream_key

if TYPE_CHECKING:
    import pyarrow as pa

    from distributed import Client

PARTITION_SIZE = 200


@dataclass
class AnnotateResult:
    manifest: Manifest
    written: int = 0  # partitions written by this run
    skipped: int = 0  # partitions an earlier run had written
    articles: int = 0  # articles written by this run
    problems: list[Problem] = field(default_factory=list)


def _annotate(
    articles: list[Article], settings: Settings, now: datetime, full: bool
) -> tuple[list[Article], Any, list[Article] | None]:
    from newsprism.nlp import annotate
    from newsprism.stories import features_for

    light = annotate(articles, settings, level="light")
    features = features_for(light, settings, now=now)
    fully = annotate(articles, settings, level="full") if full else None
    return articles, features, fully


def annotate_partition(
    articles: list[Article], settings: Settings, now: datetime, full: bool
) -> tuple[pa.Table, list[Problem]]:
    """Runs on a worker: the partition's table, and the articles that could not be annotated
    (each tried alone once the batch failed, so one bad article costs only itself)."""
    from newsprism.distributed.columns import to_table

    try:
        return to_table(*_annotate(articles, settings, now, full)), []
    except Exception:
        if len(articles) == 1:
            raise
    kept: list[Article] = []
    features: list[Any] = []
    fully: list[Article] = []
    problems: list[Problem] = []
    for article in articles:
        try:
            _, (feature,), done = _annotate([article], settings, now, full)
        except Exception as error:
            problems.append(Problem(article.origin or article.ref, f"not annotated: {error}"))
            continue
        kept.append(article)
        features.append(feature)
        if done is not None:
            fully.extend(done)
    return to_table(kept, features, fully if full else None), problems


@dataclass
class Plan:
    """The partitions of a corpus, each with its articles, and which are left to write."""

    out_dir: Path
    manifest: Manifest
    parts: list[list[Article]]
    problems: list[Problem]

    def todo(self) -> list[tuple[Partition, list[Article]]]:
        pairs = zip(self.manifest.partitions, self.parts, strict=True)
        return [(p, part) for p, part in pairs if not (self.out_dir / p.file).is_file()]


def plan(
    inputs: Iterable[str],
    out_dir: Path,
    settings: Settings,
    *,
    full: bool = False,
    partition_size: int = PARTITION_SIZE,
    source: Sources = None,
    stdin: BinaryIO | None = None,
) -> Plan:
    """Read the inputs and cut them into partitions in stream order (keeping ``now`` of an
    earlier run into the same folder, so that undated articles are filed as they were)."""
    if partition_size < 1:
        raise NewsprismError(f"--partition-size {partition_size}: give at least 1")
    earlier = read_manifest(out_dir) if (out_dir / MANIFEST).is_file() else None
    if earlier is not None and earlier.full != full:
        had = "with" if earlier.full else "without"
        raise NewsprismError(
            f"{out_dir}: written {had} --full; give the same option or another folder"
        )
    now = earlier.now if earlier is not None else datetime.now(UTC)
    stream = collect_stream(inputs, settings, source=source, stdin=stdin)
    ordered = sorted(stream.articles, key=lambda a: stream_key(a.published or now, a.id))
    parts = [ordered[i : i + partition_size] for i in range(0, len(ordered), partition_size)]
    manifest = Manifest(
        now=now,
        full=full,
        partitions=[
            Partition(partition_name(i, [a.id for a in part]), len(part))
            for i, part in enumerate(parts)
        ],
        copies=stream.copies,
    )
    return Plan(out_dir, manifest, parts, stream.problems)


def annotate_corpus(
    client: Client | None,
    planned: Plan,
    settings: Settings,
    *,
    on_partition: Callable[[int], None] | None = None,
) -> AnnotateResult:
    """Annotate the partitions left to write on the engine of ``client`` and write each as it
    comes back (see the module doc); ``on_partition`` is told how many articles each held.
    ``client`` may be None when no partition is left to write."""
    from newsprism.distributed.columns import write_atomic

    out_dir, manifest = planned.out_dir, planned.manifest
    result = AnnotateResult(manifest, problems=list(planned.problems))
    if not manifest.partitions:
        return result
    out_dir.mkdir(parents=True, exist_ok=True)
    write_manifest(out_dir, manifest)
    todo = planned.todo()
    result.skipped = len(manifest.partitions) - len(todo)
    if not todo or client is None:
        return result
    size = {p.file: p.articles for p, _ in todo}

    def done(key: str, value: tuple[pa.Table, list[Problem]]) -> None:
        table, failed = value
        write_atomic(table, out_dir / key)
        result.written += 1
        result.articles += table.num_rows
        result.problems.extend(failed)
        if on_partition is not None:
            on_partition(size[key])

    def failed(key: str, error: BaseException) -> None:
        result.problems.append(Problem(str(out_dir / key), f"partition not written: {error}"))

    tasks = ((p.file, (part, settings, manifest.now, manifest.full)) for p, part in todo)
    run_all(client, annotate_partition, tasks, done, failed)
    return result
