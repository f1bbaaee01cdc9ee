"""Story clustering through a store, as `newsprism add` and `newsprism watch` build it: each
set fed into a fresh store in publication order, and B³ scored on the stories the store
holds at the end.

    python benchmarks/story_store.py duc=DIR_OR_FILE allsides=DIR basil=DIR \\
        --features CACHE_DIR [--batch 0 25 1]

The sets and ``--features`` are read as `story_quality.py` reads them (the same cache). Each
``--batch N`` gives the store N articles at a time, oldest first, each batch one call of
`track_features` (what `add` does once its features are taken): 0 is the whole set in one
`add`, 25 a feed that brings 25 new articles a poll, 1 one article a poll (slow: the store's
stories are read back for every call, as a fresh `add` does). The store is SQLite in a
temporary folder; the setting is the one calibration chooses (`story_calibrate`, as a user
gets it), and the notices the store gave (calibrated, regrouped) go to stderr.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from newsprism.config import Settings
from newsprism.evaluation.clusters import score
from newsprism.model import Article
from newsprism.store import Store
from newsprism.stories.stream import stream_order
from newsprism.workflows import track_features
from story_quality import DataSet, load_set


def fed(
    data: DataSet, settings: Settings, batch: int, folder: Path
) -> tuple[dict[str, str], float]:
    """Document id -> story after feeding the set to a fresh store ``batch`` articles at a
    time (0: all at once), and the seconds it took."""
    ref_of = dict(zip((f.id for f in data.features), data.ids, strict=True))
    ordered = stream_order(data.features)
    pairs = [
        (
            Article(
                id=f.id,
                input_id=ref_of[f.id],
                title=f.title,
                source=f.source,
                published=f.published,
                origin=data.name,
                text=f.lead or f.title or "",
            ),
            f,
        )
        for f in ordered
    ]
    step = batch or len(pairs)
    started = time.perf_counter()
    with Store.open(folder / f"{data.name}-{batch}.db", settings) as store:
        for first in range(0, len(pairs), step):
            result = track_features(pairs[first : first + step], store, settings)
            for notice in result.notices:
                print(f"{data.name}, batch {batch}: {notice}", file=sys.stderr)
        seconds = time.perf_counter() - started
        story_of = dict(store.memberships(limit=len(pairs) + 1))
    found = {ref_of[aid]: story for aid, story in story_of.items()}
    for copy, original in data.copies.items():
        found.setdefault(copy, found[original])
    return found, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="+", help="NAME=PATH: a cluster JSONL file or its folder")
    parser.add_argument("--features", type=Path, help="folder to keep the sets' features in")
    parser.add_argument(
        "--batch", type=int, nargs="+", default=[0, 25], help="articles per add (0: all)"
    )
    args = parser.parse_args()
    settings = Settings.load()
    sets = []
    for spec in args.sets:
        name, _, path = spec.rpartition("=")
        sets.append(load_set(name or Path(path).stem, Path(path), settings, args.features))
    table = Table(title="B³ F1 of the stories a store holds, fed in publication order")
    table.add_column("articles per add")
    for data in sets:
        table.add_column(data.name, justify="right")
    with tempfile.TemporaryDirectory() as folder:
        for batch in args.batch:
            cells = []
            for data in sets:
                found, seconds = fed(data, settings, batch, Path(folder))
                result = score("", "system", data.gold, found)
                cells.append(f"{result.f1:.3f} ({result.stories} stories, {seconds:.0f} s)")
            table.add_row("all at once" if batch == 0 else str(batch), *cells)
    Console(width=160).print(table)
    print("Timings are from a shared, noisy machine.", file=sys.stderr)


if __name__ == "__main__":
    main()
