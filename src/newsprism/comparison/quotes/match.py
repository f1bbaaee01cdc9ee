"""One quote, many outlets: occurrences from different articles matched and grouped.

Two occurrences from different articles match when they are

- ``verbatim``: the same words once case, punctuation and contractions are normalized
  away ("wasn't" / "was not"; spaCy's token norms);
- ``partial``: one is a cut of the other — a common run of lemmas (so that "a very
  good friend" is a cut of "very good friends") covering at least
  `PARTIAL_SHARE` of the shorter one's words, or every ellipsis-separated piece of one
  found in the other, or (same speaker) one ellipsis-separated piece of at least
  `MIN_PIECE` words being such a cut ("We have to walk ... There is a gap" against
  "Sometimes, you have to walk"). Runs of stop words only never count; a short run
  (under `ATTRIBUTION_FREE_RUN` words) counts only when the speakers do not disagree,
  since short phrases recur by chance while long ones do not;
- ``paraphrase``: the same speaker (one canonical entity) and MiniLM embeddings with a
  cosine of at least `PARAPHRASE_COSINE`. With all-MiniLM-L6-v2, restatements of one
  sentence score about 0.75–0.95, while different lines of one speaker about the same
  story (the Trump quotes of the bundled Hanoi reports) score 0.3–0.7; 0.75 keeps
  the first and leaves the second apart.

Identical words under two different speakers match only from `ATTRIBUTION_FREE_RUN`
words up: a long quote credited to someone else is one quote with an attribution
discrepancy, a short one is likely a coincidence.

Matches form groups transitively (union-find). A group's main text is its longest
occurrence (itself labelled ``verbatim``); every other occurrence is labelled by how
it relates to the main text, and a quote found in one article only is ``single``. The
speaker is the canonical entity most occurrences name (the entity at the name's mention
nearest the quotation, else ``entities.find`` on the name), or the name as written when no
entity fits.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from newsprism.config import Settings
from newsprism.model import Article, MatchKind, Quote, QuoteOccurrence
from newsprism.nlp import STAGE_TORCH_THREADS, UnionFind, embed_texts, spacy_pipeline

if TYPE_CHECKING:
    from newsprism.nlp import EntityIndex

PARTIAL_SHARE = 0.6
ATTRIBUTION_FREE_RUN = 8
PARAPHRASE_COSINE = 0.75
# The fewest words of an ellipsis-separated piece that may stand for the whole quote.
MIN_PIECE = 3
# Paraphrase needs enough words for an embedding to mean something.
PARAPHRASE_MIN_WORDS = 4

_ELLIPSIS = re.compile(r"\.\.\.+|…")
_RANK: dict[MatchKind, int] = {"verbatim": 3, "partial": 2, "paraphrase": 1, "single": 0}
# Tagging is all lemmas need; parsing and NER would only cost time.
_UNNEEDED = ("parser", "ner", "newsprism_paragraphs")


@dataclass(frozen=True)
class Words:
    """A rendering's words as written (for verbatim) and as lemmas (for cuts)."""

    surface: tuple[str, ...]
    lemmas: tuple[str, ...]


# The tagger words are read with when the caller names none (the settings' default).
_DEFAULT_MODEL: str = Settings.model_fields["spacy_model"].default


# Quotations already read, by text and model; emptied when it would pass `_WORDS_KEPT`.
_WORDS: dict[tuple[str, str], Words] = {}
_WORDS_KEPT = 8192


def words(text: str, model: str = _DEFAULT_MODEL) -> Words:
    """The words of a quotation, without punctuation; spaCy's norms expand contractions."""
    return read_words([text], model)[0]


def read_words(texts: Sequence[str], model: str = _DEFAULT_MODEL) -> list[Words]:
    """`words` of each text; those not read before go through spaCy in one batch (a call
    of the pipeline per quotation took about twice the CPU of one batch)."""
    known = {t: found for t in texts if (found := _WORDS.get((t, model))) is not None}
    new = [text for text in dict.fromkeys(texts) if text not in known]
    if new:
        nlp = spacy_pipeline(model)
        if len(_WORDS) + len(new) > _WORDS_KEPT:
            _WORDS.clear()
        docs = nlp.pipe(new, disable=[n for n in _UNNEEDED if n in nlp.pipe_names])
        for text, doc in zip(new, docs, strict=True):
            kept = [t for t in doc if not (t.is_punct or t.is_space or t.tag_ == "POS")]
            read = Words(tuple(t.norm_ for t in kept), tuple(t.lemma_.lower() for t in kept))
            known[text] = _WORDS[text, model] = read
    return [known[text] for text in texts]


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    # Imported on first use: spaCy takes about a second to import, and importing the
    # comparison stage should not cost that.
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _content(run: Sequence[str]) -> bool:
    return any(w not in _stop_words() for w in run)


