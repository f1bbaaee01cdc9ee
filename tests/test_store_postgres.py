"""The store suite against a real PostgreSQL server that this test starts and stops.

The fixture runs ``initdb`` in a temporary folder and starts the server on 127.0.0.1 on a
free port; as root it runs them as the unprivileged ``postgres`` user (PostgreSQL refuses
to run as root). Where no server can start, the tests are skipped, saying why.
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from test_store_suite import StoreSuite

psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed")


def _binaries() -> Path | None:
    """The folder holding initdb and pg_ctl: on PATH, or Debian's versioned folders."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).parent
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    )
    for folder in reversed(candidates):
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    return None


def _as_user() -> tuple[Callable[[], None] | None, int, int]:
    """How to drop root for the server: (preexec_fn, uid, gid)."""
    if os.geteuid() != 0:
        return None, os.getuid(), os.getgid()
    for name in ("postgres", "nobody"):
        try:
            entry = pwd.getpwnam(name)
        except KeyError:
            continue

        def drop(uid: int = entry.pw_uid, gid: int = entry.pw_gid) -> None:
            os.setgroups([])
            os.setgid(gid)
            os.setuid(uid)

        return drop, entry.pw_uid, entry.pw_gid
    pytest.skip("PostgreSQL cannot run as root and no unprivileged user exists")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run(command: list[str], preexec: Callable[[], None] | None) -> subprocess.CompletedProcess:
    return subprocess.run(
        command,
        preexec_fn=preexec,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "LC_ALL": "C", "PGTZ": "UTC"},
        cwd="/",
        check=False,
    )


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A running server; yields the URL of its superuser, without a database name."""
    folder = _binaries()
    if folder is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) not found; install postgresql")
    preexec, uid, gid = _as_user()
    root = Path(tempfile.mkdtemp(prefix="newsprism-pg-"))
    os.chown(root, uid, gid)
    data, log, port = root / "data", root / "server.log", _free_port()
    try:
        made = _run(
            [
                str(folder / "initdb"),
                "-D",
                str(data),
                "-U",
                "newsprism",
                "-A",
                "trust",
                "-E",
                "UTF8",
            ],
            preexec,
        )
        if made.returncode != 0:
            pytest.skip(f"PostgreSQL could not be initialized: {made.stderr.strip()[-500:]}")
        options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
        started = _run(
            [str(folder / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(log), "-w", "start"],
            preexec,
        )
        if started.returncode != 0:
            tail = log.read_text(errors="replace")[-500:] if log.exists() else started.stderr
            pytest.skip(f"PostgreSQL server did not start: {tail.strip()}")
        try:
            yield f"postgresql+psycopg://newsprism@127.0.0.1:{port}"
        finally:
            _run([str(folder / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"], preexec)
    finally:
        shutil.rmtree(root, ignore_errors=True)


_numbers = itertools.count()


class TestPostgresStore(StoreSuite):
    @pytest.fixture
    def target(self, postgres_url: str) -> Iterator[str]:
        name = f"store_test_{next(_numbers)}"
        admin = postgres_url.replace("postgresql+psycopg", "postgresql") + "/postgres"
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f"CREATE DATABASE {name}")
        yield f"{postgres_url}/{name}"
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE {name} WITH (FORCE)")
