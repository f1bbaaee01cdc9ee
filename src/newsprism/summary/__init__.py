"""The summary stage: multi-document extractive summaries with citations."""

from newsprism.summary.summarizer import summarize, summarize_cluster, summarize_document_set
from newsprism.summary.truncated import cut_off

__all__ = [
    "cut_off",
    "summarize",
    "summarize_cluster",
    "summarize_document_set",
]
