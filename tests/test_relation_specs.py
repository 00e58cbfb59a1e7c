"""A relation is data: a spec file and a lexicon added in a folder of one's own ($KG_RELATIONS)
flow through extraction, the store, the query and the export with no code change; the shipped
specs agree with the ontology."""

from __future__ import annotations

import json

from rdflib import Graph, URIRef

from kg import ontology
from kg.facts.specs import specs
from tests.conftest import kg

TOY = {
    "name": "NOMINATE",
    "comment": "nominator -> nominee: nominate, appoint (a toy type for this test)",
    "directed": True,
    "class": "Nomination",
    "lexicon": "cues/nominate.json",
    "edge": {"label": "nominated"},
}
CUES = {"verbs": {"nominate": {"target": ["dobj"]}, "appoint": {"target": ["dobj"]}}}
TEXT = "President Luis Vega nominated Judge Ana Ruiz on Monday. Chancellor Eva Lind appointed Rui Lopes.\n"


def test_a_toy_relation_flows_from_a_spec_file_to_the_store_query_and_export(tmp_path, monkeypatch):
    folder = tmp_path / "specs"
    (folder / "cues").mkdir(parents=True)
    (folder / "nominate.json").write_text(json.dumps(TOY))
    (folder / "cues" / "nominate.json").write_text(json.dumps(CUES))
    monkeypatch.setenv("KG_RELATIONS", str(folder))
    assert "NOMINATE" in {s.name for s in specs()}
    doc = tmp_path / "news.txt"
    doc.write_text(TEXT)
    store = tmp_path / "store"
    assert kg(store, "ingest", str(doc), "--date", "2026-03-10").exit_code == 0

    answer = json.loads(kg(store, "relations", "Ana Ruiz", "--type", "NOMINATE", "--json").stdout)
    (r,) = answer["relations"]
    assert (r["type"], r["as"], r["source"], r["target"], r["status"]) == (
        "NOMINATE", "target", "Luis Vega", "Ana Ruiz", "asserted",
    )  # fmt: skip
    assert r["evidence"] == "President Luis Vega nominated Judge Ana Ruiz on Monday."

    out = tmp_path / "graph.ttl"
    assert kg(store, "export", "--format", "ttl", "-o", str(out)).exit_code == 0
    g = Graph().parse(out)
    nominations = set(g.subjects(URIRef(ontology.RDF + "type"), URIRef(ontology.KG + "Nomination")))
    assert len(nominations) == 2  # Vega -> Ruiz, Lind -> Lopes
    monkeypatch.delenv("KG_RELATIONS")
    assert "NOMINATE" not in {s.name for s in specs()}


def test_every_shipped_spec_names_a_class_the_ontology_defines_as_a_relation():
    g = Graph().parse(ontology.path("kg.ttl"))
    sub = URIRef("http://www.w3.org/2000/01/rdf-schema#subClassOf")
    for s in specs():
        cls = URIRef(ontology.KG + s.class_)
        assert (cls, sub, URIRef(ontology.KG + "Relation")) in g, s.name
        assert s.cues().get("verbs") or s.cues().get("nouns"), f"{s.name}: its lexicon holds no cue"


def test_a_spec_of_ones_own_may_redefine_a_shipped_type_and_the_projection_follows(demo_store, tmp_path, monkeypatch):
    import kg as kg_api

    g = kg_api.open(demo_store)
    assert g.meeting_graph(relation="SANCTION")[1].is_directed()  # cached beside the store now
    folder = tmp_path / "specs"
    folder.mkdir()
    shipped = json.loads((ontology.directory() / "relations" / "sanction.json").read_text())
    (folder / "sanction.json").write_text(json.dumps({**shipped, "directed": False}))
    monkeypatch.setenv("KG_RELATIONS", str(folder))
    assert not g.meeting_graph(relation="SANCTION")[1].is_directed()  # not the cached directed graph
