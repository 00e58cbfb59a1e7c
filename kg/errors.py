"""One exception tree for everything a user can get wrong.

Every error says what is wrong and what to do; the CLI turns it into one red line and an exit code.
Anything that is not a ``KgError`` is a bug and keeps its traceback.
"""

from __future__ import annotations


class KgError(Exception):
    """Base of every error the CLI reports as a clean one-line message."""

    exit_code = 1


class InputError(KgError):
    """A file, line or option value that cannot be read as news text."""


class UsageError(KgError):
    """Options that contradict each other or are out of range (exit 2, like typer's own)."""

    exit_code = 2


class StoreError(KgError):
    """The store cannot be opened or written."""


class StoreBusyError(StoreError):
    """Another process holds the store's write lock."""


class QueryError(KgError):
    """A SPARQL query that is malformed or not allowed."""


class UnknownNameError(KgError):
    """No entity carries the name asked for."""


class AmbiguousNameError(KgError):
    """Several entities carry the name asked for."""

    exit_code = 2
