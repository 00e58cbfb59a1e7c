"""Relations beyond meetings, read off the dependency parse by cue lemmas that spec lexicons hold.

One engine serves every type in ``kg.facts.specs.specs()``; what differs between types is data:

- a **verb cue** ("condemn", "urge", "sanction") whose subject is the source and whose target
  sits in the slots its lexicon entry lists: the object (``dobj``), the object of a preposition
  (``prep:on``: "called on X"), the possessor of the object (``poss``: "rejected Kyiv's
  proposal"), the subject of a demanded clause (``ccomp_subj``), an indirect object (``dative``);
- a **noun cue** under a light verb ("imposed sanctions on X", "expressed concern about X's
  conduct", "reaffirmed support for X"): the light verb's subject is the source;
- a **symmetric** type (AGREE) takes its parties from the subject's conjuncts and "with".

Facts of English news the engine states, whatever the type:

- the target of a phrase is the party it names, else whose the thing named is ("Russia's
  strikes"; see ``kg.extract.relation_parties``, which also makes a seat of government speak for
  its country);
- a message acts for whoever issued it ("issued a statement calling on X");
- one clause, one relation: a cue inside the complement of another cue ("urged Y to sanction Z",
  "threatened to impose sanctions") is the content of that act, not an act of its own;
- a passive clause turns the roles: "X was condemned by Y" is Y -> X; with no "by" it names no source;
- status and date come from ``kg.extract.relation_status``; where a slot sits in the parse, and
  which reported clauses are demands, allegations or conditions, from ``kg.extract.relation_slots``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache

from kg.extract.coordination import comma_subjects
from kg.extract.discourse import Referent, name_of
from kg.extract.heads import DelegationHeads
from kg.extract.parties import SUBJECT_DEPS, PartyReader, count_of
from kg.extract.relation_parties import RelationParties
from kg.extract.relation_slots import (
    COMPLEMENTS,
    inside_another_cue,
    issuing_verb,
    names_consequence,
    objects_of,
    slot_tokens,
)
from kg.extract.relation_status import act_date, act_status
from kg.facts.models import Evidence, Relation
from kg.facts.specs import RelationSpec, specs
from kg.lexicons import clause_words, status_cues

_BODY_REACH = 80  # tokens back an "it" may reach for its country or body
_SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson", "mouthpiece"})
_CLIMB = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep", "advmod", "acomp"})  # climbing to a subject


@dataclass(frozen=True)
class Cue:
    """One cue word of one relation type, as its lexicon states it; ``objects`` (the object
    lemmas it needs, a list in the entry or the name of one in the lexicon), ``symmetric`` and
    ``deals`` are read once when the index is built."""

    spec: RelationSpec
    entry: dict
    objects: frozenset[str] | None = None
    symmetric: bool = False
    deals: frozenset[str] = frozenset()  # the lexicon's "deal_nouns" ("agreed to a ceasefire")

    @classmethod
    def of(cls, spec: RelationSpec, entry: dict) -> Cue:
        lex, words = spec.cues(), entry.get("objects")
        objects = None if words is None else frozenset(lex.get(words, []) if isinstance(words, str) else words)
        return cls(spec, entry, objects, bool(lex.get("symmetric")), frozenset(lex.get("deal_nouns", [])))


def cue_index() -> tuple[dict[str, list[Cue]], dict[str, list[Cue]]]:
    """(verb lemma -> cues, noun lemma -> cues) over every spec's lexicon."""
    return _cue_index(os.environ.get("KG_RELATIONS", ""))


@cache
def _cue_index(extra_specs: str) -> tuple[dict[str, list[Cue]], dict[str, list[Cue]]]:
    """Built once per set of spec folders (``$KG_RELATIONS`` names the extra ones)."""
    verbs: dict[str, list[Cue]] = {}
    nouns: dict[str, list[Cue]] = {}
    for s in specs():
        lex = s.cues()
        for lemma, entry in lex.get("verbs", {}).items():
            verbs.setdefault(lemma, []).append(Cue.of(s, entry))
        for lemma, entry in lex.get("nouns", {}).items():
            nouns.setdefault(lemma, []).append(Cue.of(s, entry))
    return verbs, nouns


