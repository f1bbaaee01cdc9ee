"""`batch stories`: the stories of an annotated corpus, the same as `newsprism cluster` finds
on the same inputs.

The costly part of clustering, annotating and taking the features, was done on the workers
(`batch annotate`); what is left is the ordered assignment pass of
`newsprism.stories.clustering`, run here as it runs in one process: each article in stream
order joins the story it matches best or starts one. The pass reads the features partition
by partition, merged into stream order (each partition is written in that order), so it
holds one batch of rows per partition and the stories, not the whole corpus.

As `newsprism cluster` does, the story setting is first calibrated on the stream's most
recent `Settings.story_calibration_window` articles (one more read of the features, keeping
only that window), then the whole corpus is clustered with it.
"""

from __future__ import annotations

import heapq
import json
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsprism.config import Settings
from newsprism.distributed.corpus import Manifest, complete, write_text
from newsprism.model import Story
from newsprism.stories import (
    Calibration,
    StoryClusterer,
    calibrate,
    calibrates,
    describe_setting,
    stream_key,
)

if TYPE_CHECKING:
    from newsprism.store import Store

STORIES = "stories.json"


@dataclass
class StoriesResult:
    stories: list[Story]
    # The input's id of every article (copies included) -> its story.
    assignments: dict[str, str] = field(default_factory=dict)
    stored: int = 0  # articles this run added to the store
    skipped: int = 0  # articles the store already held
    setting: str = ""  # the story setting used, for people (`describe_setting`)


def ordered_rows(folder: Path, manifest: Manifest, columns: list[str]) -> Iterator[dict[str, Any]]:
    """Every row of the corpus in stream order, merged from the partitions."""
    from newsprism.distributed.columns import rows

    streams = [rows(folder / p.file, columns) for p in manifest.partitions]
    return heapq.merge(*streams, key=lambda row: stream_key(row["filed"], row["id"]))


def _calibrated(
    folder: Path, manifest: Manifest, settings: Settings
) -> tuple[Settings, Calibration | None]:
    """``settings`` with the rise calibrated on the corpus's most recent articles, as
    `newsprism.stories.calibrated_stream` calibrates them."""
    from newsprism.distributed.columns import FEATURE_COLUMNS, features_of

    if not calibrates(settings):
        return settings, None
    rows = ordered_rows(folder, manifest, list(FEATURE_COLUMNS))
    recent = deque(map(features_of, rows), maxlen=settings.story_calibration_window)
    found = calibrate(list(recent), settings)
    return (found[0].applied(settings), found[0]) if found else (settings, None)


def _assignments(
    refs: dict[str, str], clusterer_members: dict[str, str], manifest: Manifest
) -> dict[str, str]:
    assigned = {ref: clusterer_members[aid] for aid, ref in refs.items()}
    for copy, original in manifest.copies.items():
        if original in assigned:
            assigned.setdefault(copy, assigned[original])
    return assigned


def cluster_corpus(
    folder: Path,
    settings: Settings,
    *,
    store: Store | None = None,
    on_article: Callable[[int], None] | None = None,
) -> StoriesResult:
    """Cluster the corpus in ``folder`` in one ordered pass, and save its stories there
    (`STORIES`, members by article id, for `batch reports`).

    With ``store``, the articles and stories also go into the store, continuing the stories
    it holds (`newsprism.workflows.tracking.track_features`): a rerun skips stored articles."""
    from newsprism.distributed.columns import ARTICLE, FEATURE_COLUMNS, article_of, features_of

    manifest = complete(folder)
    refs: dict[str, str] = {}
    columns = list(dict.fromkeys([*FEATURE_COLUMNS, "input_id", *(ARTICLE.names if store else ())]))

    def in_order() -> Iterator[dict[str, Any]]:
        for row in ordered_rows(folder, manifest, columns):
            refs[row["id"]] = row["input_id"] or row["id"]
            yield row
            if on_article is not None:
                on_article(1)

    if store is None:
        used, calibration = _calibrated(folder, manifest, settings)
        clusterer = StoryClusterer(used)
        for row in in_order():
            clusterer.add(features_of(row))
        result = StoriesResult([s.to_story() for s in clusterer.stories])
        result.setting = describe_setting(settings, calibration, len(refs))
    else:
        from newsprism.workflows import track_features

        pairs = ((article_of(row), features_of(row)) for row in in_order())
        tracked = track_features(pairs, store, settings)
        ours = set(refs)
        result = StoriesResult(
            [s.to_story() for s in store.story_states() if ours.intersection(s.members)],
            stored=len(tracked.stored),
            skipped=len(tracked.duplicates),
        )
    story_of = {m: s.id for s in result.stories for m in s.members}
    result.assignments = _assignments(refs, story_of, manifest)
    data = [s.model_dump(mode="json") for s in result.stories]
    write_text(folder / STORIES, json.dumps(data, ensure_ascii=False) + "\n")
    return result
