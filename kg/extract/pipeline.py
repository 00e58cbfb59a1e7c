"""The extraction pipeline: documents in, ``Extraction`` models out, one spaCy pass per document.

Steps, each in its own module: mentions (names and provisional types) -> roles (titles, the names
they introduce, what they are "of") -> entities (merge and vote) -> roles and affiliations as facts
-> meetings (participants, status, place, date) -> merge repeated mentions of one meeting.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from kg.documents import dateline_date
from kg.extract.entities import EntityTable
from kg.extract.headlines import recase, title_case_lines, trim_entities
from kg.extract.meetings import Found, MeetingFinder
from kg.extract.mentions import ROYAL_TITLES, Mention, find_mentions, mark_metonyms, propagate_surnames
from kg.extract.roles import anchor_titles, country_of, resolve_title_anaphora, title_after, title_before
from kg.lexicons import confidences, gazetteer
from kg.models import Affiliation, Document, Evidence, Extraction, Meeting, Role
from kg.nlp import BATCH_SIZE, DEFAULT_MODEL, load, text_of


class Extractor:
    """Callable over documents; loads the spaCy pipeline once and parses in batches.

    Usage: ``for extraction in Extractor()(documents): ...``
    """

    def __init__(self, *, model: str = DEFAULT_MODEL, batch_size: int = BATCH_SIZE, processes: int = 1):
        self.nlp = load(model)
        self.batch_size = batch_size
        self.processes = processes

    def __call__(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        """Parse in batches and extract, streaming: documents are not all held in memory."""
        pairs = self.nlp.pipe(
            ((d.text, d) for d in documents), batch_size=self.batch_size, n_process=self.processes, as_tuples=True
        )
        for parsed, document in pairs:
            parsed.user_data["kg_text"] = document.text  # what the doc was parsed from (see nlp.text_of)
            cased_text = recase(document.text)
            ents = None
            if cased_text is not None:  # Title Case lines: trim the entities with a sentence-cased tagging
                with self.nlp.select_pipes(enable=["tok2vec", "tagger", "attribute_ruler"]):
                    ents = trim_entities(parsed, self.nlp(cased_text))
            yield extract_parsed(document, parsed, ents)


def _evidence(sent) -> Evidence:
    text = sent.text.strip()
    start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
    return Evidence(text=text, start=start, end=start + len(text))


def extract_parsed(document: Document, doc, ents: list[tuple[int, int, str]] | None = None) -> Extraction:
    mentions = find_mentions(doc, ents)
    mark_metonyms(doc, mentions)
    mentions, titles = anchor_titles(doc, mentions)
    mentions = propagate_surnames(doc, mentions)
    table = EntityTable(mentions)
    roles, affiliations = _roles_and_affiliations(doc, mentions, titles, table)
    holders: dict[str, set[str]] = {}
    for r in roles:
        holders.setdefault(r.title.lower(), set()).add(r.person)
    anaphors = resolve_title_anaphora(text_of(doc), mentions, titles, holders)
    if anaphors:
        mentions = sorted(mentions + anaphors, key=lambda m: m.start)
        table = EntityTable(mentions)
    finder = MeetingFinder(doc, mentions, [t for t in titles if not t.anaphor], table, published=document.date)
    found = finder()
    sentences = list(doc.sents)
    heads = {id(f): _delegation_heads(f, sentences, mentions, roles, table) for f in found if f.via_group}
    meetings = _merge([(_meeting(f, table, heads.get(id(f))), f.series) for f in found])
    _lead_meetings(meetings, sentences, document.date, _dateline_place(doc, mentions, table))
    return Extraction(
        document=document,
        entities=table.entities(),
        roles=roles,
        affiliations=affiliations,
        meetings=meetings,
    )


def _sentence_of(doc, char: int):
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.sent if span is not None else next(iter(doc.sents))


def _roles_and_affiliations(doc, mentions: list[Mention], titles, table: EntityTable):
    text = text_of(doc)
    roles: dict[tuple, Role] = {}
    affs: dict[tuple, Affiliation] = {}
    for m in mentions:
        if table.type(m) != "Person" or m.in_title:
            continue
        person = table.name(m)
        evidence = _evidence(_sentence_of(doc, m.start))
        royal = _royal_role(doc, m, person)
        if royal is not None:
            roles.setdefault((person, royal.title.lower(), None), royal)
        appositive = title_after(titles, text, m, mentions)
        rc, ac = confidences()["role"], confidences()["affiliation"]
        for span in [*title_before(titles, text, m), *([appositive] if appositive else [])]:
            role_conf = rc["appositive_title"] if span is appositive else rc["title_before_name"]
            of = span.of
            of_name = country_of(of) if of is not None and (of.type in {"Country", "Demonym"} or of.metonym) else None
            if of is not None and of.type == "Organization":
                of_name = table.name(of)
                affs.setdefault(
                    (person, of_name),
                    Affiliation(
                        person=person, organization=of_name, evidence=evidence, confidence=ac["title_of_organisation"]
                    ),
                )
            title = re.sub(r"\s+", " ", span.text)
            if of is not None and span.of_start is None and title.lower().endswith(of.text.lower()):
                title = re.sub(r"\s+of\s+(the\s+)?" + re.escape(of.text) + "$", "", title, flags=re.IGNORECASE)
            roles.setdefault(
                (person, title.lower(), of_name),
                Role(person=person, title=title, of=of_name, evidence=evidence, confidence=role_conf),
            )
            # an organisation named in or right before the title ("U.S. Treasury Secretary")
            for o in mentions:
                if table.type(o) == "Organization" and o is not of and o.start < span.end and span.start < o.end:
                    name = table.name(o)
                    affs.setdefault(
                        (person, name),
                        Affiliation(
                            person=person, organization=name, evidence=evidence, confidence=ac["title_of_organisation"]
                        ),
                    )
                    inner = _country_prefix(o.text)
                    if inner and roles.get((person, title.lower(), None)):
                        del roles[(person, title.lower(), None)]
                        roles[(person, title.lower(), inner)] = Role(
                            person=person, title=title, of=inner, evidence=evidence, confidence=role_conf
                        )
        # "William Reinsch of the Center for ...", "X, an analyst at Y"
        after = text[m.end : m.end + 80]
        tail = re.match(r"(?:,\s+(?:an?|the)\s+[\w\s-]{0,40}?\s+(?:at|of|with)|\s+of|\s+from)\s+(?:the\s+)?", after)
        if tail:
            org = next((o for o in mentions if o.start == m.end + tail.end()), None)
            if org is not None and table.type(org) == "Organization":
                name = table.name(org)
                affs.setdefault(
                    (person, name),
                    Affiliation(person=person, organization=name, evidence=evidence, confidence=ac["of_phrase"]),
                )
            # "President Abdel Fattah Al-Sisi of Egypt": the country the title before the name is of
            if org is not None and tail.group(0).strip().startswith("of") and table.type(org) == "Country":
                for key, role in list(roles.items()):
                    if role.person == person and role.of is None and role.evidence == evidence:
                        del roles[key]
                        roles[(person, role.title.lower(), table.name(org))] = role.model_copy(
                            update={"of": table.name(org)}
                        )
    return _most_specific(list(roles.values())), list(affs.values())


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


def _royal_role(doc, m: Mention, person: str) -> Role | None:
    """ "King Charles": the title stays part of the name and is a role too."""
    first = m.text.split()[0]
    if first in ROYAL_TITLES and len(m.text.split()) > 1:
        evidence = _evidence(_sentence_of(doc, m.start))
        return Role(
            person=person, title=first, of=None, evidence=evidence, confidence=confidences()["role"]["royal_title"]
        )
    return None


def _lead_meetings(meetings: list[Meeting], sentences: list, published, dateline_place: str | None) -> None:
    """A held meeting reported in the lead (the first real sentence: not a Title Case line, not a
    short dateline; or a title line before it) without a date or place of its own happened on the
    publication day, at the dateline's place when the text opens with one."""
    if not sentences or (published is None and dateline_place is None):
        return
    text = text_of(sentences[0].doc)
    title_lines = title_case_lines(text)
    lead = next(
        (s for s in sentences if len(s.text.split()) >= 6 and not any(a <= s.start_char < b for a, b in title_lines)),
        None,
    )
    if lead is None:
        return
    for m in meetings:
        if m.status != "held" or not any(e.start < lead.end_char for e in [m.evidence, *m.more_evidence]):
            continue
        if m.date is None and published is not None:
            m.date = published.isoformat()
        if m.place is None and dateline_place is not None:
            m.place = dateline_place


