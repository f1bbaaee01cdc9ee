"""Renderings of a `Comparison` for people: terminal, Markdown (HTML comes later)."""

from newsprism.report.markdown import to_markdown

__all__ = ["to_markdown"]
