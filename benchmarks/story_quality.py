"""Story clustering on several kinds of news: newsprism beside the offline baselines, scored in
one run on every set given, and the leave-one-dataset-out figures.

    python benchmarks/story_quality.py duc=DIR_OR_FILE allsides=DIR basil=DIR \\
        [--features CACHE_DIR] [--grid story_threshold=0.2,0.24,0.28]

Each set is a cluster JSONL file, or a folder holding ``clusters.jsonl``; its gold is the
``gold.jsonl`` beside it when there is one (``{"id", "story"}`` lines), else each document's
cluster. All documents of a set are read as one stream, as ``newsprism cluster`` reads them
(`read_stream`), and clustered in publication order. With ``--features`` the features are
kept in that folder, keyed by the file's bytes, the code that computes them (`FEATURE_SOURCES`),
the models and the settings other than the clustering decision's, so a rerun skips annotation.

Printed, per set: newsprism at the settings given (the defaults, plus ``--set``), newsprism
with the setting calibrated on the set without the gold (`newsprism.stories.calibration`,
what ``newsprism cluster`` does; its choice and every candidate's silhouette on stderr;
being chosen without the gold, its leave-one-dataset-out figure is its in-set one), and the
baselines of `newsprism.evaluation.clusters` on the same features (TF-IDF, embeddings and
newsprism's spaces; average linkage at the best-silhouette threshold and HDBSCAN; the gold-
tuned "oracle" is a bound, not a result). Then, over the settings of ``--grid`` (a product
of the values given), the leave-one-dataset-out table: for each set, the setting with the
best mean F1 over the *other* sets, scored on this one, beside the setting best on this set
itself (in-set) and the settings given. The held-out figure is what a user with news of a
kind nobody tuned on sees.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import pickle
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

import newsprism
from newsprism.config import Settings
from newsprism.evaluation.clusters import ClusterScores, baselines, read_assignments, score
from newsprism.nlp.models import model_versions
from newsprism.stories.calibration import calibrated_stream
from newsprism.stories.state import ArticleFeatures
from newsprism.stories.stream import cluster_stream

# What computes a set's features: reading and cleaning, annotation, the features taken from
# it. The key holds these sources, not all of newsprism, so that a change elsewhere (summaries,
# comparison, the clustering decision) keeps the cached features.
FEATURE_SOURCES = (
    "ingest/",
    "nlp/",
    "model/",
    "stories/features.py",
    "comparison/relatedness.py",
)
# The settings those read (the rest only say where to cache, how fast, or how to cluster).
FEATURE_SETTINGS = ("max_bytes", "max_chars", "languages", "min_language_confidence",
                    "spacy_model", "embedding_package")  # fmt: skip
DEFAULT_GRID: dict[str, list[float]] = {
    "story_threshold": [0.22, 0.26, 0.3, 0.34, 0.4],
    "story_time_rise": [0.0, 0.25],
}


@dataclass
class DataSet:
    name: str
    path: Path
    features: list[ArticleFeatures]
    ids: list[str]  # document id of each feature
    copies: dict[str, str]  # a repeated text's id -> the id of the kept copy
    gold: dict[str, str]


def _clusters_file(path: Path) -> Path:
    return path / "clusters.jsonl" if path.is_dir() else path


def _feature_key(settings: Settings) -> str:
    """What the features depend on: the sources of `FEATURE_SOURCES`, the models' versions
    and `FEATURE_SETTINGS`."""
    root = Path(newsprism.__file__).parent
    digest = hashlib.sha256()
    for source in sorted(root.rglob("*")):
        relative = source.relative_to(root).as_posix()
        if (
            source.is_file()
            and relative.startswith(FEATURE_SOURCES)
            and "__pycache__" not in relative
        ):
            digest.update(relative.encode() + source.read_bytes())
    digest.update(
        "|".join(model_versions(settings.spacy_model, settings.embedding_package)).encode()
    )
    kept = settings.model_dump(mode="json", include=set(FEATURE_SETTINGS))
    digest.update(json.dumps(kept, sort_keys=True).encode())
    return digest.hexdigest()


def load_set(name: str, path: Path, settings: Settings, cache: Path | None) -> DataSet:
    """The set's features (from ``cache`` when it has them) and its gold."""
    from newsprism.stories.features import read_stream

    clusters = _clusters_file(path)
    gold_file = clusters.with_name("gold.jsonl")
    gold, problems = read_assignments(gold_file if gold_file.exists() else clusters, settings)
    if problems:
        raise SystemExit(f"{gold_file}: {problems[0]}")
    key = hashlib.sha256(clusters.read_bytes() + _feature_key(settings).encode()).hexdigest()[:24]
    stored = cache / f"{key}.pickle" if cache else None
    if stored is not None and stored.exists():
        data: dict[str, Any] = pickle.loads(stored.read_bytes())
    else:
        started = time.perf_counter()
        stream = read_stream([str(clusters)], settings)
        data = {
            "features": stream.features,
            "ids": [article.ref for article in stream.articles],
            "copies": stream.copies,
        }
        print(
            f"{name}: {len(data['ids'])} articles read and annotated in "
            f"{time.perf_counter() - started:.0f} s",
            file=sys.stderr,
        )
        if stored is not None:
            stored.parent.mkdir(parents=True, exist_ok=True)
            stored.write_bytes(pickle.dumps(data))
    return DataSet(name, clusters, data["features"], data["ids"], data["copies"], gold)


