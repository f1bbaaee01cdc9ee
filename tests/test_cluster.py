"""Online story clustering, its ANN index, features of real articles and the cluster command."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.config import Settings
from newsprism.errors import NewsprismError
from newsprism.ingest.clean import clean
from newsprism.model import Article, RawArticle
from newsprism.model.article import OPENING_WORDS
from newsprism.nlp import EMBEDDING_DIM, STATIC_DIM, annotate
from newsprism.stories import StoryClusterer, cluster, features_of
from newsprism.stories.bar import join_bar, time_scale
from newsprism.stories.clustering import story_id
from newsprism.stories.features import (
    TITLE_TERM_BOOST,
    entity_keys,
    headline_text,
    term_counts,
)
from newsprism.stories.index import StoryIndex
from newsprism.stories.state import ArticleFeatures, Move, StoryState

DIM = 32
START = datetime(2024, 3, 1, 8, tzinfo=UTC)


def _unit(v: np.ndarray) -> np.ndarray:
    return (v / np.linalg.norm(v)).astype(np.float32)


class Events:
    """Synthetic articles: each event has its own direction; articles scatter around it."""

    def __init__(self, seed: int = 1) -> None:
        self.rng = np.random.default_rng(seed)
        self.directions: dict[str, np.ndarray] = {}
        self.count = 0

    def article(
        self,
        event: str,
        hours: float = 0.0,
        entities: tuple[str, ...] = (),
        title: str | None = None,
        noise: float = 0.5,
        terms: dict[str, int] | None = None,
    ) -> ArticleFeatures:
        if event not in self.directions:
            self.directions[event] = _unit(self.rng.normal(size=DIM))
        base = self.directions[event]
        self.count += 1
        return ArticleFeatures(
            id=f"a{self.count}",
            published=START + timedelta(hours=hours),
            title=title or f"{event} {self.count}",
            source=f"outlet{self.count % 3}",
            headline=_unit(base + noise * _unit(self.rng.normal(size=DIM))),
            body=_unit(base + noise * _unit(self.rng.normal(size=DIM))),
            entities=frozenset(entities),
            terms=terms or {},
        )


def _settings(**overrides: float) -> Settings:
    """Synthetic articles have no terms: score them on the other three spaces. Time does
    not raise the bar unless a test asks (see the tests of `join_bar`)."""
    values = {"story_weight_terms": 0.0, "story_threshold": 0.3, "story_time_rise": 0.0}
    values |= overrides
    return Settings.load(cache=False, **values)


def test_articles_of_one_event_join_and_others_start_stories() -> None:
    events = Events()
    stream = [events.article(e, hours=i) for i, e in enumerate("ABABCABC")]
    clusterer = StoryClusterer(_settings())
    stories = [clusterer.add(f).id for f in stream]
    expected = {"A": story_id("a1"), "B": story_id("a2"), "C": story_id("a5")}
    assert stories == [expected[e] for e in "ABABCABC"]
    sizes = sorted(len(s.members) for s in clusterer.stories)
    assert sizes == [2, 3, 3]
    first = next(s for s in clusterer.stories if s.id == story_id("a1"))
    assert first.members == ["a1", "a3", "a6"]
    assert first.first_seen == START and first.last_seen == START + timedelta(hours=5)
    assert first.sources == ["outlet1", "outlet0"]


def _along(*parts: tuple[int, float]) -> np.ndarray:
    vector = np.zeros(DIM, dtype=np.float32)
    for axis, weight in parts:
        vector[axis] = weight
    return _unit(vector)


def _pinned(id: str, vector: np.ndarray, hours: float) -> ArticleFeatures:
    return ArticleFeatures(
        id=id,
        published=START + timedelta(hours=hours),
        title=id,
        source="outlet",
        headline=vector,
        body=vector,
    )


def _in_a_long_stream(settings: Settings) -> StoryClusterer:
    """A clusterer that has seen a long stream whose mean is zero (a story of many
    articles, years ago, whose vectors cancel out), so that the pinned vectors below are
    compared as they are, not centred on a mean made of themselves."""
    past = START - timedelta(days=3650)
    members = [f"past{i}" for i in range(1000)]
    zero = np.zeros(DIM, dtype=np.float32)
    background = StoryState("s-past", past, past, zero, zero, members=members)
    return StoryClusterer(settings, [background])


def test_what_every_article_of_the_stream_shares_is_not_resemblance() -> None:
    rng = np.random.default_rng(7)
    common = _unit(rng.normal(size=DIM))  # the stream's beat: every article leans this way

    def leaning(direction: np.ndarray) -> np.ndarray:
        return _unit(2.0 * common + _unit(direction))

    clusterer = StoryClusterer(_settings(story_threshold=0.3))
    for i in range(40):
        clusterer.add(_pinned(f"bg{i}", leaning(rng.normal(size=DIM)), i))
    event_a, event_b = rng.normal(size=DIM), rng.normal(size=DIM)
    a, b = leaning(event_a), leaning(event_b)
    assert float(a @ b) > 0.6, "alike by raw cosine: the beat is most of both"
    story = clusterer.add(_pinned("a", a, 50))
    assert clusterer.add(_pinned("b", b, 51)).id != story.id
    again = leaning(event_a + 0.3 * _unit(rng.normal(size=DIM)))
    assert clusterer.add(_pinned("a2", again, 52)).id == story.id


def test_an_article_left_alone_joins_the_story_once_it_has_grown() -> None:
    # Scored on headline and body only (entities empty): x falls just short of the bar
    # against the first report, and clears it against the centroid of the first two.
    first = _pinned("first", _along((0, 1.0), (1, 0.3)), 0)
    early = _pinned("x", _along((0, 0.77), (2, 0.638)), 1)
    second = _pinned("second", _along((0, 1.0), (1, -0.3)), 2)
    clusterer = _in_a_long_stream(_settings(story_threshold=0.5))
    assert clusterer.add(first).id == story_id("first")
    assert clusterer.add(early).id == story_id("x")
    assert clusterer.take_moves() == []
    assert clusterer.add(second).id == story_id("first")
    assert clusterer.take_moves() == [Move("x", story_id("x"), story_id("first"))]
    [past, story] = clusterer.stories
    assert story.members == ["first", "second", "x"]
    assert set(clusterer.memberships().values()) - {past.id} == {story_id("first")}
    assert clusterer.take_moves() == []


@pytest.mark.parametrize(("days_later", "joins"), [(2, False), (29, False), (31, True)])
def test_a_report_left_alone_for_long_joins_a_grown_story_at_a_lower_bar(
    days_later: float, joins: bool
) -> None:
    # Against the grown story x scores 0.48: short of the bar (0.5), within the lone margin.
    first = _pinned("first", _along((0, 1.0), (1, 0.3)), 0)
    lone = _pinned("x", _along((0, 0.72), (2, 0.694)), 1)
    second = _pinned("second", _along((0, 1.0), (1, -0.3)), 1 + 24 * days_later)
    clusterer = _in_a_long_stream(
        _settings(story_threshold=0.5, story_lone_margin=0.04, story_lone_days=30)
    )
    for article in (first, lone, second):
        clusterer.add(article)
    grown = next(s for s in clusterer.stories if s.id == story_id("first"))
    if not joins:
        assert 0.46 <= clusterer.match(lone, grown).score < 0.5
    moved = [Move("x", story_id("x"), story_id("first"))] if joins else []
    assert clusterer.take_moves() == moved
    assert len(clusterer) == 1 + (1 if joins else 2)  # and the stream's past


@pytest.mark.parametrize(("days_later", "joins"), [(29, False), (31, True)])
def test_a_report_left_alone_joins_at_the_lower_bar_when_the_clock_passes(
    days_later: float, joins: bool
) -> None:
    # The story grows before x comes and never after; x scores 0.48 against it, within the
    # lone margin of the bar (0.5). Only the stream's clock, moved on by an unrelated
    # report, tells that no report joined x for story_lone_days.
    first = _pinned("first", _along((0, 1.0), (1, 0.3)), 0)
    second = _pinned("second", _along((0, 1.0), (1, -0.3)), 1)
    lone = _pinned("x", _along((0, 0.72), (2, 0.694)), 2)
    unrelated = _pinned("other", _along((5, 1.0)), 2 + 24 * days_later)
    clusterer = _in_a_long_stream(
        _settings(story_threshold=0.5, story_lone_margin=0.04, story_lone_days=30)
    )
    for article in (first, second, lone):
        clusterer.add(article)
    grown = next(s for s in clusterer.stories if s.id == story_id("first"))
    assert 0.46 <= clusterer.match(lone, grown).score < 0.5
    assert clusterer.take_moves() == []
    clusterer.add(unrelated)
    moved = [Move("x", story_id("x"), story_id("first"))] if joins else []
    assert clusterer.take_moves() == moved
    assert (clusterer.memberships()["x"] == story_id("first")) is joins


def test_a_restored_stream_judges_its_lone_reports_by_its_own_clock() -> None:
    first = _pinned("first", _along((0, 1.0), (1, 0.3)), 0)
    second = _pinned("second", _along((0, 1.0), (1, -0.3)), 1)
    lone = _pinned("x", _along((0, 0.72), (2, 0.694)), 2)
    settings = _settings(story_threshold=0.5, story_lone_margin=0.04, story_lone_days=30)
    clusterer = _in_a_long_stream(settings)
    for article in (first, second, lone):
        clusterer.add(article)
    restored = StoryClusterer(settings, clusterer.stories)
    restored.add(_pinned("other", _along((5, 1.0)), 2 + 24 * 31))
    assert restored.take_moves() == [Move("x", story_id("x"), story_id("first"))]


def test_a_story_without_headlines_is_named_after_its_lead_until_one_comes() -> None:
    events = Events()
    untitled = replace(events.article("A"), title=None, lead="The council voted on Monday…")
    clusterer = StoryClusterer(_settings(story_threshold=0.0))
    story = clusterer.add(untitled)
    assert story.title == "The council voted on Monday…" and story.titles == {}
    later = replace(events.article("A", hours=1), title=None, lead="Another opening")
    assert clusterer.add(later).title == "The council voted on Monday…"
    story = clusterer.add(events.article("A", hours=2, title="Council backs pool plan"))
    assert story.title == "Council backs pool plan"


def test_title_is_the_most_central_headline() -> None:
    events = Events()
    center = events.article("A", title="central")
    center = ArticleFeatures(**{**center.__dict__, "headline": events.directions["A"]})
    off = events.article("A", hours=1, title="first but off-centre", noise=0.9)
    clusterer = StoryClusterer(_settings(story_threshold=0.0))
    clusterer.add(off)
    story = clusterer.add(events.article("A", hours=2, title="another", noise=0.9))
    story = clusterer.add(center)
    assert story.title == "central"
    assert set(story.titles.values()) == {"central", "first but off-centre", "another"}


def test_a_story_quiet_for_longer_than_the_window_starts_anew() -> None:
    events = Events()
    clusterer = StoryClusterer(_settings(story_window_days=2))
    first = clusterer.add(events.article("A"))
    same = clusterer.add(events.article("A", hours=40))
    late = clusterer.add(events.article("A", hours=40 + 24 * 3))
    assert same.id == first.id
    assert late.id != first.id and late.id == story_id("a3")
    # The window runs from the last article, not the first.
    assert clusterer.add(events.article("A", hours=40 + 24 * 4)).id == late.id


def test_rare_shared_entities_tip_the_balance_common_ones_do_not() -> None:
    def run(shared: str) -> tuple[float, bool]:
        events = Events(seed=3)
        clusterer = StoryClusterer(_settings(story_threshold=0.36))
        # Background articles make "united states" common and "hebron" rare.
        for i in range(12):
            clusterer.add(events.article(f"bg{i}", entities=("united states",), noise=0.2))
        a = events.article("A", hours=1, entities=(shared, "x1"), noise=1.0)
        b = events.article("A", hours=2, entities=(shared, "x2"), noise=1.0)
        story = clusterer.add(a)
        entities = clusterer.match(b, story).entities
        return entities, clusterer.add(b).id == story.id

    rare, joined = run("hebron")
    assert joined and 0.3 < rare < 0.5
    common, joined = run("united states")
    assert not joined and common < 0.01


def test_restored_clusterer_continues_like_an_uninterrupted_one() -> None:
    events = Events(seed=5)
    stream = [events.article(e, hours=i, entities=(e.lower(),)) for i, e in enumerate("ABCABCDDAB")]
    whole = StoryClusterer(_settings())
    expected = [whole.add(f).id for f in stream]
    part = StoryClusterer(_settings())
    got = [part.add(f).id for f in stream[:5]]
    saved = [json.loads(json.dumps(s.to_dict())) for s in part.stories]
    resumed = StoryClusterer(_settings(), [StoryState.from_dict(d) for d in saved])
    got += [resumed.add(f).id for f in stream[5:]]
    assert got == expected
    sizes = {s.id: s.members for s in resumed.stories}
    assert sizes == {s.id: s.members for s in whole.stories}


def test_a_restored_clusterer_keeps_the_document_frequencies_of_pruned_terms() -> None:
    # One story whose members use more words than its centroid keeps: the words pruned
    # from the centroid still count in the stream's document frequencies after a rebuild.
    events = Events(seed=6)
    live = StoryClusterer(_settings(story_threshold=0.0))
    for i in range(6):
        live.add(events.article("A", hours=i, terms={f"w{i}.{k}": 1 for k in range(150)}))
    [story] = live.stories
    assert len(story.term_weights) < 6 * 150 == len(story.term_counts)
    saved = [StoryState.from_dict(json.loads(json.dumps(s.to_dict()))) for s in live.stories]
    restored = StoryClusterer(_settings(story_threshold=0.0), saved)
    words = {"w0.1": 1, "w5.149": 2, "new": 1}
    assert restored.term_vector(words) == pytest.approx(live.term_vector(words))


def test_shared_vocabulary_is_weighted_by_rarity() -> None:
    events = Events(seed=4)
    clusterer = StoryClusterer(_settings(story_weight_terms=1.0))
    for i in range(10):
        clusterer.add(events.article(f"bg{i}", terms={"said": 2, f"topic{i}": 3}))
    story = clusterer.add(events.article("A", terms={"said": 1, "caisson": 2, "seabed": 1}))
    assert story.term_counts == {"said": 1, "caisson": 1, "seabed": 1}
    vector = clusterer.term_vector({"said": 1, "caisson": 1})
    assert vector["caisson"] > 3 * vector["said"]
    assert sum(w * w for w in vector.values()) == pytest.approx(1.0)
    rare = clusterer.match(events.article("A", hours=1, terms={"caisson": 1}), story).terms
    common = clusterer.match(events.article("A", hours=1, terms={"said": 1}), story).terms
    assert rare > 0.8 and common < 0.1


def _six_noisy_events(events: Events) -> StoryClusterer:
    """A clusterer fed 30 noisy articles of six events, one an hour, each event's articles
    sharing a place and all of them one entity."""
    clusterer = StoryClusterer(_settings(story_threshold=0.45))
    for i in range(30):
        event = "ABCDEF"[i % 6]
        clusterer.add(events.article(event, hours=i, entities=(f"{event}-place", "un"), noise=0.9))
    return clusterer


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    dot = sum(w * b.get(k, 0.0) for k, w in a.items())
    norm = math.sqrt(sum(w * w for w in a.values()) * sum(w * w for w in b.values()))
    return dot / norm if norm else 0.0


def test_the_batched_scores_are_the_four_cosines_by_their_definitions() -> None:
    # Every candidate story scored at once (the stream's statistics kept as arrays) gives
    # what each space's cosine is by definition, computed here from the stories' members.
    events = Events(seed=8)
    clusterer = StoryClusterer(_settings(story_weight_terms=1.0, story_threshold=0.45))
    names = ["hebron", "gaza", "united states", "un", "kim", "hanoi", "vote", "senate"]
    stream = []
    for i in range(40):
        event = "ABCDE"[i % 5]
        picks = events.rng.choice(len(names), size=3, replace=False)
        words = {f"{event.lower()}{k}": int(events.rng.integers(1, 4)) for k in range(4)}
        words |= {"said": 2, f"w{i}": 1}
        stream.append(
            events.article(
                event, hours=i, entities=tuple(names[j] for j in picks), terms=words, noise=0.8
            )
        )
    members: dict[str, list[ArticleFeatures]] = {}
    for feature in stream:
        members.setdefault(clusterer.add(feature).id, []).append(feature)
    stories = [s for s in clusterer.stories if len(s.members) > 1]
    assert len(stories) >= 3
    probe = events.article("A", hours=41, entities=("hebron", "kim", "new"), terms={"a1": 2})
    n = len(stream)
    df = {e: sum(e in f.entities for f in stream) for e in [*names, "new"]}
    idf = {e: math.log(1.0 + (n - d + 0.5) / (d + 0.5)) for e, d in df.items()}
    mean_weight = n + 5.0  # the stream mean's prior (newsprism.stories.background)
    headline_mean = sum(f.headline.astype(np.float64) for f in stream) / mean_weight
    terms = clusterer.term_vector(probe.terms)
    for story in stories:
        got = clusterer.match(probe, story)
        counts = story.entity_counts
        expected_entities = _cosine(
            {e: idf[e] for e in probe.entities}, {e: idf[e] * c for e, c in counts.items()}
        )
        assert got.entities == pytest.approx(expected_entities, abs=1e-12)
        assert got.terms == pytest.approx(_cosine(terms, story.term_weights), abs=1e-12)
        centred = story.headline_sum - len(story.members) * headline_mean
        article = probe.headline - headline_mean
        expected = float(article @ centred) / float(
            np.linalg.norm(article) * np.linalg.norm(centred)
        )
        assert got.headline == pytest.approx(expected, abs=1e-9)
    best, match = clusterer.best(probe)
    scores = {s.id: clusterer.match(probe, s).score for s in clusterer.candidates(probe)}
    if best is not None and match is not None:
        assert match.score == scores[best.id]


def test_a_story_that_grew_is_scored_on_its_new_terms() -> None:
    # The term cosines are gathered from arrays kept per story until it changes (`Spaces`):
    # a story scored, then grown, is scored again on its terms as they are now, and a word
    # no story has used adds nothing.
    events = Events(seed=4)
    clusterer = StoryClusterer(_settings(story_weight_terms=1.0, story_threshold=0.2))
    story = clusterer.add(
        events.article("A", hours=0, noise=0.1, terms={"ferry": 3, "capsized": 2, "harbour": 1})
    )
    probe = events.article("A", hours=1, terms={"ferry": 1, "rescue": 2, "divers": 1})
    terms = clusterer.term_vector(probe.terms)
    before = clusterer.match(probe, story).terms
    assert before == pytest.approx(_cosine(terms, story.term_weights), abs=1e-12)
    grown = events.article("A", hours=2, noise=0.1, terms={"rescue": 4, "divers": 2})
    assert clusterer.add(grown).id == story.id
    after = clusterer.match(probe, story).terms
    assert after > before
    terms = clusterer.term_vector(probe.terms)  # the IDFs moved too
    assert after == pytest.approx(_cosine(terms, story.term_weights), abs=1e-12)
    assert clusterer._match(probe, clusterer.term_vector({"zeppelin": 2}), story).terms == 0.0


def test_a_story_left_out_for_its_bar_could_not_have_reached_it() -> None:
    # `Spaces.reaching` skips the entity cosine where the other spaces, with the largest
    # entity cosine there is, fall short of the bar: every story it leaves out scores below
    # its bar, and every story it keeps gets the very match `matches` gives.
    events = Events(seed=3)
    clusterer = _six_noisy_events(events)
    probe = events.article("B", hours=31, entities=("b-place", "un"), noise=0.9)
    stories = clusterer.stories
    slots = [clusterer._slots[s.id] for s in stories]
    terms = clusterer.term_vector(probe.terms)
    every = clusterer.spaces.matches(probe, terms, stories, slots)
    for bar in (0.0, 0.3, 0.45, 0.6, 2.0):
        kept = clusterer.spaces.reaching(probe, terms, stories, slots, [bar] * len(stories))
        for match, full in zip(kept, every, strict=True):
            if match is None:
                assert full.score < bar
            else:
                assert match == full
        if bar >= 0.6:
            assert None in kept  # it does leave stories out
    assert clusterer.spaces.reaching(probe, terms, stories, slots) == every
    # A story whose bar is its own score reaches it, whatever its entities add.
    assert any(m.entities > 0 for m in every)
    exact = [m.score for m in every]
    assert clusterer.spaces.reaching(probe, terms, stories, slots, exact) == every


def test_lone_articles_scored_against_one_story_at_once_get_their_own_matches() -> None:
    # `Spaces.joining` scores many articles against one story (the lone reports near a
    # story that grew): each gets the match `matches` gives it alone, and None only where
    # its bar is out of reach.
    events = Events(seed=5)
    clusterer = _six_noisy_events(events)
    story = max(clusterer.stories, key=lambda s: len(s.members))
    slot = clusterer._slots[story.id]
    probes = [
        events.article(event, hours=31 + k, entities=(f"{event}-place", "un"), noise=0.9)
        for k, event in enumerate("ABCAB")
    ]
    terms = [clusterer.term_vector(p.terms) for p in probes]
    alone = [
        clusterer.spaces.matches(p, t, [story], [slot])[0]
        for p, t in zip(probes, terms, strict=True)
    ]
    together = clusterer.spaces.joining(story, slot, probes, terms, [-1.0] * len(probes))
    for one, joined in zip(alone, together, strict=True):
        assert joined is not None
        assert joined.score == pytest.approx(one.score, abs=1e-9)
        assert (joined.headline, joined.body) == pytest.approx((one.headline, one.body), abs=1e-9)
        assert (joined.entities, joined.terms) == (one.entities, one.terms)
    bars = [m.score + 0.5 for m in alone[:2]] + [m.score - 0.01 for m in alone[2:]]
    kept = clusterer.spaces.joining(story, slot, probes, terms, bars)
    assert kept[:2] == [None, None] and all(m is not None for m in kept[2:])


def test_index_moves_removes_and_rebuilds() -> None:
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(3000, 16)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    index = StoryIndex(16, flat_limit=0)  # the graph from the first story
    for slot in range(500):
        index.upsert(slot, vectors[slot])
    # Every story moves five times: the stale copies trigger rebuilds.
    for step in range(2500):
        index.upsert(step % 500, vectors[500 + step])
    assert len(index) == 500 and index.stale <= max(500, 1024)
    current = {step % 500: vectors[500 + step] for step in range(2500)}
    found = [index.search(current[slot], 5) for slot in range(100)]
    assert all(len(set(f)) == len(f) == 5 for f in found)
    assert sum(f[0] == slot for slot, f in enumerate(found)) >= 98
    index.remove(7)
    assert 7 not in index and 7 not in index.search(current[7], 10)
    assert StoryIndex(16).search(current[0], 3) == []


def test_few_stories_are_searched_exactly_and_many_go_into_the_graph() -> None:
    # Up to its limit the index scans every live story: the exact nearest, most similar
    # first, moved and removed stories as they are now. Past it the stories go into the
    # graph, which finds the same nearest ones on these well-spread vectors.
    rng = np.random.default_rng(2)
    vectors = rng.normal(size=(400, 16)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    few = StoryIndex(16)
    for slot in range(3):
        few.upsert(slot, vectors[slot])
    assert [few.search(vectors[s], 1) for s in range(3)] == [[0], [1], [2]]
    index = StoryIndex(16, flat_limit=100)
    for slot in range(100):
        index.upsert(slot, vectors[slot])
    index.upsert(3, vectors[200])  # story 3 moved
    index.remove(5)
    assert len(index) == 99 and 5 not in index and index.stale == 0
    live = [s for s in range(100) if s != 5]
    keys = {s: vectors[200] if s == 3 else vectors[s] for s in live}
    for query in vectors[300:320]:
        exact = sorted(live, key=lambda s: -float(keys[s] @ query))[:7]
        assert index.search(query, 7) == exact
    assert all(index.search(keys[s], 1) == [s] for s in live)
    for slot in range(100, 150):
        index.upsert(slot, vectors[slot])
    assert len(index) == 149 and index._graph is not None
    assert 5 not in index and 120 in index
    assert all(index.search(vectors[s], 1) == [s] for s in range(100, 150))
    assert np.array_equal(index.vector(3), vectors[200])


def test_clusterer_scores_only_candidates_from_the_index() -> None:
    events = Events(seed=9)
    clusterer = StoryClusterer(_settings(story_candidates=3, story_recent=2))
    for i in range(60):
        clusterer.add(events.article(f"E{i}", hours=i, noise=0.05))
    probe = events.article("E10", hours=61, noise=0.05)
    candidates = clusterer.candidates(probe)
    assert len(candidates) <= 5
    assert story_id("a11") in {s.id for s in candidates}
    assert clusterer.add(probe).id == story_id("a11")


# --- real articles (spaCy + MiniLM) ---------------------------------------------------

OTHER = """Rovers beat City in cup final

