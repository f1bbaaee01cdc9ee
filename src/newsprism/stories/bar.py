"""The bar an article's similarity must reach to join a story, by how far apart in time they are.

Reports of one event come together: the outlets that cover it do so within a day or two. An
article far in time from a story is more likely a new event with the same actors and words
(another vote on the same bill, another storm on the same coast) than another report of it,
so it must resemble the story more closely to join it. The bar rises from
`Settings.story_threshold` for a report at the story's own time towards that plus
`Settings.story_time_rise` as the gap grows past the story's time scale::

    bar = threshold + rise * (1 - exp(-gap / scale))

The time scale is the story's own rhythm, not a constant: `Settings.story_time_scale_days`
for a story whose reports all came at once, and the mean gap between its reports when they
came further apart. A story followed for months (a trial, a drought) has shown that its
reports come weeks apart, so a report weeks after its last one is in step with it; a story
whose three reports came on one afternoon has not. So the same setting serves a stream of
one-day events and a stream of topics followed for years, without knowing which it reads.
"""

from __future__ import annotations

import math
from datetime import datetime

from newsprism.config import Settings
from newsprism.stories.state import StoryState

DAY = 86_400.0


def gap_days(published: datetime, story: StoryState) -> float:
    """Days between ``published`` and the nearest end of the story's time span (0 inside it)."""
    if published > story.last_seen:
        return (published - story.last_seen).total_seconds() / DAY
    if published < story.first_seen:
        return (story.first_seen - published).total_seconds() / DAY
    return 0.0


def time_scale(story: StoryState, settings: Settings) -> float:
    """The story's rhythm in days: the mean gap between its reports, at least the setting."""
    scale = settings.story_time_scale_days
    if len(story.members) > 1:
        span = (story.last_seen - story.first_seen).total_seconds() / DAY
        scale = max(scale, span / (len(story.members) - 1))
    return scale


def join_bar(published: datetime, story: StoryState, settings: Settings) -> float:
    """The least similarity for an article published at ``published`` to join ``story``."""
    gap = gap_days(published, story)
    rise = settings.story_time_rise * (1.0 - math.exp(-gap / time_scale(story, settings)))
    return settings.story_threshold + rise
