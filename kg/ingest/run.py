"""Ingest: sources -> documents -> extraction -> one named graph per document -> the store.

A document already in the store (same normalised text, same id) is skipped. A bare surname in one
document ("Trump" in a headline) joins the one stored person with that surname ("Donald Trump"),
so the same person is one node whatever document names them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from kg.documents.sources import read_sources
from kg.errors import KgError
from kg.facts.models import Document, Extraction
from kg.graph import iris
from kg.identity.aliases import AliasBook
from kg.identity.resolve import ActorResolver
from kg.ontology import load_query
from kg.store import IRI, STAGING_SUFFIX, Store


@dataclass
class Summary:
    ingested: int = 0
    skipped: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    interrupted: bool = False  # stopped by Ctrl-C: what is stored is whole, a rerun goes on
    updated: int = 0  # stored texts given new metadata (a date, a source, a title), re-extracted

    def as_json(self) -> dict:
        out = {"ingested": self.ingested, "skipped": self.skipped, "failed": self.failed, "errors": self.errors}
        if self.updated:
            out["updated"] = self.updated
        return {**out, "interrupted": True} if self.interrupted else out


def ingest(
    paths: list[str],
    store: Store,
    *,
    extractor,
    date: dt.date | None = None,
    source: str | None = None,
    on_item: Callable[[str, str], None] | None = None,
    aliases: AliasBook | None = None,
    fmt: str | None = None,
) -> Summary:
    """Ingest every source; errors are collected per item and never stop the others.

    All documents of all sources go through one ``extractor`` call, so a parallel extractor keeps
    every worker busy across files; this process writes each document's graph in input order, so
    the store is the same whichever extractor ran. ``on_item(label, state)`` is called once per
    source when its last document is written (or it failed, or had nothing new). ``fmt``
    ("jsonl" or "text") says how to read stdin and files; by default stdin is sniffed and files go
    by suffix.
    """
    run = _Run(store, ActorResolver(store, aliases), on_item)
    with _StopOnInterrupt() as stop:
        try:
            for extraction in extractor(run.todo(read_sources(paths, date=date, source=source, fmt=fmt))):
                if stop.requested:
                    break
                run.write(extraction)
                if stop.requested:
                    break
        except KeyboardInterrupt:  # a second Ctrl-C, or not the main thread: still all-or-nothing
            stop.requested = True
    run.summary.interrupted = stop.requested
    return run.summary


class _StopOnInterrupt:
    """Ctrl-C asks the ingest to stop after the document being written, instead of raising
    KeyboardInterrupt wherever the main thread happens to be (inside the parser, a generator's
    cleanup, the store): the run ends the same way every time. A second Ctrl-C interrupts at once."""

    def __init__(self) -> None:
        self.requested = False
        self._previous = None

    def __enter__(self) -> _StopOnInterrupt:
        import signal
        import threading

        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._ask)
        return self

    def _ask(self, signum, frame) -> None:
        import signal

        self.requested = True
        signal.signal(signal.SIGINT, signal.default_int_handler)  # the next Ctrl-C raises

    def __exit__(self, *exc) -> None:
        import signal

        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)


class _Run:
    """One ingest's bookkeeping: which documents are in flight, which sources are done, the summary."""

    def __init__(self, store: Store, resolver: ActorResolver, on_item: Callable[[str, str], None] | None):
        self.store, self.resolver, self.on_item = store, resolver, on_item
        self.summary = Summary()
        self.waiting: dict[str, int] = {}  # source label -> documents not yet written
        self.label_of: dict[str, str] = {}  # document id in flight -> its source label
        self.updates: set[str] = set()  # ids of stored documents whose metadata this run changes

    def done(self, label: str) -> None:
        self.waiting[label] -= 1
        if not self.waiting[label]:
            del self.waiting[label]
            if self.on_item:
                self.on_item(label, "done")

    def todo(self, sources: Iterable) -> Iterator[Document]:
        """The documents to extract, in input order; failed sources and known texts are counted."""
        for item in sources:
            if item.error:
                self.summary.failed += 1
                self.summary.errors.append(item.error)
                if self.on_item:
                    self.on_item(item.label, "failed")
                continue
            self.waiting[item.label] = self.waiting.get(item.label, 0) + 1  # held until all are queued
            for d in item.documents:
                if d.id in self.label_of or not _wanted(self.store, d, self.updates):
                    self.summary.skipped += 1
                    continue
                self.label_of[d.id] = item.label
                self.waiting[item.label] += 1
                yield d
            self.done(item.label)

    def write(self, extraction: Extraction) -> None:
        """Store one document's graph in one transaction (a swap, for a document updated)."""
        doc_id = extraction.document.id
        label = self.label_of.pop(doc_id)
        update = doc_id in self.updates
        try:
            put = self.store.replace_graph if update else self.store.add_graph  # a swap is one MOVE
            put(iris.document(doc_id), self.resolver.quads(extraction))
        except KgError as exc:
            self.resolver.rollback()
            self.summary.failed += 1
            self.summary.errors.append(f"{label}: {exc}")
        else:
            self.resolver.commit()
            self._absorb(label)
            self.summary.updated += update
            self.summary.ingested += not update
        self.done(label)

    def _absorb(self, label: str) -> None:
        """Earlier one-word nodes join the full names just written (kg.identity.resolve); the document is
        stored whatever happens here, and a failure leaves the nodes apart, as before."""
        try:
            self.resolver.absorb()
        except KgError as exc:
            self.summary.errors.append(f"{label}: stored, but joining earlier surnames failed: {exc}")


