"""Store -> networkx: actors as nodes, meetings as edges (count, statuses, dates, documents,
evidence), or one relation type's reports as (directed) edges (``relation_graph``); the roles,
affiliations and names that pages and tooltips show.

Filters shared by every analytics command live in ``ViewFilter``. The projection pulls only
meeting rows through one SPARQL query; everything graph-shaped then happens in networkx.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.ontology import load_query
from kg.store import Store

ACTOR_TYPES = ("Person", "Organization", "Country", "City", "Place")


@dataclass(frozen=True)
class ViewFilter:
    """Which meetings and actors a view keeps."""

    statuses: tuple[str, ...] = ("held",)
    since: str | None = None  # ISO date prefix, inclusive
    until: str | None = None
    types: tuple[str, ...] = ("Person", "Organization", "Country")
    min_confidence: float = 0.0
    relation: str | None = None  # a relation type (ACCUSE, ...): project that instead of meetings

    @classmethod
    def checked(cls, statuses=None, since=None, until=None, types=None, min_confidence=0.0,
                relation=None) -> ViewFilter:  # fmt: skip
        """A filter from user input, each value checked (``UsageError``, exit 2, on a bad one).
        Statuses default to held meetings, or asserted relations with ``relation``."""
        import re

        from kg.errors import UsageError
        from kg.facts.specs import specs
        from kg.facts.vocab import ENTITY_TYPES, MEETING_STATUSES, RELATION_STATUSES

        if relation is not None:
            known = [s.name for s in specs()]
            if relation.upper() not in known:
                raise UsageError(f"--relation: {relation!r} is not one of {', '.join(known)}")
            relation = relation.upper()
        default, allowed_statuses = (("asserted",), RELATION_STATUSES) if relation else (("held",), MEETING_STATUSES)
        statuses = (statuses,) if isinstance(statuses, str) else tuple(statuses or default)
        types = (types,) if isinstance(types, str) else tuple(types or cls.types)
        for option, values, allowed in (("--status", statuses, allowed_statuses), ("--type", types, ENTITY_TYPES)):
            for v in values:
                if v not in allowed:
                    raise UsageError(f"{option}: {v!r} is not one of {', '.join(allowed)}")
        for option, value in (("--since", since), ("--until", until)):
            if value is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
                raise UsageError(f"{option}: use YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
        if not 0.0 <= float(min_confidence) <= 1.0:
            raise UsageError("--min-confidence: a number from 0 to 1")
        return cls(statuses=statuses, since=since, until=until, types=types, min_confidence=float(min_confidence),
                   relation=relation)  # fmt: skip

    def keeps_meeting(self, row: dict) -> bool:
        if self.statuses and row["status"] not in self.statuses:
            return False
        if float(row["confidence"]) < self.min_confidence:
            return False
        date = row.get("date")
        if self.since and (not date or date < self.since):
            return False
        if self.until and (not date or date[: len(self.until)] > self.until):
            return False
        return True


def meeting_table(store: Store, *, evidence: bool = True) -> dict[str, dict]:
    """Meetings with their participants: {meeting IRI: {..., "actors": {iri: (label, type)}}}.
    Without ``evidence`` the lighter projection is used (no sentences, place names or sources): an
    order of magnitude faster on big stores; ``fill_items`` adds them for the meetings shown.
    Kept beside a local store and brought up to date by the writer (``kg.store.cache``)."""
    from kg.store.cache import Recipe, cached, graph_rows

    name = "meetings-full" if evidence else "meetings-light"
    query = "meeting_edges" if evidence else "meeting_links"
    recipe = Recipe(function="kg.query.views:meeting_table", kwargs=(("evidence", evidence),))
    return cached(store, name, lambda: _meeting_table(graph_rows(store, f"rows-{name}", query), evidence), recipe)


_LIGHT = ("status", "kind", "date", "confidence", "doc", "where", "published")


def _meeting_table(by_graph: dict[str, list[dict]], evidence: bool) -> dict[str, dict]:
    meetings: dict[str, dict] = {}
    for rows in by_graph.values():
        for r in rows:
            m = meetings.get(r["meeting"])
            if m is None:
                m = dict(r) if evidence else {k: r[k] for k in _LIGHT}  # light rows: only what filters use
                m["actors"] = {}
                meetings[r["meeting"]] = m
            m["actors"][r["actor"]] = (r["label"], r["type"])
            if evidence and r["start"] < m["start"]:
                m.update(evidence=r["evidence"], start=r["start"])
    return meetings


def fill_items(store: Store, items: list[dict]) -> None:
    """Add place, source and first evidence sentence to meeting items of a light projection."""
    from kg.store import IRI

    for it in items:
        if it.get("evidence") is None:
            rows = store.select(load_query("meeting_item"), meeting=IRI(it["meeting"]))
            if rows:
                it.update(evidence=rows[0]["evidence"], place=rows[0]["place"], source=rows[0]["source"])


def meeting_graph(store: Store, flt: ViewFilter = ViewFilter(), *, evidence: bool = True):
    """An undirected ``nx.Graph``: node attributes ``label``, ``type``; edge attributes
    ``meetings`` (the number of meeting events, the weight: a meeting announced, held and
    listed in a headline counts once, ``kg.query.events``), ``reports``, ``statuses``, ``dates``,
    ``documents`` and ``items`` (one dict per report: date, status, kind, place, evidence,
    source, its ``event``). Cached beside a local store
    per filter: building it is most of an analytics command's time on a big store."""
    import hashlib

    from kg.store.cache import Recipe, cached

    shape = None
    if flt.relation:  # a spec of one's own may redefine a shipped type: its direction is part of the key
        from kg.facts.specs import spec

        shape = spec(flt.relation).directed
    digest = hashlib.sha256(repr((flt, evidence, shape)).encode()).hexdigest()[:16]
    recipe = Recipe(function="kg.query.views:meeting_graph", args=(flt,), kwargs=(("evidence", evidence),))
    return cached(store, f"graph-{digest}", lambda: _meeting_graph(store, flt, evidence=evidence), recipe)


