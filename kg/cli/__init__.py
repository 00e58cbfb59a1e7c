"""The ``kg`` command line: thin typer commands over the library functions.

Heavy imports (spaCy, pyvis, pyoxigraph) happen inside the commands that need them, so
``kg --help`` starts fast.
"""

from __future__ import annotations

from typing import Annotated

import typer

from kg.cli import commands

app = typer.Typer(
    name="kg",
    help="News text in, an evidence-backed knowledge graph of who met whom out.\n\n"
    "Example: kg ingest examples/ && kg who-met-whom Bessent",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


@app.callback()
def main_options(
    ctx: typer.Context,
    store: Annotated[
        str | None,
        typer.Option(
            "--store",
            help="Store folder, or a SPARQL endpoint sparql+http://host/sparql (default: $KG_STORE or ./kg-store).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """News text in, an evidence-backed knowledge graph of who met whom out.

    Example: kg --store /tmp/kg ingest examples/ && kg --store /tmp/kg who-met-whom Bessent
    """
    ctx.obj = {"store": store}


commands.register(app)


def main() -> None:
    app()