class RelationReader(RelationParties):
    """Relations of the sentences of one parsed view (see ``PartyReader``)."""

    def __init__(self, reader: PartyReader, text: str, speaks_for: dict[str, str] | None = None, published=None,
                 heads: DelegationHeads | None = None):  # fmt: skip
        self.reader = reader
        self.heads = heads  # who "the two sides" are
        self.published = published
        self.speaks_for = speaks_for or {}  # a spokesperson -> the body or country they speak for
        self.text = text  # the document's own text: evidence is quoted from it, never from a recased view
        self.verbs, self.nouns = cue_index()
        self.dashed = [(s, frozenset(s.cues()["dash_pair_nouns"])) for s in specs() if "dash_pair_nouns" in s.cues()]
        self.outcomes = [(s, s.cues()["outcomes"], frozenset(s.cues().get("deal_nouns", ())))
                         for s in specs() if "outcomes" in s.cues()]  # fmt: skip
        self._names: set[str] | None = None
        self._body: tuple[int, Referent] | None = None  # (sentence start, the body "it" may take up)
        self._accused: tuple[int, str, str] | None = None  # (sentence end, accuser, accused) of the last ACCUSE

    def __call__(self, sent) -> list[Relation]:
        out: list[Relation] = []
        self._note_body(sent)
        for tok in sent:
            lemma = tok.lemma_.lower()
            if tok.pos_ in {"VERB", "AUX"} or (tok.pos_ == "NOUN" and tok.tag_ == "VB"):
                for cue in self.verbs.get(lemma, ()):
                    out += self._verb(cue, tok, sent)
            if tok.pos_ in {"NOUN", "PROPN"} and tok.i - sent.start >= 3:
                out += self._dash_pair(tok, sent)
            if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ in {"dobj", "pobj", "nsubjpass"}:
                for cue in self.nouns.get(lemma, ()):
                    out += self._noun(cue, tok, sent)
                if tok.dep_ == "pobj":
                    out += self._outcome(tok, sent)
        for r in out:
            if r.type == "ACCUSE":
                self._accused = (sent.end, r.source, r.target)
        return out  # one report per act and document: pipeline.first_reports

    # -- cues --------------------------------------------------------------------------------
    def _verb(self, cue: Cue, verb, sent) -> list[Relation]:
        entry = cue.entry
        if inside_another_cue(verb, self.verbs) or not self._admits(cue, verb):
            return []
        if cue.symmetric:
            return self._symmetric(cue, verb, verb, sent)
        sources, passive = self._sources(verb)
        if entry.get("reports"):  # "X said Y should": an official's demand, not a passer-by's view
            sources = [r for r in sources if self._official(r)]
        targets = self._slots(verb, entry.get("target", []), first=bool(entry.get("first_slot")))
        if not targets and entry.get("answers_accusation"):
            targets = self._answered(verb, sources, sent)
        if passive:
            # "X was condemned by Y"; "Tbilisi's bid is opposed by Moscow": whose the thing is
            targets = [r for c in verb.children if c.dep_ == "nsubjpass" for r in self.actors(c) or self._owner(c)]
        return self._pairs(cue, verb, sources, targets, sent)

    def _answered(self, verb, sources: list[Referent], sent) -> list[Referent]:
        """ "X maintains Iran has a secret program. Tehran denies this": a denial of "this" or of an
        unowned charge by the one just accused, in the next sentence, rejects the accuser."""
        if self._accused is None or not 0 <= sent.start - self._accused[0] <= 1:  # the very next sentence
            return []
        _, accuser, accused = self._accused
        answered = clause_words()["answered_objects"]
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in answered]
        names = {name_of(r, self.reader.table) for r in sources}
        return [Referent(None, accuser, "answer", verb.i)] if objects and accused in names else []

    def _admits(self, cue: Cue, verb) -> bool:
        """Whether the clause has the shape the cue's entry asks for (its complement, preposition,
        objects), so that "told X that ..." or "agreed to meet" is no act of that type."""
        entry = cue.entry
        comps = [c for c in verb.children if c.dep_ in COMPLEMENTS]
        preps = {c.lower_ for c in verb.children if c.dep_ == "prep"}
        if entry.get("complement") == "required" and not (
            comps or names_consequence(verb, entry.get("consequences", [])) or self._deal_prep(verb, cue)
        ):
            return False
        if entry.get("no_infinitive") and any(c.dep_ == "xcomp" for c in comps):
            if not names_consequence(verb, entry.get("consequences", [])):
                return False  # "warned X not to interfere" asks; it names no consequence
        if entry.get("complement") == "infinitive" and not any(c.dep_ == "xcomp" for c in comps):
            if entry.get("or_prep") not in preps:
                return False  # "told X to leave" asks; "told X that ..." reports; "asked X for a loan" asks
        if entry.get("requires_prep") and entry["requires_prep"] not in preps:
            return False
        if entry.get("particle") and not any(c.dep_ == "prt" and c.lower_ == entry["particle"] for c in verb.children):
            return False  # "lashed out at X"; "turned down the offer"
        allowed = entry.get("only_complements")
        if allowed and comps and not any(c.lemma_.lower() in allowed for c in comps):
            return False  # "vowed to retaliate" threatens, "vowed to support" does not
        courtesies = set(entry.get("not_for", []))  # "thanked him for his hospitality": a courtesy
        if courtesies and any(
            w.lemma_.lower() in courtesies for t in slot_tokens(verb, "prep:for") for w in (t, *t.children)
        ):
            return False
        banned = set(entry.get("not_complements", []))
        if any(c.lemma_.lower() in banned for c in comps):
            return False
        if entry.get("no_that_clause") and any(c.dep_ == "ccomp" for c in comps):
            return False  # "agreed that the situation is grave": a shared view, no act
        return cue.objects is None or any(c.lemma_.lower() in cue.objects for c in objects_of(verb))

    def _deal_prep(self, verb, cue: Cue) -> bool:
        """ "agreed to a ceasefire", "agreed on a deal": a deal noun after one of the entry's prepositions."""
        words = cue.entry.get("or_deal_prep", [])
        return any(p.lemma_.lower() in cue.deals for w in words for p in slot_tokens(verb, f"prep:{w}"))

    def _noun(self, cue: Cue, noun, sent) -> list[Relation]:
        verb = noun.head if noun.dep_ == "dobj" else noun.head.head if noun.dep_ == "pobj" else noun.head
        lemma, verbs = verb.lemma_.lower(), set(cue.entry.get("verbs", []))
        received = lemma in set(cue.entry.get("received_with", []))
        if not (received or "*" in verbs or lemma in verbs) or inside_another_cue(verb, self.verbs):
            return []
        if cue.symmetric:
            return self._symmetric(cue, verb, noun, sent)
        if received:  # "Abbas has received support from the Arab League": the giver is the source
            givers = self._slots(noun, ["prep:from"]) or self._slots(verb, ["prep:from"])
            return self._pairs(cue, verb, givers, self._sources(verb)[0], sent)
        sources, _ = self._sources(verb)
        slots = cue.entry.get("target", [])
        targets = self._slots(noun, slots)
        if not targets and noun.dep_ == "dobj":  # "imposed tariffs on Chinese goods": the prep hangs on the verb
            targets = self._slots(verb, [s for s in slots if s.removeprefix("owner:").startswith("prep:")])
        return self._pairs(cue, verb, sources, targets, sent)  # the light verb carries the status

    def _symmetric(self, cue: Cue, verb, trigger, sent) -> list[Relation]:
        """One relation per pair of parties. The parties named "with" are each the subject's
        partners, not each other's ("seeking a treaty with the United States and South Korea")."""
        sides, partners = self._symmetric_parties(cue, verb, trigger)
        return self._symmetric_pairs(cue, trigger, sides, partners, sent)

    def _symmetric_pairs(self, cue: Cue, trigger, sides: list[Referent], partners: list[Referent], sent):
        table = self.reader.table
        side = list(dict.fromkeys(n for n in (name_of(r, table) for r in sides) if n))
        other = [n for n in dict.fromkeys(name_of(r, table) for r in partners) if n and n not in side]
        if not side:
            side, other = other, []
        pairs = [(a, b) for i, a in enumerate(side) for b in side[i + 1 :]] + [(a, b) for a in side for b in other]
        return [self._relation(cue, trigger, a, b, sent) for a, b in pairs]

    def _symmetric_parties(self, cue: Cue, verb, trigger) -> tuple[list[Referent], list[Referent]]:
        """(the parties acting together, the partners named "with") of a symmetric cue."""
        nominal = "*" in cue.entry.get("verbs", [])  # "welcomed the signing by A and B": the welcomer signs nothing
        sides = [] if nominal else self._sources(verb)[0]
        for subj in (c for c in verb.children if c.dep_ == "nsubj"):
            for t in (subj, *subj.conjuncts):
                sides += [r for a in t.children if a.dep_ == "appos" for r in self.reader.actors(a)
                          if r.via == "name" and self.reader.table.type(r.mention) == "Person"]  # fmt: skip
        sides += self._slots(verb, ["prep:between", *cue.entry.get("parties", [])])
        heads = [verb]
        heads += [p for c in verb.children if c.dep_ == "prep" and c.lower_ in {"under", "in"} for p in c.children
                  if p.lemma_.lower() in cue.deals]  # "Under a 2002 agreement with NATO, Russia agreed"  # fmt: skip
        for o in (c for c in verb.children if c.dep_ == "dobj"):  # "signed a memorandum of understanding with X"
            heads += [o, *(p for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children)]
        heads += [p for w in cue.entry.get("or_deal_prep", []) for p in slot_tokens(verb, f"prep:{w}")]
        if trigger is not verb:
            heads.append(trigger)
            sides += self._slots(trigger, ["prep:between", "prep:by"]) + self._object_agent(trigger)
        sides += [r for h in heads[1:] for r in self._slots(h, ["prep:between"])]
        partners = [r for h in heads for r in self._slots(h, ["prep:with"])]
        return sides, partners

    def _outcome(self, noun, sent) -> list[Relation]:
        """ "Talks between A and B ended without an agreement" (denied), "... ended with a deal"
        (asserted), "A and B are close to a deal" (hypothetical): a deal noun as what a meeting
        ended with, or as the goal its parties are near, is the parties' agreement."""
        prep, out = noun.head, []
        for spec, words, deals in self.outcomes:
            if noun.lemma_.lower() not in deals:
                continue
            head = prep.head
            if prep.lower_ in {"with", "without"} and head.lemma_.lower() in words["verbs"]:
                status, verb = ("denied" if prep.lower_ == "without" else None), head
            elif prep.lower_ == "to" and head.dep_ == "acomp" and head.lemma_.lower() in words["near"]:
                status, verb = "hypothetical", head.head
            else:
                continue
            if any(c.dep_ == "acl" and c.lemma_.lower() in words["not_about"] for c in noun.children):
                continue  # "ended with an agreement to meet again": a meeting to come, no deal
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            sides = self._sources(verb)[0] + [r for s in subjects for r in self._slots(s, ["prep:between"])]
            partners = [r for h in (noun, *subjects) for r in self._slots(h, ["prep:with"])]
            cue = Cue(spec, {"status": status} if status else {}, None, True)
            out += self._symmetric_pairs(cue, noun, sides, partners, sent)
        return out

    def _dash_pair(self, noun, sent) -> list[Relation]:
        """ "Rwanda–Congo Deal Signing", "the Peru-Chile accord": two parties joined by a dash before
        a deal noun are the deal's parties (a headline habit the parser cannot read)."""
        doc = noun.doc
        left, dash, right = doc[noun.i - 3], doc[noun.i - 2], doc[noun.i - 1]
        if dash.text not in {"–", "-", "—"} or right.lower_ == "-":
            return []
        names = [name_of(r, self.reader.table) for t in (left, right) for r in self.actors(t)[:1]]
        if len(names) != 2 or not all(names) or names[0] == names[1]:
            return []
        before = doc[max(sent.start, left.i - 3) : left.i].text.lower()
        ahead = any(before.endswith(a) for a in status_cues()["ahead"])  # "Ahead of Rwanda–Congo Deal Signing"
        out = []
        for spec, words in self.dashed:
            if noun.lemma_.lower() in words:
                cue = Cue(spec, {"status": "scheduled"} if ahead else {}, None, True)
                out.append(self._relation(cue, noun, names[0], names[1], sent))
        return out

    # -- parties -----------------------------------------------------------------------------
    def _sources(self, verb) -> tuple[list[Referent], bool]:
        """The subject's actors, climbing conjoined and complement verbs; whether the clause is passive."""
        node = verb
        messages = clause_words()["message_nouns"]
        for _ in range(6):
            subj = [c for c in node.children if c.dep_ in SUBJECT_DEPS]
            if subj and subj[0].lemma_.lower() in messages:  # "a statement from the ministry condemned"
                return self._owner(subj[0]), False
            if subj:
                if subj[0].dep_ == "nsubjpass" and node is verb:  # "are set to sign": the climb is no passive
                    agents = [p for c in node.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
                    return [r for a in agents for r in self.actors(a)], True
                if subj[0].lower_ == "it":  # "North Korea warned ... It is also seeking a treaty"
                    return (
                        [self._body[1]] if self._body and self._body[0] >= subj[0].sent.start - _BODY_REACH else []
                    ), False
                found = self._speaker(subj[0]) or self.actors(subj[0]) or self._title_body(subj[0])
                found = (found or self._body_speaking(subj[0])) + [
                    r for t in comma_subjects(subj[0]) for r in self.actors(t)
                ]
                return found, False
            issuer = issuing_verb(node)
            if issuer is not None:  # "issued a statement calling on X": whoever issued it
                node = issuer
                continue
            if node.dep_ not in _CLIMB or node.head.i == node.i:
                break
            node = node.head
        return [], False

    def _body_speaking(self, subj) -> list[Referent]:
        """ "Iran's foreign ministry", "the Chinese embassy", "a spokesman for the Russian defence
        ministry" acting: an unnamed office or spokesperson speaks for whose it is (``clauses.json``
        "speaking_bodies"); a named office ("the Russian Foreign Ministry") is its own party."""
        if subj.lemma_.lower() not in clause_words()["speaking_bodies"]:
            return []
        owners = self._owner(subj)
        for p in (p for c in subj.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children):
            owners = owners or self.actors(p) or self._owner(p)
        return owners

    def _official(self, r: Referent) -> bool:
        """A country, a body, or a person the text gives a title or who speaks for someone."""
        if r.mention is not None and self.reader.table.type(r.mention) != "Person":
            return True
        name = name_of(r, self.reader.table)
        return r.mention is None or bool(
            name and (self.reader.discourse.person_titles.get(name) or name in self.speaks_for)
        )

    def _note_body(self, sent) -> None:
        """The country or body a sentence's main clause has as subject, for an "it" that follows."""
        root = sent.root
        for subj in (c for c in root.children if c.dep_ == "nsubj"):
            found = [r for r in self.actors(subj) if r.mention is None or self.reader.table.type(r.mention) != "Person"]
            if len(found) == 1:
                self._body = (sent.start, found[0])

    def _speaker(self, subj) -> list[Referent]:
        """ "Nabil Aburdeneh, Mr. Abbas' spokesman, says": a spokesperson speaks for whose they are."""
        for a in subj.children:
            if a.dep_ == "appos" and a.lemma_.lower() in _SPOKESPEOPLE:
                owners = [r for c in a.children if c.dep_ == "poss" for r in self.actors(c)]
                names = [name_of(r, self.reader.table) for r in (*self.actors(subj)[:1], *owners)]
                if len(names) == 2 and all(names):  # and does so in what follows ("He says ...")
                    self.speaks_for[names[0]] = names[1]
                return owners
        return []

    def _pairs(self, cue: Cue, trigger, sources, targets, sent) -> list[Relation]:
        # "they" or "the leaders" as the source of a directed act is a guess at a joint statement,
        # too often of the wrong pair ("Aides to Abbas say they will press Israel"): no source;
        # "the two ministers" is no guess: exactly that many who hold such posts (parties.plural)
        sources = [s for s in sources if s.via != "plural" or count_of(self.reader.doc[s.token]) is not None]
        out = []
        at = self.reader.char(trigger)
        for s in sources:
            for t in targets:
                a, b = self._named(s, at), self._named(t, at)
                a = self.speaks_for.get(a, a)
                a = self._seat_country(a) or a  # "a White House spokesman said": the United States
                if a and b and a != b:
                    out.append(self._relation(cue, trigger, a, b, sent))
        return out

    def _relation(self, cue: Cue, trigger, source: str, target: str, sent) -> Relation:
        words = [t for t in sent if not t.is_space]
        start = self.reader.char(words[0])
        end = self.reader.char(words[-1]) + len(words[-1].text)
        text = self.text[start:end]
        status = act_status(cue.entry, trigger)
        return Relation(
            type=cue.spec.name,
            source=source,
            target=target,
            status=status,
            date=act_date(trigger, sent, self.published, status),
            mode=cue.entry.get("mode"),
            evidence=Evidence(text=text, start=start, end=end),
            confidence=float(cue.entry.get("confidence", 0.7)),
        )
