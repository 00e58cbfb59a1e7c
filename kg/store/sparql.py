"""A SPARQL 1.1 endpoint as the store: Virtuoso, Fuseki, GraphDB, an Oxigraph server, ``kg serve``.

``--store sparql+http://host:8890/sparql`` (or ``sparql+https://``) selects it. Only the standard
protocols are spoken: SPARQL 1.1 Protocol for queries and updates and, where
``$KG_SPARQL_GSP_URL`` names one, the Graph Store Protocol for whole graphs. Settings come from
the environment so that no secret lands in a shell history:

- ``KG_SPARQL_UPDATE_URL``: the update endpoint (default: the query URL);
- ``KG_SPARQL_GSP_URL``: a Graph Store Protocol endpoint; each document is then written with one
  ``PUT`` (otherwise with one ``INSERT DATA`` request);
- ``KG_SPARQL_USER`` / ``KG_SPARQL_PASSWORD``: HTTP Basic or Digest credentials, whichever the
  server asks for (Virtuoso's ``/sparql-auth`` asks for Digest).

Values are bound with a ``VALUES`` block of terms serialised by pyoxigraph (escaped the way
N-Triples requires), the way SPARQL clients bind initial values; user text is never spliced into a
query. Every request writes one whole document graph, so a document is stored whole or absent on
any store that runs a request as one transaction, as the stores named above do.
"""

from __future__ import annotations

import os
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from typing import Any

from kg.errors import QueryError, StoreError
from kg.ontology import PREFIXES
from kg.store.base import IRI, check_own_iri, dump_store, from_term, to_term

OUR_GRAPHS = "https://w3id.org/kg-news/id/"
_JSON = "application/sparql-results+json"
_NT = "application/n-triples"
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def _prologue() -> str:
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def _strip_comments(query: str) -> str:
    """Drop whole-line comments (our .rq files start with some) so that braces in them do not count."""
    return "\n".join(line for line in query.splitlines() if not line.lstrip().startswith("#"))


def bind_values(query: str, terms: dict[str, str]) -> str:
    """Bind variables to already-serialised terms with a ``VALUES`` block opening the main group.

    >>> bind_values("SELECT ?n WHERE { ?p rdfs:label ?n }", {"p": "<http://x>"})
    'SELECT ?n WHERE { VALUES (?p) { (<http://x>) } ?p rdfs:label ?n }'
    >>> bind_values("ASK { GRAPH ?g { ?s ?p ?o } }", {"g": "<http://g>"})
    'ASK { VALUES (?g) { (<http://g>) } GRAPH ?g { ?s ?p ?o } }'
    """
    query = _strip_comments(query)
    if not terms:
        return query
    names = " ".join(f"?{k}" for k in terms)
    block = f" VALUES ({names}) {{ ({' '.join(terms.values())}) }}"
    m = _WHERE.search(query)
    at = m.end() if m else query.index("{") + 1
    return query[:at] + block + query[at:]


