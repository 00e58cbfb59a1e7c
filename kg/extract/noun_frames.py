"""Encounter nouns and their frames: who met whom when the predicate is a noun.

A noun takes its possessor ("Clinton's meetings with"), a with/between/of phrase, compound names
("the Mugabe-Tsvangirai meeting", "the U.S.-China summit"), the subject of the verb that holds
it ("held talks with", "cancelled a meeting with"), a relative clause's subject ("the meeting
that Kerry had with Lavrov"), or the subject of the clause its phrase hangs from ("During her
meeting with X, Merkel said"). A visit noun takes its destinations ("her trip to Japan, South
Korea and China": three visits). A noun that only names the occasion of a verb's encounter
("met ... for the 19th Summit") adds no encounter of its own.
"""

from __future__ import annotations

from kg.extract.discourse import Referent, name_of
from kg.extract.frames import Found, Frames, unique
from kg.extract.parties import SUBJECT_DEPS
from kg.extract.status import lemma_of as status_lemma
from kg.extract.verb_frames import VerbFrames

_SEPARATE = frozenset({"separate", "separately", "individual", "respective", "bilateral"})
_PURPOSE_PREPS = frozenset({"during", "after", "following", "before", "at", "in", "on", "since", "for", "from", "ahead", "prior", "until", "upon"})  # fmt: skip


