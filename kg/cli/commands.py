"""Registers every command group on the app, in one place."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    from kg.cli import analytics, exports, ingest, manage, query, serve

    for module in (ingest, query, analytics, exports, manage, serve):
        module.register(app)
