"""What the first calibration of a store regrouped (the stories made under the defaults before
it, clustered again with its setting), and the ids of stories it dissolved, so that a story id
a user kept still finds its articles.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("story_calibrations", sa.Column("regrouped", sa.JSON()))
    op.create_table(
        "story_aliases",
        sa.Column("old_id", sa.String(64), primary_key=True),
        sa.Column("story_id", sa.String(64), nullable=False),
        sa.Column("made_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("story_aliases")
    with op.batch_alter_table("story_calibrations") as batch:
        batch.drop_column("regrouped")
