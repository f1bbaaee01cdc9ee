"""The comparison stage: facts, quotes, discrepancies, timeline and framing of one story."""

from newsprism.comparison.compare import compare

__all__ = ["compare"]
