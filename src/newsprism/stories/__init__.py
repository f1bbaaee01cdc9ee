"""Stories from a stream: group articles about one event, online, as they arrive.

Storing a stream and clustering it into the stored stories is `newsprism.workflows.tracking`,
a layer above: this package never loads the database layer.
"""

from newsprism.stories.calibration import (
    Calibration,
    calibrate,
    calibrated_chunks,
    calibrated_stream,
    calibrates,
    describe_setting,
    whole_stream,
)
from newsprism.stories.clustering import StoryClusterer
from newsprism.stories.features import (
    collect_stream,
    features_for,
    features_of,
    featurize,
    iter_stream_features,
    read_stream,
    stream_features,
)
from newsprism.stories.state import ArticleFeatures, Move, StoryState
from newsprism.stories.stream import cluster, cluster_stream, stream_key, stream_order
from newsprism.stories.streaming import cluster_read

__all__ = [
    "ArticleFeatures",
    "Calibration",
    "Move",
    "StoryClusterer",
    "StoryState",
    "calibrate",
    "calibrated_chunks",
    "calibrated_stream",
    "calibrates",
    "cluster",
    "cluster_read",
    "cluster_stream",
    "collect_stream",
    "describe_setting",
    "features_for",
    "features_of",
    "featurize",
    "iter_stream_features",
    "read_stream",
    "stream_features",
    "stream_key",
    "stream_order",
    "whole_stream",
]
