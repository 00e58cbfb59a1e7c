"""Names the gazetteer knows: countries, capitals, cities, regions and demonyms the model missed,
cut short or glued together ("Paris-Saclay" over "Paris", "U.S.-China" as two countries, "Sri
Lankan" as one demonym). Works on character offsets; returns ``Mention`` objects.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from kg.extract.mention_types import Mention, classify
from kg.extract.nlp import text_of, token_bounds
from kg.lexicons import gazetteer, name_words


def two_word_demonyms(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "Sri Lankan", "South Korean", "New Zealander": the model may tag the second word alone
    (even as a person); with the word before it, it is the demonym."""
    demonyms = gazetteer().demonyms
    out = []
    for m in mentions:
        prev = re.search(r"([A-Z][\w.]*)[ \t]+$", text[max(0, m.start - 20) : m.start])
        if prev and " " not in m.text:
            joined = f"{prev.group(1)} {m.text}"
            if joined.lower() in demonyms:
                start = m.start - len(prev.group(0))
                out = [o for o in out if o.end <= start]
                out.append(Mention(start, m.end, joined, "Demonym", demonyms[joined.lower()]))
                continue
        out.append(m)
    return out


def prefer_gazetteer(doc, mentions: list[Mention]) -> list[Mention]:
    """A listed place or organisation that is longer than the model's entity wins ("Paris-Saclay"
    over "Paris", "the State of Israel" over "Israel", "Communist Party of China" over "Communist
    Party")."""
    gaz = gazetteer()
    out = []
    for m in mentions:
        grown, listed = None, None
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        for n in (1, 2, 3) if m.type == "Organization" else (1, 2):
            if span is None or span.end + n > len(doc):
                break
            longer = doc[span.start : span.end + n]
            if gaz.city_country(longer.text) or (gaz.country(longer.text) and m.type != "Person"):
                grown = longer
            elif m.type == "Organization" and gaz.organization(longer.text):
                grown, listed = longer, gaz.organization(longer.text)
        for n in (2, 3, 4):  # "State of Israel", "Islamic Republic of Iran"
            if span is None or m.type != "Country" or span.start - n < 0 or doc[span.start - 1].lower_ != "of":
                break
            longer = doc[span.start - n : span.end]
            if longer[0].text[:1].isupper() and gaz.country(longer.text) == m.country:
                grown = longer
        if grown is not None:
            typ, country = classify(grown.text, m.type) if listed is None else ("Organization", None)
            m = Mention(grown.start_char, grown.end_char, grown.text, typ, country, canonical=listed)
        out.append(m)
    return out


def split_compound(span) -> list[tuple[int, int]]:
    """Split "U.S.-China" or "Rwanda–Congo" into their countries; other spans stay whole."""
    text = span.text
    parts = re.split(r"(?<=\w|\.)[-–](?=[A-Z])", text)
    gaz = gazetteer()
    if len(parts) > 1 and all(gaz.country(p) for p in parts[:1]) and any(gaz.country(p) for p in parts[1:]):
        pieces, pos = [], span.start_char
        for p in parts:
            idx = span.start_char + text.index(p, pos - span.start_char)
            if gaz.country(p):
                pieces.append((idx, idx + len(p)))
            pos = idx + len(p)
        return pieces
    return [(span.start_char, span.end_char)]


def _regions() -> set[str]:
    return set(name_words()["place_words"])


def gazetteer_mentions(doc, found: list[Mention]) -> list[Mention]:
    """Country names, capitals, listed cities and organisations the model missed (common in Title
    Case headlines).

    Works on plain (text, start, end) tuples and a per-token "taken" flag rather than spaCy spans:
    the scan tries up to seven n-grams at every capitalised token, and building spans for them
    was a tenth of all extraction time."""
    gaz = gazetteer()
    regions = _regions()
    text = text_of(doc)
    starts, ends = token_bounds(doc)
    toks = [(t.text, s, e) for t, s, e in zip(doc, starts, ends, strict=True)]
    taken = [False] * len(toks)
    for m in found:  # the tokens each mention overlaps
        k = bisect_right(ends, m.start)
        while k < len(toks) and starts[k] < m.end:
            taken[k] = True
            k += 1
    out: list[Mention] = []
    i = 0
    while i < len(toks):
        if not toks[i][0][:1].isupper():
            i += 1
            continue
        for n in (7, 6, 5, 4, 3, 2, 1):
            if i + n > len(toks):
                continue
            last = toks[i + n - 1][0]
            if not last[:1].isupper() and not last.endswith("."):
                continue
            if any(taken[i : i + n]):
                continue
            start, end = toks[i][1], toks[i + n - 1][2]
            name = text[start:end]
            country = gaz.country(name)
            if country and (name.isupper() or name[0].isupper()):
                if name in {"US"} and i > 0 and toks[i - 1][0].lower() in {"let", "for", "to"}:
                    continue
                out.append(Mention(start, end, name, "Country", country))
            elif gaz.city_country(name):
                out.append(Mention(start, end, name, "City", gaz.city_country(name)))
            elif gaz.organization(name) and (n > 1 or name.replace(".", "").isupper() or name[:1].isdigit()):
                out.append(Mention(start, end, name, "Organization", canonical=gaz.organization(name)))
            elif name in regions:
                out.append(Mention(start, end, name, "Place"))
            elif n == 1 and gaz.demonyms.get(name.lower()):
                out.append(Mention(start, end, name, "Demonym", gaz.demonyms[name.lower()]))
            else:
                continue
            taken[i : i + n] = [True] * n
            i += n - 1
            break
        i += 1
    return out
