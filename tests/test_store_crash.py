"""kill -9 in the middle of an ingest: nothing reported as stored is lost, nothing is broken.

A child process stores articles and prints each id once its transaction has committed;
the test kills it with SIGKILL while it runs, reopens the database and checks that every
printed id is there, that SQLite's integrity check passes, and that memberships and story
sizes agree. The next run continues from where the killed one stopped.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from newsprism.config import Settings
from newsprism.store import Store
from test_store_suite import STREAM

TESTS = Path(__file__).resolve().parent

# Stores articles 0..count-1 into five stories, continuing whatever the database holds.
STORE_CHILD = textwrap.dedent(
    """
    import sys
    from test_store_suite import features, join, make_article
    from newsprism.config import Settings
    from newsprism.store import Store

    path, count = sys.argv[1], int(sys.argv[2])
    with Store.open(path, Settings.load(cache=False)) as store:
        states = {s.id: s for s in store.story_states()}
        for n in range(count):
            article = make_article(n, source=f"outlet {n % 3}")
            if store.has_article(article.id):
                continue
            story = f"story-{n % 5}"
            state = join(states.get(story), features(article, n), story)
            states[story] = state
            if store.add_article(article, features(article, n), state):
                print(article.id, flush=True)
    """
)


# The real pipeline: read a JSONL stream, annotate, cluster, store (two articles a batch,
# so that annotating and committing alternate and the kill lands in the middle).
TRACK_CHILD = textwrap.dedent(
    """
    import sys
    from newsprism.config import Settings
    from newsprism.ingest.prepare import read_articles
    from newsprism.store import Store
    from newsprism.workflows.tracking import track

    settings = Settings.load(batch_size=2)
    articles = read_articles([sys.argv[2]], settings).articles
    with Store.open(sys.argv[1], settings) as store:
        def report(item):
            if item.stored:
                print(item.article.id, flush=True)
        track(articles, store, settings, on_item=report)
    """
)


def _run_and_kill(code: str, args: list[str], after: int, env: dict[str, str]) -> list[str]:
    """Start the child, read ``after`` printed ids, SIGKILL it; all ids it printed."""
    child = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    printed: list[str] = []
    try:
        assert child.stdout is not None
        for line in child.stdout:
            printed.append(line.strip())
            if len(printed) >= after:
                os.kill(child.pid, signal.SIGKILL)
                break
        rest, errors = child.communicate(timeout=120)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    printed += [line.strip() for line in rest.splitlines() if line.strip()]
    assert child.returncode in (-signal.SIGKILL, 0), errors
    return printed


def _child_env() -> dict[str, str]:
    path = os.pathsep.join(filter(None, [str(TESTS), os.environ.get("PYTHONPATH")]))
    return {**os.environ, "PYTHONPATH": path}


def _assert_consistent(path: Path, printed: list[str]) -> set[str]:
    """Everything reported as stored is there, and the store is whole; the stored ids.

    The stored ids may be more than the printed ones: an article committed in the instant
    between its commit and the kill was never reported, and the next run skips it.
    """
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = {row[0] for row in connection.execute("SELECT id FROM articles")}
    connection.close()
    assert set(printed) <= stored
    with Store.open(str(path), Settings.load(cache=False)) as store:
        assert store.check() == []
        members = [m for story in store.stories(limit=1000) for m in story.members]
        assert sorted(members) == sorted(stored)
    return stored


def test_kill_9_loses_nothing_stored(tmp_path: Path) -> None:
    path = tmp_path / "stream.db"
    count, printed = 120, []
    env = _child_env()
    for after in (5, 26, 50):  # three kills at different moments of the stream
        printed += _run_and_kill(STORE_CHILD, [str(path), str(count)], after, env)
        _assert_consistent(path, printed)
    assert len(printed) == len(set(printed))  # a restarted run never stores one twice
    printed += _run_and_kill(STORE_CHILD, [str(path), str(count)], count + 1, env)
    assert len(printed) == len(set(printed))
    assert len(_assert_consistent(path, printed)) == count


@pytest.mark.slow
def test_kill_9_during_track(tmp_path: Path) -> None:
    """Two child processes load the models: slow."""
    path, stream = tmp_path / "stream.db", tmp_path / "stream.jsonl"
    lines = []
    for day in range(1, 5):  # the stream, again on later days with one more sentence
        for item in STREAM:
            text = f"{item['text']}\n\nOfficials gave an update on day {day}."
            lines.append(json.dumps({**item, "id": f"{item['id']}-{day}", "text": text}))
    stream.write_text("\n".join(lines) + "\n", encoding="utf-8")
    env = _child_env()
    printed = _run_and_kill(TRACK_CHILD, [str(path), str(stream)], 3, env)
    _assert_consistent(path, printed)
    printed += _run_and_kill(TRACK_CHILD, [str(path), str(stream)], len(lines) + 1, env)
    assert len(printed) == len(set(printed))
    assert len(_assert_consistent(path, printed)) == len(lines)