class NounFrames(Frames):
    """Reads encounter nouns, with the verb reader for subjects and visits."""

    def __init__(self, verbs: VerbFrames):
        super().__init__(verbs.r, verbs.discourse)
        self.verbs = verbs

    def __call__(self, n, sent, lemma: str) -> list[Found]:
        entry = self.lex["nouns"][lemma]
        if entry.get("plural_only") and n.tag_ not in {"NNS", "NNPS"}:
            return []
        if n.dep_ == "compound" and n.head.lemma_.lower() in self.lex["nouns"]:
            return []  # "summit meeting": the head noun speaks for both
        if self._inside_encounter(n):
            return []  # "met in Tokyo for the 19th Summit between Japan and the EU": one encounter
        kind = entry["kind"]
        left, groups, destinations, complete = self._phrases(n, lemma)
        series = False
        head = n
        while head.dep_ == "conj" and head.head.pos_ in {"NOUN", "PROPN"}:
            head = head.head  # "a meeting and dinner with X": the clause holds the first noun
        if (
            head.dep_ == "pobj"
            and head.head.lower_ == "of"
            and head.head.head.lemma_.lower() in {"round", "series", "set"}
        ):
            head, series = head.head.head, True  # "four rounds of talks"
        left += self._clause_parties(n, head, groups, bool(left) or complete)
        # "a meeting with leaders from A, B, C, ...": the countries only make up a grouping (named
        # or not); the grouping, if the text names one, is the party
        groups = [
            g
            for g in groups
            if g and not (len(g) >= 3 and all(r.via != "name" and self._type(r) == "Country" for r in g))
        ]
        out: list[Found] = []
        if destinations and left:
            out += self.verbs.visits(unique(left, self.table), destinations, n, sent, by_verb=False, series=series)
        for g in groups:
            parties = unique([*left, *g], self.table)
            if len(parties) >= 2:
                out.append(self.found(parties, kind, n, sent, by_verb=False, series=series))
        if not groups and not destinations and lemma not in self.lex["needs_partner"]:
            parties = unique(left, self.table)
            if len(parties) >= 2:
                out.append(self.found(parties, kind, n, sent, by_verb=False, series=series))
        if not out and not destinations and self._definite(n):
            out += self._told_before(n, sent, kind)
        return out

    def _phrases(self, n, lemma: str):
        """The parties the noun's own phrases name: (one side, counterparts, destinations,
        whether "between" named them all)."""
        # "a U.S. delegation": the country a delegation comes from is no party of its visit
        left = self._possessors(n) + (self._compounds(n) if lemma != "delegation" else [])
        groups: list[list[Referent]] = []
        separate = (n.tag_ in {"NNS", "NNPS"} and not self.lex["nouns"][lemma].get("plural_only")) or any(
            c.lower_ in _SEPARATE for c in n.children
        )  # "separate meetings with A and B"; "talks with A and B" are one round
        destinations: list[Referent] = []
        complete = False
        preps = [c for c in n.children if c.dep_ == "prep"]
        for c in n.children:  # "a meeting Beijing had requested with X": the meeting's with-phrase
            if c.dep_ in {"relcl", "acl"} and c.lemma_.lower() not in self.lex["light"]:
                preps += [p for p in c.children if p.dep_ == "prep" and p.lower_ == "with"]
        if lemma in self.lex["visit_nouns"] and n.dep_ == "dobj" and n.head.lemma_.lower() in self.lex["light"]:
            preps += [c for c in n.head.children if c.dep_ == "prep" and c.lower_ == "to"]  # "led delegations to"
        for p in (p for c in preps for p in (c, *c.conjuncts)):
            word = p.lower_
            objects = [o for o in p.children if o.dep_ == "pobj"]
            if word in {"to", "in"} and lemma in self.lex["visit_nouns"]:  # "a visit to Japan", "a stop in Israel"
                found = [r for o in objects for r in self.r.actors(o, places=True)]
                destinations += [r for r in found if self._is_destination(r)]
                if word == "to":  # "a visit to the EUFOR operation"
                    groups += [[r] for r in found if self._type(r) == "Organization"]
            elif word in {"between", "with"}:
                phrases = self.longer_list([g for o in objects for g in self.r.actor_groups(o)], p)
                if word == "with" and separate and not self._joint(n):
                    groups += self.separate(phrases)
                else:
                    groups.append([r for g in phrases for r in g])
                complete = complete or word == "between"
            elif word == "of":  # "the visit of Gaddafi", "a gathering of the leaders of ...", not "meetings of the OAS"
                left += [r for o in objects for r in self.r.actors(o) if r.via != "name" or self._type(r) == "Person"]
            elif word == "including":  # "a delegation ..., including Secretary Pritzker"
                left += [r for o in objects for r in self.r.actors(o)]
            elif word == "in" and any(o.lemma_.lower() == "presence" for o in objects):  # "in the presence of"
                left += [
                    r
                    for o in objects
                    for q in o.children
                    if q.lower_ == "of"
                    for x in q.children
                    for r in self.r.actors(x)
                ]
        return left, groups, destinations, complete

    def _definite(self, n) -> bool:
        """ "the talks", "this meeting": a definite event word with no name of its own."""
        if not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these"} for c in n.children):
            return False  # "the long-running talks", "the G20 summit": another, named or described, event
        return not any(c.i < n.i and c.dep_ in {"compound", "nmod", "poss", "amod", "nummod"} for c in n.children)

    def _told_before(self, n, sent, kind: str) -> list[Found]:
        """ "The talks, held at the Palacio ...", "King Abdullah will also attend the summit": a
        definite event word that names too few parties is the encounter told just before (of the
        same kind if there is one), and whoever attends, joins or hosts it joins that encounter.
        A trip to several countries is several visits: "the trip" takes up none of them."""
        told = self.discourse.antecedent(self.r.char(n), kind, near=600, far=1500)
        if told is None:
            return []
        meetings, recent_kind, recent_status, where = told
        hosts = [p for parties in meetings for p in parties if p.via == "host"]
        if len({name_of(h, self.table) for h in hosts}) > 1:
            return []
        joining = self._joiners(n)
        out = []
        for recent in meetings:
            parties = unique([*recent, *joining], self.table)
            if len(parties) >= 2:
                found = self.found(parties, recent_kind, n, sent, by_verb=False)
                found.extends, found.status, found.anchor = True, recent_status, where
                out.append(found)
        return out

    def _joiners(self, n) -> list[Referent]:
        """Who attends, joins or hosts the event a noun names ("also attended the Summit")."""
        gov = n.head
        if n.dep_ == "pobj" and gov.dep_ == "prep":  # "took part in the talks", "participated in the summit"
            gov = gov.head
        elif n.dep_ not in {"dobj", "attr"}:
            return []
        if gov.pos_ in {"VERB", "AUX"} and status_lemma(gov) in self.lex["joining"]:
            return self.verbs.subjects(gov)
        return []

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
        visiting = n.lemma_.lower() in self.lex["visit_nouns"]
        for c in n.children:
            planned = visiting and c.lemma_.lower() in self.lex["travel_plan"]  # "a visit that Ruiz had planned"
            if c.dep_ in {"relcl", "acl"} and (c.lemma_.lower() in self.lex["light"] or planned):
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
            if lemma in self.lex["attending"] and not any(groups):
                return []  # "Russia and India will join the summit": attendees of an event; "X and Y led talks" is theirs
            if (
                lemma in self.lex["light"]
                or (lemma in self.lex["arranging"] and one_sided)
                or (visiting and lemma in self.lex["travel_plan"] and not any(groups))
            ):  # "called off a visit to Caracas": the visit is the subject's
                for p in gov.children:  # "held talks on Monday with X"
                    if p.dep_ == "prep" and p.lower_ == "with" and not groups:
                        groups.append([r for o in p.children if o.dep_ == "pobj" for r in self.r.actors(o)])
                return self.verbs.subjects(gov)
            if (
                lemma in self.lex["arranging"] and not any(groups) and n.lemma_.lower() not in self.lex["visit_nouns"]
            ):  # "X and Y agreed to reschedule the dialogue"
                subj = self.verbs.subjects(gov)
                return subj if len(subj) >= 2 else []
        # "who is on an official visit to Pakistan"
        if head.dep_ == "pobj" and (one_sided or visiting) and gov.dep_ == "prep":
            prep = gov.lower_
            verb = gov.head if gov.head.pos_ in {"VERB", "AUX"} else None
            if verb is None and gov.head.dep_ in {"prep", "advmod"} and gov.head.head.pos_ in {"VERB", "AUX"}:
                verb, prep = gov.head.head, gov.head.lower_  # "ahead of", "prior to"
            if verb is not None and prep in _PURPOSE_PREPS:
                return self.verbs.subjects(verb)
        if head.dep_ == "pobj" and not any(groups) and gov.dep_ == "prep" and gov.head.pos_ in {"VERB", "AUX"}:
            subjects = self.verbs.subjects(gov.head)  # "X and Y discussed trade at a meeting on Thursday"
            return subjects if len(subjects) >= 2 and gov.lower_ in {"at", "during", "in"} else []
        return []

    def _inside_encounter(self, n) -> bool:
        """Whether the noun names the occasion of an encounter its sentence already told with a
        verb ("met ... for the summit", "spoke ... during the conference call")."""
        node = n
        for _ in range(3):
            if node.dep_ not in {"pobj", "prep", "dobj", "npadvmod"} or node.head.i == node.i:
                return False
            node = node.head
            if node.pos_ in {"VERB", "AUX"}:
                if self.verbs._travels(node) and any(c.dep_ == "prep" and c.lower_ == "with" for c in n.children):
                    return False  # "arrived in Lima for talks with X": the trip's purpose, another encounter
                return node.i in self.verbs.fired and node.lemma_.lower() in self.lex["verbs"]
        return False