def _meeting_graph(store: Store, flt: ViewFilter, *, evidence: bool):
    import networkx as nx

    if flt.relation:
        return relation_graph(store, flt)
    from kg.query.events import event_ids

    g = nx.Graph()
    # Sorted, so that the graph (node order, item order) is the same whatever order a store
    # returns rows in: Oxigraph and a remote server give the same export byte for byte.
    kept = {mid: m for mid, m in sorted(meeting_table(store, evidence=evidence).items()) if flt.keeps_meeting(m)}
    event_of = event_ids(kept)  # the reports of one meeting count once (kg.query.events)
    for mid, m in kept.items():
        actors = sorted((iri, lab, typ) for iri, (lab, typ) in m["actors"].items() if typ in flt.types)
        for iri, lab, typ in actors:
            g.add_node(iri, label=lab, type=typ)
        item = {k: m.get(k) for k in ("date", "status", "kind", "place", "evidence", "source", "confidence")}
        item.update(meeting=mid, event=event_of[mid], document=m["doc"].rsplit("/", 1)[-1])
        for i, (a, _, _) in enumerate(actors):
            for b, _, _ in actors[i + 1 :]:
                if not g.has_edge(a, b):
                    g.add_edge(a, b, meetings=0, reports=0, statuses=[], dates=[], documents=[], items=[],
                               relation="meeting")  # fmt: skip
                e = g.edges[a, b]
                e["reports"] += 1
                e["statuses"].append(m["status"])
                if m.get("date"):
                    e["dates"].append(m["date"])
                e["documents"].append(item["document"])
                e["items"].append(item)
    for _, _, e in g.edges(data=True):
        e["meetings"] = len({it["event"] for it in e["items"]})
    return g


def role_lines(store: Store) -> dict[str, list[str]]:
    """Each person's titles as text lines ("Treasury Secretary (United States)"), for tooltips."""
    return _derived(store, "role_lines", "roles", "g", _role_lines)


def _role_lines(rows) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for r in rows:
        line = r["title"] + (f" ({r['of_label']})" if r.get("of_label") else "")
        if line not in out.setdefault(r["person"], []):
            out[r["person"]].append(line)
    return out


def actor_posts(store: Store) -> dict[str, list[dict]]:
    """Each person's roles and affiliations with the first and last date of the documents that
    state them, in order of first appearance: {person: [{kind, title, of, first, last}]}."""
    return _derived(store, "actor_posts", "actor_posts", "doc", _actor_posts)


