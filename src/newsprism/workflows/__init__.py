"""Orchestration over the stages: track a stream of articles into the store, watch feeds."""

from newsprism.workflows.batch import summarize_sets
from newsprism.workflows.calibrating import story_setting
from newsprism.workflows.story import (
    load_story,
    parse_since,
    published_after,
    story_report,
    what_is_new,
)
from newsprism.workflows.tracking import (
    Tracked,
    TrackResult,
    track,
    track_features,
)
from newsprism.workflows.watching import Tracker, watch

__all__ = [
    "TrackResult",
    "Tracked",
    "Tracker",
    "load_story",
    "parse_since",
    "published_after",
    "story_report",
    "story_setting",
    "summarize_sets",
    "track",
    "track_features",
    "watch",
    "what_is_new",
]
