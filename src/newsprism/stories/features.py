"""What clustering reads from one annotated article: two vectors, its entities and terms, its
time.

- The **headline** vector is MiniLM's embedding of the title with the lead (its first
  sentence): what the article says it is about. News writing puts the event there, so two
  reports of one event agree here even when their bodies wander off into different
  background. One sentence of lead groups stories as well as two (with the static body) for
  about half of MiniLM's cost; the title alone does not (docs/performance.md).
- The **body** vector is the static embedding of the whole text (`newsprism.nlp.static`: the
  mean of its word pieces' vectors distilled from MiniLM). In the clusterer's centred
  similarity it groups stories as well as a MiniLM pass over the text's opening did, for a
  few percent of its cost, so the body runs no neural network.
- The **entities** are spelling-insensitive keys of its names: runs of capitalized words
  ("Supreme Court", "Kim Jong Un"), a run's last word also on its own, since later reports
  often use a surname alone. No entity recognizer: the names are read off the tokens, which
  costs next to nothing, and in the clusterer's centred similarity they group stories as
  well as the recognizer's entities did (docs/performance.md).
- The **terms** are its words, lower-cased and counted (no stop words, numbers or one- or
  two-letter tokens): the vocabulary of its topic, which an embedding averaged over a whole
  text blurs ("hepatitis", "caisson", "veto"). No tagger and no lemmas, for the same reason.
- **published** falls back to the time the article was read: a stream without dates is
  still ordered by arrival.

`stream_features` keeps each article's features in the annotation cache under its title and
text, so a run over articles seen before (a warm `add` into a fresh store, `cluster` again)
reads them back without loading spaCy or an encoder: reading them is all it costs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, BinaryIO

import numpy as np

from newsprism import ingest
from newsprism.config import Settings
from newsprism.errors import NotAnnotatedError, Problem
from newsprism.ingest import Sources, collect, prepare_all
from newsprism.model import Article
from newsprism.nlp import (
    EMBEDDING_DIM,
    STATIC_DIM,
    AnnotationCache,
    annotate,
    embed_static,
    embed_texts,
    in_workers,
    model_versions,
    name_key,
    static_version,
    worth_workers,
)
from newsprism.stories.state import FEATURES_VERSION, ArticleFeatures

# CPU seconds of what a worker does for one new article on the stream path (light level
# 6.9 ms, features 7.1 ms with MiniLM in bfloat16), measured on DUC 2007 (docs/performance.md).
STREAM_CPU_SECONDS = 0.014
# Articles a worker takes at a time: small enough that both finish together.
WORKER_CHUNK = 32
# Headlines per MiniLM batch, computed with one torch thread: on the shared two-core
# machine that costs 4.5 ms of CPU a headline in bfloat16, against 5.1 in batches of 64 and
# 22-45 with two threads, which wait for each other's core (docs/performance.md).
HEADLINE_BATCH = 16
# Title and lead, as newsrooms write them: the first sentence carries the event.
LEAD_SENTENCES = 1
# MiniLM reads 128 word pieces; more words are truncated anyway.
LEAD_WORDS = 80
# A headline names the topic: its words weigh as if the article used each this many times
# more (matched by surface form, as the title is not parsed).
TITLE_TERM_BOOST = 3
# An all-capital word longer than this is a shouted word or a dateline ("WASHINGTON"), not
# a name in running text; shorter ones are acronyms ("NATO", "FBI").
ACRONYM_LETTERS = 4
# What ends a sentence, so that the capitalized word after it is only a sentence's opening.
_SENTENCE_END = (".", "!", "?", '"', "\u201c")


def _unit(vector: np.ndarray) -> np.ndarray:
    vector = np.asarray(vector, dtype=np.float32)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector


def headline_text(article: Article) -> str:
    """The title followed by the lead: its first sentence, at most ~80 words."""
    words: list[str] = []
    for sentence in article.sentences[:LEAD_SENTENCES]:
        if words and len(words) + len(sentence.text.split()) > LEAD_WORDS:
            break
        words.extend(sentence.text.split())
    lead = " ".join(words[:LEAD_WORDS])
    title = (article.title or "").strip()
    if title and lead:
        # A period keeps the encoder from reading the headline into the lead's first clause.
        return f"{title.rstrip('.')}. {lead}"
    return title or lead


def _is_name_word(token: Any) -> bool:
    text = token.text
    return bool(
        token.is_alpha
        and text[0].isupper()
        and not (text.isupper() and len(text) > ACRONYM_LETTERS)
    )


def _opens_sentence(token: Any) -> bool:
    """By the punctuation before it, not the sentence recognizer or the parser, so that both
    annotation levels give the same names."""
    if token.i == 0:
        return True
    before = token.doc[token.i - 1].text
    return before in _SENTENCE_END or "\n" in before


def _name_keys(run: list[Any]) -> list[str]:
    """The keys of one run of capitalized words: none for a lone sentence opening or stop
    word ("The", "However"); else the run without a leading stop word, and its last word."""
    if not run or (len(run) == 1 and (run[0].is_stop or _opens_sentence(run[0]))):
        return []
    words = run[1:] if run[0].is_stop else run
    key = name_key(" ".join(t.text for t in words))
    if len(key) <= 2:
        return []
    parts = key.split()
    return [key, parts[-1]] if len(parts) > 1 else [key]


def entity_keys(article: Article) -> frozenset[str]:
    """Normalized keys of the article's names: runs of capitalized words (see the module doc)."""
    if article.doc is None:
        raise NotAnnotatedError(article.id, "tokens")
    keys: set[str] = set()
    run: list[Any] = []
    for token in article.doc:
        if _is_name_word(token):
            run.append(token)
            continue
        keys.update(_name_keys(run))
        run = []
    keys.update(_name_keys(run))
    return frozenset(keys)


