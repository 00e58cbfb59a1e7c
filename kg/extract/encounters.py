"""From encounters found in the text to ``Meeting`` facts: names, place, date, confidence, and one
fact for one meeting told in several sentences.

- Countries standing for their delegations stand for the delegations' heads when, within two
  sentences, the text titles exactly one person of each ("Delegations from Chile and Peru
  resumed talks ... Chilean Foreign Minister Ana Ruiz and Peruvian ...").
- A status read from the tense alone yields to the date: a meeting "on Friday" after the
  publication date is scheduled.
- One meeting mentioned in several sentences (a readout's title and its first sentence) is one
  fact with all its evidence; a series ("four rounds of talks") stays apart from single meetings.
- A held meeting in the lead without a date or place of its own happened on the publication day,
  at the dateline's city.
"""

from __future__ import annotations

from datetime import date

from kg.documents.sources import dateline_date
from kg.extract.attributes import date_of, place_of
from kg.extract.discourse import name_of
from kg.extract.entities import EntityTable
from kg.extract.headlines import title_case_lines
from kg.extract.heads import DelegationHeads
from kg.extract.meetings import Found
from kg.extract.mentions import Mention
from kg.extract.nlp import text_of
from kg.extract.parties import PartyReader
from kg.facts.models import Evidence, Meeting
from kg.lexicons import confidences


def evidence_in(text: str, sent, offset: int) -> Evidence:
    """The sentence of a parsed view as evidence in the document text."""
    raw = sent.text
    start = offset + sent.start_char + (len(raw) - len(raw.lstrip()))
    body = raw.strip()
    return Evidence(text=text[start : start + len(body)], start=start, end=start + len(body))


class MeetingBuilder:
    """Turns ``Found`` encounters of one document into ``Meeting`` facts."""

    def __init__(
        self, doc, table: EntityTable, mentions: list[Mention], published: date | None, heads: DelegationHeads
    ):
        self.doc, self.table, self.mentions, self.published, self.heads = doc, table, mentions, published, heads
        self.text = text_of(doc)
        self.case_lines = title_case_lines(self.text)

    def __call__(self, found: list[tuple[Found, PartyReader]]) -> list[Meeting]:
        built = [(self.meeting(f, reader), f) for f, reader in found]
        meetings = _fold_extensions([(m, f.series, f.extends) for m, f in built if m is not None])
        kept = _fold_titles(meetings, self.case_lines, self.heads.people_of)
        merged = _fold_restated(_fold_plans(merge(kept, self._place_rank)))
        lead_meetings(merged, self.doc, self.published, dateline_place(self.doc, self.mentions, self.table))
        return merged

    def meeting(self, f: Found, reader: PartyReader) -> Meeting | None:
        names: list[str] = []
        by_heads = False
        for p in f.parties:
            name = name_of(p, self.table)
            if p.via == "delegation" and name and self.table.is_country(name):
                head = self._head_of(name, f)
                by_heads = by_heads or head is not None
                name = head or name
            if name and name not in names:
                names.append(name)
        if len(names) < 2:
            return None
        status = f.status
        when = date_of(f, self.published)
        if not f.status_from_cue and status == "held" and _after(when, self.published):
            status = "scheduled"
        evidence = evidence_in(self.text, f.sentence, f.offset)
        return Meeting(
            participants=names,
            kind=f.kind,
            place=place_of(f, reader, self.table),
            date=when,
            status=status,
            evidence=evidence,
            confidence=self._confidence(f, by_heads, evidence),
        )

    def _place_rank(self, name: str) -> int:
        typ = next((e.type for e in self.table.entities() if e.name == name), None)
        return {"Place": 0, "City": 1, "Country": 2}.get(typ, 3)

    def _head_of(self, country: str, f: Found) -> str | None:
        """Who "the Chilean delegation" or "her British counterpart" is (kg.extract.heads)."""
        return self.heads(country, f.anchor if f.anchor is not None else f.offset + f.sentence.start_char)

    def _confidence(self, f: Found, by_heads: bool, evidence: Evidence) -> float:
        """What the rule earned (lexicons/confidence.json): verbs over nouns, less for delegations
        standing for their heads, for parties referred to rather than named, for Title Case lines."""
        c = confidences()["meeting"]
        value = c["delegation_heads"] if by_heads else c["verb"] if f.by_verb else c["noun"]
        if f.extends:
            value = min(value, c["coreference"])
        if any(p.via in {"title", "pronoun", "plural"} for p in f.parties):
            value += c["title_anaphora"]
        if any(a <= evidence.start < b for a, b in self.case_lines):
            value += c["title_case_line"]
        return round(min(max(value, 0.0), 1.0), 3)


def _after(when: str | None, published: date | None) -> bool:
    if not when or published is None:
        return False
    day = when.split("/")[0]
    return day > published.isoformat()[: len(day)]


