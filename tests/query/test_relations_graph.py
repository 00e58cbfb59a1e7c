"""Relations in the store and the tools, on the demo store (make demo): kg relations, the
--relation projection (directed), the analytics and the exports."""

from __future__ import annotations

import csv
import json

from tests.conftest import kg


def _json(store, *args):
    result = kg(store, *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_relations_trump_sanctions_china_and_russia_is_asked_by_the_general_assembly(demo_store):
    rows = _json(demo_store, "relations", "Trump")["relations"]
    (tariffs,) = [r for r in rows if r["type"] == "SANCTION"]
    assert (tariffs["as"], tariffs["source"], tariffs["target"], tariffs["mode"]) == (
        "source",
        "Donald Trump",
        "China",
        "tariffs",
    )
    assert tariffs["evidence"].endswith("increased tariffs on Chinese imports.")
    asked = _json(demo_store, "relations", "Russia", "--as", "target")["relations"]
    assert [(r["type"], r["source"]) for r in asked] == [("REQUEST", "United Nations General Assembly")]
    assert _json(demo_store, "relations", "Russia", "--as", "source")["relations"] == []


def test_relations_filters_are_checked_like_every_option(demo_store):
    assert kg(demo_store, "relations", "Trump", "--type", "PRAISE").exit_code == 2
    assert kg(demo_store, "relations", "Trump", "--status", "held").exit_code == 2  # a meeting status
    assert kg(demo_store, "relations", "Trump", "--as", "both").exit_code == 2
    assert _json(demo_store, "relations", "Trump", "--type", "ACCUSE")["relations"] == []


def test_relation_projection_is_directed_in_analytics_and_exports(demo_store, tmp_path):
    ranked = _json(demo_store, "centrality", "--relation", "SANCTION")
    assert ranked[0]["name"] in {"China", "United States"} and ranked[-1]["name"] == "Donald Trump"  # targets first
    out = _json(demo_store, "centrality", "--relation", "SANCTION", "--measure", "out-degree")
    assert {r["name"] for r in out if r["score"] > 0} == {"Donald Trump", "China"}
    chain = _json(demo_store, "path", "Trump", "United States", "--relation", "SANCTION")
    assert chain["path"] == ["Donald Trump", "China", "United States"]
    assert (
        kg(demo_store, "path", "United States", "Trump", "--relation", "SANCTION").exit_code == 1
    )  # against the arrows
    assert (
        kg(demo_store, "export", "--format", "csv", "--relation", "SANCTION", "-o", str(tmp_path / "s.csv")).exit_code
        == 0
    )
    with (tmp_path / "s-edges.csv").open(encoding="utf-8") as f:
        edges = {(r["source_label"], r["target_label"], r["relation"]) for r in csv.DictReader(f)}
    assert edges == {("Donald Trump", "China", "SANCTION"), ("China", "United States", "SANCTION")}


def test_a_relation_between_capitals_is_stored_between_their_countries(tmp_path):
    (tmp_path / "a.txt").write_text("Lisbon rejected Madrid's proposal for a joint patrol.\n")
    store = tmp_path / "s"
    assert kg(store, "ingest", str(tmp_path / "a.txt")).exit_code == 0
    rows = _json(store, "relations", "Portugal")["relations"]
    assert [(r["type"], r["source"], r["target"]) for r in rows] == [("REJECT", "Portugal", "Spain")]
