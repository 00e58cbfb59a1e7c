"""Roles and affiliations as facts: what a titled person is, and of which country or organisation.

- A title before or after a name is a role ("Chinese Vice Premier He Lifeng" -> Vice Premier of
  China; "António Guterres, Secretary-General"); its country comes from a demonym, a country
  name, an "of" phrase, or a country at the start of an organisation in the title ("U.S.
  Treasury Secretary" -> of United States).
- A title of an organisation is an affiliation too ("IMF Deputy Dan Katz" -> IMF), and so are
  "X of ORG", "X from ORG" and "X, an analyst at ORG".
- "President Abdel Fattah Al-Sisi of Egypt": a country after the name completes the title before it.
- A royal title is a title like any other ("Jordan's King Abdullah" -> King of Jordan; the name is
  "Abdullah"): titles are never part of names.
- Of two roles of one person, the less specific is dropped ("Secretary" beside "Secretary of State").
"""

from __future__ import annotations

import re

from kg.extract.entities import EntityTable
from kg.extract.mentions import Mention
from kg.extract.nlp import text_of
from kg.extract.titles import TitleSpan, country_of, title_after, title_before
from kg.facts.models import Affiliation, Evidence, Role
from kg.lexicons import confidences, gazetteer, titles

_COPULA = (
    r"[ \t]+(?:is|was|has been|had been|became|becomes|remains|served as|serves as)"
    r"(?:[ \t]+(?:now|also|currently|still))?[ \t]+(?:(?:an?|the)[ \t]+)?"
)
_RELATIVE = re.compile(r",[ \t]+who(?=[ \t])(?P<clause>[^,.;()]{1,80}),")
_COPULA_OF = re.compile(_COPULA + r"(?P<title>(?:[\w-]+[ \t]+){0,3}?[\w-]+)[ \t]+(?:of|at|for)[ \t]+(?:[Tt]he[ \t]+)?")
_COPULA_MEMBER = re.compile(_COPULA)
_AFTER_NAME = re.compile(r"(?:,\s+(?:an?|the)\s+[\w\s-]{0,40}?\s+(?:at|of|with)|,?\s+of|\s+from)\s+(?:the\s+)?")


def evidence_of(sent) -> Evidence:
    """The sentence as evidence, trimmed of surrounding whitespace, with its document offsets."""
    text = sent.text.strip()
    start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
    return Evidence(text=text, start=start, end=start + len(text))


def sentence_at(doc, char: int):
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.sent if span is not None else next(iter(doc.sents))


