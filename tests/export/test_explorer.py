"""The explorer's data and layout, without a browser (tests/export/test_browser.py drives the page)."""

from __future__ import annotations

import json
import re

import networkx as nx

from kg.export.html import PAGE_REPORTS, layout, payload, render


def _meeting(k: int, status: str = "held", date: str | None = None, evidence: str = "A met B.") -> dict:
    return {"meeting": f"m{k}", "date": date, "status": status, "kind": "meeting", "place": None,
            "evidence": evidence, "source": None, "document": "d", "confidence": 0.9}  # fmt: skip


def _graph(n: int) -> nx.Graph:
    g = nx.connected_watts_strogatz_graph(n, 4, 0.3, seed=1)
    g = nx.relabel_nodes(g, {i: f"iri:{i}" for i in g})
    for v in g:
        g.nodes[v].update(label=f"Person Number {v[4:]}", type="Person")
    for k, (a, b) in enumerate(g.edges):
        g.edges[a, b]["items"] = [_meeting(k)]
    return g


def test_explorer_layout_leaves_no_label_box_overlapping_another():
    g = _graph(60)
    pos = layout(g, {v: 10.0 for v in g})
    boxes = [(x, y, 8 * len(g.nodes[v]["label"]) + 16, 60) for v, (x, y) in pos.items()]
    for i, (x1, y1, w1, h1) in enumerate(boxes):
        for x2, y2, w2, h2 in boxes[i + 1 :]:
            assert abs(x1 - x2) >= (w1 + w2) / 2 - 0.5 or abs(y1 - y2) >= (h1 + h2) / 2 - 0.5
    assert layout(g, {v: 10.0 for v in g}) == pos  # seeded: the same picture every time


def test_explorer_payload_keeps_a_shared_meeting_once_and_caps_busy_pairs():
    g = nx.Graph()
    for v in "abc":
        g.add_node(v, label=v.upper(), type="Person")
    trio = _meeting(0)
    g.add_edge("a", "b", items=[trio])
    g.add_edge("b", "c", items=[trio])
    g.add_edge(
        "a", "c", items=[trio] + [_meeting(k, date=f"2025-01-{k % 28 + 1:02d}") for k in range(1, PAGE_REPORTS + 5)]
    )
    data = payload(g)
    assert len(data["meetings"]) == PAGE_REPORTS + 1  # the shared one once (undated: last, cut from a-c)
    (busy,) = [e for e in data["edges"] if {e["from"], e["to"]} == {"a", "c"}]
    assert busy["more"] == 5 and data["notes"] == ["5 report(s) of the busiest pairs not written into the page "
                                                   "(kg who-met-whom lists them)"]  # fmt: skip
    dates = [data["meetings"][i]["date"] or "9999" for i in busy["meetings"]]
    assert dates == sorted(dates)


def test_explorer_data_block_cannot_be_closed_by_news_text():
    g = nx.Graph()
    g.add_node("a", label="</script><script>alert(1)</script>", type="Person")
    g.add_node("b", label="{{js}} & {{data}}", type="Person")
    g.add_edge("a", "b", items=[_meeting(0, evidence="</script><img src=x onerror=alert(2)>")])
    page = render(payload(g))
    assert "alert(1)</script>" not in page and "<img src=x" not in page
    assert page.count('<script type="application/json" id="kg-data">') == 1
    blob = re.search(r'id="kg-data">(.*?)</script>', page, re.DOTALL).group(1)
    data = json.loads(blob)
    assert {n["label"] for n in data["nodes"]} == {"</script><script>alert(1)</script>", "{{js}} & {{data}}"}
    assert '"use strict"' in page  # the page's script went in once, where the template asks for it
