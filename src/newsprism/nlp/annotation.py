"""The annotate stage: sentences, tokens, lemmas, entities, parse, and sentence embeddings.

Two levels. The **full** level (comparison, summaries, story reports) runs the whole spaCy
pipeline, parser included, and embeds every sentence with MiniLM. The **light** level (the
stream path: story clustering) runs what clustering reads: the tokens of the whole text, and
the sentences of its opening only (`OPENING_TOKENS`), from the statistical sentence
recognizer instead of the parser; no tagger, no entity recognizer (story clustering reads
names and words off the tokens, and of the sentences only the first), so its spaCy part costs
a few ms of CPU an article instead of about 190 (see docs/performance.md). Only the full level
embeds every sentence with MiniLM: clustering embeds the title and first sentence with MiniLM
and the whole text with static word-piece vectors instead (`newsprism.stories.features`).

Articles go through one ``nlp.pipe`` call (so ``n_process`` workers start once); every
spaCy result and MiniLM embedding is cached on disk under a key made of the text, the level
and the model versions, so a second run over the same articles only reads the cache.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import nullcontext
from typing import Any, Literal

import numpy as np

from newsprism.config import Settings
from newsprism.model import Article, Mention, Sentence
from newsprism.nlp.cache import AnnotationCache
from newsprism.nlp.embedding import SentenceEmbedder
from newsprism.nlp.models import SENTER_PARAGRAPHS, model_versions, spacy_pipeline
from newsprism.nlp.temporal import zone_of

Level = Literal["light", "full"]
# CPU seconds of the full level for a new 500-word DUC 2007 report: spaCy's parse (0.11)
# and MiniLM on its 25 sentences in bfloat16 (0.15) (docs/performance.md).
FULL_CPU_SECONDS = 0.26
# The light level's pipeline (the full level is the pipeline as loaded): sentences from the
# sentence recognizer (it has its own small network) and newsprism's paragraph rules.
LIGHT_COMPONENTS = ("senter", SENTER_PARAGRAPHS)
# The light level splits into sentences only its opening: the first paragraph, at most this
# many tokens (the stream path reads the first sentence, cut to 80 words). The sentence
# recognizer decides a token from a few tokens on either side (two, in the small English
# model), so it reads `OPENING_CONTEXT` more, and the opening's sentences are those it finds
# in the whole text (docs/performance.md).
OPENING_TOKENS = 256
OPENING_CONTEXT = 16

# "7:20 a.m. MDT and …": the parser takes the abbreviation's period for a full stop.
_CLOCK_END = re.compile(r"\d\s*[ap]\.m\.$", re.IGNORECASE)
_ZONE_WORD = re.compile(r"[A-Z]{2,5}\b")


# "The No. | 3 Republican": the parser takes the period of an abbreviation that stands before
# a numeral for a full stop. Capitalized only: "He voted no. 3 of his aides resigned."
_NUMERAL_SIGN = re.compile(r"\b(?:No|Nos|Vol|Art|Sec|Fig)\.$")


def _numeral_after_sign(text: str, end: int, following: str) -> bool:
    """The previous piece ends in a sign that introduces a numeral and this one opens with it."""
    return following[:1].isdigit() and bool(_NUMERAL_SIGN.search(text, 0, end))


def _zone_after_clock(text: str, end: int, following: str) -> bool:
    """The previous piece ends in a clock time and this one opens with its time zone."""
    zone = _ZONE_WORD.match(following)
    return (
        zone is not None
        and bool(_CLOCK_END.search(text, 0, end))
        and zone_of(zone.group()) is not None
    )


def _sentences(doc: Any, article: Article) -> list[tuple[int, int]]:
    """Sentence character spans without surrounding whitespace.

    The parser sometimes splits a closing quote mark off its sentence, and splits
    quotations at an ellipsis ("We have to walk ... There is a gap"), clock times from
    their zone ("7:20 a.m. | MDT and …") and numerals from their sign ("Nos. | 6-7"); such
    pieces are joined to the sentence before them.
    """
    text = doc.text  # spaCy rebuilds Doc.text from the tokens on every access
    if doc.has_annotation("DEP"):
        spans = [(s.start_char, s.end_char) for s in doc.sents]
    elif doc.has_annotation("SENT_START"):
        spans = _marked_sentences(doc)
    else:
        spans = [(p.start, p.end) for p in article.paragraphs]
    result: list[tuple[int, int]] = []
    for start, end in spans:
        chunk = text[start:end]
        stripped = chunk.strip()
        if not stripped:
            continue
        begin = start + len(chunk) - len(chunk.lstrip())
        joinable = result and "\n" not in text[result[-1][1] : begin]
        after_ellipsis = bool(result) and text.endswith(("...", "\u2026"), 0, result[-1][1])
        if joinable and (
            after_ellipsis
            or not any(c.isalnum() for c in stripped)
            or _zone_after_clock(text, result[-1][1], stripped)
            or _numeral_after_sign(text, result[-1][1], stripped)
        ):
            result[-1] = (result[-1][0], begin + len(stripped))
        else:
            result.append((begin, begin + len(stripped)))
    return result


def _marked_sentences(doc: Any) -> list[tuple[int, int]]:
    """The character spans of the sentences in the tokens whose sentence start is set: the
    whole doc, or the light level's opening (`_mark_openings`), which the tokens after it,
    left unset, end."""
    starts = doc.to_array("SENT_START")
    unset = np.flatnonzero(starts[1:] == 0)
    end = int(unset[0]) + 1 if len(unset) else len(doc)
    firsts = [int(i) for i in np.flatnonzero(starts[:end] == 1)]
    if not firsts or firsts[0] != 0:
        firsts.insert(0, 0)
    lasts = [*firsts[1:], end]
    return [
        (doc[a].idx, doc[b - 1].idx + len(doc[b - 1])) for a, b in zip(firsts, lasts, strict=True)
    ]


def _opening_end(doc: Any) -> int:
    """Where the opening ends: after the whitespace closing the first paragraph with words,
    or at `OPENING_TOKENS`."""
    words = False
    for token in doc[:OPENING_TOKENS]:
        if "\n" in token.text and words:
            return int(token.i) + 1
        words = words or not token.is_space
    return min(len(doc), OPENING_TOKENS)


def _mark_openings(nlp: Any, docs: list[Any], components: Sequence[str]) -> list[Any]:
    """``docs`` (tokens only) with the sentence starts of their openings set, found by
    ``components`` on a copy of each opening and the `OPENING_CONTEXT` tokens after it."""
    ends = [_opening_end(doc) for doc in docs]
    openings = [doc[: end + OPENING_CONTEXT].as_doc() for doc, end in zip(docs, ends, strict=True)]
    for name in components:
        component = nlp.get_pipe(name)
        openings = list(
            component.pipe(openings) if hasattr(component, "pipe") else map(component, openings)
        )
    for doc, opening, end in zip(docs, openings, ends, strict=True):
        for token in opening[1:end]:
            doc[token.i].is_sent_start = bool(token.is_sent_start)
        if len(doc):
            doc[0].is_sent_start = True
    return docs


def _light_pipe(
    nlp: Any, texts: Iterator[str], components: Sequence[str], batch_size: int, n_process: int
) -> Iterator[Any]:
    """The light level's docs: every text tokenized, its opening split into sentences."""
    tokenized = nlp.pipe(texts, batch_size=batch_size, n_process=n_process, disable=nlp.pipe_names)
    batch: list[Any] = []
    for doc in tokenized:
        batch.append(doc)
        if len(batch) == batch_size:
            yield from _mark_openings(nlp, batch, components)
            batch = []
    yield from _mark_openings(nlp, batch, components)


