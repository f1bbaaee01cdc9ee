"""`newsprism serve`: the web app and its API over the store, with uvicorn."""

from __future__ import annotations

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

GRACEFUL_SHUTDOWN_SECONDS = 5


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

    from newsprism.web import create_app, host_header

    settings = settings_from(None, False, no_cache, cache_dir)
    # The app enforces who may reach it (token, this machine's peers and host names).
    web = create_app(
        settings,
        database(db),
        token=token,
        allow_fetch=allow_fetch,
        allow_private=allow_private,
        max_request_bytes=max_request_bytes,
        preload=True,
        host=host,
    )
    err.print(f"newsprism: serving http://{host_header(host)}:{port}/ (API docs at /docs)")
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
