"""Connecting to the store's database: engines, schema versions, and clear errors.

SQLite (a file path) is the default; an SQLAlchemy URL such as
``postgresql+psycopg://user@host/db`` selects another server. Every SQLite connection
runs with foreign keys on, a busy timeout and full synchronous commits; the file is in
WAL mode, so readers never wait for the writer. A write transaction starts with
``BEGIN IMMEDIATE``: it takes the write lock before it reads, so two writers never
interleave their reads and writes.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from newsprism.errors import DatabaseBusyError, NewsprismError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
WRITE = "newsprism_write"  # execution option: this transaction writes


@dataclass(frozen=True)
class Target:
    """Where the database is: a URL, and how to name it in messages."""

    url: str
    name: str
    path: Path | None = None  # the file, for SQLite

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")


def resolve(target: str) -> Target:
    """A file path becomes an SQLite URL; a URL is used as given."""
    if "://" not in target:
        path = Path(target).expanduser().absolute()
        return Target(f"sqlite:///{path}", str(path), path)
    try:
        url = make_url(target)
    except ArgumentError:
        raise NewsprismError(f"{target}: not a database path or URL") from None
    name = url.render_as_string(hide_password=True)
    database = url.database or ""
    file: Path | None = None
    if url.get_backend_name() == "sqlite" and database and database != ":memory:":
        file = Path(database.removeprefix("file:").split("?")[0]).expanduser().absolute()
        name = str(file)
    return Target(target, name, file)


def _busy(error: DBAPIError) -> bool:
    detail = str(error.orig or error).lower()
    return "locked" in detail or "busy" in detail


def describe(error: DBAPIError, target: Target, timeout: float) -> str:
    """One line for the reader about a database error the driver raised."""
    detail = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
    lower = detail.lower()
    if _busy(error):
        return (
            f"{target.name}: the database is locked by another process (waited {timeout:g} s); "
            "try again when it has finished"
        )
    if "readonly" in lower or "read-only" in lower:
        return (
            f"{target.name}: the database is read-only; check the permissions of the file "
            "and of its folder (SQLite writes its journal next to the file)"
        )
    if "not a database" in lower or "malformed" in lower:
        return f"{target.name}: not a newsprism database, or a damaged one ({detail})"
    if "unable to open" in lower:
        return f"{target.name}: cannot open the database file ({detail})"
    if "connection" in lower and ("failed" in lower or "refused" in lower):
        return f"{target.name}: cannot connect to the database server ({detail})"
    if "full" in lower:
        return f"{target.name}: the disk is full; nothing more was stored ({detail})"
    return f"{target.name}: database error: {detail}"


@contextmanager
def translated(target: Target, timeout: float) -> Iterator[None]:
    """Turn a driver error into a one-line `NewsprismError`.

    Integrity errors pass through: callers handle a lost race on a unique key.
    """
    from sqlalchemy.exc import IntegrityError

    try:
        yield
    except IntegrityError:
        raise
    except DBAPIError as error:
        reason = describe(error, target, timeout)
        kind = DatabaseBusyError if _busy(error) else NewsprismError
        raise kind(reason) from None


def connect(target: Target, timeout: float) -> Engine:
    """An engine for ``target``; for SQLite, with the connection settings described above."""
    options: dict[str, Any] = {}
    if target.is_sqlite:
        options["connect_args"] = {"timeout": timeout}
    elif target.url.startswith("postgresql"):
        options["connect_args"] = {"connect_timeout": max(1, round(timeout))}
    try:
        engine = create_engine(target.url, **options)
    except (ArgumentError, NoSuchModuleError, ImportError) as error:
        raise NewsprismError(
            f"{target.name}: cannot use this database URL ({error}); newsprism works with "
            "SQLite files and postgresql+psycopg:// URLs"
        ) from None
    if target.is_sqlite:
        _configure_sqlite(engine, timeout)
    return engine


def _configure_sqlite(engine: Engine, timeout: float) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # The sqlite3 module would start transactions on its own, only before writes;
        # ours must cover reads too, so we emit BEGIN ourselves (see `_on_begin`).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
        # FULL: a commit is on disk before it returns, so "stored" survives a power cut.
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        write = connection.get_execution_options().get(WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def use_wal(engine: Engine) -> None:
    """Switch the file to WAL mode (persistent); a read-only file stays as it is."""
    with engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        try:
            raw.execute("PRAGMA journal_mode=WAL")
        except Exception as error:  # sqlite3.OperationalError: the file is read-only
            if "readonly" not in str(error).lower():
                raise


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head() -> str:
    """The schema revision this version of newsprism writes."""
    heads = ScriptDirectory.from_config(_config()).get_heads()
    return heads[0]


def check_schema(engine: Engine, target: Target) -> bool:
    """Whether the database needs migrating; refuses databases it must not touch.

    Reads only. Raises `NewsprismError` for a schema newer than this version knows, and
    for a database holding tables that are not newsprism's.
    """
    scripts = ScriptDirectory.from_config(_config())
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_heads()
        tables = set(inspect(connection).get_table_names())
    for revision in current:
        try:
            scripts.get_revision(revision)
        except CommandError:
            raise NewsprismError(
                f"{target.name}: written by a newer version of newsprism (schema revision "
                f"{revision}); upgrade newsprism to use it. The database was not changed."
            ) from None
    if not current and tables:
        raise NewsprismError(
            f"{target.name}: holds tables that are not newsprism's ({', '.join(sorted(tables))}); "
            "give a new file or an empty database"
        )
    return set(current) != set(scripts.get_heads())


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (the newest by default), in one transaction."""
    config = _config()
    with engine.connect().execution_options(**{WRITE: True}) as connection, connection.begin():
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