def run_newsprism(data: DataSet, settings: Settings, calibrated: bool = False) -> dict[str, str]:
    """Document id -> story, the set clustered as one stream in publication order (with
    the setting calibrated on the stream when ``calibrated``, as `newsprism cluster` does)."""
    if calibrated:
        clusterer, calibration = calibrated_stream(data.features, settings)
        shown = calibration.describe() if calibration else "nothing to calibrate"
        print(f"{data.name}: calibrated: {shown}", file=sys.stderr)
        if calibration:
            for c in calibration.candidates:
                print(f"  threshold {c.threshold:g}, rise {c.rise:g}: silhouette "
                      f"{c.silhouette:.4f}, {c.stories} stories", file=sys.stderr)  # fmt: skip
        story_of = clusterer.memberships()
    else:
        story_of = cluster_stream(data.features, settings).memberships()
    found = {ref: story_of[f.id] for f, ref in zip(data.features, data.ids, strict=True)}
    for copy, original in data.copies.items():
        found.setdefault(copy, found[original])
    return found


def _grid(specs: Sequence[str]) -> list[dict[str, float]]:
    axes: dict[str, list[float]] = dict(DEFAULT_GRID) if not specs else {}
    for spec in specs:
        field, _, values = spec.partition("=")
        if field not in Settings.model_fields or not values:
            raise SystemExit(f"--grid {spec}: expected FIELD=v1,v2,... with a Settings field")
        axes[field] = [float(v) for v in values.split(",")]
    return [dict(zip(axes, combo, strict=True)) for combo in itertools.product(*axes.values())]


def _label(setting: Mapping[str, Any]) -> str:
    shown = (
        f"{k.removeprefix('story_')} {format(v, 'g') if isinstance(v, float) else v}"
        for k, v in setting.items()
    )
    return ", ".join(shown) or "-"


