"""A test client that reaches the web app as a browser on this machine would: from a
loopback peer, under a loopback host name (an app without a token answers nothing else)."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from starlette.types import ASGIApp

LOCAL_BASE = "http://localhost"


def local_client(app: ASGIApp, **options: Any) -> TestClient:
    return TestClient(app, base_url=LOCAL_BASE, client=("127.0.0.1", 50000), **options)
