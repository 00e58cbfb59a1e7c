"""Which parties a phrase of a relation names: facts of English news the relation engine
(``kg.extract.relations``) reads every slot with, whatever the relation type.

- the target of a phrase is the party it names, else whose the thing named is ("Russia's
  strikes", "the proposal of Kyiv", "the statement of the Chairman of SADC", "Chinese goods" when
  China is an entity of the text, "the dialogue President Duque has convened");
- a capital, a seat of government ("the White House"), a country's government ("the Government
  of Zimbabwe") and a people named by its plural demonym
  ("the Russians need to") stand for their country;
- an active verb has no agent: a "by" the parser hung on it belongs to its object;
- a singular pronoun as a target is left out ("blamed him": too often the wrong man).
"""

from __future__ import annotations

import re

from kg.extract.discourse import Referent, name_of
from kg.extract.heads import DelegationHeads
from kg.extract.parties import PartyReader
from kg.extract.relation_slots import slot_tokens
from kg.lexicons import clause_words, gazetteer

_OWNER_DEPS = frozenset({"poss"})
_COUNTRY_NOUNS = frozenset({"country", "nation", "state", "kingdom", "republic", "island", "emirate"})
_DEMONYM_DEPS = frozenset({"amod", "compound", "nmod"})
_PEOPLE = frozenset({"delegation", "visitor", "guest"})  # welcomed, they are greeted


_GOVERNMENT = re.compile(r"^(?:the )?(?:government|administration) of (?P<a>.+)$|^(?P<b>.+?)(?:'s)? government$", re.I)


def _government_of(name: str) -> str | None:
    """ "the Government of Zimbabwe", "the Kenyan government" acting: the country acts."""
    m = _GOVERNMENT.match(name.strip())
    rest = None if m is None else (m["a"] or m["b"])
    return None if rest is None else gazetteer().country(rest) or gazetteer().demonyms.get(rest.lower())


def _opens_clause(r: Referent, phrase) -> bool:
    """ "sanctions against Tehran and Iranian President Ahmadinejad announced ...": a conjunct
    followed at once by a finite verb with no subject of its own is that verb's subject, which the
    parser joined to the object before it."""
    if r.token < 0 or r.token == phrase.i:
        return False
    tok = phrase.doc[r.token]
    nxt = phrase.doc[tok.i + 1] if tok.i + 1 < len(phrase.doc) else None
    return (
        tok.dep_ == "conj"
        and nxt is not None
        and nxt.tag_ in {"VBD", "VBZ", "VBP"}
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in nxt.children)
    )


def _left(tok) -> bool:
    """ "a withdrawal of Russian forces from Georgia": "from" names the place left, not the owner."""
    return tok.lemma_.lower() in clause_words()["motion_nouns"]


