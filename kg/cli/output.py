"""Where output goes: results on stdout, progress, warnings and errors on stderr.

Rich honours ``NO_COLOR``; news text is escaped before it meets rich markup. Rich is imported on
first use (about 60 ms), so ``kg --help`` and ``--json`` answers never load it.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from typing import Any

import typer

from kg.errors import KgError


class _LazyConsole:
    """A rich ``Console`` made when something is first printed through it."""

    def __init__(self, **options: Any):
        self._options = options
        self._console = None

    def real(self):
        """The Console itself, for rich objects that want one (``Progress``)."""
        if self._console is None:
            from rich.console import Console

            self._console = Console(**self._options)
        return self._console

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real(), name)


out = _LazyConsole(highlight=False, soft_wrap=False)
err = _LazyConsole(stderr=True, highlight=False, soft_wrap=True)  # an error stays one line


def escape(text: str) -> str:
    """News text made safe for rich markup."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)


def print_json(data: Any) -> None:
    """Indented for a person at a terminal; compact when piped to a script, which lets Python use
    its C encoder (an indented dump runs in pure Python: 0.9 s for a hub's 13,000 meetings). An
    API answer (a pydantic model) is written by pydantic's own encoder, by field alias: a
    third of the time of a dump to dicts and then to text."""
    indent = 2 if sys.stdout.isatty() else None
    if hasattr(data, "model_dump_json"):
        sys.stdout.write(data.model_dump_json(by_alias=True, indent=indent) + "\n")
        return
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=indent) + "\n")


def fail(message: str, code: int = 1) -> typer.Exit:
    err.print(f"[bold red]error:[/] {escape(message)}")
    return typer.Exit(code)


def handle_errors(func: Callable) -> Callable:
    """The one boundary where a ``KgError`` becomes a red line on stderr and an exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except KgError as exc:
            raise fail(str(exc), exc.exit_code) from None

    return wrapper


def table(columns: list[str], rows: list[list[Any]], title: str | None = None, wide: str | None = None) -> None:
    """A rich table; the ``wide`` column takes the spare width, the others do not wrap."""
    from rich.table import Table

    t = Table(title=escape(title) if title else None, show_lines=wide is not None)
    for c in columns:
        if c == wide:
            t.add_column(c, overflow="fold", ratio=1)
        else:
            t.add_column(c, overflow="fold")
    for r in rows:
        t.add_row(*[escape("" if v is None else str(v)) for v in r])
    out.print(t)
