"""Where and when an encounter took place, from the phrases attached to its clause.

A place is a venue, city or country behind "in" or "at" that hangs from the event word or the
verb holding it (through nested phrases: "on the sidelines of the summit in Brussels"); the most
specific wins (venue, then city, then country), then the nearest. An organisation whose name
starts with a building word ("at the Department of State") is its building. A visit with no
such phrase takes place in the city visited, else the country. A date is the date or time
expression attached the same way, else the nearest in the sentence, resolved against the
publication date (kg.documents.dates).
"""

from __future__ import annotations

from collections import deque
from datetime import date
from functools import cache

from kg.documents.dates import resolve
from kg.extract.discourse import name_of
from kg.extract.entities import EntityTable
from kg.extract.meetings import Found
from kg.extract.parties import PartyReader
from kg.lexicons import name_words

_WALK = frozenset({"prep", "pobj", "npadvmod", "conj", "appos", "pcomp", "advmod", "dobj", "compound", "nmod", "tmod"})
_MAX_DEPTH = 6
_OTHER_EVENT = frozenset({"before", "after", "following", "since", "until", "ahead", "prior", "preceding"})
_RANK = {"Place": 0, "City": 1, "Country": 2}
DATE_PREFIXES = {"since", "until", "before", "after", "by"}


@cache
def _building_words() -> frozenset[str]:
    return frozenset(name_words()["building_organizations"])


def _roots(found: Found) -> list:
    """The event word and the verb that holds it, where attached phrases hang."""
    t = found.trigger
    roots = [t]
    node = t
    if node.dep_ == "pobj" and node.head.lower_ == "of":
        node = node.head.head  # "rounds of talks"
    if node.dep_ in {"dobj", "attr", "nsubj", "nsubjpass"} and node.head.pos_ in {"VERB", "AUX"}:
        roots.append(node.head)
    elif node.dep_ == "pobj" and node.head.head.pos_ in {"VERB", "AUX"}:
        roots.append(node.head.head)
    if t.dep_ == "xcomp" and t.head.pos_ in {"VERB", "AUX"}:
        roots.append(t.head)
    return roots


def _attached(found: Found):
    """(token, depth) of the phrases attached to the event's clause, breadth first."""
    seen = set()
    queue = deque((r, 0) for r in _roots(found))
    while queue:
        tok, depth = queue.popleft()
        if tok.i in seen:
            continue
        seen.add(tok.i)
        yield tok, depth
        if depth < _MAX_DEPTH:
            queue.extend((c, depth + 1) for c in tok.children if _walks(c))


def _walks(tok) -> bool:
    """Whether the phrase ``tok`` heads still belongs to the event's clause: not another clause
    ("met X and both condemned the war in Ukraine"), not another event ("ahead of the summit in Japan")."""
    if tok.dep_ == "conj" and tok.pos_ in {"VERB", "AUX"}:
        return False
    if tok.lower_ in _OTHER_EVENT:
        return False
    return tok.dep_ in _WALK or _event_participle(tok)


def _event_participle(tok) -> bool:
    """ "the talks, held at the Palacio", "a meeting scheduled in Geneva": the participle says where."""
    return tok.dep_ == "acl" and tok.lemma_.lower() in {"hold", "schedule", "plan", "set", "slate", "convene"}


def place_of(found: Found, reader: PartyReader, table: EntityTable) -> str | None:
    parties = {name_of(p, table) for p in found.parties}
    best: tuple[int, int, str] | None = None
    for tok, depth in _attached(found):
        if tok.dep_ != "pobj" or tok.head.lower_ not in {"in", "at"}:
            continue
        m = reader.mention(tok) or reader.at.get(tok.i)
        if m is None or m.metonym or m.in_title:
            continue
        typ = table.type(m)
        if typ == "Organization" and tok.head.lower_ == "at" and m.text.split()[0] in _building_words():
            typ = "Place"
        name = table.name(m)
        if typ not in _RANK or (name in parties and found.kind != "visit"):
            continue
        key = (_RANK[typ], depth, name)
        if best is None or key < best:
            best = key
    if best is not None and (found.kind != "visit" or best[1] <= 2 or not found.destinations):
        return best[2]
    if found.kind == "visit":
        if found.destinations:
            return name_of(found.destinations[0], table)
        hosts = [p for p in found.parties if p.mention is None or table.type(p.mention) == "Country"]
        if hosts:
            return name_of(hosts[-1], table)
    return None


def sentence_dates(doc) -> list:
    """The date and time entities of a parsed view, found once per view."""
    found = doc.user_data.get("kg_dates")
    if found is None:
        found = doc.user_data["kg_dates"] = [e for e in doc.ents if e.label_ in {"DATE", "TIME"}]
    return found


def date_of(found: Found, published: date | None) -> str | None:
    """The resolved date of the encounter, or None when the text does not pin it down."""
    sent = found.sentence
    ents = [e for e in sentence_dates(sent.doc) if sent.start <= e.start < sent.end]
    if not ents:
        return None
    by_token = {i: e for e in ents for i in range(e.start, e.end)}
    chosen = None
    for tok, _depth in _attached(found):
        if tok.i in by_token:
            chosen = by_token[tok.i]
            break
    if chosen is None:
        t = found.trigger.i
        chosen = min(ents, key=lambda e: min(abs(e.start - t), abs(e.end - 1 - t)))
    # what is called off had not happened yet: "the visit planned for Thursday was cancelled"
    return resolve_date(chosen, sent, found.trigger, published, planned=found.status in {"scheduled", "cancelled"})


def resolve_date(chosen, sent, trigger, published: date | None, *, planned: bool) -> str | None:
    """The date a fact's date entity names, resolved against the publication date: the one place
    a meeting's or a relation's date is decided. A preposition of time before it stays with it
    ("by Friday"), and a weekday of a planned fact, or of a fact told in the present, is the
    coming one."""
    prev = sent.doc[chosen.start - 1].lower_ if chosen.start > sent.start else ""
    expression = f"{prev} {chosen.text}" if prev in DATE_PREFIXES else chosen.text
    return resolve(expression, published, future=planned or present_clause(trigger), planned=planned)


def present_clause(trigger) -> bool:
    """A present-tense clause ("X meets Y on Friday"): a bare weekday in it lies ahead."""
    verb = trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.head
    return verb.tag_ in {"VBZ", "VBP"} and not any(c.dep_ == "aux" for c in verb.children)
