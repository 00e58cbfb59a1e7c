"""Unnamed office holders: "The Prime Minister spoke to President Trump" in a readout that never
names the Prime Minister.

News and readouts represent an official they do not name by the country or organisation the
official acts for (GUIDELINES: "unnamed delegations/officials are represented by their country or
organisation"). A bare government title after "the" that no named person of the document holds
stands for: the country or organisation the title itself names ("the Russian President", "the
President of the Commission"); else the document's home country, when the text leaves exactly
one: a government's own readout names its country ("as the UK continues its engagement") and
gives its counterparts theirs ("Russian Foreign Minister Lavrov"), so the one country named as an
actor and held by none of the named officials is the one its unnamed officials serve. Where two
or more are left, the title stands for no one: a wrong party is worse than none.
"""

from __future__ import annotations

from collections import Counter

from kg.extract.mention_types import Mention
from kg.extract.titles import TitleSpan, bare_titles
from kg.lexicons import party_words


def office_holders(text: str, mentions: list[Mention], spans: list[TitleSpan], roles) -> list[Mention]:
    """Country (or organisation) mentions for the capitalised government titles no one holds."""
    offices = party_words()["government_offices"]
    home = _home_country(mentions, roles)
    out: list[Mention] = []
    for span in bare_titles(text, spans, mentions):
        words = span.text.replace("-", " ").split()
        if span.anaphor or not span.text[0].isupper() or words[-1].lower() not in offices:
            continue
        of = span.of
        if of is not None and (of.country or of.type == "Organization"):
            kind = "Country" if of.country else "Organization"
            out.append(Mention(span.start, span.end, of.text, kind, country=of.country, anaphor=True))
        elif of is None and home is not None:
            out.append(Mention(span.start, span.end, home.text, "Country", country=home.country, anaphor=True))
    return out


def _home_country(mentions: list[Mention], roles) -> Mention | None:
    """The one country the text names as an actor that no named official's title gives."""
    theirs = {r.of for r in roles if r.of}
    named = [m for m in mentions if m.country and (m.type == "Country" or m.metonym) and not m.in_title]
    left = Counter(m.country for m in named if m.country not in theirs)
    if len(left) != 1:
        return None
    (country,) = left
    return max((m for m in named if m.country == country), key=lambda m: len(m.text))
