"""The last comparison of each story, so it is made once per set of members and a list of
stories can show what was found.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "story_reports",
        sa.Column(
            "story_id",
            sa.String(64),
            sa.ForeignKey("stories.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("made_for", sa.String(64), nullable=False),
        sa.Column("made_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("discrepancies", sa.Integer(), nullable=False),
        sa.Column("differences", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text()),
        sa.Column("comparison", sa.JSON(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("story_reports")
