"""The story settings each calibration of the stream chose, so a store keeps using them and
shows them.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "story_calibrations",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("made_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("articles", sa.Integer(), nullable=False),
        sa.Column("calibration", sa.JSON(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("story_calibrations")
