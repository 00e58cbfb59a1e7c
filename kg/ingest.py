"""Ingest: sources -> documents -> extraction -> one named graph per document -> the store.

A document already in the store (same normalised text, same id) is skipped. A bare surname in one
document ("Trump" in a headline) joins the one stored person with that surname ("Donald Trump"),
so the same person is one node whatever document names them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from kg import iris
from kg.documents import read_sources
from kg.errors import KgError
from kg.models import Entity
from kg.queries import person_by_surname
from kg.rdf import to_quads
from kg.store import Store


@dataclass
class Summary:
    ingested: int = 0
    skipped: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"ingested": self.ingested, "skipped": self.skipped, "failed": self.failed, "errors": self.errors}


class ActorResolver:
    """Entity -> (IRI, label, type), joining a one-word name ("Trump", which the model may call an
    organisation in a headline) to the one stored person whose surname it is."""

    def __init__(self, store: Store):
        self.store = store

    def __call__(self, e: Entity) -> tuple[str, str, str]:
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
    date: date | None = None,
    source: str | None = None,
    on_item: Callable[[str, str], None] | None = None,
) -> Summary:
    """Ingest every source; errors are collected per item and never stop the others."""
    summary = Summary()
    resolver = ActorResolver(store)
    for item in read_sources(paths, date=date, source=source):
        if item.error:
            summary.failed += 1
            summary.errors.append(item.error)
            if on_item:
                on_item(item.label, "failed")
            continue
        todo = [d for d in item.documents if not store.has_graph(iris.document(d.id))]
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
