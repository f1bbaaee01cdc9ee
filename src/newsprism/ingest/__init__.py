"""The ingest stage: inputs (files, folders, globs, stdin, URLs, feeds) to clean articles."""

from newsprism.ingest.download import ACCEPTED_TYPES, client, fetch, is_url
from newsprism.ingest.feeds import looks_like_feed, read_feed
from newsprism.ingest.html import read_html
from newsprism.ingest.payload import Payload, check_size, parse_datetime
from newsprism.ingest.polling import Poll, Schedule, failed, poll
from newsprism.ingest.prepare import Collection, collect, prepare_all, read_articles
from newsprism.ingest.read import (
    FOLDER_SUFFIXES,
    Sources,
    parse,
    payloads,
    read,
    read_clusters_from,
    read_document_sets_from,
)
from newsprism.ingest.sources import Source, SourceList
from newsprism.ingest.text import (
    json_records,
    looks_like_headline,
    read_clusters,
    read_document_sets,
    read_jsonl,
    read_text,
)

__all__ = [
    "ACCEPTED_TYPES",
    "FOLDER_SUFFIXES",
    "Collection",
    "Payload",
    "Poll",
    "Schedule",
    "Source",
    "SourceList",
    "Sources",
    "check_size",
    "client",
    "collect",
    "failed",
    "fetch",
    "is_url",
    "json_records",
    "looks_like_feed",
    "looks_like_headline",
    "parse",
    "parse_datetime",
    "payloads",
    "poll",
    "prepare_all",
    "read",
    "read_articles",
    "read_clusters",
    "read_clusters_from",
    "read_document_sets",
    "read_document_sets_from",
    "read_feed",
    "read_html",
    "read_jsonl",
    "read_text",
]
