"""Who an extracted entity is in the store: the IRI, label and type ingest writes it under.

A year of news names one person in many forms; the rules here are facts of how news names
people, applied whatever order the documents come in:

- the alias file decides first (``kg merge`` writes it; ``keep_apart`` names never join);
- a one-word name ("Trump", which the model may call an organisation in a headline) joins the one
  stored person whose surname it is ("Xi" the family name, written first, of "Xi Jinping":
  ``kg.graph.rdf.surname_keys``); with two ("Bill Clinton", "Hillary Clinton") it joins the one
  whose stored titles hold the title this document gives it ("Secretary Clinton"), else stays apart;
- a full name joins the one stored person of its surname whose names agree with it ("Mike Pompeo"
  and "Michael R. Pompeo"; "Sergey" and "Sergei"; "Hillary Rodham Clinton" and "Hillary Clinton",
  never "Bill Clinton"); when the names agree with two ("George Bush" with "George W. Bush" and
  "George H. W. Bush") it joins neither, and ``kg duplicates`` lists the pairs; a name with the
  first of two surnames is the one stored person with both ("Josep Borrell", "Josep Borrell
  Fontelles"), in either order, though a bare first surname never is;
- a full name absorbs the one-word nodes stored before it ("Biden" ingested before "Joe Biden",
  as a person or as the organisation the model took a headline's "Biden" for), when it is the
  one person with that surname and their titles are of no different countries: the same answer
  as when the full name came first.
"""

from __future__ import annotations

from kg.errors import KgError
from kg.facts.models import Entity, Extraction
from kg.facts.names import fold, surname_key
from kg.graph import iris
from kg.graph.rdf import DOUBLE, double_surname, surname_keys, to_quads
from kg.identity.aliases import AliasBook, merge_actors, merge_conflicts, names_agree
from kg.lexicons import name_suffix
from kg.ontology import load_query
from kg.query.queries import Actor, find_actor, person_by_surname, person_countries
from kg.store import IRI, Store


