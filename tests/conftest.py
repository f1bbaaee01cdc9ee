"""Shared fixtures: paths, settings isolated from the environment, loaded models, a local web server."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest

from hostile_server import serving_on_loopback
from newsprism.config import Settings
from newsprism.ingest.prepare import Collection, read_articles
from newsprism.model import Article
from newsprism.nlp.annotation import annotate

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "hanoi-summit"
DATA = Path(__file__).resolve().parent / "data"


Write = Callable[[str, str | bytes], Path]

REPORT = (DATA / "report.txt").read_text(encoding="utf-8")
ARTICLE_HTML = (DATA / "article.html").read_text(encoding="utf-8")


def errors_of(collection: Collection) -> list[str]:
    return [str(p) for p in collection.errors]


def notices_of(collection: Collection) -> list[str]:
    return [str(p) for p in collection.problems if p.level == "notice"]


@pytest.fixture(scope="session")
def session_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One annotation cache for the whole run, so models parse each text once."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, session_cache: Path) -> None:
    """No NEWSPRISM_* variable of the machine leaks in, and nothing is written to ~/.cache."""
    import os

    for name in list(os.environ):
        if name.startswith("NEWSPRISM_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("NEWSPRISM_CACHE_DIR", str(session_cache))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


@pytest.fixture
def settings() -> Settings:
    return Settings.load(cache=False)


@pytest.fixture(scope="session")
def examples() -> Collection:
    """The two bundled Hanoi-summit reports, read and cleaned (not annotated)."""
    return read_articles([str(EXAMPLES)], Settings.load(cache=False))


@pytest.fixture(scope="session")
def single_thread_torch() -> None:
    """One torch thread: on a busy two-core machine more threads make MiniLM 10x slower."""
    import torch

    torch.set_num_threads(1)


@pytest.fixture(scope="session")
def annotated_examples(
    examples: Collection, session_cache: Path, single_thread_torch: None
) -> list[Article]:
    """The bundled reports annotated with spaCy and MiniLM (models load once per run)."""
    return annotate(examples.articles, Settings.load(cache_dir=session_cache))


def by_source(articles: list[Article], source: str) -> Article:
    return next(a for a in articles if a.source == source)


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    send_length: bool = True


@dataclass
class LocalServer:
    """A web server on 127.0.0.1 whose answers the tests set; ``hits`` counts requests."""

    base: str
    routes: dict[str, Route]
    hits: dict[str, int]

    def url(self, path: str) -> str:
        return self.base + path

    def page(self, path: str, body: bytes | str, content_type: str = "text/html") -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(body=data, headers={"Content-Type": content_type})
        return self.url(path)


def _handler(server: LocalServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = self.path.split("?")[0]
            server.hits[path] = server.hits.get(path, 0) + 1
            route = server.routes.get(path) or Route(
                404, b"not found", {"Content-Type": "text/plain"}
            )
            self.send_response(route.status)
            for name, value in route.headers.items():
                self.send_header(name, value)
            if route.send_length:
                self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            self.wfile.write(route.body)

        def log_message(self, *args: object) -> None:
            return

    return Handler


@pytest.fixture(scope="session")
def http_server() -> Iterator[LocalServer]:
    """A web server whose answers the tests set, stopped after the run."""
    state = LocalServer(base="", routes={}, hits={})
    with serving_on_loopback(_handler(state)) as state.base:
        yield state


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    """Write a file under tmp_path (text as UTF-8) and return its path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


def sentence_spans(articles: list[Article]) -> Iterator[Any]:
    """Every sentence of the annotated ``articles`` as a spaCy span, whole, and a piece
    that starts two tokens before it and stops three tokens short of its end."""
    for article in articles:
        doc = article.doc
        for sentence in doc.sents:
            yield sentence
            yield doc[max(0, sentence.start - 2) : max(sentence.start, sentence.end - 3)]
