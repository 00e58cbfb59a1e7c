"""The Python API (``kg.open``): what the CLI answers, by plain names, as pydantic models."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from typer.testing import CliRunner

import kg
from kg.cli import app
from kg.errors import AmbiguousNameError, UnknownNameError
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    g = kg.open(tmp_path_factory.mktemp("api") / "store")
    summary = g.ingest([EXAMPLES])
    assert summary.ingested == 17 and not summary.errors
    return g


def test_api_who_met_whom_is_what_the_cli_prints(graph):
    answer = graph.who_met_whom("bessent")
    cli = CliRunner().invoke(app, ["--store", graph.location, "who-met-whom", "Bessent", "--json"])
    assert json.loads(cli.stdout) == {
        "person": answer.person.model_dump(),
        "meetings": [m.model_dump(by_alias=True) for m in answer.meetings],
    }
    assert "He Lifeng" in {w for m in answer.meetings for w in m.with_}


def test_api_names_are_names_and_errors_are_the_clis(graph):
    with pytest.raises(UnknownNameError, match="nearest names"):
        graph.who_met_whom("Bessant Scot")
    path = graph.path("Rachel Reeves", "He Lifeng", statuses=("held", "scheduled"))
    assert path["path"] == ["Rachel Reeves", "Scott Bessent", "He Lifeng"]
    g = graph.to_networkx(statuses=("held", "scheduled"))
    assert nx.shortest_path(g, "Rachel Reeves", "He Lifeng") == path["path"]
    assert g.nodes["Scott Bessent"]["iri"].startswith("https://w3id.org/kg-news/id/person/")
    assert {e.name for e in graph.entities(type="Person")} >= {"Scott Bessent", "He Lifeng"}
    assert graph.stats()["documents"] == 17
    assert AmbiguousNameError.exit_code == 2


def test_api_ingests_texts_as_well_as_paths(tmp_path):
    g = kg.open(tmp_path / "store")
    summary = g.ingest(["Chilean Foreign Minister Ana Ruiz met Norwegian Prime Minister Eva Lind in Oslo on Monday."],
                       date="2026-03-10")  # fmt: skip
    assert summary.ingested == 1
    meeting = g.who_met_whom("Eva Lind").meetings[0]
    assert (meeting.with_, meeting.date, meeting.source) == (["Ana Ruiz"], "2026-03-09", "text")
    assert g.sparql("ASK { ?p rdfs:label 'Ana Ruiz' }") is True


def test_api_takes_a_whole_article_as_text(tmp_path):
    # longer than any file name may be, and several lines: a text, never looked up as a path
    article = "Oslo talks\n" + "Chilean Foreign Minister Ana Ruiz met Norwegian Prime Minister Eva Lind. " * 10
    summary = kg.open(tmp_path / "store").ingest([article], date="2026-03-10")
    assert (summary.ingested, summary.errors) == (1, [])


def test_api_explorer_is_the_clis_page_and_shows_inline(graph, tmp_path):
    out = tmp_path / "g.html"
    assert (
        CliRunner().invoke(app, ["--store", graph.location, "html", "-o", str(out), "--focus", "Bessent"]).exit_code
        == 0
    )
    assert graph.explorer(focus="Bessent") == out.read_text(encoding="utf-8")
    shown = graph.show(focus="Bessent", hops=2)._repr_html_()
    assert shown.startswith('<iframe srcdoc="&lt;!DOCTYPE html&gt;')
    assert "Scott Bessent" in shown and "<script" not in shown  # the whole page, escaped into the attribute
    with pytest.raises(UnknownNameError):
        graph.show(focus="Nobody Atall")


def test_api_to_pandas_has_one_row_per_meeting(graph):
    df = graph.to_pandas()
    assert len(df) == graph.stats()["meetings"]
    row = df[df["participants"].apply(lambda p: p == ["He Lifeng", "Scott Bessent"])].iloc[0]
    assert row["status"] == "held" and "Madrid" in row["evidence"]
    assert set(graph.to_pandas(statuses=("scheduled",))["status"]) == {"scheduled"}


def test_api_filters_are_the_clis_options_and_are_checked(graph):
    from kg.errors import UsageError

    every = ("held", "scheduled", "potential")
    people = graph.centrality("degree", top=20, statuses=every, types=("Person",))
    assert people and {r["type"] for r in people} == {"Person"}
    cli = CliRunner().invoke(app, ["--store", graph.location, "centrality", "--top", "20", "--type", "Person",
                                   *[a for s in every for a in ("--status", s)], "--json"])  # fmt: skip
    assert json.loads(cli.stdout) == [{k: r[k] for k in ("name", "type", "score")} for r in people]
    for bad in ({"statuses": ("held", "rumoured")}, {"types": ("Planet",)}, {"since": "last May"}):
        with pytest.raises(UsageError):
            graph.centrality(**bad)
    with pytest.raises(UsageError, match="--measure"):
        graph.centrality("closeness")
    assert graph.communities(statuses=every, since="2030") == []  # undated meetings leave with --since


def test_api_relations_are_the_clis(graph):
    answer = graph.relations("Trump", type="sanction")
    cli = CliRunner().invoke(app, ["--store", graph.location, "relations", "Trump", "--type", "SANCTION", "--json"])
    assert json.loads(cli.stdout) == answer.model_dump(by_alias=True)
    assert [(r.source, r.target) for r in answer.relations] == [("Donald Trump", "China")]
    g = graph.meeting_graph(relation="SANCTION")[1]
    assert g.is_directed() and g.number_of_edges() == 2
