"""``kg serve``: the local store as a SPARQL 1.1 endpoint (Protocol + Graph Store Protocol).

So that YASGUI, SPARQLWrapper, Gephi's SemanticWeb importer or another ``kg --store
sparql+http://...`` can read the graph without touching the store folder. Read-only unless the
server is started with ``allow_update``: then SPARQL updates and Graph Store ``PUT``/``POST``/
``DELETE`` are accepted too, each run as one transaction.

- ``/sparql``: ``GET ?query=``, ``POST`` form (``query=`` or ``update=``) or a direct
  ``application/sparql-query`` / ``application/sparql-update`` body; ``default-graph-uri`` and
  ``named-graph-uri`` honoured. Without ``default-graph-uri`` the default graph is the union of
  all document graphs, as on Virtuoso or Fuseki's union graph, so ``SELECT * { ?s ?p ?o }`` works.
  The project's prefixes (``kg:``, ``schema:``, ...) are predeclared. A query or update that
  calls a remote ``SERVICE`` is answered 400 unless the server was started with
  ``allow_service`` (it would make this machine send requests wherever a client says).
- ``/store?graph=IRI``: Graph Store Protocol (``GET``/``HEAD``; ``PUT``/``POST``/``DELETE`` with
  updates allowed).

The standard library's threading HTTP server takes the requests; SPARQL queries run in a few
worker processes (``kg.serve.pool``) so that one that runs past the time limit can be stopped
for real, and a dropped client connection is one log line.
"""

from __future__ import annotations

import sys
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from kg.errors import QueryError
from kg.ontology import PREFIXES
from kg.query.sparql_guard import refuse_service
from kg.serve.pool import QueryPool

MAX_BODY = 64 * 1024 * 1024
_RESULTS = [
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
]
_GRAPHS = ["application/n-triples", "text/turtle", "application/rdf+xml", "application/ld+json", "application/n-quads"]


