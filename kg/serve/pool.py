"""Queries of ``kg serve`` in worker processes that can be stopped.

Oxigraph cannot cancel a query running in a thread: three cross joins held a core for minutes
after their clients gave up, and slowed every other query beside them. Each query therefore runs
in one of a few worker processes, each with the store open read-only; a query that has not
answered within the time limit has its worker killed (the work really stops) and replaced, and
the client gets 503. When every worker is busy a new query waits a moment, then gets 503 too:
the server never takes on more than it can do, and a cheap query beside a runaway one still
answers at once from another worker.

A read-only store sees the store as it was when it was opened, so after a write through the
server (``--allow-update``) every worker reopens it before its next query.
"""

from __future__ import annotations

import multiprocessing as mp
import queue
import threading
from dataclasses import dataclass

from kg.ontology import PREFIXES

_WAIT_FOR_WORKER_S = 2.0  # how long a query may wait for a free worker before 503


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes
    media: str = "text/plain; charset=utf-8"


def _serve_queries(path: str, conn) -> None:
    """A worker: open the store read-only, answer jobs until the pipe closes."""
    import pyoxigraph

    store = pyoxigraph.Store.read_only(path)
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job == "reopen":
            store = pyoxigraph.Store.read_only(path)
            continue
        conn.send(_run(store, *job))


def _run(store, query: str, default_graphs: list[str], named_graphs: list[str], medias: tuple[str, str]):
    """(kind, payload, media): "ok" with the serialized answer, "bad" or "error" with a message."""
    import pyoxigraph

    kwargs: dict = {"prefixes": PREFIXES}
    if default_graphs:
        kwargs["default_graph"] = [pyoxigraph.NamedNode(g) for g in default_graphs]
    else:
        kwargs["use_default_graph_as_union"] = True
    if named_graphs:
        kwargs["named_graphs"] = [pyoxigraph.NamedNode(g) for g in named_graphs]
    try:
        result = store.query(query, **kwargs)
        if isinstance(result, pyoxigraph.QueryTriples):
            media = medias[1]
            body = result.serialize(format=pyoxigraph.RdfFormat.from_media_type(media))
        else:
            media = medias[0]
            body = result.serialize(format=pyoxigraph.QueryResultsFormat.from_media_type(media))
        return ("ok", body or b"", media)
    except (SyntaxError, ValueError) as exc:
        return ("bad", f"bad query: {exc}", "")
    except (OSError, RuntimeError) as exc:
        return ("error", f"query failed: {exc}", "")


class _Worker:
    def __init__(self, path: str, ctx) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve_queries, args=(path, child), daemon=True)
        self.proc.start()
        child.close()
        self.stale = False

    def stop(self) -> None:
        self.proc.kill()
        self.proc.join(5)
        self.conn.close()


class QueryPool:
    """``workers`` processes over the store at ``path``; ``ask`` answers within ``timeout`` s."""

    def __init__(self, path: str, *, workers: int = 2, timeout: float = 30.0) -> None:
        self.path, self.timeout = path, timeout
        self._ctx = mp.get_context("spawn")  # no fork of a threaded server holding RocksDB handles
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: list[_Worker] = []
        self._lock = threading.Lock()
        for _ in range(workers):
            self._add()

    def _add(self) -> None:
        w = _Worker(self.path, self._ctx)
        with self._lock:
            self._all.append(w)
        self._idle.put(w)

    def ask(self, query: str, default_graphs: list[str], named_graphs: list[str], medias: tuple[str, str]) -> Answer:
        """Run one query; ``medias`` = (results media, graph media) the client accepts. A query
        whose worker died is asked once more, every worker first reopening the store: a read-only
        view of a store the server writes to can lose files to a compaction under it, and a
        store opened anew reads them as they are now (a query that kills two workers gets 500)."""
        job = (query, default_graphs, named_graphs, medias)
        for _ in range(2):
            answer = self._ask_once(job)
            if answer is not None:
                return answer
        return Answer(500, b"query failed: the query worker died; it has been replaced\n")

    def _ask_once(self, job: tuple) -> Answer | None:
        """The answer of one worker, or None when it died (it is then replaced)."""
        try:
            w = self._idle.get(timeout=_WAIT_FOR_WORKER_S)
        except queue.Empty:
            return Answer(503, b"busy: every query worker is taken; try again shortly\n")
        try:
            if w.stale:
                w.conn.send("reopen")
                w.stale = False
            w.conn.send(job)
            if not w.conn.poll(self.timeout):
                self._replace(w)
                w = None
                return Answer(503, f"the query ran past the {self.timeout:g} s limit and was stopped\n".encode())
            kind, payload, media = w.conn.recv()
        except (OSError, EOFError):  # the worker died (out of memory, or its view of the store broke)
            self._replace(w)
            w = None
            self.stale()  # the other workers' views may be as broken: each reopens the store first
            return None
        finally:
            if w is not None:
                self._idle.put(w)
        if kind == "ok":
            return Answer(200, payload, media + "; charset=utf-8")
        return Answer(400 if kind == "bad" else 500, (payload + "\n").encode("utf-8"))

    def _replace(self, w: _Worker | None) -> None:
        if w is None:
            return
        w.stop()
        with self._lock:
            self._all.remove(w)
        self._add()

    def stale(self) -> None:
        """The store was written: every worker reopens it before its next query."""
        with self._lock:
            for w in self._all:
                w.stale = True

    def close(self) -> None:
        with self._lock:
            workers, self._all = self._all, []
        for w in workers:
            w.stop()
