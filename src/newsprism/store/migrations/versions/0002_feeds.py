"""Feeds the reader follows, and the entries already handled.

Revision ID: 0002
Revises: 0001
Create Date: 2026-05-10
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

UTC_TIME = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "feeds",
        sa.Column("url", sa.Text(), primary_key=True),
        sa.Column("title", sa.Text()),
        sa.Column("etag", sa.Text()),
        sa.Column("last_modified", sa.Text()),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text()),
        sa.Column("last_polled", UTC_TIME),
        sa.Column("next_poll", UTC_TIME),
        sa.Column("added", UTC_TIME),
    )
    op.create_table(
        "feed_entries",
        sa.Column("feed_url", sa.Text(), primary_key=True),
        sa.Column("entry_id", sa.Text(), primary_key=True),
        sa.Column("seen_at", UTC_TIME, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("feed_entries")
    op.drop_table("feeds")
