"""newsprism on dask.distributed: a real local cluster of two worker processes, started by
the tests, annotates a small stream into Parquet; the stories from the stored features are
those of the single-process clusterer; a rerun skips what is written; a worker killed in
the middle of a run costs nothing (`-m slow`)."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import DATA, EXAMPLES
from newsprism.cli import app
from newsprism.config import Settings
from newsprism.stories import cluster
from newsprism.stories.features import collect_stream

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from newsprism.distributed import (
    EngineSpec,
    annotate_corpus,
    cluster_corpus,
    engine,
    report_corpus,
)
from newsprism.distributed.annotate import plan
from newsprism.distributed.columns import rows

# A third event beside the ferry and the summit, written for these tests; one report has
# no date and one is a second copy of another (given its story, not clustered again).
QUAKE = [
    {
        "id": "quake-1",
        "source": "Andes Daily",
        "published": "2026-03-02T04:10:00Z",
        "title": "Magnitude 6.8 earthquake shakes southern Peru",
        "text": "A magnitude 6.8 earthquake struck southern Peru early on Monday, damaging "
        "adobe homes in Arequipa and cutting power to thousands, Peru's geophysical institute "
        "said.\n\nThe quake was centred 40 km from the town of Chivay at a depth of 35 km.",
    },
    {
        "id": "quake-2",
        "source": "Lima Wire",
        "published": "2026-03-02T07:45:00Z",
        "title": "Peru quake damages homes in Arequipa, no deaths reported",
        "text": "An earthquake of magnitude 6.8 hit the Arequipa region of southern Peru on "
        "Monday, damaging homes near Chivay, officials said.\n\nNo deaths were reported; "
        "the geophysical institute recorded a dozen aftershocks.",
    },
    {
        "id": "quake-3",
        "source": "Pacific Post",
        "title": "Aftershocks rattle Arequipa after strong Peru earthquake",
        "text": "Aftershocks rattled Arequipa on Monday after a magnitude 6.8 earthquake struck "
        "southern Peru near Chivay.\n\nThe geophysical institute said homes built of adobe "
        "were the worst hit.",
    },
]
COPY = {**QUAKE[1], "id": "quake-2-copy", "source": "Syndicated"}


@pytest.fixture(scope="module")
def stream_inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("stream")
    jsonl = folder / "quake.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in [*QUAKE, COPY]), encoding="utf-8")
    return [str(EXAMPLES), str(DATA / "ferry-capsizing"), str(jsonl)]


@pytest.fixture(scope="module")
def two_workers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """A local cluster of two worker processes, models loaded in each."""
    cache = tmp_path_factory.mktemp("worker-cache")
    with engine(EngineSpec(workers=2), Settings.load(cache_dir=cache)) as client:
        yield client


def _partition(assignments: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for ref, story in assignments.items():
        groups.setdefault(story, set()).add(ref)
    return {frozenset(g) for g in groups.values()}


def test_two_workers_give_the_stories_of_one_process_and_a_rerun_skips_done_partitions(
    two_workers: object, stream_inputs: list[str], tmp_path: Path
) -> None:
    settings = Settings.load()
    corpus = tmp_path / "corpus"
    planned = plan(stream_inputs, corpus, settings, partition_size=2)
    assert len(planned.manifest.partitions) == 4  # 8 texts, the copy kept once
    result = annotate_corpus(two_workers, planned, settings)  # type: ignore[arg-type]
    assert (result.written, result.skipped, result.articles) == (4, 0, 8)
    assert not [p for p in result.problems if p.level == "error"]
    row = next(rows(corpus / planned.manifest.partitions[0].file))
    assert len(row["headline"]) == 384 and row["text"] and row["terms"]

    batch = cluster_corpus(corpus, settings)
    stream = collect_stream(stream_inputs, settings)
    single = {a.id: a.story for a in cluster(stream.articles, settings)}
    single |= {copy: single[first] for copy, first in stream.copies.items()}
    assert _partition(batch.assignments) == _partition(single)
    assert batch.assignments["quake-2-copy"] == batch.assignments["quake-2"]
    assert {"quake-1", "quake-2", "quake-3"} in {
        frozenset(g) & {"quake-1", "quake-2", "quake-3"} for g in _partition(batch.assignments)
    }

    # Resumed: one partition lost, the others kept; only the lost one is annotated again.
    lost = corpus / planned.manifest.partitions[2].file
    lost.unlink()
    again = annotate_corpus(
        two_workers, plan(stream_inputs, corpus, settings, partition_size=2), settings
    )  # type: ignore[arg-type]
    assert (again.written, again.skipped, again.articles) == (1, 3, 2)
    assert lost.is_file()
    assert cluster_corpus(corpus, settings).assignments == batch.assignments

    # Calibrated as `cluster` calibrates, when the stream is long enough to judge by.
    short = settings.model_copy(update={"story_calibration_after": 4})
    calibrated = cluster_corpus(corpus, short)
    single = {a.id: a.story for a in cluster(stream.articles, short)}
    single |= {copy: single[first] for copy, first in stream.copies.items()}
    assert _partition(calibrated.assignments) == _partition(single)
    assert "(calibrated on 8 articles: silhouette" in calibrated.setting


def test_stories_of_an_unfinished_or_foreign_folder_are_refused(tmp_path: Path) -> None:
    done = CliRunner().invoke(app, ["batch", "stories", str(tmp_path)])
    assert done.exit_code == 1
    assert "not an annotated corpus" in str(done.exception) or "not an annotated" in done.output


@pytest.mark.slow
def test_every_story_is_reported_in_parallel_into_files_and_the_store(
    two_workers: object, stream_inputs: list[str], tmp_path: Path
) -> None:
    """Reports as JSON and HTML, the comparisons kept in the store `serve` reads (so it
    shows them without comparing again), and a rerun that skips what is reported."""
    from newsprism.store import Store

    settings = Settings.load()
    corpus, out = tmp_path / "corpus", tmp_path / "reports"
    annotate_corpus(two_workers, plan(stream_inputs, corpus, settings), settings)  # type: ignore[arg-type]
    with Store.open(str(tmp_path / "news.db"), settings) as store:
        stories = cluster_corpus(corpus, settings, store=store).stories
        several = {s.id for s in stories if s.size > 1}
        assert len(several) == 3  # the ferry, the summit, the quake
        done = report_corpus(two_workers, corpus, out, settings, store=store)  # type: ignore[arg-type]
        assert (done.written, done.skipped, done.kept, done.problems) == (3, 0, 3, [])
        for story_id in several:
            report = json.loads((out / f"{story_id}.json").read_text(encoding="utf-8"))
            assert report["story"]["id"] == story_id and report["summary"]["sentences"]
            page = (out / f"{story_id}.html").read_text(encoding="utf-8")
            assert page.startswith("<!DOCTYPE html>")
            held = store.story(story_id)
            assert held is not None and store.kept_comparison(held) is not None
    again = report_corpus(None, corpus, out, settings)
    assert (again.written, again.skipped) == (0, 3)


@pytest.mark.slow
def test_a_worker_killed_mid_run_loses_nothing(
    two_workers: object, stream_inputs: list[str], tmp_path: Path
) -> None:
    settings = Settings.load(cache=False)  # no cache: every partition takes real work
    planned = plan(stream_inputs, tmp_path / "corpus", settings, partition_size=1)
    killed: list[int] = []

    def kill_one(_: int) -> None:
        if not killed:  # after the first partition: the others are queued or running
            pids = two_workers.run(os.getpid)  # type: ignore[attr-defined]
            killed.append(next(iter(pids.values())))
            os.kill(killed[0], signal.SIGKILL)

    result = annotate_corpus(two_workers, planned, settings, on_partition=kill_one)  # type: ignore[arg-type]
    assert killed
    assert (result.written, result.articles) == (8, 8)
    assert not planned.manifest.missing(tmp_path / "corpus")


def test_without_the_extra_batch_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "distributed", None)  # as if it were not installed
    done = CliRunner().invoke(app, ["batch", "annotate", str(EXAMPLES), "-o", str(tmp_path)])
    assert done.exit_code != 0
    assert "pip install 'newsprism[distributed]'" in str(done.exception)


@pytest.mark.slow
def test_the_commands_report_a_bad_input_and_store_the_others(tmp_path: Path) -> None:
    """`batch annotate` on its own local cluster: the input that cannot be read is named,
    the others are written; `batch stories --store` puts them into a database."""
    from newsprism.store import Store

    corpus, db = tmp_path / "corpus", tmp_path / "news.db"
    ferry = str(DATA / "ferry-capsizing")
    args = ["batch", "annotate", str(tmp_path / "nowhere.txt"), ferry, "-o", str(corpus)]
    done = CliRunner().invoke(app, [*args, "--workers", "2", "-q"])
    assert done.exit_code == 0, done.output
    assert "nowhere.txt: no such file" in done.output
    assert "3 articles annotated" in done.output
    done = CliRunner().invoke(app, ["batch", "stories", str(corpus), "--store", str(db), "-q"])
    assert done.exit_code == 0, done.output
    assert {line.count('"story"') for line in done.stdout.splitlines()} == {1}
    with Store.open(str(db)) as store:
        assert (store.count_articles(), store.count_stories()) == (3, 1)
