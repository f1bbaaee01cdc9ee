"""The comparison stage: facts, quotes, discrepancies, timeline and framing of one story."""
