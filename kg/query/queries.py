"""Named queries with bound parameters, returning plain typed rows.

Every query text comes from ``ontology/queries/*.rq``; user input only ever arrives as bound
values, so a name with quotes, braces or ``#`` cannot change a query.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass

from kg.errors import AmbiguousNameError, UnknownNameError, UsageError
from kg.facts.names import fold, lookup_key, lookup_keys
from kg.ontology import KG, load_query
from kg.store import IRI, Store


@dataclass(frozen=True)
class Actor:
    """An entity as the store knows it. (Plain dataclasses here, not pydantic: query commands must
    start fast, and these rows come from our own store, not from outside.)"""

    name: str
    type: str
    iri: str

    def model_dump(self) -> dict:
        return asdict(self)


@dataclass
class MeetingRow:
    with_: list[str]
    kind: str
    place: str | None
    date: str | None
    status: str
    source: str | None
    evidence: str
    document: str
    confidence: float
    published: str | None = None  # the reporting document's date

    def as_json(self) -> dict:
        """Field by field (``dataclasses.asdict`` deep-copies: 0.4 s for a hub's 13,000 rows)."""
        return {
            "with": list(self.with_),
            "kind": self.kind,
            "place": self.place,
            "date": self.date,
            "status": self.status,
            "source": self.source,
            "evidence": self.evidence,
            "document": self.document,
            "confidence": self.confidence,
            "published": self.published,
        }


def _actor(row: dict) -> Actor:
    return Actor(name=row["label"], type=row["type"].rsplit("#", 1)[-1], iri=row["actor"])


def _kg_actors(rows: list[dict]) -> dict[str, Actor]:
    out: dict[str, Actor] = {}
    for row in rows:
        if row["type"].startswith(KG):
            out.setdefault(row["actor"], _actor(row))
    return out


def find_actor(store: Store, name: str) -> Actor:
    """The one actor a user means by ``name``: exact label or alias (any case), else a whole-word
    match; several candidates raise ``AmbiguousNameError``, none ``UnknownNameError``."""
    q = lookup_key(name)
    if not q:
        raise UsageError("give a name, e.g. `kg who-met-whom Bessent`")  # bad usage, not an unknown name
    # as typed and without accents ("Erdogan" finds "Erdoğan"; stores keep both keys of a name)
    found = [r for key in lookup_keys(name) for r in store.select(load_query("find_actor"), q=key)]
    hits = _kg_actors([row for r in found for row in store.select(load_query("actor_label"), actor=IRI(r["actor"]))])
    if len(hits) == 1:
        _bare_name_alone(store, name, next(iter(hits.values())))
    if not hits:
        rows = store.select(load_query("actor_names"))
        words = fold(q).split()
        partial = _kg_actors([r for r in rows if _contains_words(fold(r["name"].lower()).split(), words)])
        hits = partial
        if not hits:
            import difflib  # only for the "nearest names" hint

            names = sorted({r["name"] for r in rows})
            near = difflib.get_close_matches(name, names, n=5, cutoff=0.6) or difflib.get_close_matches(
                name.title(), names, n=5, cutoff=0.5
            )
            hint = f"; nearest names: {', '.join(near)}" if near else ""
            raise UnknownNameError(f"no entity named {name!r} in the store{hint}")
    if len(hits) > 1:
        listed = "; ".join(f"{a.name} ({a.type})" for a in sorted(hits.values(), key=lambda a: a.name))
        raise AmbiguousNameError(f"{name!r} is ambiguous: {listed}. Use a fuller name.")
    return next(iter(hits.values()))


def _bare_name_alone(store: Store, name: str, actor: Actor) -> None:
    """A person stored under a bare name ("Lee") while fuller names hold it ("Lee Jae-myung",
    "Barbara Lee"): the answer would silently be the bare node's, so say so instead."""
    if actor.type != "Person" or len(actor.name.split()) != 1:
        return
    word = [fold(actor.name.lower())]
    rows = store.select(load_query("actor_names"))  # rare (a one-word person): a scan is fine
    fuller = {
        a.name
        for a in _kg_actors(rows).values()
        if a.type == "Person" and a.iri != actor.iri and _contains_words(fold(a.name.lower()).split(), word)
    }
    if fuller:
        listed = "; ".join([f"{actor.name} (Person, by this name only)", *(f"{f} (Person)" for f in sorted(fuller))])
        raise AmbiguousNameError(
            f"{name!r} is ambiguous: {listed}. Use a fuller name, or `kg merge` them if they are one person."
        )


def _contains_words(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


HUB_MEETINGS = 1000  # answers this long are kept beside a local store until it changes


def who_met_whom(
    store: Store, actor: Actor, *, status: str | None = None, min_confidence: float = 0.0
) -> list[MeetingRow]:
    """Meetings of one actor, one row per meeting, evidence = its first sentence; meetings whose
    rule earned less than ``min_confidence`` are left out.

    An answer of ``HUB_MEETINGS`` meetings or more is kept beside a local store (``kg.store.cache``):
    Oxigraph needs seconds for a hub's thousands of meetings, and the next question about the
    same actor is then read back in milliseconds; a writer brings it up to date with the
    documents it writes, so the first question after an ingest is as fast."""
    import hashlib

    from kg.store.cache import Recipe, graph_rows, load, save

    name = "meetings-of-" + hashlib.sha256(f"{actor.iri} {status}".encode()).hexdigest()[:16]
    rows = load(store, name)
    if rows is None:
        bindings = {"person": IRI(actor.iri), "st": IRI(KG + status) if status else None}
        by_graph = graph_rows(store, f"rows-{name}", "who_met_whom", bindings=bindings, keep=_is_hub)
        rows = _meeting_rows(by_graph)
        if len(rows) >= HUB_MEETINGS:
            save(store, name, rows, Recipe(function="kg.query.queries:_hub_rows", args=(actor, status)))
    return [r for r in rows if r.confidence >= min_confidence]


def _is_hub(by_graph: dict[str, list[dict]]) -> bool:
    return len({r["meeting"] for rows in by_graph.values() for r in rows}) >= HUB_MEETINGS


def _hub_rows(store: Store, actor: Actor, status: str | None) -> None:
    """What ``kg.store.cache.refresh`` calls to bring a hub's saved answer up to date."""
    who_met_whom(store, actor, status=status)


def _meeting_rows(by_graph: dict[str, list[dict]]) -> list[MeetingRow]:
    grouped: dict[str, dict] = {}
    others: dict[str, dict[str, None]] = defaultdict(dict)
    for rows in by_graph.values():
        for r in rows:
            m = grouped.setdefault(r["meeting"], r)
            others[r["meeting"]][r["other_label"]] = None
            if r["start"] < m["start"]:
                grouped[r["meeting"]] = {**r}
    ordered = sorted(grouped.items(), key=lambda kv: (kv[1]["date"] or "9999", kv[1]["doc"], kv[1]["start"]))
    return [
        MeetingRow(
            with_=sorted(others[key]),
            kind=r["kind"],
            place=r["place"],
            date=r["date"],
            status=r["status"],
            source=r["source"],
            evidence=r["evidence"],
            document=r["doc"].rsplit("/", 1)[-1],
            confidence=float(r["confidence"]),
            published=r.get("published"),
        )
        for key, r in ordered
    ]


def entities(store: Store, *, type_: str | None = None) -> list[dict]:
    """One row per actor and type, most named first. An actor two documents label differently
    ("Ban Ki-moon", "Ban Ki-Moon": one IRI, the key is case-folded) is one row under the label
    of most documents, counting the documents of both."""
    rows = store.select(load_query("entities"), t=IRI(KG + type_) if type_ else None)
    out: dict[tuple[str, str], dict] = {}
    for r in rows:  # most documents first: the first label seen is the one most documents use
        row = out.setdefault((r["actor"], r["type"]), {"name": r["label"], "type": r["type"], "documents": 0,
                                                       "iri": r["actor"]})  # fmt: skip
        row["documents"] += r["documents"]
    return sorted(out.values(), key=lambda row: (-row["documents"], row["name"]))


def stats(store: Store) -> dict:
    row = store.select(load_query("stats"))[0]
    return {
        "documents": row["documents"],
        "triples": store.count_quads(),
        "entities": row["entities"],
        "meetings": row["meetings"],
        "relations": row["relations"],
    }


def person_countries(store: Store, actor: Actor) -> set[str]:
    """The countries the person's stored titles are of."""
    return {r["country"] for r in store.select(load_query("person_countries"), person=IRI(actor.iri))}


def stored_document_rows(store: Store) -> list[dict]:
    """Each stored document: doc (IRI), date, source, title, facts (meetings, roles, affiliations)."""
    return store.select(load_query("documents"))


def person_by_surname(store: Store, surname: str) -> list[tuple[str, str]]:
    rows = store.select(load_query("person_by_surname"), surname=surname.lower())
    return [(r["actor"], r["label"]) for r in rows]


def two_hop(store: Store, actor: Actor) -> set[str]:
    """IRIs of everyone within two meetings of ``actor``: counterparts, then theirs (one indexed
    query per counterpart; Oxigraph plans the single two-hop join badly on hubs)."""
    query = load_query("counterparts")
    first = {r["other"] for r in store.select(query, person=IRI(actor.iri))}
    out = set(first)
    for other in first:
        out |= {r["other"] for r in store.select(query, person=IRI(other))}
    out.discard(actor.iri)
    return out


def relations_of(store: Store, actor: Actor, *, side: str | None = None, type_: str | None = None,
                 min_confidence: float = 0.0) -> list[dict]:  # fmt: skip
    """What ``actor`` did to whom (``side="source"``) and what was done to it (``"target"``),
    one row per reported relation, in date order (undated last); the actor is bound as a value.
    A status filter belongs to the relation events (``kg.query.events.relation_events``), whose status
    is the final one of their reports."""
    rows: list[dict] = []
    for role, var in (("source", "s"), ("target", "t")):
        if side not in (None, role):
            continue
        for r in store.select(load_query("relations"), **{var: IRI(actor.iri)}):
            if type_ and r["type"] != type_:
                continue
            if float(r["confidence"]) < min_confidence:
                continue
            rows.append(
                {
                    "type": r["type"], "as": role, "source": r["source"], "target": r["target"],
                    "status": r["status"], "date": r.get("date"), "mode": r.get("mode"),
                    "evidence": r["evidence"], "document": r["doc"].rsplit("/", 1)[-1],
                    "document_source": r.get("src"), "published": r.get("published"),
                    "confidence": float(r["confidence"]),
                }
            )  # fmt: skip
    return sorted(rows, key=lambda r: (r["date"] or "9999", r["type"], r["as"], r["source"], r["target"]))


def posts_of(store: Store, actor: Actor) -> list[dict]:
    """One person's roles and affiliations, each once, dated by the documents that state it
    (first and last seen; undated documents count but date nothing), in order of first seen:
    "Foreign Secretary" (2017) before "Prime Minister" (2020), two posts of one person."""
    posts: dict[tuple, dict] = {}
    rows = store.select(load_query("roles_of"), person=IRI(actor.iri))
    for r in sorted(rows, key=lambda r: (r["date"] or "9999", r["doc"], r["start"])):
        key = (r["kind"], r["title"], r["of_label"])
        p = posts.setdefault(key, {"kind": r["kind"], "title": r["title"], "of": r["of_label"], "first": None,
                                   "last": None, "documents": set(), "evidence": r["evidence"]})  # fmt: skip
        p["documents"].add(r["doc"])
        p["first"], p["last"] = _span(p["first"], p["last"], r["date"])
    for (kind, title, of), p in list(posts.items()):  # "Prime Minister" is the one PM post of a country
        same = [q for (k, t, o), q in posts.items() if (k, t) == (kind, title) and o is not None]
        if of is None and len(same) == 1:
            q = same[0]
            q["documents"] |= p["documents"]
            q["first"], q["last"] = _span(q["first"], q["last"], p["first"], p["last"])
            if p["first"] and (not q["first"] or p["first"] <= q["first"]):
                q["evidence"] = p["evidence"]
            del posts[(kind, title, of)]
    out = [{**p, "documents": len(p["documents"])} for p in posts.values()]
    return sorted(out, key=lambda p: (p["first"] or "9999", p["kind"] != "role"))


def _span(*dates: str | None) -> tuple[str | None, str | None]:
    known = [d for d in dates if d]
    return (min(known), max(known)) if known else (None, None)
