"""The Python API: what the CLI can do, for a notebook or a script, by plain names.

::

    import kg
    g = kg.open("kg-store")                     # or "sparql+http://host:7878/sparql"
    g.who_met_whom("Bessent").meetings[0].with_  # ['He Lifeng']

Every method takes names as a user types them (any case, aliases, with or without accents) and
returns pydantic models or plain data; an unknown or ambiguous name raises the error the CLI
reports (``UnknownNameError``, ``AmbiguousNameError``, with the candidates). Graph nodes from
``to_networkx`` are names, with the IRI as an attribute, so networkx's own functions take names.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kg.errors import KgError, UsageError
from kg.facts.vocab import MEETING_STATUSES
from kg.results import (
    ActorModel,
    DocumentRow,
    EntityRow,
    Explorer,
    MeetingReport,
    Posts,
    RelationReport,
    Relations,
    WhoMetWhom,
)


class KnowledgeGraph:
    """A store (a local folder or a SPARQL endpoint) as the CLI sees it; see ``kg.open``."""

    def __init__(self, store: str | Path | None = None):
        from kg.store import locate

        self.where = locate(str(store) if store is not None else None)
        self.location = self.where.value

    def _read(self):
        from kg.store import open_store

        return open_store(self.location, read_only=True)

    def __repr__(self) -> str:
        return f"KnowledgeGraph({self.location!r})"

    # -- lookups ---------------------------------------------------------------------------------
    def actor(self, name: str) -> ActorModel:
        """The one actor ``name`` means."""
        from kg.query.queries import find_actor

        a = find_actor(self._read(), name)
        return ActorModel(name=a.name, type=a.type, iri=a.iri)

    def who_met_whom(self, name: str, *, status: str | None = None, min_confidence: float = 0.0,
                     reports: bool = False, window: int = 30) -> WhoMetWhom:  # fmt: skip
        """Everyone ``name`` met (or is to meet, might meet, did not meet): one row per meeting
        event, its reports grouped (``kg.query.events``; ``window`` days for an undated report), or with
        ``reports`` one row per report. ``status`` filters events by their final status."""
        from kg.query.events import Event, as_json, events_of
        from kg.query.queries import find_actor, who_met_whom

        if status is not None and status not in MEETING_STATUSES:
            raise UsageError(f"status: choose one of {', '.join(MEETING_STATUSES)}")
        store = self._read()
        a = find_actor(store, name)
        if reports:
            rows = who_met_whom(store, a, status=status, min_confidence=min_confidence)
            events = [Event.single(r, r.with_) for r in rows]
        else:
            events = events_of(store, a, window=window, min_confidence=min_confidence)
            events = [e for e in events if status in (None, e.status)]
        return WhoMetWhom(
            person=ActorModel(name=a.name, type=a.type, iri=a.iri),
            meetings=[MeetingReport.from_store(as_json(e)) for e in events],
        )

    def relations(self, name: str, *, type: str | None = None, status: str | None = None,
                  side: str | None = None, min_confidence: float = 0.0, reports: bool = False,
                  window: int = 30) -> Relations:  # fmt: skip
        """What ``name`` did to whom and what was done to it (``side``: "source" or "target" only):
        one row per act, however many documents report it (``kg.query.events``; ``window`` days for an
        undated report), or with ``reports`` one row per report. ``status`` filters by final status."""
        from kg.facts.specs import specs
        from kg.facts.vocab import RELATION_STATUSES
        from kg.query.events import relation_events
        from kg.query.queries import find_actor, relations_of

        types = [s.name for s in specs()]
        if type is not None and type.upper() not in types:
            raise UsageError(f"--type: {type!r} is not one of {', '.join(types)}")
        if status is not None and status not in RELATION_STATUSES:
            raise UsageError(f"--status: {status!r} is not one of {', '.join(RELATION_STATUSES)}")
        if side not in (None, "source", "target"):
            raise UsageError("--as: source or target")
        store = self._read()
        a = find_actor(store, name)
        rows = relations_of(store, a, side=side, type_=type.upper() if type else None,
                            min_confidence=min_confidence)  # fmt: skip
        if not reports:
            rows = relation_events(rows, frozenset(s.name for s in specs() if not s.directed), window=window)
        rows = [r for r in rows if status is None or r["status"] == status]
        return Relations(actor=ActorModel(name=a.name, type=a.type, iri=a.iri),
                         relations=[RelationReport.model_validate(r) for r in rows])  # fmt: skip

    def roles(self, name: str) -> Posts:
        """The posts (roles and affiliations) of ``name`` in order of first seen, each dated by
        the documents that state it."""
        from kg.query.queries import find_actor, posts_of

        store = self._read()
        a = find_actor(store, name)
        return Posts(person=ActorModel(name=a.name, type=a.type, iri=a.iri), posts=posts_of(store, a))

    def entities(self, type: str | None = None) -> list[EntityRow]:
        """Every entity (or those of one ``type``) with the number of documents naming it."""
        from kg.facts.vocab import ENTITY_TYPES
        from kg.query.queries import entities

        if type is not None and type not in ENTITY_TYPES:
            raise UsageError(f"--type: {type!r} is not one of {', '.join(ENTITY_TYPES)}")
        return [EntityRow.model_validate(r) for r in entities(self._read(), type_=type)]

    def documents(self) -> list[DocumentRow]:
        """Every stored document, as ``kg documents`` lists them."""
        from kg.query.queries import stored_document_rows

        return [
            DocumentRow(
                id=r["doc"].rsplit("/", 1)[-1],
                date=r.get("date"),
                source=r.get("source"),
                title=r.get("title"),
                facts=int(r.get("facts") or 0),
            )
            for r in stored_document_rows(self._read())
            if "/doc/" in r["doc"]
        ]

    def stats(self) -> dict[str, int]:
        from kg.query.queries import stats

        return stats(self._read())

    def sparql(self, query: str, *, timeout: float = 60.0, allow_service: bool = False) -> Any:
        """A read-only query: rows (a list of dicts) for SELECT, a bool for ASK, triples otherwise.
        A remote SERVICE call is refused unless ``allow_service``, as on the command line."""
        kind, result = self.query(query, timeout=timeout, allow_service=allow_service)
        return result[1] if kind == "select" else result

    def query(self, query: str, *, timeout: float = 60.0, allow_service: bool = False) -> tuple[str, Any]:
        """A read-only query as (kind, result): ("select", (names, rows)), ("ask", bool) or
        ("graph", triples); what ``kg sparql`` prints."""
        if not allow_service:
            from kg.query.sparql_guard import refuse_service

            refuse_service(query)
        return self._read().query(query, timeout=timeout)

    # -- analytics ---------------------------------------------------------------------------------
    # Every analytics method takes the CLI's filters as keywords: ``statuses`` (default held),
    # ``since``/``until`` (ISO date prefixes), ``types`` (default Person, Organization, Country) and
    # ``min_confidence``, and ``relation`` (a relation type to project instead of meetings, with
    # relation statuses, default asserted); a bad value raises ``UsageError`` (the CLI's exit 2).
    def meeting_graph(self, statuses: Iterable[str] | None = None, *, evidence: bool = False, **filters: Any):
        """(store, the networkx projection) as the analytics commands use it (nodes are IRIs);
        with ``relation="ACCUSE"`` (any spec's type) that relation instead, directed where it is."""
        from kg.query.views import ViewFilter, meeting_graph

        flt = ViewFilter.checked(statuses=statuses, **filters)
        store = self._read()
        return store, meeting_graph(store, flt, evidence=evidence)

    def _node(self, store, g, name: str) -> str:
        from kg.query.queries import find_actor

        a = find_actor(store, name)
        if a.iri not in g:
            raise KgError(f"{a.name} has no meetings that pass the filters (try other statuses or types)")
        return a.iri

    def path(self, source: str, target: str, **filters: Any) -> dict | None:
        """The shortest chain of meetings between two names, with evidence per hop (None if none)."""
        from kg.query.analytics import path
        from kg.query.views import fill_items

        store, g = self.meeting_graph(**filters)
        a, b = self._node(store, g, source), self._node(store, g, target)
        return path(g, a, b, fill=lambda items: fill_items(store, items))

    def centrality(self, measure: str = "degree", *, top: int = 10, **filters: Any) -> list[dict]:
        """The ``top`` actors by ``measure`` (degree, betweenness, eigenvector, pagerank)."""
        from kg.query.analytics import MEASURES, centrality

        if measure not in MEASURES:
            raise UsageError(f"--measure: choose one of {', '.join(MEASURES)}")
        return centrality(self.meeting_graph(**filters)[1], measure, top=top)

    def neighbors(self, name: str, *, hops: int = 1, **filters: Any) -> list[dict]:
        """Actors within ``hops`` meetings of ``name``."""
        from kg.query.analytics import neighbors

        store, g = self.meeting_graph(**filters)
        return neighbors(g, self._node(store, g, name), hops=hops)

    def communities(self, **filters: Any) -> list[list[str]]:
        """Groups of actors who meet among themselves (Louvain, seeded)."""
        from kg.query.analytics import communities

        return communities(self.meeting_graph(**filters)[1])

    def timeline(self, name: str, *, statuses: Iterable[str] = MEETING_STATUSES, **filters: Any) -> list[dict]:
        """The meetings of ``name`` in date order (undated last), with evidence."""
        from kg.query.analytics import timeline

        store, g = self.meeting_graph(statuses, evidence=True, **filters)
        return timeline(g, self._node(store, g, name))

    def to_networkx(self, statuses: Iterable[str] = ("held",)):
        """The meeting network with names as nodes (``iri`` and ``type`` as node attributes)."""
        import networkx as nx

        _, g = self.meeting_graph(statuses)
        names = {n: d.get("label") or d.get("name") or n for n, d in g.nodes(data=True)}
        taken: dict[str, int] = {}
        for n, label in names.items():  # two actors of one name stay two nodes
            taken[label] = taken.get(label, 0) + 1
            if taken[label] > 1:
                names[n] = f"{label} ({taken[label]})"
        out = nx.relabel_nodes(g, names, copy=True)
        for n, iri in ((names[i], i) for i in g.nodes):
            out.nodes[n]["iri"] = iri
        return out

    def to_pandas(self, statuses: Iterable[str] = MEETING_STATUSES):
        """One row per meeting (participants, kind, status, date, place, evidence, source, document,
        confidence) as a ``pandas.DataFrame``; needs pandas (``pip install 'kg[pandas]'``)."""
        try:
            import pandas as pd
        except ImportError:
            raise KgError("to_pandas needs pandas: pip install 'kg[pandas]'") from None
        from kg.query.views import meeting_table

        keep = set(statuses)
        rows = [
            {
                "participants": sorted(label for label, _ in m["actors"].values()),
                **{k: m.get(k) for k in ("kind", "status", "date", "place", "evidence", "source")},
                "document": m["doc"].rsplit("/", 1)[-1],
                "confidence": float(m["confidence"]),
                "meeting": iri,
            }
            for iri, m in sorted(meeting_table(self._read()).items())
            if m["status"] in keep
        ]
        columns = ["participants", "kind", "status", "date", "place", "evidence", "source", "document", "confidence"]
        return pd.DataFrame(rows, columns=[*columns, "meeting"])

    # -- pictures --------------------------------------------------------------------------------
    def explorer(self, *, focus: str | None = None, hops: int = 1, limit: int | None = None,
                 since: str | None = None, until: str | None = None) -> str:  # fmt: skip
        """The explorer page (``kg html``) as one HTML string."""
        from kg.export.html import DEFAULT_LIMIT, store_page

        page, *_ = store_page(
            self._read(), limit=limit or DEFAULT_LIMIT, focus=focus, hops=hops, since=since, until=until
        )
        return page

    def write_explorer(self, path: str | Path, *, focus: str | None = None, hops: int = 1, limit: int | None = None,
                       since: str | None = None, until: str | None = None) -> tuple[int, int, int]:  # fmt: skip
        """Write the explorer page to ``path`` (a folder gets ``graph.html``); (nodes, edges, left out)."""
        from kg.export.html import DEFAULT_LIMIT, write_page
        from kg.query.views import ViewFilter

        ViewFilter.checked(since=since, until=until)
        return write_page(self._read(), Path(path), limit=limit or DEFAULT_LIMIT, focus=focus, hops=hops,
                          since=since, until=until)  # fmt: skip

    def show(self, *, focus: str | None = None, hops: int = 1, height: int = 700, **options: Any) -> Explorer:
        """The explorer inline in Jupyter (an iframe holding the same page): ``g.show(focus="Bessent")``."""
        return Explorer(self.explorer(focus=focus, hops=hops, **options), height=height)

    # -- writing -------------------------------------------------------------------------------------
    def ingest(self, items: Iterable[str | Path], *, date: str | None = None, source: str | None = None):
        """Ingest files or folders (paths) and texts (strings that are no existing path); the
        summary (ingested, skipped, failed, errors). A text's source is ``source``, else "text"."""
        import tempfile

        from kg.documents.sources import is_path, parse_date
        from kg.extract.pipeline import Extractor
        from kg.identity.aliases import AliasBook
        from kg.ingest.run import Summary, ingest
        from kg.store import open_store

        day = parse_date(date, what="date")
        items = list(items)
        paths = [str(i) for i in items if is_path(i)]
        texts = [str(i) for i in items if not is_path(i)]
        extractor = Extractor()
        store = open_store(self.location)
        total = Summary()
        try:
            book = AliasBook.load(self.where.alias_path)
            with tempfile.TemporaryDirectory() as tmp:
                for k, text in enumerate(texts):  # read as files are, with the same checks
                    (Path(tmp) / f"text-{k:05d}.txt").write_text(text, encoding="utf-8")
                runs = [(paths, source), ([str(p) for p in sorted(Path(tmp).iterdir())], source or "text")]
                for batch, src in runs:
                    if batch:
                        done = ingest(batch, store, extractor=extractor, date=day, source=src, aliases=book)
                        for field in ("ingested", "skipped", "failed", "updated"):
                            setattr(total, field, getattr(total, field) + getattr(done, field))
                        total.errors += done.errors
        finally:
            store.close()
        return total

    def duplicates(self, *, min_score: float = 0.5) -> list:
        """Probable duplicate persons with the evidence for and against each pair, best first
        (``kg.identity.duplicates.Duplicate``); confirm one with ``merge(d.keep, d.other)``."""
        from kg.identity.duplicates import probable_duplicates

        return probable_duplicates(self._read(), min_score=min_score)

    def merge(self, keep: str, other: str, *, force: bool = False) -> dict:
        """Declare ``other`` the same entity as ``keep``: the stored graphs naming it are rewritten
        and the alias file remembers it for later ingests. Two people who look different (full
        names, titles of different countries only) need ``force`` (else ``UsageError``)."""
        from kg.identity.aliases import AliasBook, merge_actors, merge_conflicts
        from kg.query.queries import find_actor
        from kg.store import open_store

        book = AliasBook.load(self.where.alias_path)
        store = open_store(self.location)
        try:
            a, b = find_actor(store, keep), find_actor(store, other)
            if a.iri == b.iri:
                raise KgError(f"{keep!r} and {other!r} are already one entity ({a.name})")
            reasons = merge_conflicts(store, a, b)
            if reasons and not force:
                raise UsageError(
                    f"{a.name} and {b.name} look like two people: {'; '.join(reasons)}. Pass --force to merge"
                )
            graphs = merge_actors(store, a, b)
        finally:
            store.close()
        book.merge[b.name] = a.name
        book.save()
        return {"kept": a.model_dump(), "merged": b.model_dump(), "documents": graphs, "alias_file": str(book.path)}

    def unmerge(self, name: str, *, model: str = "en_core_web_sm") -> dict:
        """Undo ``merge``: the alias file forgets ``name`` and every document naming the entity it
        was merged into is extracted again."""
        from kg.extract.pipeline import Extractor
        from kg.identity.aliases import AliasBook
        from kg.ingest.run import reextract
        from kg.query.queries import find_actor
        from kg.store import open_store

        book = AliasBook.load(self.where.alias_path)
        merged = book.merged(name)
        if merged is None:
            raise KgError(f"{name!r} was not merged into anything (see `kg aliases`)")
        into = book.merge.pop(merged)
        extractor = Extractor(model=model)
        store = open_store(self.location)
        try:
            graphs = set(store.graphs_mentioning(find_actor(store, into).iri))
            summary = reextract(store, extractor=extractor, aliases=book, only=graphs)
        finally:
            store.close()
        book.save()
        return {"unmerged": merged, "from": into, "graphs": len(graphs), **summary}

    def forget(self, doc_id: str) -> None:
        """Remove one document and every fact it contributed (its named graph)."""
        from kg.graph import iris
        from kg.store import open_store

        store = open_store(self.location)
        try:
            removed = store.drop_graph(iris.document(doc_id.strip()))
        finally:
            store.close()
        if not removed:
            raise KgError(f"no document {doc_id!r} in the store; `kg documents` lists them")


def open(store: str | Path | None = None) -> KnowledgeGraph:
    """The knowledge graph at ``store`` (a folder, or ``sparql+http://...``); default as the CLI:
    ``$KG_STORE``, else ``./kg-store``."""
    return KnowledgeGraph(store)
