"""Who "he", "she", "they" and "the two leaders" are: the discourse of one document.

News names a person once and then refers back: "He will see ...", "During her meeting with ...,
Merkel said", "They discussed ...", "the two leaders". The rules are facts of English news
writing, not of any one text:

- a possessive or object pronoun inside a clause refers to that clause's subject, or to the
  subject of the clause it hangs from ("During her visit, Merkel said": her = Merkel);
- a subject pronoun refers to the person most recently in subject position, in this sentence
  or the ones before (news keeps its protagonist as subject), else to the last person named;
- "they", "their", "the two sides", "both leaders" refer to the parties of the encounter just
  told, else to the last coordinated subject ("Kim and Trump signed ... at their summit").

Every answer is a party the text named; when the text gives no antecedent there is no answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.extract.mentions import Mention
from kg.lexicons import gazetteer

if TYPE_CHECKING:
    from kg.extract.entities import EntityTable

_GENERIC = frozenset({"meeting", "summit"})
FIRST_PERSON = {"i", "me", "my", "myself"}
SINGULAR = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
PLURAL = {"they", "them", "their", "theirs", "themselves"}
_LOOKBACK_SENTENCES = 3


@dataclass
class Referent:
    """A party as the text names it: the entity's mention, or a name resolved elsewhere."""

    mention: Mention | None
    name: str | None = None  # for parties with no mention of their own (a country of a city)
    via: str = "name"  # name | pronoun | title | group | plural
    token: int = -1  # where the text points at it (token index in the doc being read)