Blackburn Rovers won the FA Cup on Saturday, beating Manchester City 2-1 at Wembley Stadium \
with a late goal by striker Tom Hale.

The Rovers manager, Ellen Marsh, said the players had earned their first trophy in decades.
"""


@pytest.fixture(scope="module")
def other_article(session_cache: Path, single_thread_torch: None) -> Article:
    from newsprism.ingest.prepare import read_articles
    from newsprism.nlp.annotation import annotate

    settings = Settings.load(cache_dir=session_cache)
    folder = session_cache.parent / "other-story"
    folder.mkdir(exist_ok=True)
    (folder / "sport.txt").write_text(OTHER, encoding="utf-8")
    return annotate(read_articles([str(folder)], settings).articles, settings)[0]


def test_features_of_a_real_article(annotated_examples: list[Article]) -> None:
    article = annotated_examples[0]
    features = features_of(article, Settings.load())
    assert features.id == article.id
    # The example carries no date: clustering files it under the time it was read.
    assert features.published == (article.published or features.published)
    assert features.published.tzinfo is not None
    assert headline_text(article).startswith(article.title or article.sentences[0].text[:20])
    assert features.headline.shape == (EMBEDDING_DIM,)
    assert features.body.shape == (STATIC_DIM,)
    assert np.linalg.norm(features.body) == pytest.approx(1.0, abs=1e-5)
    assert "north korea" in features.entities
    assert any(key.startswith("kim") for key in features.entities)


def test_an_untitled_article_offers_its_lead_as_a_stand_in_title(
    annotated_examples: list[Article],
) -> None:
    untitled = next(a for a in annotated_examples if a.title is None)
    features = features_of(untitled, Settings.load())
    opening = untitled.sentences[0].text.split()
    assert len(opening) > OPENING_WORDS
    assert features.lead == " ".join(opening[:OPENING_WORDS]).rstrip(",;:") + "…"
    assert untitled.opening() == features.lead
    titled = next(a for a in annotated_examples if a.title)
    assert features_of(titled, Settings.load()).lead is None


def test_terms_are_lower_cased_words_and_headline_words_weigh_more(
    annotated_examples: list[Article],
) -> None:
    article = next(a for a in annotated_examples if a.title)
    terms = features_of(article, Settings.load()).terms
    assert "the" not in terms and "summit" in article.title.lower().split()
    assert "Trump" in article.text and "trump" in terms and "2019" not in terms
    untitled = term_counts(article.model_copy(update={"title": None}))
    assert terms["summit"] == untitled["summit"] + TITLE_TERM_BOOST
    assert terms["sanctions"] == untitled["sanctions"] and "sanctions" not in article.title.lower()


def test_names_are_runs_of_capitalized_words_not_sentence_openings(tmp_path: Path) -> None:
    text = (
        "Officials met in Hanoi. Negotiators from the White House said little, and The "
        "Supreme Court ruled on Monday. WASHINGTON was quiet; NATO was not."
    )
    settings = Settings.load(cache_dir=tmp_path)
    [article] = annotate([clean(RawArticle(origin="t.txt", text=text))], settings, level="light")
    names = entity_keys(article)
    # A run and its last word, a leading stop word dropped, a short acronym kept.
    assert {"hanoi", "white house", "house", "supreme court", "court", "monday"} <= names
    assert "nato" in names and "the supreme court" not in names
    # Capitalized only because they open a sentence, or shouted: not names.
    assert not {"officials", "negotiators", "washington"} & names


def test_cluster_groups_the_summit_reports_apart_from_sport(
    annotated_examples: list[Article], other_article: Article
) -> None:
    articles = [*annotated_examples, other_article]
    assignments = cluster(articles, Settings.load())
    assert [a.id for a in assignments] == [a.ref for a in articles]
    stories = [a.story for a in assignments]
    assert stories[0] == stories[1] != stories[2]


def test_cluster_command_on_jsonl(tmp_path: Path, annotated_examples: list[Article]) -> None:
    rows = [
        {"id": f"doc{i}", "title": a.title, "source": a.source, "text": a.text}
        | ({"published": a.published.isoformat()} if a.published and i == 0 else {})
        for i, a in enumerate(annotated_examples)
    ]
    rows.append({"id": "copy", "title": "x", "text": annotated_examples[0].text})
    rows.append({"id": "headline", "title": "Kim and Trump part in Hanoi", "text": "-----"})
    rows.append({"id": "nothing", "title": "", "text": "-----"})
    source = tmp_path / "docs.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    output = tmp_path / "assignments.jsonl"
    result = CliRunner().invoke(app, ["cluster", str(source), "-o", str(output), "--json"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in output.read_text().splitlines()]
    story = {line["id"]: line["story"] for line in lines}
    # --json: the stories in the shape of `stories --json`, members by the inputs' ids.
    stories = {s["id"]: s for s in json.loads(result.stdout)}
    assert set(stories[story["doc0"]]["members"]) == {"doc0", "doc1", "copy"}
    assert stories[story["doc0"]]["size"] == 3
    assert set(story) == {"doc0", "doc1", "copy", "headline"}
    assert story["doc0"] == story["doc1"] == story["copy"]
    assert "no publication date" in result.output
    assert "docs.jsonl:4: no report text left after removing page debris; kept its" in (
        " ".join(result.output.split())
    )
    assert "docs.jsonl:5: no report text left" in result.output
    assert "4 articles in" in result.output
    # Too few articles to calibrate on: the defaults, and why.
    shown = " ".join(result.output.split())
    assert "story setting: threshold 0.24, no time rise (the defaults: 3 articles, " in shown
    assert "fewer than 400 articles to calibrate on)" in shown


def test_cluster_output_kind_by_suffix(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["cluster", "x.jsonl", "-o", str(tmp_path / "a.txt")])
    assert isinstance(result.exception, NewsprismError)
    assert "cluster writes .jsonl (one assignment a line) or .json (the stories)" in str(
        result.exception
    )


def _story(*days: float) -> StoryState:
    """A story whose members were published ``days`` after `START`."""
    times = [START + timedelta(days=d) for d in days]
    return StoryState(
        id="s",
        first_seen=min(times),
        last_seen=max(times),
        headline_sum=np.zeros(DIM, dtype=np.float32),
        body_sum=np.zeros(DIM, dtype=np.float32),
        members=[f"m{i}" for i in range(len(days))],
    )


def test_the_bar_rises_with_the_gap_on_the_story_s_own_time_scale() -> None:
    settings = _settings(story_threshold=0.3, story_time_rise=0.2, story_time_scale_days=2)
    at_once = _story(0, 0, 0)
    assert join_bar(START + timedelta(hours=12), at_once, settings) == pytest.approx(
        0.3 + 0.2 * (1 - math.exp(-0.25))
    )
    assert join_bar(START, at_once, settings) == pytest.approx(0.3)
    assert join_bar(START + timedelta(days=60), at_once, settings) == pytest.approx(0.5)
    # Before the story began counts as well as after it ended.
    assert join_bar(START - timedelta(days=60), at_once, settings) == pytest.approx(0.5)
    # Reports 30 days apart: a report 30 days after the last one is in step with the story.
    followed = _story(0, 30, 60)
    assert time_scale(followed, settings) == pytest.approx(30)
    later = START + timedelta(days=90)
    assert join_bar(later, followed, settings) == pytest.approx(0.3 + 0.2 * (1 - math.exp(-1)))
    assert join_bar(later, followed, settings) < join_bar(later, _story(60), settings)


@pytest.mark.parametrize(("days_later", "joins"), [(0.1, True), (0.25, True), (1, False)])
def test_a_like_report_far_in_time_is_another_event(days_later: float, joins: bool) -> None:
    # Scores 0.55 against the first report (2/3 of the cosine: no entities): over the bar
    # at its time (0.5), short of it a day later (0.579, on the way to 0.7).
    first = _pinned("first", _along((0, 1.0)), 0)
    like = _pinned("like", _along((0, 0.825), (1, 0.565)), 24 * days_later)
    clusterer = _in_a_long_stream(
        _settings(story_threshold=0.5, story_time_rise=0.2, story_time_scale_days=2)
    )
    clusterer.add(first)
    assert clusterer.match(like, clusterer.stories[-1]).score == pytest.approx(0.55, abs=0.01)
    assert (clusterer.add(like).id == story_id("first")) is joins
