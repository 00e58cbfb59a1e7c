"""Graph measures over a meeting graph (``views.meeting_graph``): pure networkx, no store.

Each function takes an ``nx.Graph`` whose edges carry ``meetings`` (a count) and ``items`` (one
dict per meeting) and returns plain data, so the CLI and Python callers share them.
"""

from __future__ import annotations

import itertools
from typing import Any

MEASURES = ("degree", "out-degree", "betweenness", "eigenvector", "pagerank")
BETWEENNESS_SAMPLE_ABOVE = 2000  # nodes; above this, betweenness is estimated from k sampled sources
SEED = 42


def centrality(g, measure: str = "degree", *, top: int = 10) -> list[dict[str, Any]]:
    """The ``top`` actors by a centrality measure, highest first (scores to four decimals; the
    order is decided before rounding).

    Degree counts distinct counterparts (on a directed relation, those acting on the node;
    ``out-degree`` those it acts on); PageRank and eigenvector weigh edges by meeting count;
    betweenness is sampled (``k`` sources, seeded) above a few thousand nodes.

    >>> import networkx as nx
    >>> g = nx.Graph()
    >>> g.add_node("a", label="A", type="Person"); g.add_node("b", label="B", type="Person")
    >>> g.add_node("c", label="C", type="Country")
    >>> g.add_edge("a", "b", meetings=2); g.add_edge("a", "c", meetings=1)
    >>> [r["name"] for r in centrality(g, "degree", top=1)]
    ['A']
    >>> round(centrality(g, "betweenness")[0]["score"], 2)
    1.0
    """
    import networkx as nx

    if g.number_of_nodes() == 0:
        return []
    if measure == "degree":  # on a directed relation: who is the target most ("the most accused")
        scores = nx.in_degree_centrality(g) if g.is_directed() else nx.degree_centrality(g)
    elif measure == "out-degree":  # who acts the most ("who accuses the most")
        scores = nx.out_degree_centrality(g) if g.is_directed() else nx.degree_centrality(g)
    elif measure == "betweenness":
        k = min(500, g.number_of_nodes()) if g.number_of_nodes() > BETWEENNESS_SAMPLE_ABOVE else None
        scores = nx.betweenness_centrality(g, k=k, seed=SEED)
    elif measure == "eigenvector":
        try:
            scores = nx.eigenvector_centrality_numpy(g, weight="meetings")
        except (nx.NetworkXException, ValueError, TypeError):
            scores = nx.eigenvector_centrality(g, weight="meetings", max_iter=1000)
    elif measure == "pagerank":
        scores = nx.pagerank(g, weight="meetings")
    else:
        raise ValueError(f"unknown measure {measure!r}; choose one of {', '.join(MEASURES)}")
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], g.nodes[kv[0]].get("label", kv[0])))
    return [
        {"name": g.nodes[n].get("label", n), "type": g.nodes[n].get("type"), "score": round(float(s), 4), "iri": n}
        for n, s in ranked[:top]
    ]


def path(g, source: str, target: str, *, fill=None) -> dict[str, Any] | None:
    """The shortest chain of meetings from ``source`` to ``target`` (node ids), each hop with its
    meetings (date, status, evidence, source); None when they are not connected. ``fill`` is
    called with each hop's meeting items first, to add evidence a light projection left out.

    >>> import networkx as nx
    >>> g = nx.Graph()
    >>> for n in "abc": g.add_node(n, label=n.upper(), type="Person")
    >>> g.add_edge("a", "b", meetings=1, items=[{"date": "2024-01-02", "status": "held", "evidence": "A met B.", "source": "s"}])
    >>> g.add_edge("b", "c", meetings=1, items=[{"date": None, "status": "held", "evidence": "B met C.", "source": "s"}])
    >>> path(g, "a", "c")["path"]
    ['A', 'B', 'C']
    """
    import networkx as nx

    try:
        nodes = nx.shortest_path(g, source, target)
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        return None
    hops = []
    for a, b in itertools.pairwise(nodes):
        items = g.edges[a, b].get("items", [])
        if fill is not None:
            fill(items)
        hops.append(
            {
                "from": g.nodes[a]["label"],
                "to": g.nodes[b]["label"],
                "meetings": [
                    {k: it.get(k) for k in ("date", "status", "evidence", "source")}
                    for it in sorted(items, key=lambda it: it.get("date") or "")
                ],
            }
        )
    return {"path": [g.nodes[n]["label"] for n in nodes], "hops": hops}


def neighbors(g, node: str, *, hops: int = 1) -> list[dict[str, Any]]:
    """Actors within ``hops`` meetings of ``node``, nearest first.

    >>> import networkx as nx
    >>> g = nx.path_graph(3); nx.set_node_attributes(g, {0: "A", 1: "B", 2: "C"}, "label")
    >>> [(r["name"], r["hops"]) for r in neighbors(g, 0, hops=2)]
    [('B', 1), ('C', 2)]
    """
    import networkx as nx

    dist = nx.single_source_shortest_path_length(g, node, cutoff=hops)
    rows = [
        {"name": g.nodes[n].get("label", n), "type": g.nodes[n].get("type"), "hops": d, "iri": n}
        for n, d in dist.items()
        if n != node
    ]
    return sorted(rows, key=lambda r: (r["hops"], r["name"]))


def communities(g) -> list[list[str]]:
    """Louvain communities (seeded, so the same graph gives the same answer), largest first.

    >>> import networkx as nx
    >>> g = nx.Graph([(1, 2), (2, 3), (1, 3), (4, 5)])
    >>> nx.set_node_attributes(g, {n: str(n) for n in g}, "label")
    >>> communities(g)
    [['1', '2', '3'], ['4', '5']]
    """
    import networkx as nx

    if g.number_of_nodes() == 0:
        return []
    parts = nx.community.louvain_communities(g, weight="meetings", seed=SEED)
    named = [sorted(g.nodes[n].get("label", str(n)) for n in part) for part in parts]
    return sorted(named, key=lambda c: (-len(c), c))


def timeline(g, node: str) -> list[dict[str, Any]]:
    """The meetings of one actor in date order (undated last), one row per meeting.

    >>> import networkx as nx
    >>> g = nx.Graph()
    >>> for n in "abc": g.add_node(n, label=n.upper(), type="Person")
    >>> g.add_edge("a", "b", items=[{"meeting": "m2", "date": "2024-02-01", "status": "held"}])
    >>> g.add_edge("a", "c", items=[{"meeting": "m1", "date": "2024-01-01", "status": "held"}])
    >>> [(r["date"], r["with"]) for r in timeline(g, "a")]
    [('2024-01-01', ['C']), ('2024-02-01', ['B'])]
    """
    rows: dict[str, dict[str, Any]] = {}
    for other in g.neighbors(node):
        for it in g.edges[node, other].get("items", []):
            row = rows.setdefault(it.get("meeting") or id(it), {**it, "with": []})
            row["with"].append(g.nodes[other]["label"])
    out = sorted(rows.values(), key=lambda r: (r.get("date") is None, r.get("date") or "", r["with"]))
    for r in out:
        r["with"] = sorted(r["with"])
        if isinstance(r.get("confidence"), str):  # the store keeps the decimal as written: a number here
            r["confidence"] = float(r["confidence"])
    return out
