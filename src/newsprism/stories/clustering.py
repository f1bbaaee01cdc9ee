"""Online story clustering: each article, in publication order, joins the story it matches
best or starts a new one. One pass, no look-ahead, so a stream can be clustered as it comes.

An article is compared with a story in four spaces, each by the cosine between the article
and the story's centroid (the sum of its members), and the four cosines are averaged with
the weights `Settings.story_weight_*`:

- **headline** (MiniLM's embedding of the title and first sentence) and **body** (static
  vectors of the whole text) embeddings, both **centred on the stream's own mean** (`newsprism.stories.background`): what all its articles share is not
  counted as resemblance;
- **entities**: the story's named entities, each weighted by how many members name it and
  by its inverse document frequency (BM25's form, learned online from the stream, so
  "United States" counts little and "Hebron" a lot);
- **terms**: TF-IDF over content-word lemmas (sublinear term frequency, IDF as of the
  article's arrival), the classic representation of topic detection and tracking, which
  keeps the specific vocabulary of a topic that a sentence-embedding average blurs.

The article joins the story whose score clears its bar by the most, else it starts a new
story. The bar is `Settings.story_threshold`, raised for an article far in time from the
story by up to `Settings.story_time_rise` on the story's own time scale
(`newsprism.stories.bar`; no rise by default). **Time** is also a hard gate: a story quiet
for longer than `Settings.story_window_days` before the article was published cannot absorb
it.

A decision to start a story is revisited, in a bounded way (topic detection and tracking's
*deferral*): when a story grows, the one-article stories nearest to it are scored against it
again, and each that now reaches the threshold joins it. An early report of a topic often
falls short of the bar against the first article of its story and clears it against the
story a few reports later. A one-article story that no report has joined for
`Settings.story_lone_days` meets a lower bar (`Settings.story_lone_margin`): a story of its
own would have been reported again by then. That is judged by the stream's clock (the
latest publication time it has read): when the clock passes a lone article's time by
`story_lone_days`, the article is scored once against its candidate stories at the lower
bar, and joins the best it clears, whether or not a story near it grows again. These moves
are reported (`take_moves`), so a store can follow them.

Candidates come from an approximate nearest-neighbour index over the story centroids
(`newsprism.stories.index`) plus the most recently active stories, so the cost per article
stays nearly flat as stories accumulate; they are scored all at once, with the stream's
statistics, by `newsprism.stories.spaces`.
"""

from __future__ import annotations

import heapq
import math
from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta

import numpy as np

from newsprism.config import Settings
from newsprism.stories.bar import join_bar
from newsprism.stories.index import StoryIndex
from newsprism.stories.spaces import Match, Spaces
from newsprism.stories.state import ArticleFeatures, Move, StoryState

# A story's centroid keeps its heaviest terms only (pruned when it holds twice as many):
# the tail is words that one member used once, which match little and cost memory.
STORY_TERMS = 200


def _truncate(story: StoryState) -> float:
    """Keep the `STORY_TERMS` heaviest terms of a story's centroid; its new squared norm.

    The term counts stay whole: they are the stream's document frequencies once a store
    rebuilds the clusterer, and pruned they made a rare term rarer after every rebuild (the
    DUC stream fed to a store 25 articles at a time: B³ F1 0.895 against 0.907 in one pass;
    whole, 0.907)."""
    kept = sorted(story.term_weights.items(), key=lambda item: (-item[1], item[0]))
    story.term_weights = dict(kept[:STORY_TERMS])
    return sum(w * w for w in story.term_weights.values())


def story_id(first_article: str) -> str:
    """A story is named after the article that started it: stable across runs."""
    return f"s-{first_article}"


def _unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector


def _key_vector(headline: np.ndarray, body: np.ndarray) -> np.ndarray:
    """What the index searches by: headline and body directions side by side, equally
    weighted (the two are vectors of different models and sizes)."""
    return (np.concatenate([_unit(headline), _unit(body)]) / math.sqrt(2)).astype(np.float32)


