"""The explorer: one self-contained HTML page of who met whom, to search, filter and read.

What a user of Aleph or GDELT asks of such a page, offline: find an actor by any of its names,
filter meetings by status, actor type, date, confidence and number of reports without a rebuild,
and click a node or an edge to read the meetings behind it with their evidence and sources.

How it is built, and why:
- The graph's data goes into the page as one JSON document in a ``<script type="application/json">``
  block, with ``<``, ``>`` and ``&`` written as ``\\u003c``-style escapes, so no string from news text
  can end the block; the page's script builds every panel with ``textContent``, never ``innerHTML``,
  so a ``<script>`` in an evidence sentence stays text.
- vis-network and its stylesheet are inlined from the copy pyvis ships (a chosen dependency): the
  page asks for nothing over the network.
- The layout is computed here for every size (networkx's spring layout, then labels pushed apart),
  and physics is off until the user turns it on: vis-network's physics takes tens of seconds to
  settle on a big graph and leaves labels overlapping on first paint on a small one.
- At most ``limit`` nodes (the most central) and ``PAGE_REPORTS`` meetings per pair go in the page;
  the page states what was left out.
"""

from __future__ import annotations

import html
import json
import math
from importlib import resources
from pathlib import Path

from kg.facts.vocab import MEETING_STATUSES

