"""Projections of a local store cached beside it, valid while the store's files are unchanged.

Why: every analytics command (centrality, path, neighbors, communities, timeline, html, export)
starts from the same store-wide projection of meetings, and on a store of a million triples
Oxigraph needs seconds to stream it (one RocksDB string lookup per IRI). The projection is a pure
function of the store's content, so it is computed once and kept in ``<store>.cache/`` until the
store changes. A store's fingerprint is the names, sizes and modification times of its RocksDB
files: every write appends to the log or adds files, so any write invalidates the cache (a
read-only open changes nothing). Remote stores have no fingerprint and are never cached.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
VERSION = 5  # bump when a cached shape changes (2: decimals as floats; 3: report dates; 4-5: events)
KEEP_FILES = 40  # one per projection and filter (a meeting graph, eight relation graphs, ...); least recently used go


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


def load(store: Any, name: str) -> Any | None:
    """What was saved under ``name`` for the store's current fingerprint, or None."""
    key = getattr(store, "fingerprint", None)
    if not key:
        return None
    path = cache_dir(store.path) / f"{name}.pickle"
    if not path.is_file():
        return None
    import pickle

    try:
        with path.open("rb") as f:
            saved_key, value = pickle.load(f)
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError):
        return None
    if saved_key != key:
        return None
    os.utime(path)  # recently used: kept when the folder is pruned
    return value


def save(store: Any, name: str, value: Any) -> None:
    """Keep ``value`` under ``name`` for the store's current fingerprint (nothing without one)."""
    import pickle
    import tempfile

    key = getattr(store, "fingerprint", None)
    if not key:
        return
    path = cache_dir(store.path) / f"{name}.pickle"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as f:
            pickle.dump((key, value), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(f.name, path)
        _prune(path.parent)
    except OSError:
        pass  # a read-only place: no cache, same answer


def cached(store: Any, name: str, compute: Callable[[], T]) -> T:
    """``compute()``, or its result saved for the store's current fingerprint."""
    value = load(store, name)
    if value is None:
        value = compute()
        save(store, name, value)
    return value


def _prune(folder: Path) -> None:
    files = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[KEEP_FILES:]:
        old.unlink(missing_ok=True)
