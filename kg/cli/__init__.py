"""The ``kg`` command line: thin typer commands over the library functions.

Heavy imports (spaCy, pyvis, pyoxigraph) happen inside the commands that need them, so
``kg --help`` starts fast.
"""

from __future__ import annotations

import sys
from functools import cache
from typing import Annotated

import typer

from kg.cli import commands


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


def build(argv: list[str] | None = None) -> typer.Typer:
    """The app with every command, or with ``argv``'s command only when it names one: typer
    builds a click command for each registered function on every start, ~70 ms for all of them."""
    app = typer.Typer(
        name="kg",
        help="News text in, an evidence-backed knowledge graph of who met whom out.\n\n"
        "Example: kg ingest examples/ && kg who-met-whom Bessent",
        no_args_is_help=True,
        add_completion=False,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
    )
    app.callback()(main_options)
    commands.register(app, None if argv is None else commands.named(argv))
    return app


@cache
def _every_command() -> typer.Typer:
    return build()


def __getattr__(name: str) -> typer.Typer:
    """``from kg.cli import app``: the app with every command (tests, scripts, notebooks)."""
    if name == "app":
        return _every_command()
    raise AttributeError(name)


def main() -> None:
    build(sys.argv[1:])()
