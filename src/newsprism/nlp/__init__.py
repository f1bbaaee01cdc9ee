"""Linguistic annotation: the models, the annotate stage and its cache, and what is read off
the annotation (entities, places, numbers, times)."""

from newsprism.nlp.groups import UnionFind

__all__ = ["UnionFind"]
