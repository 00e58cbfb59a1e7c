"""Probable duplicates among stored persons, with the evidence for and against each pair.

What is not sure is not merged: ingest joins a name to the one stored person it can be
(kg.identity.resolve), and ``kg merge`` joins what a user confirms. In between, this lists pairs a user
may want to merge, as Aleph's cross-referencing does: the same surname (accents folded) and
names that agree (kg.identity.aliases.names_agree: "George Bush" with "George W. Bush"), scored by
how alike the names are (rapidfuzz), how many meeting partners and titles the two share, and
marked down when their titles are of different countries only.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from kg.facts.models import Model
from kg.ontology import load_query
from kg.store import IRI, Store

SHARED_PARTNER = 0.25  # a meeting partner in common: the strongest sign of one person
SHARED_TITLE = 0.15
OTHER_COUNTRY = 0.5  # titles of different countries only: likely two people


class Duplicate(Model):
    """Two stored persons that may be one, and why (``kg merge KEEP OTHER`` joins them)."""

    keep: str
    other: str
    score: float
    name_similarity: float
    shared_partners: list[str]
    shared_titles: list[str]
    against: list[str]


def probable_duplicates(store: Store, *, min_score: float = 0.5) -> list[Duplicate]:
    """Pairs of persons with one surname and compatible given names, best first; the longer
    name is the one to keep."""
    from rapidfuzz import fuzz

    from kg.facts.names import fold
    from kg.identity.aliases import names_agree
    from kg.lexicons import name_suffix
    from kg.query.views import actor_aliases

    labels: dict[str, set[str]] = defaultdict(set)
    for r in store.select(load_query("persons")):
        labels[r["actor"]].add(r["label"])
    # an actor labelled differently across graphs: the longest label, then the first in order
    people = {iri: min(ls, key=lambda label: (-len(label), label)) for iri, ls in labels.items()}
    names = {iri: people.get(iri) or (labels[0] if labels else iri) for iri, labels in actor_aliases(store).items()}
    by_surname: dict[str, list[str]] = defaultdict(list)
    for iri, label in people.items():
        by_surname[fold(name_suffix(label)[0].split()[-1].lower())].append(iri)
    out, seen = [], {}
    for iris in by_surname.values():
        for a, b in combinations(sorted(iris, key=lambda i: (-len(people[i]), people[i])), 2):
            if len(people[a].split()) > 1 and len(people[b].split()) > 1 and not names_agree(people[a], people[b]):
                continue  # "Joe Biden" / "Hunter Biden"; "George W. Bush" / "George H. W. Bush"
            similarity = fuzz.token_sort_ratio(fold(people[a].lower()), fold(people[b].lower())) / 100
            out.append(_evidence(store, (a, people[a]), (b, people[b]), similarity, names, seen))
    return sorted((d for d in out if d.score >= min_score), key=lambda d: (-d.score, d.keep, d.other))


def _evidence(store: Store, one: tuple[str, str], two: tuple[str, str], similarity: float,
              names: dict[str, str], seen: dict) -> Duplicate:  # fmt: skip
    """The evidence for one pair; ``seen`` keeps each person's partners and titles, read once
    however many pairs the person is in."""
    from kg.identity.aliases import merge_conflicts
    from kg.query.queries import Actor

    (a, la), (b, lb) = one, two
    pa, pb = _profile(store, a, seen), _profile(store, b, seen)
    shared = sorted(names.get(i, i) for i in pa[0] & pb[0])
    common = sorted(pa[1] & pb[1])
    # what `kg merge` would refuse without --force (names agree here, so: titles of other countries)
    against = merge_conflicts(store, Actor(iri=a, name=la, type="Person"), Actor(iri=b, name=lb, type="Person"))
    score = 0.5 * similarity + SHARED_PARTNER * min(len(shared), 2) + SHARED_TITLE * bool(common)
    score -= OTHER_COUNTRY * bool(against)
    return Duplicate(keep=la, other=lb, score=round(max(0.0, min(1.0, score)), 2), name_similarity=round(similarity, 2),
                     shared_partners=shared, shared_titles=common, against=against)  # fmt: skip


def _profile(store: Store, iri: str, seen: dict) -> tuple[set[str], set[str]]:
    """(everyone the person shares a meeting with, the person's titles in lower case)."""
    if iri not in seen:
        partners = {r["other"] for r in store.select(load_query("counterparts"), person=IRI(iri))}
        titles = {r["title"].lower() for r in store.select(load_query("person_titles"), person=IRI(iri))}
        seen[iri] = (partners, titles)
    return seen[iri]
