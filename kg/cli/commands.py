"""Registers the command groups on the app, in one place: which module holds which command."""

from __future__ import annotations

import importlib

import typer

GROUPS: dict[str, tuple[str, ...]] = {
    "ingest": ("ingest", "extract"),
    "query": ("who-met-whom", "relations", "roles", "entities", "sparql", "stats", "documents"),
    "analytics": ("centrality", "path", "neighbors", "communities", "timeline"),
    "exports": ("export", "html"),
    "manage": ("forget", "duplicates", "merge", "unmerge", "aliases", "reextract", "dump", "load"),
    "serve": ("serve",),
}
# Commands that start no workers or servers: they may leave without the interpreter's teardown
# once their store is closed and their output flushed (``kg.cli.main``).
QUICK_EXIT = frozenset(GROUPS["query"] + GROUPS["analytics"] + GROUPS["exports"])
_GLOBAL_VALUES = frozenset({"--store"})  # the app's own options that take a value


def named(argv: list[str]) -> str | None:
    """The command ``argv`` runs, when it names one of ours before any help flag; else None."""
    args = iter(argv)
    for arg in args:
        if arg in _GLOBAL_VALUES:
            next(args, None)
        elif not arg.startswith("-"):
            return arg if any(arg in names for names in GROUPS.values()) else None
        elif arg.split("=")[0] not in _GLOBAL_VALUES:
            return None  # "kg --help", or an option we do not know: let click answer with everything
    return None


def register(app: typer.Typer, command: str | None = None) -> None:
    """Every group's commands, or only the group that holds ``command``."""
    for module, names in GROUPS.items():
        if command is None or command in names:
            importlib.import_module(f"kg.cli.{module}").register(app)
