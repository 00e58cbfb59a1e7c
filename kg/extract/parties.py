"""Who a noun phrase stands for: the participant reader over the dependency parse.

A meeting's parties are noun phrases in set grammatical places (subject, object, the object of
"with" or "between", a possessor, a compound, the subject of "held talks"); this module says
which actors such a phrase denotes, so that every relation reads its parties the same way:

- a name denotes its entity; coordinated names ("Merz and Meloni") denote each;
- a pronoun or a bare title ("the Secretary") denotes its antecedent (kg.extract.discourse;
  the clause a pronoun sits in is read by kg.extract.pronouns);
- "the two sides", "both leaders", "they" denote the parties just named;
- a group noun with a demonym or a "from/of" phrase ("Palestinian officials", "delegations
  from Chile and Peru", "members of Congress") denotes its country or organisation, and a
  group "including" a named person denotes that person;
- a title "of" a country with no name ("the President of Russia") denotes the country.

Nothing here knows about meetings: it is shared machinery for relations.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from kg.extract.discourse import FIRST_PERSON, PLURAL, SINGULAR, Discourse, Referent, name_of, same
from kg.extract.entities import EntityTable
from kg.extract.lists import read_list
from kg.extract.mentions import ACTOR_TYPES, Mention
from kg.extract.nlp import token_bounds
from kg.extract.pronouns import LOOKBACK_CHARS as _LOOKBACK_CHARS
from kg.extract.pronouns import SUBJECT_DEPS, PronounReading
from kg.extract.pronouns import words as _words
from kg.lexicons import title_words

_NAME_DEPS = frozenset({"compound", "flat", "nmod"})
_NUMBERS = {"two": 2, "both": 2, "three": 3, "four": 4}


def count_of(tok) -> int | None:
    """ "the two ministers", "both leaders": the number of the parties a plural takes up, if it says."""
    return next((_NUMBERS[c.lower_] for c in (tok, *tok.children) if c.lower_ in _NUMBERS), None)


class PartyReader(PronounReading):
    """Reads parties off one parsed view of a document (the document itself, or a recased
    Title Case line whose characters start at ``offset`` in the document text)."""

    def __init__(
        self,
        doc,
        offset: int,
        mentions: list[Mention],
        table: EntityTable,
        discourse: Discourse,
        titled: list[tuple[int, int, Mention]] = (),
    ):
        self.doc = doc
        self.offset = offset
        self.table = table
        self.discourse = discourse
        self.at: dict[int, Mention] = {}
        self.titled: dict[int, Mention] = {}  # tokens of a title phrase -> the person it names
        starts, ends = token_bounds(doc)  # offsets within the view; mentions are in document offsets
        for m in mentions:
            k = bisect_right(ends, m.start - offset)
            while k < len(starts) and starts[k] < m.end - offset:
                self.at.setdefault(k, m)
                k += 1
        for start, stop, m in titled:
            k = bisect_left(starts, start - offset)
            while k < len(starts) and starts[k] < stop - offset:
                if k not in self.at:
                    self.titled.setdefault(k, m)
                k += 1

    # -- the mention at a token --------------------------------------------------------------
    def char(self, tok) -> int:
        return tok.idx + self.offset

    def mention(self, tok) -> Mention | None:
        """The mention a nominal head stands in: its own, or that of a compound part."""
        m = self.at.get(tok.i) or self.titled.get(tok.i)
        if m is not None:
            return m
        for child in tok.children:
            if child.dep_ in _NAME_DEPS and child.i < tok.i:
                m = self.at.get(child.i)
                if m is not None and self.table.type(m) == "Person" and not m.in_title:
                    return m
        return None

    def is_actor(self, m: Mention | None) -> bool:
        if m is None or m.in_title:
            return False
        return self.table.type(m) in ACTOR_TYPES or m.metonym

    # -- phrases ---------------------------------------------------------------------------
    def actors(self, tok, *, places: bool = False) -> list[Referent]:
        """The actors the phrase headed by ``tok`` denotes, its conjuncts included."""
        out: list[Referent] = []
        for t in (tok, *tok.conjuncts) if tok.dep_ != "conj" else (tok,):
            for r in self._one(t, places):
                if all(not same(r, o, self.table) for o in out):
                    out.append(r)
        return out

    def actor_groups(self, tok, *, places: bool = False) -> list[list[Referent]]:
        """The actors of the phrase headed by ``tok``, one list per conjunct: "A and B" gives
        [[A], [B]], "Israeli and Palestinian negotiators" one list of two."""
        out: list[list[Referent]] = []
        seen: list[Referent] = []
        for t in (tok, *tok.conjuncts) if tok.dep_ != "conj" else (tok,):
            group = [r for r in self._one(t, places) if all(not same(r, o, self.table) for o in seen)]
            seen += group
            if group:
                out.append(group)
        return out

    def _one(self, tok, places: bool) -> list[Referent]:
        m = self.mention(tok)
        if m is None and tok.lower_ in {"those", "that"}:  # "those of the African Union and SADC"
            return [
                r
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children
                for r in self.actors(p)
            ]
        if m is None and tok.lower_ in FIRST_PERSON:  # a transcript's speaker
            speaker = self.discourse.speaker(self.char(tok))
            return [Referent(speaker, via="pronoun", token=tok.i)] if speaker is not None else []
        if m is None and (tok.tag_ in {"PRP", "PRP$"} or tok.lower_ in SINGULAR | PLURAL):
            return self.pronoun(tok)
        if m is not None and not m.in_title:
            typ = self.table.type(m)
            if typ in ACTOR_TYPES or m.metonym or (places and typ in {"City", "Place"}):
                via = "title" if m.anaphor else "name"
                return [Referent(m, via=via, token=tok.i)]
            return []
        named = [r for c in tok.children if c.dep_ == "appos" for r in self._one(c, places) if r.via == "name"]
        if named:  # "the President of the European Council, H.E. Mr. Charles Michel"
            return named
        lemma = tok.lemma_.lower()
        words = _words()
        said = any(
            (c.dep_ == "prep" and c.lower_ in {"of", "from"}) or (c.i < tok.i and c.i in self.at) for c in tok.children
        )
        if said and (
            lemma in words["group_nouns"] or lemma in title_words()
        ):  # "the leaders of France", "the Arab League ministers"
            found = self._group(tok)
            if found:
                return found
        if self._definite_plural(tok, lemma):
            if lemma in words["country_nouns"]:  # "both countries": a visit's hosts count
                return self._countries_taken_up(tok)
            return self.plural(tok)
        if lemma in words["collective_nouns"]:  # "a series of members of Congress"
            return [r for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                    if p.dep_ == "pobj" for r in self.actors(p)]  # fmt: skip
        if (lemma in words["group_nouns"] or lemma in title_words()) and not self._indefinite(tok):
            return self._group(tok)
        return []

    def _titled(self, tok) -> list[Referent]:
        m = self.at.get(tok.i)
        return [Referent(m, via="name", token=tok.i)] if m and m.in_title and self.table.type(m) == "Country" else []

    def _indefinite(self, tok) -> bool:
        """ "a senior official": one unnamed person, who stands for nobody."""
        return tok.tag_ in {"NN", "NNP"} and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in tok.children)

    def plural(self, tok) -> list[Referent]:
        """ "the two sides", "they": the parties just named; with a number, exactly that many."""
        here = self.char(tok)
        found = self.discourse.plural(here, here - _LOOKBACK_CHARS)
        count = count_of(tok)
        if count is None:
            if len(found) == 1:  # a plural names two or more: "They" after a call of two is its parties
                earlier = self.discourse.encounters_of(None, here, here - 3 * _LOOKBACK_CHARS, self.table)
                found = next((f for f in earlier if len(f) >= 2), [])
                return [Referent(r.mention, r.name, "plural", tok.i) for r in found]
            if tok.lemma_.lower() in _words()["role_plurals"] and found and not self._people(found):
                # "the leaders": people, not the countries or bodies an event of theirs was between
                earlier = self.discourse.encounters_of(None, here, here - _LOOKBACK_CHARS, self.table)
                found = next((f for f in earlier if self._people(f)), [])
                return [Referent(r.mention, r.name, "plural", tok.i) for r in found]
            return found
        allowed = _words()["role_plurals"].get(tok.lemma_.lower())
        sides = _one_group_of(self.discourse.recent(here, here - _LOOKBACK_CHARS)[0], count)
        if sides and not allowed:  # "met Israeli and Palestinian negotiators ... the two sides"
            found = sides
        if len(found) != count or (allowed and not self._hold(found, allowed)):
            # "the two top diplomats": the last encounter of that many parties who hold such posts
            earlier = self.discourse.encounters_of(count, here, here - 3 * _LOOKBACK_CHARS, self.table)
            found = next((f for f in earlier if not allowed or self._hold(f, allowed)), None)
            if found is None:
                last = self.discourse.last_persons(count, here, here - _LOOKBACK_CHARS)
                found = last if not allowed or self._hold(last, allowed) else []
        if len(found) != count:
            return []  # a delegation taken up stays one: its head may be named nearby
        return [Referent(r.mention, r.name, "delegation" if r.via == "delegation" else "plural", tok.i) for r in found]

    def _people(self, parties: list[Referent]) -> bool:
        """Whether some party is a person, named or by title ("The Prime Minister")."""
        return any(
            r.via == "title" or (r.mention is not None and self.table.type(r.mention) == "Person") for r in parties
        )

    def _hold(self, parties: list[Referent], allowed: frozenset[str]) -> bool:
        """Whether every party holds a post of one of these kinds ("diplomats": ministers, secretaries)."""
        titles = self.discourse.person_titles
        return all(set(titles.get(name_of(r, self.table) or "", ())) & allowed for r in parties)

    def _definite_plural(self, tok, lemma: str) -> bool:
        """ "the two sides", "both leaders", "the leaders", "the two", "both" (standing alone)."""
        if tok.lower_ in {"two", "both"}:
            return tok.dep_ in SUBJECT_DEPS | {"dobj", "pobj"} and (
                tok.lower_ == "both" or any(c.lower_ == "the" for c in tok.children)
            )
        if tok.lower_ in {"last", "first"} and tok.dep_ in SUBJECT_DEPS:
            # "The two last met in May": the parser makes the adverb the subject, "two" its number
            number = next((c for c in tok.children if c.lower_ in {"two", "both"}), None)
            return number is not None and any(c.lower_ == "the" for c in (*tok.children, *number.children))
        if tok.tag_ not in {"NNS", "NNPS"} or lemma not in _words()["plural_nouns"]:
            return False
        return any(c.lower_ in {"the", "both", "two", "these", "those"} for c in tok.children if c.i < tok.i)

    def _countries_taken_up(self, tok) -> list[Referent]:
        """ "the two countries", "both countries": the countries just named, as many as it says. A
        modifier without a number makes a class, not those ("the member countries", "the five
        permanent member countries", "the Nordic countries")."""
        count = count_of(tok)
        left = [c for c in tok.lefts if c.dep_ in {"amod", "compound", "nummod", "nmod"}]
        if count is None and left:
            return []
        here = self.char(tok)
        found = self.countries(self.discourse.recent_sentence(here, here - _LOOKBACK_CHARS))
        return found if count is None or len(found) == count else []

    def countries(self, parties: list[Referent]) -> list[Referent]:
        """The countries of parties ("the two countries" after two leaders), or none if one is unknown."""
        countries = [r for r in parties if r.mention is None or self.table.type(r.mention) == "Country"]
        if len(countries) >= 2:
            return [Referent(r.mention, r.name, "plural", r.token) for r in countries]
        out = []
        for r in parties:
            name = name_of(r, self.table)
            typ = self.table.type(r.mention) if r.mention is not None else "Country"
            country = name if typ == "Country" else self.discourse.person_country.get(name or "")
            if country is None:
                return []
            out.append(Referent(None, self.table.country_entity(country), "plural", r.token))
        return out

    def _group(self, tok) -> list[Referent]:
        """A group noun or bare title: who it stands for, from the person it includes, its
        "of"/"from" phrase or its demonyms ("Israeli and Palestinian negotiators"); else nothing.
        A title whose phrase names a person ("Colombian Vice President and Foreign Minister
        Marta Ramírez") is that person's, not a group's. People who head their side
        (negotiators, counterparts, delegations) are marked so: the text may name them nearby."""
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in {"including", "like"}:
                people = [r for p in child.children if p.dep_ == "pobj" for r in self.actors(p)]
                if people:
                    return people
            if child.dep_ == "acl" and child.lemma_.lower() in {"lead", "head"}:  # "delegations led by X and Y"
                leaders = [r for a in child.children if a.dep_ == "agent" for p in a.children for r in self.actors(p)]
                if leaders:
                    return leaders
        lemma = tok.lemma_.lower()
        if lemma not in _words()["group_nouns"]:
            phrase = [t for c in (tok, *tok.conjuncts) for t in c.subtree]
            if any(
                t.i in self.at and not self.at[t.i].in_title and self.table.type(self.at[t.i]) == "Person"
                for t in phrase
            ):
                return []
        via = "delegation" if lemma in _words()["headed_groups"] else "group"
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in {"of", "from"}:  # "the representative of the United
                found = [r for p in child.children if p.dep_ == "pobj" for r in self.actors(p) or self._titled(p)]
                found = [r for r in found if r.via != "pronoun"]  # States": the country of a title no one holds
                if found:
                    return [Referent(r.mention, r.name, via, tok.i) for r in found]
        out: list[Referent] = []
        if lemma in _words()["group_nouns"]:  # "the two countries' defence authorities", "China's officials"
            for child in tok.children:  # ... but "their counterparts", "Kerry's aides" are others
                if child.dep_ == "poss":
                    out += [
                        Referent(r.mention, r.name, via, tok.i)
                        for r in self.actors(child)
                        if r.via != "pronoun" and (r.mention is None or self.table.type(r.mention) != "Person")
                    ]
            if out:
                return out
        for child in tok.children:
            if child.i > tok.i or child.dep_ not in {"amod", "compound", "nmod"}:
                continue
            for part in (child, *child.conjuncts):
                m = self.at.get(part.i)
                if m is not None and m.country and self.table.type(m) != "Person":
                    out.append(Referent(None, self.table.country_entity(m.country), via, tok.i))
                elif m is not None and self.table.type(m) in {"Organization", "Country"} and not m.in_title:
                    out.append(Referent(m, via=via, token=tok.i))
        return out

    def listed(self, after) -> list[Referent]:
        """Names listed by word order after a preposition (kg.extract.lists)."""
        return read_list(self, after)


def _one_group_of(parties: list[Referent], count: int) -> list[Referent]:
    """The ``count`` parties one group noun named together, if the encounter had such a group."""
    by_token: dict[int, list[Referent]] = {}
    for r in parties:
        if r.via in {"group", "delegation"}:
            by_token.setdefault(r.token, []).append(r)
    return next((g for g in by_token.values() if len(g) == count), [])
