"""Who heads a country's side: the one person the text titles "of" that country near a sentence.

"Delegations from Chile and Peru resumed talks ... Chilean Foreign Minister Ana Ruiz and Peruvian
Foreign Minister Luis Vega": a country that stands for its delegation, its negotiators or "the two
sides" stands for the person heading it when, within two sentences, the text titles exactly one
person of that country. Meetings and relations ask the same question of the same text.
"""

from __future__ import annotations

from bisect import bisect_right

from kg.extract.entities import EntityTable
from kg.extract.mentions import Mention
from kg.facts.models import Role


class DelegationHeads:
    """``heads(country, at)``: the one person titled of ``country`` within two sentences of the
    character offset ``at``, else None."""

    def __init__(self, doc, mentions: list[Mention], table: EntityTable, roles: list[Role]):
        self._sentences = list(doc.sents)
        self._starts = [s.start_char for s in self._sentences]
        self.mentions, self.table = mentions, table
        self.people_of: dict[str, set[str]] = {}  # country (or body) -> the persons titled of it
        for r in roles:
            if r.of:
                self.people_of.setdefault(r.of, set()).add(r.person)

    def __call__(self, country: str, at: int) -> str | None:
        titled = self.people_of.get(country)
        if not titled:
            return None
        idx = bisect_right(self._starts, at) - 1
        if idx < 0 or at >= self._sentences[idx].end_char:
            idx = 0  # between sentences: counted from the first, as the meeting builder always did
        lo = self._sentences[max(0, idx - 2)].start_char
        hi = self._sentences[min(len(self._sentences) - 1, idx + 2)].end_char
        nearby = {self.table.name(m) for m in self.mentions if lo <= m.start < hi and self.table.type(m) == "Person"}
        people = titled & nearby
        return people.pop() if len(people) == 1 else None
