"""Store management and views: ``forget``, ``html``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli.output import err, handle_errors, print_json
from kg.errors import KgError


def register(app: typer.Typer) -> None:
    app.command("forget")(forget_cmd)
    app.command("html")(html_cmd)


@handle_errors
def forget_cmd(
    ctx: typer.Context,
    doc_id: Annotated[
        str, typer.Argument(help="The document id (as printed by `kg ingest --json` and in who-met-whom --json).")
    ],
    json_: Annotated[bool, typer.Option("--json", help="Print JSON on stdout.")] = False,
) -> None:
    """Remove one document and every fact it contributed (its named graph).

    Example: kg forget 3f2a9c0d1e4b5a67
    """
    from kg import iris
    from kg.store import open_store

    store = open_store(ctx.obj["store"])
    try:
        removed = store.drop_graph(iris.document(doc_id.strip()))
    finally:
        store.close()
    if not removed:
        raise KgError(f"no document {doc_id!r} in the store; `kg sparql` can list them")
    if json_:
        print_json({"forgotten": doc_id})
    err.print(f"forgot document {doc_id}")


@handle_errors
def html_cmd(
    ctx: typer.Context,
    output: Annotated[Path, typer.Option("-o", "--output", help="The HTML file to write.")] = Path(
        "exports/graph.html"
    ),
) -> None:
    """Write an interactive, offline HTML page of who met whom.

    Example: kg html -o exports/graph.html
    """
    from kg.export.html import write_page
    from kg.store import open_store

    nodes, edges = write_page(open_store(ctx.obj["store"], read_only=True), output)
    err.print(f"wrote {output} ({nodes} nodes, {edges} edges)")