class StoryClusterer:
    """Single-pass clustering of `ArticleFeatures` into `StoryState`s (see the module doc)."""

    def __init__(
        self, settings: Settings | None = None, stories: Iterable[StoryState] = ()
    ) -> None:
        self.settings = settings or Settings.load()
        self.spaces = Spaces(self.settings)
        self.window = timedelta(days=self.settings.story_window_days)
        self._stories: list[StoryState] = []
        self._gone: set[int] = set()  # slots of stories whose article moved out
        self._moves: list[Move] = []
        self._slots: dict[str, int] = {}
        self._index: StoryIndex | None = None
        self._recent: OrderedDict[int, None] = OrderedDict()
        # Headline vector of each story's title holder, known for titles chosen in this run.
        self._title_vectors: dict[int, np.ndarray] = {}
        # The stream's clock (the latest publication time read), and the one-article
        # stories not yet judged at the lone bar, by their article's time.
        self._clock: datetime | None = None
        self._waiting: list[tuple[datetime, str]] = []
        self._restore(sorted(stories, key=lambda state: state.last_seen))

    @property
    def stories(self) -> list[StoryState]:
        return [s for slot, s in enumerate(self._stories) if slot not in self._gone]

    def __len__(self) -> int:
        """The number of stories."""
        return len(self._stories) - len(self._gone)

    def story(self, story_id: str) -> StoryState:
        """The story of that id (KeyError when there is none, or it was merged away)."""
        return self._stories[self._slots[story_id]]

    def memberships(self) -> dict[str, str]:
        """Article id -> id of the story it belongs to now (after any moves)."""
        return {member: story.id for story in self.stories for member in story.members}

    def take_moves(self) -> list[Move]:
        """The moves made since the last call (see the module doc), oldest first."""
        moves, self._moves = self._moves, []
        return moves

    def _restore(self, states: list[StoryState]) -> None:
        """Take over stories kept from an earlier run (oldest activity first)."""
        first = len(self._stories)
        for slot, state in enumerate(states, first):
            self._stories.append(state)
            self._slots[state.id] = slot
            self.spaces.count(
                state.entity_counts,
                state.term_counts,
                state.headline_sum,
                state.body_sum,
                len(state.members),
            )
            self.spaces.term_norms[slot] = sum(w * w for w in state.term_weights.values())
            self._touch(slot)
            self._tick(state.last_seen)
            if len(state.members) == 1:
                heapq.heappush(self._waiting, (state.first_seen, state.id))
        if states:
            keys = np.stack([_key_vector(s.headline_sum, s.body_sum) for s in states])
            self._indexed(keys.shape[1]).upsert_many(list(range(first, len(self._stories))), keys)

    def _indexed(self, dim: int) -> StoryIndex:
        if self._index is None:
            self._index = StoryIndex(dim)
        return self._index

    def _touch(self, slot: int) -> None:
        self._recent[slot] = None
        self._recent.move_to_end(slot)
        while len(self._recent) > self.settings.story_recent:
            self._recent.popitem(last=False)

    def term_vector(self, terms: Mapping[str, int]) -> dict[str, float]:
        """The unit TF-IDF vector of an article's terms, with the IDF of the stream so far."""
        return self.spaces.term_vector(terms)

    def match(self, features: ArticleFeatures, story: StoryState) -> Match:
        """How well the article fits ``story`` (time aside: see `candidates`)."""
        return self._match(features, self.term_vector(features.terms), story)

    def _match(
        self, features: ArticleFeatures, terms: Mapping[str, float], story: StoryState
    ) -> Match:
        return self.spaces.matches(features, terms, [story], [self._slots[story.id]])[0]

    def _open(self, story: StoryState, features: ArticleFeatures) -> bool:
        """Whether the story is still open to the article: not quiet for too long."""
        published = features.published
        return story.last_seen + self.window >= published >= story.first_seen - self.window

    def candidates(self, features: ArticleFeatures) -> list[StoryState]:
        """The stories worth scoring: nearest centroids and the most recently active."""
        slots: dict[int, None] = dict.fromkeys(reversed(self._recent))
        if self._index is not None:
            query = _key_vector(features.headline, features.body)
            slots.update(dict.fromkeys(self._index.search(query, self.settings.story_candidates)))
        return [self._stories[i] for i in slots if self._open(self._stories[i], features)]

    def best(self, features: ArticleFeatures) -> tuple[StoryState | None, Match | None]:
        """The best-matching open story if it reaches the threshold, else ``(None, None)``."""
        return self._best(features, self.term_vector(features.terms))

    def _best(
        self, features: ArticleFeatures, terms: Mapping[str, float]
    ) -> tuple[StoryState | None, Match | None]:
        stories = self.candidates(features)
        slots = [self._slots[story.id] for story in stories]
        bars = [join_bar(features.published, story, self.settings) for story in stories]
        matches = self.spaces.reaching(features, terms, stories, slots, bars)
        return _clearing_most(stories, matches, bars)

    def add(self, features: ArticleFeatures) -> StoryState:
        """Put the article into its best story, or start one; returns that story."""
        terms = self.term_vector(features.terms)
        story, _ = self._best(features, terms)
        grown = story is not None
        if story is None:
            story = StoryState(
                id=story_id(features.id),
                first_seen=features.published,
                last_seen=features.published,
                headline_sum=np.zeros_like(features.headline, dtype=np.float32),
                body_sum=np.zeros_like(features.body, dtype=np.float32),
            )
            self._slots[story.id] = len(self._stories)
            self._stories.append(story)
            heapq.heappush(self._waiting, (features.published, story.id))
        slot = self._slots[story.id]
        self._grow(slot, story, features, terms)
        self.spaces.count(
            dict.fromkeys(features.entities, 1),
            {t: 1 for t, count in features.terms.items() if count > 0},
            features.headline,
            features.body,
        )
        self._touch(slot)
        if grown:
            self._absorb_near(slot, story)
        self._indexed(len(features.headline) + len(features.body)).upsert(
            slot, _key_vector(story.headline_sum, story.body_sum)
        )
        self._tick(features.published)
        self._settle_lone()
        return story

    def _tick(self, published: datetime) -> None:
        if self._clock is None or published > self._clock:
            self._clock = published

    def _settle_lone(self) -> None:
        """Judge once, at the lone bar, each one-article story that the clock has left alone
        for `Settings.story_lone_days`: it joins the grown story among its candidates that
        it clears by the most, if any."""
        if self._clock is None:
            return
        due = self._clock - timedelta(days=self.settings.story_lone_days)
        while self._waiting and self._waiting[0][0] < due:
            _, single_id = heapq.heappop(self._waiting)
            near = self._slots.get(single_id)
            if near is None or len(self._stories[near].members) != 1:
                continue  # moved, or joined by another report since
            single = self._stories[near]
            alone = single.only_member()
            terms = single.term_weights  # its term vector as of its arrival; only read
            stories = [
                story
                for story in self.candidates(alone)
                if story is not single and len(story.members) > 1
            ]
            slots = [self._slots[story.id] for story in stories]
            bars = [self._bar_for_lone(alone, story) for story in stories]
            matches = self.spaces.reaching(alone, terms, stories, slots, bars)
            story, _ = _clearing_most(stories, matches, bars)
            if story is not None:
                slot = self._slots[story.id]
                self._take_in(slot, story, near, alone, terms)
                self._indexed(len(alone.headline) + len(alone.body)).upsert(
                    slot, _key_vector(story.headline_sum, story.body_sum)
                )

    def _absorb_near(self, slot: int, story: StoryState) -> None:
        """Let the one-article stories near a grown story join it if they now match it.

        They are scored against the story at once (`Spaces.joining`), in the index's order,
        and again from the next one on after one joins, since the story it grew into is
        another."""
        if self._index is None:
            return
        key = _key_vector(story.headline_sum, story.body_sum)
        near = [
            i
            for i in self._index.search(key, self.settings.story_candidates)
            if i != slot and i not in self._gone and len(self._stories[i].members) == 1
        ]
        while near:
            # Their term vectors as of their arrival (what they were first scored with).
            alone = [self._stories[i].only_member() for i in near]
            open_ = [i for i, a in enumerate(alone) if self._open(story, a)]
            singles = [alone[i] for i in open_]
            terms = [self._stories[near[i]].term_weights for i in open_]
            bars = [self._bar_for_lone(a, story) for a in singles]
            matches = self.spaces.joining(story, slot, singles, terms, bars)
            joins = (
                k
                for k, (match, bar) in enumerate(zip(matches, bars, strict=True))
                if match is not None and match.score >= bar
            )
            first = next(joins, None)
            if first is None:
                return
            taken = open_[first]
            self._take_in(slot, story, near[taken], alone[taken], terms[first])
            near = near[taken + 1 :]

    def _take_in(
        self,
        slot: int,
        story: StoryState,
        near: int,
        alone: ArticleFeatures,
        terms: Mapping[str, float],
    ) -> None:
        """Move the one-article story in slot ``near`` (holding ``alone``) into ``story``."""
        single = self._stories[near]
        self._grow(slot, story, alone, terms)
        self._gone.add(near)
        if self._index is not None:
            self._index.remove(near)
        self._recent.pop(near, None)
        self.spaces.gone(near)
        self._title_vectors.pop(near, None)
        del self._slots[single.id]
        self._moves.append(Move(alone.id, single.id, story.id))

    def _bar_for_lone(self, alone: ArticleFeatures, story: StoryState) -> float:
        """The bar a one-article story must reach to join the grown ``story``: the usual one,
        lowered by `Settings.story_lone_margin` once no other report has joined the lone
        article for `Settings.story_lone_days` of the stream's clock. An event that a second
        outlet reports is reported soon; a report left alone that long is more likely an
        outlying report of a story that grew nearby than the first of a story of its own."""
        bar = join_bar(alone.published, story, self.settings)
        clock = max(story.last_seen, self._clock or story.last_seen)
        waited = clock - alone.published
        if waited > timedelta(days=self.settings.story_lone_days):
            return bar - self.settings.story_lone_margin
        return bar

    def _grow(
        self, slot: int, story: StoryState, features: ArticleFeatures, terms: Mapping[str, float]
    ) -> None:
        story.headline_sum = story.headline_sum + features.headline
        story.body_sum = story.body_sum + features.body
        story.members.append(features.id)
        if features.source and features.source not in story.sources:
            story.sources.append(features.source)
        for entity in features.entities:
            story.entity_counts[entity] = story.entity_counts.get(entity, 0) + 1
        self.spaces.changed(slot)
        norm = self.spaces.term_norms.get(slot, 0.0)
        for term, weight in terms.items():
            before = story.term_weights.get(term, 0.0)
            story.term_weights[term] = before + weight
            story.term_counts[term] = story.term_counts.get(term, 0) + 1
            norm += 2 * before * weight + weight * weight
        if len(story.term_weights) > 2 * STORY_TERMS:
            norm = _truncate(story)
        self.spaces.term_norms[slot] = norm
        story.first_seen = min(story.first_seen, features.published)
        story.last_seen = max(story.last_seen, features.published)
        if features.title:
            story.titles[features.id] = features.title
            self._retitle(slot, story, features)
        elif story.title is None and features.lead:
            story.title = features.lead  # until a member with a headline comes

    def _retitle(self, slot: int, story: StoryState, features: ArticleFeatures) -> None:
        """Keep the headline closest to the headline centroid as the title.

        Only the holder and the newcomer are compared (a running argmax); when the holder's
        vector is unknown (a story restored from a store), its closeness is taken to be the
        members' mean closeness, which the most central headline at least reaches.
        """
        centroid = _unit(story.headline_sum)
        newcomer = float(features.headline @ centroid)
        holder = self._title_vectors.get(slot)
        if story.title is None or story.title not in story.titles.values():
            current = -math.inf  # no title, or a stand-in from a lead
        elif holder is not None:
            current = float(holder @ centroid)
        else:
            current = float(np.linalg.norm(story.headline_sum)) / len(story.members)
        if newcomer > current:
            story.title = features.title
            self._title_vectors[slot] = features.headline


def _clearing_most(
    stories: Sequence[StoryState], matches: Sequence[Match | None], bars: Sequence[float]
) -> tuple[StoryState | None, Match | None]:
    """The story whose match clears its bar by the most (the first of equals), and that
    match; ``(None, None)`` when none clears it."""
    found: tuple[StoryState | None, Match | None] = (None, None)
    clearance = 0.0
    for story, match, bar in zip(stories, matches, bars, strict=True):
        if match is None:
            continue
        over = match.score - bar
        if over >= 0 and (found[1] is None or over > clearance):
            found, clearance = (story, match), over
    return found
