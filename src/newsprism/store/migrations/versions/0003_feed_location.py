"""Where a feed moved permanently (a 301 or 308), so polls go there directly.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("feeds", sa.Column("location", sa.Text()))


def downgrade() -> None:
    with op.batch_alter_table("feeds") as batch:
        batch.drop_column("location")