def merge(meetings: list[tuple[Meeting, bool]], rank=None) -> list[Meeting]:
    """One meeting mentioned in several sentences is one meeting with all its evidence (a mention
    naming only some of its participants included); a series stays apart from single meetings."""
    out: list[Meeting] = []
    series_of: dict[int, bool] = {}
    for m, series in meetings:
        twin = next(
            (
                o for o in out
                if set(o.participants) == set(m.participants)
                and o.status == m.status
                and series_of[id(o)] == series
                and (o.date is None or m.date is None or o.date == m.date)
            ),
            None,
        )  # fmt: skip
        if twin is None:
            out.append(m)
            series_of[id(m)] = series
            continue
        if m.evidence != twin.evidence and m.evidence not in twin.more_evidence:
            twin.more_evidence.append(m.evidence)
            c = confidences()["meeting"]
            if m.confidence > c["coreference"]:  # a mention that names the parties itself backs them up
                twin.confidence = round(min(max(twin.confidence, m.confidence) + c["per_extra_evidence"], c["cap"]), 3)
        twin.place = _specific(twin.place, m.place, rank)
        twin.date = twin.date or m.date
    return out


def _specific(a: str | None, b: str | None, rank) -> str | None:
    """Of two places told for one meeting, the more specific (a venue over its city over its country)."""
    if a is None or b is None or rank is None:
        return a or b
    return b if rank(b) < rank(a) else a


def _absorb(into: Meeting, m: Meeting) -> None:
    for e in [m.evidence, *m.more_evidence]:
        if e != into.evidence and e not in into.more_evidence:
            into.more_evidence.append(e)
    into.place = into.place or m.place
    into.date = into.date or m.date


def _fold_extensions(meetings: list[tuple[Meeting, bool, bool]]) -> list[tuple[Meeting, bool]]:
    """An encounter taken up again with more parties ("... met in Tokyo." "Four ministers also
    attended the Summit") is one meeting: the earlier mention with fewer parties folds into it."""
    out: list[tuple[Meeting, bool]] = []
    for m, series, extends in meetings:
        if extends:
            for earlier in [e for e in out if set(e[0].participants) < set(m.participants) and e[0].status == m.status]:
                _absorb(m, earlier[0])
                m.evidence, m.more_evidence = (
                    earlier[0].evidence,
                    [e for e in m.more_evidence if e != earlier[0].evidence] + [m.evidence],
                )
                out.remove(earlier)
        out.append((m, series))
    return out


def _fold_titles(meetings, case_lines, people_of: dict[str, set[str]]) -> list[tuple[Meeting, bool]]:
    """A title line restates its article: a meeting read from it whose parties the body names in
    one meeting is that meeting (with the body's status, place and date). A country the title
    names may be named in the body by its official ("Meeting with UK Counterpart" -> the UK
    Foreign Secretary the body names)."""

    def titled(m: Meeting) -> bool:
        return any(a <= m.evidence.start < b for a, b in case_lines)

    def restates(m: Meeting, b: Meeting) -> bool:
        return all(p in b.participants or people_of.get(p, set()) & set(b.participants) for p in m.participants)

    body = [m for m, _ in meetings if not titled(m)]
    out = []
    for m, series in meetings:
        if titled(m):
            fuller = [b for b in body if restates(m, b)]
            if fuller:
                _absorb(min(fuller, key=lambda b: (b.status != m.status, len(b.participants))), m)
                continue
        out.append((m, series))
    return out


def _fold_restated(meetings: list[Meeting]) -> list[Meeting]:
    """A sentence that names some parties of a meeting it also tells in full ("Mubarak hosts the
    meeting, which will be the first meeting between Olmert and Abbas") tells one meeting."""
    out = list(meetings)
    for m in meetings:
        fuller = [
            o for o in out
            if o is not m and set(m.participants) < set(o.participants) and o.status == m.status
            and m.evidence in [o.evidence, *o.more_evidence]
        ]  # fmt: skip
        if fuller:
            _absorb(fuller[0], m)
            out.remove(m)
    return out


def _fold_plans(meetings: list[Meeting]) -> list[Meeting]:
    """A meeting the text reports cancelled was the plan it also reports scheduled: one fact."""
    cancelled = {frozenset(m.participants): m for m in meetings if m.status == "cancelled"}
    out = []
    for m in meetings:
        twin = cancelled.get(frozenset(m.participants))
        if m.status == "scheduled" and twin is not None:
            _absorb(twin, m)
            continue
        out.append(m)
    return out


def lead_meetings(meetings: list[Meeting], doc, published: date | None, dateline: str | None) -> None:
    """A held meeting reported in the lead (the first real sentence: not a Title Case line, not a
    short dateline; or a title line before it) without a date or place of its own happened on the
    publication day, at the dateline's place when the text opens with one."""
    if published is None and dateline is None:
        return
    title_lines = title_case_lines(text_of(doc))
    lead = next(
        (s for s in doc.sents if len(s.text.split()) >= 6 and not any(a <= s.start_char < b for a, b in title_lines)),
        None,
    )
    if lead is None:
        return
    for m in meetings:
        if m.status != "held" or not any(e.start < lead.end_char for e in [m.evidence, *m.more_evidence]):
            continue
        if m.date is None and published is not None:
            m.date = published.isoformat()
        if m.place is None and dateline is not None:
            m.place = dateline


def dateline_place(doc, mentions: list[Mention], table: EntityTable) -> str | None:
    """ "New York" alone on the first line of a text, followed by a line holding only a date: the
    dateline's city."""
    text = text_of(doc)
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if len(lines) < 2 or not dateline_date("\n".join(lines[1:2])):
        return None
    first = text.index(lines[0].strip())
    end = first + len(lines[0].strip())
    place = next((m for m in mentions if m.start == first and m.end == end), None)
    if place is not None and table.type(place) in {"City", "Place"}:
        return table.name(place)
    return None
