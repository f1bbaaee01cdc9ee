"""The ingest stage: inputs (files, folders, globs, stdin, URLs, feeds) to clean articles."""

from newsprism.ingest.feeds import looks_like_feed, read_feed
from newsprism.ingest.fetch import ACCEPTED_TYPES, fetch, is_url
from newsprism.ingest.html import read_html
from newsprism.ingest.payload import Payload, check_size, parse_datetime
from newsprism.ingest.read import FOLDER_SUFFIXES, parse, payloads, read, read_clusters_from
from newsprism.ingest.text import looks_like_headline, read_clusters, read_jsonl, read_text

__all__ = [
    "ACCEPTED_TYPES",
    "FOLDER_SUFFIXES",
    "Payload",
    "check_size",
    "fetch",
    "is_url",
    "looks_like_feed",
    "looks_like_headline",
    "parse",
    "parse_datetime",
    "payloads",
    "read",
    "read_clusters",
    "read_clusters_from",
    "read_feed",
    "read_html",
    "read_jsonl",
    "read_text",
]