def _dateline_place(doc, mentions: list[Mention], table: EntityTable) -> str | None:
    """ "New York" alone on the first line of a text, followed by a line holding only a date: the
    dateline's city."""
    lines = [ln for ln in text_of(doc).splitlines() if ln.strip()]
    if len(lines) < 2 or not dateline_date("\n".join(lines[1:2])):
        return None
    first = text_of(doc).index(lines[0].strip())
    end = first + len(lines[0].strip())
    place = next((m for m in mentions if m.start == first and m.end == end), None)
    if place is not None and table.type(place) in {"City", "Place"}:
        return table.name(place)
    return None


def _delegation_heads(f: Found, sentences: list, mentions: list[Mention], roles: list[Role], table: EntityTable):
    """ "Delegations from the United States and China resumed negotiations": the countries stand for
    their delegations' heads when, within two sentences, the text titles exactly one person of each."""
    idx = next(i for i, s in enumerate(sentences) if s.start == f.sentence.start)
    lo, hi = sentences[max(0, idx - 2)].start_char, sentences[min(len(sentences) - 1, idx + 2)].end_char
    nearby = {table.name(m) for m in mentions if lo <= m.start < hi and table.type(m) == "Person"}
    heads = []
    for m in f.participants:
        country = table.name(m) if table.type(m) == "Country" else None
        people = {r.person for r in roles if country and r.of == country and r.person in nearby}
        if len(people) != 1:
            return None
        heads.append(people.pop())
    return heads


