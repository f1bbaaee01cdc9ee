"""Orchestration over the stages: track a stream of articles into the store, watch feeds."""
