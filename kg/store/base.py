"""What every store backend shares: the ``Store`` protocol the rest of the code uses, the values
bound into queries (``IRI``, plain Python values) and read back, where a ``--store`` value points
(``StoreLocation``: the store, its alias file, its cache), and the one staged swap of a graph.

RDF terms stay inside the store layer: callers pass and get plain Python values. Values are always
*bound* into queries (SPARQL substitutions, or a VALUES block of serialised terms on an endpoint),
never pasted into the query text.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from kg.errors import StoreError
from kg.ontology import PREFIXES, XSD

DEFAULT_PATH = "kg-store"
STAGING_SUFFIX = "#staging"
REMOTE_SCHEMES = ("sparql+http://", "sparql+https://")


_OWN_IRI = re.compile(r"https://w3id\.org/kg-news/id/[a-z]+/[0-9a-f]{16}")


def check_own_iri(iri: str) -> None:
    """Only our own document IRIs (hex ids) ever appear in an update string; nothing else can."""
    if not _OWN_IRI.fullmatch(iri):
        raise StoreError(f"refusing to write graph {iri!r}: not a kg document graph")


@dataclass(frozen=True)
class IRI:
    """An IRI to bind into a query (a plain ``str`` binds as a string literal)."""

    value: str


Row = dict[str, Any]


class Store(Protocol):
    """What the commands need from a store."""

    def has_graph(self, iri: str) -> bool: ...
    def add_graph(self, iri: str, quads: list) -> None: ...
    def replace_graph(self, iri: str, quads: list) -> None: ...
    def graph_quads(self, iri: str) -> list: ...
    def drop_staging(self) -> int: ...
    def graphs_mentioning(self, iri: str) -> list[str]: ...
    def drop_graph(self, iri: str) -> bool: ...
    def select(self, query: str, **bindings: Any) -> list[Row]: ...
    def rows(self, query: str, **bindings: Any) -> Iterator[Row]: ...
    def query(self, query: str, *, timeout: float | None = None) -> tuple[str, Any]: ...
    def update(self, update: str) -> None: ...
    def load_nquads(self, path: str) -> None: ...
    def graph_iris(self) -> list[str]: ...
    def count_quads(self) -> int: ...
    def dump(self, path: str, fmt: str) -> None: ...
    def close(self) -> None: ...


_FLOATS = (XSD + "decimal", XSD + "double", XSD + "float")


def to_term(value: Any):
    """A bound value as a pyoxigraph term: ``IRI`` a named node, bool and int typed literals, the rest strings."""
    from pyoxigraph import Literal, NamedNode

    if isinstance(value, IRI):
        return NamedNode(value.value)
    if isinstance(value, bool):
        return Literal("true" if value else "false", datatype=NamedNode(XSD + "boolean"))
    if isinstance(value, int):
        return Literal(str(value), datatype=NamedNode(XSD + "integer"))
    return Literal(str(value))


def from_term(term) -> Any:
    """A pyoxigraph term as a plain value: IRIs as strings, integers as int, decimals and doubles as float."""
    from pyoxigraph import Literal, NamedNode

    if term is None:
        return None
    if isinstance(term, NamedNode):
        return term.value
    if isinstance(term, Literal):
        dt = term.datatype.value if term.datatype is not None else ""
        if dt == XSD + "integer":
            return int(term.value)
        if dt in _FLOATS:
            return float(term.value)
        return term.value
    return str(term)


@dataclass(frozen=True)
class StoreLocation:
    """Where a ``--store`` value points, resolved once: a local folder or a SPARQL endpoint, with
    the alias file and projection cache that belong to it (``$KG_ALIASES``, ``$KG_CACHE`` win)."""

    value: str

    @property
    def remote(self) -> bool:
        return self.value.startswith(REMOTE_SCHEMES)

    @property
    def alias_path(self) -> Path:
        """Beside the store folder; for a remote store, ``kg-remote.aliases.json`` in the working folder."""
        default = "kg-remote.aliases.json" if self.remote else f"{self.value.rstrip('/')}.aliases.json"
        return Path(os.environ.get("KG_ALIASES") or default)

    @property
    def cache_dir(self) -> Path | None:
        """``<store>.cache`` beside a local store; a remote store has none (nothing to fingerprint)."""
        if self.remote:
            return None
        return Path(os.environ.get("KG_CACHE") or f"{self.value.rstrip('/')}.cache")

    def __str__(self) -> str:
        return self.value


def locate(option: str | StoreLocation | None) -> StoreLocation:
    """The ``--store`` value, else ``$KG_STORE``, else ``./kg-store``."""
    if isinstance(option, StoreLocation):
        return option
    return StoreLocation(str(option) if option else os.environ.get("KG_STORE") or DEFAULT_PATH)


def swap_graph(store, graph, quads) -> None:
    """Replace a graph of a pyoxigraph store so that readers see the old graph or the new one,
    never a mix: the new quads are staged in a graph of their own (one transaction), then one
    SPARQL update moves them over the old graph (one more). The embedded store and ``kg serve``'s
    Graph Store PUT both write this way; an interrupted swap leaves only a staging graph, which
    ``drop_staging`` removes."""
    from pyoxigraph import NamedNode, Quad

    staging = NamedNode(graph.value + STAGING_SUFFIX)
    store.remove_graph(staging)
    store.extend([Quad(q.subject, q.predicate, q.object, staging) for q in quads])
    store.update(f"MOVE SILENT GRAPH <{staging.value}> TO GRAPH <{graph.value}>")


def dump_store(store, path: str, fmt: str) -> None:
    """Write a pyoxigraph store as nq, trig or jsonld (named graphs kept) or ttl (their union)."""
    import pyoxigraph

    from kg.outputs import output_file

    path = str(output_file(path, f"backup.{fmt}"))

    formats = {
        "nq": pyoxigraph.RdfFormat.N_QUADS,
        "trig": pyoxigraph.RdfFormat.TRIG,
        "jsonld": pyoxigraph.RdfFormat.JSON_LD,
    }
    if fmt in formats:
        store.dump(path, formats[fmt], prefixes=PREFIXES if fmt != "nq" else None)
        return
    if fmt != "ttl":
        raise StoreError(f"cannot dump as {fmt}")
    seen: dict[str, pyoxigraph.Triple] = {}
    for q in store:
        t = pyoxigraph.Triple(q.subject, q.predicate, q.object)
        seen.setdefault(str(t), t)
    pyoxigraph.serialize(seen.values(), path, pyoxigraph.RdfFormat.TURTLE, prefixes=PREFIXES)
