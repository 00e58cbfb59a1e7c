"""The projections kept beside a store after a write equal a rebuild from the store itself.

A writer brings every saved projection up to date with the graphs it wrote (``kg.store.cache.refresh``):
the meeting tables and graphs, roles, posts, names, relations, and a hub's who-met-whom rows and
events. After an ingest, a merge, an unmerge (extraction again) and a forget, each value must be
read back from the cache, not recomputed, and equal what a fresh cache computes from the store.
"""

from __future__ import annotations

import pytest

from kg.query import queries, views
from kg.query.events import events_of
from kg.store import OxigraphStore, cache

NEWS = [
    ("Finance Minister Ana Novak met Trade Minister Omar Haddad in Vienna on Monday.", "2025-03-03"),
    ("Ana Novak held talks with Prime Minister Lena Berg in Oslo on Tuesday.", "2025-03-05"),
    ("Omar Haddad accused Lena Berg of blocking the trade talks.", "2025-03-06"),
]


def _graph(g) -> tuple:
    return sorted(g.nodes(data=True)), sorted(
        (*sorted((a, b)), d["meetings"], d["items"]) for a, b, d in g.edges(data=True)
    )


def _projections(path: str) -> dict:
    """Every projection a command reads, through the same functions the commands call."""
    store = OxigraphStore(path, read_only=True)
    try:
        hub = queries.find_actor(store, "Ana Novak")
        return {
            "full": views.meeting_table(store, evidence=True),
            "light": views.meeting_table(store, evidence=False),
            "graph": _graph(views.meeting_graph(store)),
            "accuse": _graph(views.meeting_graph(store, views.ViewFilter.checked(relation="ACCUSE"))),
            "roles": views.role_lines(store),
            "posts": views.actor_posts(store),
            "aliases": views.actor_aliases(store),
            "relations": views.relation_table(store),
            "hub": queries.who_met_whom(store, hub),
            "events": events_of(store, hub),
        }
    finally:
        store.close()


def _saved(path: str) -> list[str]:
    store = OxigraphStore(path, read_only=True)
    try:
        return cache.saved(store)
    finally:
        store.close()


@pytest.fixture
def hub_of_one(monkeypatch):
    monkeypatch.setattr(queries, "HUB_MEETINGS", 1)  # a store of a few texts: every answer is a hub's


def _check(path: str, names: list[str], monkeypatch, tmp_path, step: str) -> None:
    assert _saved(path) == names, f"after {step}, not every value was brought up to date"
    kept = _projections(path)
    monkeypatch.setenv("KG_CACHE", str(tmp_path / f"fresh-{step}"))
    fresh = _projections(path)
    monkeypatch.delenv("KG_CACHE")
    for name in kept:
        assert kept[name] == fresh[name], f"{name} after {step}"


def test_kept_projections_equal_a_rebuild_after_every_kind_of_write(news_store, hub_of_one, monkeypatch, tmp_path):
    g = news_store(*NEWS)
    path = str(tmp_path / "store")
    before = _projections(path)
    names = _saved(path)
    assert {"meetings-full", "meetings-light", "role_lines", "relation_table"} <= set(names)
    assert any(n.startswith("meetings-of-") for n in names) and any(n.startswith("events-of-") for n in names)

    g.ingest(["Ana Novak will meet Peter Lund in Rome next week.", "Pete Lund met Omar Haddad in Cairo."],
             date="2025-03-10")  # fmt: skip
    _check(path, names, monkeypatch, tmp_path, "ingest")
    after_ingest = _projections(path)
    assert len(after_ingest["hub"]) == len(before["hub"]) + 1
    assert len(after_ingest["full"]) == len(before["full"]) + 2

    g.merge("Peter Lund", "Pete Lund", force=True)
    _check(path, names, monkeypatch, tmp_path, "merge")
    g.unmerge("Pete Lund")
    _check(path, names, monkeypatch, tmp_path, "unmerge")

    (doc,) = {r.document for r in after_ingest["hub"] if r.with_ == ["Peter Lund"]}
    g.forget(doc)
    _check(path, names, monkeypatch, tmp_path, "forget")
    assert _projections(path)["hub"] == before["hub"]


def test_a_write_no_graph_names_leaves_the_cache_to_be_rebuilt(news_store, monkeypatch, tmp_path):
    """A SPARQL update may touch any graph: nothing saved is trusted after it."""
    news_store(*NEWS)
    path = str(tmp_path / "store")
    _projections(path)
    store = OxigraphStore(path)
    store.update("INSERT DATA { GRAPH <https://kg.example/doc/x> { <https://kg.example/a> <https://kg.example/b> 1 } }")
    store.close()
    assert _saved(path) == []
