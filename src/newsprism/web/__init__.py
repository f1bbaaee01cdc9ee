"""The web app: `create_app` builds it; `newsprism serve` runs it with uvicorn."""

from newsprism.web.app import DEFAULT_MAX_REQUEST_BYTES, create_app
from newsprism.web.policy import MIN_TOKEN_LENGTH, host_header

__all__ = ["DEFAULT_MAX_REQUEST_BYTES", "MIN_TOKEN_LENGTH", "create_app", "host_header"]
