"""Title Case lines ("Australia Progresses AUKUS Review") confuse the small model's entity
recogniser: it glues verbs and common nouns to names. A sentence-cased copy of the line, where
common English words (by wordfreq) are lower-cased and names, acronyms, countries and titles keep
their capitals, is parsed once more; the model's entities are then trimmed of the words that copy
shows to be verbs or common words, and meetings are read off its parse. Offsets never change:
only letter case differs.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from kg.documents.sources import is_headline
from kg.extract.nlp import text_of
from kg.lexicons import gazetteer, name_words, titles

COMMON_ZIPF = 2.5  # wordfreq Zipf frequency above which a capitalised headline word is a common word
_WORD = re.compile(r"[A-Za-z][\w.-]*")
_CALENDAR = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}  # fmt: skip
_NOT_NAME_TAGS = {"VERB", "AUX", "ADJ", "ADV", "ADP", "DET", "NUM", "PRON", "NOUN", "CCONJ", "SCONJ", "PART"}


@cache
def _event_verb_forms() -> frozenset[str]:
    """Inflected forms of the encounter and status verbs ("Visits", "Cancels", "Meets"): never
    part of the name after a title ("IMF Deputy Dan Katz Visits China")."""
    from kg.lexicons import predicates, status_cues

    lemmas = set(predicates()["verbs"]) | {w for w in status_cues()["cancel"] if " " not in w}
    forms = {"met", "spoke", "saw", "held", "flew", "went", "sat"}
    for w in lemmas:
        stem = w[:-1] if w.endswith("e") else w
        forms |= {w, w + "s", w + "es", stem + "ed", w + "d", stem + "ing"}
    return frozenset(forms)


@cache
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def sentence_case(line: str, names: frozenset[str] = frozenset()) -> str:
    """Lower-case the common words of a Title Case line, keeping every name-like word and the
    ``names`` the body of the text capitalises mid-sentence ("the Dalai Lama")."""
    gaz = gazetteer()
    title_heads = {form[-1] for form in titles().forms if form not in titles().role_nouns}
    out = list(line)
    words = list(_WORD.finditer(line))
    protect_next = 0
    for k, w in enumerate(words):
        text = w.group(0)
        low = text.lower().rstrip(".")
        nxt = line[w.end() : w.end() + 2]
        keep = (
            k == 0
            or not text[0].isupper()
            or text.isupper()
            or any(c.isdigit() for c in text)
            or any(c.isupper() for c in text[1:])
            or nxt.startswith(("’s", "'s"))
            or (protect_next > 0 and low not in _event_verb_forms() and not low.endswith("ly"))
            or low in title_heads
            or low in _CALENDAR
            or gaz.country(text) or gaz.city_country(text) or low in gaz.demonyms
            or _zipf(low) < COMMON_ZIPF
            or text in names
        )  # fmt: skip
        protect_next = 3 if low in title_heads else max(0, protect_next - 1)
        if not keep:
            out[w.start()] = text[0].lower()
    return "".join(out)


@lru_cache(maxsize=16)
def title_case_lines(text: str) -> list[tuple[int, int]]:
    """Character spans of the Title Case lines of a text (headlines, article titles)."""
    from kg.extract.titles import find_titles

    spans, pos = [], 0
    for line in text.splitlines(keepends=True):
        byline = re.match(r"[^,]+,\s*", line)  # "António Guterres, Secretary-General"
        if byline and any(s == byline.end() for s, _ in find_titles(line)):
            pos += len(line)
            continue
        if is_headline(line):
            spans.append((pos, pos + len(line.rstrip())))
        pos += len(line)
    return tuple(spans)


def cased_lines(text: str) -> list[tuple[int, str]]:
    """The Title Case lines of a text, sentence-cased, with where each starts."""
    lines = title_case_lines(text)
    if not lines:
        return []
    body = text
    for start, end in lines:
        body = body[:start] + " " * (end - start) + body[end:]
    names = frozenset(w for run in _MID_SENTENCE_CAPS.findall(body) for w in run.split())
    return [(start, sentence_case(text[start:end], names)) for start, end in lines]


_MID_SENTENCE_CAPS = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+(?: [A-Z][a-z]+)*")


def common_words(tag_at: dict) -> frozenset[int]:
    """Offsets of the Title Case words the cased copy reads as common words ("Aide Defends
    Timing": defends, timing), which no name after a title runs into."""
    return frozenset(i for i, t in tag_at.items() if t.text[:1].islower() and t.pos_ not in {"PROPN", "PUNCT"})


def trim_entities(doc, tag_at: dict) -> list[tuple[int, int, str]]:
    """The model's entities inside Title Case lines, split at the words the cased copy tags as
    verbs and trimmed of common words at their edges; elsewhere unchanged. An organisation's name
    keeps its "of"/"for" tail ("U.S. Institute of Peace"), a listed organisation its whole name. ``tag_at`` maps a character offset of
    the document to the token of the cased copy there. Returns (start_char, end_char, label)."""
    lines = title_case_lines(text_of(doc))
    org_words = {w.lower() for w in name_words()["organization_words"]}
    out = []
    for ent in doc.ents:
        if not any(s <= ent.start_char < e for s, e in lines):
            out.append((ent.start_char, ent.end_char, ent.label_))
            continue
        pieces: list[list] = [[]]
        for tok in ent:
            ctok = tag_at.get(tok.idx)
            if ctok is not None and ctok.text[:1].islower() and ctok.pos_ in {"VERB", "AUX", "ADV"}:
                pieces.append([])
            else:
                pieces[-1].append(tok)
        for piece in pieces:
            listed = piece and gazetteer().organization(
                text_of(doc)[piece[0].idx : piece[-1].idx + len(piece[-1].text)]
            )
            if not listed:  # a listed name ("UN General Assembly") keeps its common words
                piece = _trim(piece, tag_at, any(t.lower_ in org_words for t in piece))
            if piece:
                out.append((piece[0].idx, piece[-1].idx + len(piece[-1].text), ent.label_))
    return out


def _common(tok, tag_at, nouns: bool) -> bool:
    ctok = tag_at.get(tok.idx)
    if ctok is None or not ctok.text[:1].islower():
        return False
    return ctok.pos_ in _NOT_NAME_TAGS and (nouns or ctok.pos_ != "NOUN")


def _trim(piece: list, tag_at: dict, orgish: bool) -> list:
    while piece and _common(piece[0], tag_at, nouns=not orgish):
        piece = piece[1:]
    while piece and (
        _common(piece[-1], tag_at, nouns=not orgish)
        or (
            orgish
            and _common(piece[-1], tag_at, nouns=True)
            and len(piece) > 1
            and piece[-2].lower_ not in {"of", "for", "and"}
        )
    ):
        piece = piece[:-1]
    return piece