def _meeting(f: Found, table: EntityTable, heads: list[str] | None = None) -> Meeting:
    names: list[str] = list(heads or [])
    place = table.name(f.place) if f.place is not None else None
    if f.place is not None and f.place.country is not None and table.type(f.place) == "Country":
        place = f.place.country
    for m in [] if heads else f.participants:
        typ = table.type(m)
        name = table.name(m)
        if f.kind == "visit" and typ == "City" and m.country:
            name = table.country_entity(m.country)
            place = place or table.name(m)
        if name and name not in names:
            names.append(name)
    return Meeting(
        participants=names,
        kind=f.kind,
        place=place,
        date=f.date,
        status=f.status,
        evidence=_evidence(f.sentence),
        confidence=_meeting_confidence(f, heads is not None),
    )


def _case_lines(doc) -> list[tuple[int, int]]:
    """The document's Title Case lines, found once per document."""
    lines = doc.user_data.get("kg_case_lines")
    if lines is None:
        lines = doc.user_data["kg_case_lines"] = title_case_lines(text_of(doc))
    return lines


def _meeting_confidence(f: Found, by_heads: bool) -> float:
    """What the rule earned (lexicons/confidence.json): verbs over nouns, less for delegations
    standing for their heads, for titles standing for people and for Title Case lines."""
    c = confidences()["meeting"]
    value = c["delegation_heads"] if by_heads else c["verb"] if f.by_verb else c["noun"]
    if any(m.anaphor for m in f.participants):
        value += c["title_anaphora"]
    if any(a <= f.sentence.start_char < b for a, b in _case_lines(f.sentence.doc)):
        value += c["title_case_line"]
    return round(min(max(value, 0.0), 1.0), 3)


def _merge(meetings: list[tuple[Meeting, bool]]) -> list[Meeting]:
    """One meeting mentioned in several sentences is one meeting with all its evidence (a mention
    naming only some of its participants included); a series
    ("four rounds of talks") stays apart from the single meetings of the same parties."""
    out: list[Meeting] = []
    series_of: dict[int, bool] = {}
    for m, series in meetings:
        if len(m.participants) < 2:
            continue
        twin = next(
            (
                o for o in out
                if (set(o.participants) <= set(m.participants) or set(m.participants) <= set(o.participants))
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
        if len(m.participants) > len(twin.participants):  # the fuller mention names everyone
            twin.participants = m.participants
        if m.evidence != twin.evidence and m.evidence not in twin.more_evidence:
            twin.more_evidence.append(m.evidence)
            c = confidences()["meeting"]
            twin.confidence = round(min(max(twin.confidence, m.confidence) + c["per_extra_evidence"], c["cap"]), 3)
        twin.place = twin.place or m.place
        twin.date = twin.date or m.date
    return out
