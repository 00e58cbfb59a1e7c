"""A user-editable alias file beside the store: names that must join one entity, and names that
must never be joined by surname alone.

``<store>.aliases.json``::

    {"merge": {"Trump": "Donald Trump", "POTUS": "Donald Trump"},
     "keep_apart": ["Smith"]}

Ingest and ``kg reextract`` read it; ``kg merge A B`` writes it and rewrites the stored graphs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.facts.names import fold, lookup_key


@dataclass
class AliasBook:
    path: Path
    merge: dict[str, str] = field(default_factory=dict)  # name -> canonical name
    keep_apart: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path) -> AliasBook:
        if not path.exists():
            return cls(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            merge = {str(k): str(v) for k, v in data.get("merge", {}).items()}
            apart = [str(n) for n in data.get("keep_apart", [])]
        except (json.JSONDecodeError, AttributeError, TypeError) as exc:
            raise InputError(f"{path}: not a valid alias file ({exc}); fix or remove it") from None
        return cls(path, merge, apart)

    def save(self) -> None:
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(
            json.dumps({"merge": self.merge, "keep_apart": self.keep_apart}, indent=2, ensure_ascii=False) + "\n"
        )
        tmp.replace(self.path)

    def merged(self, name: str) -> str | None:
        """The book's spelling of ``name`` among the merged names (any case), or None."""
        key = name.casefold()
        return next((k for k in self.merge if k.casefold() == key), None)

    def canonical(self, name: str) -> str | None:
        merged = self.merged(name)
        return None if merged is None else self.merge[merged]

    def apart(self, name: str) -> bool:
        return name.casefold() in {n.casefold() for n in self.keep_apart}


def merge_actors(store, keep, drop) -> int:
    """Rewrite every document graph that names ``drop`` so that it names ``keep`` instead (its label
    becomes an alias); one graph swap per document. Returns the number of graphs rewritten."""
    from pyoxigraph import Literal, NamedNode, Quad

    from kg.ontology import KG, RDF, RDFS, SKOS

    keep_node, drop_node = NamedNode(keep.iri), NamedNode(drop.iri)
    label, alt, type_ = NamedNode(RDFS + "label"), NamedNode(SKOS + "altLabel"), NamedNode(RDF + "type")
    graphs = store.graphs_mentioning(drop.iri)
    for g in graphs:
        out: dict[str, Quad] = {}
        for q in store.graph_quads(g):
            s = keep_node if q.subject == drop_node else q.subject
            o = keep_node if q.object == drop_node else q.object
            p = q.predicate
            if s == keep_node and q.subject == drop_node and p == label:
                p = alt
            if s == keep_node and q.subject == drop_node and p == type_:
                o = NamedNode(KG + keep.type)
            new = Quad(s, p, o, q.graph_name)
            out[str(new)] = new
        for extra in (
            Quad(keep_node, label, Literal(keep.name), NamedNode(g)),
            Quad(keep_node, type_, NamedNode(KG + keep.type), NamedNode(g)),
            Quad(keep_node, NamedNode(KG + "nameKey"), Literal(lookup_key(keep.name)), NamedNode(g)),
            *_surname_quads(keep, keep_node, g),
        ):
            out[str(extra)] = extra
        out.pop(str(Quad(keep_node, alt, Literal(keep.name), NamedNode(g))), None)
        store.replace_graph(g, list(out.values()))
    return len(graphs)


def _surname_quads(keep, node, g: str) -> list:
    """The ``kg:surnameKey`` a person of several words is written with, so a merged graph is
    found by surname as a freshly written one is."""
    from pyoxigraph import Literal, NamedNode, Quad

    from kg.graph.rdf import surname_keys
    from kg.ontology import KG

    keys = surname_keys(keep.name) if keep.type == "Person" else []
    return [Quad(node, NamedNode(KG + "surnameKey"), Literal(k), NamedNode(g)) for k in keys]


def merge_conflicts(store, keep, drop) -> list[str]:
    """Why ``keep`` and ``drop`` look like two people, if they do: full names with different
    surnames or given names ("Ana Ruiz" / "Eva Lind"; "Joe Biden" / "Hunter Biden", while "Joseph R.
    Biden" / "Joe Biden" agree), or titles of different countries only."""
    if keep.type != "Person" or drop.type != "Person":
        return []
    from kg.lexicons import given_names_agree, name_suffix
    from kg.query.queries import person_countries

    reasons = []
    a, b = name_suffix(keep.name)[0].split(), name_suffix(drop.name)[0].split()
    if len(a) > 1 and len(b) > 1:
        if fold(a[-1].lower()) != fold(b[-1].lower()):
            reasons.append(f"different surnames ({a[-1]}, {b[-1]})")
        elif not given_names_agree(a[0], b[0]):
            reasons.append(f"different given names ({a[0]}, {b[0]})")
    ca, cb = person_countries(store, keep), person_countries(store, drop)
    if ca and cb and not ca & cb:
        reasons.append(f"titles of different countries ({', '.join(sorted(ca))}; {', '.join(sorted(cb))})")
    return reasons


def names_agree(a: str, b: str) -> bool:
    """Two full names of one surname that can be one person: the given names agree ("Joe" /
    "Joseph", "J." / "Joseph", "Sergey" / "Sergei") and so do middle names where both have them
    ("George W." / "George H. W." do not), and so do generational suffixes where both have them
    ("Joseph R. Biden, Jr." / "Joe Biden" agree; "Jr." / "Sr." do not)."""
    from kg.lexicons import given_names_agree, name_suffix

    (a, suffix_a), (b, suffix_b) = name_suffix(a), name_suffix(b)
    if suffix_a and suffix_b and suffix_a != suffix_b:
        return False
    x, y = a.split()[:-1], b.split()[:-1]
    if not given_names_agree(x[0], y[0]):
        return False
    mx, my = x[1:], y[1:]
    return not (mx and my) or (len(mx) == len(my) and all(map(given_names_agree, mx, my)))
