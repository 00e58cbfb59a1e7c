"""Careless and hostile use: no outbound requests, one answer for one query, nothing half-done.

Real store in a temporary folder, real ``kg serve`` process, a real loopback listener that must
hear nothing unless the operator allowed federated queries.
"""

from __future__ import annotations

import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from tests.conftest import kg_serve, kg_serve_logged

runner = CliRunner()
TEXT = "Chilean Foreign Minister Ana Ruiz met Norwegian Prime Minister Eva Lind in Oslo on Monday.\n"


def kg(store: Path, *args: str, input: str | None = None):
    return runner.invoke(app, ["--store", str(store), *args], input=input, catch_exceptions=False)


@pytest.fixture(scope="module")
def small_store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    store = folder / "store"
    assert kg(store, "ingest", str(folder / "a.txt"), "--date", "2026-03-10").exit_code == 0
    return store


class Listener:
    """A TCP listener on the loopback that counts who connects (and answers nothing useful)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = False
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop = True
        self.thread.join(2)
        self.sock.close()


@pytest.fixture
def listener():
    ear = Listener()
    yield ear
    ear.close()


def _service_query(port: int) -> str:
    return f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"


def test_sparql_refuses_a_service_call_and_sends_nothing(small_store, listener):
    result = kg(small_store, "sparql", _service_query(listener.port))
    assert result.exit_code == 1
    assert "SERVICE" in result.stderr and "--allow-service" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output
    escaped = _service_query(listener.port).replace("SERVICE", "\\u0053ERVICE")  # codepoint escapes
    assert kg(small_store, "sparql", escaped).exit_code == 1
    update = f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/x> {{ ?s ?p ?o }} }}"
    assert kg(small_store, "sparql", "--update", update).exit_code == 1
    time.sleep(0.5)
    assert listener.connections == 0


def test_sparql_with_allow_service_does_call_out(small_store, listener):
    """The refusal is what keeps the listener silent: allowed, the request goes out."""
    result = kg(small_store, "sparql", "--allow-service", "--timeout", "10", _service_query(listener.port))
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert listener.connections >= 1


def test_sparql_a_literal_saying_service_is_no_service_call(small_store):
    result = kg(small_store, "sparql", "--json", "SELECT ?x WHERE { BIND('customer service' AS ?x) }")
    assert result.exit_code == 0, result.stderr


def test_sparql_default_graph_is_the_union_of_document_graphs(small_store):
    result = kg(small_store, "sparql", "--json", "SELECT ?n WHERE { ?p a kg:Person ; rdfs:label ?n }")
    assert result.exit_code == 0, result.stderr
    assert {"Ana Ruiz", "Eva Lind"} <= {row["n"] for row in __import__("json").loads(result.stdout)}


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=20) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def test_serve_refuses_a_service_call_with_400_and_sends_nothing(small_store, listener):
    with kg_serve(small_store) as base:
        query = base + "/sparql?query="
        status, body = _get(query + urllib.parse.quote(_service_query(listener.port)))
        assert status == 400 and "SERVICE" in body
        status, body = _get(query + urllib.parse.quote("SELECT ?n WHERE { ?p a kg:Person ; rdfs:label ?n }"))
        assert status == 200 and "Ana Ruiz" in body
    time.sleep(0.5)
    assert listener.connections == 0


def test_a_text_longer_than_the_parser_takes_goes_in_whole_beside_a_good_one(tmp_path):
    """spaCy parses at most 1,000,000 characters at once: a longer article is parsed in pieces cut
    at paragraph breaks, its facts at their offsets in the whole text, and the run goes on."""
    folder = tmp_path / "in"
    folder.mkdir()
    late = "Foreign Minister Ana Ruiz met President Luis Vega in Lima on Friday.\n"
    long_text = "Ana Ruiz met Eva Lind in Oslo on Monday.\n\n" + ("x" * 999 + " ") * 1100 + "\n\n" + late
    assert len(long_text) > 1_100_000
    (folder / "long.txt").write_text(long_text, encoding="utf-8")
    (folder / "good.txt").write_text(TEXT, encoding="utf-8")
    store = tmp_path / "store"
    result = kg(store, "ingest", str(folder), "--date", "2026-03-10")
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.output
    stats = __import__("json").loads(kg(store, "stats", "--json").stdout)
    assert stats["documents"] == 2
    met = __import__("json").loads(kg(store, "who-met-whom", "Luis Vega", "--json").stdout)["meetings"]
    assert [m["with"] for m in met] == [["Ana Ruiz"]]
    assert met[0]["evidence"] == late.strip()


@pytest.mark.parametrize(
    "args",
    [
        ("dump", "{out}"),
        ("dump", "{out}/"),
        ("export", "-o", "{out}"),
        ("export", "--format", "csv", "-o", "{out}/"),
        ("html", "-o", "{out}"),
    ],
)
def test_a_folder_where_a_file_is_wanted_is_one_line(small_store, tmp_path, args):
    out = tmp_path / "exports"
    out.mkdir()
    result = kg(small_store, *[a.format(out=out) for a in args])
    assert result.exit_code == 1 and "is a folder" in result.stderr
    assert "Traceback" not in result.output and len(result.stderr.strip().splitlines()) == 1
    assert not list(out.iterdir())


def test_a_missing_folder_for_a_dump_is_made(small_store, tmp_path):
    target = tmp_path / "no-such-folder" / "backup.nq"
    assert kg(small_store, "dump", str(target)).exit_code == 0
    assert target.stat().st_size > 0


def test_a_new_store_gets_its_folders_and_a_file_in_the_way_a_clear_error(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    assert kg(tmp_path / "runs" / "2026" / "store", "ingest", str(tmp_path / "a.txt")).exit_code == 0
    result = kg(tmp_path / "a.txt" / "store", "ingest", str(tmp_path / "a.txt"))
    assert result.exit_code == 1 and "cannot create store" in result.stderr and "Traceback" not in result.output


def test_a_folder_of_articles_is_never_made_a_store(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(TEXT, encoding="utf-8")
    result = kg(articles, "ingest", str(articles / "a.txt"))
    assert result.exit_code == 1 and "not a kg store" in result.stderr
    assert sorted(p.name for p in articles.iterdir()) == ["a.txt"]


def test_a_missing_model_leaves_no_store_behind(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    for extra in ([], ["--workers", "2"]):
        store = tmp_path / f"store{len(extra)}"
        result = kg(store, "ingest", str(tmp_path / "a.txt"), "--model", "en_core_web_nonesuch", *extra)
        assert result.exit_code == 1 and "not installed" in result.stderr
        assert not store.exists()


def test_bad_usage_exits_2(small_store, tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    for args in (("ingest", str(tmp_path / "a.txt"), "--date", "garbage"), ("who-met-whom", ""), ("timeline", " ")):
        result = kg(small_store, *args)
        assert result.exit_code == 2, (args, result.stderr)
        assert "Traceback" not in result.output
    assert kg(small_store, "who-met-whom", "Nobody Atall").exit_code == 1  # an unknown name stays 1


JSONL = (
    '{"text": "Ana Ruiz met Eva Lind in Oslo on Monday.", "date": "2026-03-10", "url": "https://example.org/a"}\n'
    '{"text": "Luis Vega will meet Ana Ruiz in Lima on Friday.", "date": "2026-03-10"}\n'
)


def test_json_lines_on_stdin_are_records_with_their_dates_and_urls(tmp_path):
    store = tmp_path / "store"
    result = kg(store, "ingest", "-", input=JSONL)
    assert result.exit_code == 0, result.stderr
    met = __import__("json").loads(kg(store, "who-met-whom", "Ana Ruiz", "--json").stdout)["meetings"]
    by_with = {tuple(m["with"]): m for m in met}
    assert by_with[("Eva Lind",)]["date"] == "2026-03-09"
    assert by_with[("Eva Lind",)]["source"] == "https://example.org/a"
    assert by_with[("Luis Vega",)]["status"] == "scheduled" and by_with[("Luis Vega",)]["date"] == "2026-03-13"


def test_extract_reads_a_json_lines_file_record_by_record_unless_told_text(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text(JSONL, encoding="utf-8")
    docs = __import__("json").loads(runner.invoke(app, ["extract", str(path)]).stdout)["documents"]
    assert [[m["date"] for m in d["meetings"]] for d in docs] == [["2026-03-09"], ["2026-03-13"]]
    raw = runner.invoke(app, ["extract", "-", "--format", "text"], input=JSONL)
    assert len(__import__("json").loads(raw.stdout)["documents"]) == 1  # one text, as told
    assert runner.invoke(app, ["extract", str(path), "--format", "xml"]).exit_code == 2


def test_names_are_found_without_their_accents_and_with_them(tmp_path):
    (tmp_path / "a.txt").write_text("Turkish President Recep Tayyip Erdoğan met Ana Ruiz in Ankara.\n", "utf-8")
    (tmp_path / "b.txt").write_text("Foreign Minister Søren Dahl met Ana Ruiz in Oslo.\n", "utf-8")
    (tmp_path / "c.txt").write_text("Erdogan met Prime Minister Eva Lind in Ankara on Tuesday.\n", "utf-8")
    store = tmp_path / "store"
    assert kg(store, "ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), str(tmp_path / "c.txt")).exit_code == 0
    for typed, meant in (
        ("Erdogan", "Recep Tayyip Erdoğan"),
        ("erdoğan", "Recep Tayyip Erdoğan"),
        ("Soren Dahl", "Søren Dahl"),
    ):
        result = kg(store, "who-met-whom", typed, "--json")
        assert result.exit_code == 0, (typed, result.stderr)
        assert __import__("json").loads(result.stdout)["person"]["name"] == meant
    met = __import__("json").loads(kg(store, "who-met-whom", "Erdogan", "--json").stdout)["meetings"]
    assert {m["with"][0] for m in met} == {"Ana Ruiz", "Eva Lind"}  # the bare "Erdogan" joined him


def test_a_bare_name_beside_a_fuller_one_is_said_to_be_ambiguous(tmp_path):
    (tmp_path / "a.txt").write_text("Ana Ruiz met Lee on Monday in Seoul, officials said.\n", "utf-8")
    (tmp_path / "b.txt").write_text("Ana Ruiz met South Korean President Lee Jae-myung in Seoul.\n", "utf-8")
    store = tmp_path / "store"
    assert kg(store, "ingest", str(tmp_path / "a.txt")).exit_code == 0
    assert kg(store, "who-met-whom", "Lee").exit_code == 0  # alone, the bare name is the answer
    assert kg(store, "ingest", str(tmp_path / "b.txt")).exit_code == 0
    result = kg(store, "who-met-whom", "Lee")
    assert result.exit_code == 2 and "Lee Jae-myung" in result.stderr
    assert kg(store, "who-met-whom", "Lee Jae-myung").exit_code == 0


def test_a_date_given_later_updates_the_stored_document_and_its_dates(tmp_path):
    path = tmp_path / "m.txt"
    path.write_text("Ana Ruiz met Eva Lind in Oslo on Monday.\n", encoding="utf-8")
    store = tmp_path / "store"
    assert kg(store, "ingest", str(path)).exit_code == 0

    def dates() -> list:
        out = kg(store, "who-met-whom", "Ana Ruiz", "--json").stdout
        return [m["date"] for m in __import__("json").loads(out)["meetings"]]

    assert dates() == [None]
    result = kg(store, "ingest", str(path), "--date", "2026-03-10", "--json")
    assert result.exit_code == 0 and "updated 1" in result.stderr
    assert __import__("json").loads(result.stdout)["updated"] == 1
    assert dates() == ["2026-03-09"]
    again = kg(store, "ingest", str(path), "--date", "2026-03-10")
    assert "skipped 1" in again.stderr and "updated" not in again.stderr
    assert __import__("json").loads(kg(store, "stats", "--json").stdout)["documents"] == 1


RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?o ?p . ?q ?r ?s . ?t ?u ?v }"


def _children(pid: int) -> set[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return {int(p) for p in out.split()}


def test_serve_stops_a_runaway_query_and_keeps_answering_cheap_ones(small_store):
    """A cross join past --timeout gets 503 and its worker process is killed (the work stops);
    a cheap query beside it answers at once from another worker."""
    import json as _json

    with kg_serve(small_store, "--timeout", "3", "--workers", "2") as base:
        pid = int(
            subprocess.run(
                ["pgrep", "-f", f"serve --port {base.rsplit(':', 1)[1]}"], capture_output=True, text=True
            ).stdout.split()[0]
        )
        workers_before = _children(pid)
        box: dict = {}
        runaway = threading.Thread(
            target=lambda: box.update(answer=_get(base + "/sparql?query=" + urllib.parse.quote(RUNAWAY))),
            daemon=True,
        )
        started = time.monotonic()
        runaway.start()
        time.sleep(0.5)
        t0 = time.monotonic()
        status, body = _get(base + "/sparql?query=" + urllib.parse.quote("SELECT ?n WHERE { ?p rdfs:label ?n }"))
        cheap_s = time.monotonic() - t0
        assert status == 200 and "Ana Ruiz" in body
        assert cheap_s < 2.0  # not queued behind the runaway
        runaway.join(30)
        status, body = box["answer"]
        assert status == 503 and "stopped" in body
        assert time.monotonic() - started < 15
        time.sleep(1.0)
        workers_after = _children(pid)
        assert len(workers_after) == len(workers_before)
        assert workers_before - workers_after  # the runaway's worker is gone, replaced
        status, body = _get(base + "/sparql?query=" + urllib.parse.quote("ASK { ?s ?p ?o }"))
        assert status == 200 and _json.loads(body)["boolean"] is True


def _store_quads(store: Path) -> set[str]:
    import pyoxigraph

    s = pyoxigraph.Store.read_only(str(store))
    return {str(q) for q in s}


def test_merge_asks_for_force_for_two_people_and_unmerge_restores_them(tmp_path):
    texts = {
        "g1.txt": "Chilean Foreign Minister Ana Ruiz met Norwegian Prime Minister Eva Lind in Oslo.\n",
        "g2.txt": "Iranian President Ebrahim Raisi met Eva Lind in Oslo on Monday.\n",
        "g3.txt": "Ibrahim Raisi later met Ana Ruiz in Lima.\n",  # a transliteration ingest leaves apart
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    store = tmp_path / "store"
    assert kg(store, "ingest", *[str(tmp_path / n) for n in texts]).exit_code == 0
    before = _store_quads(store)
    refused = kg(store, "merge", "Ana Ruiz", "Eva Lind")
    assert refused.exit_code == 2 and "--force" in refused.stderr and "Chile" in refused.stderr
    assert _store_quads(store) == before
    assert kg(store, "merge", "Ebrahim Raisi", "Ibrahim Raisi", "--force").exit_code == 0  # one person, two spellings
    met = __import__("json").loads(kg(store, "who-met-whom", "Ibrahim Raisi", "--json").stdout)
    assert met["person"]["name"] == "Ebrahim Raisi" and len(met["meetings"]) == 2
    undone = kg(store, "unmerge", "Ibrahim Raisi")
    assert undone.exit_code == 0, undone.stderr
    assert _store_quads(store) == before
    assert kg(store, "unmerge", "Ibrahim Raisi").exit_code == 1  # nothing left to undo


def test_documents_lists_what_forget_takes(small_store):
    rows = __import__("json").loads(kg(small_store, "documents", "--json").stdout)
    assert [(r["date"], r["facts"]) for r in rows] == [("2026-03-10", 3)]  # a meeting and two roles
    doc_id = rows[0]["id"]
    meetings = __import__("json").loads(kg(small_store, "who-met-whom", "Ana Ruiz", "--json").stdout)["meetings"]
    assert meetings[0]["document"] == doc_id


def test_serve_logs_a_dropped_client_in_one_line(small_store):
    import struct

    with kg_serve_logged(small_store) as served:
        port = served.port
        big = urllib.parse.quote("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")  # megabytes of rows
        with socket.create_connection(("127.0.0.1", port)) as s:
            s.sendall(f"GET /sparql?query={big} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
            s.recv(1024)  # the answer has begun ...
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # ... hang up hard
        time.sleep(2.0)
        assert urllib.request.urlopen(f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D", timeout=10).status == 200
    stderr = served.stderr
    assert "dropped the connection" in stderr
    assert "Traceback" not in stderr


def test_serve_asks_a_fresh_worker_when_one_dies_under_a_query(small_store):
    """A worker's read-only view of a store the server writes to can break under it; the query
    is then asked once more of a fresh worker instead of failing."""
    from kg.serve.pool import QueryPool

    pool = QueryPool(str(small_store), workers=2, timeout=30)
    try:
        first = pool._all[0]  # the worker the next query goes to dies
        first.proc.kill()
        first.proc.join(5)
        answer = pool.ask("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", [], [], ("application/sparql-results+json",
                                                                                "application/n-triples"))  # fmt: skip
        assert answer.status == 200 and b'"n"' in answer.body
    finally:
        pool.close()
