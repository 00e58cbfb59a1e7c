"""The extraction pipeline: documents in, ``Extraction`` models out, one spaCy pass per document.

The steps, in order (each in its own module, each reading what the ones before produced):

1. ``mentions``  names and provisional types (the model's entities, repaired by gazetteers);
2. ``titles``    titles, what they are "of", the names they introduce;
3. ``entities``  mentions merged into entities with a voted type;
4. ``roles``     roles and affiliations as facts; then bare titles resolved to their holders;
5. ``meetings``  encounters read off the dependency parse (``parties`` for who a phrase stands
                 for, ``discourse`` for pronouns and "the two leaders", ``status`` for held /
                 scheduled / potential / cancelled), Title Case lines read from a sentence-cased parse;
6. ``encounters`` names, place and date (``attributes``), confidence, one fact per meeting.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from kg.extract.bare_names import name_arguments
from kg.extract.discourse import Discourse
from kg.extract.encounters import MeetingBuilder
from kg.extract.entities import EntityTable
from kg.extract.headlines import cased_lines, common_words, trim_entities
from kg.extract.heads import DelegationHeads
from kg.extract.meetings import Found, MeetingReader
from kg.extract.mentions import find_mentions, mark_metonyms, mark_person_cues, propagate_surnames
from kg.extract.nlp import BATCH_SIZE, DEFAULT_MODEL, PIECE_CHARS, load, parse_long, text_of
from kg.extract.offices import office_holders
from kg.extract.parties import PartyReader
from kg.extract.relations import RelationReader
from kg.extract.roles import roles_and_affiliations
from kg.extract.titles import anchor_titles, resolve_title_anaphora, titled_spans
from kg.facts.models import Document, Extraction, Relation
from kg.facts.specs import spec

# A spokesperson's words are their body's or country's act (GUIDELINES-relations.md, "Parties").
_SPOKESPERSON = re.compile(r"\b(?:spokes(?:wo)?man|spokesperson|press secretary)\b", re.IGNORECASE)
_FORMER = re.compile(r"\b(?:former|ex-|late|then-?|outgoing|erstwhile)\s*$", re.IGNORECASE)
View = tuple[object, int]  # a parsed text and where it starts in the document text


class Extractor:
    """Callable over documents; loads the spaCy pipeline once and parses in batches.

    Usage: ``for extraction in Extractor()(documents): ...``
    """

    def __init__(self, *, model: str = DEFAULT_MODEL, batch_size: int = BATCH_SIZE):
        self.nlp = load(model)
        self.batch_size = batch_size

    def __call__(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        """Parse in batches and extract, streaming: documents are not all held in memory. A text
        longer than the parser takes at once is parsed in pieces (``nlp.parse_long``)."""
        limit = min(self.nlp.max_length, PIECE_CHARS)
        texts = ((d.text if len(d.text) <= limit else "", d) for d in documents)
        pairs = self.nlp.pipe(texts, batch_size=self.batch_size, as_tuples=True)
        for parsed, document in pairs:
            if len(document.text) > limit:
                parsed = parse_long(self.nlp, document.text)
            parsed.user_data["kg_text"] = document.text  # what the doc was parsed from (see nlp.text_of)
            lines = cased_lines(document.text)
            views: list[View] = []
            ents = None
            if lines:  # Title Case lines: parse a sentence-cased copy; its tags trim the entities
                cased = self.nlp.pipe(text for _, text in lines)
                views = [(d, start) for d, (start, _) in zip(cased, lines, strict=True)]
                tag_at = {t.idx + start: t for d, start in views for t in d}
                ents = trim_entities(parsed, tag_at)
                parsed.user_data["kg_common_words"] = common_words(tag_at)
            yield extract_parsed(document, parsed, ents, views)


def extract_parsed(document: Document, doc, ents=None, views: list[View] | None = None) -> Extraction:
    """Every step over one parsed document (``views``: parsed Title Case lines, read instead of
    the document's own parse of those lines)."""
    mentions = name_arguments(doc, find_mentions(doc, ents))
    mark_metonyms(doc, mentions)
    mentions, titles = anchor_titles(doc, mentions)
    mentions = propagate_surnames(doc, mentions)
    mark_person_cues(doc, mentions)
    table = EntityTable(mentions)
    roles, affiliations = roles_and_affiliations(doc, mentions, titles, table)
    text = text_of(doc)
    former = {
        table.name(m) for s, _, m in titled_spans(titles, text, mentions) if _FORMER.search(text[max(0, s - 12) : s])
    }
    anaphors = resolve_title_anaphora(text, mentions, titles, [r for r in roles if r.person not in former])
    anaphors += office_holders(text, mentions, titles, roles)
    if anaphors:
        mentions = sorted(mentions + anaphors, key=lambda m: m.start)
        table = EntityTable(mentions)
    titles_of: dict[str, set[str]] = {}
    for r in roles:
        titles_of.setdefault(r.person, set()).update(r.title.lower().split())
    discourse = Discourse(
        person_country={r.person: r.of for r in roles if r.of},
        person_titles=titles_of,
        speakers=speakers(text, mentions, table),
    )

    titled = titled_spans(titles, text, mentions)
    speaks_for = {r.person: r.of for r in roles if r.of and _SPOKESPERSON.search(r.title)}
    speaks_for.update(_portfolio_speakers(text, titled, table, roles, speaks_for))
    heads = DelegationHeads(doc, mentions, table, roles)
    found, relations = read_sentences(
        doc, views or [], mentions, table, discourse, titled, speaks_for, document.date, heads
    )
    meetings = MeetingBuilder(doc, table, mentions, document.date, heads)(found)
    return Extraction(
        document=document,
        entities=table.entities(),
        roles=roles,
        affiliations=affiliations,
        meetings=meetings,
        relations=first_reports(relations),
    )


def read_sentences(doc, views: list[View], mentions, table: EntityTable, discourse: Discourse, titled=(),
                   speaks_for: dict[str, str] | None = None, published=None, heads=None):  # fmt: skip
    """Encounters and relations of every sentence in text order: the document's own sentences,
    except those of Title Case lines, which come from their sentence-cased parse."""
    covered = [(start, start + len(d.text)) for d, start in views]
    readers = {id(doc): PartyReader(doc, 0, mentions, table, discourse, titled)}
    sentences = [(s.start_char, s, doc) for s in doc.sents if not any(a <= s.start_char < b for a, b in covered)]
    for d, start in views:
        readers[id(d)] = PartyReader(d, start, mentions, table, discourse, titled)
        sentences += [(start + s.start_char, s, d) for s in d.sents]
    sentences.sort(key=lambda x: x[0])
    found: list[tuple[Found, PartyReader]] = []
    relations: list[Relation] = []
    meeting_readers = {k: MeetingReader(r, discourse) for k, r in readers.items()}
    relation_readers = {k: RelationReader(r, text_of(doc), speaks_for, published, heads) for k, r in readers.items()}
    for _, sent, d in sentences:
        found += [(f, readers[id(d)]) for f in meeting_readers[id(d)]([sent])]
        relations += relation_readers[id(d)](sent)
    return found, relations


def first_reports(relations: list[Relation]) -> list[Relation]:
    """Each relation once per document: the first sentence that states it (a headline, a lede and
    a quote repeating one act are one act)."""
    seen: set[tuple] = set()
    out = []
    for r in relations:
        pair = (r.source, r.target) if spec(r.type).directed else tuple(sorted((r.source, r.target)))
        key = (r.type, *pair, r.status)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


_LABEL = re.compile(r"^([A-Z][A-Z.'’ -]{1,60}):[ \t]", re.MULTILINE)


# "Chinese foreign ministry spokesperson", "China's defence ministry spokesman": a country (its
# demonym or possessive), a lowercase portfolio, then the title
_PORTFOLIO = re.compile(r"\b([A-Z][\w.]*(?: [A-Z][\w.]*)?)(?:['’]s)? (?:[a-z]+ ){1,3}$")


def _portfolio_speakers(text: str, titled, table: EntityTable, roles, known: dict[str, str]) -> dict[str, str]:
    """Spokespeople of an office that the text names only by a country and a lowercase portfolio
    ("Chinese foreign ministry spokesperson Mao Ning"): they speak for that country, when the
    country is an entity of the text (GUIDELINES-relations.md, "Parties")."""
    from kg.lexicons import gazetteer

    gaz, out = gazetteer(), {}
    spokes = {r.person for r in roles if _SPOKESPERSON.search(r.title)} - set(known)
    countries = {e.name for e in table.entities() if e.type == "Country"}
    for start, _, m in titled:
        person = table.name(m)
        found = _PORTFOLIO.search(text[max(0, start - 60) : start]) if person in spokes else None
        if found:
            word = found.group(1)
            country = gaz.demonyms.get(word.lower()) or gaz.country(word)
            if country in countries:
                out[person] = country
    return out


_QUOTE = re.compile(r"[\"“]([^\"“”]{2,600})[\"”]")
_TITLES_BETWEEN = re.compile(r"\s*,?\s*(?:[A-Z][\w.’'-]*\s+){0,4}")  # '," President Bush said'
_SPEECH = re.compile(r"\s+(?:said|says|told|added|stated)\b")


def speakers(text: str, mentions, table: EntityTable) -> list[tuple[int, int, object]]:
    """Who says "I" where, quotations first (the more specific):
    - a quotation and the person it is attributed to right after it ("'I praised the prime
      minister,' President Bush said"); one attributed to no named person ("..., he said")
      gives it to no one;
    - transcript turns: a line that opens with a capitalised label ("SECRETARY KERRY:", "MR.
      RHODES:") gives the floor to the person the document names with that surname, until the
      next label; a label naming nobody ("Q:", "MODERATOR:") gives it to no one."""
    people = [m for m in mentions if table.type(m) == "Person" and not m.anaphor]
    turns = []
    for q in _QUOTE.finditer(text):
        m = next((m for m in people if q.end() <= m.start < q.end() + 50), None)
        if m is not None and _TITLES_BETWEEN.fullmatch(text, q.end(), m.start) and _SPEECH.match(text, m.end):
            turns.append((q.start(), q.end(), m))
    labels = list(_LABEL.finditer(text))
    for k, label in enumerate(labels):
        end = labels[k + 1].start() if k + 1 < len(labels) else len(text)
        last = label.group(1).split()[-1].lower()
        named = next((m for m in people if table.name(m).split()[-1].lower() == last), None)
        turns.append((label.start(), end, named))
    return turns
