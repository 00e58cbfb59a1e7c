"""Where the ontology, shapes and named queries live, and the project's namespaces.

``ontology/`` sits at the repository root and is shipped inside the wheel as ``kg/ontology``;
both layouts are found. Named queries are read from ``queries/NAME.rq``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

KG = "https://w3id.org/kg-news/ontology#"
ID = "https://w3id.org/kg-news/id/"
SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
ORG = "http://www.w3.org/ns/org#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
DCTERMS = "http://purl.org/dc/terms/"

PREFIXES = {
    "kg": KG, "schema": SCHEMA, "prov": PROV, "org": ORG, "skos": SKOS,
    "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "dcterms": DCTERMS,
}  # fmt: skip


@cache
def directory() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here / "ontology", here.parent / "ontology"):
        if (candidate / "kg.ttl").is_file():
            return candidate
    raise FileNotFoundError("ontology/kg.ttl not found beside the package; reinstall kg")


def path(name: str) -> Path:
    return directory() / name


@cache
def load_query(name: str) -> str:
    """The text of ``ontology/queries/NAME.rq``; values are bound at run time, never pasted in."""
    return (directory() / "queries" / f"{name}.rq").read_text(encoding="utf-8")
