"""Analytics commands and exports on the demo store; exports are read back and counted."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pytest
from rdflib import Dataset, Graph

from tests.conftest import kg

ALL = ["--status", "held", "--status", "scheduled", "--status", "potential"]


def test_analytics_centrality_json(demo_store):
    for measure in ("degree", "betweenness", "eigenvector", "pagerank"):
        result = kg(demo_store, "centrality", "--measure", measure, "--top", "3", *ALL, "--json")
        assert result.exit_code == 0, result.stderr
        rows = json.loads(result.stdout)
        assert len(rows) == 3 and set(rows[0]) == {"name", "type", "score"}
        assert rows == sorted(rows, key=lambda r: -r["score"])
    top = json.loads(kg(demo_store, "centrality", "--measure", "degree", *ALL, "--json").stdout)[0]
    assert top["name"] in {"Scott Bessent", "Donald Trump"}


def test_analytics_path_with_evidence(demo_store):
    data = json.loads(kg(demo_store, "path", "Rachel Reeves", "He Lifeng", *ALL, "--json").stdout)
    assert data["path"] == ["Rachel Reeves", "Scott Bessent", "He Lifeng"]
    assert data["hops"][0]["meetings"][0]["status"] == "scheduled"
    assert all(m["evidence"] for hop in data["hops"] for m in hop["meetings"])


def test_analytics_no_path_is_a_clear_message(demo_store):
    result = kg(demo_store, "path", "Rachel Reeves", "Xi Jinping", *ALL)
    assert result.exit_code == 1 and "no chain of meetings" in result.stderr


def test_analytics_held_only_by_default(demo_store):
    result = kg(demo_store, "path", "Rachel Reeves", "He Lifeng")
    assert result.exit_code == 1 and "no meetings that pass the filters" in result.stderr


def test_analytics_neighbors_communities_timeline(demo_store):
    near = json.loads(kg(demo_store, "neighbors", "Reeves", "--hops", "2", *ALL, "--json").stdout)
    assert {(r["name"], r["hops"]) for r in near} == {("Scott Bessent", 1), ("He Lifeng", 2)}
    groups = json.loads(kg(demo_store, "communities", *ALL, "--json").stdout)
    assert ["He Lifeng", "Rachel Reeves", "Scott Bessent"] in groups
    assert groups == json.loads(kg(demo_store, "communities", *ALL, "--json").stdout)  # seeded
    events = json.loads(kg(demo_store, "timeline", "Bessent", *ALL, "--json").stdout)
    assert {tuple(e["with"]) for e in events} == {("He Lifeng",), ("Rachel Reeves",)}


def test_analytics_bad_filters_are_usage_errors(demo_store):
    assert kg(demo_store, "centrality", "--measure", "fame").exit_code == 2
    assert kg(demo_store, "centrality", "--since", "last week").exit_code == 2
    assert kg(demo_store, "centrality", "--type", "Alien").exit_code == 2


@pytest.mark.parametrize("fmt", ["ttl", "nq", "trig", "jsonld"])
def test_analytics_rdf_exports_read_back(demo_store, tmp_path, fmt):
    out = tmp_path / f"g.{fmt}"
    assert kg(demo_store, "export", "--format", fmt, "-o", str(out)).exit_code == 0
    quads = json.loads(kg(demo_store, "stats", "--json").stdout)["triples"]
    rdflib_format = {"ttl": "turtle", "nq": "nquads", "trig": "trig", "jsonld": "json-ld"}[fmt]
    if fmt == "ttl":
        g = Graph().parse(out, format=rdflib_format)
        assert 0 < len(g) <= quads
    else:
        ds = Dataset()
        ds.parse(out, format=rdflib_format)
        assert len(list(ds.quads((None, None, None, None)))) == quads
        assert len([c for c in ds.graphs() if "/doc/" in str(c.identifier)]) == 17


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "csv"])
def test_analytics_graph_exports_read_back(demo_store, tmp_path, fmt):
    out = tmp_path / f"g.{fmt}"
    assert kg(demo_store, "export", "--format", fmt, "-o", str(out)).exit_code == 0
    if fmt == "csv":
        nodes = list(csv.DictReader((tmp_path / "g-nodes.csv").open()))
        edges = list(csv.DictReader((tmp_path / "g-edges.csv").open()))
        g = nx.Graph()
        g.add_nodes_from(n["id"] for n in nodes)
        g.add_edges_from((e["source"], e["target"]) for e in edges)
        reeves = next(e for e in edges if "Rachel Reeves" in (e["source_label"], e["target_label"]))
        assert "Reeves in London" in reeves["evidence"] and reeves["places"] == "London"
        assert reeves["sources"].endswith("examples/madrid-talks.txt")
    else:
        g = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
        meetings = [d["meetings"] for _, _, d in g.edges(data=True)]
        assert all(isinstance(m, int) for m in meetings)
    assert g.number_of_nodes() >= 8 and g.number_of_edges() >= 5


def test_analytics_cached_projection_follows_every_write(copy_store, tmp_path):
    """The projection cached beside the store is used only while the store is unchanged: an
    ingest, a forget, and a damaged cache file all give the answer a fresh projection gives."""
    names = lambda: {r["name"] for r in json.loads(kg(copy_store, "centrality", "--top", "100", "--json").stdout)}  # noqa: E731
    before = names()
    cache = copy_store.parent / (copy_store.name + ".cache")
    assert any(cache.iterdir())
    new = tmp_path / "new.txt"
    new.write_text("Finance Minister Ana Novak met Trade Minister Omar Haddad in Vienna on Monday.\n")
    assert kg(copy_store, "ingest", str(new), "--date", "2025-03-07").exit_code == 0
    after = names()
    assert after == before | {"Ana Novak", "Omar Haddad"}
    for f in cache.iterdir():
        f.write_bytes(b"not a pickle")
    assert names() == after
    doc = json.loads(kg(copy_store, "who-met-whom", "Ana Novak", "--json").stdout)["meetings"][0]["document"]
    assert kg(copy_store, "forget", doc).exit_code == 0
    assert names() == before