def negotiate(accept: str | None, offers: list[str]) -> str:
    """The offer the ``Accept`` header prefers (first offer when none fits).

    >>> negotiate("application/sparql-results+xml;q=0.9, application/sparql-results+json", _RESULTS)
    'application/sparql-results+json'
    >>> negotiate("text/html, */*;q=0.1", _GRAPHS)
    'application/n-triples'
    """
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate((accept or "*/*").split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        q = 1.0
        for p in params:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        ranked.append((-q, i, media.lower()))
    for _q, _i, media in sorted(ranked):
        if media in offers:
            return media
        if media in {"*/*", "application/*", "text/*"}:
            return offers[0]
        if media in {"application/json"} and offers is _RESULTS:
            return offers[0]
    return offers[0]


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    # -- plumbing --------------------------------------------------------------------------------
    def _send(self, code: int, body: bytes, media: str = "text/plain; charset=utf-8") -> None:
        self.send_response(code)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")  # browser tools such as YASGUI
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _fail(self, code: int, message: str) -> None:
        self._send(code, (message + "\n").encode("utf-8"))

    def _body(self) -> tuple[bytes, str] | None:
        """The request body and its media type (lower case, no parameters); None once a 413 is sent."""
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self._fail(413, f"request body over {MAX_BODY} bytes")
            return None
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        return (self.rfile.read(length) if length else b""), media

    def _refuse_writes(self) -> bool:
        """Send 403 and say so when this server is read-only."""
        if self.server.allow_update:
            return False
        self._fail(403, "this endpoint is read-only (start it with kg serve --allow-update)")
        return True

    def _route(self) -> tuple[str, dict[str, list[str]]]:
        url = urllib.parse.urlsplit(self.path)
        return url.path.rstrip("/") or "/", urllib.parse.parse_qs(url.query, keep_blank_values=True)

    def log_message(self, format: str, *args) -> None:
        sys.stderr.write(f"{self.address_string()} {format % args}\n")

    def do_OPTIONS(self) -> None:
        self.send_response(204)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, HEAD, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Content-Length", "0")
        self.end_headers()

    # -- methods ---------------------------------------------------------------------------------
    def do_GET(self) -> None:
        path, params = self._route()
        if path == "/sparql" and "query" in params:
            return self._query(params["query"][0], params)
        if path == "/store":
            return self._graph_get(params)
        if path in {"/", "/sparql"}:
            mode = "read-write" if self.server.allow_update else "read-only"
            return self._fail(200, f"kg SPARQL endpoint ({mode}): /sparql?query=..., graph store: /store?graph=IRI")
        return self._fail(404, f"no such endpoint: {path}")

    do_HEAD = do_GET

    def do_POST(self) -> None:
        path, params = self._route()
        request = self._body()
        if request is None:
            return None
        body, media = request
        if path == "/store":
            return self._graph_write(params, body, media, replace=False)
        if path != "/sparql":
            return self._fail(404, f"no such endpoint: {path}")
        if media == "application/x-www-form-urlencoded":
            form = urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
            params = {**params, **form}
            if "update" in form:
                return self._update(form["update"][0])
            if "query" in form:
                return self._query(form["query"][0], params)
            return self._fail(400, "the form has neither query= nor update=")
        if media == "application/sparql-query":
            return self._query(body.decode("utf-8", "replace"), params)
        if media == "application/sparql-update":
            return self._update(body.decode("utf-8", "replace"))
        return self._fail(415, f"unsupported content type {media or '(none)'}")

    def do_PUT(self) -> None:
        path, params = self._route()
        if path != "/store":
            return self._fail(405, "PUT goes to /store?graph=IRI")
        request = self._body()
        if request is None:
            return None
        return self._graph_write(params, *request, replace=True)

    def do_DELETE(self) -> None:
        path, params = self._route()
        if path != "/store":
            return self._fail(405, "DELETE goes to /store?graph=IRI")
        if self._refuse_writes():
            return None
        graph = self._stored_graph(params)
        if graph is None:
            return None
        self.server.store.remove_graph(graph)
        self.server.written()
        return self._send(204, b"")

    # -- SPARQL ----------------------------------------------------------------------------------
    def _query(self, query: str, params: dict[str, list[str]]) -> None:
        if self._refuse_service(query, update=False):
            return None
        accept = self.headers.get("Accept")
        answer = self.server.pool.ask(
            query,
            params.get("default-graph-uri", []),
            params.get("named-graph-uri", []),
            (negotiate(accept, _RESULTS), negotiate(accept, _GRAPHS)),
        )
        return self._send(answer.status, answer.body, answer.media)

    def _update(self, update: str) -> None:
        if self._refuse_writes() or self._refuse_service(update, update=True):
            return None
        try:
            self.server.store.update(update, prefixes=PREFIXES)
        except SyntaxError as exc:
            return self._fail(400, f"bad update: {exc}")
        except OSError as exc:
            return self._fail(500, f"update failed, nothing changed: {exc}")
        self.server.written()
        return self._send(204, b"")

    def _refuse_service(self, text: str, *, update: bool) -> bool:
        """Answer 400 (and say so) for a query that would make this server send requests."""
        if self.server.allow_service:
            return False
        try:
            refuse_service(text, update=update)
        except QueryError as exc:
            self._fail(400, str(exc))
            return True
        return False

    # -- Graph Store Protocol --------------------------------------------------------------------
    def _graph_param(self, params: dict[str, list[str]]):
        import pyoxigraph

        if "default" in params:
            self._fail(400, "the default graph is empty here: every document is a named graph")
            return None
        try:
            return pyoxigraph.NamedNode(params["graph"][0])
        except (KeyError, IndexError):
            self._fail(400, "give ?graph=IRI")
        except ValueError as exc:
            self._fail(400, f"bad graph IRI: {exc}")
        return None

    def _stored_graph(self, params: dict[str, list[str]]):
        """The graph named by ``?graph=`` if the store holds it; else None, with 400 or 404 sent."""
        graph = self._graph_param(params)
        if graph is not None and not self.server.store.contains_named_graph(graph):
            self._fail(404, f"no graph {graph.value}")
            return None
        return graph

    def _graph_get(self, params: dict[str, list[str]]) -> None:
        import pyoxigraph

        graph = self._stored_graph(params)
        if graph is None:
            return None
        store = self.server.store
        media = negotiate(self.headers.get("Accept"), _GRAPHS[:4])
        triples = (
            pyoxigraph.Triple(q.subject, q.predicate, q.object)
            for q in store.quads_for_pattern(None, None, None, graph)
        )
        body = pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.from_media_type(media)) or b""
        return self._send(200, body, media + "; charset=utf-8")

    def _graph_write(self, params: dict[str, list[str]], body: bytes, media: str, *, replace: bool) -> None:
        import pyoxigraph

        if self._refuse_writes():
            return None
        graph = self._graph_param(params)
        if graph is None:
            return None
        fmt = pyoxigraph.RdfFormat.from_media_type(media or "application/n-triples")
        if fmt is None or fmt.supports_datasets:
            return self._fail(415, f"send triples as N-Triples, Turtle or RDF/XML, not {media}")
        try:
            triples = list(pyoxigraph.parse(body, format=fmt))
        except SyntaxError as exc:
            return self._fail(400, f"bad {fmt.name}: {exc}")
        quads = [pyoxigraph.Quad(t.subject, t.predicate, t.object, graph) for t in triples]
        existed = self.server.store.contains_named_graph(graph)
        try:
            if replace:
                self.server.swap_graph(graph, quads)
            else:
                self.server.store.extend(quads)  # one transaction
        except OSError as exc:
            return self._fail(500, f"write failed, nothing changed: {exc}")
        self.server.written()
        return self._send(204 if existed else 201, b"")


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], store, allow_update: bool, allow_service: bool, pool: QueryPool):
        super().__init__(address, _Handler)
        self.store = store
        self.allow_update = allow_update
        self.allow_service = allow_service
        self.pool = pool

    def written(self) -> None:
        """After a write: on disk, and seen by the query workers' next queries."""
        self.store.flush()
        self.pool.stale()

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()

    def handle_error(self, request, client_address) -> None:
        """A client that hung up is one line in the log, not a traceback."""
        exc = sys.exc_info()[1]
        if isinstance(exc, (BrokenPipeError, ConnectionResetError, TimeoutError)):
            sys.stderr.write(f"{client_address[0]} dropped the connection ({type(exc).__name__})\n")
            return
        super().handle_error(request, client_address)

    def swap_graph(self, graph, quads: list) -> None:
        """PUT: the store's own staged swap (readers see the old graph or the new one, never a mix)."""
        from kg.store.base import swap_graph

        swap_graph(self.store, graph, list(quads))


def make_server(
    path: str,
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    allow_update: bool = False,
    allow_service: bool = False,
    timeout: float = 30.0,
    workers: int = 2,
) -> _Server:
    """A server over the store folder at ``path``, not yet serving; ``port=0`` picks a free port.
    Queries run in ``workers`` processes and are stopped after ``timeout`` seconds
    (``kg.serve.pool``); queries that call a remote ``SERVICE`` are refused unless ``allow_service``."""
    from kg.store import OxigraphStore

    store = OxigraphStore(path, read_only=not allow_update)  # clear errors: missing store, busy store
    if allow_update:
        store.raw.flush()  # the query workers open what is on disk
    pool = QueryPool(path, workers=workers, timeout=timeout)
    return _Server((host, port), store.raw, allow_update, allow_service, pool)
