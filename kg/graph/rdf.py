"""An ``Extraction`` as the quads of one named graph: the document's provenance unit.

Everything a document asserts lives in its graph: the document node and text, the actors it names
(type, label, aliases), roles, affiliations and meetings with their evidence. Forgetting a
document is dropping one graph. Only this module and the store layer handle RDF terms.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from pyoxigraph import Literal, NamedNode, Quad

from kg.facts.models import Entity, Evidence, Extraction
from kg.facts.names import fold, lookup_keys, surname_key
from kg.graph import iris
from kg.ontology import DCTERMS, KG, ORG, PROV, RDF, RDFS, SCHEMA, SKOS, XSD

_type = NamedNode(RDF + "type")


def _n(iri: str) -> NamedNode:
    return NamedNode(iri)


def _lit(value: str | int, datatype: str | None = None) -> Literal:
    if isinstance(value, int):
        return Literal(str(value), datatype=NamedNode(XSD + "integer"))
    return Literal(value, datatype=NamedNode(datatype)) if datatype else Literal(value)


DOUBLE = "~"  # marks the first of two surnames as a key full names look up and bare names never do


def double_surname(words: list[str]) -> bool:
    """Whether a three-word name may end in two surnames ("Josep Borrell Fontelles", "Luiz Inácio
    Lula"): a middle word that is no initial, no particle and no name suffix (names.json
    "name_suffixes")."""
    from kg.extract.mention_types import NAME_PARTICLES

    middle = words[1].lower().rstrip(".")
    return len(middle) > 1 and words[1][0].isupper() and middle not in NAME_PARTICLES | _suffix_words()


@cache
def _suffix_words() -> frozenset[str]:
    from kg.lexicons import name_words

    return frozenset(s.lower().rstrip(".") for s in name_words()["name_suffixes"])


def surname_keys(label: str) -> list[str]:
    """Every ``kg:surnameKey`` of a person: the last word, and the first of a name of two or
    three words that begins with a family name written first and given to no one elsewhere
    ("xi" and "jinping" for "Xi Jinping", only "darroch" for "Kim Darroch";
    kg/lexicons/family_names_first.txt)."""
    from kg.lexicons import bare_surname, family_names_first, name_suffix

    label = name_suffix(label)[0]  # "Joseph R. Biden, Jr." is a Biden
    words = label.split()
    keys = [surname_key(label)] if len(words) > 1 else []
    keys += [bare_surname(k) for k in keys]  # "al-bashir" is "bashir" too
    if len(words) == 3 and double_surname(words):  # "Josep Borrell Fontelles": found by "Josep Borrell"
        keys.append(DOUBLE + fold(words[1].lower()))  # never by a bare "Borrell" (kg.identity.resolve)
    if len(words) in (2, 3) and words[0].lower() in family_names_first(across_documents=True):
        keys.append(fold(words[0].lower()))
    return list(dict.fromkeys(k for k in keys if k))


def _conf(value: float) -> Literal:
    """A decimal in the canonical form the store keeps ("0.9", "1"), so re-extraction compares equal."""
    text = f"{value:.3f}".rstrip("0").rstrip(".") or "0"
    return Literal(text, datatype=NamedNode(XSD + "decimal"))


def date_literal(value: str) -> Literal:
    """A date as precise as the text: xsd:date, xsd:gYearMonth or xsd:gYear."""
    if len(value) == 10:
        return _lit(value, XSD + "date")
    if len(value) == 7:
        return _lit(value, XSD + "gYearMonth")
    return _lit(value, XSD + "gYear")


ActorResolver = Callable[[Entity], tuple[str, str, str]]


def default_actor(e: Entity) -> tuple[str, str, str]:
    return iris.actor(e.type, e.name), e.name, e.type


def to_quads(x: Extraction, actor_iri: ActorResolver = default_actor) -> list[Quad]:
    """The quads of the document's named graph; ``actor_iri`` maps an entity to (IRI, label, type)."""
    w = _GraphWriter(x.document.id)
    w.document(x)
    w.actors(x.entities, actor_iri)
    w.roles(x.roles)
    w.affiliations(x.affiliations)
    w.meetings(x.meetings)
    w.relations(x.relations)
    return list(dict.fromkeys(w.out))