def _wanted(store: Store, d: Document, updates: set[str]) -> bool:
    """Whether ``d`` is to be written: new, or stored with other metadata than this run gives it
    (a date added later changes what "on Monday" means, so it is extracted again)."""
    iri = iris.document(d.id)
    if not store.has_graph(iri):
        return True
    rows = store.select(load_query("document"), doc=IRI(iri))
    if rows:
        r = rows[0]
        given = {"date": d.date.isoformat() if d.date else None, "source": d.source, "title": d.title}
        if any(value is not None and value != r[k] for k, value in given.items()):
            updates.add(d.id)
            return True
    return False


def stored_documents(store: Store, only: set[str] | None = None) -> Iterator[Document]:
    """Every document in the store (or of the graphs in ``only``), rebuilt from its graph (text,
    kind, date, source, title)."""
    for iri in store.graph_iris():
        if "/doc/" not in iri or iri.endswith(STAGING_SUFFIX) or (only is not None and iri not in only):
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
    store: Store,
    *,
    extractor,
    aliases: AliasBook | None = None,
    on_item: Callable[[str], None] | None = None,
    only: set[str] | None = None,
) -> dict:
    """Run the current extractor over every stored document (or the graphs in ``only``) and swap
    each document's graph for the new one (readers see the old or the new graph, never a mix; the
    text is never lost). ``absorbed``: other documents' graphs rewritten because a full name now
    absorbs their one-word nodes (``kg.identity.resolve``)."""
    store.drop_staging()
    resolver = ActorResolver(store, aliases)
    changed = unchanged = absorbed = 0
    for extraction in extractor(stored_documents(store, only)):
        iri = iris.document(extraction.document.id)
        new = resolver.quads(extraction)
        if {str(q) for q in new} == {str(q) for q in store.graph_quads(iri)}:
            unchanged += 1
            resolver.commit()
        else:
            try:
                store.replace_graph(iri, new)
            except BaseException:
                resolver.rollback()
                raise
            resolver.commit()  # its persons now count, and may absorb one-word nodes
            resolver.forget()  # the old graph's persons may be gone: ask the store again
            changed += 1
        absorbed += resolver.absorb()
        if on_item:
            on_item(iri)
    return {"documents": changed + unchanged, "changed": changed, "unchanged": unchanged, "absorbed": absorbed}
