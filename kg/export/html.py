"""An interactive, self-contained HTML page of who met whom, drawn with pyvis (vis-network).

The page works with the network switched off: vis-network is inlined (``cdn_resources="in_line"``)
and the Bootstrap links of pyvis's template are removed. Every string from news text that lands
in a tooltip is HTML-escaped, so a ``<script>`` in an evidence sentence stays text. Big graphs
stay usable: at most ``limit`` nodes (the most central), and above ``LAYOUT_ABOVE`` nodes a
precomputed layout with physics off (vis-network's physics takes tens of seconds to settle).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from kg.vocab import MEETING_STATUSES

TYPE_COLOURS = {
    "Person": "#4e79a7",
    "Organization": "#f28e2b",
    "Country": "#59a14f",
    "City": "#76b7b2",
    "Place": "#edc948",
}
STATUS_DASHES = {"held": False, "scheduled": [10, 8], "potential": [2, 6], "cancelled": [4, 4]}
STATUS_COLOURS = {"held": "#333333", "scheduled": "#1f77b4", "potential": "#9467bd", "cancelled": "#bbbbbb"}
LAYOUT_ABOVE = 300
DEFAULT_LIMIT = 400  # below 500 nodes networkx lays out with dense numpy, no scipy (1 s less)
TOOLTIP_MEETINGS = 12  # sentences shown per edge; the count of the rest follows
_REMOTE = re.compile(
    r"<link[^>]*href=\"https?://[^\"]*\"[^>]*/?>|<script[^>]*src=\"https?://[^\"]*\"[^>]*>\s*</script>",
    re.IGNORECASE | re.DOTALL,
)


def _esc(text: str | None) -> str:
    return html.escape(text or "", quote=True)


def select_nodes(g, *, limit: int = DEFAULT_LIMIT, focus: str | None = None, hops: int = 1):
    """The subgraph to draw: the ``focus`` node's neighbourhood if given, then at most ``limit``
    nodes by degree centrality. Returns (subgraph, scores, number left out)."""
    import networkx as nx

    if focus is not None:
        g = g.subgraph(nx.single_source_shortest_path_length(g, focus, cutoff=hops)).copy()
    scores = nx.degree_centrality(g) if g.number_of_nodes() > 1 else {n: 1.0 for n in g}
    keep = sorted(g, key=lambda n: (-scores[n], g.nodes[n].get("label", "")))[:limit]
    return g.subgraph(keep).copy(), scores, g.number_of_nodes() - len(keep)


def _rank(status: str) -> int:
    """Most definite first: the order of ``vocab.MEETING_STATUSES``."""
    return MEETING_STATUSES.index(status) if status in MEETING_STATUSES else len(MEETING_STATUSES)


def build_page(g, roles: dict[str, list[str]] | None = None, *, limit: int = DEFAULT_LIMIT,
               focus: str | None = None, hops: int = 1) -> tuple[str, int, int, int]:  # fmt: skip
    """The page's HTML for a meeting graph, with its node, edge and left-out counts."""
    import networkx as nx
    from pyvis.network import Network

    roles = roles or {}
    sub, scores, left_out = select_nodes(g, limit=limit, focus=focus, hops=hops)
    big = sub.number_of_nodes() > LAYOUT_ABOVE
    positions = nx.spring_layout(sub, seed=42, iterations=40, method="force", scale=1000) if big else {}
    net = Network(height="800px", width="100%", cdn_resources="in_line", directed=False, notebook=False)
    if big:  # laid out here: no physics, and straight edges (a curved edge is a hidden node to simulate)
        net.toggle_physics(False)
        net.options.edges.smooth.enabled = False
    top = max(scores.values(), default=1.0) or 1.0
    for n, d in sub.nodes(data=True):
        count = sum(sub.edges[n, m].get("meetings", 0) for m in sub.neighbors(n))
        lines = [f"{d.get('label')} ({d.get('type')})", *roles.get(n, []), f"{count} meeting(s)"]
        extra = {"x": float(positions[n][0]), "y": float(positions[n][1])} if big else {}
        net.add_node(
            n,
            label=d.get("label", n),
            title=_esc("\n".join(lines)),
            color=TYPE_COLOURS.get(d.get("type"), "#999999"),
            size=8 + 30 * scores.get(n, 0) / top,
            **extra,
        )
    # One edge per pair, styled by its most definite status, every meeting in its tooltip (the
    # first TOOLTIP_MEETINGS sentences). Appended to pyvis's edge list directly: its add_edge
    # scans every edge already added (11,458 edges took 23 s).
    edges = 0
    for a, b, d in sub.edges(data=True):
        items = sorted(d.get("items", []), key=lambda it: (_rank(it["status"]), it.get("date") or ""))
        if not items:
            continue
        lines = [
            f"{it['status']} {it.get('kind')}"
            + (f" ({it['date']})" if it.get("date") else "")
            + f": {it.get('evidence')}"
            for it in items[:TOOLTIP_MEETINGS]
        ]
        if len(items) > TOOLTIP_MEETINGS:
            lines.append(f"... and {len(items) - TOOLTIP_MEETINGS} more meeting(s)")
        status = items[0]["status"]
        net.edges.append(
            {
                "from": a,
                "to": b,
                "title": _esc("\n".join(lines)),
                "dashes": STATUS_DASHES.get(status, False),
                "color": STATUS_COLOURS.get(status, "#333333"),
                "width": 1 + min(len(items), 10),
            }
        )
        edges += 1
    page = _REMOTE.sub("", net.generate_html())
    note = f" &nbsp;|&nbsp; {left_out} less central node(s) left out (raise --limit)" if left_out else ""
    legend = (
        '<div id="kg-legend" style="font-family:sans-serif;font-size:13px;padding:6px">'
        + " ".join(f'<span style="color:{c}">&#9679; {t}</span>' for t, c in TYPE_COLOURS.items())
        + " &nbsp;|&nbsp; edges: held solid, scheduled dashed, potential dotted, cancelled grey"
        + note
        + "</div>"
    )
    page = page.replace("<body>", "<body>\n" + legend, 1)
    return page, sub.number_of_nodes(), edges, left_out


def write_page(store, path: Path, *, limit: int = DEFAULT_LIMIT, focus: str | None = None, hops: int = 1):
    """Project the store (every status), draw it and write the page; returns (nodes, edges, left out)."""
    from kg.outputs import output_file
    from kg.queries import find_actor
    from kg.views import ACTOR_TYPES, ViewFilter, meeting_graph, role_lines
    from kg.vocab import MEETING_STATUSES

    path = output_file(path, "graph.html")  # before the projection: a bad path fails at once
    g = meeting_graph(store, ViewFilter(statuses=MEETING_STATUSES, types=ACTOR_TYPES))
    focus_iri = None
    if focus is not None:
        focus_iri = find_actor(store, focus).iri
        if focus_iri not in g:
            from kg.errors import KgError

            raise KgError(f"{focus} has no meetings to draw")
    page, nodes, edges, left_out = build_page(g, role_lines(store), limit=limit, focus=focus_iri, hops=hops)
    path.write_text(page, encoding="utf-8")
    return nodes, edges, left_out