def _contains(longer: list[str], piece: list[str]) -> bool:
    n = len(piece)
    return any(longer[i : i + n] == piece for i in range(len(longer) - n + 1))


def _is_cut(piece: list[str], whole: list[str], same_speaker: bool | None) -> bool:
    """Whether ``whole`` carries a long enough run of ``piece``'s words."""
    block = SequenceMatcher(None, piece, whole, autojunk=False).find_longest_match()
    run = piece[block.a : block.a + block.size]
    trusted = block.size >= ATTRIBUTION_FREE_RUN or same_speaker is not False
    return trusted and _content(run) and block.size >= PARTIAL_SHARE * len(piece)


def relation(
    a: str, b: str, same_speaker: bool | None, model: str = _DEFAULT_MODEL
) -> MatchKind | None:
    """How two renderings relate by their words alone (no embeddings), or None.

    ``same_speaker`` is True/False when both speakers are known, None otherwise. An
    ellipsis marks a cut, so each ellipsis-separated piece of a rendering is an excerpt
    in its own right: one piece of at least `MIN_PIECE` words found in the other
    rendering makes the two a partial match when both have the same speaker.
    """
    wa, wb = words(a, model), words(b, model)
    if not wa.lemmas or not wb.lemmas:
        return None
    if wa.surface == wb.surface and (
        len(wa.surface) >= ATTRIBUTION_FREE_RUN or same_speaker is not False
    ):
        return "verbatim"
    la, lb = list(wa.lemmas), list(wb.lemmas)
    short, long = (la, lb) if len(la) <= len(lb) else (lb, la)
    if _is_cut(short, long, same_speaker):
        return "partial"
    if same_speaker is False:
        return None
    for cut, whole in ((a, lb), (b, la)):
        pieces = [list(words(text, model).lemmas) for text in _ELLIPSIS.split(cut)]
        pieces = [p for p in pieces if p]
        if len(pieces) < 2:
            continue
        if all(_content(p) and _contains(whole, p) for p in pieces):
            return "partial"
        if same_speaker and any(len(p) >= MIN_PIECE and _is_cut(p, whole, True) for p in pieces):
            return "partial"
    return None


def _same(a: str | None, b: str | None) -> bool | None:
    return None if a is None or b is None else a == b


def _speaker_names(
    occurrences: Sequence[QuoteOccurrence], entities: EntityIndex, articles: Sequence[Article]
) -> list[str | None]:
    """Each occurrence's speaker as a canonical entity name (else as the article names it).

    The entity of the speaker's mention nearest the quotation comes first: a surname names
    the person its own article means ("Hutchinson" the governor in one outlet, his son in
    another), which a lookup of the name across the story cannot tell."""
    texts = {a.id: a.text for a in articles}
    names: list[str | None] = []
    for occ in occurrences:
        if not occ.speaker_text:
            names.append(None)
            continue
        entity = None
        text = texts.get(occ.article)
        if text:
            spots = [m.start() for m in re.finditer(re.escape(occ.speaker_text), text)]
            if spots:
                # The name's last word is who it is: "a U.S. intelligence official" is not
                # the United States, "the Obama campaign" not Obama.
                end = min(spots, key=lambda s: abs(s - occ.start)) + len(occ.speaker_text)
                last = len(occ.speaker_text.rstrip().rsplit(maxsplit=1)[-1])
                entity = entities.entity_at(occ.article, end - last, end)
        entity = entity or entities.find(occ.speaker_text)
        names.append(entity.name if entity is not None else occ.speaker_text)
    return names


def _run(a: Sequence[str], b: Sequence[str]) -> int:
    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match().size


