"""Names the model missed where an encounter word wants a party.

The small model leaves some names unlabelled ("Rubio met in Rome ...", "met with the Dalai
Lama") or calls them a nationality they are not ("Larijani"). A proper noun that sits where an
encounter word takes a party (its subject, object, possessor, or the object of with/to/between/
by) and is no title, date, country, event or organisation word is a person's name. Title Case
lines are left alone: their capitals say nothing about names.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cache

from kg.extract.headlines import title_case_lines
from kg.extract.mentions import CALENDAR, HONORIFIC_PREFIX, Mention
from kg.extract.nlp import text_of, token_bounds
from kg.lexicons import gazetteer, name_words, predicates, titles

_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "poss", "conj", "appos"})


def name_arguments(doc, mentions: list[Mention]) -> list[Mention]:
    """Proper nouns the model left unnamed (or called a nationality it is not: "Larijani") where
    an encounter word wants a party ("Rubio met ...", "met with the Dalai Lama") are person names."""
    words = _encounter_lemmas()
    triggers = [t for t in doc if t.lemma_.lower() in words]
    if not triggers:
        return mentions
    starts, ends = token_bounds(doc)
    at = {}
    for m in mentions:
        if m.type == "Demonym" and m.country is None:
            continue
        k = bisect_right(ends, m.start)
        while k < len(starts) and starts[k] < m.end:
            at[k] = m
            k += 1
    lines = title_case_lines(text_of(doc))  # their capitals say nothing about names
    # "visit Yasukuni" where the text also writes "Yasukuni Shrine": the venue, not a person
    venues = {m.text.split()[0] for m in mentions if m.type == "Place" and len(m.text.split()) > 1}
    added: list[Mention] = []
    for tok in triggers:
        if any(a <= tok.idx < b for a, b in lines):
            continue
        args = [c for c in tok.children if c.dep_ in _ARGUMENT_DEPS - {"conj"}]
        args += [p for c in tok.children if c.dep_ in {"prep", "agent"} and c.lower_ in {"with", "to", "between", "by"}
                 for p in c.children if p.dep_ == "pobj"]  # fmt: skip
        for a in list(args):
            args += list(a.conjuncts)
        for a in args:
            name = _bare_name(doc, a, at)
            if name is not None and name.text in venues:
                name = Mention(name.start, name.end, name.text, "Place")
            if name is not None:
                added.append(name)
                for t in doc[doc.char_span(name.start, name.end, alignment_mode="expand").start : a.i + 1]:
                    at[t.i] = name
        for p in tok.children:  # "will host X at Downing Street": an unnamed venue behind "at"/"in"
            if p.dep_ == "prep" and p.lower_ in {"at", "in"}:
                for o in p.children:
                    venue = _bare_venue(doc, o, at) if o.dep_ == "pobj" else None
                    if venue is not None:
                        added.append(venue)
                        at[o.i] = venue
    if not added:
        return mentions
    keep = [m for m in mentions if not any(n.start < m.end and m.start < n.end for n in added)]
    return sorted(keep + added, key=lambda m: m.start)


def _bare_venue(doc, tok, at: dict) -> Mention | None:
    """A proper noun ending in a venue word ("Downing Street", "Blair House") the model missed."""
    if tok.pos_ != "PROPN" or tok.i in at or tok.text.lower() not in _venue_heads():
        return None
    start = tok.i
    while start - 1 >= tok.sent.start and doc[start - 1].pos_ == "PROPN" and doc[start - 1].i not in at:
        start -= 1
    if start == tok.i:
        return None  # a bare "Street" is no name
    words = doc[start : tok.i + 1]
    return Mention(words.start_char, words.end_char, words.text, "Place")


@cache
def _venue_heads() -> frozenset[str]:
    return frozenset(w.lower() for w in name_words()["venue_words"] if " " not in w)


@cache
def _encounter_lemmas() -> frozenset[str]:
    lex = predicates()
    return frozenset(lex["verbs"]) | frozenset(lex["nouns"])


@cache
def _not_person_words() -> frozenset[str]:
    nw = name_words()
    return frozenset(w.lower() for k in ("organization_words", "venue_words", "event_words") for w in nw[k])


COMMON_ZIPF = 4.0  # wordfreq frequency above which a lone capitalised word is a common word


@cache
def _common_word(word: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") > COMMON_ZIPF


def _bare_name(doc, tok, at: dict) -> Mention | None:
    if tok.pos_ != "PROPN" or tok.i in at or not tok.text[:1].isupper() or tok.ent_type_ in {"DATE", "TIME"}:
        return None
    start = tok.i
    while (
        start - 1 >= tok.sent.start and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ in {"compound", "flat"}
    ):
        start -= 1
    while start < tok.i and (doc[start].lower_ in titles().words or doc[start].text in name_words()["honorifics"]):
        start += 1
    words = doc[start : tok.i + 1]
    lows = {w.lower_ for w in words} | {w.lemma_.lower() for w in words}
    if lows & (titles().words | CALENDAR | _not_person_words()) or any(t.i in at for t in words):
        return None
    start = _capitalised_modifier(doc, start)
    words = doc[start : tok.i + 1]
    if len(words) == 1 and _common_word(tok.lower_):
        return None  # "the Principal", "the Ministers": a capitalised common noun, not a name
    if tok.text.lower() in {w.lower() for w in name_words()["not_names"]} or gazetteer().country(words.text):
        return None
    start_char = words.start_char
    prefix = HONORIFIC_PREFIX.match(words.text)  # "Col. Ana Ruiz": the rank is no part of the name
    if prefix and prefix.end() < len(words.text):
        start_char += prefix.end()
    kind = "Organization" if tok.tag_ == "NNPS" else "Person"  # "the Houthis", "the Former Detainees": a group
    return Mention(start_char, words.end_char, text_of(doc)[start_char : words.end_char], kind)


def _capitalised_modifier(doc, start: int) -> int:
    """ "the Former Detainees": an adjective capitalised inside a sentence, right before a proper
    noun it modifies, is part of the name (a title's "former" is lower case: "former President")."""
    before = doc[start - 1] if start > 0 else None
    if (
        before is not None
        and before.i > before.sent.start
        and before.pos_ == "ADJ"
        and before.dep_ == "amod"
        and before.text[:1].isupper()
        and before.head.i >= start
    ):
        return start - 1
    return start
