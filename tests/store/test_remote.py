"""The same behaviour on every kind of store: the embedded Oxigraph folder, ``kg serve`` spoken to
over HTTP (Graph Store Protocol writes) and a real OpenLink Virtuoso server (SPARQL Update with
Digest credentials, and Graph Store Protocol writes), each started here on 127.0.0.1 with a
temporary database and stopped afterwards.

Virtuoso comes from the Debian package ``virtuoso-opensource`` (``.ci/run`` installs it); where it
is missing its cases are skipped with that reason shown.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from tests.conftest import EXAMPLES, free_port, kg_serve, wait_http

runner = CliRunner()
KINDS = ["oxigraph", "kg-serve", "virtuoso", "virtuoso-gsp"]


_free_port, _wait_http = free_port, wait_http


VIRTUOSO_INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
CaseMode = 2
DirsAllowed = ., {d}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
ServerThreads = 10
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
"""


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory):
    """A Virtuoso server on a temporary database: its base URL (dba/dba, the package default)."""
    binary = shutil.which("virtuoso-t")
    if binary is None:
        pytest.skip("virtuoso-t not found: install the Debian package virtuoso-opensource (.ci/run does)")
    folder = tmp_path_factory.mktemp("virtuoso")
    http = _free_port()
    (folder / "virtuoso.ini").write_text(VIRTUOSO_INI.format(d=folder, sql=_free_port(), http=http))
    proc = subprocess.Popen(
        [binary, "+foreground", "+configfile", str(folder / "virtuoso.ini")],
        cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{http}"
    try:
        _wait_http(f"{base}/sparql?query=ASK%7B%7D", proc)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="session")
def served(tmp_path_factory):
    """``kg serve --allow-update`` over a fresh store folder, as a separate process."""
    folder = tmp_path_factory.mktemp("served") / "store"
    with kg_serve(folder, "--allow-update") as base:
        yield base


@pytest.fixture(scope="session")
def reference(tmp_path_factory) -> Path:
    """The examples in a local store: what every other store must answer the same as."""
    path = tmp_path_factory.mktemp("reference") / "store"
    assert runner.invoke(app, ["--store", str(path), "ingest", str(EXAMPLES)]).exit_code == 0
    return path


@pytest.fixture(params=KINDS)
def store(request, reference, tmp_path_factory) -> tuple[str, dict[str, str]]:
    """(--store value, environment) for one kind of store, holding the examples."""
    kind = request.param
    if kind == "oxigraph":
        target, env = str(tmp_path_factory.mktemp("local") / "store"), {}
        shutil.copytree(reference, target)
    elif kind == "kg-serve":
        base = request.getfixturevalue("served")
        target, env = f"sparql+{base}/sparql", {"KG_SPARQL_GSP_URL": f"{base}/store"}
    else:
        base = request.getfixturevalue("virtuoso")
        target = f"sparql+{base}/sparql-auth"
        env = {"KG_SPARQL_USER": "dba", "KG_SPARQL_PASSWORD": "dba"}
        if kind == "virtuoso-gsp":
            env["KG_SPARQL_GSP_URL"] = f"{base}/sparql-graph-crud-auth"
    env["KG_ALIASES"] = str(tmp_path_factory.mktemp("aliases") / "aliases.json")
    result = kg((target, env), "ingest", str(EXAMPLES))
    assert result.exit_code == 0, result.output
    return target, env


def kg(store: tuple[str, dict[str, str]] | Path, *args: str):
    target, env = store if isinstance(store, tuple) else (str(store), {})
    clean = {k: None for k in os.environ if k.startswith("KG_")}
    return runner.invoke(app, ["--store", target, *args], env={**clean, **env})


