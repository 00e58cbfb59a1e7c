"""An interactive, self-contained HTML page of who met whom, drawn with pyvis (vis-network).

The page works with the network switched off: vis-network is inlined (``cdn_resources="in_line"``)
and the Bootstrap links of pyvis's template are removed. Every string from news text that lands
in a tooltip is HTML-escaped, so a ``<script>`` in an evidence sentence stays text.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from pathlib import Path

from kg.queries import meeting_edges
from kg.store import Store

TYPE_COLOURS = {
    "Person": "#4e79a7",
    "Organization": "#f28e2b",
    "Country": "#59a14f",
    "City": "#76b7b2",
    "Place": "#edc948",
}
STATUS_DASHES = {"held": False, "scheduled": [10, 8], "potential": [2, 6], "cancelled": [4, 4]}
STATUS_COLOURS = {"held": "#333333", "scheduled": "#1f77b4", "potential": "#9467bd", "cancelled": "#bbbbbb"}
_REMOTE = re.compile(
    r"<link[^>]*href=\"https?://[^\"]*\"[^>]*/?>|<script[^>]*src=\"https?://[^\"]*\"[^>]*>\s*</script>",
    re.IGNORECASE | re.DOTALL,
)


def _esc(text: str | None) -> str:
    return html.escape(text or "", quote=True)


def build_page(store: Store) -> tuple[str, int, int]:
    """The page's HTML, with its node and edge counts."""
    from pyvis.network import Network

    rows = meeting_edges(store)
    meetings: dict[str, dict] = {}
    actors: dict[str, dict] = {}
    for r in rows:
        m = meetings.setdefault(r["meeting"], {"actors": {}, **r})
        m["actors"][r["actor"]] = None
        actors.setdefault(r["actor"], {"label": r["label"], "type": r["type"], "meetings": 0})
    pairs: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for m in meetings.values():
        ids = sorted(m["actors"])
        for i, a in enumerate(ids):
            actors[a]["meetings"] += 1
            for b in ids[i + 1 :]:
                pairs[(a, b, m["status"])].append(m)
    net = Network(height="800px", width="100%", cdn_resources="in_line", directed=False, notebook=False)
    for iri, a in actors.items():
        tip = f"{a['label']} ({a['type']})\n{a['meetings']} meeting(s)"
        net.add_node(
            iri,
            label=a["label"],
            title=_esc(tip),
            color=TYPE_COLOURS.get(a["type"], "#999999"),
            size=10 + 4 * min(a["meetings"], 10),
        )
    for (a, b, status), ms in pairs.items():
        lines = [
            f"{status} {m['kind']}" + (f" ({m['date']})" if m.get("date") else "") + f": {m['evidence']}" for m in ms
        ]
        net.add_edge(
            a,
            b,
            title=_esc("\n".join(lines)),
            dashes=STATUS_DASHES.get(status, False),
            color=STATUS_COLOURS.get(status, "#333333"),
            width=1 + len(ms),
        )
    page = net.generate_html()
    page = _REMOTE.sub("", page)
    legend = (
        '<div id="kg-legend" style="font-family:sans-serif;font-size:13px;padding:6px">'
        + " ".join(f'<span style="color:{c}">&#9679; {t}</span>' for t, c in TYPE_COLOURS.items())
        + " &nbsp;|&nbsp; edges: held solid, scheduled dashed, potential dotted, cancelled grey"
        + "</div>"
    )
    page = page.replace("<body>", "<body>\n" + legend, 1)
    return page, len(actors), len(pairs)


def write_page(store: Store, path: Path) -> tuple[int, int]:
    page, nodes, edges = build_page(store)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return nodes, edges