def term_counts(article: Article) -> dict[str, int]:
    """Its words, lower-cased (no stop words, numbers or one- or two-letter tokens), those
    the headline also uses counted `TITLE_TERM_BOOST` times more."""
    if article.doc is None:
        raise NotAnnotatedError(article.id, "tokens")
    counts: dict[str, int] = {}
    for token in article.doc:
        if token.is_alpha and len(token) > 2 and not token.is_stop:
            counts[token.lower_] = counts.get(token.lower_, 0) + 1
    headline = {w.casefold() for w in re.findall(r"[^\W\d_]+", article.title or "")}
    for word in headline.intersection(counts):
        counts[word] += TITLE_TERM_BOOST
    return counts


def body_vectors(articles: Sequence[Article]) -> list[np.ndarray | None]:
    """Unit static vectors of the whole texts (None for a text without a word piece). Not
    cached: reading a vector from the disk cache would cost more than computing it."""
    vectors = embed_static([a.text.strip() for a in articles])
    return [row if np.any(row) else None for row in vectors]


def _cache(settings: Settings) -> AnnotationCache:
    return AnnotationCache(
        settings.cache_dir, enabled=settings.cache, max_bytes=settings.cache_max_bytes
    )


def headline_vectors(articles: Sequence[Article], settings: Settings) -> list[np.ndarray | None]:
    """Unit MiniLM headline vectors (None for an article with neither title nor sentences),
    computed in one batch and cached."""
    texts = [headline_text(a) for a in articles]
    cache = _cache(settings)
    versions = model_versions(settings.spacy_model, settings.embedding_package)
    keys = [cache.key(versions, "headline", text) for text in texts]
    rows: list[np.ndarray | None] = [cache.get_array(key) for key in keys]
    missing = [i for i, row in enumerate(rows) if row is None and texts[i]]
    fresh = embed_texts(
        [texts[i] for i in missing],
        settings.embedding_package,
        min(HEADLINE_BATCH, settings.batch_size),
        threads=1,
    )
    for i, vector in zip(missing, fresh, strict=True):
        cache.put_array(keys[i], vector)
        rows[i] = vector
    return [_unit(row) if row is not None else None for row in rows]


def features_for(
    articles: Sequence[Article], settings: Settings | None = None, *, now: datetime | None = None
) -> list[ArticleFeatures]:
    """`features_of` for many articles, with their headlines embedded in one batch."""
    settings = settings or Settings.load()
    if not articles:
        return []
    now = now or datetime.now(UTC)
    bodies = body_vectors(articles)
    headlines = headline_vectors(articles, settings)
    return [
        ArticleFeatures(
            id=article.id,
            published=article.published or now,
            title=article.title,
            source=article.source,
            headline=headline if headline is not None else np.zeros(EMBEDDING_DIM, np.float32),
            body=body if body is not None else np.zeros(STATIC_DIM, np.float32),
            entities=entity_keys(article),
            terms=term_counts(article),
            lead=None if article.title else article.opening(),
        )
        for article, headline, body in zip(articles, headlines, bodies, strict=True)
    ]


def features_of(article: Article, settings: Settings | None = None) -> ArticleFeatures:
    """The clustering features of one annotated article (``doc`` and ``embeddings`` set).

    An article without a publication date gets the current time (the time it was read).
    """
    return features_for([article], settings)[0]


def _features_key(article: Article, versions: str) -> str:
    """What the features depend on: the models, the kind of features, the title and text."""
    kind = f"features:{FEATURES_VERSION}:{static_version()}"
    return AnnotationCache.key(versions, kind, article.title or "", article.text)


def _features_in_worker(
    item: tuple[list[Article], datetime], settings: Settings
) -> list[ArticleFeatures]:
    """A worker's part of `iter_stream_features`: light annotation and features of a chunk."""
    articles, now = item
    light = annotate(articles, settings, level="light", keep_docs=False)
    return features_for(light, settings, now=now)


