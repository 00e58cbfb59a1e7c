"""Find the names in a parsed document and give each a provisional type.

The small English model misses or mislabels names often enough to matter ("Blinken Meets" as one
person in a headline, "He Lifeng" missed, "Palacio de Santa Cruz" as a person). Mentions start
from the model's entities and are repaired with gazetteers, titles and word lists, all data.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.gazetteer_names import gazetteer_mentions, prefer_gazetteer, split_compound, two_word_demonyms
from kg.extract.mention_types import (  # noqa: F401  (re-exported: the mention model lives there)
    ACTOR_TYPES,
    CALENDAR,
    NAME_PARTICLES,
    TYPES_FROM_LABEL,
    Mention,
    classify,
)
from kg.extract.name_runs import repair_runs
from kg.extract.nlp import text_of
from kg.lexicons import gazetteer, honorific_pattern, meeting_words, name_suffix, name_words, titles

_NAME_TAILS = frozenset({"designate", "elect", "-designate", "-elect"})
_PREPS_OF_PLACE = {"in", "at", "to", "from", "near", "into", "across", "outside", "inside", "toward", "towards"}


_VENUE_LABELS = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT"})


def _venue_named(text: str) -> bool:
    """Whether a name ends in a venue word ("Yasukuni Shrine", "Blair House")."""
    words = text.split()
    return len(words) > 1 and words[-1] in name_words()["venue_words"]


def trigger_forms() -> set[str]:
    mw = meeting_words()
    return {w for w in mw["verbs"] if " " not in w}


def _clean_span(doc, start: int, end: int) -> tuple[int, int]:
    """Trim determiners, possessive endings and punctuation off a token span."""
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_punct):
        start += 1
    while end > start and (
        doc[end - 1].lower_ in {"'s", "’s", "'", "’"} or (doc[end - 1].is_punct and doc[end - 1].text != ".")
    ):
        end -= 1
    return start, end


def _cut_at_triggers(doc, start: int, end: int) -> int:
    """End a name before a capitalised meeting verb glued to it ("Blinken Meets")."""
    forms = trigger_forms()
    for i in range(start + 1, end):
        if doc[i].lower_ in forms and doc[i].text[0].isupper():
            return i
    return end


def find_mentions(doc, ents: list[tuple[int, int, str]] | None = None) -> list[Mention]:
    """Names in the document, from the model's entities (or ``ents``, as (start_char, end_char,
    label)) and the country gazetteer, without overlaps."""
    out: list[Mention] = []
    text_all = text_of(doc)
    not_names = {w.lower() for w in name_words()["not_names"]}
    events = {w.lower() for w in name_words()["event_heads"]}
    storms = set(name_words()["storm_words"])
    if ents is None:
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    for start_char, end_char, label in ents:
        label_type = TYPES_FROM_LABEL.get(label)
        if label_type is None and label in _VENUE_LABELS and _venue_named(text_all[start_char:end_char]):
            label_type = "Place"  # "Yasukuni Shrine" as a work of art: a named building is a venue
        ent = doc.char_span(start_char, end_char, alignment_mode="expand")
        if label_type is None or ent is None:
            continue
        start, end = _clean_span(doc, ent.start, ent.end)
        end = next((i for i in range(start + 1, end) if doc[i].is_sent_start), end)  # never across sentences
        if label_type == "Person":
            end = _cut_at_triggers(doc, start, end)
            end = next((i for i in range(start + 1, end) if doc[i].lower_ in CALENDAR), end)  # "Gates October"
            while end - start > 1 and doc[end - 1].lower_ in _NAME_TAILS:
                end -= 1  # "Morgan Tsvangirai" out of "designate Morgan Tsvangirai"; "Biden-elect"
            while end - start > 1 and (doc[start].lower_ in titles().words or doc[start].lower_ in _NAME_TAILS):
                start += 1  # "President Biden": the title is not part of the name
        if start >= end or (start > 0 and doc[start - 1].lower_ in storms and doc[start - 1].is_title):
            continue  # "Hurricane Maria": a storm's name, though the model found only "Maria"
        spans = _at_possessives(doc, start, end) if label_type == "Person" else [doc[start:end]]
        for piece_start, piece_end in (p for span in spans for p in split_compound(span)):
            text = text_all[piece_start:piece_end]
            if text.lower() in not_names or not any(c.isupper() for c in text) or text.split()[0].lower() in storms:
                continue  # "Cyclone Gonu" is named like a person, and is none
            typ, country = classify(text, label_type)
            if typ != "Person" and text.split()[-1].lower() in events:
                out += _parties_in_event(text_all, piece_start, text)
                continue  # "the Japan-EU Summit": an event, no entity; its named parties are
            listed = gazetteer().organization(text) if typ != "Country" else None
            if listed:
                typ = "Organization"
            out.append(Mention(piece_start, piece_end, text, typ, country, canonical=listed))
    out = [m for m in map(lambda m: _retype(doc, m), out) if m is not None and not _common_noun(text_all, m)]
    out = [_place_after_article(text_all, m) for m in out]
    out = _join_split_names(doc, out)
    out = two_word_demonyms(text_all, out)
    out = prefer_gazetteer(doc, out)
    out += gazetteer_mentions(doc, out)
    for m in out:
        _tidy(text_all, m)
    out = repair_runs(doc, out)
    out.sort(key=lambda m: m.start)
    _persons_by_coordination(doc, out)
    return out


def _at_possessives(doc, start: int, end: int) -> list:
    """ "Oddar Meanchey’s Ta Moan": a person's name holds no possessive, so the model ran an owner
    and what it owns together; each is a name of its own (the names of places and bodies may:
    "the People’s Republic of China")."""
    cuts = [i for i in range(start + 1, end - 1) if doc[i].tag_ == "POS"]
    bounds = [start, *[j for i in cuts for j in (i, i + 1)], end]
    return [doc[a:b] for a, b in zip(bounds[::2], bounds[1::2], strict=True) if b > a]


def _persons_by_coordination(doc, mentions: list[Mention]) -> None:
    """ "Macron and Scholz meet in Paris": a one-word name the model calls a place, which no
    gazetteer knows, joined by "and" to a person is a person too (coordinated names are of one
    kind; a known city, "Biden and Beijing", keeps its type)."""
    gaz = gazetteer()
    spans = [(m, doc.char_span(m.start, m.end, alignment_mode="expand")) for m in mentions]
    by_token = {t.i: m for m, span in spans for t in span or ()}
    for m, span in spans:
        if m.type not in {"City", "Place"} or " " in m.text or gaz.city_country(m.text) or gaz.country(m.text):
            continue
        if span is not None and any(
            (other := by_token.get(c.i)) is not None and other.type == "Person" for c in span.root.conjuncts
        ):
            m.type = "Person"


def _parties_in_event(text: str, start: int, name: str) -> list[Mention]:
    """The countries and listed organisations that open an event's name ("UK-EU Summit")."""
    gaz = gazetteer()
    first = name.split()[0]
    parts = re.split(r"(?<=\w|\.)[-–](?=[A-Z])", first)
    if len(parts) < 2:
        return []
    out, pos = [], start
    for p in parts:
        at = text.index(p, pos)
        pos = at + len(p)
        if gaz.country(p):
            out.append(Mention(at, pos, p, "Country", gaz.country(p)))
        elif gaz.organization(p):
            out.append(Mention(at, pos, p, "Organization", canonical=gaz.organization(p)))
        else:
            return []
    return out


