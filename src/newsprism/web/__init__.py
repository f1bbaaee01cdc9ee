"""The web app: `create_app` builds it; `newsprism serve` runs it with uvicorn."""

from newsprism.web.app import DEFAULT_MAX_REQUEST_BYTES, create_app

__all__ = ["DEFAULT_MAX_REQUEST_BYTES", "create_app"]
