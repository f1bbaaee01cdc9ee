"""The story setting calibrated per stream: silhouette over candidate settings, the user's
values kept, the store's choice kept and shown."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.config import Settings
from newsprism.evaluation.clusters import bcubed
from newsprism.model import Article
from newsprism.store import StaleStoryError, Store
from newsprism.stories import (
    Calibration,
    StoryClusterer,
    calibrate,
    calibrated_chunks,
    calibrated_stream,
    cluster_stream,
)
from newsprism.stories.state import ArticleFeatures
from newsprism.workflows import story_setting, track_features

DIM = 24
START = datetime(2020, 1, 1, tzinfo=UTC)


def _unit(v: np.ndarray) -> np.ndarray:
    return (v / np.linalg.norm(v)).astype(np.float32)


def _stream(kind: str, seed: int = 0) -> tuple[list[ArticleFeatures], dict[str, str]]:
    """Self-written features and their gold stories. ``events``: five beats, each a run of
    one-day events a week apart, reported three times each, that share the beat's direction,
    words and name and add their own. ``topics``: five topics, each reported now and then
    over two years, with the topic's words and names and a few others."""
    rng = np.random.default_rng(seed)
    beats = [_unit(rng.normal(size=DIM)) for _ in range(5)]
    found: list[ArticleFeatures] = []
    gold: dict[str, str] = {}

    def add(story: str, direction: np.ndarray, when: datetime, names: set[str],
            words: dict[str, int], noise: float) -> None:  # fmt: skip
        article = f"{kind}{len(found)}"
        gold[article] = story
        found.append(
            ArticleFeatures(
                id=article,
                published=when,
                title=f"report {len(found)}",
                source=f"outlet{len(found) % 3}",
                headline=_unit(direction + noise * _unit(rng.normal(size=DIM))),
                body=_unit(direction + noise * _unit(rng.normal(size=DIM))),
                entities=frozenset(names),
                terms=words,
            )
        )

    if kind == "events":
        for b, beat in enumerate(beats):
            for e in range(8):
                event = _unit(rng.normal(size=DIM))
                day = START + timedelta(days=7 * e + b)
                words = {f"beat{b}w{k}": 2 for k in range(4)} | {
                    f"e{b}.{e}w{k}": 2 for k in range(4)
                }
                for r in range(3):
                    names = {f"beat{b}", f"e{b}.{e}"}
                    add(f"{b}.{e}", beat + event, day + timedelta(hours=3 * r), names, words, 0.4)
    else:
        for i in range(120):
            b = i % 5
            day = START + timedelta(days=int(rng.integers(0, 730)))
            words = {f"beat{b}w{k}": 2 for k in rng.choice(8, 4, replace=False)}
            words |= {f"x{rng.integers(0, 500)}": 1 for _ in range(4)}
            names = {f"beat{b}", f"p{rng.integers(0, 40)}"}
            add(str(b), beats[b], day, names, words, 0.6)
    return found, gold


def _settings(**given: float) -> Settings:
    return Settings.load(cache=False, **({"story_calibration_after": 50} | given))


def _f1(clustered: dict[str, str], gold: dict[str, str]) -> float:
    return bcubed(gold, clustered)[2]


def test_calibration_chooses_the_rise_for_events_and_none_for_topics() -> None:
    for kind, rise in (("events", 0.25), ("topics", 0.0)):
        features, gold = _stream(kind)
        found = calibrate(features, _settings())
        assert found is not None
        calibration, clusterer = found
        assert calibration.rise == rise, kind
        assert calibration.articles == len(features)
        # The chosen clustering is the best of those tried, and the gold agrees with it.
        assert calibration.silhouette == max(c.silhouette for c in calibration.candidates)
        assert [c.rise for c in calibration.candidates] == [0.0, 0.25]
        assert calibration.threshold == 0.24  # the threshold is not calibrated
        other = cluster_stream(features, _settings(story_time_rise=0.25 - rise))
        assert _f1(clusterer.memberships(), gold) > _f1(other.memberships(), gold), kind


def test_a_value_the_user_gave_is_kept() -> None:
    features, _ = _stream("events")
    # A threshold given: the rises are tried at it.
    found = calibrate(features, _settings(story_threshold=0.3))
    assert found is not None
    assert {(c.threshold, c.rise) for c in found[0].candidates} == {(0.3, 0.0), (0.3, 0.25)}
    # A rise given: nothing is calibrated, and the stream is clustered as told.
    given = _settings(story_time_rise=0.0)
    assert calibrate(features, given) is None
    clusterer, calibration = calibrated_stream(features, given)
    assert calibration is None and clusterer.settings.story_time_rise == 0.0
    assert found[0].applied(given).story_time_rise == 0.0
    assert calibrate(features, _settings(story_calibrate=False)) is None


