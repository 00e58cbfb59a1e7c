"""The CLI end to end: real model, real on-disk store in a temporary folder, real files."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kg.cli import app
from tests.conftest import EXAMPLES, _quads, kg

runner = CliRunner()


def test_cli_ingest_summary_and_reingest_is_noop(copy_store):
    before = _quads(copy_store)
    result = kg(copy_store, "ingest", str(EXAMPLES), "--json")
    assert result.exit_code == 0
    summary = json.loads(result.stdout)
    assert summary["ingested"] == 0 and summary["skipped"] == 17 and summary["failed"] == 0
    assert _quads(copy_store) == before


def test_cli_who_met_whom_bessent(demo_store):
    result = kg(demo_store, "who-met-whom", "Bessent", "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["person"]["name"] == "Scott Bessent" and data["person"]["type"] == "Person"
    meetings = data["meetings"]
    # the talks "resumed in Madrid" were "held at Spain's historic Palacio de Santa Cruz": the venue wins
    he = [
        m
        for m in meetings
        if m["with"] == ["He Lifeng"] and m["status"] == "held" and m["place"] == "Palacio de Santa Cruz"
    ]
    assert he and "Madrid" in he[0]["evidence"] and he[0]["source"].endswith("madrid-talks.txt")
    reeves = [m for m in meetings if m["with"] == ["Rachel Reeves"]]
    assert reeves and reeves[0]["status"] == "scheduled" and reeves[0]["place"] == "London"
    assert "scheduled to meet" in reeves[0]["evidence"]


def test_cli_who_met_whom_trump_potential_xi(demo_store):
    data = json.loads(kg(demo_store, "who-met-whom", "trump", "--json").stdout)
    assert ["potential"] == [m["status"] for m in data["meetings"] if m["with"] == ["Xi Jinping"]]


def test_cli_who_met_whom_status_filter(demo_store):
    data = json.loads(kg(demo_store, "who-met-whom", "Bessent", "--status", "scheduled", "--json").stdout)
    assert {m["status"] for m in data["meetings"]} == {"scheduled"}


def test_cli_who_met_whom_table(demo_store):
    result = kg(demo_store, "who-met-whom", "Scott Bessent")
    assert result.exit_code == 0 and "Rachel" in result.stdout


def test_cli_unknown_name_exits_1_with_nearest(demo_store):
    result = kg(demo_store, "who-met-whom", "Besent")
    assert result.exit_code == 1
    assert "Bessent" in result.stderr and result.stdout == ""


def test_cli_ambiguous_name_exits_2(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("Prime Minister John Smith met Foreign Minister Jane Smith in Oslo on Monday.\n")
    assert kg(tmp_path / "s", "ingest", str(text)).exit_code == 0
    result = kg(tmp_path / "s", "who-met-whom", "Smith")
    assert result.exit_code == 2
    assert "John Smith" in result.stderr and "Jane Smith" in result.stderr


def test_cli_bad_status_is_usage_error(demo_store):
    assert kg(demo_store, "who-met-whom", "Bessent", "--status", "maybe").exit_code == 2


@pytest.mark.parametrize("name", ['Bessent" } ; DROP ALL #', "x' || true || '", "a\n} GRAPH ?g {", "<http://e/>"])
def test_cli_names_cannot_change_queries(demo_store, name):
    result = kg(demo_store, "who-met-whom", name, "--json")
    assert result.exit_code == 1 and "no entity named" in result.stderr


def test_cli_stats_and_entities(demo_store):
    stats = json.loads(kg(demo_store, "stats", "--json").stdout)
    assert set(stats) == {"documents", "triples", "entities", "meetings", "relations"}
    assert stats["documents"] == 17 and stats["meetings"] >= 5 and stats["triples"] > 100
    people = json.loads(kg(demo_store, "entities", "--type", "Person", "--json").stdout)
    assert {"Scott Bessent", "He Lifeng", "Xi Jinping"} <= {p["name"] for p in people}
    assert {p["type"] for p in people} == {"Person"}


def test_cli_sparql_is_read_only(demo_store, tmp_path):
    q = "SELECT ?n WHERE { GRAPH ?g { ?p a kg:Person ; rdfs:label ?n } }"
    rows = json.loads(kg(demo_store, "sparql", q, "--json").stdout)
    assert {"n": "Scott Bessent"} in rows
    file = tmp_path / "q.rq"
    file.write_text("ASK { GRAPH ?g { ?m a kg:Meeting } }")
    assert json.loads(kg(demo_store, "sparql", f"@{file}", "--json").stdout) == {"boolean": True}
    result = kg(demo_store, "sparql", "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert result.exit_code == 1 and "SPARQL" in result.stderr
    assert json.loads(kg(demo_store, "stats", "--json").stdout)["documents"] == 17


def test_cli_forget_removes_exactly_one_document(copy_store):
    data = json.loads(kg(copy_store, "who-met-whom", "Bessent", "--json").stdout)
    doc = data["meetings"][0]["document"]
    before = _quads(copy_store)
    result = kg(copy_store, "forget", doc)
    assert result.exit_code == 0, result.stderr
    after = _quads(copy_store)
    removed = before - after
    assert removed and not (after - before)
    assert all(f"/doc/{doc}>" in q for q in removed)
    assert json.loads(kg(copy_store, "stats", "--json").stdout)["documents"] == 16
    assert kg(copy_store, "forget", doc).exit_code == 1


def test_cli_bad_inputs_fail_cleanly_and_keep_store(copy_store, tmp_path):
    before = _quads(copy_store)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bin.txt").write_bytes(b"\x00\xff\x00")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 talks".encode("latin-1"))
    (tmp_path / "bad.jsonl").write_text("{oops\n")
    for args in (
        ["ingest", str(tmp_path / "empty.txt")],
        ["ingest", str(tmp_path / "bin.txt")],
        ["ingest", str(tmp_path / "latin1.txt")],
        ["ingest", str(tmp_path / "bad.jsonl")],
        ["ingest", str(tmp_path / "missing.txt")],
        ["ingest", str(EXAMPLES / "madrid-talks.txt"), "--date", "yesterday"],
    ):
        result = kg(copy_store, *args)
        assert result.exit_code != 0, args
        assert "Traceback" not in result.stderr and result.stderr.strip(), args
    assert _quads(copy_store) == before


def test_cli_good_files_ingest_beside_bad_ones(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Secretary of State Ana Ruiz met Foreign Minister Omar Haddad in Amman on Monday.\n")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00")
    result = kg(tmp_path / "s", "ingest", str(bad), str(good), "--date", "2024-05-08")
    assert result.exit_code == 1 and "failed 1" in result.stderr and "ingested 1" in result.stderr
    data = json.loads(kg(tmp_path / "s", "who-met-whom", "Haddad", "--json").stdout)
    assert data["meetings"][0]["date"] == "2024-05-06"


def test_cli_second_writer_is_told_store_is_busy(copy_store):
    import pyoxigraph

    holder = pyoxigraph.Store(str(copy_store))
    try:
        result = kg(copy_store, "ingest", str(EXAMPLES))
        assert result.exit_code == 1 and "busy" in result.stderr
    finally:
        del holder


def test_cli_ingest_stdin_and_jsonl(tmp_path):
    result = kg(
        tmp_path / "s",
        "ingest",
        "-",
        "--date",
        "2024-02-01",
        input="President Ana Costa met King Felipe in Madrid today.\n",
    )
    assert result.exit_code == 0, result.stderr
    lines = tmp_path / "n.jsonl"
    lines.write_text(
        json.dumps(
            {
                "text": "Chancellor Olaf Scholz met President Emmanuel Macron in Berlin on Tuesday.",
                "date": "2024-02-01",
                "url": "https://example.org/x",
            }
        )
        + "\n"
    )
    assert kg(tmp_path / "s", "ingest", str(lines)).exit_code == 0
    data = json.loads(kg(tmp_path / "s", "who-met-whom", "Scholz", "--json").stdout)
    assert data["meetings"][0]["source"] == "https://example.org/x"
    assert data["meetings"][0]["date"] == "2024-01-30"


def test_cli_html_is_offline_and_escapes_text(tmp_path):
    doc = tmp_path / "x.txt"
    doc.write_text("President Ana <script>alert(1)</script> Costa met Prime Minister Rui Lopes in Lisbon on Monday.\n")
    kg(tmp_path / "s", "ingest", str(doc))
    kg(tmp_path / "s", "ingest", str(EXAMPLES))
    out = tmp_path / "g.html"
    result = kg(tmp_path / "s", "html", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    page = out.read_text()
    import re

    assert not re.search(r"<(script|link)[^>]+(src|href)=\"https?://", page)
    assert "Scott Bessent" in page
    assert "<script>alert(1)</script>" not in page


@pytest.mark.parametrize("command", [c.name for c in app.registered_commands])
def test_cli_help_shows_an_example(command):
    result = runner.invoke(app, [command, "--help"], env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert result.exit_code == 0 and "Example: kg" in result.stdout


def test_cli_extract_json_contract(tmp_path):
    doc = tmp_path / "x.txt"
    doc.write_text("Chinese Vice Premier He Lifeng met U.S. Treasury Secretary Janet Yellen in Beijing on Friday.\n")
    result = runner.invoke(app, ["extract", str(doc), "--date", "2024-04-08", "--json"])
    data = json.loads(result.stdout)
    (d,) = data["documents"]
    assert set(d) >= {"entities", "roles", "affiliations", "meetings"}
    (m,) = d["meetings"]
    assert set(m["participants"]) == {"He Lifeng", "Janet Yellen"} and m["status"] == "held"
    assert m["place"] == "Beijing" and m["date"] == "2024-04-05"


def test_cli_min_confidence_filters_meetings(demo_store):
    def meetings(*options: str) -> list[dict]:
        return json.loads(kg(demo_store, "who-met-whom", "Bessent", *options, "--json").stdout)["meetings"]

    every, sure = meetings("--reports"), meetings("--reports", "--min-confidence", "0.7")
    assert all(0 <= m["confidence"] <= 1 for m in every)
    assert [m for m in every if m["confidence"] >= 0.7] == sure
    assert len(sure) < len(every)  # the delegations' meeting is inferred, and says so
    events = meetings("--min-confidence", "0.7")  # events group only the reports that pass
    assert sorted(r["evidence"] for e in events for r in e["reports"]) == sorted(m["evidence"] for m in sure)
    assert kg(demo_store, "who-met-whom", "Bessent", "--min-confidence", "2").exit_code == 2
