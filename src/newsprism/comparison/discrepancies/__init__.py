"""Where outlets contradict each other: numbers, times, places, roles, attributions."""

from newsprism.comparison.discrepancies.find import find_disagreements
from newsprism.comparison.discrepancies.frames import is_predicate, main_predicates

__all__ = [
    "find_disagreements",
    "is_predicate",
    "main_predicates",
]