def _with_annotations(article: Article, doc: Any, level: Level) -> Article:
    bounds = _sentences(doc, article)
    text = doc.text
    sentences = [Sentence(start=s, end=e, text=text[s:e]) for s, e in bounds]
    # The light level recognizes no entities (a doc cached by an older light pipeline may
    # hold some: they are not shown, so that both give the same article).
    mentions = _mentions(doc, sentences) if level == "full" else []
    annotated = article.model_copy(update={"sentences": sentences, "mentions": mentions})
    annotated._doc = doc
    annotated._embeddings = None
    annotated._level = level
    return annotated


def _mentions(doc: Any, sentences: Sequence[Sentence]) -> list[Mention]:
    """The entities of ``doc``, each with the index of its sentence."""
    starts = [s.start for s in sentences]
    mentions = []
    for ent in doc.ents:
        index = max(0, np.searchsorted(starts, ent.start_char, side="right") - 1)
        mentions.append(
            Mention(
                start=ent.start_char,
                end=ent.end_char,
                text=ent.text,
                label=ent.label_,
                sentence=int(index),
            )
        )
    return mentions


def annotate(
    articles: Sequence[Article],
    settings: Settings | None = None,
    *,
    level: Level = "full",
    embed: bool | None = None,
    disable: Collection[str] = (),
    progress: Callable[..., None] | None = None,
    keep_docs: bool = True,
) -> list[Article]:
    """Annotated copies of ``articles``, in order, at ``level`` (see the module doc).

    ``embed`` says whether to embed every sentence (by default at the full level only);
    ``disable`` names spaCy components a
    caller does not need (e.g. ``{"ner"}``), which makes annotation faster; without
    ``keep_docs`` the parses are read from the cache but not written to it (a caller that
    caches what it takes from them: the stream path's features).
    """
    embed = level == "full" if embed is None else embed
    settings = settings or Settings.load()
    nlp = spacy_pipeline(settings.spacy_model)
    nlp.max_length = max(nlp.max_length, settings.max_chars)
    cache = _cache(settings)
    disabled = sorted(set(disable))
    keys = _keys(articles, cache, settings, level, disabled)
    docs: list[Any] = [cache.get_doc(key, nlp.vocab) for key in keys]
    return _annotated(
        articles, nlp, keys, docs, cache, settings, level, embed, disabled, progress, keep_docs
    )