_GENERIC_SINGLE = {
    "ministry", "department", "council", "commission", "committee", "agency", "office", "authority", "court",
    "service", "group", "company", "union", "party", "bank", "fund", "board", "institute", "center", "centre",
    "university", "foundation", "association", "organization", "organisation", "chamber", "army", "navy", "forces",
    "background", "readout", "statement", "briefing",
}  # fmt: skip
_GOVERNMENT_WORDS = {"government", "administration", "authorities", "side", "delegation", "leadership", "regime"}


def _retype(doc, m: Mention) -> Mention | None:
    """Repairs that need the whole name: a lone generic word ("the Administration") is no name; a
    title at the start makes the rest a person ("Spokesperson Ned Price"); "Russian Government"
    is Russia acting."""
    words = m.text.split()
    if len(words) == 1 and words[0].lower() in _GENERIC_SINGLE | _GOVERNMENT_WORDS:
        return None
    if len(words) == 2 and words[1].lower() in _GOVERNMENT_WORDS and gazetteer().demonyms.get(words[0].lower()):
        end = m.start + len(words[0])
        return Mention(m.start, end, words[0], "Demonym", gazetteer().demonyms[words[0].lower()], metonym=True)
    if m.type != "Person" and len(words) > 1:
        head = titles()
        k = next(
            (len(f) for f in head.forms if len(f) < len(words) and tuple(w.lower() for w in words[: len(f)]) == f), 0
        )
        while k < len(words) - 1 and words[k].lower() in head.words and (k > 0 or (words[0].lower(),) in head.forms):
            k += 1  # "National Security Advisor Ajit Doval": a title at the start makes the rest a person
        if k and words[k][:1].isupper():
            start = m.start + m.text.index(words[k], len(" ".join(words[:k])))
            return Mention(start, m.end, text_of(doc)[start : m.end], "Person")
    return m


