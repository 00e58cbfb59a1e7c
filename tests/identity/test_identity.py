"""Re-extraction, merges and the alias file, on real stores in temporary folders."""

from __future__ import annotations

import json

import pyoxigraph

from tests.conftest import _quads, kg


def test_identity_reextract_is_a_noop_on_a_fresh_store(copy_store):
    before = _quads(copy_store)
    result = kg(copy_store, "reextract", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {"documents": 17, "changed": 0, "unchanged": 17, "absorbed": 0}
    assert _quads(copy_store) == before


def test_identity_reextract_rebuilds_damaged_graphs_from_their_text(copy_store):
    before = _quads(copy_store)
    store = pyoxigraph.Store(str(copy_store))
    meeting = pyoxigraph.NamedNode("https://w3id.org/kg-news/ontology#Meeting")
    doomed = [q for q in store.quads_for_pattern(None, None, meeting, None)]
    store.remove(doomed[0])
    store.add(
        pyoxigraph.Quad(
            doomed[0].subject,
            pyoxigraph.NamedNode("http://example.org/stale"),
            pyoxigraph.Literal("x"),
            doomed[0].graph_name,
        )
    )
    staged = pyoxigraph.NamedNode(doomed[0].graph_name.value + "#staging")
    store.add(
        pyoxigraph.Quad(
            doomed[0].subject, pyoxigraph.NamedNode("http://example.org/half"), pyoxigraph.Literal("y"), staged
        )
    )
    del store
    result = kg(copy_store, "reextract", "--json")
    assert json.loads(result.stdout)["changed"] == 1
    assert _quads(copy_store) == before


def test_identity_merge_rewrites_graphs_and_remembers(tmp_path):
    """ "O. Berg" may be Olaf or Ola Berg, so ingest joins neither; the user's merge decides."""
    a = tmp_path / "a.txt"
    a.write_text("Chancellor Olaf Berg met President Mia Holm in Oslo on Monday.\n")
    a2 = tmp_path / "a2.txt"
    a2.write_text("Mayor Ola Berg met Governor Tor Dahl in Bergen on Tuesday.\n")
    b = tmp_path / "b.txt"
    b.write_text("Chancellor O. Berg will meet Prime Minister Kai Lund in Rome next week.\n")
    store = tmp_path / "s"
    assert kg(store, "ingest", str(a), str(a2), str(b)).exit_code == 0
    result = kg(store, "merge", "Olaf Berg", "O. Berg", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["documents"] == 1
    data = json.loads(kg(store, "who-met-whom", "Olaf Berg", "--json").stdout)
    assert {n for m in data["meetings"] for n in m["with"]} == {"Mia Holm", "Kai Lund"}
    assert json.loads(kg(store, "aliases", "--json").stdout)["merge"] == {"O. Berg": "Olaf Berg"}
    c = tmp_path / "c.txt"
    c.write_text("Chancellor O. Berg met King Carl Ek in Stockholm on Friday.\n")
    assert kg(store, "ingest", str(c)).exit_code == 0
    data = json.loads(kg(store, "who-met-whom", "Olaf Berg", "--json").stdout)
    assert "Carl Ek" in {n for m in data["meetings"] for n in m["with"]}
    assert kg(store, "merge", "Olaf Berg", "O. Berg").exit_code == 1


def test_identity_keep_apart_stops_surname_joining(tmp_path):
    store = tmp_path / "s"
    (tmp_path / "s.aliases.json").write_text(json.dumps({"keep_apart": ["Lund"]}))
    a = tmp_path / "a.txt"
    a.write_text("Prime Minister Kai Lund met President Mia Holm in Oslo on Monday.\n")
    b = tmp_path / "b.txt"
    b.write_text("Lund Meets Holm in Bergen\nMarkets Rally on Trade Hopes\n")
    assert kg(store, "ingest", str(a), str(b)).exit_code == 0
    people = {e["name"] for e in json.loads(kg(store, "entities", "--type", "Person", "--json").stdout)}
    assert {"Lund", "Kai Lund"} <= people  # kept apart: two entities, not joined by surname


def test_identity_bad_alias_file_is_a_clear_error(tmp_path):
    (tmp_path / "s.aliases.json").write_text("{not json")
    doc = tmp_path / "a.txt"
    doc.write_text("Prime Minister Kai Lund met President Mia Holm in Oslo.\n")
    result = kg(tmp_path / "s", "ingest", str(doc))
    assert result.exit_code == 1 and "alias file" in result.stderr


def test_identity_surname_join_within_one_run_matches_one_run_per_file(tmp_path):
    """A bare surname met before and after the full name is written, in one ingest run, joins
    exactly as it does when each file is ingested on its own (the run's surname cache follows
    the store)."""
    texts = [
        "Novak declined to comment on the talks.",
        "Finance Minister Ana Novak met Trade Minister Omar Haddad in Vienna on Monday.",
        "Novak met Haddad again in Geneva on Friday.",
    ]
    files = []
    for i, text in enumerate(texts):
        files.append(tmp_path / f"{i}.txt")
        files[-1].write_text(text + "\n", encoding="utf-8")
    one_run = tmp_path / "one"
    assert kg(one_run, "ingest", *map(str, files), "--date", "2025-03-07").exit_code == 0
    per_file = tmp_path / "per-file"
    for f in files:
        assert kg(per_file, "ingest", str(f), "--date", "2025-03-07").exit_code == 0
    assert _quads(one_run) == _quads(per_file)
    data = json.loads(kg(one_run, "who-met-whom", "Ana Novak", "--json").stdout)
    assert {m["place"] for m in data["meetings"]} == {"Vienna", "Geneva"}
