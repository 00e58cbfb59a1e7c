"""Ingest: sources -> documents -> extraction -> one named graph per document -> the store.

A document already in the store (same normalised text, same id) is skipped. A bare surname in one
document ("Trump" in a headline) joins the one stored person with that surname ("Donald Trump"),
so the same person is one node whatever document names them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from kg import iris
from kg.aliases import AliasBook
from kg.documents import read_sources
from kg.errors import KgError
from kg.models import Document, Entity
from kg.ontology import load_query
from kg.queries import find_actor, person_by_surname
from kg.rdf import to_quads
from kg.store import IRI, STAGING_SUFFIX, Store


@dataclass
class Summary:
    ingested: int = 0
    skipped: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"ingested": self.ingested, "skipped": self.skipped, "failed": self.failed, "errors": self.errors}


class ActorResolver:
    """Entity -> (IRI, label, type): the alias file's choice first, then a one-word name ("Trump",
    which the model may call an organisation in a headline) joins the one stored person whose
    surname it is, unless the alias file keeps that name apart."""

    def __init__(self, store: Store, aliases: AliasBook | None = None):
        self.store = store
        self.aliases = aliases

    def __call__(self, e: Entity) -> tuple[str, str, str]:
        book = self.aliases
        canonical = book.canonical(e.name) if book else None
        if canonical is None and book:
            canonical = next((c for a in e.aliases if (c := book.canonical(a))), None)
        if canonical and canonical != e.name:
            try:
                actor = find_actor(self.store, canonical)
                return actor.iri, actor.name, actor.type
            except KgError:
                return iris.actor(e.type, canonical), canonical, e.type
        if book and book.apart(e.name):
            return iris.actor(e.type, e.name), e.name, e.type
        if e.type in {"Person", "Organization"} and len(e.name.split()) == 1:
            hits = person_by_surname(self.store, e.name)
            if len(hits) == 1:
                return (*hits[0], "Person")
        return iris.actor(e.type, e.name), e.name, e.type


def ingest(
    paths: list[str],
    store: Store,
    *,
    extractor,
    date: dt.date | None = None,
    source: str | None = None,
    on_item: Callable[[str, str], None] | None = None,
    aliases: AliasBook | None = None,
) -> Summary:
    """Ingest every source; errors are collected per item and never stop the others."""
    summary = Summary()
    resolver = ActorResolver(store, aliases)
    for item in read_sources(paths, date=date, source=source):
        if item.error:
            summary.failed += 1
            summary.errors.append(item.error)
            if on_item:
                on_item(item.label, "failed")
            continue
        todo = list({d.id: d for d in item.documents if not store.has_graph(iris.document(d.id))}.values())
        summary.skipped += len(item.documents) - len(todo)
        for extraction in extractor(todo):
            graph = iris.document(extraction.document.id)
            try:
                store.add_graph(graph, to_quads(extraction, resolver))
            except KgError as exc:
                summary.failed += 1
                summary.errors.append(f"{item.label}: {exc}")
                continue
            summary.ingested += 1
        if on_item:
            on_item(item.label, "done")
    return summary


def stored_documents(store: Store) -> Iterator[Document]:
    """Every document in the store, rebuilt from its graph (text, kind, date, source, title)."""
    for iri in store.graph_iris():
        if "/doc/" not in iri or iri.endswith(STAGING_SUFFIX):
            continue
        rows = store.select(load_query("document"), doc=IRI(iri))
        if not rows:
            continue
        r = rows[0]
        yield Document(
            id=iri.rsplit("/", 1)[-1],
            text=r["text"],
            kind=r["kind"],
            date=dt.date.fromisoformat(r["date"]) if r["date"] else None,
            source=r["source"],
            title=r["title"],
        )


def reextract(
    store: Store, *, extractor, aliases: AliasBook | None = None, on_item: Callable[[str], None] | None = None
) -> dict:
    """Run the current extractor over every stored document and swap each document's graph for
    the new one (readers see the old or the new graph, never a mix; the text is never lost)."""
    store.drop_staging()
    resolver = ActorResolver(store, aliases)
    changed = unchanged = 0
    for extraction in extractor(stored_documents(store)):
        iri = iris.document(extraction.document.id)
        new = to_quads(extraction, resolver)
        if {str(q) for q in new} == {str(q) for q in store.graph_quads(iri)}:
            unchanged += 1
        else:
            store.replace_graph(iri, new)
            changed += 1
        if on_item:
            on_item(iri)
    return {"documents": changed + unchanged, "changed": changed, "unchanged": unchanged}
