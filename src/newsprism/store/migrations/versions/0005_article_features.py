"""Each article's clustering features, kept so that stored articles are never annotated
again to be clustered.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("articles", sa.Column("features", sa.JSON()))


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("features")