def _scores_table(title: str, rows: list[ClusterScores]) -> Table:
    table = Table(title=title, title_justify="left")
    for column in ("system", "stories", "B³ P", "B³ R", "B³ F1", "ARI", "how"):
        table.add_column(column, justify="left" if column in ("system", "how") else "right")
    for row in sorted(rows, key=lambda r: (r.kind == "oracle", -r.f1)):
        table.add_row(
            row.name, str(row.stories), f"{row.precision:.3f}", f"{row.recall:.3f}",
            f"{row.f1:.3f}", f"{row.ari:.3f}", row.note,
            style="bold green" if row.kind == "system" else "dim" if row.kind == "oracle" else "",
        )  # fmt: skip
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="+", help="NAME=PATH: a cluster JSONL file or its folder")
    parser.add_argument("--features", type=Path, help="folder to keep the sets' features in")
    parser.add_argument("--set", action="append", default=[], help="FIELD=VALUE for newsprism")
    parser.add_argument("--grid", action="append", default=[], help="FIELD=v1,v2,...")
    parser.add_argument("--no-baselines", action="store_true", help="newsprism rows only")
    args = parser.parse_args()

    overrides: dict[str, Any] = {}
    for spec in args.set:
        field, _, value = spec.partition("=")
        overrides[field] = value
    settings = Settings.load(**overrides)
    console = Console(width=160)
    sets: list[DataSet] = []
    for spec in args.sets:
        name, _, path = spec.rpartition("=")
        sets.append(load_set(name or Path(path).stem, Path(path), settings, args.features))

    fixed = settings.model_copy(update={"story_calibrate": False})
    for data in sets:
        started = time.perf_counter()
        given = run_newsprism(data, fixed)
        seconds = time.perf_counter() - started
        rows = [
            score("newsprism", "system", data.gold, given, f"{_label(overrides)}; {seconds:.1f} s")
        ]
        started = time.perf_counter()
        tuned = run_newsprism(data, settings, calibrated=True)
        seconds = time.perf_counter() - started
        rows.append(
            score(
                "newsprism, calibrated", "system", data.gold, tuned, f"silhouette; {seconds:.1f} s"
            )
        )
        if not args.no_baselines:
            wanted = [i for i, ref in enumerate(data.ids) if ref in data.gold]
            rows += baselines(
                [data.features[i] for i in wanted],
                [data.ids[i] for i in wanted],
                data.gold,
                data.copies,
                settings,
            )
        title = (
            f"{data.name}: {len(data.gold)} documents, {len(set(data.gold.values()))} gold stories"
        )
        console.print(_scores_table(title, rows))

    grid = _grid(args.grid)
    f1: dict[tuple[int, str], float] = {}
    for index, setting in enumerate(grid):
        for data in sets:
            predicted = run_newsprism(data, settings.model_copy(update=setting))
            f1[index, data.name] = score("", "system", data.gold, predicted).f1
    every = Table(title="B³ F1 of each setting of the grid", title_justify="left")
    every.add_column("setting")
    for data in sets:
        every.add_column(data.name, justify="right")
    for index, setting in enumerate(grid):
        every.add_row(_label(setting), *(f"{f1[index, d.name]:.3f}" for d in sets))
    console.print(every)
    table = Table(
        title=f"Leave one dataset out: {len(grid)} settings, chosen by mean B³ F1 on the other sets",
        title_justify="left",
    )
    for column in ("held-out set", "chosen on the others", "held-out F1", "in-set best", "F1",
                   "gap"):  # fmt: skip
        table.add_column(column, justify="right" if "F1" in column or column == "gap" else "left")
    for data in sets:
        others = [d.name for d in sets if d is not data] or [data.name]
        chosen = max(range(len(grid)), key=lambda i: sum(f1[i, o] for o in others))
        best = max(range(len(grid)), key=lambda i: f1[i, data.name])
        held, inset = f1[chosen, data.name], f1[best, data.name]
        table.add_row(
            data.name, _label(grid[chosen]), f"{held:.3f}", _label(grid[best]), f"{inset:.3f}",
            f"{inset - held:.3f}",
        )  # fmt: skip
    everywhere = max(range(len(grid)), key=lambda i: min(f1[i, d.name] for d in sets))
    console.print(table)
    console.print(
        f"Best single setting on all sets (by the worst set): {_label(grid[everywhere])}: "
        + ", ".join(f"{d.name} {f1[everywhere, d.name]:.3f}" for d in sets)
    )


if __name__ == "__main__":
    main()
