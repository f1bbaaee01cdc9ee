"""A stream clustered in one pass: the publication order it is read in, and batch clustering
with the setting calibrated on the batch (`newsprism.stories.calibration`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from newsprism.config import Settings
from newsprism.model import Article, Assignment
from newsprism.stories.clustering import StoryClusterer
from newsprism.stories.state import ArticleFeatures


def stream_key(published: datetime, article_id: str) -> tuple[datetime, str]:
    """Publication order; ties (same day, often) broken by article id, not by input order,
    so that the stories do not depend on the order the inputs were given in."""
    return published, article_id


def stream_order(features: Sequence[ArticleFeatures]) -> list[ArticleFeatures]:
    """The features in `stream_key` order."""
    return sorted(features, key=lambda f: stream_key(f.published, f.id))


def cluster_stream(features: Sequence[ArticleFeatures], settings: Settings) -> StoryClusterer:
    """One pass over ``features`` in `stream_order`: the clusterer, holding the stories."""
    clusterer = StoryClusterer(settings)
    for feature in stream_order(features):
        clusterer.add(feature)
    return clusterer


def cluster(articles: Sequence[Article], settings: Settings | None = None) -> list[Assignment]:
    """Cluster a batch as a stream, in `stream_order` (undated ones count as published now),
    with the setting calibrated on it (`newsprism.stories.calibration`).

    Articles are annotated (light level) if they are not yet; the assignments keep each article's
    input id and come back in the order of ``articles``.
    """
    from newsprism.nlp import annotate
    from newsprism.stories.calibration import calibrated_stream
    from newsprism.stories.features import features_for

    settings = settings or Settings.load()
    if not articles:
        return []
    if any(a.annotation is None for a in articles):
        articles = annotate(articles, settings, level="light")
    features = features_for(articles, settings)
    story_of = calibrated_stream(features, settings)[0].memberships()
    return [Assignment(id=a.ref, story=story_of[a.id]) for a in articles]
