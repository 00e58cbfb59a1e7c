"""Every stored document graph conforms to ontology/shapes.ttl; the code uses only defined terms."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef

from kg import ontology


def _dataset(path: Path) -> Dataset:
    import pyoxigraph

    store = pyoxigraph.Store.read_only(str(path))
    ds = Dataset()
    ds.parse(data=store.dump(format=pyoxigraph.RdfFormat.N_QUADS), format="nquads")
    return ds


def test_shapes_every_document_graph_conforms(demo_store):
    from pyshacl import validate

    shapes = Graph().parse(ontology.path("shapes.ttl"))
    onto = Graph().parse(ontology.path("kg.ttl"))
    ds = _dataset(demo_store)
    graphs = [g for g in ds.graphs() if isinstance(g.identifier, URIRef) and "/doc/" in str(g.identifier)]
    assert len(graphs) == 17
    for g in graphs:
        data = Graph()
        for t in g:
            data.add(t)
        conforms, _, report = validate(data, shacl_graph=shapes, ont_graph=onto, inference="rdfs")
        assert conforms, report


def test_shapes_evidence_offsets_point_into_the_text(demo_store):
    ds = _dataset(demo_store)
    q = """
    PREFIX kg: <https://w3id.org/kg-news/ontology#>
    PREFIX schema: <https://schema.org/>
    PREFIX prov: <http://www.w3.org/ns/prov#>
    SELECT ?text ?start ?end ?doctext WHERE { GRAPH ?g {
        ?ev a kg:Evidence ; schema:text ?text ; kg:startOffset ?start ; kg:endOffset ?end ; prov:wasQuotedFrom ?d .
        ?d schema:text ?doctext } }"""
    rows = list(ds.query(q))
    assert rows
    for text, start, end, doctext in rows:
        assert str(doctext)[int(start) : int(end)] == str(text)


@pytest.mark.parametrize("module", ["graph/rdf.py", "store/oxigraph.py", "store/sparql.py", "query/queries.py"])
def test_shapes_code_uses_only_defined_terms(module):
    defined = {str(s) for s in Graph().parse(ontology.path("kg.ttl")).subjects()}
    source = (Path(ontology.__file__).parent / module).read_text()
    used = {ontology.KG + t for t in re.findall(r'KG \+ "(\w+)"', source)}
    queries = "".join(p.read_text() for p in (ontology.directory() / "queries").glob("*.rq"))
    used |= {ontology.KG + t for t in re.findall(r"\bkg:(\w+)", queries)}
    assert used - defined == set()