def _edges(
    occurrences: Sequence[QuoteOccurrence], speakers: list[str | None], settings: Settings
) -> dict[tuple[int, int], tuple[MatchKind, tuple[float, ...]]]:
    """Every matching pair (i < j) of occurrences from different articles, with its strength.

    Strength orders the matches of one occurrence: the kind first, then the longest run
    of words as written (stronger evidence than the same lemmas), then of lemmas, then
    the cosine of the embeddings.
    """
    edges: dict[tuple[int, int], tuple[MatchKind, tuple[float, ...]]] = {}
    candidates: list[tuple[int, int]] = []
    read_words([o.text or "" for o in occurrences], settings.spacy_model)
    for i, a in enumerate(occurrences):
        wa = words(a.text or "", settings.spacy_model)
        for j in range(i + 1, len(occurrences)):
            b = occurrences[j]
            if a.article == b.article:
                continue
            wb = words(b.text or "", settings.spacy_model)
            same = _same(speakers[i], speakers[j])
            kind = relation(a.text or "", b.text or "", same, settings.spacy_model)
            if kind is not None:
                strength = (_RANK[kind], _run(wa.surface, wb.surface), _run(wa.lemmas, wb.lemmas))
                edges[i, j] = (kind, (*strength, 0.0))
            elif same and min(len(wa.lemmas), len(wb.lemmas)) >= PARAPHRASE_MIN_WORDS:
                candidates.append((i, j))
    if candidates:
        used = sorted({k for pair in candidates for k in pair})
        texts = [occurrences[k].text or "" for k in used]
        vectors = embed_texts(texts, settings.embedding_package, threads=STAGE_TORCH_THREADS)
        row = {k: n for n, k in enumerate(used)}
        for i, j in candidates:
            cosine = float(np.dot(vectors[row[i]], vectors[row[j]]))
            if cosine >= PARAPHRASE_COSINE:
                edges[i, j] = ("paraphrase", (_RANK["paraphrase"], 0, 0, cosine))
    return edges


def _best_sources(
    occurrences: Sequence[QuoteOccurrence],
    edges: dict[tuple[int, int], tuple[MatchKind, tuple[float, ...]]],
    model: str,
) -> dict[tuple[int, int], MatchKind]:
    """The matches to group by: each occurrence's strongest one into each other article.

    A cut chooses what it was cut from. Without this, one short rendering that fits two
    different quotes of another outlet ("We have to walk" — "Sometimes, you have to
    walk" and "We had to walk away from that") would merge them into one quote. A long
    quote still gathers every cut of it that another outlet carries.
    """
    best: dict[tuple[int, str], tuple[tuple[float, ...], tuple[int, int]]] = {}
    for (i, j), (_, strength) in edges.items():
        for cut, other in ((i, j), (j, i)):
            key = (cut, occurrences[other].article)
            if key not in best or strength > best[key][0]:
                best[key] = (strength, (i, j))
    size = [len(words(o.text or "", model).lemmas) for o in occurrences]
    kept: dict[tuple[int, int], MatchKind] = {}
    for (i, j), (kind, _) in edges.items():
        cuts = [c for c in (i, j) if size[c] <= size[i + j - c]]
        if any(best[c, occurrences[i + j - c].article][1] == (i, j) for c in cuts):
            kept[i, j] = kind
    return kept


def match_quotes(
    occurrences: Sequence[QuoteOccurrence],
    entities: EntityIndex,
    articles: Sequence[Article] = (),
    settings: Settings | None = None,
) -> list[Quote]:
    """Group the occurrences of all articles into quotes, each with its speaker and match kinds.

    ``articles`` (the articles the occurrences come from) lets a speaker that
    ``entities.find`` does not know be looked up by its mention in the text; ``settings``
    name the models (the defaults when omitted).
    """
    settings = settings or Settings()
    occurrences = list(occurrences)
    speakers = _speaker_names(occurrences, entities, articles)
    edges = _best_sources(
        occurrences, _edges(occurrences, speakers, settings), settings.spacy_model
    )
    groups = UnionFind(range(len(occurrences)))
    for i, j in edges:
        groups.union(j, i)
    members: dict[int, list[int]] = {}
    for i in range(len(occurrences)):
        members.setdefault(groups.find(i), []).append(i)
    # Quotes come in the order of their first occurrence, as the caller listed them.
    return [_quote(m, occurrences, speakers, edges) for m in members.values()]


def _quote(
    member: list[int],
    occurrences: list[QuoteOccurrence],
    speakers: list[str | None],
    edges: dict[tuple[int, int], MatchKind],
) -> Quote:
    if len(member) == 1:
        only = occurrences[member[0]]
        return Quote(
            text=only.text or "",
            speaker=speakers[member[0]],
            occurrences=[only.model_copy(update={"match": "single"})],
        )
    main = max(member, key=lambda k: (len(occurrences[k].text or ""), -k))
    result: list[QuoteOccurrence] = []
    for k in member:
        if k == main:
            kind: MatchKind = "verbatim"
        else:
            pair = (min(k, main), max(k, main))
            same = _same(speakers[k], speakers[main])
            found = edges.get(pair) or relation(
                occurrences[main].text or "", occurrences[k].text or "", same
            )
            kind = (
                found
                if found is not None
                else max((e for p, e in edges.items() if k in p), key=lambda e: _RANK[e])
            )
        result.append(occurrences[k].model_copy(update={"match": kind}))
    votes = Counter(s for k in member if (s := speakers[k]) is not None)
    speaker = max(votes, key=lambda s: (votes[s], s == speakers[main])) if votes else None
    return Quote(text=occurrences[main].text or "", speaker=speaker, occurrences=result)
