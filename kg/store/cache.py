"""Projections of a local store kept beside it, valid while the store's files are unchanged, and
brought up to date by the writer that changes them.

Why: every analytics command (centrality, path, neighbors, communities, timeline, html, export)
starts from the same store-wide projection of meetings, and on a store of a million triples
Oxigraph needs seconds to stream it (one RocksDB string lookup per IRI). The projection is a pure
function of the store's content, so it is computed once and kept in ``<store>.cache/`` until the
store changes. A store's fingerprint is the names, sizes and modification times of its RocksDB
files: every write appends to the log or adds files, so any write invalidates the cache (a
read-only open changes nothing). Remote stores have no fingerprint and are never cached.

Every projection query matches inside one document graph (``GRAPH ?doc { ... }``), so a store's
projection is the union of its documents' rows. ``graph_rows`` keeps those rows per graph, and a
saved value carries a ``Recipe``: after a writer changed some graphs and closed the store,
``refresh`` drops those graphs' rows, reads them again from the written graphs alone (an
in-memory store of a few thousand quads, not the million on disk), and recomputes every value
derived from them, all under the store's new fingerprint. So the first command after an ingest
reads a current projection instead of paying the store-wide scan; a write the store cannot
attribute to graphs (``kg sparql --update``, ``kg import``, ``kg serve``) leaves the old values
behind, to be rebuilt on the next read.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
VERSION = (
    7  # bump when a cached shape changes (2: decimals; 3: report dates; 4-5: events; 6: recipes; 7: modules moved)
)
KEEP_FILES = 80  # per projection, filter and its rows; the least recently used go


@dataclass(frozen=True)
class Recipe:
    """How ``refresh`` brings a saved value up to date. With ``query``: the value is that named
    query's rows per document graph (the variable ``graph``), the graphs written are read again.
    Otherwise ``function`` ("module:name") is called as ``function(store, *args, **kwargs)``
    once the rows it reads are current: it recomputes and saves the value itself."""

    function: str | None = None
    args: tuple = ()
    kwargs: tuple[tuple[str, Any], ...] = ()
    query: str | None = None
    graph: str = "doc"
    bindings: tuple[tuple[str, Any], ...] = ()


def fingerprint(folder: str) -> str | None:
    """A digest of the store folder's files, or None when there is no such folder."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return None
    digest = hashlib.sha256(f"v{VERSION}".encode())
    for e in entries:
        if e.name.startswith("LOG") or e.name == "LOCK" or not e.is_file():
            continue
        st = e.stat()
        digest.update(f"{e.name}:{st.st_size}:{st.st_mtime_ns};".encode())
    return digest.hexdigest()


def cache_dir(folder: str) -> Path:
    """Where a local store's projections are kept (see ``StoreLocation.cache_dir``)."""
    from kg.store.base import StoreLocation

    return StoreLocation(folder).cache_dir


# While ``refresh`` runs, what it saved is read back from memory: a dozen values it recomputes
# read the same meeting table, and unpickling it again for each cost seconds on a big store.
_MEMO: dict[tuple[str, str, str], Any] | None = None


def load(store: Any, name: str) -> Any | None:
    """What was saved under ``name`` for the store's current fingerprint, or None."""
    key = getattr(store, "fingerprint", None)
    if not key:
        return None
    if _MEMO is not None and (store.path, name, key) in _MEMO:
        return _MEMO[store.path, name, key]
    path = cache_dir(store.path) / f"{name}.pickle"
    saved = _read(path, key)
    if saved is None:
        return None
    os.utime(path)  # recently used: kept when the folder is pruned
    return saved[1]


def save(store: Any, name: str, value: Any, recipe: Recipe | None = None) -> None:
    """Keep ``value`` under ``name`` for the store's current fingerprint (nothing without one);
    with a ``recipe``, a writer brings it up to date instead of leaving it stale."""
    key = getattr(store, "fingerprint", None)
    if key:
        _write(cache_dir(store.path) / f"{name}.pickle", key, recipe, value)
        if _MEMO is not None:
            _MEMO[store.path, name, key] = value


def cached(store: Any, name: str, compute: Callable[[], T], recipe: Recipe | None = None) -> T:
    """``compute()``, or its result saved for the store's current fingerprint."""
    value = load(store, name)
    if value is None:
        value = compute()
        save(store, name, value, recipe)
    return value


def saved(store: Any) -> list[str]:
    """The names of the values saved for the store's current fingerprint (what a command would
    read back instead of computing), for checks and benchmarks."""
    key = getattr(store, "fingerprint", None)
    folder = cache_dir(store.path) if key else None
    if folder is None or not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.glob("*.pickle") if (_header(p) or (None,))[0] == key)


