"""`newsprism serve`: the web app and its API over the store, with uvicorn."""

from __future__ import annotations

import ipaddress
from typing import Annotated

import typer

from newsprism.cli.app import (
    CacheDirOption,
    NoCacheOption,
    app,
    database,
    err,
    needs,
    settings_from,
)
from newsprism.errors import NewsprismError

# Long enough that guessing it over the network is hopeless.
MIN_TOKEN_LENGTH = 16
GRACEFUL_SHUTDOWN_SECONDS = 5


def _host_header(host: str) -> str:
    try:
        return f"[{host}]" if ipaddress.ip_address(host).version == 6 else host
    except ValueError:
        return host


@app.command(
    epilog=(
        "Examples:\n\n"
        "  newsprism serve\n\n"
        "  newsprism serve --db stories.db --port 8080 --allow-fetch\n\n"
        "  NEWSPRISM_TOKEN=$(python -c 'import secrets; print(secrets.token_urlsafe())') "
        "newsprism serve --host 0.0.0.0"
    )
)
def serve(
    db: Annotated[
        str | None,
        typer.Option(
            "--db", help="SQLite file or database URL (default: the NEWSPRISM_DATABASE setting)."
        ),
    ] = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="NEWSPRISM_TOKEN",
            help="Required by write endpoints and forms; needed to listen beyond this machine.",
        ),
    ] = None,
    allow_fetch: Annotated[
        bool,
        typer.Option(
            "--allow-fetch", metavar="", help="Let users give URLs for the server to fetch."
        ),
    ] = False,
    allow_private: Annotated[
        bool,
        typer.Option(
            "--allow-private",
            metavar="",
            help="With --allow-fetch: also fetch from private, loopback and link-local addresses.",
        ),
    ] = False,
    max_request_bytes: Annotated[
        int, typer.Option(min=1, help="Largest request body accepted, in bytes.")
    ] = 10_000_000,
    no_cache: NoCacheOption = False,
    cache_dir: CacheDirOption = None,
) -> None:
    """Serve the web app (compare now, stories, feeds) and its REST API (docs at /docs)."""
    needs("web", "fastapi", "uvicorn", "python_multipart")
    import uvicorn

    from newsprism.web import create_app
    from newsprism.web.security import LOOPBACK_HOSTS, is_loopback

    local = is_loopback(host)
    if not local and not token:
        raise NewsprismError(
            f"refusing to listen on {host} without a token; give --token (or NEWSPRISM_TOKEN), "
            "or listen on 127.0.0.1"
        )
    if token is not None and len(token) < MIN_TOKEN_LENGTH:
        raise NewsprismError(f"the token is too short: use at least {MIN_TOKEN_LENGTH} characters")
    if allow_private and not allow_fetch:
        raise NewsprismError("--allow-private needs --allow-fetch")
    settings = settings_from(None, False, no_cache, cache_dir)
    web = create_app(
        settings,
        database(db),
        token=token,
        allow_fetch=allow_fetch,
        allow_private=allow_private,
        max_request_bytes=max_request_bytes,
        # On this machine only, refuse other Host names: a web page could otherwise reach
        # the server through a domain that resolves to 127.0.0.1 (DNS rebinding).
        allowed_hosts=[*LOOPBACK_HOSTS, _host_header(host)] if local else None,
        preload=True,
    )
    err.print(f"newsprism: serving http://{_host_header(host)}:{port}/ (API docs at /docs)")
    uvicorn.run(
        web,
        host=host,
        port=port,
        log_level="info",
        server_header=False,
        proxy_headers=False,
        # Requests still running this long after SIGTERM or Ctrl-C are cancelled.
        timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS,
    )
