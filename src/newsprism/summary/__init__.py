"""The summary stage: multi-document extractive summaries with citations."""

from newsprism.summary.summarizer import (
    annotate_set,
    document_set_articles,
    summarize,
    summarize_cluster,
    summarize_document_set,
)
from newsprism.summary.truncated import cut_off, uncut_end

__all__ = [
    "annotate_set",
    "cut_off",
    "document_set_articles",
    "summarize",
    "summarize_cluster",
    "summarize_document_set",
    "uncut_end",
]
