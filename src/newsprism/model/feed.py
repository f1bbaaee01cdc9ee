"""A feed the reader follows, with what polling it has learned so far."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from newsprism.model.base import Model


class Feed(Model):
    url: str = Field(description="The feed as the reader listed it: its identity.")
    location: str | None = Field(
        default=None, description="Where the feed moved permanently (301/308); polled there."
    )
    title: str | None = None
    etag: str | None = Field(default=None, description="ETag of the last full response.")
    last_modified: str | None = Field(default=None, description="Last-Modified, verbatim.")
    failures: int = Field(default=0, ge=0, description="Failed polls in a row (for back-off).")
    last_error: str | None = None
    last_polled: datetime | None = None
    next_poll: datetime | None = Field(default=None, description="Not polled before this time.")
    added: datetime | None = None
