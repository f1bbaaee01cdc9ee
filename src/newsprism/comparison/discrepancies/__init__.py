"""Where outlets contradict each other: numbers, times, places, roles, attributions."""

from newsprism.comparison.discrepancies.attributions import same_words, words_of
from newsprism.comparison.discrepancies.find import find_disagreements
from newsprism.comparison.discrepancies.frames import (
    PARALLEL,
    is_predicate,
    is_speech,
    main_predicates,
)

__all__ = [
    "PARALLEL",
    "find_disagreements",
    "is_predicate",
    "is_speech",
    "main_predicates",
    "same_words",
    "words_of",
]
