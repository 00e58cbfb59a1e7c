"""Query helpers that exist for big stores: two-hop through indexed lookups, the light projection."""

from __future__ import annotations

import json

from tests.conftest import kg


def test_query_two_hop_matches_the_graph_view(demo_store):
    from kg.query.queries import find_actor, two_hop
    from kg.query.views import ViewFilter, meeting_graph
    from kg.store import OxigraphStore

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


def test_query_path_fills_evidence_from_the_light_projection(demo_store):
    data = json.loads(
        kg(demo_store, "path", "Reeves", "He Lifeng", "--status", "held", "--status", "scheduled", "--json").stdout
    )
    assert all(m["evidence"] and m["source"] for hop in data["hops"] for m in hop["meetings"])


def test_query_hub_answer_is_cached_until_the_store_changes(tmp_path):
    """A hub's long answer is kept beside the store: asked again it is the same answer, and after
    a write it is the new store's answer. The store is the query benchmark's generator at a small
    size (its Zipf hub has over a thousand meetings)."""
    import sys

    from kg.query.queries import HUB_MEETINGS
    from tests.conftest import ROOT

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from query import generate

    nq, store = tmp_path / "data.nq", tmp_path / "store"
    info = generate(nq, 90_000)
    assert kg(store, "load", str(nq)).exit_code == 0
    first = json.loads(kg(store, "who-met-whom", info["hub"], "--json").stdout)
    assert len(first["meetings"]) >= HUB_MEETINGS
    assert list((tmp_path / "store.cache").glob("meetings-of-*.pickle"))
    assert json.loads(kg(store, "who-met-whom", info["hub"], "--json").stdout) == first
    held = json.loads(kg(store, "who-met-whom", info["hub"], "--status", "held", "--json").stdout)
    assert 0 < len(held["meetings"]) < len(first["meetings"])
    assert all(m["status"] == "held" for m in held["meetings"])
    gone = first["meetings"][0]["document"]
    assert kg(store, "forget", gone).exit_code == 0
    after = json.loads(kg(store, "who-met-whom", info["hub"], "--json").stdout)
    assert after["meetings"] == [m for m in first["meetings"] if m["document"] != gone]
