"""Meetings: encounters of two or more parties, read off the dependency parse.

An encounter is stated by a predicate (lexicons/predicates.json, by lemma) and its parties sit in
the places its frame names:

- a verb takes its subject and an object ("met Tajani"), a with/to/between phrase ("met on
  Thursday with", "spoke to"), or a coordinated subject alone ("Merz and Meloni met"); a
  passive verb takes its agent ("were received by the Secretary");
- a noun takes its possessor, a with/between/of phrase, compound names ("the Mugabe-Tsvangirai
  meeting"), the subject of the verb that holds it ("held talks with", "cancelled a meeting
  with"), or the subject of the clause its phrase hangs from ("During her meeting with X, Merkel
  said");
- a visit or trip to a place is an encounter with that place's country ("travelled to Ankara",
  "her trip to Japan, South Korea and China": three visits).

Several objects of one verb or noun are separate encounters ("will meet with A and B") unless the
text says they met together ("jointly", a trilateral meeting, "between A, B and C").
Status comes from kg.extract.status, place and date from kg.extract.attributes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from kg.extract.discourse import Discourse, Referent
from kg.extract.entities import EntityTable
from kg.extract.parties import SUBJECT_DEPS, PartyReader, country_of, name_of
from kg.extract.status import status_of
from kg.lexicons import predicates

_JOINT = frozenset({"jointly", "together", "collectively", "trilateral", "trilaterally", "multilateral", "joint", "three-way", "four-way"})  # fmt: skip
_SEPARATE = frozenset({"separate", "separately", "individual", "respective", "bilateral"})
_COMPANION = frozenset({"with", "alongside", "accompanied"})
_PURPOSE_PREPS = frozenset({"during", "after", "following", "before", "at", "in", "on", "since", "for", "from", "ahead", "prior", "until", "upon"})  # fmt: skip


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
        "purpose": frozenset(raw["travel_purpose"]),
        "intent_nouns": frozenset(raw["intent_nouns"]),
    }


class MeetingReader:
    """Finds the encounters of one parsed view; ``reader`` resolves its noun phrases."""

    def __init__(self, reader: PartyReader, discourse: Discourse):
        self.r = reader
        self.discourse = discourse
        self.table: EntityTable = reader.table
        self.lex = lexicon()

    def __call__(self, sentences) -> list[Found]:
        found: list[Found] = []
        for sent in sentences:
            self._note_persons(sent)
            self._fired: set[int] = set()
            for tok in sent:
                hits = self._trigger(tok, sent)
                if not hits:
                    continue
                self._fired.add(tok.i)
                status, from_cue = status_of(tok)
                parties = _unique([p for f in hits for p in f.parties if p.via != "host"], self.table)
                self.discourse.note_encounter(parties, self.r.char(sent[-1]))
                for f in hits:
                    f.status, f.status_from_cue = status, from_cue
                    if f.status is not None:
                        found.append(f)
        return found

    def _note_persons(self, sent) -> None:
        seen = set()
        for tok in sent:
            m = self.r.at.get(tok.i)
            if m is None or id(m) in seen or m.in_title or self.table.type(m) != "Person":
                continue
            seen.add(id(m))
            root = tok
            while root.head.i in self.r.at and self.r.at.get(root.head.i) is m and root.head.i != root.i:
                root = root.head
            self.discourse.note_person(m, subject=root.dep_ in SUBJECT_DEPS)

    # -- triggers ----------------------------------------------------------------------------
    def _trigger(self, tok, sent) -> list[Found]:
        m = self.r.at.get(tok.i)
        if m is not None and not m.in_title and not m.anaphor:
            return []  # inside a name ("NATO Foreign Ministers Meeting", "Shangri-La Dialogue")
        lemma = tok.lemma_.lower()
        if tok.pos_ in {"VERB", "AUX"} and lemma in self.lex["verbs"]:
            return self._verb(tok, sent, lemma)
        if tok.pos_ in {"NOUN", "PROPN"} and lemma in self.lex["nouns"]:
            return self._noun(tok, sent, lemma)
        return []

    def _found(self, parties, kind, tok, sent, *, by_verb, destinations=(), series=False) -> Found:
        return Found(
            list(parties), kind, tok, sent, self.r.offset, by_verb, series=series, destinations=list(destinations)
        )

    # -- verbs -------------------------------------------------------------------------------
    def _verb(self, v, sent, lemma: str) -> list[Found]:
        entry = self.lex["verbs"][lemma]
        frames = set(entry["frames"])
        particles = {c.lower_ for c in v.children if c.dep_ == "prt"}
        if entry.get("particle") and entry["particle"] not in particles:
            return []
        if particles & set(entry.get("not_particles", ())):
            return []
        kind = entry["kind"]
        passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in v.children)
        subjects = self.subjects(v)
        groups: list[list[Referent]] = []
        destinations: list[Referent] = []
        if passive:
            objects = [r for c in v.children if c.dep_ == "nsubjpass" for r in self.r.actors(c)]
            agents = [r for c in v.children if c.dep_ == "agent" for p in c.children for r in self.r.actors(p)]
            subjects, groups = agents, [[o] for o in objects]
        elif "object" in frames or "place" in frames:
            allowed = entry.get("object_types")
            for c in v.children:
                if c.dep_ not in {"dobj", "dative"}:
                    continue
                if c.lower_ in {"each", "one"} or _reciprocal(c):
                    groups.append([])
                    continue
                for group in self.r.actor_groups(c, places="place" in frames):
                    if "place" in frames and all(self._is_destination(r) for r in group):
                        destinations += group
                        continue
                    group = [r for r in group if not self._is_site(r) and (allowed is None or self._type(r) in allowed)]
                    if group:
                        groups.append(group)
        preps = {p.lower_: p for p in v.children if p.dep_ == "prep"}
        for word in ("with", "to", "between"):
            if word in frames and word in preps:
                phrases = [g for p in preps[word].children if p.dep_ == "pobj" for g in self.r.actor_groups(p)]
                phrases = self._longer_list(phrases, preps[word])
                if word == "between" or self._joint(v):
                    groups.append([r for g in phrases for r in g])
                else:  # each named counterpart is a meeting of its own unless the text says "jointly"
                    groups += [[r] for g in phrases for r in g]
        if "destination" in frames:
            for word in ("to", "in", "into", "for"):
                if word in preps:
                    for p in preps[word].children:
                        if p.dep_ == "pobj":
                            destinations += [r for r in self.r.actors(p, places=True) if self._is_destination(r)]
        if kind == "visit" and "with" not in frames and "with" in preps:  # "will visit Moscow with Gates"
            subjects = subjects + [r for p in preps["with"].children if p.dep_ == "pobj" for r in self.r.actors(p)]
        out = self._groups(subjects, groups, kind, v, sent, by_verb=True, joint_frame="joint" in frames)
        if destinations and subjects:
            out += self._visits(subjects, destinations, v, sent, by_verb=True)
        return out

    def _groups(self, subjects, groups, kind, tok, sent, *, by_verb: bool, joint_frame: bool) -> list[Found]:
        out: list[Found] = []
        if self._joint(tok) and len(groups) > 1:
            groups = [[r for g in groups for r in g]]
        for g in groups:
            parties = _unique([*subjects, *g], self.table)
            if not g and len(subjects) < 2:  # "met each other": the subjects, or those just named
                parties = self.discourse.plural(self.r.char(tok), self.r.char(tok) - 600) if not subjects else []
            if len(parties) >= 2:
                out.append(self._found(parties, kind, tok, sent, by_verb=by_verb))
        if not groups and joint_frame and len(subjects) >= 2:
            out.append(self._found(subjects, kind, tok, sent, by_verb=by_verb))
        return out

    def _visits(self, visitors, places, tok, sent, *, by_verb: bool, series: bool = False) -> list[Found]:
        """One visit per visited country; the place is the city when one city of it is named."""
        by_country: dict[str, list[Referent]] = {}
        for p in places:
            country = country_of(p, self.table)
            if country:
                by_country.setdefault(country, []).append(p)
        out = []
        home = {self.discourse.person_country.get(name_of(v, self.table) or "") for v in visitors}
        for country, cities in by_country.items():
            if country in home:
                continue
            host = Referent(None, self.table.country_entity(country), "host", cities[0].token)
            cities_named = [c for c in cities if self._type(c) in {"City", "Place"}]
            found = self._found([*visitors, host], "visit", tok, sent, by_verb=by_verb, series=series)
            found.destinations = cities_named if len(cities_named) == 1 else []
            out.append(found)
        return out

    def subjects(self, v, depth: int = 0) -> list[Referent]:
        """The doers of a verb: its subject, else the subject it shares (an infinitive's, a
        conjoined verb's) or the noun a relative or participle clause hangs from."""
        found: list[Referent] = []
        for c in v.children:
            if c.dep_ in SUBJECT_DEPS:
                if c.tag_ in {"WP", "WDT"} or c.lower_ == "that":
                    return self.r.actors(v.head) if v.dep_ == "relcl" else []
                if c.dep_ == "nsubjpass" and v.dep_ not in {"xcomp", "ROOT"} and depth == 0:
                    continue
                found += self.r.actors(c)  # the small parser may attach two coordinated subjects apart
        if found:
            return _unique(found, self.table)
        if depth > 4 or v.head.i == v.i:
            return []
        head = v.head
        if v.dep_ == "xcomp" and head.pos_ in {"VERB", "AUX"}:  # "invited Obama to visit": the object does it
            objects = [r for c in head.children if c.dep_ in {"dobj", "dative"} for r in self.r.actors(c)]
            if objects:
                return objects
        if v.dep_ in {"xcomp", "advcl", "conj", "pcomp", "ccomp", "acomp", "oprd"} and head.pos_ in {
            "VERB",
            "AUX",
            "ADJ",
        }:
            return self.subjects(head, depth + 1)
        if v.dep_ in {"pcomp", "pobj"} and head.head.pos_ in {"VERB", "AUX", "ADJ"}:
            return self.subjects(head.head, depth + 1)  # "looked forward to seeing", "ready for meeting"
        if v.dep_ in {"relcl", "acl"} and head.pos_ in {"NOUN", "PROPN", "PRON"}:
            if head.lemma_.lower() in self.lex["intent_nouns"]:  # "their agreement to meet", "his plan to visit"
                owners = [r for c in head.children if c.dep_ == "poss" for r in self.r.actors(c)]
                if owners:
                    return owners
                if head.dep_ in {"dobj", "attr"} and head.head.pos_ in {"VERB", "AUX"}:
                    return self.subjects(head.head, depth + 1)
                return []
            return self.r.actors(head)
        return []

    # -- nouns -------------------------------------------------------------------------------
    def _noun(self, n, sent, lemma: str) -> list[Found]:
        entry = self.lex["nouns"][lemma]
        if entry.get("plural_only") and n.tag_ not in {"NNS", "NNPS"}:
            return []
        if n.dep_ == "compound" and n.head.lemma_.lower() in self.lex["nouns"]:
            return []  # "summit meeting": the head noun speaks for both
        if self._inside_encounter(n):
            return []  # "met in Tokyo for the 19th Summit between Japan and the EU": one encounter
        kind = entry["kind"]
        preps = [p for p in n.children if p.dep_ == "prep"]
        left = self._possessors(n) + self._compounds(n)
        groups: list[list[Referent]] = []
        joint = self._joint(n)
        separate = n.tag_ in {"NNS", "NNPS"} or any(c.lower_ in _SEPARATE for c in n.children)
        destinations: list[Referent] = []
        complete = False  # "between" names every party
        for p in preps:
            word = p.lower_
            objs = [r for o in p.children if o.dep_ == "pobj" for r in self.r.actors(o, places=word == "to")]
            if word == "to" and lemma in self.lex["visit_nouns"]:
                destinations += [r for r in objs if self._is_destination(r)]
            elif word == "between":
                phrases = [g for o in p.children if o.dep_ == "pobj" for g in self.r.actor_groups(o)]
                groups.append([r for g in self._longer_list(phrases, p) for r in g])
                complete = True
            elif word == "with":
                phrases = [g for o in p.children if o.dep_ == "pobj" for g in self.r.actor_groups(o)]
                phrases = self._longer_list(phrases, p)
                if separate and not joint:
                    groups += [[r] for g in phrases for r in g]
                else:
                    groups.append([r for g in phrases for r in g])
            elif word == "of":  # "the visit of Gaddafi", "a gathering of the leaders of ...", not "meetings of the OAS"
                left += [r for r in objs if r.via != "name" or self._type(r) == "Person"]
        series = False
        head = n
        while head.dep_ == "conj" and head.head.pos_ in {"NOUN", "PROPN"}:
            head = head.head  # "a meeting and dinner with X": the clause holds the first noun
        if head.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.lemma_.lower() in {"round", "series", "set"}:
            head, series = head.head.head, True  # "four rounds of talks"
        left += self._clause_parties(n, head, groups, bool(left) or complete)
        groups = [g for g in groups if g]
        # "a meeting with leaders from A, B, C, ...": the countries only make up a grouping (named
        # or not); the grouping, if the text names one, is the party
        groups = [
            g for g in groups if not (len(g) >= 3 and all(r.via != "name" and self._type(r) == "Country" for r in g))
        ]
        out: list[Found] = []
        if destinations and left:
            out += self._visits(_unique(left, self.table), destinations, n, sent, by_verb=False, series=series)
        if groups:
            for g in groups:
                parties = _unique([*left, *g], self.table)
                if len(parties) >= 2:
                    out.append(self._found(parties, kind, n, sent, by_verb=False, series=series))
        elif not destinations and lemma not in self.lex["needs_partner"]:
            parties = _unique(left, self.table)
            if len(parties) >= 2:
                out.append(self._found(parties, kind, n, sent, by_verb=False, series=series))
        return out

    def _possessors(self, n) -> list[Referent]:
        return [r for c in n.children if c.dep_ == "poss" for r in self.r.actors(c)]

    def _compounds(self, n) -> list[Referent]:
        """Names joined before the noun: "the Mugabe-Tsvangirai meeting", "U.S.-China summit"."""
        out: list[Referent] = []
        for c in n.children:
            if c.i < n.i and c.dep_ in {"compound", "nmod", "amod", "npadvmod"}:
                for t in c.subtree:
                    m = self.r.at.get(t.i)
                    if m is not None and self.r.is_actor(m):
                        r = Referent(m, via="name", token=t.i)
                        if all(name_of(r, self.table) != name_of(o, self.table) for o in out):
                            out.append(r)
        return out

    def _clause_parties(self, n, head, groups, has_left: bool) -> list[Referent]:
        """Parties the clause around the noun adds: the subject of "held talks" or of "cancelled
        a meeting with X", a relative clause's subject ("the meeting that Kerry had with Lavrov"),
        or the subject of the clause a phrase hangs from ("During a meeting with X, Y said")."""
        for c in n.children:
            if c.dep_ in {"relcl", "acl"} and c.lemma_.lower() in self.lex["light"]:
                subj = [r for s in c.children if s.dep_ in SUBJECT_DEPS for r in self.r.actors(s)]
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ == "with":
                        groups.append([r for o in p.children if o.dep_ == "pobj" for r in self.r.actors(o)])
                if subj:
                    return subj
        if has_left:
            return []
        gov = head.head
        one_sided = len([g for g in groups if g]) == 1
        if head.dep_ in {"dobj", "attr"} and gov.pos_ in {"VERB", "AUX"}:
            lemma = gov.lemma_.lower()
            if lemma in self.lex["light"] or (lemma in self.lex["arranging"] and one_sided):
                for p in gov.children:  # "held talks on Monday with X"
                    if p.dep_ == "prep" and p.lower_ == "with" and not groups:
                        groups.append([r for o in p.children if o.dep_ == "pobj" for r in self.r.actors(o)])
                return self.subjects(gov)
            if lemma in self.lex["arranging"] and not any(groups):  # "X and Y agreed to reschedule the dialogue"
                subj = self.subjects(gov)
                return subj if len(subj) >= 2 else []
        if head.dep_ == "pobj" and one_sided and gov.dep_ == "prep":
            prep = gov.lower_
            verb = gov.head if gov.head.pos_ in {"VERB", "AUX"} else None
            if verb is None and gov.head.dep_ in {"prep", "advmod"} and gov.head.head.pos_ in {"VERB", "AUX"}:
                verb, prep = gov.head.head, gov.head.lower_  # "ahead of", "prior to"
            if verb is not None and prep in _PURPOSE_PREPS:
                return self.subjects(verb)
        return []

    def _longer_list(self, phrases: list[list[Referent]], prep) -> list[list[Referent]]:
        """The parse's reading of a with/between phrase, or the word-order reading when that
        finds every name the parse found and more."""
        parsed = [[r for r in g if not self._is_site(r)] for g in phrases]
        names = {name_of(r, self.table) for g in parsed for r in g}
        listed = [r for r in self.r.listed(prep) if not self._is_site(r)]
        if names < {name_of(r, self.table) for r in listed}:
            return [[r] for r in listed]
        return parsed

    def _inside_encounter(self, n) -> bool:
        """Whether the noun names the occasion of an encounter its sentence already told with a
        verb ("met ... for the summit", "spoke ... during the conference call")."""
        node = n
        for _ in range(3):
            if node.dep_ not in {"pobj", "prep", "dobj", "npadvmod"} or node.head.i == node.i:
                return False
            node = node.head
            if node.pos_ in {"VERB", "AUX"}:
                return node.i in self._fired and node.lemma_.lower() in self.lex["verbs"]
        return False

    # -- helpers -----------------------------------------------------------------------------
    def _type(self, r: Referent) -> str | None:
        if r.mention is None:
            return "Country"
        return "Country" if r.mention.metonym else self.table.type(r.mention)

    def _is_site(self, r: Referent) -> bool:
        """A city or venue named as such (not a capital standing for its country)."""
        return r.mention is not None and not r.mention.metonym and self.table.type(r.mention) in {"City", "Place"}

    def _is_destination(self, r: Referent) -> bool:
        """A place one can visit: a site, or a country by its name."""
        return self._is_site(r) or (r.via == "name" and self._type(r) == "Country")

    def _joint(self, tok) -> bool:
        return any(c.lower_ in _JOINT for c in tok.children)


def _reciprocal(tok) -> bool:
    return tok.lower_ == "other" and any(c.lower_ == "each" for c in tok.children)


def _unique(parties: list[Referent], table: EntityTable) -> list[Referent]:
    out: list[Referent] = []
    for r in parties:
        name = name_of(r, table)
        if name is not None and all(name != name_of(o, table) for o in out):
            out.append(r)
    return out
