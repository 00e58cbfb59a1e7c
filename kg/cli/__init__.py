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
    """Run the command ``sys.argv`` names. A command that starts no workers or servers leaves without the
    interpreter's teardown (freeing every module and object once the answer is out: ~70 ms, a
    fifth of a who-met-whom): its store is closed and its output is flushed first. Commands that
    write, serve or start workers end normally, so that every library's exit handlers run."""
    import os

    # pydantic looks for plugins in every installed package's metadata when it first builds a
    # validator (~30 ms of each start); the command line uses none. A user's own setting wins.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    argv = sys.argv[1:]
    command = commands.named(argv)
    try:
        build(argv)()
    except SystemExit as exc:
        if command is not None and command not in commands.QUICK_EXIT:
            raise
        code = exc.code
        if isinstance(code, str):  # sys.exit("message"): what the interpreter would print
            print(code, file=sys.stderr)
            code = 1
        _leave(0 if code is None else int(code))


def _leave(code: int) -> None:
    import os

    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`kg ... | head`): nothing more to say
            pass
    os._exit(code)