def _json(store, *args: str):
    result = kg(store, *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _nquads(store, tmp_path: Path, name: str) -> list[str]:
    out = tmp_path / f"{name}.nq"
    done = kg(store, "export", "--format", "nq", "-o", str(out))
    assert done.exit_code == 0, done.stderr
    return sorted(out.read_text(encoding="utf-8").splitlines())


def test_store_holds_exactly_the_reference_quads_and_reingest_is_noop(store, reference, tmp_path):
    assert _nquads(store, tmp_path, "a") == _nquads(reference, tmp_path, "ref")
    summary = _json(store, "ingest", str(EXAMPLES))
    assert summary == {"ingested": 0, "skipped": 17, "failed": 0, "errors": []}


def test_who_met_whom_answers_alike(store, reference):
    data = _json(store, "who-met-whom", "Bessent")
    assert data["person"]["name"] == "Scott Bessent"
    held = {(tuple(m["with"]), m["status"], m["place"]) for m in data["meetings"]}
    assert (("He Lifeng",), "held", "Palacio de Santa Cruz") in held
    assert (("Rachel Reeves",), "scheduled", "London") in held
    assert data == _json(reference, "who-met-whom", "Bessent")
    trump = _json(store, "who-met-whom", "Trump")
    assert (["Xi Jinping"], "potential") in [(m["with"], m["status"]) for m in trump["meetings"]]
    assert kg(store, "who-met-whom", "Nobody Atall").exit_code == 1


@pytest.mark.parametrize(
    "args",
    [
        ["entities"],
        ["stats"],
        ["centrality", "--measure", "pagerank", "--status", "held", "--status", "scheduled", "--status", "potential"],
        ["path", "Reeves", "He Lifeng", "--status", "held", "--status", "scheduled"],
        ["neighbors", "Bessent"],
        ["timeline", "Bessent"],
    ],
)
def test_queries_and_analytics_answer_alike(store, reference, args):
    assert _json(store, *args) == _json(reference, *args)


def test_sparql_reads_and_refuses_updates(store, reference):
    q = "SELECT ?n WHERE { GRAPH ?g { ?p a kg:Person ; rdfs:label ?n } } ORDER BY ?n"
    assert _json(store, "sparql", q) == _json(reference, "sparql", q)
    assert _json(store, "sparql", "ASK { GRAPH ?g { ?m a kg:Meeting } }") == {"boolean": True}
    result = kg(store, "sparql", "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert result.exit_code == 1 and "SPARQL" in result.stderr
    assert _json(store, "stats")["documents"] == 17


def test_forget_removes_one_document_and_ingest_restores_it(store, reference, tmp_path):
    before = _nquads(store, tmp_path, "before")
    doc = next(m["document"] for m in _json(store, "who-met-whom", "Trump")["meetings"] if m["status"] == "potential")
    assert kg(store, "forget", doc).exit_code == 0
    after = _nquads(store, tmp_path, "after")
    assert set(before) - set(after) and all(f"/doc/{doc}>" in q for q in set(before) - set(after))
    assert not set(after) - set(before)
    assert kg(store, "forget", doc).exit_code == 1
    assert _json(store, "ingest", str(EXAMPLES))["ingested"] == 1
    assert _nquads(store, tmp_path, "restored") == before


def test_bad_input_leaves_the_store_as_it_was(store, tmp_path):
    before = _nquads(store, tmp_path, "before")
    (tmp_path / "bin.txt").write_bytes(b"\x00\xff\x00")
    result = kg(store, "ingest", str(tmp_path / "bin.txt"))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert _nquads(store, tmp_path, "after") == before


def test_html_and_exports_alike(store, reference, tmp_path):
    import pyoxigraph

    for fmt in ("graphml", "ttl"):
        a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
        assert kg(store, "export", "--format", fmt, "-o", str(a)).exit_code == 0
        assert kg(reference, "export", "--format", fmt, "-o", str(b)).exit_code == 0
        if fmt == "graphml":  # built from sorted rows: the same bytes
            assert a.read_bytes() == b.read_bytes()
        else:  # Turtle follows the store's own order: the same triples
            triples = [
                {str(t) for t in pyoxigraph.parse(path=str(f), format=pyoxigraph.RdfFormat.TURTLE)} for f in (a, b)
            ]
            assert triples[0] == triples[1] and len(triples[0]) > 300
    page = tmp_path / "g.html"
    result = kg(store, "html", "-o", str(page))
    assert result.exit_code == 0 and "Scott Bessent" in page.read_text(encoding="utf-8")


def test_unreachable_endpoint_and_bad_credentials_are_clean_errors(virtuoso):
    result = kg((f"sparql+http://127.0.0.1:{_free_port()}/sparql", {}), "stats")
    assert result.exit_code == 1 and "cannot reach the SPARQL endpoint" in result.stderr
    bad = {"KG_SPARQL_USER": "dba", "KG_SPARQL_PASSWORD": "wrong"}
    result = kg((f"sparql+{virtuoso}/sparql-auth", bad), "stats")
    assert result.exit_code == 1 and "401" in result.stderr and "Traceback" not in result.output


def test_serve_answers_sparqlwrapper_and_is_read_only_by_default(reference):
    """A real third-party client (SPARQLWrapper) against ``kg serve`` without --allow-update."""
    from SPARQLWrapper import JSON, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    with kg_serve(reference) as base:
        client = SPARQLWrapper(f"{base}/sparql")
        client.setReturnFormat(JSON)
        client.setQuery("SELECT ?n WHERE { ?p a kg:Person ; rdfs:label ?n } ORDER BY ?n")  # union default graph
        names = {b["n"]["value"] for b in client.query().convert()["results"]["bindings"]}
        assert {"Scott Bessent", "He Lifeng", "Rachel Reeves"} <= names
        client.setQuery("CONSTRUCT { ?m a kg:Meeting } WHERE { ?m a kg:Meeting }")
        client.setReturnFormat("xml")
        assert len(client.query().convert()) == 6
        client.setQuery("DELETE WHERE { ?s ?p ?o }")
        client.setMethod("POST")
        with pytest.raises((SPARQLWrapperException, OSError)):
            client.query()
        meetings = _json(reference, "who-met-whom", "Trump")["meetings"]
        graph = next(m["document"] for m in meetings if m["with"] == ["Xi Jinping"])
        iri = f"https://w3id.org/kg-news/id/doc/{graph}"
        with urllib.request.urlopen(f"{base}/store?graph={iri}", timeout=10) as resp:
            assert resp.headers["Content-Type"].startswith("application/n-triples")
            assert b"Xi Jinping" in resp.read()
    assert _json(reference, "stats")["documents"] == 17


def test_reextract_finds_nothing_to_change(store):
    """Graphs read back from the store compare equal to freshly built ones (no literal drifts)."""
    assert _json(store, "reextract") == {"documents": 17, "changed": 0, "unchanged": 17, "absorbed": 0}


def test_dump_then_load_round_trips(store, reference, tmp_path):
    backup = tmp_path / "backup.nq"
    assert kg(store, "dump", str(backup)).exit_code == 0
    restored = tmp_path / "restored"
    assert kg(restored, "load", str(backup)).exit_code == 0
    assert _nquads(restored, tmp_path, "r") == _nquads(reference, tmp_path, "ref")
    result = kg(store, "load", str(backup))  # a store holding data is refused without --merge
    assert result.exit_code == 1 and "not empty" in result.stderr
    assert kg(store, "load", "--merge", str(backup)).exit_code == 0
    assert _nquads(store, tmp_path, "merged") == _nquads(reference, tmp_path, "ref")
