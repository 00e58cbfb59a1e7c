"""Registers every command group on the app, in one place."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    from kg.cli import ingest, manage, query

    for module in (ingest, query, manage):
        module.register(app)
