"""Who a pronoun stands for, read over the dependency parse: the part of the participant reader
(kg.extract.parties) that looks up the clause a pronoun sits in.

- a singular pronoun outside a subject, or in a reported clause, is the person subject of the
  clause above it ("X said he would ...", "During her visit, X said"); else the last subject;
- a plural pronoun is the coordinated subject of the clause above it ("Kim and Trump signed ...
  at their summit"), else the parties just named.
"""

from __future__ import annotations

from functools import cache

from kg.extract.discourse import PLURAL, SINGULAR, Referent
from kg.extract.mentions import Mention
from kg.lexicons import party_words, title_words

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
LOOKBACK_CHARS = 600  # how far back an antecedent may lie (about three sentences of news)
UNKNOWN = Mention(-1, -1, "", "Person")  # an antecedent the text describes but does not name


@cache
def words() -> dict:
    return party_words()


class PronounReading:
    """Pronoun methods of ``kg.extract.parties.PartyReader``, which gives them ``char``,
    ``mention``, ``actors``, ``plural``, ``table`` and ``discourse``."""

    def pronoun(self, tok) -> list[Referent]:
        low = tok.lower_
        here = self.char(tok)
        back = here - LOOKBACK_CHARS
        if low in SINGULAR:
            m = None
            if tok.dep_ not in SUBJECT_DEPS or tok.head.dep_ in {"ccomp", "advcl"}:
                m = self.clause_subject(tok)  # "X said he would ...", "During her visit, X said"
                if m is UNKNOWN:
                    return []
            if m is None:
                m = self.discourse.last_subject(here, back) or self.discourse.only_person(here, back)
            return [Referent(m, via="pronoun", token=tok.i)] if m is not None else []
        if low in PLURAL:
            if tok.dep_ in SUBJECT_DEPS and tok.head.dep_ == "advcl":
                pair = self.coordination_above(tok)
                if pair is not None:
                    return [Referent(r.mention, r.name, "plural", tok.i) for r in pair]
            if tok.dep_ not in SUBJECT_DEPS:
                group = self.clause_subject_group(tok)
                if len(group) < 2:
                    group = self.object_above(tok)
                if len(group) >= 2:
                    return [Referent(r.mention, r.name, r.via if r.via == "delegation" else "plural", tok.i)
                            for r in group]  # fmt: skip
            return self.plural(tok)
        return []

    def clause_subject(self, tok) -> Mention | None:
        """The person subject of the nearest clause above ``tok`` ("During her visit, Merkel said")."""
        for verb in _verbs_above(tok):
            for child in verb.children:
                if child.dep_ in SUBJECT_DEPS and tok not in child.subtree:
                    m = self.mention(child)
                    if m is not None and not m.in_title and self.table.type(m) == "Person":
                        return m
                    if child.lower_ in SINGULAR:
                        continue
                    owner = self._person_possessor(child)
                    if owner is not None:  # "Ruiz's office said she had spoken": the one it speaks for
                        return owner
                    if child.lemma_.lower() in title_words() | words()["group_nouns"]:
                        return UNKNOWN  # "the ROK leader ... his talks": someone the text does not name
                    break  # not a person ("relations had developed since his visit"): look further up
        return None

    def _person_possessor(self, tok) -> Mention | None:
        for c in tok.children:
            if c.dep_ == "poss":
                m = self.mention(c)
                if m is not None and not m.in_title and self.table.type(m) == "Person":
                    return m
        return None

    def clause_subject_group(self, tok) -> list[Referent]:
        """The coordinated subject of the clause above ``tok`` ("Kim and Trump signed ... at their summit")."""
        for verb in _verbs_above(tok):
            for child in verb.children:
                if child.dep_ in SUBJECT_DEPS and tok not in child.subtree and child.lower_ not in PLURAL:
                    return self.actors(child)
        return []

    def object_above(self, tok) -> list[Referent]:
        """ "X hosted the two sides, after urging them to compromise": the object of a verb in an
        adjunct of a clause ("after/before/while V-ing them") takes up that clause's object, when it
        stands for two or more parties."""
        verb = tok.head
        if tok.dep_ != "dobj" or verb.dep_ not in {"pcomp", "advcl"}:
            return []
        main = verb.head.head if verb.dep_ == "pcomp" else verb.head
        for child in main.children:
            if child.dep_ == "dobj" and child.i < verb.i and tok not in child.subtree:
                group = self.actors(child)
                return group if len(group) >= 2 else []
        return []

    def coordination_above(self, tok) -> list[Referent] | None:
        """ "a welcome awaited the President and his family when they visit": a plural subject of an
        adverbial clause takes up a coordination of the clause it modifies (its named members only);
        None when that clause coordinates nothing."""
        main = tok.head.head
        for child in main.children:
            if (
                child.i < tok.i
                and child.dep_ in {"dobj", "nsubj", "nsubjpass"}
                and any(c.dep_ == "conj" for c in child.children)
            ):
                return self.actors(child)
        return None


def _verbs_above(tok, limit: int = 8):
    node = tok
    for _ in range(limit):
        if node.head.i == node.i:
            return
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            yield node
