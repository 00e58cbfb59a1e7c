"""What the readers of encounter words share: the ``Found`` record, the predicate lexicon and
the tests on parties (a site is no actor; a country named as such can be visited; "jointly"
makes one encounter of several counterparts)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from kg.extract.discourse import Discourse, Referent, name_of
from kg.extract.entities import EntityTable
from kg.extract.parties import PartyReader
from kg.lexicons import forms_of, party_words, predicates

JOINT = frozenset({"jointly", "together", "collectively", "trilateral", "trilaterally", "multilateral", "joint", "three-way", "four-way"})  # fmt: skip


@dataclass
class Found:
    """One encounter as the text states it, before names are resolved."""

    parties: list[Referent]
    kind: str
    trigger: object  # the spaCy token of the predicate
    sentence: object  # its spaCy sentence
    offset: int  # where the parsed view starts in the document text
    by_verb: bool
    series: bool = False
    destinations: list[Referent] = field(default_factory=list)  # visited places (cities) by country
    status: str | None = None
    status_from_cue: bool = False
    extends: bool = False  # a definite event word taking up the encounter just told ("the talks")
    anchor: int | None = None  # where that encounter was told (document offset): its context names its parties


@cache
def lexicon() -> dict:
    raw = predicates()
    return {
        "verbs": raw["verbs"],
        "nouns": raw["nouns"],
        "visit_nouns": frozenset(raw["visit_nouns"]),
        "needs_partner": frozenset(raw["needs_partner"]),
        "light": frozenset(raw["light_verbs"]),
        "arranging": frozenset(raw["arranging_verbs"]),
        "travel_plan": frozenset(raw["travel_plan_verbs"]),
        "purpose": frozenset(raw["travel_purpose"]),
        "intent_nouns": frozenset(raw["intent_nouns"]),
        "joining": frozenset(raw["joining_verbs"]),
        "attending": frozenset(raw["attending_verbs"]),
        "verb_forms": {f: v for v in sorted(raw["verbs"]) for f in forms_of([v])},
    }


_GROUP_VIAS = frozenset({"group", "delegation"})


class Frames:
    """Base of the verb and noun readers: the party reader, the discourse and shared tests."""

    def __init__(self, reader: PartyReader, discourse: Discourse):
        self.r = reader
        self.discourse = discourse
        self.table: EntityTable = reader.table
        self.lex = lexicon()

    def found(self, parties, kind, tok, sent, *, by_verb, destinations=(), series=False) -> Found:
        return Found(
            list(parties), kind, tok, sent, self.r.offset, by_verb, series=series, destinations=list(destinations)
        )

    def longer_list(self, phrases: list[list[Referent]], prep) -> list[list[Referent]]:
        """The parse's reading of a with/between phrase, with the persons the word-order reading
        adds (the small parser loses names in long lists of titled people); when the parse finds
        nobody, the word-order reading alone."""
        parsed = [[r for r in g if not self._is_site(r)] for g in phrases]
        names = {name_of(r, self.table) for g in parsed for r in g}
        listed = [r for r in self.r.listed(prep) if not self._is_site(r)]
        if not names:
            return [[r] for r in listed]
        extra = [r for r in listed if name_of(r, self.table) not in names and self._type(r) == "Person"]
        if extra:  # "with their Russian counterparts, Minister ... Lavrov and ...": the names say who
            listed_names = {name_of(r, self.table) for r in listed}
            parsed = [
                [r for r in g if r.via not in _GROUP_VIAS or name_of(r, self.table) in listed_names] for g in parsed
            ]
        return [g for g in parsed if g] + [[r] for r in extra]

    def separate(self, phrases: list[list[Referent]]) -> list[list[Referent]]:
        """Each counterpart a meeting of its own ("will meet with A and B"), except the sides of one
        noun for people who deal with each other ("met Israeli and Palestinian negotiators") and
        parties taken up together ("hosted the two sides"): one meeting."""
        out: list[list[Referent]] = []
        for g in phrases:
            out += [g] if self._together(g) else [[r] for r in g]
        return out

    def _together(self, g: list[Referent]) -> bool:
        if len(g) < 2 or len({r.token for r in g}) != 1 or g[0].token < 0:
            return False
        if all(r.via == "plural" for r in g):
            return True
        noun = self.r.doc[g[0].token]
        return all(r.via in _GROUP_VIAS for r in g) and noun.lemma_.lower() in party_words()["joint_groups"]

    def _type(self, r: Referent) -> str | None:
        if r.mention is None:
            return "Country"
        return "Country" if r.mention.metonym else self.table.type(r.mention)

    def _is_site(self, r: Referent) -> bool:
        """A city or venue named as such (not a capital standing for its country)."""
        return r.mention is not None and not r.mention.metonym and self.table.type(r.mention) in {"City", "Place"}

    def _is_destination(self, r: Referent) -> bool:
        """A place one can visit: a site, or a country by its name or taken up ("both countries")."""
        return self._is_site(r) or (r.via in {"name", "plural"} and self._type(r) == "Country")

    def _joint(self, tok) -> bool:
        return any(c.lower_ in JOINT for c in tok.children)


def reciprocal(tok) -> bool:
    return tok.lower_ == "other" and any(c.lower_ == "each" for c in tok.children)


def unique(parties: list[Referent], table: EntityTable) -> list[Referent]:
    out: list[Referent] = []
    for r in parties:
        name = name_of(r, table)
        if name is not None and all(name != name_of(o, table) for o in out):
            out.append(r)
    return out
