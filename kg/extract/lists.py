"""The word-order reading of a list of names, for lists the small parser breaks.

"met jointly with the President of the Nordic Council, H.E. Mr. Jon Aas, and the Commissioner
..., Dr. Eva Holm": titles, honorifics, articles, their "of" phrases, and commas or "and" between
names are read through; anything else ends the list. The country or body a title is "of" is no
party of its own unless no name holds that title ("met with, among others, the President of
Russia"), and a demonym before a group noun stands for its country only if no names follow
("their Russian counterparts, Minister ... Lavrov and ...").
"""

from __future__ import annotations

from functools import cache

from kg.extract.discourse import Referent
from kg.extract.mentions import Mention
from kg.lexicons import honorifics, party_words, title_words

_LIST_GLUE = frozenset(
    {",", "and", "the", "a", "an", "as", "well", "among", "others", "including", "notably", "especially", "their",
     "his", "her", "its", "top", "senior"}
)  # fmt: skip


@cache
def _honorifics() -> frozenset[str]:
    return frozenset(honorifics())


def read_list(reader, after) -> list[Referent]:
    """Names listed by word order after a preposition ("with the President of the Nordic
    Council, H.E. Mr. Jon Aas, and the Commissioner ..., Dr. Eva Holm"): the fallback for
    lists the small parser breaks. Titles, honorifics, articles, their "of" phrases and
    commas or "and" between names are read through; anything else ends the list. The country
    or body a title is "of" is no party of its own, unless no name holds that title ("met
    with, among others, the President of Russia")."""
    reading = _ListReading()
    for i in range(after.i + 1, after.sent.end):
        tok = reader.doc[i]
        m = reader.at.get(i)
        title_of = m is not None and m.in_title and reading.of_title  # "President of Russia"
        demonym = m is not None and m.type == "Demonym" and not m.in_title  # "their Russian counterparts"
        if m is not None and (title_of or demonym or (not m.in_title and reader.is_actor(m))):
            if i + 1 < after.sent.end and reader.at.get(i + 1) is not m and reader.doc[i + 1].lower_ in {"'s", "’s"}:
                break  # "with Trump's wife": a possessor is no party
            reading.name(m, i, reader.table.type(m) == "Person", end=reader.at.get(i + 1) is not m)
        elif (
            (m is not None and m.in_title)
            or i in reader.titled
            or tok.lower_ in title_words()
            or tok.lemma_.lower() in party_words()["group_nouns"]
        ):
            reading.title()
        elif tok.lower_ in {"of", "for"} and reading.in_title:
            reading.of_title = True
        elif tok.lower_ in _LIST_GLUE or tok.text in _honorifics():
            reading.glue(tok.lower_)
        else:
            break
    return reading.close()


class _ListReading:
    """State of the word-order list reader (PartyReader.listed)."""

    def __init__(self):
        self.out: list[Referent] = []
        self.in_title = self.of_title = self.after_person = self.appositive = self.indefinite = False
        self.pending: Referent | None = None  # a title's country, a party only if no name holds the title

    def name(self, m: Mention, i: int, person: bool, *, end: bool) -> None:
        if m.type == "Demonym":  # "their Russian counterparts, X and Y": the names say who
            if self.pending is None and not self.indefinite:  # "a North Korean official" stands for no one
                self.pending = Referent(m, via="group", token=i)
            return
        if self.of_title:
            if not self.appositive and self.pending is None:
                self.pending = Referent(m, via="group", token=i)
        else:
            if person:
                self.pending = None  # the title before this name is this person's
            self._add(Referent(m, via="title" if m.anaphor else "name", token=i))
        if end:
            self.after_person = person and not self.of_title
            self.in_title = self.of_title = False

    def title(self) -> None:
        if not self.in_title:
            self.appositive = self.after_person  # "Netanyahu, Prime Minister of Israel"
        self.in_title = True

    def glue(self, word: str) -> None:
        self.indefinite = word in {"a", "an"} or (self.indefinite and word not in {"and", ","})
        if word in {"and", ","} and self.pending is not None and not self.in_title:
            self._add(self.pending)
            self.pending = None

    def close(self) -> list[Referent]:
        if self.pending is not None:
            self._add(self.pending)
        return self.out

    def _add(self, r: Referent) -> None:
        if all(o.mention is not r.mention for o in self.out):
            self.out.append(r)
