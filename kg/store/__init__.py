"""The store layer: one ``Store`` protocol (``base``), the embedded Oxigraph backend
(``oxigraph``) and any SPARQL 1.1 endpoint (``sparql``), chosen by the ``--store`` value's scheme
in ``BACKENDS``. A new backend is a module with a class that opens a ``StoreLocation`` and a row
in that table.
"""

from __future__ import annotations

from importlib import import_module

from kg.store.base import (
    DEFAULT_PATH,
    IRI,
    REMOTE_SCHEMES,
    STAGING_SUFFIX,
    Row,
    Store,
    StoreLocation,
    dump_store,
    locate,
)
from kg.store.oxigraph import OxigraphStore

# scheme prefix of a --store value -> "module:class" (loaded on use: HTTP modules only when an
# endpoint is named); a value with no listed scheme is a local folder.
BACKENDS: dict[str, str] = {
    "sparql+http://": "kg.store.sparql:SparqlStore",
    "sparql+https://": "kg.store.sparql:SparqlStore",
}

__all__ = [
    "BACKENDS",
    "DEFAULT_PATH",
    "IRI",
    "REMOTE_SCHEMES",
    "STAGING_SUFFIX",
    "OxigraphStore",
    "Row",
    "Store",
    "StoreLocation",
    "dump_store",
    "is_remote",
    "locate",
    "open_store",
    "store_path",
]


def open_store(location: str | StoreLocation | None = None, *, read_only: bool = False) -> Store:
    """The store at ``--store``, ``$KG_STORE`` or ``./kg-store``: a folder (embedded Oxigraph) or a
    SPARQL 1.1 endpoint written ``sparql+http(s)://host/path`` (see ``kg.store.sparql``)."""
    where = locate(location)
    for scheme, target in BACKENDS.items():
        if where.value.startswith(scheme):
            module, cls = target.split(":")
            return getattr(import_module(module), cls).from_option(where.value)
    return OxigraphStore(where.value, read_only=read_only)


def store_path(option: str | None) -> str:
    """The ``--store`` value as a string (see ``locate``)."""
    return locate(option).value


def is_remote(option: str | None) -> bool:
    """Whether a ``--store`` value names a SPARQL endpoint rather than a folder."""
    return bool(option) and locate(option).remote
