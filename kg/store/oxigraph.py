"""The embedded on-disk store: Oxigraph over RocksDB, the default backend.

Every document is written in one transaction (stored whole or not at all); a graph is replaced by
the staged swap of ``base.swap_graph``. One writer process at a time; readers open read-only and
see the store as it was when they opened it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kg.errors import KgError, QueryError, StoreBusyError, StoreError
from kg.ontology import PREFIXES
from kg.store.base import STAGING_SUFFIX, Row, check_own_iri, dump_store, from_term, swap_graph, to_term

# RocksDB keeps written data in memtables until they fill (Oxigraph has a dozen column families),
# so a long ingest's memory grew ~200 KB a document (785 MB at 3,600 documents). Flushing them to
# disk every 100k quads keeps it flat (177 MB) at no cost in speed (measured on 3,600 documents).
FLUSH_EVERY_QUADS = 100_000


class OxigraphStore:
    """Embedded on-disk Oxigraph (RocksDB). One writer process at a time; readers open read-only."""

    def __init__(self, path: str, *, read_only: bool = False, create: bool = True):
        import pyoxigraph

        from kg.store.cache import fingerprint

        self.path = path
        p = Path(path)
        # Taken before opening: a read-only open sees the store as it was then; a writer keeps
        # the store's fingerprint before its writes, to bring the cache up to date on close.
        self.fingerprint = fingerprint(path) if read_only else None
        self._before = None if read_only else fingerprint(path)
        self.written: set[str] | None = None if read_only else set()  # None: writes no graph can name
        if read_only or not create:
            if not (p / "CURRENT").exists():
                raise StoreError(f"no store at {path}: run `kg ingest` first, or pass --store PATH")
        elif p.is_file() or (p.is_dir() and not (p / "CURRENT").exists() and any(p.iterdir())):
            raise StoreError(  # never strew RocksDB files among someone's articles
                f"{path} is not a kg store but holds other files; pass --store a new or empty folder"
            )
        if not read_only:
            try:  # "--store runs/2026/store": a new store's folders are made, as RocksDB makes only the last
                p.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create store {path}: {exc.strerror or exc}") from None
        try:
            self._store = pyoxigraph.Store.read_only(path) if read_only else pyoxigraph.Store(path)
        except OSError as exc:
            if "lock" in str(exc).lower():
                raise StoreBusyError(
                    f"store {path} is busy: another kg process is writing to it; try again when it ends"
                ) from None
            raise StoreError(f"cannot open store {path}: {exc}") from None
        self.read_only = read_only
        self._unflushed = 0

    @classmethod
    def in_memory(cls, quads=()) -> OxigraphStore:
        """A store in memory holding ``quads``, queried like one on disk: ``kg.store.cache.refresh``
        runs the projection queries over just the graphs a writer changed."""
        import pyoxigraph

        self = cls.__new__(cls)
        self.path, self.fingerprint, self._before, self.written = "", None, None, None
        self.read_only, self._unflushed = True, 0
        self._store = pyoxigraph.Store()
        self._store.extend(quads)
        return self

    @property
    def raw(self):
        """The pyoxigraph store itself, for ``kg serve`` (which hands queries over unchanged, and
        may write through it: the cache then cannot say which graphs changed)."""
        self.written = None
        return self._store

    def _wrote(self, iri: str) -> None:
        if self.written is not None:
            self.written.add(iri)

    # -- writing -------------------------------------------------------------------------------
    def has_graph(self, iri: str) -> bool:
        from pyoxigraph import NamedNode

        return self._store.contains_named_graph(NamedNode(iri))

    def add_graph(self, iri: str, quads: list) -> None:
        """Write a document's quads in one transaction: all of them or none."""
        self._wrote(iri)
        try:
            self._store.extend(quads)
        except OSError as exc:
            raise StoreError(f"writing {iri} failed, nothing of it was stored: {exc}") from None
        self._count_written(len(quads))

    def replace_graph(self, iri: str, quads: list) -> None:
        """Swap a graph's content for ``quads``: readers see the old or the new graph, never a mix."""
        from pyoxigraph import NamedNode

        check_own_iri(iri)
        self._wrote(iri)
        self._wrote(iri + STAGING_SUFFIX)
        try:
            swap_graph(self._store, NamedNode(iri), quads)
        except OSError as exc:
            raise StoreError(f"replacing {iri} failed, the old graph is kept: {exc}") from None
        self._count_written(2 * len(quads))

    def _count_written(self, quads: int) -> None:
        self._unflushed += quads
        if self._unflushed >= FLUSH_EVERY_QUADS:
            self._store.flush()
            self._unflushed = 0

    def drop_staging(self) -> int:
        """Remove graphs left staged by an interrupted ``replace_graph``."""
        staged = [g for g in self._store.named_graphs() if g.value.endswith(STAGING_SUFFIX)]
        for g in staged:
            self._wrote(g.value)
            self._store.remove_graph(g)
        return len(staged)

    def graphs_mentioning(self, iri: str) -> list[str]:
        """The named graphs in which a node appears as subject or object (index lookups)."""
        from pyoxigraph import NamedNode

        node = NamedNode(iri)
        found = {q.graph_name.value for q in self._store.quads_for_pattern(node, None, None, None)}
        found |= {q.graph_name.value for q in self._store.quads_for_pattern(None, None, node, None)}
        return sorted(g for g in found if not g.endswith(STAGING_SUFFIX))

    def graph_quads(self, iri: str) -> list:
        from pyoxigraph import NamedNode

        return list(self._store.quads_for_pattern(None, None, None, NamedNode(iri)))

    def drop_graph(self, iri: str) -> bool:
        from pyoxigraph import NamedNode

        node = NamedNode(iri)
        if not self._store.contains_named_graph(node):
            return False
        self._wrote(iri)
        self._store.remove_graph(node)
        return True

    # -- reading -------------------------------------------------------------------------------
    def select(self, query: str, **bindings: Any) -> list[Row]:
        return list(self.rows(query, **bindings))

    def rows(self, query: str, **bindings: Any) -> Iterator[Row]:
        """Like ``select``, one row at a time: store-wide projections never hold every row at once."""
        from pyoxigraph import Variable

        subs = {Variable(k): to_term(v) for k, v in bindings.items() if v is not None}
        try:
            result = self._store.query(query, prefixes=PREFIXES, substitutions=subs)
        except SyntaxError as exc:
            raise QueryError(f"invalid SPARQL: {exc}") from None
        names = [v.value for v in result.variables]
        for sol in result:
            yield {n: from_term(sol[n]) for n in names}

    def query(self, query: str, *, timeout: float | None = None) -> tuple[str, Any]:
        """Run a read-only query of any form: ("select", (vars, rows)), ("ask", bool) or ("graph", triples).
        The default graph is the union of the document graphs, as on ``kg serve``.

        With ``timeout``, the query runs in a daemon thread and a QueryError is raised when it has
        not finished in time (the process can then exit; Oxigraph has no cancellation of its own).
        """
        if timeout is None:
            return self._query(query)
        import threading

        box: dict[str, Any] = {}

        def work() -> None:
            try:
                box["result"] = self._query(query)
            except KgError as exc:  # handed over as a fresh error: the old one's frames hold
                box["error"] = type(exc)(str(exc))  # Oxigraph objects that must die in this thread
            except Exception as exc:  # anything else is a failed query, said in one line
                box["error"] = QueryError(f"query failed: {exc}")

        worker = threading.Thread(target=work, daemon=True)
        worker.start()
        worker.join(timeout)
        if worker.is_alive():
            raise QueryError(f"the query did not finish within {timeout:g} s; narrow it or raise --timeout")
        if "error" in box:
            raise box["error"]
        return box["result"]

    def _query(self, query: str) -> tuple[str, Any]:
        import pyoxigraph

        try:
            result = self._store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)
            if isinstance(result, pyoxigraph.QueryBoolean):
                return "ask", bool(result)
            if isinstance(result, pyoxigraph.QuerySolutions):
                names = [v.value for v in result.variables]
                return "select", (names, [{n: from_term(sol[n]) for n in names} for sol in result])
            return "graph", [(from_term(t.subject), from_term(t.predicate), from_term(t.object)) for t in result]
        except SyntaxError as exc:
            raise QueryError(f"invalid or non-read-only SPARQL query: {exc}") from None
        except (OSError, RuntimeError) as exc:  # evaluation fails while results stream (a SERVICE)
            raise QueryError(f"query failed: {exc}") from None

    def graph_iris(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs())

    def count_quads(self) -> int:
        return len(self._store)

    def load_nquads(self, path: str) -> None:
        """Load an N-Quads file in one transaction (all of it or nothing)."""
        import pyoxigraph

        self.written = None  # any graphs: the cache is rebuilt on the next read
        try:
            self._store.load(path=path, format=pyoxigraph.RdfFormat.N_QUADS)
        except SyntaxError as exc:
            raise StoreError(f"{path}: not valid N-Quads ({exc}); nothing was loaded") from None
        except OSError as exc:
            raise StoreError(f"{path}: cannot load ({exc}); nothing was loaded") from None

    def update(self, update: str) -> None:
        """Run a SPARQL 1.1 update (one transaction); only ``kg sparql --update`` calls this."""
        self.written = None  # any graphs: the cache is rebuilt on the next read
        try:
            self._store.update(update, prefixes=PREFIXES)
        except SyntaxError as exc:
            raise QueryError(f"invalid SPARQL update: {exc}") from None
        except OSError as exc:
            raise QueryError(f"update failed, nothing changed: {exc}") from None

    def dump(self, path: str, fmt: str) -> None:
        """Write the store as nq, trig or jsonld (named graphs kept) or ttl (their union)."""
        dump_store(self._store, path, fmt)

    def close(self) -> None:
        """Flush and close; a writer then brings the projections cached beside the store up to
        date with the graphs it wrote (``kg.store.cache.refresh``)."""
        if not self.read_only:
            self._store.flush()
        del self._store
        if not self.read_only and self.written:
            from kg.store.cache import refresh

            written, self.written = self.written, set()
            refresh(self.path, self._before, written, type(self))