class RoleBuilder:
    """Collects the roles and affiliations of one document, one person mention at a time."""

    def __init__(self, doc, mentions: list[Mention], titles: list[TitleSpan], table: EntityTable):
        self.doc, self.mentions, self.titles, self.table = doc, mentions, titles, table
        self.text = text_of(doc)
        self.roles: dict[tuple, Role] = {}
        self.affs: dict[tuple, Affiliation] = {}
        self.rc, self.ac = confidences()["role"], confidences()["affiliation"]

    def __call__(self) -> tuple[list[Role], list[Affiliation]]:
        for m in self.mentions:
            if self.table.type(m) != "Person" or m.in_title:
                continue
            person = self.table.name(m)
            evidence = evidence_of(sentence_at(self.doc, m.start))
            appositive = title_after(self.titles, self.text, m, self.mentions)
            for span in [*title_before(self.titles, self.text, m), *([appositive] if appositive else [])]:
                conf = self.rc["appositive_title"] if span is appositive else self.rc["title_before_name"]
                self._title(person, span, evidence, conf)
            self._of_phrase(m, person, evidence)
        return _most_specific(list(self.roles.values())), list(self.affs.values())

    def _affiliate(self, person: str, org: str, evidence: Evidence, conf: float) -> None:
        self.affs.setdefault(
            (person, org), Affiliation(person=person, organization=org, evidence=evidence, confidence=conf)
        )

    def _title(self, person: str, span: TitleSpan, evidence: Evidence, conf: float) -> None:
        of = span.of
        of_name = country_of(of) if of is not None and (of.type in {"Country", "Demonym"} or of.metonym) else None
        if of is not None and of.type == "Organization":
            of_name = self.table.name(of)
            self._affiliate(person, of_name, evidence, self.ac["title_of_organisation"])
        title = re.sub(r"\s+", " ", span.text)
        words = title.split()
        prefix = _country_prefix(title) if len(words) > 1 else None
        if prefix and of_name is None:  # "U.S. Trade Representative": of the United States
            n = next(k for k in range(1, len(words)) if gazetteer().country(" ".join(words[:k])) == prefix)
            title, of_name = " ".join(words[n:]), prefix
        if of is not None and span.of_start is None and title.lower().endswith(of.text.lower()):
            title = re.sub(r"\s+of\s+(the\s+)?" + re.escape(of.text) + "$", "", title, flags=re.IGNORECASE)
        key = (person, title.lower(), of_name)
        self.roles.setdefault(key, Role(person=person, title=title, of=of_name, evidence=evidence, confidence=conf))
        # an organisation named in or right before the title ("U.S. Treasury Secretary", "White House
        # Spokesman": a seat of government named before a title is its institution)
        # "VOA White House Correspondent": with an organisation before it, the venue is the beat
        near = [o for o in self.mentions if span.start - 80 <= o.end and o.start < span.end]
        beat = any(self._org_before(o, span) and self.text[o.end : span.start] != " " for o in near)
        for o in near:
            right_before = self.table.type(o) == "Place" and self.text[o.end : span.start] == " " and not beat
            inside = self.table.type(o) == "Organization" and o.start < span.end and span.start < o.end
            if o is not of and (inside or right_before or self._org_before(o, span)):
                org = self.table.name(o)
                self._affiliate(person, org, evidence, self.ac["title_of_organisation"])
                # the title is of the country the organisation's name opens with, else of it
                owner = _country_prefix(o.text) or (org if not inside or o.end <= span.start else None)
                if owner and self.roles.pop((person, title.lower(), None), None) is not None:
                    self.roles[(person, title.lower(), owner)] = Role(
                        person=person, title=title, of=owner, evidence=evidence, confidence=conf
                    )

    def _org_before(self, o: Mention, span: TitleSpan) -> bool:
        """ "VOA White House Correspondent", "CPN-UML General Secretary": an organisation right
        before the title, or before a venue that is."""
        if self.table.type(o) != "Organization" or o.end > span.start:
            return False
        between = self.text[o.end : span.start]
        if re.fullmatch(r" (?:[a-z]+ ){0,2}", between):
            return True  # "EU trade spokesman": a lowercase portfolio may come between
        venue = next((v for v in self.mentions if v.start == o.end + 1 and self.table.type(v) == "Place"), None)
        return venue is not None and self.text[venue.end : span.start] == " "

    def _of_phrase(self, m: Mention, person: str, evidence: Evidence) -> None:
        """ "William Reinsch of the Center for ...", "X, an analyst at Y", "President Al-Sisi of Egypt",
        "X is deputy leader of al-Shabaab", "X is an AQIM associate", "VOA's Brian Wagner"."""
        self._possessor_org(m, person, evidence)
        self._copula(m, person, evidence)
        tail = _AFTER_NAME.match(self.text[m.end : m.end + 80])
        if not tail:
            return
        org = next((o for o in self.mentions if o.start == m.end + tail.end()), None)
        if org is None:
            return
        if self.table.type(org) == "Organization":
            self._affiliate(person, self.table.name(org), evidence, self.ac["of_phrase"])
        if tail.group(0).strip().startswith("of") and self.table.type(org) == "Country":
            country = self.table.name(org)  # "President Trump of the United States": the title is of it
            for span in title_before(self.titles, self.text, m):
                if span.of is None:
                    title = re.sub(r"\s+", " ", span.text)
                    self.roles.pop((person, title.lower(), None), None)
                    self.roles.setdefault(
                        (person, title.lower(), country),
                        Role(
                            person=person,
                            title=title,
                            of=country,
                            evidence=evidence,
                            confidence=self.rc["title_before_name"],
                        ),
                    )

    def _possessor_org(self, m: Mention, person: str, evidence: Evidence) -> None:
        """ "VOA's Brian Wagner": the organisation whose person the name is."""
        before = re.search(r"['’]s[ \t]+(?:[a-z][\w-]*[ \t]+){0,2}$", self.text[max(0, m.start - 30) : m.start])
        if not before:
            return
        end = m.start - len(before.group(0))
        org = next((o for o in self.mentions if o.end == end and self.table.type(o) == "Organization"), None)
        if org is not None:
            self._affiliate(person, self.table.name(org), evidence, self.ac["of_phrase"])

    def _copula(self, m: Mention, person: str, evidence: Evidence) -> None:
        """ "X is deputy leader of al-Shabaab", "X was head of the NSA", "X is an AQIM associate":
        the post a copula gives a person, with its organisation. A relative clause right after the
        name ("X, who is now a journalist for CNN, was editor of ...") says it too, and the main
        verb after it still does."""
        rel = _RELATIVE.match(self.text, m.end)
        if rel is not None:
            self._copula_at(rel.start("clause"), person, evidence)
        self._copula_at(rel.end() if rel else m.end, person, evidence)

    def _copula_at(self, pos: int, person: str, evidence: Evidence) -> None:
        said = _COPULA_OF.match(self.text, pos)
        if said:
            org = next((o for o in self.mentions if o.start == said.end()), None)
            title = re.sub(r"\s+", " ", said.group("title"))
            if (
                org is not None
                and self.table.type(org) == "Organization"
                and title.split()[-1].lower() in titles().words
            ):
                name = self.table.name(org)
                self._affiliate(person, name, evidence, self.ac["of_phrase"])
                key = (person, title.lower(), name)
                self.roles.setdefault(
                    key,
                    Role(
                        person=person, title=title, of=name, evidence=evidence, confidence=self.rc["appositive_title"]
                    ),
                )
            return
        member = _COPULA_MEMBER.match(self.text, pos)
        if member:
            org = next(
                (o for o in self.mentions if o.start == member.end() and self.table.type(o) == "Organization"), None
            )
            if org is not None and re.match(r"[ \t]+[a-z]", self.text[org.end : org.end + 3]):
                self._affiliate(person, self.table.name(org), evidence, self.ac["of_phrase"])


def roles_and_affiliations(doc, mentions: list[Mention], titles: list[TitleSpan], table: EntityTable):
    """The document's roles and affiliations (see the module docstring for the rules)."""
    return RoleBuilder(doc, mentions, titles, table)()


def _most_specific(roles: list[Role]) -> list[Role]:
    """Drop a role another role of the same person says more precisely: "Secretary" beside
    "Secretary of State", "Foreign Minister" beside "Foreign Minister" of Germany."""

    def words(r: Role) -> set[str]:
        return set(re.findall(r"\w+", r.title.lower()))

    return [
        r for r in roles
        if not any(
            o is not r and o.person == r.person and words(r) <= words(o) and (r.of is None or r.of == o.of)
            and (words(r) < words(o) or (r.of is None and o.of is not None))
            for o in roles
        )
    ]  # fmt: skip


def _country_prefix(name: str) -> str | None:
    """The country an organisation name starts with ("U.S. Treasury" -> United States)."""
    words = name.split()
    for n in range(len(words) - 1, 0, -1):
        country = gazetteer().country(" ".join(words[:n]))
        if country:
            return country
    return None
