"""Who said what: direct quotations found in each article and matched across outlets."""

from newsprism.comparison.quotes.extract import extract_quotes
from newsprism.comparison.quotes.match import match_quotes

__all__ = ["extract_quotes", "match_quotes"]
