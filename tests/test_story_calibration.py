"""The story setting calibrated per stream: silhouette over candidate settings, the user's
values kept, the store's choice kept and shown."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.config import Settings
from newsprism.evaluation.clusters import bcubed
from newsprism.model import Article
from newsprism.store import Store
from newsprism.stories import Calibration, calibrate, calibrated_stream, cluster_stream
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
    return Settings.load(cache=False, story_calibration_after=50, **given)


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


def _articles(features: list[ArticleFeatures]) -> list[tuple[Article, ArticleFeatures]]:
    pairs = []
    for f in features:
        article = Article(id=f.id, title=f.title, source=f.source, published=f.published,
                          text=f"Report {f.id}.")  # fmt: skip
        pairs.append((article, replace(f)))
    return sorted(pairs, key=lambda pair: (pair[1].published, pair[1].id))


def test_the_store_calibrates_on_its_history_and_keeps_the_choice(tmp_path: Path) -> None:
    features, gold = _stream("events")
    pairs = _articles(features)
    settings = _settings(story_calibration_every=1000)
    with Store.open(str(tmp_path / "s.db"), settings) as store:
        assert "the defaults: 0 articles" in story_setting(store)
        first = track_features(pairs[:60], store, settings)
        kept = store.calibration()
        assert kept is not None and kept[1] == 50  # calibrated once it held 50
        assert kept[0].rise == 0.25 and kept[0].articles == 50
        [notice] = first.notices
        assert "story setting calibrated on the last 50 articles" in notice.reason
        assert "the stories already formed are kept" in notice.reason
    with Store.open(str(tmp_path / "s.db"), settings) as store:
        # A new run reads the choice back and clusters with it; no new calibration is due.
        assert "time rise 0.25" in story_setting(store) and "store held 50" in story_setting(store)
        later = track_features(pairs[60:], store, settings)
        assert later.notices == [] and store.calibration() == kept
        stories = [s.members for s in store.stories(limit=100)]
    # The stories formed before the choice stay (the defaults merged the events of a beat);
    # the articles after it are told apart event by event.
    assert max(len(members) for members in stories) > 3
    later = {f.id for _, f in pairs[60:]}
    for members in stories:
        assert len({gold[m] for m in members if m in later}) <= 1


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
