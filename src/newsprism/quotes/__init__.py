"""Who said what: direct quotations found in each article and matched across outlets."""

from newsprism.quotes.extract import extract_quotes
from newsprism.quotes.match import match_quotes

__all__ = ["extract_quotes", "match_quotes"]
