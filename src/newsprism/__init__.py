"""newsprism: compare news reports of one event across outlets."""

from newsprism.config import Settings
from newsprism.model import (
    Article,
    Cluster,
    Comparison,
    Entity,
    Mention,
    RawArticle,
    Sentence,
    Span,
)

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Cluster",
    "Comparison",
    "Entity",
    "Mention",
    "RawArticle",
    "Sentence",
    "Settings",
    "Span",
    "__version__",
]