def _actor_posts(rows) -> dict[str, list[dict]]:
    posts: dict[tuple, dict] = {}
    for r in rows:
        key = (r["person"], r["kind"], r.get("title"), r.get("of_label"))
        p = posts.setdefault(key, {"kind": r["kind"], "title": r.get("title"), "of": r.get("of_label"),
                                   "first": None, "last": None})  # fmt: skip
        date = r.get("date")
        if date:
            p["first"] = min(p["first"] or date, date)
            p["last"] = max(p["last"] or date, date)
    out: dict[str, list[dict]] = {}
    for (person, *_), p in sorted(posts.items(), key=lambda kv: (kv[1]["first"] or "9999", str(kv[0]))):
        out.setdefault(person, []).append(p)
    return out


def actor_aliases(store: Store) -> dict[str, list[str]]:
    """Every name an actor is known by (labels and aliases), for search boxes."""

    def build(rows) -> dict[str, list[str]]:
        out: dict[str, set[str]] = {}
        for r in rows:
            out.setdefault(r["actor"], set()).add(r["name"])
        return {a: sorted(names) for a, names in sorted(out.items())}

    return _derived(store, "actor_aliases", "actor_aliases", "g", build)


def relation_graph(store: Store, flt: ViewFilter):
    """One relation type as a graph: an ``nx.DiGraph`` (source -> target) for a directed type, an
    ``nx.Graph`` for a symmetric one; each edge's ``meetings`` is its number of relation events
    (the weight the analytics read: one act reported by a statement and a news story counts once,
    ``kg.query.events``), ``reports`` its number of reports and ``items`` the reports (type,
    status, date, evidence, source, event)."""
    import networkx as nx

    from kg.facts.specs import spec
    from kg.query.events import relation_event_ids

    directed = spec(flt.relation).directed
    g = nx.DiGraph() if directed else nx.Graph()
    rows = [r for r in relation_table(store) if r["type"] == flt.relation and flt.keeps_meeting(r)]
    labels = _actor_types(store) if rows else {}
    event_of = relation_event_ids(rows, frozenset() if directed else frozenset({flt.relation}))
    for r in rows:
        ends = [(r["s"], r["source"]), (r["t"], r["target"])]
        if any(labels.get(iri) not in flt.types for iri, _ in ends):
            continue
        for iri, label in ends:
            g.add_node(iri, label=label, type=labels[iri])
        a, b = r["s"], r["t"]
        if not g.has_edge(a, b):
            g.add_edge(a, b, meetings=0, reports=0, statuses=[], dates=[], documents=[], items=[],
                       relation=flt.relation)  # fmt: skip
        e = g.edges[a, b]
        item = {"meeting": r["rel"], "date": r.get("date"), "status": r["status"], "kind": r["type"],
                "place": None, "evidence": r["evidence"], "source": r.get("src"),
                "confidence": r["confidence"], "document": r["doc"].rsplit("/", 1)[-1], "event": event_of[r["rel"]]}  # fmt: skip
        e["reports"] += 1
        e["statuses"].append(r["status"])
        e["documents"].append(item["document"])
        e["items"].append(item)
        if item["date"]:
            e["dates"].append(item["date"])
    for _, _, e in g.edges(data=True):
        e["meetings"] = len({it["event"] for it in e["items"]})
    return g


def relation_table(store: Store) -> list[dict]:
    """Every relation of every type (one row each, with both parties' labels), sorted; read once
    and cached beside a local store like the meeting projection."""
    return _derived(store, "relation_table", "relations", "doc", lambda rows: sorted(rows, key=lambda r: r["rel"]))


def _actor_types(store: Store) -> dict[str, str]:
    """Each actor's type (Person, Country, ...), for relation projections: read once per store
    state, not once per relation type."""
    return _derived(store, "_actor_types", "actor_types", "g", lambda rows: {r["actor"]: r["type"] for r in rows})


def _derived(store: Store, function: str, query: str, graph: str, build):
    """``build(rows)`` over a projection query's rows (graph by graph, ``kg.store.cache.graph_rows``),
    kept beside a local store and brought up to date by the writer, which calls ``function`` of
    this module (the one calling here) again after a write."""
    from kg.store.cache import Recipe, cached, graph_rows

    def compute():
        return build(r for rows in graph_rows(store, f"rows-{function}", query, graph).values() for r in rows)

    return cached(store, function, compute, Recipe(function=f"kg.query.views:{function}"))
