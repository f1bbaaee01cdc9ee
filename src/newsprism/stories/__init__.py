"""Stories from a stream: group articles about one event, online, as they arrive.

`newsprism.workflows.track` (storing a stream and clustering it into the stored stories) is
imported from its module, ``from newsprism.workflows.track import track``: importing it here
would load the database layer with every use of clustering.
"""

from newsprism.stories.cluster import StoryClusterer, cluster
from newsprism.stories.features import features_for, features_of
from newsprism.stories.state import ArticleFeatures, StoryState

__all__ = [
    "ArticleFeatures",
    "StoryClusterer",
    "StoryState",
    "cluster",
    "features_for",
    "features_of",
]
