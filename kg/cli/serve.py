"""``kg serve``: the local store as a SPARQL 1.1 endpoint."""

from __future__ import annotations

from typing import Annotated

import typer

from kg.cli.output import err, handle_errors
from kg.errors import StoreError, UsageError


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_cmd)


@handle_errors
def serve_cmd(
    ctx: typer.Context,
    port: Annotated[int, typer.Option(min=0, max=65535, help="TCP port (0 picks a free one).")] = 7878,
    host: Annotated[str, typer.Option(help="Address to listen on; 0.0.0.0 opens it to the network.")] = "127.0.0.1",
    allow_update: Annotated[
        bool, typer.Option("--allow-update", help="Accept SPARQL updates and Graph Store writes.")
    ] = False,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0.1, help="Stop a query after this many seconds (503 to its client).")
    ] = 30.0,
    workers: Annotated[
        int, typer.Option("--workers", min=1, max=64, help="Queries run at once, each in its own process.")
    ] = 2,
    allow_service: Annotated[
        bool,
        typer.Option("--allow-service", help="Run federated SERVICE clauses (the server then sends HTTP requests)."),
    ] = False,
) -> None:
    """Serve the store as a SPARQL 1.1 endpoint (/sparql) and Graph Store (/store), read-only by default.

    The default graph is the union of the document graphs; queries calling a remote SERVICE are
    refused (HTTP 400) unless --allow-service. Each query runs in one of --workers processes and
    is stopped after --timeout seconds (HTTP 503); when all are busy a new query gets 503.

    Example: kg serve --port 7878, then query http://127.0.0.1:7878/sparql from YASGUI or SPARQLWrapper
    """
    from rich.markup import escape

    from kg.serve.server import make_server
    from kg.store import locate

    where = locate(ctx.obj["store"])
    if where.remote:
        raise UsageError("kg serve serves a local store folder; this --store is already an endpoint")
    try:
        server = make_server(
            where.value,
            host=host,
            port=port,
            allow_update=allow_update,
            allow_service=allow_service,
            timeout=timeout,
            workers=workers,
        )
    except OSError as exc:
        raise StoreError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    bound_host, bound_port = server.server_address[:2]
    mode = "read-write" if allow_update else "read-only"
    err.print(escape(f"serving {where} ({mode}) at http://{bound_host}:{bound_port}/sparql; Ctrl-C stops"))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        if allow_update:
            server.store.flush()
