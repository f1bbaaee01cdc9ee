"""Linguistic annotation: the models, the annotate stage and its cache, and what is read off
the annotation (entities, places, numbers, times)."""