@dataclass
class Discourse:
    """What the text has said so far about people and encounters, read in order: the persons
    named (and which of them as subjects), and the last encounter's parties, kept up to date by
    the meeting reader."""

    recent_parties: list[Referent] = field(default_factory=list)
    recent_end: int = -1  # character offset where the last encounter's sentence ended
    recent_kind: str | None = None
    recent_status: str | None = None
    history: list[tuple[int, list[list[Referent]], str, str | None, int]] = field(default_factory=list)
    speakers: list[tuple[int, int, Mention | None]] = field(default_factory=list)  # transcript turns

    def speaker(self, at: int) -> Mention | None:
        """Who speaks at character ``at`` of a transcript ("SECRETARY KERRY: ..."), if anyone."""
        for start, end, m in self.speakers:
            if start <= at < end:
                return m
        return None

    pending_list: tuple | None = None  # a lead-in ending in ":" whose counterparts are the items below
    persons: list[tuple[int, Mention]] = field(default_factory=list)  # (char start, mention), in order
    subjects: list[tuple[int, Mention]] = field(default_factory=list)  # persons seen as subjects
    person_country: dict[str, str] = field(default_factory=dict)  # person -> the country their title is of
    person_titles: dict[str, set[str]] = field(default_factory=dict)  # person -> the words of their titles

    def note_person(self, m: Mention, *, subject: bool) -> None:
        """Record a person named at ``m`` (called in reading order)."""
        if not self.persons or self.persons[-1][0] < m.start:
            self.persons.append((m.start, m))
        if subject and (not self.subjects or self.subjects[-1][0] < m.start):
            self.subjects.append((m.start, m))

    def note_encounter(
        self, parties: list[Referent], end_char: int, kind: str, status: str | None, meetings=None, anchor=None
    ) -> None:
        """Record the encounter a trigger told: all its parties (for "they"), and the party list
        of each meeting it made (for "the talks" taking them up)."""
        self.recent_parties = list(parties)
        self.recent_end = end_char
        self.recent_kind = kind
        self.recent_status = status
        where = anchor if anchor is not None else end_char  # an encounter taken up again keeps where it was told
        self.history.append((end_char, [list(p) for p in meetings or [parties]], kind, status, where))

    def antecedent(
        self, before: int, kind: str, near: int, far: int
    ) -> tuple[list[list[Referent]], str, str | None, int] | None:
        """The encounter a definite event word takes up: for a generic word ("the meeting", "the
        summit") the last encounter other than a visit within ``near`` characters; for a specific
        one ("the talks", "the visit") the last one of the same kind within ``far``."""
        for end, parties, k, status, where in reversed(self.history):
            if end > before + 1:
                continue
            if kind in _GENERIC:
                return (parties, k, status, where) if before - end <= near and k != "visit" else None
            if before - end > far:
                return None
            if k == kind:
                return parties, k, status, where
        return None

    def encounters_of(self, count: int | None, before: int, max_back: int, table) -> list[list[Referent]]:
        """Party lists of earlier encounters with exactly ``count`` parties (any number from two
        when None), latest first."""
        out = []
        for end, meetings, _kind, _status, _where in reversed(self.history):
            if end >= before:
                continue
            if end < max_back:
                break
            for parties in meetings:
                people = [p for p in parties if p.via != "host"]
                n = len({table.name(p.mention) if p.mention else p.name for p in people})
                if n == count or (count is None and n >= 2):
                    out.append(people)
        return out

    def recent(self, before: int, max_back: int) -> tuple[list[Referent], str | None]:
        """The last encounter's parties (hosts of a visit included) and kind, if within reach."""
        if self.recent_parties and max_back <= self.recent_end <= before + 1:
            return list(self.recent_parties), self.recent_kind
        return [], None

    def recent_sentence(self, before: int, max_back: int) -> list[Referent]:
        """The parties of every encounter the last sentence with one told ("travel to Indonesia
        and Brunei": both countries), if within reach."""
        parties, _ = self.recent(before, max_back)
        if not parties:
            return []
        for end, meetings, *_ in self.history:
            if end == self.recent_end:
                parties += [p for group in meetings for p in group if p not in parties]
        return parties

    def last_subject(self, before: int, max_back: int) -> Mention | None:
        """The person most recently in subject position before ``before`` (within reach)."""
        for start, m in reversed(self.subjects):
            if start < before:
                return m if start >= max_back else None
        return None

    def only_person(self, before: int, max_back: int) -> Mention | None:
        """The person named within reach before ``before``, if only one person is ("Kerry's visit
        ... He will meet"); with several and none of them a subject, "he" is nobody we can tell."""
        near = [m for start, m in self.persons if max_back <= start < before]
        return near[-1] if near and len({m.text.split()[-1] for m in near}) == 1 else None

    def last_person(self, before: int, max_back: int) -> Mention | None:
        for start, m in reversed(self.persons):
            if start < before:
                return m if start >= max_back else None
        return None

    def last_persons(self, count: int, before: int, max_back: int) -> list[Referent]:
        """The last ``count`` distinct persons named before ``before`` ("the two leaders met")."""
        out: list[Referent] = []
        for start, m in reversed(self.persons):
            if start >= before:
                continue
            if start < max_back or len(out) == count:
                break
            if all(o.mention.text != m.text for o in out):
                out.append(Referent(m, via="plural"))
        return out[::-1]

    def plural(self, before: int, max_back: int) -> list[Referent]:
        """The parties of the encounter just told, if it is within reach."""
        if self.recent_parties and self.recent_end >= max_back and self.recent_end <= before + 1:
            return [Referent(p.mention, p.name, "plural", p.token) for p in self.recent_parties if p.via != "host"]
        return []


def same(a: Referent, b: Referent, table: EntityTable) -> bool:
    return name_of(a, table) == name_of(b, table)


def name_of(r: Referent, table: EntityTable) -> str | None:
    if r.name is not None:
        return r.name
    return table.name(r.mention) if r.mention is not None else None


def country_of(r: Referent, table: EntityTable) -> str | None:
    """The country a city or country party names ("Moscow" -> Russia)."""
    m = r.mention
    if m is None:
        return gazetteer().country(r.name) if r.name else None
    if table.type(m) == "Country":
        return table.name(m)
    return m.country