def _common_noun(text: str, m: Mention) -> bool:
    """ "the Principal", "the Ministers": one capitalised common word after "the" is no name."""
    if " " in m.text or m.type != "Person" or not text[: m.start].endswith(("the ", "The ")):
        return False
    from wordfreq import zipf_frequency

    return zipf_frequency(m.text.lower(), "en") > 4.0


_ARTICLE_AFTER_PLACE_PREP = re.compile(rf"\b(?:{'|'.join(sorted(_PREPS_OF_PLACE))})\s+the\s+$", re.IGNORECASE)


def _place_after_article(text: str, m: Mention) -> Mention:
    """ "in the Sahel", "across the Maghreb": a person's name takes no article, so one word the
    model calls a person after a preposition of place and "the" names a place."""
    if (
        m.type != "Person"
        or " " in m.text
        or not _ARTICLE_AFTER_PLACE_PREP.search(text[max(0, m.start - 20) : m.start])
    ):
        return m
    return replace(m, type="Place")


def _join_split_names(doc, mentions: list[Mention]) -> list[Mention]:
    """ "Marta" (tagged a place) right before "Lucía Ramírez" (a person) is one person's name."""
    out: list[Mention] = []
    text = text_of(doc)
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None and m.type == "Person" and prev.type == "City" and prev.country is None
            and len(prev.text.split()) == 1 and text[prev.end : m.start] == " "
            and text[max(0, prev.start - 4) : prev.start] not in ("the ", "The ")
        ):  # fmt: skip
            out[-1] = Mention(prev.start, m.end, text[prev.start : m.end], "Person")
            continue
        if (  # "Ursula von der" + "Leyen": a name that ends in a particle goes on
            prev is not None and prev.type == "Person" and prev.text.split()[-1].lower() in NAME_PARTICLES
            and text[prev.end : m.start] == " " and " " not in m.text
        ):  # fmt: skip
            out[-1] = Mention(prev.start, m.end, text[prev.start : m.end], "Person")
            continue
        out.append(m)
    return out


_ORDINALS = (
    "First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth|Thirteenth|Fourteenth|"
    "Fifteenth|Sixteenth|Seventeenth|Eighteenth|Nineteenth|Twentieth|Twenty-third"
)
# generational and regnal suffixes: "Joseph R. Biden, Jr.", "Charles III", "Benedict the Sixteenth"
_SUFFIXES = "|".join(re.escape(s) for s in sorted(name_words()["name_suffixes"], key=len, reverse=True))
_SUFFIX = re.compile(rf",?\s(?:{_SUFFIXES}|the\s(?:{_ORDINALS}))(?![\w])")
HONORIFIC_PREFIX = re.compile("^" + honorific_pattern(at_least_one=True))
_POSSESSIVE = re.compile(r"['’`]s?$")
_AFTER_BRACKET = re.compile(r"\)\s+[A-Z][\w’'-]+")
_HYPHEN_TAIL = re.compile(r"-[^\W\d_]+(?![\w-])")


def name_end(text: str, end: int) -> int:
    """Where a personal name ending at ``end`` really ends: after its suffix, if any."""
    joined = _HYPHEN_TAIL.match(text, end)  # "Do-hyun"
    end = joined.end() if joined else end
    suffix = _SUFFIX.match(text, end)
    return suffix.end() if suffix else end


