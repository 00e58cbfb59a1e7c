"""Encounter verbs and their frames: who met whom when the predicate is a verb.

A verb takes its subject and an object ("met Tajani"), a with/to/between phrase ("met on
Thursday with", "spoke to"), or a coordinated subject alone ("Merz and Meloni met"); a passive
verb takes its agent ("were received by the Secretary"). Travelling to a place, or visiting it,
is an encounter with the place's country ("travelled to Ankara"), one per country. Several
counterparts are separate encounters ("will meet with A and B") unless the text says they met
together ("jointly", "between A, B and C"). The doers of a verb with no subject of its own are
found up the tree: an infinitive's controller ("agreed to meet", "invited Obama to visit"), a
conjoined verb's subject, the noun a relative clause hangs from.
"""

from __future__ import annotations

from kg.extract.coordination import comma_subjects
from kg.extract.discourse import Referent, country_of, name_of
from kg.extract.frames import Found, Frames, reciprocal, unique
from kg.extract.parties import SUBJECT_DEPS


class VerbFrames(Frames):
    """Reads encounter verbs; also the subjects and visits the noun reader needs."""

    fired: set[int]  # the verbs of the current sentence that told an encounter

    def __call__(self, v, sent, lemma: str) -> list[Found]:
        entry = self.lex["verbs"][lemma]
        frames = set(entry["frames"])
        kind = self._kind(v, entry, frames)
        if kind is None:
            return []
        subjects = self.subjects(v)
        groups, destinations = self._objects(v, entry, frames)
        if any(c.dep_ in {"auxpass", "nsubjpass"} for c in v.children):  # "were received by the Secretary"
            objects = [r for c in v.children if c.dep_ == "nsubjpass" for r in self.r.actors(c)]
            agents = [r for c in v.children if c.dep_ == "agent" for p in c.children for r in self.r.actors(p)]
            subjects, groups = agents, [[o] for o in objects]
        preps: dict[str, list] = {}
        for p in self._preps(v):
            for q in (p, *p.conjuncts):  # "will meet with A and with B"
                preps.setdefault(q.lower_, []).append(q)
        groups += self._counterparts(v, frames, preps)
        extra: list[Found] = []
        if "destination" in frames or "guest" in frames:
            found = [r for w in ("to", "in", "into") for p in preps.get(w, []) for r in self._places(p)]
            if "destination" in frames:
                destinations += found
            elif found and groups:  # "welcomed Chavez to Cuba": the guest visits
                extra = self.visits([r for g in groups for r in g], found, v, sent, by_verb=True)
        if kind == "visit" and "with" not in frames:  # "will visit Moscow with Gates": companions
            subjects = subjects + self._companions(preps.get("with", []))
        out = self._groups(subjects, groups, kind, v, sent, by_verb=True, joint_frame="joint" in frames)
        if destinations and subjects:
            out += self.visits(subjects, destinations, v, sent, by_verb=True)
        return out + extra

    def _companions(self, withs) -> list[Referent]:
        return [r for p in withs for o in p.children if o.dep_ == "pobj" for r in self.r.actors(o)]

    def _travels(self, v) -> bool:
        """A verb of travel that takes no counterpart behind "with" ("visit", "travel")."""
        entry = self.lex["verbs"].get(self.lex["verb_forms"].get(v.lower_, v.lemma_.lower()))
        return entry is not None and entry["kind"] == "visit" and "with" not in entry["frames"]

    def _kind(self, v, entry: dict, frames: set[str]) -> str | None:
        """The kind of encounter the verb tells here, or None when this use of it tells none."""
        particles = {c.lower_ for c in v.children if c.dep_ == "prt"}
        if entry.get("particle") and entry["particle"] not in particles:
            return None
        if particles & set(entry.get("not_particles", ())) or v.dep_ in {"aux", "auxpass"}:
            return None
        if entry.get("modals") and not any(c.dep_ == "aux" and c.lower_ in entry["modals"] for c in v.children):
            return None  # "will be in Skopje" announces a visit; "was in Malaysia" tells no encounter
        if "on" in frames and "on" in particles | {c.lower_ for c in v.children if c.dep_ == "prep"}:
            if any(t.tag_ == "VB" and any(c.lower_ == "to" for c in t.children) for t in v.subtree):
                return None  # "called on X to act": a demand, no encounter
            return "meeting"  # "called on the President": a courtesy call in person
        return entry["kind"]

    def _objects(self, v, entry: dict, frames: set[str]) -> tuple[list[list[Referent]], list[Referent]]:
        """Counterparts and visited places the verb's direct object names."""
        groups: list[list[Referent]] = []
        destinations: list[Referent] = []
        if "object" not in frames and "place" not in frames:
            return groups, destinations
        allowed = entry.get("object_types")
        for c in v.children:
            if c.dep_ not in {"dobj", "dative"}:
                continue
            if c.lower_ in {"each", "one"} or reciprocal(c):
                groups.append([])
                continue
            for group in self.r.actor_groups(c, places="place" in frames):
                if "place" in frames and all(self._is_destination(r) for r in group):
                    destinations += group
                    continue
                kept = [r for r in group if not self._is_site(r) and (allowed is None or self._type(r) in allowed)]
                groups += self.separate([kept])
        return groups, destinations

    def _counterparts(self, v, frames: set[str], preps: dict[str, list]) -> list[list[Referent]]:
        """Counterparts behind with/to/between/on: each named one a meeting of its own, unless
        "between" or "jointly" makes them one."""
        groups: list[list[Referent]] = []
        for word in ("with", "to", "between", "on"):
            for prep in preps.get(word, []) if word in frames else []:
                phrases = [g for p in prep.children if p.dep_ == "pobj" for g in self.r.actor_groups(p)]
                phrases = self.longer_list(phrases, prep)
                if word == "between" or self._joint(v):
                    groups.append([r for g in phrases for r in g])
                else:
                    groups += self.separate(phrases)
        return groups

    def _coordinated_in(self, subject) -> list[Referent]:
        """Persons coordinated inside a subject the parser built wrongly ("The ... chairman
        Prachanda and Nepal Prime Minister Koirala resumed"): the persons of a subject phrase
        that holds "and", outside possessors and of-phrases."""
        tokens = list(subject.subtree)
        if not any(t.dep_ == "cc" for t in tokens):
            return []
        out = []
        for t in tokens:
            m = self.r.at.get(t.i)
            if (
                m is None
                or m.in_title
                or self.table.type(m) != "Person"
                or any(a.dep_ in {"poss", "pobj"} for a in _path(t, subject))
            ):
                continue
            out.append(Referent(m, via="name", token=t.i))
        return out

    def _preps(self, v) -> list:
        """The verb's prepositional phrases, with the with-phrases the parser hung on its object
        or on a place, time or means phrase ("discussed aid with B", "met in Doha with B", "spoke
        by telephone with B")."""
        own = [c for c in v.children if c.dep_ == "prep"]
        # ... but "discussed the negotiations with Iran": those are negotiations with Iran
        hosts = [c for c in v.children if c.dep_ in {"dobj", "npadvmod"} and c.lemma_.lower() not in self.lex["nouns"]]
        hosts += [
            o
            for c in own
            if c.lower_ in {"in", "at", "on", "by", "via", "over"}
            for o in c.children
            if o.dep_ == "pobj"
        ]
        return own + [c for o in hosts for c in o.children if c.dep_ == "prep" and c.lower_ == "with"]

    def _places(self, prep) -> list[Referent]:
        return [
            r
            for p in prep.children
            if p.dep_ == "pobj"
            for r in self.r.actors(p, places=True)
            if self._is_destination(r)
        ]

    def _groups(self, subjects, groups, kind, tok, sent, *, by_verb: bool, joint_frame: bool) -> list[Found]:
        out: list[Found] = []
        if self._joint(tok) and len(groups) > 1:
            groups = [[r for g in groups for r in g]]
        for g in groups:
            parties = unique([*subjects, *g], self.table)
            if not g and len(subjects) < 2:  # "met each other": the subjects, or those just named
                parties = self.discourse.plural(self.r.char(tok), self.r.char(tok) - 600) if not subjects else []
            if len(parties) >= 2:
                out.append(self.found(parties, kind, tok, sent, by_verb=by_verb))
        if not groups and joint_frame and len(subjects) >= 2:
            out.append(self.found(subjects, kind, tok, sent, by_verb=by_verb))
        return out

    def visits(self, visitors, places, tok, sent, *, by_verb: bool, series: bool = False) -> list[Found]:
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
            found = self.found([*visitors, host], "visit", tok, sent, by_verb=by_verb, series=series)
            found.destinations = cities_named if len(cities_named) == 1 else []
            out.append(found)
        return out

    def subjects(self, v, depth: int = 0) -> list[Referent]:
        """The doers of a verb: its subject, else the subject it shares (an infinitive's, a
        conjoined verb's) or the noun a relative or participle clause hangs from."""
        found: list[Referent] = []
        own = False  # a subject of its own, even one we cannot resolve: then no subject from above
        for c in v.children:
            if c.dep_ in SUBJECT_DEPS:
                own = True
                if c.tag_ in {"WP", "WDT"} or c.lower_ == "that":  # "X, who ..., and Y": the clause is X's
                    return self.r.actor_groups(v.head)[0] if v.dep_ == "relcl" and self.r.actor_groups(v.head) else []
                if c.dep_ == "nsubjpass" and v.dep_ not in {"xcomp", "ROOT"} and depth == 0:
                    continue
                found += self.r.actors(c) + self._coordinated_in(c)  # the small parser may attach them apart
                found += [r for t in comma_subjects(c) for r in self.r.actors(t)]  # "Biden, Xi to meet"
        if found or own:
            return unique(found, self.table)
        if depth > 4 or v.head.i == v.i:
            return []
        head = v.head
        if v.dep_ == "xcomp" and head.pos_ in {"VERB", "AUX"}:  # "invited Obama to visit": the object does it
            objects = [r for c in head.children if c.dep_ in {"dobj", "dative"} for r in self.r.actors(c)]
            if objects:
                return objects
        if v.dep_ == "advcl" and head.pos_ == "VERB" and self._travels(head):
            # "will visit Moscow with Gates to engage in talks": the companions take part too
            withs = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "with"]
            return unique(self.subjects(head, depth + 1) + self._companions(withs), self.table)
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
            found = self.r.actors(head)
            if not found and v.tag_ == "VBG":  # "pictures of Castro meeting Chavez": the gerund's doer
                found = [
                    r
                    for c in head.children
                    if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children
                    for r in self.r.actors(p)
                ]
            return found
        return []


def _path(tok, top) -> list:
    """The tokens from ``tok`` up to (not including) ``top``."""
    out = []
    while tok.i != top.i and tok.head.i != tok.i:
        out.append(tok)
        tok = tok.head
    return out
