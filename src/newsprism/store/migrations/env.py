"""Alembic environment: the store runs migrations on its own connection.

`newsprism.store` calls ``alembic.command.upgrade`` with the connection in
``config.attributes["connection"]``, inside a transaction it has already begun, so an
upgrade either completes or leaves the database as it was. Run by the ``alembic``
command line (for new revisions), the URL comes from ``NEWSPRISM_DATABASE`` or the
``sqlalchemy.url`` of alembic.ini.
"""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import Connection, create_engine

from newsprism.store.schema import Base

config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        # SQLite cannot ALTER most things: batch mode copies the table instead.
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    url = os.environ.get("NEWSPRISM_DATABASE") or config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("set NEWSPRISM_DATABASE or sqlalchemy.url to the database URL")
    if "://" not in url:
        url = f"sqlite:///{url}"
    engine = create_engine(url)
    with engine.begin() as conn:
        _run(conn)
    engine.dispose()