def _tidy(text: str, m: Mention) -> None:
    """Honorifics off, possessives off, generational suffixes on ("Joseph R. Biden, Jr."),
    brackets out ("(Omar) Bongo")."""
    if m.type == "Person":
        pre = HONORIFIC_PREFIX.match(m.text)
        if pre and pre.end() < len(m.text):
            m.start += pre.end()
        suffix = _SUFFIX.match(text, m.end)
        if suffix:
            m.end = suffix.end()
        joined = _HYPHEN_TAIL.match(text, m.end)  # "Shin Won-sik" when the model stopped at "Won"
        if joined:
            m.end = joined.end()
    poss = _POSSESSIVE.search(text[m.start : m.end])
    if poss and m.end - m.start > len(poss.group(0)) + 1:
        m.end -= len(poss.group(0))
    while m.end > m.start and text[m.end - 1].isspace():
        m.end -= 1
    m.text = text[m.start : m.end]
    if text[m.start - 1 : m.start] == "(" and (surname := _AFTER_BRACKET.match(text, m.end)):
        m.end = surname.end()  # the model stopped at the bracketed given name ("(Omar)")
    span = text[m.start : m.end]
    if span.count("(") > span.count(")") and m.type != "Organization" and " (" in span:
        m.end = m.start + span.rindex(" (")  # "Islamic Maghreb (AQIM": no name ends inside a bracket
        m.text = span = text[m.start : m.end]  # (an organisation's qualifier: kg.extract.name_runs)
    if span.count(")") > span.count("(") and text[m.start - 1 : m.start] == "(":
        m.start -= 1  # "President (Omar) Bongo": a given name in brackets is part of the name,
        m.text = " ".join(text[m.start : m.end].replace("(", " ").replace(")", " ").split())  # without them


_APPOSITIVE_TITLE = re.compile(r",\s+(?:the|a|an)\s+(?:[\w.-]+\s+){0,3}?([a-z][\w-]+)\s*(?:,|of\b)", re.IGNORECASE)


def mark_person_cues(doc, mentions: list[Mention]) -> None:
    """Mark names that a title or honorific introduces ("chairman Prachanda", "Mr. Sisi") or an
    appositive title follows ("Erdogan, the Turkish president,"): whatever the model labelled
    them once, such names are people's."""
    text = text_of(doc)
    words = {w for w in titles().words if len(w) > 3} | {h.lower().rstrip(".") for h in name_words()["honorifics"]}
    gaz = gazetteer()
    for m in mentions:
        if gaz.country(m.text) or gaz.city_country(m.text) or m.type == "Demonym":
            continue  # a place is never a person
        before = re.findall(r"[\w.-]+", text[max(0, m.start - 30) : m.start])
        after = _APPOSITIVE_TITLE.match(text, m.end)
        if (before and before[-1].lower().rstrip(".") in words) or (after and after.group(1).lower() in words):
            m.person_cue = True


def mark_metonyms(doc, mentions: list[Mention]) -> None:
    """Capitals and demonyms that act as their country ("Beijing is unlikely to agree", "the Chinese side")."""
    group_nouns = set(meeting_words()["group_nouns"])
    for m in mentions:
        if m.country is None or m.type == "Country":
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        after = doc[span.end].lower_ if span.end < len(doc) else ""
        if m.type == "City" and before not in _PREPS_OF_PLACE and span.root.dep_ in {"nsubj", "nsubjpass"}:
            m.metonym = True
        elif m.type == "Demonym" and after in group_nouns:
            m.metonym = True


def propagate_surnames(doc, mentions: list[Mention]) -> list[Mention]:
    """Bare surnames the model missed ("Lopez later spoke") once the full name was found."""
    names = [name_suffix(m.text)[0].split() for m in mentions if m.type == "Person"]
    surnames = {words[-1] for words in names if len(words) > 1 and len(words[-1]) > 2}
    taken = [(m.start, m.end) for m in mentions]
    added = []
    for tok in doc:
        if tok.text in surnames and not any(s <= tok.idx < e for s, e in taken):
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha and nxt.i != nxt.sent.start:
                continue  # part of another name ("Lopez Obrador")
            added.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, "Person"))
    return sorted(mentions + added, key=lambda m: m.start)
