"""The persistent store: articles, stories, memberships and feeds (SQLite or PostgreSQL)."""

from newsprism.errors import DatabaseBusyError, StaleStoryError
from newsprism.store.calibrations import Regrouped
from newsprism.store.database import head as schema_revision
from newsprism.store.reports import ComparisonNote
from newsprism.store.search import StoryQuery
from newsprism.store.store import Store

__all__ = [
    "ComparisonNote",
    "DatabaseBusyError",
    "Regrouped",
    "StaleStoryError",
    "Store",
    "StoryQuery",
    "schema_revision",
]