class RelationParties:
    """The party readers of ``RelationReader``, over one parsed view's ``PartyReader``."""

    reader: PartyReader
    heads: DelegationHeads | None
    _names: set[str] | None

    def _named(self, r: Referent, at: int) -> str | None:
        """A party's name; a country standing for its delegation is the person heading it, when
        the text titles one nearby ("hosted the two sides": the two negotiators; kg.extract.heads)."""
        name = name_of(r, self.reader.table)
        if r.via == "delegation" and name and self.heads is not None and self.reader.table.is_country(name):
            return self.heads(name, at) or name
        return name

    def _seat_country(self, name: str) -> str | None:
        country = gazetteer().seat(name)
        return None if country is None else self.reader.table.country_entity(country)

    def _slots(self, head, slots: list[str], first: bool = False) -> list[Referent]:
        """The parties in ``slots``; ``owner:SLOT`` takes whose the thing in SLOT is ("welcomed
        X's decision": ``owner:dobj``), ``poss`` is short for ``owner:dobj``. With ``first``, the
        first slot that names a party is the target ("thanked X for Y's support": Y, else X)."""
        out: list[Referent] = []
        for slot in slots:
            if first and out:
                break
            owner = slot.startswith("owner:") or slot == "poss"
            for tok in slot_tokens(head, slot.removeprefix("owner:")):
                found = self._owner(tok) if owner else self._phrase(tok)
                out += [
                    r for r in found if (r.via != "pronoun" or self._plural_pronoun(tok)) and not _opens_clause(r, tok)
                ]
        return out

    def _plural_pronoun(self, tok) -> bool:
        """A singular pronoun as a target is left out ("blamed him": too often the wrong man)."""
        return tok.lower_ in {"them", "they", "their"}

    def actors(self, tok) -> list[Referent]:
        """The actors a phrase names; a capital stands for its country ("Beijing accused Manila"), and
        so does a people named by its plural demonym ("the Russians need to") and "the country of X"."""
        out = []
        if tok.lemma_.lower() in _COUNTRY_NOUNS:  # "the African country of Mauritania"
            named = [r for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                     if p.dep_ == "pobj" for r in self.actors(p)]  # fmt: skip
            if named:
                return named
        gaz = gazetteer()
        people = tok.tag_ in {"NNPS", "NNS"} or any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        if people and tok.lower_ in gaz.demonyms and not self.reader.actors(tok):  # "the French said"
            country = gaz.demonyms[tok.lower_]  # "the Russians need to", "Palestinians refused to"
            return [Referent(None, self.reader.table.country_entity(country), "demonym", tok.i)]
        for r in self.reader.actors(tok, places=True):
            name = None if r.mention is None else self.reader.table.name(r.mention)
            country = None if name is None else gaz.seat(name) or _government_of(name)  # "the White House said"
            if country is None and (r.mention is None or self.reader.table.type(r.mention) not in {"City", "Place"}):
                out.append(r)
                continue
            body = gaz.body_seats.get(name.lower())
            if body is not None and body in self.names():  # "accused Brussels of blackmail"
                out.append(Referent(None, body, "capital", r.token))
                continue
            country = country or gaz.capitals.get(name.lower())
            if country:  # the country becomes an entity of the text, so the relation can be stored
                out.append(Referent(None, self.reader.table.country_entity(country), "capital", r.token))
        return out

    def _phrase(self, tok) -> list[Referent]:
        """The party a phrase names, else whose the thing it names is."""
        return self.actors(tok) or self._owner(tok)

    def _owner(self, tok, depth: int = 0) -> list[Referent]:
        """Whose the thing named is: "Russia's strikes", "the proposal of Kyiv", "Chinese goods"
        (a demonym only for a country the text names), "the statement of the Chairman of SADC".
        People own no act by being named: "welcomed Prime Minister Eva Lind", "welcomed the
        Norwegian delegation" greet them (a meeting), they back no decision of theirs."""
        m = self.reader.at.get(tok.i)
        if depth == 0 and (
            (m is not None and not m.in_title and self.reader.table.type(m) == "Person")
            or tok.lemma_.lower() in _PEOPLE
        ):
            return []
        words = clause_words()
        done_to = tok.lemma_.lower() in words["patient_nouns"]  # "the Russian invasion of Ukraine"
        an_act = done_to or tok.lemma_.lower() in words["act_nouns"]  # "a Russian withdrawal"
        for c in tok.children:
            if c.dep_ in _OWNER_DEPS or (c.dep_ in _DEMONYM_DEPS and c.i < tok.i):
                if depth and c.dep_ == "compound":
                    continue  # "the opening of the Israel Trade office": a name that labels a thing owns no act
                found = self.actors(c) or self._titled_owner(c)
                country = gazetteer().demonyms.get(c.lower_) if not found and c.dep_ == "amod" else None
                if country is not None and (country in self.names() or an_act):
                    found = [Referent(None, self.reader.table.country_entity(country), "demonym", c.i)]
                if not found and c.dep_ == "compound" and depth == 0:  # "Sudan release opposition leaders"
                    found = [r for cc in c.children if cc.dep_ == "compound" for r in self.actors(cc)]
                if found:
                    return found
        for c in tok.children:  # "the dialogue President Duque has convened": the clause's subject
            if c.dep_ == "relcl" and c.lemma_.lower() in clause_words()["authoring_verbs"]:
                found = [r for subj in c.children if subj.dep_ == "nsubj" for r in self.actors(subj)]
                if found:
                    return found
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in {"of", "by", "from"} and not (c.lower_ == "from" and _left(tok)):
                if c.lower_ == "of" and done_to:
                    continue  # the invasion of Ukraine is done to Ukraine, not by it
                objs = [p for p in c.children if p.dep_ == "pobj"]
                found = [r for p in objs for r in self.actors(p) or self._titled_owner(p)]
                if not found and depth == 0:
                    found = [r for p in objs for r in self._owner(p, 1)]
                if found:
                    return found
        return self._object_agent(tok) or self._clause_author(tok)

    def _title_body(self, tok) -> list[Referent]:
        """ "The Secretary-General welcomes ...": a bare title of a body's head, in a text that names
        the body and no holder, speaks for the body (``clauses.json`` "title_bodies")."""
        words = [t.text for t in tok.subtree if t.dep_ != "det"]
        body = clause_words()["title_bodies"].get(" ".join(words).replace(" - ", "-").lower())
        return [Referent(None, body, "title", tok.i)] if body is not None and body in self.names() else []

    def _clause_author(self, tok) -> list[Referent]:
        """ "Beijing has blamed him for the unrest - a charge he denies": a claim noun set beside a
        clause is that clause's claim, made by its subject."""
        start = tok.left_edge.i
        beside = start > 0 and tok.doc[start - 1].text in {"-", "–", "—", ","}  # set off by a dash or comma
        if not beside or tok.dep_ not in {"appos", "npadvmod", "dobj"}:
            return []
        if tok.lemma_.lower() not in clause_words()["claim_nouns"]:
            return []
        node = tok.head
        while node.pos_ not in {"VERB", "AUX"} and node.head.i != node.i:
            node = node.head
        return [r for c in node.children if c.dep_ == "nsubj" for r in self.actors(c)]

    def _object_agent(self, obj) -> list[Referent]:
        """ "welcomes the signing yesterday by X": an active verb has no agent, so a "by" the parser
        hung on it belongs to its object."""
        head = obj.head
        if obj.dep_ != "dobj" or any(c.dep_ in {"nsubjpass", "auxpass"} for c in head.children):
            return []
        return [r for a in head.children if a.dep_ in {"agent", "prep"} and a.lower_ == "by" for p in a.children
                if p.dep_ == "pobj" for r in self.actors(p)]  # fmt: skip

    def names(self) -> set[str]:
        """The entities the text names (a demonym stands only for a country among them)."""
        if self._names is None:
            self._names = {e.name for e in self.reader.table.entities()}
        return self._names

    def _titled_owner(self, tok) -> list[Referent]:
        """A country or body named inside a title phrase ("Belarus's ambassador"): still the owner."""
        m = self.reader.at.get(tok.i)
        if m is not None and self.reader.table.type(m) in {"Country", "Organization"}:
            return [Referent(m, via="name", token=tok.i)]
        return []
