"""Merge the mentions of one document into entities with a canonical name, aliases and a voted type.

"Bessent" joins "Scott Bessent" when he is the only person of that surname in the document; a
capital acting as its country ("Beijing is unlikely to agree") and a demonym in a title ("Chinese
Vice Premier") become aliases of the country; the type is voted over all mentions, so the model
calling "Bessent" an organisation once does not make him one.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from kg.extract.mentions import Mention
from kg.facts.models import Entity
from kg.facts.names import mention_key
from kg.lexicons import bare_surname, family_names_first, gazetteer, given_names_agree, name_suffix, name_words

_TYPE_ORDER = ["Person", "Organization", "Country", "City", "Place"]


def _org_word(name: str) -> bool:
    words = {w.lower() for w in name_words()["organization_words"]}
    return any(w.lower() in words for w in name.split())


@dataclass
class Group:
    mentions: list[Mention] = field(default_factory=list)
    country: str | None = None
    _voted: tuple[int, str] | None = field(default=None, repr=False)  # (mentions counted, type)

    def add(self, m: Mention) -> None:
        self.mentions.append(m)

    @property
    def type(self) -> str:
        """The voted type, counted again only when mentions were added since."""
        if self._voted is None or self._voted[0] != len(self.mentions):
            self._voted = (len(self.mentions), self._vote())
        return self._voted[1]

    def _vote(self) -> str:
        if self.country:
            return "Country"
        if any(m.canonical for m in self.mentions):
            return "Organization"
        if any(m.type == "Person" and len(m.text.split()) > 1 for m in self.mentions):
            return "Person"
        if any(m.person_cue for m in self.mentions) and not any(
            _org_word(m.text) or gazetteer().seat(m.text) for m in self.mentions
        ):
            return "Person"  # "chairman Prachanda": a title says so, whatever the model said; no seat
            # of government is a person ("senior White House officials")
        votes = Counter(m.type for m in self.mentions if m.type in _TYPE_ORDER)
        if not votes:
            return "Organization"
        best = max(votes.values())
        return next(t for t in _TYPE_ORDER if votes.get(t) == best)

    @property
    def name(self) -> str:
        if self.country:
            return self.country
        listed = next((m.canonical for m in self.mentions if m.canonical), None)
        name = max((m.text for m in self.mentions), key=lambda t: (len(t.split()), len(t), not t.isupper()))
        if not listed and self.type == "Person" and name.isupper() and len(name) > 3:
            return name.title()  # "MR. CARNEY:", a transcript's speaker label, names Carney
        return listed or name

    @property
    def aliases(self) -> list[str]:
        seen: dict[str, str] = {}
        for m in self.mentions:
            seen.setdefault(mention_key(m.text), m.text)
        return sorted(seen.values(), key=lambda t: (-len(t), t))


def name_parts(text: str) -> list[str]:
    """The words of a personal name, lower case, without punctuation and its suffix
    (``kg.lexicons.name_suffix``)."""
    return re.findall(r"[\w'’-]+", name_suffix(text)[0].lower())


def _within(full: list[str], short: list[str]) -> bool:
    """A shorter form names the same person as a full name: a bare surname ends it; a longer
    form lies inside it ("Josep Borrell" in "Josep Borrell Fontelles"); or it has the same
    surname and a compatible first name ("Joe Holt" for "Joseph R. Holt, Jr.")."""
    if not full or not short:
        return False
    if len(short) == 1:
        return full[-1] == short[0] or bare_surname(full[-1]) == bare_surname(short[0])
    n = len(short)
    if any(full[i : i + n] == short for i in range(len(full) - n + 1)):
        return True
    return full[-1] == short[-1] and given_names_agree(full[0], short[0])


class EntityTable:
    """Entities of one document and the entity each mention belongs to."""

    def __init__(self, mentions: list[Mention]):
        self.groups: list[Group] = []
        self._of: dict[int, Group] = {}
        by_key: dict[str, Group] = {}
        countries: dict[str, Group] = {}
        ordered = sorted(mentions, key=lambda m: (-len(m.text.split()), m.start))
        for m in ordered:
            if m.type == "Demonym" and not (m.in_title or m.metonym):
                continue
            if m.type == "Country" or m.metonym or m.type == "Demonym":
                if not m.country:
                    continue
                group = countries.get(m.country)
                if group is None:
                    group = countries[m.country] = Group(country=m.country)
                    self.groups.append(group)
            else:
                key = mention_key(m.canonical or m.text)
                group = by_key.get(key) or by_key.get(mention_key(m.text)) or self._surname_match(m)
                if group is None:
                    group = Group()
                    self.groups.append(group)
                by_key.setdefault(key, group)
            group.add(m)
            self._of[id(m)] = group

    def _surname_match(self, m: Mention) -> Group | None:
        """The one person whose name ends with this shorter name, if exactly one does."""
        words = m.text.split()
        if m.type not in {"Person", "Organization", "Place", "City"} or len(words) > 3:
            return None
        short = name_parts(m.text)
        hits = [
            g for g in self.groups
            if not g.country and g.type == "Person" and len(g.name.split()) >= len(words) and g.name != m.text
            and _within(name_parts(g.name), short)
        ]  # fmt: skip
        if len(hits) > 1 and len(words) == 1:
            # "Fidel Castro ... Raul Castro ... Castro said": news introduces the person it is
            # about first and names a second namesake in full, so a bare surname is the first
            hits = [min(hits, key=lambda g: min(x.start for x in g.mentions))]
        if not hits and len(words) == 1 and (m.person_cue or short[0] in family_names_first()):
            hits = self._family_name_first(short[0])  # two "Kim"s written first stay unresolved
        return hits[0] if len(hits) == 1 else None

    def _family_name_first(self, word: str) -> list[Group]:
        """ "Ms. Wu" after "Wu Yi", "Lien said" after "Lien Chan": Chinese and Korean names put
        the family name first, so a titled bare name, or one of the family names written first
        (kg/lexicons/family_names_first.txt), may be the first word of a person's name when it
        ends none. An untitled given name is not ("Carter" after "Carter Page" may be another
        Carter)."""
        people = [g for g in self.groups if not g.country and g.type == "Person"]
        if any(name_parts(g.name)[-1:] == [word] for g in people):
            return []
        return [g for g in people if len(g.name.split()) in (2, 3) and name_parts(g.name)[:1] == [word]]

    def name(self, m: Mention) -> str | None:
        group = self._of.get(id(m))
        return group.name if group else None

    def type(self, m: Mention) -> str | None:
        group = self._of.get(id(m))
        return group.type if group else None

    def country_entity(self, country: str) -> str:
        """The name of a country entity, adding it when only its capital or a city was named."""
        for g in self.groups:
            if g.country == country:
                return g.name
        self.groups.append(Group(country=country))
        return country

    def is_country(self, name: str) -> bool:
        return any(g.country == name for g in self.groups)

    def entities(self) -> list[Entity]:
        return [Entity(name=g.name, type=g.type, aliases=g.aliases) for g in self.groups if g.mentions or g.country]