class _GraphWriter:
    """Quads of one document graph, fact kind by fact kind, in a fixed order (the same input gives
    the same quads, so re-ingesting and exports are byte-stable)."""

    def __init__(self, doc_id: str):
        self.doc_id = doc_id
        self.g = _n(iris.document(doc_id))
        self.out: list[Quad] = []
        self.nodes: dict[str, NamedNode] = {}  # entity name -> actor node
        self.types: dict[str, str] = {}

    def add(self, s: NamedNode, p: str, o) -> None:
        self.out.append(Quad(s, _n(p), o, self.g))

    def document(self, x: Extraction) -> None:
        doc, g, add = x.document, self.g, self.add
        add(g, RDF + "type", _n(KG + "Document"))
        add(g, SCHEMA + "text", _lit(doc.text))
        add(g, KG + "documentKind", _lit(doc.kind))
        if doc.date:
            add(g, SCHEMA + "datePublished", _lit(doc.date.isoformat(), XSD + "date"))
        if doc.source:
            add(g, DCTERMS + "source", _lit(doc.source))
        if doc.title:
            add(g, SCHEMA + "headline", _lit(doc.title))
        add(g, SCHEMA + "identifier", _lit(doc.id))

    def actors(self, entities, actor_iri: ActorResolver) -> None:
        add = self.add
        for e in entities:
            iri, label, type_ = actor_iri(e)
            node = _n(iri)
            self.nodes[e.name] = node
            self.types[e.name] = type_
            add(node, RDF + "type", _n(KG + type_))
            add(node, RDFS + "label", _lit(label))
            for alias in dict.fromkeys([e.name, *e.aliases]):
                if alias != label:
                    add(node, SKOS + "altLabel", _lit(alias))
            for key in dict.fromkeys(k for n in [label, e.name, *e.aliases] for k in lookup_keys(n)):
                add(node, KG + "nameKey", _lit(key))
            if type_ == "Person":
                for surname in surname_keys(label):
                    add(node, KG + "surnameKey", _lit(surname))
            add(node, KG + "mentionedIn", self.g)

    def evidence(self, ev: Evidence) -> NamedNode:
        node = _n(iris.fact("evidence", self.doc_id, ev.start, ev.end))
        self.add(node, RDF + "type", _n(KG + "Evidence"))
        self.add(node, SCHEMA + "text", _lit(ev.text))
        self.add(node, KG + "startOffset", _lit(ev.start))
        self.add(node, KG + "endOffset", _lit(ev.end))
        self.add(node, PROV + "wasQuotedFrom", self.g)
        return node

    def roles(self, roles) -> None:
        add, actors = self.add, self.nodes
        for r in roles:
            if r.person not in actors:
                continue
            node = _n(iris.fact("role", self.doc_id, r.person, r.title, r.of))
            add(node, RDF + "type", _n(KG + "Role"))
            add(node, ORG + "member", actors[r.person])
            add(node, KG + "title", _lit(r.title))
            add(node, KG + "confidence", _conf(r.confidence))
            if r.of and r.of in actors:
                add(node, KG + "roleOf", actors[r.of])
            add(node, KG + "evidence", self.evidence(r.evidence))

    def affiliations(self, affiliations) -> None:
        add, actors = self.add, self.nodes
        for a in affiliations:
            if a.person not in actors or a.organization not in actors or self.types[a.organization] != "Organization":
                continue
            node = _n(iris.fact("affiliation", self.doc_id, a.person, a.organization))
            add(node, RDF + "type", _n(KG + "Affiliation"))
            add(node, ORG + "member", actors[a.person])
            add(node, ORG + "organization", actors[a.organization])
            add(node, KG + "confidence", _conf(a.confidence))
            add(node, KG + "evidence", self.evidence(a.evidence))

    def meetings(self, meetings) -> None:
        add, actors = self.add, self.nodes
        for m in meetings:
            parts = [actors[p] for p in m.participants if p in actors]
            if len(parts) < 2:
                continue
            node = _n(iris.fact("meeting", self.doc_id, m.evidence.start, *sorted(m.participants), m.status))
            add(node, RDF + "type", _n(KG + "Meeting"))
            for p in parts:
                add(node, KG + "participant", p)
            add(node, KG + "kind", _lit(m.kind))
            add(node, KG + "confidence", _conf(m.confidence))
            add(node, KG + "status", _n(KG + m.status))
            if m.place and m.place in actors:
                add(node, KG + "place", actors[m.place])
            if m.date:
                add(node, KG + "date", date_literal(m.date))
            for ev in [m.evidence, *m.more_evidence]:
                add(node, KG + "evidence", self.evidence(ev))
            add(node, PROV + "wasDerivedFrom", self.g)

    def relations(self, relations) -> None:
        """Every relation the same way, its type's spec giving the class (kg.facts.specs)."""
        from kg.facts.specs import spec

        add, actors = self.add, self.nodes
        for r in relations:
            if r.source not in actors or r.target not in actors:
                continue
            node = _n(iris.fact("relation", self.doc_id, r.type, r.source, r.target, r.status, r.evidence.start))
            add(node, RDF + "type", _n(KG + "Relation"))
            add(node, RDF + "type", _n(KG + spec(r.type).class_))
            add(node, KG + "relationType", _lit(r.type))
            add(node, KG + "source", actors[r.source])
            add(node, KG + "target", actors[r.target])
            add(node, KG + "status", _n(KG + r.status))
            add(node, KG + "confidence", _conf(r.confidence))
            if r.date:
                add(node, KG + "date", date_literal(r.date))
            if r.mode:
                add(node, KG + "mode", _lit(r.mode))
            add(node, KG + "evidence", self.evidence(r.evidence))
            add(node, PROV + "wasDerivedFrom", self.g)
