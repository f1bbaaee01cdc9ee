"""The comparison stage: facts, quotes, discrepancies, timeline and framing of one story."""

from newsprism.comparison.pipeline import compare
from newsprism.comparison.relatedness import text_vector

__all__ = [
    "compare",
    "text_vector",
]
