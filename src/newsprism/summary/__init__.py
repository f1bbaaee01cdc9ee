"""The summary stage: multi-document extractive summaries with citations."""

from newsprism.summary.summarizer import summarize, summarize_cluster

__all__ = ["summarize", "summarize_cluster"]