TYPE_COLOURS = {
    "Person": "#4e79a7",
    "Organization": "#f28e2b",
    "Country": "#59a14f",
    "City": "#76b7b2",
    "Place": "#edc948",
}
STATUS_DASHES = {"held": False, "scheduled": [10, 8], "potential": [2, 6], "cancelled": [4, 4]}
STATUS_COLOURS = {"held": "#333333", "scheduled": "#1f77b4", "potential": "#9467bd", "cancelled": "#bbbbbb"}
# one colour per relation type, in the order of the specs (so a type keeps its colour from store to store)
RELATION_COLOURS = ("#d62728", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#ff7f0e", "#2ca02c", "#7f7f7f")
LAYOUT_ABOVE = 300  # above this many nodes: fewer layout iterations, no label spreading
DEFAULT_LIMIT = 400  # below 500 nodes networkx lays out with dense numpy, no scipy (1 s less)
PAGE_REPORTS = 40  # meetings per pair written into the page; the count of the rest follows
_ITEM_KEYS = ("meeting", "event", "date", "status", "kind", "place", "evidence", "source", "document", "confidence")


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


def layout(g, sizes: dict[str, float] | None = None) -> dict[str, tuple[float, float]]:
    """Positions in screen pixels: a spring layout scaled to the graph's size, then (up to
    ``LAYOUT_ABOVE`` nodes) each node's box (its dot of radius ``sizes[n]`` and its label below)
    pushed clear of the others, so the first paint is readable. Seeded: the same graph gets the
    same picture."""
    import networkx as nx

    n = g.number_of_nodes()
    if n == 0:
        return {}
    if n == 1:
        return {next(iter(g)): (0.0, 0.0)}
    big = n > LAYOUT_ABOVE
    pos = nx.spring_layout(g, seed=42, iterations=40 if big else 150, method="force", scale=120 * math.sqrt(n))
    nodes = list(g)
    xy = [[float(pos[v][0]), float(pos[v][1])] for v in nodes]
    if not big:
        sizes = sizes or {}
        radius = [sizes.get(v, 10.0) for v in nodes]
        widths = [
            max(8 * len(g.nodes[v].get("label") or str(v)), 2 * r) + 16 for v, r in zip(nodes, radius, strict=True)
        ]
        heights = [2 * r + 40 for r in radius]  # the dot, the label under it, a margin
        xy = _spread(xy, widths, heights)
    return {v: (round(x, 1), round(y, 1)) for v, (x, y) in zip(nodes, xy, strict=True)}


def _spread(xy: list[list[float]], widths: list[float], heights: list[float], *, rounds: int = 80) -> list[list[float]]:
    """Push apart nodes whose boxes (``widths`` by ``heights`` pixels, centred) overlap,
    each pair along the axis where it overlaps least, until none does or ``rounds`` run out."""
    import numpy as np

    p = np.array(xy, dtype=float)
    w = np.array(widths, dtype=float)
    h = np.array(heights, dtype=float)
    need_x = (w[:, None] + w[None, :]) / 2
    need_y = (h[:, None] + h[None, :]) / 2
    for _ in range(rounds):
        dx = p[:, None, 0] - p[None, :, 0]
        dy = p[:, None, 1] - p[None, :, 1]
        ox = need_x - np.abs(dx)
        oy = need_y - np.abs(dy)
        hit = (ox > 0) & (oy > 0)
        np.fill_diagonal(hit, False)
        if not hit.any():
            break
        along_x = hit & (ox <= oy)
        along_y = hit & ~along_x
        order = np.sign(np.arange(len(p))[:, None] - np.arange(len(p))[None, :])  # ties: by index
        sx = np.where(dx != 0, np.sign(dx), order)
        sy = np.where(dy != 0, np.sign(dy), order)
        p[:, 0] += np.where(along_x, ox * sx, 0.0).sum(axis=1) / 2
        p[:, 1] += np.where(along_y, oy * sy, 0.0).sum(axis=1) / 2
    return p.tolist()


def payload(g, *, posts: dict | None = None, aliases: dict | None = None, scores: dict | None = None,
            notes: list[str] | None = None) -> dict:  # fmt: skip
    """The page's data: nodes with names, posts, position and size; the meetings (date, status,
    kind, place, evidence, source, document, confidence); one edge per pair with its meetings by
    index, in date order; the statuses, colours and notes."""
    posts, aliases, scores = posts or {}, aliases or {}, scores or {}
    top = max(scores.values(), default=1.0) or 1.0
    sizes = {n: round(8 + 30 * scores.get(n, 0) / top, 1) for n in g}
    pos = layout(g, sizes)
    nodes = []
    for n, d in g.nodes(data=True):
        label = d.get("label") or n
        nodes.append(
            {
                "id": n,
                "label": label,
                "type": d.get("type"),
                "names": sorted(set(aliases.get(n, [])) | {label}),
                "posts": posts.get(n, []),
                "x": pos[n][0],
                "y": pos[n][1],
                "size": sizes[n],
            }
        )
    edges, meetings, index, more = [], [], {}, 0
    for a, b, d in g.edges(data=True):
        items = sorted(d.get("items", []), key=lambda it: (it.get("date") or "9999", _rank(it["status"])))
        if not items:
            continue
        refs = []
        for it in items[:PAGE_REPORTS]:  # a meeting of three is one entry, referred to by its three pairs
            if it["meeting"] not in index:
                index[it["meeting"]] = len(meetings)
                meetings.append({k: it.get(k) for k in _ITEM_KEYS})
            refs.append(index[it["meeting"]])
        written = {it.get("event") for it in items[:PAGE_REPORTS]}
        extra = len({it.get("event") for it in items[PAGE_REPORTS:]} - written)  # meetings only unwritten reports tell
        edges.append({"id": len(edges), "from": a, "to": b, "meetings": refs, "more": len(items) - len(refs),
                      "more_meetings": extra})  # fmt: skip
        more += len(items) - len(refs)
    notes = list(notes or [])
    if more:
        notes.append(f"{more} report(s) of the busiest pairs not written into the page (kg who-met-whom lists them)")
    return {
        "nodes": nodes,
        "edges": edges,
        "meetings": meetings,
        "statuses": list(MEETING_STATUSES),
        "status_colours": STATUS_COLOURS,
        "status_dashes": STATUS_DASHES,
        "type_colours": TYPE_COLOURS,
        "notes": notes,
    }


def _asset(name: str) -> str:
    return resources.files("kg.export").joinpath("explorer", name).read_text(encoding="utf-8")


def _vis(name: str) -> str:
    return resources.files("pyvis").joinpath("templates", "lib", "vis-9.1.2", name).read_text(encoding="utf-8")


def render(data: dict, *, title: str = "kg explorer") -> str:
    """The whole page for ``payload``'s data: template, styles, vis-network and the data inlined."""
    blob = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    blob = blob.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    parts = {
        "{{title}}": html.escape(title),
        "{{vis_css}}": _vis("vis-network.css"),
        "{{css}}": _asset("explorer.css"),
        "{{data}}": blob,
        "{{vis_js}}": _vis("vis-network.min.js"),
        "{{js}}": _asset("explorer.js"),
    }
    out, rest = [], _asset("page.html")
    for key, value in parts.items():  # in the template's order, each searched only in what is left of
        head, _, rest = rest.partition(key)  # the template: a marker inside the data is never replaced
        out += [head, value]
    return "".join(out) + rest


def build_page(g, *, posts: dict | None = None, aliases: dict | None = None, limit: int = DEFAULT_LIMIT,
               focus: str | None = None, hops: int = 1, notes: list[str] | None = None,
               relations: list[dict] | None = None) -> tuple[str, int, int, int]:  # fmt: skip
    """The page's HTML for a meeting graph, with its node, edge and left-out counts."""
    sub, scores, left_out = select_nodes(g, limit=limit, focus=focus, hops=hops)
    notes = list(notes or [])
    if focus is not None:
        notes.insert(0, f"only actors within {hops} meeting(s) of {g.nodes[focus].get('label', focus)}")
    if left_out:
        notes.append(f"{left_out} less central actor(s) left out (raise --limit)")
    data = payload(sub, posts=posts, aliases=aliases, scores=scores, notes=notes)
    data["relations"] = [
        {"id": f"r{k}", **{key: r[key] for key in ("type", "directed", "label", "from", "to")},
         "items": [{k2: it.get(k2) for k2 in _ITEM_KEYS if k2 not in {"kind", "place"}} for it in r["items"]]}
        for k, r in enumerate(x for x in relations or [] if x["from"] in sub and x["to"] in sub)
    ]  # fmt: skip
    from kg.facts.specs import specs

    present = {r["type"] for r in relations or []}
    palette = dict(zip((s.name for s in specs()), RELATION_COLOURS * 4, strict=False))
    data["relation_colours"] = {t: palette.get(t, "#d62728") for t in sorted(present)}
    return render(data), len(data["nodes"]), len(data["edges"]), left_out


def write_page(store, path: Path, *, limit: int = DEFAULT_LIMIT, focus: str | None = None, hops: int = 1,
               since: str | None = None, until: str | None = None) -> tuple[int, int, int]:  # fmt: skip
    """Project the store (every status), draw it and write the page; returns (nodes, edges, left out)."""
    from kg.outputs import output_file

    path = output_file(path, "graph.html")  # before the projection: a bad path fails at once
    page, nodes, edges, left_out = store_page(store, limit=limit, focus=focus, hops=hops, since=since, until=until)
    path.write_text(page, encoding="utf-8")
    return nodes, edges, left_out


def store_page(store, *, limit: int = DEFAULT_LIMIT, focus: str | None = None, hops: int = 1,
               since: str | None = None, until: str | None = None) -> tuple[str, int, int, int]:  # fmt: skip
    """The explorer page of a store (every status): its HTML, node, edge and left-out counts."""
    from kg.query.queries import find_actor
    from kg.query.views import ACTOR_TYPES, ViewFilter, actor_aliases, actor_posts, meeting_graph

    flt = ViewFilter(statuses=MEETING_STATUSES, types=ACTOR_TYPES, since=since, until=until)
    g = meeting_graph(store, flt)
    focus_iri = None
    if focus is not None:
        focus_iri = find_actor(store, focus).iri
        if focus_iri not in g:
            from kg.errors import KgError

            raise KgError(f"{focus} has no meetings to draw")
    g, relations = _relation_edges(store, g, since=since, until=until)
    notes = []
    if since or until:
        notes.append("only meetings dated " + " ".join(
            p for p in (f"from {since}" if since else "", f"until {until}" if until else "") if p
        ) + " (undated ones left out)")  # fmt: skip
    return build_page(
        g, posts=actor_posts(store), aliases=actor_aliases(store), limit=limit, focus=focus_iri, hops=hops,
        notes=notes, relations=relations,
    )  # fmt: skip


def _relation_edges(store, g, *, since: str | None, until: str | None):
    """Every relation type's edges (kg.facts.specs specs), and a copy of ``g`` (a cached projection:
    never changed in place) with their actors as nodes linked by edges with no meetings, so that
    choosing and laying out nodes sees them."""
    from kg.facts.specs import specs
    from kg.facts.vocab import RELATION_STATUSES
    from kg.query.views import ACTOR_TYPES, ViewFilter, meeting_graph

    out: list[dict] = []
    copied = False
    for spec in specs():
        flt = ViewFilter(statuses=RELATION_STATUSES, types=ACTOR_TYPES, since=since, until=until, relation=spec.name)
        rg = meeting_graph(store, flt)
        if rg.number_of_edges() and not copied:
            g, copied = g.copy(), True
        for n, d in rg.nodes(data=True):
            if n not in g:
                g.add_node(n, **d)
        for a, b, d in rg.edges(data=True):
            if not g.has_edge(a, b):
                g.add_edge(a, b, meetings=0, items=[], relation="relation")
            out.append({"type": spec.name, "directed": spec.directed, "label": spec.edge.get("label", spec.name),
                        "from": a, "to": b, "items": d["items"]})  # fmt: skip
    return g, out
