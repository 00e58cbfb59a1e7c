"""Analytics commands and exports on the demo store; exports are read back and counted."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pytest
from rdflib import Dataset, Graph

from tests.test_cli import demo_store, kg  # noqa: F401  (fixture)

ALL = ["--status", "held", "--status", "scheduled", "--status", "potential"]


def test_analytics_centrality_json(demo_store):  # noqa: F811
    for measure in ("degree", "betweenness", "eigenvector", "pagerank"):
        result = kg(demo_store, "centrality", "--measure", measure, "--top", "3", *ALL, "--json")
        assert result.exit_code == 0, result.stderr
        rows = json.loads(result.stdout)
        assert len(rows) == 3 and set(rows[0]) == {"name", "type", "score"}
        assert rows == sorted(rows, key=lambda r: -r["score"])
    top = json.loads(kg(demo_store, "centrality", "--measure", "degree", *ALL, "--json").stdout)[0]
    assert top["name"] in {"Scott Bessent", "Donald Trump"}


def test_analytics_path_with_evidence(demo_store):  # noqa: F811
    data = json.loads(kg(demo_store, "path", "Rachel Reeves", "He Lifeng", *ALL, "--json").stdout)
    assert data["path"] == ["Rachel Reeves", "Scott Bessent", "He Lifeng"]
    assert data["hops"][0]["meetings"][0]["status"] == "scheduled"
    assert all(m["evidence"] for hop in data["hops"] for m in hop["meetings"])


def test_analytics_no_path_is_a_clear_message(demo_store):  # noqa: F811
    result = kg(demo_store, "path", "Rachel Reeves", "Xi Jinping", *ALL)
    assert result.exit_code == 1 and "no chain of meetings" in result.stderr


def test_analytics_held_only_by_default(demo_store):  # noqa: F811
    result = kg(demo_store, "path", "Rachel Reeves", "He Lifeng")
    assert result.exit_code == 1 and "no meetings that pass the filters" in result.stderr


def test_analytics_neighbors_communities_timeline(demo_store):  # noqa: F811
    near = json.loads(kg(demo_store, "neighbors", "Reeves", "--hops", "2", *ALL, "--json").stdout)
    assert {(r["name"], r["hops"]) for r in near} == {("Scott Bessent", 1), ("He Lifeng", 2)}
    groups = json.loads(kg(demo_store, "communities", *ALL, "--json").stdout)
    assert ["He Lifeng", "Rachel Reeves", "Scott Bessent"] in groups
    assert groups == json.loads(kg(demo_store, "communities", *ALL, "--json").stdout)  # seeded
    events = json.loads(kg(demo_store, "timeline", "Bessent", *ALL, "--json").stdout)
    assert {tuple(e["with"]) for e in events} == {("He Lifeng",), ("Rachel Reeves",)}


def test_analytics_bad_filters_are_usage_errors(demo_store):  # noqa: F811
    assert kg(demo_store, "centrality", "--measure", "fame").exit_code == 2
    assert kg(demo_store, "centrality", "--since", "last week").exit_code == 2
    assert kg(demo_store, "centrality", "--type", "Alien").exit_code == 2


@pytest.mark.parametrize("fmt", ["ttl", "nq", "trig", "jsonld"])
def test_analytics_rdf_exports_read_back(demo_store, tmp_path, fmt):  # noqa: F811
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
def test_analytics_graph_exports_read_back(demo_store, tmp_path, fmt):  # noqa: F811
    out = tmp_path / f"g.{fmt}"
    assert kg(demo_store, "export", "--format", fmt, "-o", str(out)).exit_code == 0
    if fmt == "csv":
        nodes = list(csv.DictReader((tmp_path / "g-nodes.csv").open()))
        edges = list(csv.DictReader((tmp_path / "g-edges.csv").open()))
        g = nx.Graph()
        g.add_nodes_from(n["id"] for n in nodes)
        g.add_edges_from((e["source"], e["target"]) for e in edges)
    else:
        g = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
        meetings = [d["meetings"] for _, _, d in g.edges(data=True)]
        assert all(isinstance(m, int) for m in meetings)
    assert g.number_of_nodes() >= 8 and g.number_of_edges() >= 5
