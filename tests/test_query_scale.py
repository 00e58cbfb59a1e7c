"""Query helpers that exist for big stores: two-hop through indexed lookups, the light projection."""

from __future__ import annotations

import json

from tests.test_cli import demo_store, kg  # noqa: F401  (fixture)


def test_query_two_hop_matches_the_graph_view(demo_store):  # noqa: F811
    from kg.queries import find_actor, two_hop
    from kg.store import OxigraphStore
    from kg.views import ViewFilter, meeting_graph

    store = OxigraphStore(str(demo_store), read_only=True)
    reeves = find_actor(store, "Rachel Reeves")
    names = {
        r["label"]
        for r in store.select("SELECT ?a ?label WHERE { GRAPH ?g { ?a rdfs:label ?label } }")
        if r["a"] in two_hop(store, reeves)
    }
    assert names == {"Scott Bessent", "He Lifeng"}
    light = meeting_graph(store, ViewFilter(statuses=("held", "scheduled")), evidence=False)
    full = meeting_graph(store, ViewFilter(statuses=("held", "scheduled")), evidence=True)
    assert set(light.edges) == set(full.edges) and set(light.nodes) == set(full.nodes)


def test_query_path_fills_evidence_from_the_light_projection(demo_store):  # noqa: F811
    data = json.loads(
        kg(demo_store, "path", "Reeves", "He Lifeng", "--status", "held", "--status", "scheduled", "--json").stdout
    )
    assert all(m["evidence"] and m["source"] for hop in data["hops"] for m in hop["meetings"])
