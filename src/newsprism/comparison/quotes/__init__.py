"""Who said what: direct quotations found in each article and matched across outlets."""

from newsprism.comparison.quotes.extract import extract_quotes
from newsprism.comparison.quotes.lexicon import PERSON_PRONOUNS, SPEECH_VERBS, TITLE_WORDS
from newsprism.comparison.quotes.marks import quoted_stretches
from newsprism.comparison.quotes.match import match_quotes
from newsprism.comparison.quotes.pieces import join_quotation_pieces

__all__ = [
    "PERSON_PRONOUNS",
    "SPEECH_VERBS",
    "TITLE_WORDS",
    "extract_quotes",
    "join_quotation_pieces",
    "match_quotes",
    "quoted_stretches",
]
