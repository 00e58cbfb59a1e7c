"""Exports: RDF dumps (named graphs kept where the format can) and graph files for Gephi and
spreadsheets (GraphML, GEXF, CSV nodes + edges) from the networkx projection."""

from __future__ import annotations

import csv
from pathlib import Path

RDF_FORMATS = ("ttl", "nq", "trig", "jsonld")
GRAPH_FORMATS = ("graphml", "gexf", "csv")
FORMATS = RDF_FORMATS + GRAPH_FORMATS


def default_path(fmt: str) -> Path:
    return Path("exports") / f"graph.{fmt}"


def export(store, fmt: str, path: Path, graph=None) -> list[Path]:
    """Write ``fmt`` to ``path``; CSV writes ``<stem>-nodes.csv`` and ``<stem>-edges.csv`` beside it.
    Returns the files written."""
    from kg.outputs import output_file

    path = output_file(path, f"graph.{fmt}")
    if fmt in RDF_FORMATS:
        store.dump(str(path), fmt)
        return [path]
    flat = _flat(graph)
    if fmt == "graphml":
        import networkx as nx

        nx.write_graphml(flat, path)
        return [path]
    if fmt == "gexf":
        import networkx as nx

        nx.write_gexf(flat, path)
        return [path]
    return _csv(flat, path)


def _flat(g):
    """A copy with scalar, typed attributes only (GraphML and GEXF take no lists); a directed
    relation stays directed (source -> target)."""
    import networkx as nx

    out = nx.DiGraph() if g.is_directed() else nx.Graph()
    for n, d in g.nodes(data=True):
        out.add_node(n, label=str(d.get("label", n)), type=str(d.get("type", "")))
    for a, b, d in g.edges(data=True):
        items = sorted(d.get("items", []), key=lambda it: (it.get("date") is None, it.get("date") or ""))
        out.add_edge(
            a,
            b,
            relation=str(d.get("relation", "meeting")),
            meetings=int(d.get("meetings", 0)),
            reports=int(d.get("reports", d.get("meetings", 0))),
            statuses=";".join(sorted(set(d.get("statuses", [])))),
            dates=";".join(sorted(set(d.get("dates", [])))),
            documents=";".join(sorted(set(d.get("documents", [])))),
            places=_joined(it.get("place") for it in items),
            sources=_joined(it.get("source") for it in items),
            evidence=str(items[0].get("evidence") or "") if items else "",  # the earliest report's sentence
        )
    return out


def _joined(values) -> str:
    return ";".join(sorted({str(v) for v in values if v}))


def _csv(g, path: Path) -> list[Path]:
    nodes_path = path.with_name(f"{path.stem}-nodes.csv")
    edges_path = path.with_name(f"{path.stem}-edges.csv")
    with nodes_path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "label", "type", "meetings"])
        for n, d in g.nodes(data=True):
            w.writerow([n, d["label"], d["type"], sum(d2["meetings"] for *_, d2 in g.edges(n, data=True))])
    with edges_path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        columns = ["relation", "meetings", "reports", "statuses", "dates", "places", "documents", "sources", "evidence"]
        w.writerow(["source", "target", "source_label", "target_label", *columns])
        for a, b, d in g.edges(data=True):
            w.writerow([a, b, g.nodes[a]["label"], g.nodes[b]["label"], *(d.get(c, "") for c in columns)])
    return [nodes_path, edges_path]
