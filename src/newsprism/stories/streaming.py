"""A batch read as a stream, its features clustered as they are computed.

`featurize` then `calibrated_stream` would leave the clustering (about a third of a cold
`newsprism cluster`'s CPU on the DUC 2007 stream) to wait for the last article's features,
and the features (on the worker processes, when they run) to be done before it starts.
Here the articles are taken in stream order, `WORKER_CHUNK` at a time, and each chunk of
features goes to the clusterer as it comes (`calibrated_chunks`), so that on two cores the
main process clusters while the workers compute the next chunks; only the whole stream
clustered again with the calibrated rise waits for the last one. The stories are those of
`featurize` and `calibrated_stream` (the same features, in the same order).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

from newsprism.config import Settings
from newsprism.stories.calibration import Calibration, calibrated_chunks
from newsprism.stories.clustering import StoryClusterer
from newsprism.stories.features import WORKER_CHUNK, Stream, iter_stream_features, note_undated
from newsprism.stories.state import ArticleFeatures
from newsprism.stories.stream import stream_key


def cluster_read(
    stream: Stream, settings: Settings, *, progress: Callable[..., None] | None = None
) -> tuple[StoryClusterer, Calibration | None]:
    """The stream's features (set on it, in the order of its articles, as `featurize` does)
    and its stories, clustered with the calibrated setting as `calibrated_stream` does."""
    now = datetime.now(UTC)
    note_undated(stream, now)
    articles = stream.articles
    order = sorted(
        range(len(articles)),
        key=lambda i: stream_key(articles[i].published or now, articles[i].id),
    )
    found: list[ArticleFeatures | None] = [None] * len(articles)

    def chunks() -> Iterator[list[ArticleFeatures]]:
        done = 0
        for chunk in iter_stream_features(
            [articles[i] for i in order], settings, step=WORKER_CHUNK, now=now, progress=progress
        ):
            for i, feature in zip(order[done : done + len(chunk)], chunk, strict=True):
                found[i] = feature
            done += len(chunk)
            yield chunk

    result = calibrated_chunks(chunks(), len(articles), settings)
    stream.features = [feature for feature in found if feature is not None]
    return result