class SparqlStore:
    """The ``Store`` interface over HTTP. Stateless between requests; nothing is cached."""

    read_only = False

    def __init__(
        self,
        url: str,
        *,
        update_url: str | None = None,
        gsp_url: str | None = None,
        user: str | None = None,
        password: str | None = None,
        timeout: float = 120.0,
    ):
        self.query_url = url
        self.update_url = update_url or url
        self.gsp_url = gsp_url
        self.path = url
        self.timeout = timeout
        handlers: list = []
        if user:
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for u in {self.query_url, self.update_url, gsp_url or self.query_url}:
                passwords.add_password(None, u, user, password or "")
            handlers = [urllib.request.HTTPBasicAuthHandler(passwords), urllib.request.HTTPDigestAuthHandler(passwords)]
        self._opener = urllib.request.build_opener(*handlers)
        self._ask("ASK { }")  # fail now, with a clear message, when the endpoint is not there

    @classmethod
    def from_option(cls, option: str) -> SparqlStore:
        """``sparql+http://host/sparql`` plus the ``KG_SPARQL_*`` environment variables."""
        url = option.removeprefix("sparql+")
        env = os.environ
        return cls(
            url,
            update_url=env.get("KG_SPARQL_UPDATE_URL"),
            gsp_url=env.get("KG_SPARQL_GSP_URL"),
            user=env.get("KG_SPARQL_USER"),
            password=env.get("KG_SPARQL_PASSWORD"),
        )

    # -- HTTP ------------------------------------------------------------------------------------
    def _request(
        self, url: str, *, method: str = "POST", data: bytes | None = None, headers: dict[str, str] | None = None,
        timeout: float | None = None, error: type[Exception] = StoreError,
    ) -> bytes:  # fmt: skip
        req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
        try:
            with self._opener.open(req, timeout=timeout or self.timeout) as resp:
                return resp.read()
        except urllib.error.HTTPError as exc:
            body = exc.read().decode("utf-8", "replace").strip().splitlines()
            detail = next((line.strip() for line in body if line.strip()), exc.reason)
            raise error(f"{self.query_url} answered {exc.code}: {detail[:300]}") from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise StoreError(f"cannot reach the SPARQL endpoint {url}: {reason}") from None

    def _query_bytes(self, query: str, accept: str, *, timeout: float | None = None, error=StoreError) -> bytes:
        data = urllib.parse.urlencode({"query": _prologue() + query}).encode()
        headers = {"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"}
        return self._request(self.query_url, data=data, headers=headers, timeout=timeout, error=error)

    def _solutions(self, query: str, *, timeout: float | None = None, error=StoreError):
        import pyoxigraph

        body = self._query_bytes(query, _JSON, timeout=timeout, error=error)
        try:
            return pyoxigraph.parse_query_results(body, format=pyoxigraph.QueryResultsFormat.JSON)
        except SyntaxError as exc:
            raise StoreError(f"{self.query_url} sent results that are not SPARQL JSON: {exc}") from None

    def _ask(self, query: str, **bindings: Any) -> bool:
        return bool(self._solutions(bind_values(query, _terms(bindings))))

    def _update(self, update: str, *, error: type[Exception] = StoreError) -> None:
        headers = {"Content-Type": "application/sparql-update; charset=utf-8"}
        self._request(self.update_url, data=(_prologue() + update).encode("utf-8"), headers=headers, error=error)

    # -- reading ---------------------------------------------------------------------------------
    def select(self, query: str, **bindings: Any) -> list[dict[str, Any]]:
        result = self._solutions(bind_values(query, _terms(bindings)), error=QueryError)
        names = [v.value for v in result.variables]
        return [{n: from_term(sol[n]) for n in names} for sol in result]

    def rows(self, query: str, **bindings: Any) -> Iterator[dict[str, Any]]:
        return iter(self.select(query, **bindings))

    def query(self, query: str, *, timeout: float | None = None) -> tuple[str, Any]:
        """Any read-only query; its form is checked here first (an update is refused before it is sent)."""
        import pyoxigraph

        try:
            form = pyoxigraph.Store().query(query, prefixes=PREFIXES)
        except SyntaxError as exc:
            raise QueryError(f"invalid or non-read-only SPARQL query: {exc}") from None
        if isinstance(form, pyoxigraph.QueryTriples):
            body = self._query_bytes(query, _NT, timeout=timeout, error=QueryError)
            triples = pyoxigraph.parse(body, format=pyoxigraph.RdfFormat.N_TRIPLES)
            return "graph", [(from_term(t.subject), from_term(t.predicate), from_term(t.object)) for t in triples]
        result = self._solutions(query, timeout=timeout, error=QueryError)
        if isinstance(result, pyoxigraph.QueryBoolean):
            return "ask", bool(result)
        names = [v.value for v in result.variables]
        return "select", (names, [{n: from_term(sol[n]) for n in names} for sol in result])

    def has_graph(self, iri: str) -> bool:
        return self._ask("ASK { GRAPH ?g { ?s ?p ?o } }", g=_iri(iri))

    def graph_iris(self) -> list[str]:
        rows = self.select(
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), ?ours)) }", ours=OUR_GRAPHS
        )
        return sorted(r["g"] for r in rows)

    def count_quads(self) -> int:
        rows = self.select(
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), ?ours)) }", ours=OUR_GRAPHS
        )
        return int(rows[0]["n"])

    def graph_quads(self, iri: str) -> list:
        import pyoxigraph

        graph = pyoxigraph.NamedNode(iri)
        solutions = self._solutions(bind_values("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": str(graph)}))
        return [pyoxigraph.Quad(s["s"], s["p"], s["o"], graph) for s in solutions]

    def graphs_mentioning(self, iri: str) -> list[str]:
        q = "SELECT DISTINCT ?g WHERE { { GRAPH ?g { ?n ?p ?o } } UNION { GRAPH ?g { ?s ?p ?n } } }"
        return sorted(r["g"] for r in self.select(q, n=_iri(iri)))

    # -- writing ---------------------------------------------------------------------------------
    def add_graph(self, iri: str, quads: list) -> None:
        """One request per document: a Graph Store ``PUT`` or one ``INSERT DATA``."""
        self._put_graph(iri, quads)

    def replace_graph(self, iri: str, quads: list) -> None:
        """One request swaps the graph: ``PUT`` replaces by definition; otherwise DROP + INSERT DATA
        in one update request, which the server runs as one transaction."""
        self._put_graph(iri, quads)

    def _graph_url(self, iri: str) -> str:
        """The Graph Store Protocol address of one graph."""
        return f"{self.gsp_url}?{urllib.parse.urlencode({'graph': iri})}"

    def _put_graph(self, iri: str, quads: list) -> None:
        check_own_iri(iri)
        triples = "".join(_triple_line(q) + "\n" for q in quads)
        if self.gsp_url:
            headers = {"Content-Type": f"{_NT}; charset=utf-8"}
            self._request(self._graph_url(iri), method="PUT", data=triples.encode("utf-8"), headers=headers)
            return
        self._update(f"DROP SILENT GRAPH <{iri}> ;\nINSERT DATA {{ GRAPH <{iri}> {{\n{triples}}} }}")

    def drop_staging(self) -> int:
        """Nothing is ever staged on a remote store (graphs are swapped in one request)."""
        return 0

    def drop_graph(self, iri: str) -> bool:
        check_own_iri(iri)
        if not self.has_graph(iri):
            return False
        if self.gsp_url:
            self._request(self._graph_url(iri), method="DELETE")
        else:
            # SILENT: Virtuoso refuses a plain DROP of a graph it was not told to create
            self._update(f"DROP SILENT GRAPH <{iri}>")
        return True

    def update(self, update: str) -> None:
        """``kg sparql --update``: sent as it is, in one request."""
        self._update(update, error=QueryError)

    def load_nquads(self, path: str) -> None:
        """Every graph of an N-Quads file in one INSERT DATA request: all of it or nothing."""
        import pyoxigraph

        try:
            quads = list(pyoxigraph.parse(path=path, format=pyoxigraph.RdfFormat.N_QUADS))
        except (SyntaxError, OSError) as exc:
            raise StoreError(f"{path}: not valid N-Quads ({exc}); nothing was loaded") from None
        graphs: dict[str, list[str]] = {}
        for q in quads:
            graphs.setdefault(str(q.graph_name), []).append(_triple_line(q))
        body = "\n".join(f"GRAPH {g} {{\n" + "\n".join(t) + "\n}" for g, t in graphs.items())
        self._update(f"INSERT DATA {{\n{body}\n}}")

    def dump(self, path: str, fmt: str) -> None:
        """Our graphs copied into memory, then written as by the local store."""
        import pyoxigraph

        rows = self._solutions(
            bind_values(
                "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), ?ours)) }",
                _terms({"ours": OUR_GRAPHS}),
            )
        )
        local = pyoxigraph.Store()
        local.extend(pyoxigraph.Quad(r["s"], r["p"], r["o"], r["g"]) for r in rows)
        dump_store(local, path, fmt)

    def close(self) -> None:
        self._opener = None


def _triple_line(q) -> str:
    """A quad's triple as an N-Triples statement, which is also valid inside INSERT DATA."""
    return f"{q.subject} {q.predicate} {q.object} ."


def _iri(value: str):
    return IRI(value)


def _terms(bindings: dict[str, Any]) -> dict[str, str]:
    """Bound values as N-Triples terms, serialised by pyoxigraph (the same terms the local store binds)."""
    return {k: str(to_term(v)) for k, v in bindings.items() if v is not None}
