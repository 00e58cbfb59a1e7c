"""Relation events (kg.query.events.relation_events): one act reported by several documents is one
relation with its reports, on a real store. Every text is our own, each its own document."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from kg.cli import app

IMPOSED = ("Canada imposed sanctions on Belarus on Monday, Foreign Minister Ana Ruiz said.", "2026-03-10")
RECALLED = ("Canada imposed sanctions on Belarus on March 9, the ministry said.", "2026-03-11")
AGAIN = ("Canada imposed new sanctions on Belarus on Monday.", "2026-08-11")
WEIGHING = ("Canada is weighing sanctions on Belarus, diplomats said.", "2026-03-05")
DENIED = ("Canada did not impose sanctions on Belarus on Monday.", "2026-03-10")


def test_one_act_reported_twice_is_one_relation_with_two_reports(tmp_path, news_store):
    g = news_store(WEIGHING, IMPOSED, RECALLED, AGAIN)
    acts = g.relations("Canada", type="SANCTION").relations
    assert [(a.target, a.status, a.date) for a in acts] == [("Belarus", "asserted", "2026-03-09"),
                                                             ("Belarus", "asserted", "2026-08-10")]  # fmt: skip
    first = acts[0]
    assert first.status_history == ["hypothetical", "asserted"] and len(first.reports) == 3
    assert len({r.document for r in first.reports}) == 3
    assert len(acts[1].reports) == 1  # five months later: another act
    assert len(g.relations("Canada", type="SANCTION", reports=True).relations) == 4
    assert g.relations("Canada", status="hypothetical").relations == []  # the final status is asserted


def test_a_denial_never_joins_the_act_it_denies(tmp_path, news_store):
    g = news_store(IMPOSED, DENIED)
    assert sorted(a.status for a in g.relations("Belarus", side="target").relations) == ["asserted", "denied"]


def test_relations_prints_acts_and_their_reports(tmp_path, news_store):
    news_store(IMPOSED, RECALLED)
    run = CliRunner().invoke(app, ["--store", str(tmp_path / "store"), "relations", "Belarus", "--json"])
    assert run.exit_code == 0, run.stderr
    (act,) = json.loads(run.stdout)["relations"]
    assert (act["type"], act["source"], act["target"], act["as"]) == ("SANCTION", "Canada", "Belarus", "target")
    assert [set(r) for r in act["reports"]] == [
        {"document", "document_source", "published", "date", "status", "evidence", "confidence"}
    ] * 2
    run = CliRunner().invoke(app, ["--store", str(tmp_path / "store"), "relations", "Belarus", "--reports"])
    assert run.exit_code == 0 and "2 relation(s)" in run.stdout


def test_a_relation_graph_counts_acts_not_reports(tmp_path, news_store):
    g = news_store(WEIGHING, IMPOSED, RECALLED, AGAIN, DENIED)
    store, graph = g.meeting_graph(statuses=["asserted", "hypothetical", "denied"], relation="SANCTION")
    try:
        ((a, b, edge),) = graph.edges(data=True)
        assert (graph.nodes[a]["label"], graph.nodes[b]["label"]) == ("Canada", "Belarus")
        # weighing -> imposed -> recalled is one act, five months later another, the denial a third
        assert (edge["reports"], edge["meetings"]) == (5, 3)
        assert len({it["event"] for it in edge["items"]}) == 3
    finally:
        store.close()