def graph_rows(
    store: Any, name: str, query: str, graph: str = "doc", *, bindings: dict | None = None,
    keep: Callable[[dict], bool] | None = None,
) -> dict[str, list[dict]]:  # fmt: skip
    """The rows of a named query grouped by the document graph in variable ``graph``, graphs
    and each graph's rows in a fixed order (what a value is built from must not depend on the
    order a store returns rows in, nor on which writes built it). Saved beside a local store
    (where ``keep(rows)`` allows) so that ``refresh`` can patch them graph by graph."""
    from kg.ontology import load_query

    rows = load(store, name)
    if rows is None:
        rows = _grouped(store.rows(load_query(query), **(bindings or {})), graph)
        if keep is None or keep(rows):
            recipe = Recipe(query=query, graph=graph, bindings=tuple((bindings or {}).items()))
            save(store, name, rows, recipe)
    return rows


def refresh(path: str, before: str | None, written: Iterable[str], backend: Any) -> int:
    """After a writer closed the store at ``path``: bring every value saved for the store as it
    was when the writer opened it (fingerprint ``before``) up to date with the graphs it wrote,
    replaced or dropped (``written``). Returns how many values were saved. Nothing here can fail
    a write: a value not refreshed is stale by its fingerprint and rebuilt on the next read.

    ``backend`` is the store class that wrote (it opens ``path`` read-only and builds the
    in-memory store of the written graphs), passed in so that this module, which the store
    imports, imports no store."""
    written = set(written)
    folder = cache_dir(path)
    if not before or not written or not folder.is_dir():
        return 0
    due = [(p.stem, r) for p in sorted(folder.glob("*.pickle")) if (r := _recipe(p, before)) is not None]
    if not due:
        return 0
    global _MEMO
    store = backend(path, read_only=True)
    saved, _MEMO = 0, {}
    try:
        delta = backend.in_memory(q for g in sorted(written) for q in store.graph_quads(g))
        for name, recipe in sorted(due, key=lambda d: d[1].query is None):  # rows first, then what reads them
            saved += _refresh_one(store, delta, name, recipe, before, written)
    finally:
        _MEMO = None
        store.close()
    if fingerprint(path) != store.fingerprint:  # another writer came in meanwhile: trust nothing saved
        for p in folder.glob("*.pickle"):
            if (_header(p) or (None,))[0] == store.fingerprint:
                p.unlink(missing_ok=True)
        return 0
    return saved


def _refresh_one(store: Any, delta: Any, name: str, recipe: Recipe, before: str, written: set[str]) -> int:
    from importlib import import_module

    from kg.ontology import load_query

    try:
        if recipe.query is not None:
            old = _read(cache_dir(store.path) / f"{name}.pickle", before)
            if old is None:
                return 0
            rows = {g: rs for g, rs in old[1].items() if g not in written}
            rows.update(_grouped(delta.rows(load_query(recipe.query), **dict(recipe.bindings)), recipe.graph))
            save(store, name, dict(sorted(rows.items())), recipe)
        elif recipe.function:
            module, function = recipe.function.split(":")
            getattr(import_module(module), function)(store, *recipe.args, **dict(recipe.kwargs))
        return 1
    except Exception:  # a cache: the value is rebuilt from the store when next read
        return 0


def _grouped(rows: Iterable[dict], graph: str) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for r in rows:
        out.setdefault(r[graph], []).append(r)
    for rs in out.values():
        rs.sort(key=lambda r: repr(list(r.values())))
    return dict(sorted(out.items()))


# A cache file holds two pickles: (fingerprint, recipe), then the value, so that ``refresh``
# reads which values are due without loading them.
def _header(path: Path) -> tuple | None:
    import pickle

    try:
        with path.open("rb") as f:
            header = pickle.load(f)
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError, ImportError):
        return None
    return header if isinstance(header, tuple) and len(header) == 2 else None


def _recipe(path: Path, key: str) -> Recipe | None:
    header = _header(path)
    return header[1] if header and header[0] == key and isinstance(header[1], Recipe) else None


def _read(path: Path, key: str) -> tuple[Recipe | None, Any] | None:
    import pickle

    try:
        with path.open("rb") as f:
            header = pickle.load(f)
            if not (isinstance(header, tuple) and len(header) == 2 and header[0] == key):
                return None
            return header[1], pickle.load(f)
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError, ImportError):
        return None


def _write(path: Path, key: str, recipe: Recipe | None, value: Any) -> None:
    import pickle
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as f:
            pickle.dump((key, recipe), f, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(f.name, path)
        _prune(path.parent)
    except OSError:
        pass  # a read-only place: no cache, same answer


def _prune(folder: Path) -> None:
    files = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[KEEP_FILES:]:
        old.unlink(missing_ok=True)