def iter_stream_features(
    articles: Sequence[Article],
    settings: Settings,
    *,
    step: int | None = None,
    now: datetime | None = None,
    progress: Callable[..., None] | None = None,
) -> Iterator[list[ArticleFeatures]]:
    """`stream_features` of ``articles`` ``step`` at a time (all at once by default), in order.

    When the articles not found in the cache are many enough to pay for worker processes
    (`worth_workers`, at `STREAM_CPU_SECONDS` an article), they are computed on the workers,
    all chunks submitted at once, so that a caller committing each step (``add``) works
    while the workers compute the next ones."""
    now = now or datetime.now(UTC)
    cache = _cache(settings)
    # Once, not per article: it reads the installed packages' metadata.
    versions = model_versions(settings.spacy_model, settings.embedding_package)
    keys = [_features_key(article, versions) for article in articles]
    found: list[ArticleFeatures | None] = []
    for article, key in zip(articles, keys, strict=True):
        data = cache.get_json(key)
        if data is None or not ArticleFeatures.current(data):
            found.append(None)
            continue
        cached = ArticleFeatures.from_dict(data)
        published = article.published or now
        found.append(replace(cached, id=article.id, published=published, source=article.source))
    missing = [i for i, feature in enumerate(found) if feature is None]
    if progress is not None and len(missing) < len(articles):
        progress(len(articles) - len(missing))
    computed: Iterator[ArticleFeatures] | None = None
    if worth_workers(settings, len(missing), STREAM_CPU_SECONDS):
        computed = _from_workers([articles[i] for i in missing], settings, now, progress)
    step = step or max(1, len(articles))
    done = 0  # how many of the missing articles have their features
    for first in range(0, len(articles), step):
        todo = []
        while done < len(missing) and missing[done] < first + step:
            todo.append(missing[done])
            done += 1
        fresh: list[ArticleFeatures] = []
        if computed is not None:
            fresh = [next(computed) for _ in todo]
        elif todo:
            # The features are cached, not the parse they are read from.
            light = annotate(
                [articles[i] for i in todo],
                settings,
                level="light",
                progress=progress,
                keep_docs=False,
            )
            fresh = features_for(light, settings, now=now)
        for i, feature in zip(todo, fresh, strict=True):
            cache.put_json(keys[i], feature.to_dict())
            found[i] = feature
        yield [feature for feature in found[first : first + step] if feature is not None]


def _from_workers(
    articles: list[Article],
    settings: Settings,
    now: datetime,
    progress: Callable[..., None] | None,
) -> Iterator[ArticleFeatures]:
    chunks = [articles[i : i + WORKER_CHUNK] for i in range(0, len(articles), WORKER_CHUNK)]
    results = in_workers(_features_in_worker, [(chunk, now) for chunk in chunks], settings)
    for features in results:
        if progress is not None:
            progress(len(features))
        yield from features


def stream_features(
    articles: Sequence[Article],
    settings: Settings,
    *,
    now: datetime | None = None,
    progress: Callable[..., None] | None = None,
) -> list[ArticleFeatures]:
    """The features of articles not yet annotated, in order: read from the cache for a title
    and text seen before, the others annotated at the light level, computed and cached.

    Only id, date and source are the article's own; the rest is a function of the title and
    text, so a copy under another id shares the cached entry."""
    return [
        feature
        for features in iter_stream_features(articles, settings, now=now, progress=progress)
        for feature in features
    ]


@dataclass
class Stream:
    """Articles read for clustering: unique texts, with their features."""

    articles: list[Article] = field(default_factory=list)
    features: list[ArticleFeatures] = field(default_factory=list)
    copies: dict[str, str] = field(default_factory=dict)  # a copy's id -> the kept article's
    problems: list[Problem] = field(default_factory=list)


def note_undated(stream: Stream, now: datetime) -> None:
    """A notice among the stream's problems when some of its articles have no date."""
    undated = [a.origin or a.ref for a in stream.articles if a.published is None]
    if not undated:
        return
    shown = ", ".join(undated[:3]) + (", …" if len(undated) > 3 else "")
    what = "article has" if len(undated) == 1 else "articles have"
    stream.problems.append(
        Problem(
            f"{len(undated)} {what} no publication date ({shown})",
            f"clustered as published when read, {now:%Y-%m-%d %H:%M} UTC",
            "notice",
        )
    )


def collect_stream(
    inputs: Iterable[str],
    settings: Settings,
    *,
    source: Sources = None,
    stdin: BinaryIO | None = None,
) -> Stream:
    """Read and clean every input article (not annotated yet; see `featurize`); one with
    nothing but a headline is clustered by its headline (`prepare_headline`).

    A second copy of a text is not clustered again but recorded in ``copies``, so that its
    id can be given the story of the first (an output line per input id).
    """
    stream = Stream()
    raws = ingest.read(inputs, settings, source=source, stdin=stdin)
    collection = collect(prepare_all(raws, settings, headlines=True, copies=stream.copies))
    stream.articles, stream.problems = collection.articles, collection.problems
    return stream


def featurize(
    stream: Stream, settings: Settings, *, progress: Callable[..., None] | None = None
) -> Stream:
    """Take the stream's features (`stream_features`; undated articles: now)."""
    now = datetime.now(UTC)
    note_undated(stream, now)
    stream.features = stream_features(stream.articles, settings, now=now, progress=progress)
    return stream


def read_stream(inputs: Iterable[str], settings: Settings, *, source: str | None = None) -> Stream:
    """`collect_stream` and `featurize` in one call."""
    return featurize(collect_stream(inputs, settings, source=source), settings)
