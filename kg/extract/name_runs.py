"""Names the model runs together or stops inside, taken apart or made whole again.

The small model reads "Brunei Sultan Hassanal Bolkiah" or "VOA White House" as one organisation
and stops "Communist Party of Nepal (Maoist)" inside its brackets. Each repair here states a fact
of how news writes names; the word lists are data in ``kg/lexicons``.
"""

from __future__ import annotations

import re
from functools import cache

from kg.extract.mention_types import Mention, classify
from kg.extract.nlp import text_of
from kg.lexicons import gazetteer, party_adjectives, titles


def repair_runs(doc, mentions: list[Mention]) -> list[Mention]:
    """All the repairs, in order: brackets first (they change an organisation's end), then the
    runs that split, then the party adjectives the model leaves untagged."""
    text = text_of(doc)
    out = [p for m in qualified_organisations(text, mentions) for p in country_before_title(m)]
    out = [title_out_of_name(text, m) for m in out]
    out = [p for m in out for p in listed_organisation_at_venue(m)]
    out = venue_short_forms(out)
    return party_before_title(doc, out)


def country_before_title(m: Mention) -> list[Mention]:
    """ "Brunei Sultan", "Brunei Sultan Hassanal Bolkiah" read as one name: a country's name opens
    it, a whole title follows, and what comes after the title is the holder's name."""
    words = m.text.split()
    if m.type in {"Person", "Country"} or len(words) < 2:
        return [m]
    at = next((i for i in range(len(words) - 1, 0, -1) if gazetteer().country(" ".join(words[:i]))), 0)
    lower = tuple(w.lower() for w in words[at:])
    title = next((f for f in titles().forms if lower[: len(f)] == f), ()) if at else ()
    rest = words[at + len(title) :]
    if not title or not all(w[:1].isupper() for w in rest):
        return [m]
    head = " ".join(words[:at])
    out = [Mention(m.start, m.start + len(head), head, "Country", gazetteer().country(head))]
    if rest:
        name = " ".join(rest)
        out.append(Mention(m.end - len(name), m.end, name, "Person", person_cue=True))
    return out


_QUALIFIER = re.compile(r"[ \t]?\(([A-Z][\w’'-]*(?:[ \t-][A-Z][\w’'-]*)*)\)")


def qualified_organisations(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "Communist Party of Nepal (Maoist)": a capitalised qualifier in brackets right after an
    organisation's name is part of it (the model may stop inside the brackets); an abbreviation in
    brackets ("(EU)") is not."""
    out = list(mentions)
    for m in mentions:
        if m.type != "Organization" or m.canonical:
            continue
        base = m.start + m.text.rfind(" (") if m.text.count("(") > m.text.count(")") else m.end
        q = _QUALIFIER.match(text, base)
        if q is None or q.group(1).replace("-", "").isupper():
            if base != m.end:
                m.end, m.text = base, text[m.start : base]
            continue
        out = [o for o in out if not (m.end <= o.start < q.end())]
        m.end = q.end()
        m.text = text[m.start : m.end]
    return out


def title_out_of_name(text: str, m: Mention) -> Mention:
    """ "Communist Party of China General Secretary": the model ends the party's name inside a
    title ("... China General"); words that open a whole title with what follows are the title's."""
    words = m.text.split()
    if m.type != "Organization" or m.canonical or len(words) < 2:
        return m
    after = text[m.end : m.end + 60].split()[:3]
    for k in (2, 1):
        if len(words) <= k:
            continue
        run = tuple(w.lower().strip(",") for w in [*words[-k:], *after])
        head = " ".join(words[:-k])
        if gazetteer().country(head) or head.lower() in gazetteer().demonyms:
            continue  # "U.S. Treasury Secretary": the office's name, before its title
        if any(len(f) > k and run[: len(f)] == f for f in titles().forms):
            m.end = m.start + len(head)
            m.text = text[m.start : m.end]
            return m
    return m


def venue_short_forms(mentions: list[Mention]) -> list[Mention]:
    """ "Hokuto" where the text also writes "Hokuto Shrine": the venue's short form, though the
    model calls it a city it cannot place (a known city stays one: "Paris" beside "Paris Hotel")."""
    heads = {m.text.split()[0] for m in mentions if m.type == "Place" and len(m.text.split()) > 1}
    for m in mentions:
        if m.type == "City" and m.text in heads and gazetteer().city_country(m.text) is None:
            m.type = "Place"
    return mentions


def listed_organisation_at_venue(m: Mention) -> list[Mention]:
    """ "VOA White House" (Correspondent): a listed organisation's name, then a venue's, read as one
    name are the two (the reporter is of the organisation, posted at the venue)."""
    words = m.text.split()
    if m.type not in {"Organization", "Place"} or m.canonical or len(words) < 2:
        return [m]
    for k in range(1, len(words)):
        head, rest = " ".join(words[:k]), " ".join(words[k:])
        listed = gazetteer().organization(head)
        if listed and classify(rest, "Organization")[0] == "Place":
            cut = m.start + len(head)
            venue_start = m.end - len(rest)
            return [
                Mention(m.start, cut, head, "Organization", canonical=listed),
                Mention(venue_start, m.end, rest, "Place"),
            ]
    return [m]


def party_before_title(doc, mentions: list[Mention]) -> list[Mention]:
    """ "Conservative justice spokesman John Lamont", "Republican Senator Jane Roe": a party's
    adjective, capitalised, right before a title (a lowercase portfolio may come between) names
    the party the holder belongs to. Only before a title: "conservative" or "Democratic" alone
    says nothing of membership. The model tags these words as nationalities (or nothing)."""
    found = _party_words().finditer(text_of(doc))
    at = {m.start: m for m in mentions}
    out = list(mentions)
    for hit in found:
        tok = doc.char_span(hit.start(), hit.end())
        if tok is None or not _before_title(doc, tok.end - 1):
            continue
        m = at.get(hit.start())
        if m is None and any(o.start < hit.start() < o.end for o in mentions):
            continue
        alone = m is not None and m.end == hit.end() and not m.canonical
        if m is None or (alone and (m.type == "Organization" or (m.type == "Demonym" and m.country is None))):
            party = Mention(
                hit.start(), hit.end(), hit.group(), "Organization", canonical=party_adjectives()[hit.group()]
            )
            out = [o for o in out if o is not m] + [party]
    return out


@cache
def _party_words() -> re.Pattern:
    forms = sorted(party_adjectives(), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, forms)) + r")\b")


def _before_title(doc, i: int) -> bool:
    k = i + 1
    while k < len(doc) and k - i <= 3 and doc[k].is_lower and doc[k].lower_ not in titles().words:
        k += 1
    return k < len(doc) and doc[k].lower_ in titles().words and doc[k].lower_ not in {"of", "for", "the", "and"}