def _cache(settings: Settings) -> AnnotationCache:
    return AnnotationCache(
        settings.cache_dir, enabled=settings.cache, max_bytes=settings.cache_max_bytes
    )


def _keys(
    articles: Sequence[Article],
    cache: AnnotationCache,
    settings: Settings,
    level: Level,
    disabled: Sequence[str],
) -> list[str]:
    versions = model_versions(settings.spacy_model, settings.embedding_package)
    # The full level's keys are those from before there were levels: its cache stays valid.
    variant = ",".join(disabled) if level == "full" else f"light:opening:{','.join(disabled)}"
    return [cache.key(versions, variant, a.text) for a in articles]


def unannotated(
    articles: Sequence[Article], settings: Settings, *, embed: bool = True
) -> list[Article]:
    """Those of ``articles`` the full level would annotate afresh: those whose parse or,
    with ``embed``, sentence embeddings are not in the cache."""
    cache = _cache(settings)
    keys = _keys(articles, cache, settings, "full", ())
    return [
        article
        for article, key in zip(articles, keys, strict=True)
        if not (
            cache.has(key, ".spacy")
            and (not embed or cache.has(cache.key(key, "embeddings"), ".npy"))
        )
    ]


def _annotated(
    articles: Sequence[Article],
    nlp: Any,
    keys: list[str],
    docs: list[Any],
    cache: AnnotationCache,
    settings: Settings,
    level: Level,
    embed: bool,
    disabled: list[str],
    progress: Callable[..., None] | None,
    keep_docs: bool = True,
) -> list[Article]:
    """Parse what the cache lacks in one ``nlp.pipe`` and build the articles batch by batch,
    embedding each batch's sentences while spaCy parses the next (`SentenceEmbedder`); the
    new parses are written to ``cache`` when ``keep_docs``."""
    missing = [i for i, doc in enumerate(docs) if doc is None]
    batch_size = settings.batch_size
    if embed:
        # At least four batches where there are that many articles, so that MiniLM has
        # parsed articles to embed while spaCy parses: two reports are parsed one at a time.
        batch_size = max(1, min(batch_size, len(missing) // 4))
    n_process = settings.n_process if len(missing) > settings.batch_size else 1
    # The components after the parser move no sentence boundary, so MiniLM can embed an
    # article's sentences while they run here (the entity recognizer is half of spaCy's
    # time): `_finish` runs them once the article is given to the embedder.
    late = _after_sentences(nlp, disabled) if embed and level == "full" and n_process == 1 else []
    texts = (articles[i].text for i in missing)
    if level == "light":
        wanted = [c for c in LIGHT_COMPONENTS if c not in disabled]
        parsed = _light_pipe(nlp, texts, wanted, batch_size, n_process)
    else:
        parsed = nlp.pipe(
            texts, batch_size=batch_size, n_process=n_process, disable=[*disabled, *late]
        )
    fresh: Iterator[tuple[int, Any]] = zip(missing, parsed, strict=True)
    done = 0  # how many of the missing docs were taken from the pipe
    result: list[Article] = []
    with SentenceEmbedder(cache, settings, progress) if embed else nullcontext() as embedder:
        for first in range(0, len(articles), batch_size):
            chunk = range(first, min(first + batch_size, len(articles)))
            parsed_here = []
            while done < len(missing) and missing[done] < chunk.stop:
                i, doc = next(fresh)
                docs[i] = doc
                parsed_here.append(i - first)
                done += 1
            annotated = [_with_annotations(articles[i], docs[i], level) for i in chunk]
            if embedder is not None:
                embedder.add(annotated, [keys[i] for i in chunk])
            elif progress:
                progress(len(chunk))
            _finish(nlp, late, [annotated[k] for k in parsed_here])
            if keep_docs:
                for k in parsed_here:
                    cache.put_doc(keys[first + k], annotated[k].doc)
            result.extend(annotated)
    return result


def _after_sentences(nlp: Any, disabled: Collection[str]) -> list[str]:
    """The components of the full pipeline after the parser, which sets the sentences."""
    names = [n for n in nlp.pipe_names if n not in disabled]
    return names[names.index("parser") + 1 :] if "parser" in names else []


def _finish(nlp: Any, late: Sequence[str], annotated: Sequence[Article]) -> None:
    """Run the ``late`` components over the parses of ``annotated`` and give the articles
    their entities, as the whole pipeline would have."""
    if not late or not annotated:
        return
    docs = [a.doc for a in annotated]
    for name in late:
        component = nlp.get_pipe(name)
        docs = list(component.pipe(docs) if hasattr(component, "pipe") else map(component, docs))
    for article, doc in zip(annotated, docs, strict=True):
        article._doc = doc
        article.mentions = _mentions(doc, article.sentences)