def test_too_few_articles_keep_the_defaults() -> None:
    features, _ = _stream("events")
    assert calibrate(features[:49], _settings()) is None


def test_a_window_shorter_than_the_stream_calibrates_on_its_latest_articles() -> None:
    features, _ = _stream("topics")
    clusterer, calibration = calibrated_stream(features, _settings(story_calibration_window=60))
    assert calibration is not None and calibration.articles == 60
    assert len(clusterer.memberships()) == len(features)


def test_a_stream_clustered_chunk_by_chunk_is_clustered_as_a_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`calibrated_chunks` gives `calibrated_stream`'s stories and calibration: the window
    inside the stream (clustered again with the chosen rise), the whole stream as the window,
    a rise given, too few articles; and it clusters each chunk before the next is asked for."""
    added: list[str] = []
    real_add = StoryClusterer.add

    def counted(self: StoryClusterer, feature: ArticleFeatures) -> object:
        added.append(feature.id)
        return real_add(self, feature)

    monkeypatch.setattr(StoryClusterer, "add", counted)
    for kind, given in (
        ("topics", {"story_calibration_window": 60}),
        ("events", {}),
        ("events", {"story_time_rise": 0.25}),
        ("topics", {"story_calibration_window": 30, "story_calibration_after": 40}),
    ):
        features, _ = _stream(kind)
        settings = _settings(**given)
        expected, calibration = calibrated_stream(features, settings)
        ordered = sorted(features, key=lambda f: (f.published, f.id))
        asked: list[int] = []

        def chunks(
            ordered: list[ArticleFeatures] = ordered, asked: list[int] = asked
        ) -> Iterator[list[ArticleFeatures]]:
            for first in range(0, len(ordered), 7):
                asked.append(len(added))
                yield ordered[first : first + 7]

        added.clear()
        clusterer, chosen = calibrated_chunks(chunks(), len(features), settings)
        assert chosen == calibration, (kind, given)
        assert clusterer.memberships() == expected.memberships(), (kind, given)
        assert asked[-1] > 0, "the chunks before the last were clustered before it came"
    with pytest.raises(ValueError, match="stream order"):
        calibrated_chunks([ordered[::-1]], len(ordered), _settings())


@pytest.mark.parametrize("window", [50, 100])
def test_the_stream_is_clustered_with_the_rise_chosen_on_its_window(
    window: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    added: list[str] = []
    real_add = StoryClusterer.add

    def counted(self: StoryClusterer, feature: ArticleFeatures) -> object:
        added.append(feature.id)
        return real_add(self, feature)

    features, _ = _stream("events")  # 120 articles
    settings = _settings(story_calibration_window=window)
    monkeypatch.setattr(StoryClusterer, "add", counted)
    clusterer, calibration = calibrated_stream(features, settings)
    clustered = len(added)
    monkeypatch.undo()
    assert calibration is not None and calibration.articles == window
    expected = cluster_stream(features, calibration.applied(settings)).memberships()
    assert clusterer.memberships() == expected
    if window == 100:
        # Under twice the window: each candidate clusters the whole stream, and the
        # winner's clustering is the stream's (not 100 + 100 + 120).
        assert clustered == 2 * 120
    else:
        assert clustered == 50 + 50 + 120


def _articles(features: list[ArticleFeatures]) -> list[tuple[Article, ArticleFeatures]]:
    pairs = []
    for f in features:
        article = Article(id=f.id, title=f.title, source=f.source, published=f.published,
                          text=f"Report {f.id}.")  # fmt: skip
        pairs.append((article, replace(f)))
    return sorted(pairs, key=lambda pair: (pair[1].published, pair[1].id))


def _partition(groups: list[list[str]]) -> set[frozenset[str]]:
    return {frozenset(members) for members in groups}


def _stored(store: Store) -> set[frozenset[str]]:
    return _partition([s.members for s in store.stories(limit=1000)])


def _grown(before: set[frozenset[str]], after: set[frozenset[str]]) -> bool:
    """Every story from before is still whole, grown or not (none was regrouped)."""
    return all(any(story <= later for later in after) for story in before)


def test_an_input_known_whole_is_calibrated_on_before_it_is_clustered(tmp_path: Path) -> None:
    features, _ = _stream("events")
    pairs = _articles(features)
    settings = _settings(story_calibration_every=1000)
    with Store.open(str(tmp_path / "s.db"), settings) as store:
        assert "the defaults: 0 articles" in story_setting(store)
        assert "regrouped if the calibrated setting differs" in story_setting(store)
        first = track_features(pairs[:60], store, settings)
        kept = store.calibration()
        assert kept is not None and kept[1] == 60  # for the store the input makes
        assert kept[0].rise == 0.25 and kept[0].articles == 60
        [notice] = first.notices
        assert "story setting calibrated on the last 60 articles" in notice.reason
        assert "the articles are grouped with it" in notice.reason
        # The same stories as `cluster` gives the same articles: nothing was provisional.
        clustered, _ = calibrated_stream([f for _, f in pairs[:60]], settings)
        assert _stored(store) == _partition([s.members for s in clustered.stories])
        assert store.regrouping() is None
    with Store.open(str(tmp_path / "s.db"), settings) as store:
        # A new run reads the choice back and clusters with it; no new calibration is due.
        assert "time rise 0.25" in story_setting(store) and "store held 60" in story_setting(store)
        later = track_features(pairs[60:], store, settings)
        assert later.notices == [] and store.calibration() == kept


def test_a_store_fed_one_article_at_a_time_regroups_its_provisional_stories(
    tmp_path: Path,
) -> None:
    features, gold = _stream("events")
    pairs = _articles(features)
    settings = _settings(story_calibration_every=1000)
    with Store.open(str(tmp_path / "s.db"), settings) as store:
        notices = []
        for pair in pairs[:49]:  # as `watch` brings them: one poll, one article
            notices += track_features([pair], store, settings).notices
        assert notices == [] and store.calibration() is None
        provisional = {s.id: s.members for s in store.stories(limit=1000)}
        filed = store.filed([a.id for a, _ in pairs[:49]])
        # Under the defaults the events of a beat merge.
        assert max(len(members) for members in provisional.values()) > 3
        [notice] = track_features([pairs[49]], store, settings).notices
        assert "the 49 articles stored before it were regrouped with it" in notice.reason
        # Regrouped as `cluster` groups these 50 with the chosen rise; nothing else touched.
        chosen = cluster_stream([f for _, f in pairs[:50]], _settings(story_time_rise=0.25))
        assert _stored(store) == _partition([s.members for s in chosen.stories])
        assert store.check() == [] and store.count_articles() == 50
        assert store.filed([a.id for a, _ in pairs[:49]]) == filed
        done = store.regrouping()
        assert done is not None and done.articles == 49
        assert done.stories_before == len(provisional) < done.stories_after
        assert len(_stored(store)) - done.stories_after in (0, 1)  # the 50th: a story or not
        assert "were regrouped with it on" in story_setting(store)
        # A story id from before still finds the story holding the article that began it.
        for old_id, members in provisional.items():
            found = store.story(old_id)
            assert found is not None and members[0] in found.members
        for pair in pairs[50:]:
            track_features([pair], store, settings)
        # After the choice, no story mixes two events.
        for story in store.stories(limit=1000):
            assert len({gold[m] for m in story.members}) == 1


def test_a_small_store_is_regrouped_when_an_input_brings_it_to_the_minimum(
    tmp_path: Path,
) -> None:
    features, _ = _stream("events")
    pairs = _articles(features)
    settings = _settings(story_calibration_every=1000)
    with Store.open(str(tmp_path / "s.db"), settings) as store:
        track_features(iter(pairs[:30]), store, settings)  # too few to calibrate on
        [notice] = track_features(pairs[30:60], store, settings).notices
        assert "the 30 articles stored before it were regrouped with it" in notice.reason
        assert store.check() == [] and store.count_articles() == 60
    # Taken as they come (an iterator): calibrated once the store holds 50, and regrouped.
    with Store.open(str(tmp_path / "t.db"), settings) as store:
        [notice] = track_features(iter(pairs[:60]), store, settings).notices
        assert "the 50 articles stored before it were regrouped with it" in notice.reason
        assert store.calibration() is not None and store.count_articles() == 60
        assert store.check() == []


def test_a_regrouping_made_stale_by_another_writer_is_made_again(tmp_path: Path) -> None:
    features, _ = _stream("events")
    pairs = _articles(features)
    settings = _settings(story_calibration_every=1000)
    with Store.open(str(tmp_path / "s.db"), settings) as store:
        track_features(iter(pairs[:49]), store, settings)
        stories = store.story_states()
        calibration = calibrate([f for _, f in pairs[:50]], settings)
        assert calibration is not None
        # The store's side: stories that miss a stored article are refused, nothing kept.
        with pytest.raises(StaleStoryError):
            store.keep_calibration(calibration[0], 49, stories[1:])
        assert store.calibration() is None and store.check() == []
        # The calibrator's side: another process stores an article while the stories are
        # regrouped; the regrouping is made again, with it.
        keep = store.keep_calibration
        late, other = pairs[60]
        calls = []

        def interrupted(*args: object, **kwargs: object) -> object:
            calls.append(args)
            if len(calls) == 1:
                other_store = Store.open(str(tmp_path / "s.db"), settings)
                track_features([(late, other)], other_store, settings.model_copy(
                    update={"story_calibrate": False}))  # fmt: skip
                other_store.close()
            return keep(*args, **kwargs)

        store.keep_calibration = interrupted  # type: ignore[method-assign]
        [notice] = track_features([pairs[49]], store, settings).notices
        assert (
            len(calls) == 2 and "the 50 articles stored before it were regrouped" in notice.reason
        )
        assert store.check() == [] and store.count_articles() == 51
        done = store.regrouping()
        assert done is not None and done.articles == 50  # the other process's one included


def test_stories_of_a_calibrated_setting_or_beyond_the_window_are_kept(tmp_path: Path) -> None:
    features, _ = _stream("events")
    pairs = _articles(features)
    # Beyond the window: the calibration reads only the latest 50 of 60 stored articles.
    settings = _settings(story_calibration_every=1000, story_calibration_window=50)
    uncalibrated = settings.model_copy(update={"story_calibrate": False})
    with Store.open(str(tmp_path / "old.db"), settings) as store:
        track_features(pairs[:60], store, uncalibrated)  # as a store older than calibration
        before = _stored(store)
        [notice] = track_features(pairs[60:61], store, settings).notices
        assert "the stories already formed are kept" in notice.reason
        assert _grown(before, _stored(store)) and store.regrouping() is None
    # A later calibration that changes the setting leaves the stories as they are.
    settings = _settings(story_calibration_every=10)
    with Store.open(str(tmp_path / "s.db"), settings) as store:
        track_features(pairs[:60], store, settings)
        before = _stored(store)
        given = settings.model_copy(update={"story_calibration_rises": (0.0,)})
        [notice] = track_features(pairs[60:70], store, given).notices
        assert "the stories already formed are kept" in notice.reason
        assert store.calibration()[0].rise == 0.0  # type: ignore[index]
        assert _grown(before, _stored(store)) and store.regrouping() is None


def test_a_store_with_the_setting_given_does_not_calibrate(tmp_path: Path) -> None:
    features, _ = _stream("events")
    settings = _settings(story_time_rise=0.1, story_threshold=0.3)
    with Store.open(str(tmp_path / "s.db"), settings) as store:
        result = track_features(_articles(features)[:60], store, settings)
        assert result.notices == [] and store.calibration() is None
        assert story_setting(store) == "threshold 0.3, time rise 0.1 (rise given)"


def test_calibration_round_trips() -> None:
    features, _ = _stream("topics")
    found = calibrate(features, _settings())
    assert found is not None
    assert Calibration.from_dict(found[0].to_dict()) == found[0]


def test_cluster_and_stories_show_the_setting(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    result = CliRunner().invoke(app, ["stories", "--db", db])
    assert result.exit_code != 0  # no database yet
    features, _ = _stream("events")
    settings = _settings()
    with Store.open(db, settings) as store:
        track_features(_articles(features)[:60], store, settings)
    result = CliRunner().invoke(app, ["stories", "--db", db])
    assert result.exit_code == 0, result.output
    assert "story setting for new articles: threshold" in result.output
    assert "time rise 0.25" in result.output
    # Stories made under the defaults, then regrouped: `stories` says so.
    db = str(tmp_path / "t.db")
    with Store.open(db, settings) as store:
        for pair in _articles(features)[:60]:
            track_features([pair], store, settings)
    result = CliRunner().invoke(app, ["stories", "--db", db])
    assert result.exit_code == 0, result.output
    assert "the 49 articles stored before it were regrouped with it on" in result.output
