"""newsprism on a distributed engine (dask.distributed): annotate a corpus into Parquet,
cluster it into stories, and report on every story, on a local cluster or a real one.

An optional extra (``pip install 'newsprism[distributed]'``): nothing outside this package
imports it, and it imports dask only when an engine starts.
"""

from newsprism.distributed.annotate import AnnotateResult, annotate_corpus, plan
from newsprism.distributed.corpus import Manifest, read_manifest
from newsprism.distributed.engine import EngineSpec, engine, require_dask
from newsprism.distributed.reports import ReportsResult, read_stories, report_corpus, report_files
from newsprism.distributed.stories import StoriesResult, cluster_corpus

__all__ = [
    "AnnotateResult",
    "EngineSpec",
    "Manifest",
    "ReportsResult",
    "StoriesResult",
    "annotate_corpus",
    "cluster_corpus",
    "engine",
    "plan",
    "read_manifest",
    "read_stories",
    "report_corpus",
    "report_files",
    "require_dask",
]
