"""Linguistic annotation: the models, the annotate stage and its cache, and what is read off
the annotation (entities, places, numbers, times)."""

from newsprism.nlp.annotation import FULL_CPU_SECONDS, annotate, unannotated
from newsprism.nlp.cache import AnnotationCache
from newsprism.nlp.datelines import dateline_length
from newsprism.nlp.embedding import embed_cached
from newsprism.nlp.entities import EntityIndex, resolve_entities, strip_title
from newsprism.nlp.gazetteer import city_of, country_of, is_demonym, name_key, plain_key
from newsprism.nlp.groups import UnionFind
from newsprism.nlp.models import (
    EMBEDDING_DIM,
    MAX_SEQ_LENGTH,
    STAGE_TORCH_THREADS,
    blas_threads,
    embed_texts,
    embedding_precision,
    model_versions,
    sentence_encoder,
    spacy_pipeline,
)
from newsprism.nlp.numbers import (
    is_scale,
    parse_number,
    parse_ordinal,
    ranges_conflict,
    stated_value,
)
from newsprism.nlp.spans import sentences_of
from newsprism.nlp.static import STATIC_DIM, embed_static, static_version
from newsprism.nlp.temporal import (
    Reference,
    TimeValue,
    day_range,
    reference,
    resolve_times,
    same_time,
)
from newsprism.nlp.workers import in_workers, shutdown_workers, worth_workers

__all__ = [
    "EMBEDDING_DIM",
    "FULL_CPU_SECONDS",
    "MAX_SEQ_LENGTH",
    "STAGE_TORCH_THREADS",
    "STATIC_DIM",
    "AnnotationCache",
    "EntityIndex",
    "Reference",
    "TimeValue",
    "UnionFind",
    "annotate",
    "blas_threads",
    "city_of",
    "country_of",
    "dateline_length",
    "day_range",
    "embed_cached",
    "embed_static",
    "embed_texts",
    "embedding_precision",
    "in_workers",
    "is_demonym",
    "is_scale",
    "model_versions",
    "name_key",
    "parse_number",
    "parse_ordinal",
    "plain_key",
    "ranges_conflict",
    "reference",
    "resolve_entities",
    "resolve_times",
    "same_time",
    "sentence_encoder",
    "sentences_of",
    "shutdown_workers",
    "spacy_pipeline",
    "stated_value",
    "static_version",
    "strip_title",
    "unannotated",
    "worth_workers",
]