class ActorResolver:
    """Entity -> (IRI, label, type), and after each written document the absorption of earlier
    one-word nodes (``absorb``).

    Surname lookups are cached for the run: each surname is asked of the store once, and the
    persons of every document written since are added (``commit`` after a successful write,
    ``rollback`` after a failed one), so the cache is always what the store holds. Asking the
    store for every one-word name cost more than the writing itself once a name was common.
    """

    def __init__(self, store: Store, aliases: AliasBook | None = None):
        self.store = store
        self.aliases = aliases
        self._surnames: dict[str, set[tuple[str, str]]] = {}  # surname -> stored full-name persons
        self._bare: dict[str, set[tuple[str, str]]] = {}  # surname -> stored one-word persons
        self._pending: list[tuple[str, str, str]] = []
        self._pending_bare: list[tuple[str, str, str]] = []
        self._written: list[tuple[str, str, str]] = []  # full names of the document just written
        self._countries: dict[str, set[str]] = {}  # person -> countries of their titles, this document
        self._titles: dict[str, set[str]] = {}  # person -> their titles (lower case), this document
        self._stored: dict[str, set[str]] = {}  # IRI -> its stored titles, until a write touches it

    def quads(self, x: Extraction) -> list:
        """The document's quads (``kg.graph.rdf.to_quads``), its entities resolved against the store;
        the countries its titles give each person are evidence against a join."""
        countries = {e.name for e in x.entities if e.type == "Country"}
        self._countries, self._titles = {}, {}
        for r in x.roles:
            if r.of in countries:
                self._countries.setdefault(r.person, set()).add(r.of)
            self._titles.setdefault(r.person, set()).add(r.title.lower())
        return to_quads(x, self)

    def __call__(self, e: Entity) -> tuple[str, str, str]:
        iri, label, type_ = self._resolve(e)
        if type_ == "Person" and (keys := surname_keys(label)):
            self._pending += [(surname, iri, label) for surname in keys]
        elif type_ in {"Person", "Organization"} and len(label.split()) == 1:
            self._pending_bare.append((fold(label.lower()), iri, label))
        return iri, label, type_

    def commit(self) -> None:
        """The document just resolved was written: its persons now count for later surnames."""
        for surname, iri, label in self._pending:
            if surname in self._surnames:
                self._surnames[surname].add((iri, label))
            self._stored.pop(iri, None)
        for key, iri, label in self._pending_bare:
            if key in self._bare:
                self._bare[key].add((iri, label))
            self._stored.pop(iri, None)
        self._written = list(self._pending)
        self._pending.clear()
        self._pending_bare.clear()

    def rollback(self) -> None:
        self._pending.clear()
        self._pending_bare.clear()
        self._written = []

    def forget(self) -> None:
        """Drop the cache (after a graph was replaced, not just added)."""
        self._surnames.clear()
        self._bare.clear()
        self._stored.clear()
        self._pending.clear()
        self._pending_bare.clear()

    def absorb(self) -> int:
        """Join the one-word nodes of the surnames of the document just written to its full
        name, where that is the one stored person of the surname (see the module docstring).
        Each rewritten document graph is one swap; returns how many were rewritten."""
        rewritten = 0
        for surname, iri, label in self._written:
            namesakes = {i for i, _ in self._by_surname(surname)} - {iri}
            keep = Actor(name=label, type="Person", iri=iri)
            for bare_iri, bare_label in sorted(self._bare_of(surname) - {(iri, label)}):
                if self.aliases and self.aliases.apart(bare_label):
                    continue
                if namesakes and self._titled_as(bare_iri, [iri, *sorted(namesakes)]) != iri:
                    continue  # two stored people of this surname, and no title says which
                drop = Actor(name=bare_label, type="Person", iri=bare_iri)  # an organisation so named too
                if merge_conflicts(self.store, keep, drop):
                    continue  # "Kim" of one country, "Kim Jong Un" of another
                rewritten += merge_actors(self.store, keep, drop)
                self._bare[surname].discard((bare_iri, bare_label))
                self._stored.pop(iri, None)
                self._stored.pop(bare_iri, None)
        self._written = []
        return rewritten

    def _by_surname(self, name: str) -> set[tuple[str, str]]:
        key = fold(name.lower())
        if key not in self._surnames:  # a store of an older version keeps surnames with accents
            found = {hit for k in dict.fromkeys([key, name.lower()]) for hit in person_by_surname(self.store, k)}
            self._surnames[key] = found
        return self._surnames[key]

    def _other_country(self, name: str, stored: tuple[str, str]) -> bool:
        """Whether the document titles ``name`` of countries none of the stored person's titles
        are of ("South Korean Foreign Minister Kim" is not "Kim Jong Un")."""
        mine = self._countries.get(name)
        if not mine:
            return False
        theirs = person_countries(self.store, Actor(name=stored[1], type="Person", iri=stored[0]))
        return bool(theirs) and not mine & theirs

    def _double(self, name: str) -> list[tuple[str, str]]:
        """The one stored person a name is by the first of two surnames: "Josep Borrell" and
        "Josep Borrell Fontelles", whichever is stored first (the same given name and first
        surname, word for word)."""
        words = name.split()
        key = [fold(w.lower()) for w in words[:2]]
        if len(words) == 2:
            hits = self._by_surname(DOUBLE + key[1])
            return _by_iri(h for h in hits if [fold(w.lower()) for w in h[1].split()[:2]] == key)
        if len(words) == 3 and double_surname(words):
            return _by_iri(h for h in self._by_surname(key[1]) if [fold(w.lower()) for w in h[1].split()] == key)
        return []

    def _same_title(self, name: str, stored: tuple[str, str]) -> bool:
        """Whether a title this document gives ``name`` is one of the stored person's, word for
        word ("Secretary" of "Secretary of State"; "President" of "President")."""
        return _titles_fit(self._titles.get(name, set()), self._stored_titles(stored[0]))

    def _stored_titles(self, iri: str) -> set[str]:
        """A person's stored titles, asked of the store once per run until a write touches them
        (asking for every candidate of every bare name cost more than the writing itself)."""
        if iri not in self._stored:
            rows = self.store.select(load_query("person_titles"), person=IRI(iri))
            self._stored[iri] = {r["title"].lower() for r in rows}
        return self._stored[iri]

    def _titled_as(self, bare_iri: str, candidates: list[str]) -> str | None:
        """The one candidate whose stored titles hold the titles a one-word node was given, else None."""
        mine = self._stored_titles(bare_iri)
        fits = [c for c in candidates if _titles_fit(mine, self._stored_titles(c))]
        return fits[0] if len(fits) == 1 else None

    def _bare_of(self, surname: str) -> set[tuple[str, str]]:
        if surname not in self._bare:
            rows = self.store.select(load_query("bare_persons"), key=surname)
            self._bare[surname] = {(r["actor"], r["label"]) for r in rows}
        return self._bare[surname]

    def _resolve(self, e: Entity) -> tuple[str, str, str]:
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
            hits = _by_iri(self._by_surname(e.name))
            if len(hits) > 1:  # "President Obama" is not the First Lady: the title tells namesakes apart
                hits = [h for h in hits if self._same_title(e.name, h)]
            if len(hits) == 1 and not self._other_country(e.name, hits[0]):
                return (*hits[0], "Person")
        if e.type == "Person" and (surname := surname_key(name_suffix(e.name)[0])):
            own = iris.actor(e.type, e.name)
            fits = _by_iri(h for h in self._by_surname(surname) if names_agree(h[1], e.name)) or self._double(e.name)
            if len(fits) == 1 and fits[0][0] != own and not self._other_country(e.name, fits[0]):
                return (*fits[0], "Person")  # "Mike Pompeo" joins "Michael R. Pompeo"; "Hillary
                # Rodham Clinton" joins "Hillary Clinton", never Bill
        return iris.actor(e.type, e.name), e.name, e.type


def _by_iri(hits) -> list[tuple[str, str]]:
    """One (IRI, label) per stored person: one person may bear two labels ("Kim Jong-un", "Kim
    Jong-Un" written under one IRI by two documents); the shortest, then first, label names it."""
    best: dict[str, str] = {}
    for iri, label in hits:
        if iri not in best or (len(label), label) < (len(best[iri]), best[iri]):
            best[iri] = label
    return sorted(best.items())


def _titles_fit(mine: set[str], theirs: set[str]) -> bool:
    """Whether one of ``mine`` is one of ``theirs``, word for word ("secretary" of "secretary of state")."""
    return any(set(m.split()) <= set(t.split()) for m in mine for t in theirs)
